"""HTTP API of AlimTalk templates: the shipped library, a clinic's templates and their Kakao review state.

- ``GET /api/alimtalk-templates/library`` — the shipped library
- ``GET /api/alimtalk-templates[?status=approved]``, ``GET /api/alimtalk-templates/{code}``
- ``POST /api/alimtalk-templates`` (code, name, text, category, specialty?, buttons?) → 201 draft
- ``POST /api/alimtalk-templates/library/{code}/copy`` → 201 the clinic's draft copy
- ``PUT /api/alimtalk-templates/{code}`` (text?, name?, buttons?) → the edited draft, or a new ``_V{n}``
  draft when the template was approved
- ``POST /api/alimtalk-templates/{code}/submit|approve|reject`` (reject: ``{"reason"}``)
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, get, post, put
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.send_alimtalk.library import load_library
from nodes.send_alimtalk.template import AlimTalkTemplate as TemplateModel
from storage.alimtalk_templates import store
from storage.alimtalk_templates.schemas import (
    AlimTalkDraftIn,
    AlimTalkEditIn,
    AlimTalkTemplate,
    AlimTalkTemplateList,
    RejectIn,
)
from storage.errors import ApiError, Problem
from storage.openapi import BodyShape
from storage.tenancy import Caller

STATUSES = ("draft", "submitted", "approved", "rejected")


def _view(template: TemplateModel) -> AlimTalkTemplate:
    return cast(AlimTalkTemplate, template.to_dict())


class AlimTalkTemplateController(Controller):
    path = "/api/alimtalk-templates"
    tags = ["alimtalk-templates"]

    @get("/library", operation_id="ListAlimTalkLibrary")
    async def library(self) -> AlimTalkTemplateList:
        return {"templates": [_view(t) for t in load_library().values()]}

    @get("/", operation_id="ListAlimTalkTemplates")
    async def list_templates(
        self, db_session: AsyncSession, status: str | None = Parameter(default=None)
    ) -> AlimTalkTemplateList:
        if status is not None and status not in STATUSES:
            raise ApiError(
                422,
                [
                    Problem(
                        "invalid_status",
                        f"status는 {', '.join(STATUSES)} 중 하나입니다 / status must be one of {', '.join(STATUSES)}",
                        path="status",
                    )
                ],
            )
        return {"templates": [_view(t) for t in await store.list_templates(db_session, status)]}

    @get("/{code:str}", operation_id="GetAlimTalkTemplate")
    async def get_one(self, db_session: AsyncSession, code: str) -> AlimTalkTemplate:
        return _view(await store.get_template(db_session, code))

    @post("/", operation_id="CreateAlimTalkTemplate")
    async def create(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[dict[str, Any], BodyShape(AlimTalkDraftIn)]
    ) -> AlimTalkTemplate:
        return _view(await store.create(db_session, caller, data))

    @post("/library/{code:str}/copy", operation_id="CopyAlimTalkLibraryTemplate")
    async def copy(self, db_session: AsyncSession, caller: Caller, code: str) -> AlimTalkTemplate:
        return _view(await store.copy_from_library(db_session, caller, code))

    @put("/{code:str}", operation_id="UpdateAlimTalkTemplate")
    async def update(
        self,
        db_session: AsyncSession,
        caller: Caller,
        code: str,
        data: Annotated[dict[str, Any], BodyShape(AlimTalkEditIn)],
    ) -> AlimTalkTemplate:
        return _view(await store.update(db_session, caller, code, data))

    @post("/{code:str}/submit", operation_id="SubmitAlimTalkTemplate", status_code=200)
    async def submit(self, db_session: AsyncSession, caller: Caller, code: str) -> AlimTalkTemplate:
        return _view(await store.transition(db_session, caller, code, "submit"))

    @post("/{code:str}/approve", operation_id="ApproveAlimTalkTemplate", status_code=200)
    async def approve(self, db_session: AsyncSession, caller: Caller, code: str) -> AlimTalkTemplate:
        return _view(await store.transition(db_session, caller, code, "approve"))

    @post("/{code:str}/reject", operation_id="RejectAlimTalkTemplate", status_code=200)
    async def reject(
        self, db_session: AsyncSession, caller: Caller, code: str, data: Annotated[dict[str, Any], BodyShape(RejectIn)]
    ) -> AlimTalkTemplate:
        reason = data.get("reason") if isinstance(data, dict) else None
        return _view(
            await store.transition(db_session, caller, code, "reject", reason if isinstance(reason, str) else None)
        )


ROUTES = [AlimTalkTemplateController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "ListAlimTalkLibrary": "workflow.read",
    "ListAlimTalkTemplates": "workflow.read",
    "GetAlimTalkTemplate": "workflow.read",
    "CreateAlimTalkTemplate": "workflow.write",
    "CopyAlimTalkLibraryTemplate": "workflow.write",
    "UpdateAlimTalkTemplate": "workflow.write",
    "SubmitAlimTalkTemplate": "workflow.write",
    "ApproveAlimTalkTemplate": "settings.write",
    "RejectAlimTalkTemplate": "settings.write",
}
