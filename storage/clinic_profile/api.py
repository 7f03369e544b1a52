"""HTTP API of the clinic profile (병원 정보).

- ``GET /api/clinic`` → the profile (any logged-in user of the clinic: the editor's previews need it)
- ``PUT /api/clinic`` (any subset of the fields) → the profile; a bad field is a 422 naming it, nothing saved
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, get, put
from sqlalchemy.ext.asyncio import AsyncSession

from storage.clinic_profile.schemas import ClinicProfile, ClinicProfileIn
from storage.clinic_profile.service import get_clinic, profile_view, update_profile
from storage.openapi import BodyShape
from storage.tenancy import Caller


class ClinicProfileController(Controller):
    path = "/api/clinic"
    tags = ["clinic"]

    @get("/", operation_id="GetClinicProfile")
    async def read(self, db_session: AsyncSession, caller: Caller) -> ClinicProfile:
        return cast(ClinicProfile, profile_view(await get_clinic(db_session, caller)))

    @put("/", operation_id="UpdateClinicProfile")
    async def update(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(ClinicProfileIn)]
    ) -> ClinicProfile:
        return cast(ClinicProfile, profile_view(await update_profile(db_session, caller, data)))


ROUTE_PERMISSIONS = {"GetClinicProfile": "workflow.read", "UpdateClinicProfile": "settings.write"}
ROUTES: list[Any] = [ClinicProfileController]
