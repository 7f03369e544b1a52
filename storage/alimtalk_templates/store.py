"""A clinic's AlimTalk templates in the database, through the pure lifecycle of :mod:`nodes.send_alimtalk.template`.

Every change goes through ``submit/approve/reject/revise`` so the rules live in one place; this module only
loads and saves rows (the session is scoped to the caller's clinic by storage.tenancy) and writes the audit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from compliance.alimtalk_catalogue import LIBRARY_STATUS, MappingCatalogue, TemplateCatalogue, from_alimtalk
from nodes.send_alimtalk.library import copy_for_clinic, load_library
from nodes.send_alimtalk.template import (
    AlimTalkTemplate,
    Button,
    TemplateStateError,
    approve,
    problems,
    reject,
    revise,
    submit,
)
from storage import audit, fast_sql
from storage.errors import ApiError, Problem, not_found
from storage.models import AlimTalkTemplateRow
from storage.tenancy import Caller

CATEGORIES = ("appointment", "care", "result", "payment", "recall", "notice")
SPECIALTIES = ("common", "ophthalmology", "plastic_surgery")


def _to_template(row: AlimTalkTemplateRow) -> AlimTalkTemplate:
    return AlimTalkTemplate.from_dict(
        {
            "code": row.code,
            "name": row.name,
            "text": row.text,
            "category": row.category,
            "specialty": row.specialty,
            "buttons": row.buttons,
            "status": row.status,
            "version": row.version,
            "rejection_reason": row.rejection_reason,
            "description": row.description,
        }
    )


def _write(row: AlimTalkTemplateRow, template: AlimTalkTemplate) -> None:
    row.code, row.name, row.text = template.code, template.name, template.text
    row.category, row.specialty = template.category, template.specialty
    row.buttons = [b.to_dict() for b in template.buttons]
    row.status, row.version = template.status, template.version
    row.rejection_reason, row.description = template.rejection_reason, template.description


def _invalid(code: str, message: str, path: str = "") -> ApiError:
    return ApiError(422, [Problem(code, message, path=path)])


def _buttons(value: Any) -> tuple[Button, ...]:
    if not isinstance(value, list):
        raise _invalid("invalid_buttons", "buttons는 배열이어야 합니다 / buttons must be an array", "/buttons")
    buttons = []
    for index, item in enumerate(value):
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("type"), str)
            or not isinstance(item.get("name"), str)
        ):
            raise _invalid(
                "invalid_buttons",
                "버튼에는 type과 name이 필요합니다 / a button needs type and name",
                f"/buttons/{index}",
            )
        buttons.append(
            Button(
                type=item["type"], name=item["name"], link_mobile=item.get("link_mobile"), link_pc=item.get("link_pc")
            )
        )
    return tuple(buttons)


def template_from_payload(data: Any) -> AlimTalkTemplate:
    """A new draft from a request body; every field problem is a 422 naming the field."""
    if not isinstance(data, Mapping):
        raise _invalid("invalid_body", "JSON 객체가 필요합니다 / expected a JSON object")
    for field in ("code", "name", "text", "category"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise _invalid("missing_field", f"{field} 값이 필요합니다 / {field} is required", f"/{field}")
    if data["category"] not in CATEGORIES:
        raise _invalid(
            "invalid_category",
            f"category는 {', '.join(CATEGORIES)} 중 하나입니다 / category must be one of {', '.join(CATEGORIES)}",
            "/category",
        )
    specialty = data.get("specialty", "common")
    if specialty not in SPECIALTIES:
        raise _invalid(
            "invalid_specialty",
            f"specialty는 {', '.join(SPECIALTIES)} 중 하나입니다 / specialty must be one of {', '.join(SPECIALTIES)}",
            "/specialty",
        )
    template = AlimTalkTemplate(
        code=data["code"].strip(),
        name=data["name"].strip(),
        text=data["text"],
        category=data["category"],
        specialty=specialty,
        buttons=_buttons(data.get("buttons", [])),
        description=str(data.get("description", "")),
    )
    _check_form(template)
    return template


def _check_form(template: AlimTalkTemplate) -> None:
    found = problems(template)
    if found:
        raise ApiError(422, [Problem("template_invalid", message) for message in found])


def _check_compliance(template: AlimTalkTemplate) -> None:
    """Kakao reviews every template as an informational AlimTalk: one that the compliance checker already
    refuses (promotion, blacklisted content, medical-advertising claims, personal data …) is not submitted."""
    from compliance.text_rules import lint_text  # the checker needs no storage; imported where used

    errors = [f for f in lint_text(template.text, "alimtalk", "informational") if f.severity == "error"]
    if errors:
        raise ApiError(
            422,
            [Problem(f.rule, f.message + _quote(template.text, f.start, f.end), path="/text") for f in errors],
        )


def _quote(text: str, start: int | None, end: int | None) -> str:
    return f" — 「{text[start:end]}」" if start is not None and end is not None and start < end else ""


async def _row(session: AsyncSession, code: str) -> AlimTalkTemplateRow:
    row = (
        await session.execute(select(AlimTalkTemplateRow).where(AlimTalkTemplateRow.code == code))
    ).scalar_one_or_none()
    if row is None:
        raise not_found(f"알림톡 템플릿 {code}", f"AlimTalk template {code}")
    return row


async def _insert(session: AsyncSession, caller: Caller, template: AlimTalkTemplate, action: str) -> AlimTalkTemplate:
    exists = (
        await session.execute(select(AlimTalkTemplateRow.id).where(AlimTalkTemplateRow.code == template.code))
    ).first()
    if exists:
        raise ApiError(
            409,
            [
                Problem(
                    "template_exists",
                    f"템플릿 코드 {template.code}가 이미 있습니다 / template code {template.code} already exists",
                    path="/code",
                )
            ],
        )
    row = AlimTalkTemplateRow(clinic_id=caller.clinic_id)
    _write(row, template)
    session.add(row)
    await session.flush()
    audit.record(session, caller, action, f"alimtalk_template:{row.id}")
    return template


async def list_templates(session: AsyncSession, status: str | None = None) -> list[AlimTalkTemplate]:
    query = select(AlimTalkTemplateRow).order_by(AlimTalkTemplateRow.code)
    if status:
        query = query.where(AlimTalkTemplateRow.status == status)
    return [_to_template(row) for row in (await session.execute(query)).scalars()]


async def get_template(session: AsyncSession, code: str) -> AlimTalkTemplate:
    return _to_template(await _row(session, code))


async def create(session: AsyncSession, caller: Caller, data: Any) -> AlimTalkTemplate:
    return await _insert(session, caller, template_from_payload(data), "alimtalk_template.create")


async def copy_from_library(session: AsyncSession, caller: Caller, code: str) -> AlimTalkTemplate:
    library = load_library()
    if code not in library:
        raise not_found(f"라이브러리 템플릿 {code}", f"library template {code}")
    return await _insert(session, caller, copy_for_clinic(library[code]), "alimtalk_template.copy")


async def update(session: AsyncSession, caller: Caller, code: str, data: Any) -> AlimTalkTemplate:
    """Edit text/name/buttons. An approved template is never changed: the result is a new draft row."""
    if not isinstance(data, Mapping):
        raise _invalid("invalid_body", "JSON 객체가 필요합니다 / expected a JSON object")
    row = await _row(session, code)
    text, name = data.get("text"), data.get("name")
    if any(value is not None and not isinstance(value, str) for value in (text, name)):
        raise _invalid("invalid_field", "text와 name은 문자열입니다 / text and name are strings")
    buttons = _buttons(data["buttons"]) if "buttons" in data else None
    try:
        revised = revise(_to_template(row), text=text, name=name, buttons=buttons)
    except TemplateStateError as exc:
        raise ApiError(409, [Problem("template_state", str(exc))]) from None
    _check_form(revised)
    if revised.code != row.code:
        return await _insert(session, caller, revised, "alimtalk_template.revise")
    _write(row, revised)
    await session.flush()
    audit.record(session, caller, "alimtalk_template.update", f"alimtalk_template:{row.id}")
    return revised


async def transition(
    session: AsyncSession, caller: Caller, code: str, action: str, reason: str | None = None
) -> AlimTalkTemplate:
    """submit | approve | reject (with a reason), as the provider's review goes."""
    row = await _row(session, code)
    current = _to_template(row)
    try:
        if action == "submit":
            changed = submit(current)
            _check_compliance(changed)
        elif action == "approve":
            changed = approve(current)
        elif action == "reject":
            if not reason or not reason.strip():
                raise _invalid("missing_field", "반려 사유가 필요합니다 / a rejection reason is required", "/reason")
            changed = reject(current, reason.strip())
        else:
            raise _invalid("invalid_action", f"알 수 없는 동작입니다: {action} / unknown action: {action}")
    except TemplateStateError as exc:
        raise ApiError(409, [Problem("template_state", str(exc))]) from None
    _write(row, changed)
    await session.flush()
    audit.record(session, caller, f"alimtalk_template.{action}", f"alimtalk_template:{row.id}")
    return changed


