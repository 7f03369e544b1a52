"""HTTP API of patients: search (masked), detail (audit-logged), consents, opt-out, import, export, erasure,
the consent form and the privacy policy.

Personal data never goes in a URL: ``POST /api/patients/search`` takes the query in the body (``GET
/api/patients?q=`` works too, for the editor's simple list, but puts the query in access logs).
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, cast

from litestar import Controller, MediaType, Response, get, post
from litestar.datastructures import State, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, Parameter
from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, identity
from storage.accounts.guards import PUBLIC, requires
from storage.accounts.names import actor_names
from storage.errors import ApiError, Problem, not_found
from storage.models import Clinic, Patient
from storage.models.base import utcnow
from storage.openapi import BodyShape
from storage.patients import documents, rights
from storage.patients.activity import patient_activity
from storage.patients.columns import MappingError, parse_mapping
from storage.patients.consents import (
    SEOUL,
    Guardian,
    consent_history,
    current_consents_many,
    entry_as_dict,
    is_minor,
    needs_reconfirmation,
    patients_needing_reconfirmation,
    record_consent,
    state_of,
)
from storage.patients.import_jobs import find_job, start_job, upload_dir
from storage.patients.importer import ImportOptions, import_table
from storage.patients.optout import opt_out
from storage.patients.preview import preview_table
from storage.patients.readers import UnreadableFile, open_table, read_table
from storage.patients.retention import apply_retention
from storage.patients.schemas import (
    ConsentEntry,
    ConsentHistory,
    ConsentIn,
    ConsentState,
    ErasureAnswer,
    ImportJobView,
    ImportPreview,
    ImportReport,
    OptOutAnswer,
    OptOutIn,
    PatientActivity,
    PatientDetail,
    PatientExport,
    PatientImportForm,
    PatientList,
    PatientPage,
    PatientSummary,
    RetentionAnswer,
    SearchIn,
)
from storage.patients.service import get_patient
from storage.tenancy import Caller

MAX_PAGE = 200
IMPORT_UPLOAD_LIMIT = 64 * 1024 * 1024  # a 50 MB EMR export, streamed by the job (the app's limit is 10 MiB)
UPLOAD_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".xls")


def summary(patient: Patient, consents: dict[str, bool]) -> PatientSummary:
    """What a list shows: masked name and phone, never the full values."""
    return {
        "id": patient.id,
        "chart_no": patient.chart_no,
        "name": identity.mask_name(patient.name),
        "phone": identity.mask_phone(patient.phone),
        "sex": patient.sex,
        "opted_out": patient.opted_out,
        "erased": patient.erased_at is not None,
        "consents": cast(ConsentState, consents),
    }


async def _summaries(session: AsyncSession, patients: list[Patient]) -> list[PatientSummary]:
    state = await current_consents_many(session, [p.id for p in patients])
    return [summary(p, state[p.id]) for p in patients]


async def _patient(session: AsyncSession, patient_id: int) -> Patient:
    patient = await get_patient(session, patient_id)
    if patient is None:
        raise not_found("환자", "patient")
    return patient


async def search_patients(session: AsyncSession, caller: Caller, q: str, limit: int, offset: int) -> PatientPage:
    """Exact phone, chart number or full name (blind indexes: encrypted names cannot be prefix-searched)."""
    limit = max(1, min(limit, MAX_PAGE))
    query = select(Patient).where(Patient.erased_at.is_(None))
    q = q.strip()
    if q:
        phones = identity.phone_lookups(q)
        if phones:
            query = query.where(Patient.phone_index.in_(phones))
        else:
            charts, names = identity.chart_lookups(q), identity.name_lookups(q)
            query = query.where(or_(Patient.chart_index.in_(charts), Patient.name_index.in_(names)))
    offset = max(0, offset)
    if q:
        # Few matches: ordered here, so that SQLite looks them up by the blind index (an ORDER BY would make
        # it walk every patient of the clinic instead).
        found = sorted((await session.execute(query)).scalars(), key=lambda p: -p.id)
        total, page = len(found), found[offset : offset + limit]
    else:
        total = (await session.execute(select(func.count()).select_from(query.subquery()))).scalar_one()
        page = list((await session.execute(query.order_by(Patient.id.desc()).limit(limit).offset(offset))).scalars())
    audit.record(session, caller, "patient.search" if q else "patient.list", None, results=len(page))
    return {"patients": await _summaries(session, page), "total": total, "limit": limit, "offset": offset}


async def patient_detail(session: AsyncSession, patient: Patient) -> PatientDetail:
    entries = await consent_history(session, patient.id)
    detail = {
        **rights.profile(patient),
        "phone_display": identity.format_phone(patient.phone),
        "minor": is_minor(patient),
        "consents": state_of(entries),
        "reconfirm_marketing": needs_reconfirmation(entries),
    }
    return cast(PatientDetail, detail)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=SEOUL)).astimezone(UTC)
    if moment > utcnow() + timedelta(minutes=5):
        raise ApiError(
            422, [Problem("future_date", "동의 시각이 미래입니다 / occurred_at is in the future", path="/occurred_at")]
        )
    return moment


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on", "y"}


class PatientController(Controller):
    path = "/api/patients"
    tags = ["patients"]

    @get("/", operation_id="ListPatients")
    async def list_patients(
        self,
        db_session: AsyncSession,
        caller: Caller,
        q: str = "",
        limit: Annotated[int, Parameter(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Parameter(ge=0)] = 0,
    ) -> PatientPage:
        return await search_patients(db_session, caller, q, limit, offset)

    @post("/search", operation_id="SearchPatients", status_code=200)
    async def search(self, db_session: AsyncSession, caller: Caller, data: SearchIn) -> PatientPage:
        return await search_patients(db_session, caller, data.q, data.limit, data.offset)

    @get("/reconfirm", operation_id="ListPatientsToReconfirm")
    async def to_reconfirm(self, db_session: AsyncSession, caller: Caller) -> PatientList:
        """Patients whose marketing consent is older than two years: ask them again."""
        ids = await patients_needing_reconfirmation(db_session)
        patients = list((await db_session.execute(select(Patient).where(Patient.id.in_(ids)))).scalars()) if ids else []
        audit.record(db_session, caller, "patient.list", None, results=len(patients), reason="reconfirm")
        return {"patients": await _summaries(db_session, patients)}

    @post("/import", operation_id="ImportPatients", status_code=200)
    async def import_file(
        self,
        db_session: AsyncSession,
        caller: Caller,
        data: Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART), BodyShape(PatientImportForm)],
        dry_run: bool = False,
        strict: bool = False,
    ) -> ImportReport:
        upload = data.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                400, [Problem("missing_file", "파일을 첨부하세요 / attach a file (field 'file')", path="/file")]
            )
        mapping_text = data.get("mapping") or ""
        try:
            mapping = parse_mapping([m for m in str(mapping_text).replace("\n", ",").split(",") if m.strip()])
            table = read_table(await upload.read(), upload.filename or "")
            options = ImportOptions(
                dry_run=dry_run or _flag(data.get("dry_run", "")),
                strict=strict or _flag(data.get("strict", "")),
                mapping=mapping,
            )
            report = await import_table(db_session, caller, table, options)
        except UnreadableFile as exc:
            raise ApiError(422, [Problem(exc.code, exc.message, path="/file")]) from exc
        except MappingError as exc:
            raise ApiError(422, [Problem("invalid_mapping", str(exc), path="/mapping")]) from exc
        return cast(ImportReport, report.as_dict())

    @post(
        "/import-jobs",
        operation_id="StartPatientImport",
        status_code=202,
        request_max_body_size=IMPORT_UPLOAD_LIMIT,
    )
    async def start_import_job(
        self,
        state: State,
        caller: Caller,
        data: Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART), BodyShape(PatientImportForm)],
        dry_run: bool = False,
        strict: bool = False,
    ) -> ImportJobView:
        """Start an import (or a dry run) of a big file as a job; poll ``GET …/import-jobs/{id}`` for its progress
        and, at the end, the same report as ``POST /api/patients/import`` (files up to 64 MiB)."""
        upload = data.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                400, [Problem("missing_file", "파일을 첨부하세요 / attach a file (field 'file')", path="/file")]
            )
        try:
            mapping = parse_mapping(
                [m for m in str(data.get("mapping") or "").replace("\n", ",").split(",") if m.strip()]
            )
        except MappingError as exc:
            raise ApiError(422, [Problem("invalid_mapping", str(exc), path="/mapping")]) from exc
        suffix = Path(upload.filename or "").suffix.lower()
        path = upload_dir(state.settings) / f"{secrets.token_hex(12)}{suffix if suffix in UPLOAD_SUFFIXES else ''}"
        # on disk (0600), not in memory: the job streams it like the CLI does
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as spooled:
            while chunk := await upload.read(1 << 20):
                spooled.write(chunk)
        try:
            table = open_table(path)
        except UnreadableFile as exc:
            path.unlink(missing_ok=True)
            raise ApiError(422, [Problem(exc.code, exc.message, path="/file")]) from exc
        options = ImportOptions(
            dry_run=dry_run or _flag(data.get("dry_run", "")),
            strict=strict or _flag(data.get("strict", "")),
            mapping=mapping,
        )
        job = start_job(state.settings, caller, table, options, path)
        return cast(ImportJobView, job.view())

    @get("/import-jobs/{job_id:str}", operation_id="GetPatientImportJob")
    async def import_job(self, caller: Caller, job_id: str = Parameter(max_length=40)) -> ImportJobView:
        """How far an import job got: bytes read, rows so far; ``report`` once ``status`` is ``done``."""
        return cast(ImportJobView, find_job(caller, job_id).view())

    @post("/import/preview", operation_id="PreviewPatientImport", status_code=200)
    async def preview_import(
        self,
        data: Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART), BodyShape(PatientImportForm)],
    ) -> ImportPreview:
        """The file as the import will read it (columns, first rows, bad values, warnings); stores nothing."""
        upload = data.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                400, [Problem("missing_file", "파일을 첨부하세요 / attach a file (field 'file')", path="/file")]
            )
        try:
            mapping = parse_mapping(
                [m for m in str(data.get("mapping") or "").replace("\n", ",").split(",") if m.strip()]
            )
            table = read_table(await upload.read(), upload.filename or "")
            return cast(ImportPreview, preview_table(table, mapping, datetime.now(SEOUL).date()))
        except UnreadableFile as exc:
            raise ApiError(422, [Problem(exc.code, exc.message, path="/file")]) from exc
        except MappingError as exc:
            raise ApiError(422, [Problem("invalid_mapping", str(exc), path="/mapping")]) from exc

    @post("/retention", operation_id="ApplyRetention", status_code=200)
    async def retention(self, db_session: AsyncSession, caller: Caller, dry_run: bool = False) -> RetentionAnswer:
        done = await apply_retention(db_session, caller, dry_run=dry_run)
        return cast(RetentionAnswer, {**done, "dry_run": dry_run})

    @get("/{patient_id:int}", operation_id="GetPatient")
    async def get_one(self, db_session: AsyncSession, caller: Caller, patient_id: int) -> PatientDetail:
        patient = await _patient(db_session, patient_id)
        audit.record(db_session, caller, "patient.read", f"patient:{patient.id}")
        return await patient_detail(db_session, patient)

    @get("/{patient_id:int}/activity", operation_id="PatientActivity")
    async def activity(self, db_session: AsyncSession, caller: Caller, patient_id: int) -> PatientActivity:
        """This patient's runs and messages, newest first (the patient page)."""
        patient = await _patient(db_session, patient_id)
        audit.record(db_session, caller, "patient.activity.read", f"patient:{patient.id}")
        return await patient_activity(db_session, patient.id)

    @get("/{patient_id:int}/consents", operation_id="ListConsents")
    async def consents(self, db_session: AsyncSession, caller: Caller, patient_id: int) -> ConsentHistory:
        patient = await _patient(db_session, patient_id)
        entries = await consent_history(db_session, patient.id)
        audit.record(db_session, caller, "patient.consents.read", f"patient:{patient.id}")
        names = await actor_names(db_session, {e.recorded_by for e in entries})
        return {
            "consents": [  # newest first, with the recording person's name
                {**entry_as_dict(e), "recorded_by_name": names.get(e.recorded_by or "", e.recorded_by)}
                for e in reversed(entries)
            ],
            "current": cast(ConsentState, state_of(entries)),
            "reconfirm_marketing": needs_reconfirmation(entries),
        }

    @post("/{patient_id:int}/consents", operation_id="RecordConsent", status_code=201)
    async def add_consent(
        self, db_session: AsyncSession, caller: Caller, patient_id: int, data: ConsentIn
    ) -> ConsentEntry:
        patient = await _patient(db_session, patient_id)
        if patient.erased_at is not None:
            raise ApiError(409, [Problem("erased", "파기된 환자입니다 / the patient was erased")])
        guardian = None
        if data.guardian is not None:
            if not data.guardian.name.strip() or not data.guardian.relationship.strip():
                raise ApiError(
                    422,
                    [
                        Problem(
                            "invalid_guardian",
                            "보호자 이름과 관계를 모두 입력하세요 / give the guardian's name and relationship",
                            path="/guardian",
                        )
                    ],
                )
            guardian = Guardian(data.guardian.name.strip()[:100], data.guardian.relationship.strip()[:20])
        entry = await record_consent(
            db_session,
            patient,
            purpose=data.purpose,
            granted=data.granted,
            method=data.method,
            occurred_at=_aware(data.occurred_at),
            recorded_by=caller.actor,
            text_version=data.text_version,
            guardian=guardian,
        )
        audit.record(
            db_session, caller, "patient.consent", f"patient:{patient.id}", purpose=data.purpose, granted=data.granted
        )
        return entry_as_dict(entry)

    @post("/{patient_id:int}/opt-out", operation_id="OptOutPatient", status_code=200)
    async def opt_out(
        self, db_session: AsyncSession, caller: Caller, patient_id: int, data: OptOutIn | None = None
    ) -> OptOutAnswer:
        patient = await _patient(db_session, patient_id)
        revoked = await opt_out(
            db_session, patient, recorded_by=caller.actor, all_messages=bool(data and data.all_messages)
        )
        audit.record(db_session, caller, "patient.optout", f"patient:{patient.id}", purposes=len(revoked))
        state = (await current_consents_many(db_session, [patient.id]))[patient.id]
        return {"revoked": revoked, "opted_out": patient.opted_out, "consents": cast(ConsentState, state)}

    @get("/{patient_id:int}/export", operation_id="ExportPatient")
    async def export(
        self,
        db_session: AsyncSession,
        caller: Caller,
        patient_id: int,
        format: Literal["json", "csv"] = "json",
    ) -> Response[PatientExport]:
        patient = await _patient(db_session, patient_id)
        document = await rights.export_patient(db_session, caller, patient)
        name = f"patient-{patient.id}"
        if format == "csv":
            table: Response[Any] = Response(
                rights.export_as_csv(document),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
            )
            return table
        return Response(document, headers={"Content-Disposition": f'attachment; filename="{name}.json"'})

    @post("/{patient_id:int}/erase", operation_id="ErasePatient", status_code=200)
    async def erase(self, db_session: AsyncSession, caller: Caller, patient_id: int) -> ErasureAnswer:
        patient = await _patient(db_session, patient_id)
        record = await rights.erase_patient(db_session, caller, patient)
        return {"erased": True, "patient_id": patient.id, "erasure_id": record.id, "counts": record.counts}


