"""The caller's clinic as the checker sees it: its settings (stored values over the defaults) and its lint."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from compliance.graph_rules import lint_workflow
from compliance.report import Report, SuppressionInput
from storage.alimtalk_templates.store import clinic_catalogue
from storage.models import Clinic
from storage.models.clinic import DEFAULT_SETTINGS


async def clinic_settings(session: AsyncSession) -> dict[str, Any]:
    """The settings of the session's clinic (night windows …), defaults filled in."""
    clinic_id = session.sync_session.info.get("clinic_id")
    clinic = await session.get(Clinic, clinic_id) if clinic_id is not None else None
    return {**DEFAULT_SETTINGS, **((clinic.settings or {}) if clinic is not None else {})}


async def lint_for_clinic(
    session: AsyncSession, doc: Mapping[str, Any], suppressions: Iterable[SuppressionInput] = ()
) -> Report:
    """Lint a workflow as the session's clinic sees it: its AlimTalk templates and its night windows."""
    return lint_workflow(doc, await clinic_catalogue(session), suppressions, settings=await clinic_settings(session))
