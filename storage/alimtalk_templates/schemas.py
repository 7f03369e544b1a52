"""Shapes of the AlimTalk template API's bodies (``api.py`` beside this); see ``nodes/schemas.py`` for why
TypedDicts. ``store.py`` checks the requests and answers our own problems."""

from typing import NotRequired, TypedDict

from nodes.send_alimtalk.template import Category, Specialty, Status


class AlimTalkButton(TypedDict):
    type: str  # WL, AL, DS, BK, MD, BC, BT, AC, …
    name: str
    link_mobile: NotRequired[str]  # WL: may hold #{변수} filled at send time
    link_pc: NotRequired[str]


class AlimTalkTemplate(TypedDict):
    code: str
    name: str
    category: Category
    specialty: Specialty
    status: Status
    version: int
    text: str
    buttons: list[AlimTalkButton]
    variables: list[str]
    rejection_reason: str | None
    description: str


class AlimTalkTemplateList(TypedDict):
    templates: list[AlimTalkTemplate]


class AlimTalkDraftIn(TypedDict):
    code: str
    name: str
    text: str
    category: Category
    specialty: NotRequired[Specialty]
    buttons: NotRequired[list[AlimTalkButton]]
    description: NotRequired[str]


class AlimTalkEditIn(TypedDict, total=False):
    """Only the given fields change; an approved template becomes a new ``_V{n}`` draft."""

    text: str
    name: str
    buttons: list[AlimTalkButton]


class RejectIn(TypedDict, total=False):
    reason: str
