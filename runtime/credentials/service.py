"""A clinic's stored provider credentials: validate, save (secrets sealed), load, describe with secrets masked.

One row per (clinic, provider) in ``provider_credentials`` (storage/models/provider_credential.py). Field
keys are the channel setting keys of ``registry.py``, so a stored row becomes ``build_channel`` settings
as is. Secrets never leave this module except into ``settings_of`` (for the channel client): the API sees
``masked`` values (``••••1234``), the audit log sees field names only, and nothing here logs.

Saving rules: a blank secret keeps the stored one (the form is re-saved without retyping); a blank
non-secret clears it; ``clear`` lists optional secrets to remove. Every problem of a request is reported
at once (422, one Problem per field) and nothing is written.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete as sa_delete
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.phone_numbers import normalise_phone
from runtime.channels.hosts import base_url_problem
from storage import audit
from storage.accounts.names import actor_names
from storage.crypto import DecryptionError
from storage.errors import ApiError, Problem, not_found
from storage.models import ProviderCredential
from storage.tenancy import Caller

Kind = Literal["secret", "phone", "sender_key", "url", "choice"]
STORED_PROVIDERS = ("solapi", "nhncloud")


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()

    @property
    def secret(self) -> bool:
        return self.kind == "secret"

    def describe(self) -> dict[str, Any]:
        return {"key": self.key, "secret": self.secret, "required": self.required, "choices": list(self.choices)}


FIELDS: dict[str, tuple[Field, ...]] = {
    "solapi": (
        Field("solapi_api_key", "secret", required=True),
        Field("solapi_api_secret", "secret", required=True),
        Field("sender_number", "phone", required=True),
        Field("kakao_sender_key", "sender_key"),
        Field("solapi_friendtalk_type", "choice", choices=("BMS_TEXT", "CTA")),
        Field("solapi_base_url", "url"),
    ),
    "nhncloud": (
        Field("nhn_sms_app_key", "secret", required=True),
        Field("nhn_sms_secret_key", "secret", required=True),
        Field("sender_number", "phone", required=True),
        Field("nhn_kakao_app_key", "secret"),
        Field("nhn_kakao_secret_key", "secret"),
        Field("kakao_sender_key", "sender_key"),
        Field("nhn_sms_base_url", "url"),
        Field("nhn_kakao_base_url", "url"),
    ),
}

_SECRET_RE = re.compile(r"^[\x21-\x7e]{1,200}$")  # printable ASCII, no spaces
_SENDER_KEY_RE = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")


def mask(value: str) -> str:
    """What the UI may show of a stored secret: its last 4 characters when it is long enough to spare them."""
    return "••••" + value[-4:] if len(value) >= 12 else "••••"  # NHN secret keys are only 8 long


# -- what other processes must notice ---------------------------------------------------------------------
_generation = 0
_generation_lock = threading.Lock()


def generation() -> int:
    """Grows after every committed save or delete in this process (the runtime re-reads at once)."""
    return _generation


def _bump_after_commit(session: AsyncSession) -> None:
    def bump(_session: Any) -> None:
        global _generation
        with _generation_lock:
            _generation += 1

    event.listen(session.sync_session, "after_commit", bump, once=True)


# -- reading ----------------------------------------------------------------------------------------------
def _provider_or_404(provider: str) -> tuple[Field, ...]:
    fields = FIELDS.get(provider)
    if fields is None:
        raise not_found(f"발송 제공사 {provider!r}", f"provider {provider!r}")
    return fields


def _unreadable() -> ApiError:
    return ApiError(
        409,
        [
            Problem(
                "credentials_unreadable",
                "저장된 발송 키를 복호화할 수 없습니다. 서버 암호화 키(DOCTORSFLOW_SECRET_KEY,"
                " DOCTORSFLOW_PREVIOUS_SECRET_KEYS)를 확인하거나, 삭제한 뒤 다시 입력하세요"
                " / stored provider keys cannot be decrypted: check the server keys, or delete and re-enter them",
            )
        ],
    )


async def _rows(session: AsyncSession, *criteria: Any) -> list[ProviderCredential]:
    """Rows of the session's clinic; a 409 naming the server key when a sealed value does not open."""
    try:
        return list((await session.execute(select(ProviderCredential).where(*criteria))).scalars())
    except DecryptionError:
        raise _unreadable() from None


async def load(session: AsyncSession, provider: str) -> ProviderCredential | None:
    """The row of ``provider`` in the session's clinic."""
    rows = await _rows(session, ProviderCredential.provider == provider)
    return rows[0] if rows else None


