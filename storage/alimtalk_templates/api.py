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

from typing import Any

from litestar import Controller, get, post, put
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.send_alimtalk.library import load_library
from storage.alimtalk_templates import store
from storage.errors import ApiError, Problem
from storage.tenancy import Caller

STATUSES = ("draft", "submitted", "approved", "rejected")


class AlimTalkTemplateController(Controller):
    path = "/api/alimtalk-templates"
    tags = ["alimtalk-templates"]

    @get("/library", operation_id="ListAlimTalkLibrary")
    async def library(self) -> dict[str, Any]:
        return {"templates": [t.to_dict() for t in load_library().values()]}

    @get("/", operation_id="ListAlimTalkTemplates")
    async def list_templates(
        self, db_session: AsyncSession, status: str | None = Parameter(default=None)
    ) -> dict[str, Any]:
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
        return {"templates": [t.to_dict() for t in await store.list_templates(db_session, status)]}

    @get("/{code:str}", operation_id="GetAlimTalkTemplate")
    async def get_one(self, db_session: AsyncSession, code: str) -> dict[str, Any]:
        return (await store.get_template(db_session, code)).to_dict()

    @post("/", operation_id="CreateAlimTalkTemplate")
    async def create(self, db_session: AsyncSession, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        return (await store.create(db_session, caller, data)).to_dict()

    @post("/library/{code:str}/copy", operation_id="CopyAlimTalkLibraryTemplate")
    async def copy(self, db_session: AsyncSession, caller: Caller, code: str) -> dict[str, Any]:
        return (await store.copy_from_library(db_session, caller, code)).to_dict()

    @put("/{code:str}", operation_id="UpdateAlimTalkTemplate")
    async def update(self, db_session: AsyncSession, caller: Caller, code: str, data: dict[str, Any]) -> dict[str, Any]:
        return (await store.update(db_session, caller, code, data)).to_dict()

    @post("/{code:str}/submit", operation_id="SubmitAlimTalkTemplate", status_code=200)
    async def submit(self, db_session: AsyncSession, caller: Caller, code: str) -> dict[str, Any]:
        return (await store.transition(db_session, caller, code, "submit")).to_dict()

    @post("/{code:str}/approve", operation_id="ApproveAlimTalkTemplate", status_code=200)
    async def approve(self, db_session: AsyncSession, caller: Caller, code: str) -> dict[str, Any]:
        return (await store.transition(db_session, caller, code, "approve")).to_dict()

    @post("/{code:str}/reject", operation_id="RejectAlimTalkTemplate", status_code=200)
    async def reject(self, db_session: AsyncSession, caller: Caller, code: str, data: dict[str, Any]) -> dict[str, Any]:
        reason = data.get("reason") if isinstance(data, dict) else None
        return (
            await store.transition(db_session, caller, code, "reject", reason if isinstance(reason, str) else None)
        ).to_dict()


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