async def _clinic(session: AsyncSession, caller: Caller) -> Clinic:
    clinic = await session.get(Clinic, caller.clinic_id)
    if clinic is None:
        raise not_found("병원", "clinic")
    return clinic


@get("/api/consent-form", operation_id="ConsentForm", media_type=MediaType.HTML, tags=["patients"], guards=[requires()])
async def consent_form(db_session: AsyncSession, caller: Caller, lang: Literal["ko", "en"] = "ko") -> str:
    return documents.render_consent_form(await _clinic(db_session, caller), lang)


@get(
    "/api/privacy-policy",
    operation_id="PrivacyPolicy",
    media_type=MediaType.HTML,
    tags=["patients"],
    guards=[requires()],
)
async def privacy_policy(db_session: AsyncSession, caller: Caller, lang: Literal["ko", "en"] = "ko") -> str:
    return documents.render_privacy_policy(await _clinic(db_session, caller), lang)


@get("/privacy", media_type=MediaType.HTML, include_in_schema=False, guards=[requires()])
async def privacy_page(db_session: AsyncSession, caller: Caller, lang: Literal["ko", "en"] = "ko") -> str:
    """The logged-in staff's own clinic's policy (the public address is ``/privacy/{clinic_slug}``)."""
    return documents.render_privacy_policy(await _clinic(db_session, caller), lang)


