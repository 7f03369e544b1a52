"""Tenancy in one place: a session bound to a clinic sees and writes only that clinic's rows.

Handlers never filter by clinic themselves. ``bind_session`` stores the clinic on the session; the
``do_orm_execute`` hook adds ``clinic_id = :clinic`` to every ORM query of a clinic-scoped model, and the
``before_flush`` hook stamps new rows with the clinic and refuses rows of another clinic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from storage.models.base import ClinicScoped

CLINIC_KEY = "clinic_id"


@dataclass(frozen=True)
class Caller:
    """Who is asking: the clinic every query is scoped to, and the user or token behind it."""

    clinic_id: int
    actor: str = "system"  # "user:3", "token:7", "cli", "system"
    role: str = "manager"
    user_id: int | None = None
    ip: str | None = None


class CrossClinicWrite(Exception):
    pass


def bind_session(session: Any, clinic_id: int | None) -> None:
    """Scope an (async or sync) session to one clinic; None leaves it unscoped (system tasks)."""
    target = getattr(session, "sync_session", session)
    target.info[CLINIC_KEY] = clinic_id


@event.listens_for(Session, "do_orm_execute")
def _scope_queries(state: ORMExecuteState) -> None:
    clinic_id = state.session.info.get(CLINIC_KEY)
    if clinic_id is None or not (state.is_select or state.is_update or state.is_delete):
        return
    state.statement = state.statement.options(
        with_loader_criteria(ClinicScoped, lambda cls: cls.clinic_id == clinic_id, include_aliases=True)
    )


@event.listens_for(Session, "before_flush")
def _stamp_new_rows(session: Session, _context: Any, _instances: Any) -> None:
    clinic_id = session.info.get(CLINIC_KEY)
    if clinic_id is None:
        return
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, ClinicScoped):
            continue
        if obj.clinic_id is None:
            obj.clinic_id = clinic_id
        elif obj.clinic_id != clinic_id:
            raise CrossClinicWrite(f"row of clinic {obj.clinic_id} written in a session of clinic {clinic_id}")
