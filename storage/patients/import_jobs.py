"""Patient imports run as a job of the server, so the browser can show a progress bar (issue 18).

``POST /api/patients/import-jobs`` saves the upload to a private file under ``DATA_DIR/imports/`` and starts
:func:`storage.patients.importer.import_stream` on it — the same streamed import as ``doctorsflow
import-patients`` (one transaction, chunks of 5,000 rows, constant memory) — as a task of the server's event
loop; ``GET /api/patients/import-jobs/{id}`` answers how far it got (bytes read, rows so far) and, at the end,
the import's report. Jobs live in the server process that started them (``serve`` is one process) and are
forgotten an hour after they finish; a restart loses a running job, whose transaction then never commits.
One job per clinic runs at a time (an import holds the database's writer anyway).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from nodes.crash import stack_without_messages, unexpected_message
from storage.accounts.sessions import touches_paused
from storage.config import Settings
from storage.db import session_scope
from storage.errors import ApiError, Problem
from storage.files import private_dir
from storage.patients.columns import MappingError
from storage.patients.importer import ImportOptions, ImportReport, import_stream
from storage.patients.readers import StreamedTable, UnreadableFile
from storage.tenancy import Caller

log = logging.getLogger("doctorsflow.import")

KEEP_FINISHED_S = 3600.0
JobStatus = Literal["running", "done", "failed"]


@dataclass
class ImportJob:
    id: str
    clinic_id: int
    dry_run: bool
    bytes_total: int
    bytes_done: int = 0
    rows: int = 0
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    status: JobStatus = "running"
    report: dict[str, Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    finished_at: float | None = None
    task: asyncio.Task[None] | None = None

    def read(self, amount: int) -> None:
        self.bytes_done = min(self.bytes_total, self.bytes_done + amount)

    def counted(self, report: ImportReport) -> None:
        self.rows, self.imported, self.updated, self.skipped = (
            report.rows,
            report.imported,
            report.updated,
            report.skipped,
        )

    def view(self) -> dict[str, Any]:
        percent = 100 if self.status != "running" else int(99 * self.bytes_done / max(1, self.bytes_total))
        return {
            "id": self.id,
            "status": self.status,
            "dry_run": self.dry_run,
            "bytes_total": self.bytes_total,
            "bytes_done": self.bytes_total if self.status != "running" else self.bytes_done,
            "percent": percent,
            "rows": self.rows,
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "report": self.report,
            "errors": self.errors,
        }


_jobs: dict[str, ImportJob] = {}


def _forget_old(now: float) -> None:
    for key in [k for k, j in _jobs.items() if j.finished_at is not None and now - j.finished_at > KEEP_FINISHED_S]:
        _jobs.pop(key, None)


def find_job(caller: Caller, job_id: str) -> ImportJob:
    """The caller's clinic's job, or 404 (another clinic's job is not found either)."""
    _forget_old(time.monotonic())
    job = _jobs.get(job_id)
    if job is None or job.clinic_id != caller.clinic_id:
        raise ApiError(404, [Problem("not_found", "가져오기 작업을 찾을 수 없습니다 / import job not found")])
    return job


def upload_dir(settings: Settings) -> Path:
    folder = settings.data_dir / "imports"
    private_dir(folder)  # 0700: the uploads are patient lists
    return folder


def start_job(
    settings: Settings, caller: Caller, table: StreamedTable, options: ImportOptions, upload: Path
) -> ImportJob:
    """Run the import of ``table`` (a file in :func:`upload_dir`, deleted at the end) as a task; answer its job."""
    running = [j for j in _jobs.values() if j.clinic_id == caller.clinic_id and j.status == "running"]
    if running:
        upload.unlink(missing_ok=True)
        raise ApiError(
            409,
            [
                Problem(
                    "import_running",
                    "이 병원의 가져오기가 이미 진행 중입니다. 끝난 뒤 다시 시도하세요 / "
                    "an import of this clinic is already running; try again when it has finished",
                )
            ],
        )
    job = ImportJob(
        id=secrets.token_urlsafe(12),
        clinic_id=caller.clinic_id,
        dry_run=options.dry_run,
        bytes_total=table.size * (2 if options.strict else 1),  # strict reads the file twice
    )
    table.on_bytes = job.read
    _jobs[job.id] = job
    job.task = asyncio.create_task(_run(job, settings, caller, table, options, upload))
    return job


async def _run(
    job: ImportJob, settings: Settings, caller: Caller, table: StreamedTable, options: ImportOptions, upload: Path
) -> None:
    try:
        # the import holds the embedded database's writer to the end: the polls' log-in checks must only read
        with touches_paused():
            async with session_scope(settings, caller.clinic_id) as session:
                report = await import_stream(session, caller, table, options, on_chunk=job.counted)
        job.counted(report)
        job.report = report.as_dict()
        job.status = "done"
    except UnreadableFile as exc:  # found part-way (too many undecodable bytes): nothing was written
        job.errors, job.status = [Problem(exc.code, exc.message, path="/file").as_dict()], "failed"
    except MappingError as exc:
        job.errors, job.status = [Problem("invalid_mapping", str(exc), path="/mapping").as_dict()], "failed"
    except Exception as exc:  # a job has no request to answer: its poll shows the error id
        error_id = secrets.token_hex(8)
        log.error(
            "unexpected %s in import job (error %s)\n%s", type(exc).__name__, error_id, stack_without_messages(exc)
        )
        job.errors, job.status = [Problem("internal_error", unexpected_message(error_id)).as_dict()], "failed"
    finally:
        job.finished_at = time.monotonic()
        upload.unlink(missing_ok=True)
