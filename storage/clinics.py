"""The caller's clinic as the checker sees it: its settings (stored values over the defaults), its
``{{ clinic.* }}`` values and its lint."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from compliance.graph_rules import lint_workflow
from compliance.report import Report, SuppressionInput
from storage.alimtalk_templates.store import approved_texts, clinic_catalogue
from storage.clinic_profile.service import clinic_values
from storage.models import Clinic
from storage.models.clinic import DEFAULT_SETTINGS
from storage.procedures.catalogue import entry_view, load_catalogue


async def _clinic(session: AsyncSession) -> Clinic | None:
    clinic_id = session.sync_session.info.get("clinic_id")
    return await session.get(Clinic, clinic_id) if clinic_id is not None else None


async def clinic_settings(session: AsyncSession) -> dict[str, Any]:
    """The settings of the session's clinic (night windows …), defaults filled in."""
    clinic = await _clinic(session)
    return {**DEFAULT_SETTINGS, **((clinic.settings or {}) if clinic is not None else {})}


async def clinic_variables(session: AsyncSession) -> dict[str, str] | None:
    """The session's clinic's ``{{ clinic.* }}`` values (None without a clinic: nothing to check against)."""
    clinic = await _clinic(session)
    return clinic_values(clinic) if clinic is not None else None


async def simulation_clinic(session: AsyncSession) -> dict[str, Any]:
    """The session's clinic for ``POST /api/simulate``: its name, settings and its own approved AlimTalk
    templates (the simulated clinic sends what the real one would, and skips what it would not)."""
    clinic = await _clinic(session)
    if clinic is None:
        return {}
    approved = await approved_texts(session, clinic.id)
    procedures = [entry_view(entry) for entry in await load_catalogue(session, clinic.id)]
    return {
        **(clinic.settings or {}),
        "name": clinic.name,
        "alimtalk_templates": approved,
        "library_sendable": False,
        "procedures": procedures,  # its own codes and names: the simulated events resolve as the real ones
    }


async def lint_for_clinic(
    session: AsyncSession, doc: Mapping[str, Any], suppressions: Iterable[SuppressionInput] = ()
) -> Report:
    """Lint a workflow as the session's clinic sees it: its AlimTalk templates, night windows and values."""
    return lint_workflow(
        doc,
        await clinic_catalogue(session),
        suppressions,
        settings=await clinic_settings(session),
        clinic=await clinic_variables(session),
    )
