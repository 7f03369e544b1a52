"""HTTP API of the clinic's procedure catalogue.

- ``GET /api/procedures`` → ``{"procedures": [...], "attended_completes_procedure", "customised"}``
- ``PUT /api/procedures`` (the whole list, optionally the setting) → the same; 422 naming every bad entry
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, get, put
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.errors import ApiError, Problem
from storage.models import Procedure
from storage.openapi import BodyShape
from storage.procedures.catalogue import (
    attended_completes,
    entry_view,
    load_catalogue,
    parse_catalogue,
    replace_catalogue,
    set_attended_completes,
)
from storage.procedures.schemas import ProcedureCatalogue, ProcedureCatalogueIn, ProcedureItem
from storage.tenancy import Caller


async def catalogue_view(session: AsyncSession, clinic_id: int) -> ProcedureCatalogue:
    entries = await load_catalogue(session, clinic_id)
    count = select(func.count()).select_from(Procedure).where(Procedure.clinic_id == clinic_id)
    stored = (await session.execute(count)).scalar_one()
    return {
        "procedures": [cast(ProcedureItem, entry_view(e)) for e in entries],
        "attended_completes_procedure": await attended_completes(session, clinic_id),
        "customised": bool(stored),
    }


class ProcedureController(Controller):
    path = "/api/procedures"
    tags = ["procedures"]

    @get("/", operation_id="GetProcedureCatalogue")
    async def get_catalogue(self, db_session: AsyncSession, caller: Caller) -> ProcedureCatalogue:
        return await catalogue_view(db_session, caller.clinic_id)

    @put("/", operation_id="PutProcedureCatalogue")
    async def put_catalogue(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(ProcedureCatalogueIn)]
    ) -> ProcedureCatalogue:
        if not isinstance(data, dict):
            raise ApiError(422, [Problem("invalid_body", "JSON 객체를 보내 주세요 / send a JSON object")])
        entries = parse_catalogue(data.get("procedures"))
        setting = data.get("attended_completes_procedure")
        if setting is not None and not isinstance(setting, bool):
            raise ApiError(
                422,
                [
                    Problem(
                        "invalid_field",
                        "참/거짓 값이어야 합니다 / must be true or false",
                        path="/attended_completes_procedure",
                    )
                ],
            )
        await replace_catalogue(db_session, caller.clinic_id, entries)
        if setting is not None:
            await set_attended_completes(db_session, caller.clinic_id, setting)
        audit.record(db_session, caller, "procedures.replace", f"clinic:{caller.clinic_id}", count=len(entries))
        return await catalogue_view(db_session, caller.clinic_id)


ROUTES = [ProcedureController]

ROUTE_PERMISSIONS = {
    "GetProcedureCatalogue": "workflow.read",
    "PutProcedureCatalogue": "settings.write",
}
