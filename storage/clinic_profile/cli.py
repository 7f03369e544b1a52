"""``doctorsflow clinic show`` and ``doctorsflow clinic set``: the clinic profile from the command line.

``set`` takes the same fields as ``PUT /api/clinic``, from options and/or ``--file PROFILE.json``
(options win); a bad value exits 1 with every problem named, and nothing is saved.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit, emit_errors

_OPTIONS = (
    ("--name", "name", "병원 이름 / clinic name"),
    ("--phone", "phone", "대표 전화 / phone"),
    ("--address", "address", "주소 / address"),
    ("--map-url", "map_url", "지도 링크 / map link"),
    ("--optout-number", "optout_number", "080 무료수신거부 번호 / 080 free opt-out number"),
    ("--kakao-channel", "kakao_channel", "카카오톡 채널 / Kakao channel"),
)


def register(commands: Any) -> None:
    clinic = commands.add_parser("clinic", help="병원 정보 보기·바꾸기 / show or change the clinic profile")
    sub = clinic.add_subparsers(dest="clinic_command", required=True, metavar="ACTION")
    show = sub.add_parser("show", help="병원 정보 보기 / show the profile")
    add_format(show)
    show.set_defaults(handler=run_show)
    change = sub.add_parser("set", help="병원 정보 바꾸기 / change the profile")
    change.add_argument("--file", help="PROFILE.json (GET /api/clinic와 같은 모양 / the shape of GET /api/clinic)")
    for flag, dest, text in _OPTIONS:
        change.add_argument(flag, dest=dest, help=text)
    change.add_argument(
        "--sender-number", dest="sender_numbers", action="append", help="발신번호 (여러 번) / sender number (repeat)"
    )
    change.add_argument(
        "--signoff-required-for-ads",
        choices=("yes", "no"),
        help="광고 게시 전 검토 서명 필요 / advertising needs a reviewer's sign-off before publishing",
    )
    add_format(change)
    change.set_defaults(handler=run_set)


def _text(profile: dict[str, Any]) -> str:
    officer = profile["privacy_officer"]
    lines = [
        f"병원 이름 / name: {profile['name']}",
        f"전화 / phone: {profile['phone'] or '-'}",
        f"주소 / address: {profile['address'] or '-'}",
        f"080 수신거부 / opt-out: {profile['optout_number'] or '-'}",
        f"발신번호 / sender numbers: {', '.join(profile['sender_numbers']) or '-'}",
        f"개인정보 보호책임자 / privacy officer: {officer.get('name') or '-'}",
        f"광고 서명 필요 / sign-off for ads: {'예 / yes' if profile['signoff_required_for_ads'] else '아니오 / no'}",
    ]
    return "\n".join(lines)


async def _apply(body: dict[str, Any] | None) -> dict[str, Any]:
    from storage.clinic_profile.service import get_clinic, profile_view, update_profile
    from storage.config import Settings
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller

    settings = Settings.from_env()
    upgrade(settings)  # a fresh data dir works like every other command's
    try:
        clinic_id = await ensure_default_clinic(settings)
        async with session_scope(settings, clinic_id) as session:
            caller = Caller(clinic_id=clinic_id, actor="cli")
            if body is None:
                return profile_view(await get_clinic(session, caller))
            return profile_view(await update_profile(session, caller, body))
    finally:
        await dispose_engines()


def run_show(args: argparse.Namespace) -> int:
    profile = asyncio.run(_apply(None))
    emit(args, profile, _text(profile))
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    from nodes.cli import UnreadableFile, read_json_file
    from storage.errors import ApiError

    body: dict[str, Any] = {}
    if args.file:
        try:
            loaded = read_json_file(Path(args.file))
        except UnreadableFile as exc:
            print(f"✗ {args.file}: {exc.message}", file=sys.stderr)
            return EXIT_USAGE
        if not isinstance(loaded, dict):
            print(f"✗ {args.file}: JSON 객체가 아닙니다 / not a JSON object", file=sys.stderr)
            return EXIT_USAGE
        body.update(loaded)
    for _flag, dest, _help in _OPTIONS:
        if getattr(args, dest) is not None:
            body[dest] = getattr(args, dest)
    if args.sender_numbers is not None:
        body["sender_numbers"] = args.sender_numbers
    if args.signoff_required_for_ads is not None:
        body["signoff_required_for_ads"] = args.signoff_required_for_ads == "yes"
    try:
        profile = asyncio.run(_apply(body))
    except ApiError as exc:
        errors = exc.body()["errors"]
        emit_errors(args, errors, "\n".join(f"✗ {e['path']}: {e['message']}" for e in errors))
        return EXIT_INVALID
    emit(args, profile, "✓ 병원 정보를 저장했습니다 / clinic profile saved\n" + _text(profile))
    return EXIT_OK