async def clinic_templates(session: AsyncSession) -> dict[str, AlimTalkTemplate]:
    """The templates the clinic can pick from: the shipped library is every clinic's seed, and the clinic's
    own templates (whatever their review state) stand over it — a draft copy of a library code is a draft
    until Kakao approves it."""
    templates = dict(load_library())
    templates.update((t.code, t) for t in await list_templates(session))
    return templates


async def clinic_catalogue(session: AsyncSession) -> TemplateCatalogue:
    """The templates of the session's clinic as the compliance checker sees them: only the clinic's own
    templates can be approved. A library original is status ``library`` — never sendable: Kakao approves a
    template for one clinic's channel, so the clinic copies it, submits it and sends its approved copy."""
    library = {code: replace(from_alimtalk(t), status=LIBRARY_STATUS) for code, t in load_library().items()}
    own = {t.code: from_alimtalk(t) for t in await list_templates(session)}
    return MappingCatalogue({**library, **own})


async def approved_for_sending(session: AsyncSession) -> dict[str, dict[str, Any]]:
    """The clinic's own approved templates as ``{code: {"text", "variables", "buttons", …}}`` — the shape the
    ``send.alimtalk`` executor reads from ``clinic["alimtalk_templates"]`` (library originals are not sendable)."""
    return {t.code: t.to_dict() for t in await list_templates(session) if t.status == "approved"}


_TEMPLATES = cast(Table, AlimTalkTemplateRow.__table__)
# Built once, run on the connection (Core, no ORM compile per call): the runtime reads it on every advance.
_APPROVED = select(_TEMPLATES.c.code, _TEMPLATES.c.text).where(
    _TEMPLATES.c.clinic_id == bindparam("clinic"), _TEMPLATES.c.status == "approved"
)


async def approved_texts(session: AsyncSession | AsyncConnection, clinic_id: int) -> dict[str, str]:
    """``{code: text}`` of the clinic's own approved templates, for the runtime (whose sessions are not
    scoped to one clinic, hence the explicit filter). Sent over the shipped library's text of the same code."""
    if isinstance(session, AsyncSession):
        if session.new or session.dirty:
            await session.flush()  # what an ORM query would autoflush (a template approved in this transaction)
        connection = await session.connection()
    else:
        connection = session
    return {code: text for code, text in (await fast_sql.execute(connection, _APPROVED, {"clinic": clinic_id})).all()}