def secrets_of(row: ProviderCredential) -> dict[str, str]:
    value = json.loads(row.secrets) if row.secrets else {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def settings_of(row: ProviderCredential) -> dict[str, str]:
    """Channel settings (``registry.build_channel``) of a stored row: secrets decrypted, for use now."""
    return {
        **{str(k): str(v) for k, v in (row.options or {}).items() if v},
        **secrets_of(row),
        "provider": row.provider,
    }


async def active_version(session: AsyncSession) -> tuple[int, int] | None:
    """(id, version) of the session clinic's active row: cheap, no decryption (the runtime's cache key)."""
    query = select(ProviderCredential.id, ProviderCredential.version).where(ProviderCredential.active.is_(True))
    found = (await session.execute(query.limit(1))).first()
    return (int(found[0]), int(found[1])) if found else None


async def load_active(session: AsyncSession) -> tuple[tuple[int, int], dict[str, str]] | None:
    """The active row's version and channel settings, or None when the clinic has none active."""
    query = select(ProviderCredential).where(ProviderCredential.active.is_(True)).limit(1)
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        return None
    return (row.id, row.version), settings_of(row)


def describe_row(provider: str, row: ProviderCredential | None) -> dict[str, Any]:
    """One provider's state for the API: which fields are set, secrets masked, never a secret value."""
    secrets = secrets_of(row) if row is not None else {}
    options = dict(row.options or {}) if row is not None else {}
    fields = []
    for spec in FIELDS[provider]:
        item = spec.describe()
        if spec.secret:
            stored = secrets.get(spec.key, "")
            item |= {"set": bool(stored), "masked": mask(stored) if stored else None}
        else:
            value = str(options.get(spec.key) or "")
            item |= {"set": bool(value), "value": value}
        fields.append(item)
    return {
        "provider": provider,
        "stored": row is not None,
        "active": bool(row and row.active),
        "updated_at": row.updated_at.isoformat() if row is not None else None,
        "updated_by": row.updated_by if row is not None else None,
        "fields": fields,
    }


async def describe(session: AsyncSession) -> dict[str, Any]:
    """Every provider of the session's clinic (``GET /api/channels/credentials``)."""
    rows = {row.provider: row for row in await _rows(session)}
    active = next((p for p, r in rows.items() if r.active), None)
    names = await actor_names(session, (r.updated_by for r in rows.values()))
    providers = [describe_row(p, rows.get(p)) for p in STORED_PROVIDERS]
    for item in providers:
        by = item["updated_by"]
        item["updated_by_name"] = names.get(by, by) if by else None
    return {"active_provider": active, "providers": providers}


# -- validating and saving --------------------------------------------------------------------------------
def _field_problem(spec: Field, value: str) -> tuple[str | None, str]:
    """(problem, normalised value) of one non-blank value."""
    if spec.kind == "secret":
        if not _SECRET_RE.match(value):
            return (
                f"{spec.key}: 공백 없이 200자 이하의 영문·숫자·기호로 입력하세요"
                f" / {spec.key} must be up to 200 printable characters without spaces",
                value,
            )
    elif spec.kind == "phone":
        digits = normalise_phone(value)
        if digits is None:
            return (
                f"{spec.key}: 발신번호 형식이 아닙니다 (예: 02-1234-5678, 010-1234-5678, 1588-1234)"
                f" / {spec.key} must be a Korean phone number",
                value,
            )
        return None, digits
    elif spec.kind == "sender_key":
        if not _SENDER_KEY_RE.match(value):
            return (
                f"{spec.key}: 카카오 발신프로필 키는 영문·숫자·-·_ 100자 이하입니다"
                f" / {spec.key} must be up to 100 letters, digits, - or _",
                value,
            )
    elif spec.kind == "url":
        return base_url_problem(spec.key, value), value.rstrip("/")
    elif spec.kind == "choice" and value not in spec.choices:
        return (
            f"{spec.key}: {' 또는 '.join(spec.choices)} 중 하나입니다 / {spec.key} must be one of {', '.join(spec.choices)}",
            value,
        )
    return None, value


def _problem(key: str, message: str) -> Problem:
    return Problem("invalid_credentials", message, path=f"/fields/{key}" if key else "")


def _parse_body(provider: str, body: Mapping[str, Any]) -> tuple[dict[str, str], bool, set[str], list[Problem]]:
    problems: list[Problem] = []
    unknown_top = sorted(set(body) - {"fields", "active", "clear"})
    for key in unknown_top:
        problems.append(Problem("invalid_body", f"알 수 없는 항목입니다: {key} / unknown member {key}", path=f"/{key}"))
    fields = body.get("fields", {})
    if not isinstance(fields, dict):
        problems.append(Problem("invalid_body", "fields는 객체여야 합니다 / fields must be an object", path="/fields"))
        fields = {}
    active = body.get("active", True)
    if not isinstance(active, bool):
        problems.append(Problem("invalid_body", "active는 true/false입니다 / active must be a boolean", path="/active"))
    clear = body.get("clear", [])
    if not isinstance(clear, list) or not all(isinstance(c, str) for c in clear):
        problems.append(
            Problem("invalid_body", "clear는 항목 이름 목록입니다 / clear must be a list of field names", path="/clear")
        )
        clear = []
    known = {f.key: f for f in FIELDS[provider]}
    values: dict[str, str] = {}
    for key, value in fields.items():
        if key not in known:
            problems.append(_problem(key, f"{provider}에 없는 항목입니다: {key} / {provider} has no field {key}"))
        elif not isinstance(value, str):
            problems.append(_problem(key, f"{key}: 문자열이어야 합니다 / {key} must be a string"))
        else:
            values[key] = value.strip()
    for key in clear:
        spec = known.get(key)
        if spec is None or not spec.secret or spec.required:
            problems.append(
                Problem("invalid_body", f"지울 수 없는 항목입니다: {key} / {key} cannot be cleared", path="/clear")
            )
    return values, bool(active), set(clear), problems


def merge(
    provider: str, body: Mapping[str, Any], row: ProviderCredential | None
) -> tuple[dict[str, str], dict[str, str], bool]:
    """(secrets, options, active) the row will hold after ``body``; ApiError 422 listing every problem."""
    values, active, clear, problems = _parse_body(provider, body)
    secrets = secrets_of(row) if row is not None else {}
    options = {str(k): str(v) for k, v in (row.options or {}).items()} if row is not None else {}
    for spec in FIELDS[provider]:
        value = values.get(spec.key, "")
        if spec.secret and spec.key in clear:
            secrets.pop(spec.key, None)
            continue
        if value:
            problem, normalised = _field_problem(spec, value)
            if problem:
                problems.append(_problem(spec.key, problem))
                continue
            (secrets if spec.secret else options)[spec.key] = normalised
        elif not spec.secret and spec.key in values:
            options.pop(spec.key, None)  # a blank non-secret clears it; a blank secret keeps the stored one
        stored = (secrets if spec.secret else options).get(spec.key)
        if spec.required and not stored and not any(p.path == f"/fields/{spec.key}" for p in problems):
            problems.append(_problem(spec.key, f"{spec.key} 값을 입력하세요 / {spec.key} is required"))
    if not problems and bool(secrets.get("nhn_kakao_app_key")) != bool(secrets.get("nhn_kakao_secret_key")):
        # registry.build_channel's rule too; checked here without building a client (an SSL context each)
        problems.append(
            Problem(
                "channel_config",
                "카카오톡 비즈메시지 앱키와 시크릿 키는 함께 입력해야 합니다"
                " / KakaoTalk Bizmessage appkey and secret key go together",
                path="/fields/nhn_kakao_secret_key",
            )
        )
    if problems:
        raise ApiError(422, problems)
    return secrets, options, active


async def save(session: AsyncSession, caller: Caller, provider: str, body: Mapping[str, Any]) -> ProviderCredential:
    """Validate and store ``provider``'s credentials for the caller's clinic; audited without values."""
    _provider_or_404(provider)
    row = await load(session, provider)
    before_secrets = secrets_of(row) if row is not None else {}
    before_options = dict(row.options or {}) if row is not None else {}
    secrets, options, active = merge(provider, body, row)
    changed = sorted(
        {k for k in {*secrets, *before_secrets} if secrets.get(k) != before_secrets.get(k)}
        | {k for k in {*options, *before_options} if options.get(k) != before_options.get(k)}
    )
    if row is None:
        row = ProviderCredential(clinic_id=caller.clinic_id, provider=provider, version=0)
        session.add(row)
    row.secrets = json.dumps(secrets, sort_keys=True)
    row.options = options
    row.version = (row.version or 0) + 1
    row.updated_by = caller.actor
    if active and not row.active:
        for other in await _rows(session):
            if other is not row and other.active:
                other.active = False
                other.version += 1
    row.active = active
    await session.flush()
    audit.record(
        session, caller, "channel_credentials.save", f"provider:{provider}", fields_changed=changed, active=active
    )
    _bump_after_commit(session)
    return row


async def delete(session: AsyncSession, caller: Caller, provider: str) -> None:
    _provider_or_404(provider)
    # Columns only, and a bulk DELETE: keys that no longer decrypt can still be removed.
    query = select(ProviderCredential.id, ProviderCredential.active).where(ProviderCredential.provider == provider)
    found = (await session.execute(query)).first()
    if found is None:
        raise not_found(f"{provider} 자격 증명", f"{provider} credentials")
    was_active = bool(found[1])
    await session.execute(sa_delete(ProviderCredential).where(ProviderCredential.id == found[0]))
    audit.record(session, caller, "channel_credentials.delete", f"provider:{provider}", was_active=was_active)
    _bump_after_commit(session)


async def stored_settings(session: AsyncSession, provider: str) -> dict[str, str]:
    """Channel settings of the clinic's stored ``provider`` (for "test connection"); 404 when none."""
    _provider_or_404(provider)
    row = await load(session, provider)
    if row is None:
        raise ApiError(
            404,
            [
                Problem(
                    "not_found",
                    f"저장된 {provider} 자격 증명이 없습니다. 먼저 저장하세요 / no stored {provider} credentials: save them first",
                )
            ],
        )
    return settings_of(row)
