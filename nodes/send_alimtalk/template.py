"""AlimTalk templates as values: content limits, filling, and the review lifecycle.

Lifecycle: draft → submitted → approved | rejected; a rejected template can be edited (back to draft) and
resubmitted. An approved template's text and buttons never change: :func:`revise` makes a new template
(code with a ``_V{n}`` suffix, status draft) to submit, because Kakao checks every message against the
text it approved. Limits follow PROVIDERS.md: 1,000 characters after filling, ≤ 40 variables, ≤ 5
buttons with names of ≤ 14 characters, a channel-add (AC) button first and named "채널 추가".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from nodes.send_alimtalk.placeholders import MAX_PLACEHOLDERS, check_variables, placeholders, substitute

Status = Literal["draft", "submitted", "approved", "rejected"]
Category = Literal["appointment", "care", "result", "payment", "recall", "notice"]
Specialty = Literal["common", "ophthalmology", "plastic_surgery"]

BUTTON_TYPES = {"WL", "AL", "DS", "BK", "MD", "BC", "BT", "AC", "BF", "P1", "P2", "P3", "TN"}
MAX_TEXT_CHARS = 1000
MAX_BUTTONS = 5
MAX_BUTTON_NAME = 14
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,29}$")


class TemplateStateError(ValueError):
    """A lifecycle step that the template's status does not allow."""


@dataclass(frozen=True)
class Button:
    type: str
    name: str
    link_mobile: str | None = None  # WL: may hold #{변수} filled at send time
    link_pc: str | None = None

    def to_dict(self) -> dict[str, str]:
        data = {"type": self.type, "name": self.name}
        if self.link_mobile:
            data["link_mobile"] = self.link_mobile
        if self.link_pc:
            data["link_pc"] = self.link_pc
        return data


@dataclass(frozen=True)
class AlimTalkTemplate:
    code: str
    name: str
    text: str
    category: Category
    specialty: Specialty = "common"
    buttons: tuple[Button, ...] = ()
    status: Status = "draft"
    version: int = 1
    rejection_reason: str | None = None
    description: str = field(default="", compare=False)

    @property
    def variables(self) -> list[str]:
        """Every placeholder the message needs: the text's, then those only in button links."""
        names = placeholders(self.text)
        for button in self.buttons:
            for link in (button.link_mobile, button.link_pc):
                names += [n for n in placeholders(link or "") if n not in names]
        return names

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "specialty": self.specialty,
            "status": self.status,
            "version": self.version,
            "text": self.text,
            "buttons": [b.to_dict() for b in self.buttons],
            "variables": self.variables,
            "rejection_reason": self.rejection_reason,
            "description": self.description,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AlimTalkTemplate:
        return cls(
            code=data["code"],
            name=data["name"],
            text=data["text"],
            category=data["category"],
            specialty=data.get("specialty", "common"),
            buttons=tuple(Button(**b) for b in data.get("buttons", [])),
            status=data.get("status", "draft"),
            version=int(data.get("version", 1)),
            rejection_reason=data.get("rejection_reason"),
            description=data.get("description", ""),
        )


@dataclass(frozen=True)
class FilledMessage:
    code: str
    text: str
    buttons: tuple[Button, ...]