async def _clinic_by_slug(session: AsyncSession, clinic_slug: str) -> Clinic:
    clinic = (await session.execute(select(Clinic).where(Clinic.slug == clinic_slug))).scalar_one_or_none()
    if clinic is None:
        raise not_found("병원", "clinic")
    return clinic


# A patient reads the policy before having (or without ever having) an account: the clinic's public
# address, linked from messages and consent forms. Only the clinic's published settings are shown.
@get(
    "/api/privacy-policy/{clinic_slug:str}",
    operation_id="PublicPrivacyPolicy",
    media_type=MediaType.HTML,
    tags=["patients"],
    guards=[PUBLIC],
)
async def public_privacy_policy(db_session: AsyncSession, clinic_slug: str, lang: Literal["ko", "en"] = "ko") -> str:
    return documents.render_privacy_policy(await _clinic_by_slug(db_session, clinic_slug), lang)


@get("/privacy/{clinic_slug:str}", media_type=MediaType.HTML, include_in_schema=False, guards=[PUBLIC])
async def public_privacy_page(db_session: AsyncSession, clinic_slug: str, lang: Literal["ko", "en"] = "ko") -> str:
    """The same public policy at a short address, for links in messages: ``/privacy/{clinic_slug}``."""
    return documents.render_privacy_policy(await _clinic_by_slug(db_session, clinic_slug), lang)


ROUTES: list[Any] = [
    PatientController,
    consent_form,
    privacy_policy,
    privacy_page,
    public_privacy_policy,
    public_privacy_page,
]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "ListPatients": "patient.read",
    "SearchPatients": "patient.read",
    "ListPatientsToReconfirm": "patient.read",
    "GetPatient": "patient.read",
    "PatientActivity": ("patient.read", "run.read"),
    "ListConsents": "patient.read",
    "ImportPatients": "patient.import",
    "PreviewPatientImport": "patient.import",
    "StartPatientImport": "patient.import",
    "GetPatientImportJob": "patient.import",
    "RecordConsent": "patient.write",
    "OptOutPatient": "patient.write",
    "ExportPatient": "patient.export",
    "ErasePatient": "patient.erase",
    "ApplyRetention": "patient.erase",
}
