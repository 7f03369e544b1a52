"""The consent ledger: one appended entry per grant or revocation, per patient and purpose.

Marketing consent is separate from treatment consent; marketing consent confirmed more than two years ago
must be confirmed again (정보통신망법 시행령 제62조의3: 수신동의 여부 2년마다 확인). A patient under 14 consents
through a legal guardian (개인정보 보호법 제22조의2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import ApiError, Problem
from storage.models import Consent, Patient
from storage.models.base import utcnow
from storage.models.consent import METHODS, PURPOSES

if TYPE_CHECKING:  # the API's shapes import the web framework: the lean import-patients start does without it
    from storage.patients.schemas import ConsentEntry, ConsentMethod, ConsentPurpose

SEOUL = ZoneInfo("Asia/Seoul")
RECONFIRM_AFTER = timedelta(days=730)  # two years
GUARDIAN_AGE = 14
CONSENT_TEXT_VERSION = "2026-11"
RELATIONSHIPS = ("parent", "guardian", "other")


class GuardianRequired(ApiError):
    def __init__(self) -> None:
        super().__init__(
            422,
            [
                Problem(
                    "guardian_required",
                    "만 14세 미만 환자의 동의는 법정대리인(보호자)이 해야 합니다 — 보호자 이름과 관계를 입력하세요 / "
                    "a patient under 14 needs a legal guardian's consent: give the guardian's name and relationship",
                    path="/guardian",
                )
            ],
        )


@dataclass(frozen=True)
class Guardian:
    name: str
    relationship: str  # free text up to 20 characters: 부, 모, parent, …


def age_on(birth: date, day: date) -> int:
    """Age in full years (만 나이) on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_minor(patient: Patient, at: datetime | None = None) -> bool:
    if patient.birth_date is None:
        return False
    today = (at or utcnow()).astimezone(SEOUL).date()
    return age_on(patient.birth_date, today) < GUARDIAN_AGE


async def record_consent(
    session: AsyncSession,
    patient: Patient,
    *,
    purpose: str,
    granted: bool,
    method: str,
    occurred_at: datetime | None = None,
    recorded_by: str | None = None,
    text_version: str | None = None,
    guardian: Guardian | None = None,
) -> Consent:
    """Append one entry to the patient's consent ledger (never overwritten).

    A grant for a patient under 14 without a guardian raises ``GuardianRequired`` (a 422 ApiError);
    revocations need no guardian — anyone may stop messages.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    if method not in METHODS:
        raise ValueError(f"unknown consent method {method!r}")
    if granted and guardian is None and is_minor(patient, occurred_at):
        raise GuardianRequired()
    entry = Consent(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        purpose=purpose,
        granted=granted,
        method=method,
        occurred_at=occurred_at or utcnow(),
        recorded_by=recorded_by,
        text_version=text_version,
        guardian_name=guardian.name if guardian else None,
        guardian_relationship=guardian.relationship[:20] if guardian else None,
    )
    session.add(entry)
    await session.flush()
    return entry


async def consent_history(session: AsyncSession, patient_id: int) -> list[Consent]:
    """Every ledger entry of a patient, oldest first."""
    query = select(Consent).where(Consent.patient_id == patient_id).order_by(Consent.occurred_at, Consent.id)
    return list((await session.execute(query)).scalars())


def latest_by_purpose(entries: list[Consent]) -> dict[str, Consent]:
    latest: dict[str, Consent] = {}
    for entry in entries:  # oldest first: later entries win
        latest[entry.purpose] = entry
    return latest


def state_of(entries: list[Consent]) -> dict[str, bool]:
    """Purpose -> granted now, from a patient's history (oldest first); no entry means not granted."""
    latest = latest_by_purpose(entries)
    return {purpose: bool(latest[purpose].granted) if purpose in latest else False for purpose in PURPOSES}


async def current_consents(session: AsyncSession, patient_id: int) -> dict[str, bool]:
    """Purpose -> granted now (the latest ledger entry wins; no entry means not granted)."""
    return state_of(await consent_history(session, patient_id))


def ledger_query(patient_ids: list[int]) -> Select[int, str, bool]:
    """The ledger entries of ``patient_ids``, oldest first (the latest per purpose wins)."""
    return (
        select(Consent.patient_id, Consent.purpose, Consent.granted)
        .where(Consent.patient_id.in_(patient_ids))
        .order_by(Consent.occurred_at, Consent.id)
    )


async def current_consents_many(session: AsyncSession, patient_ids: list[int]) -> dict[int, dict[str, bool]]:
    """Patient -> purpose -> granted now, for many patients in a few queries. ``patient_ids`` come from the
    caller's clinic-scoped reads; the query runs on the session's connection, past the ORM's added
    ``clinic_id = ?``: with it SQLite walked every ledger entry of the clinic (``ix_consents_clinic_id``) for
    each 500 patients instead of seeking ``ix_consents_patient_id`` (a re-import read the whole ledger
    hundreds of times; tests/patients/test_import_ids.py checks the plan)."""
    state = {pid: dict.fromkeys(PURPOSES, False) for pid in patient_ids}
    connection = await session.connection()
    for start in range(0, len(patient_ids), 500):
        query = ledger_query(patient_ids[start : start + 500])
        for patient_id, purpose, granted in (await connection.execute(query)).all():
            state[patient_id][purpose] = granted
    return state


def needs_reconfirmation(entries: list[Consent], now: datetime | None = None) -> bool:
    """Marketing consent granted more than two years ago (and not revoked since) must be confirmed again."""
    latest = latest_by_purpose(entries).get("marketing")
    return bool(latest and latest.granted and latest.occurred_at < (now or utcnow()) - RECONFIRM_AFTER)


async def patients_needing_reconfirmation(session: AsyncSession, now: datetime | None = None) -> list[int]:
    """Ids of patients whose current marketing consent is a grant older than two years."""
    query = (
        select(Consent)
        .where(Consent.purpose == "marketing")
        .order_by(Consent.patient_id, Consent.occurred_at, Consent.id)
    )
    by_patient: dict[int, list[Consent]] = {}
    for entry in (await session.execute(query)).scalars():
        by_patient.setdefault(entry.patient_id, []).append(entry)
    return [pid for pid, entries in by_patient.items() if needs_reconfirmation(entries, now)]


def entry_as_dict(entry: Consent) -> ConsentEntry:
    return {
        "id": entry.id,
        "purpose": cast("ConsentPurpose", entry.purpose),  # stored values of consent.PURPOSES / METHODS
        "granted": entry.granted,
        "method": cast("ConsentMethod", entry.method),
        "text_version": entry.text_version,
        "recorded_by": entry.recorded_by,
        "occurred_at": entry.occurred_at.isoformat(),
        "recorded_at": entry.recorded_at.isoformat(),
        "guardian": (
            {"name": entry.guardian_name, "relationship": entry.guardian_relationship}
            if entry.guardian_name or entry.guardian_relationship
            else None
        ),
    }


async def revoke_advertising(
    session: AsyncSession, patient: Patient, *, recorded_by: str, method: str = "optout", at: datetime | None = None
) -> list[Consent]:
    """수신거부: revoke marketing and night-time ads at once (ledger entries; nothing overwritten)."""
    now = at or utcnow()
    return [
        await record_consent(
            session, patient, purpose=purpose, granted=False, method=method, occurred_at=now, recorded_by=recorded_by
        )
        for purpose in ("marketing", "night_ads")
    ]