def problems(template: AlimTalkTemplate) -> list[str]:
    """Why Kakao would refuse the template's form (empty when fine). Content review is compliance/'s job."""
    found: list[str] = []
    if not CODE_RE.match(template.code):
        found.append(
            f"템플릿 코드는 영문 대문자·숫자·_ 30자 이내입니다: {template.code!r}"
            " / code must be A-Z, 0-9, _ and at most 30 characters"
        )
    if not template.text.strip():
        found.append("템플릿 내용이 비어 있습니다 / template text is empty")
    if len(template.text) > MAX_TEXT_CHARS:
        found.append(
            f"내용이 {MAX_TEXT_CHARS}자를 넘습니다 ({len(template.text)}자) / text is over {MAX_TEXT_CHARS} characters"
        )
    names = template.variables
    if len(names) > MAX_PLACEHOLDERS:
        found.append(f"변수는 {MAX_PLACEHOLDERS}개까지입니다 / at most {MAX_PLACEHOLDERS} variables")
    if any(not n.strip() for n in names):
        found.append("이름 없는 변수 #{}가 있습니다 / an empty #{} placeholder")
    if len(template.buttons) > MAX_BUTTONS:
        found.append(f"버튼은 {MAX_BUTTONS}개까지입니다 / at most {MAX_BUTTONS} buttons")
    for index, button in enumerate(template.buttons):
        if button.type not in BUTTON_TYPES:
            found.append(f"버튼 {index + 1}: 알 수 없는 종류 {button.type!r} / button {index + 1}: unknown type")
        if not button.name or len(button.name) > MAX_BUTTON_NAME:
            found.append(
                f"버튼 {index + 1}: 이름은 1–{MAX_BUTTON_NAME}자입니다 ({button.name!r})"
                f" / button {index + 1}: name must be 1–{MAX_BUTTON_NAME} characters"
            )
        if button.type == "WL" and not button.link_mobile:
            found.append(f"버튼 {index + 1}: 웹링크(WL)에는 모바일 링크가 필요합니다 / WL button needs link_mobile")
        if button.type == "AC" and (index != 0 or button.name != "채널 추가"):
            found.append(
                "채널 추가(AC) 버튼은 첫 번째이고 이름이 '채널 추가'여야 합니다"
                " / the AC button must come first and be named '채널 추가'"
            )
    return found


def fill(template: AlimTalkTemplate, variables: Mapping[str, object]) -> FilledMessage:
    """The message text and buttons with every ``#{변수}`` filled; missing or extra variables are an error."""
    check_variables(template.code, template.variables, variables)
    values = {k: str(v) for k, v in variables.items()}
    text = substitute(template.text, values)
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"변수를 채운 알림톡이 {MAX_TEXT_CHARS}자를 넘습니다 ({len(text)}자)"
            f" / the filled AlimTalk is over {MAX_TEXT_CHARS} characters ({len(text)})"
        )
    buttons = tuple(
        replace(
            b,
            link_mobile=substitute(b.link_mobile, values) if b.link_mobile else None,
            link_pc=substitute(b.link_pc, values) if b.link_pc else None,
        )
        for b in template.buttons
    )
    return FilledMessage(code=template.code, text=text, buttons=buttons)


# --- lifecycle --------------------------------------------------------------------------------------


def submit(template: AlimTalkTemplate) -> AlimTalkTemplate:
    if template.status != "draft":
        raise TemplateStateError(
            f"초안만 검수 요청할 수 있습니다 (현재 {template.status})"
            f" / only a draft can be submitted (status: {template.status})"
        )
    found = problems(template)
    if found:
        raise TemplateStateError("; ".join(found))
    return replace(template, status="submitted", rejection_reason=None)


def approve(template: AlimTalkTemplate) -> AlimTalkTemplate:
    if template.status != "submitted":
        raise TemplateStateError(
            f"검수 중인 템플릿만 승인됩니다 (현재 {template.status})"
            f" / only a submitted template can be approved (status: {template.status})"
        )
    return replace(template, status="approved")


def reject(template: AlimTalkTemplate, reason: str) -> AlimTalkTemplate:
    if template.status != "submitted":
        raise TemplateStateError(
            f"검수 중인 템플릿만 반려됩니다 (현재 {template.status})"
            f" / only a submitted template can be rejected (status: {template.status})"
        )
    return replace(template, status="rejected", rejection_reason=reason)


def revise(
    template: AlimTalkTemplate,
    *,
    text: str | None = None,
    name: str | None = None,
    buttons: tuple[Button, ...] | None = None,
) -> AlimTalkTemplate:
    """Edit a template. Draft/rejected: edited in place (back to draft). Approved: a new draft template."""
    changes: dict[str, Any] = {k: v for k, v in (("text", text), ("name", name), ("buttons", buttons)) if v is not None}
    if template.status == "submitted":
        raise TemplateStateError("검수 중인 템플릿은 수정할 수 없습니다 / a template under review cannot change")
    if template.status == "approved":
        base = re.sub(r"_V\d+$", "", template.code)
        version = template.version + 1
        suffix = f"_V{version}"
        return replace(
            template,
            code=base[: 30 - len(suffix)] + suffix,
            version=version,
            status="draft",
            rejection_reason=None,
            **changes,
        )
    return replace(template, status="draft", rejection_reason=None, **changes)
