"""Assembles DoctorsFlow: the Litestar app from every package's routes, and the ``doctorsflow`` command line.

Nothing else lives here: each package owns its controllers (``<package>/api.py`` → ``ROUTES``) and its
commands (``<package>/cli.py`` → ``register``). Only ``serve`` is here, because it starts this whole app (and,
with ``--with-worker``, the runtime beside it). This module sits on top of every package; none imports it.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from litestar import Litestar, Response, get
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig

import compliance.api
import nodes.api
import runtime.api
import runtime.appointments.api
import runtime.billing.api
import runtime.credentials.api
import runtime.outcomes.api
import runtime.patient_links.api
import runtime.reschedule_requests.api
import runtime.webhooks
import storage.accounts.api
import storage.alimtalk_templates.api
import storage.clinic_profile.api
import storage.patients.api
import storage.procedures.api
import storage.signoffs.api
import storage.workflows.api
from nodes.cli_format import EXIT_OK
from runtime.services import dispatching_runtime
from storage.accounts.authenticate import flush_token_uses
from storage.accounts.guards import authorize, collect_route_permissions
from storage.config import Settings
from storage.db import dispose_engines
from storage.errors import Problem
from storage.http import EXCEPTION_HANDLERS, BoundedRequest, provide_caller, provide_db_session
from storage.migrate import ensure_default_clinic, upgrade
from storage.openapi import BodyShapePlugin, document_errors
from storage.security import add_security_headers
from storage.web_assets import COMPRESSION, INDEX_HEADERS, assets_router

UI_DIST = Path(__file__).parent / "builder_ui" / "dist"
ROUTE_MODULES = [
    nodes.api,
    storage.workflows.api,
    compliance.api,
    runtime.api,
    storage.alimtalk_templates.api,
    runtime.credentials.api,
    runtime.billing.api,
    runtime.outcomes.api,
    runtime.webhooks,
    runtime.patient_links.api,
    storage.patients.api,
    storage.accounts.api,
    storage.procedures.api,
    runtime.appointments.api,
    runtime.reschedule_requests.api,
    storage.clinic_profile.api,
    storage.signoffs.api,
]

PLACEHOLDER = """<!doctype html><html lang="ko"><meta charset="utf-8"><title>DoctorsFlow</title>
<body><h1>DoctorsFlow</h1><p>편집기가 아직 빌드되지 않았습니다 (make run). / The editor is not built yet.</p>
<p><a href="/schema">API (OpenAPI)</a></p></body></html>"""


@get(["/", "/{path:path}"], include_in_schema=False, sync_to_thread=False)
def single_page_app(path: str = "") -> Response[Any]:
    """The editor is a single-page app: every non-API path answers its index.html."""
    if path.startswith(("api/", "api")) and path.split("/")[0] == "api":
        problem = Problem("not_found", "찾을 수 없습니다 / not found")
        return Response({"errors": [problem.as_dict()]}, status_code=404)
    index = UI_DIST / "index.html"
    body = index.read_text("utf-8") if index.exists() else PLACEHOLDER
    return Response(body, media_type="text/html", headers=INDEX_HEADERS)


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings.from_env()

    # The settings of the app's state, not of this call: the tests build one app per process and give it each
    # test's settings (a new state, tests/conftest.py).
    async def on_startup(app: Litestar) -> None:
        settings: Settings = app.state.settings
        app.state.default_clinic_id = await ensure_default_clinic(settings)
        app.state.runtime = dispatching_runtime(settings)  # the broker new runs are handed to, if any

    async def on_shutdown(app: Litestar) -> None:
        await flush_token_uses(app.state.settings)  # token uses counted since their last write (once a minute)
        await dispose_engines()

    handlers: list[Any] = [route for module in ROUTE_MODULES for route in module.ROUTES]
    if (UI_DIST / "assets").is_dir():
        handlers.append(assets_router(UI_DIST / "assets"))
    handlers.append(single_page_app)
    app = Litestar(
        route_handlers=handlers,
        dependencies={"caller": Provide(provide_caller), "db_session": Provide(provide_db_session)},
        exception_handlers=EXCEPTION_HANDLERS,
        on_startup=[on_startup],
        on_shutdown=[on_shutdown],
        state=_state(settings),
        guards=[authorize],  # every /api route: log-in, CSRF, permissions (storage/accounts/guards.py)
        before_send=[add_security_headers],  # on every answer, the router's 404/405 too
        request_class=BoundedRequest,  # JSON bodies: nesting depth bounded before decoding
        openapi_config=OpenAPIConfig(title="DoctorsFlow API", version="1.0.0", path="/schema"),
        request_max_body_size=10 * 1024 * 1024,
        plugins=[BodyShapePlugin()],
        compression_config=COMPRESSION,
    )
    document_errors(app)
    return app


def _state(settings: Settings) -> Any:
    from litestar.datastructures import State

    return State(
        {
            "settings": settings,
            "default_clinic_id": None,
            "runtime": None,  # set at start-up (runtime/api.py dispatches on it)
            "route_permissions": collect_route_permissions(ROUTE_MODULES),
        }
    )


class _PathOnlyAccessLog(logging.Filter):
    """uvicorn's access log lines without the query string and without phone-like numbers in the path: an API
    client may put a name or a phone number in one (``GET /api/patients?q=…``, ``/api/patients/0101234…``),
    and no log line may carry personal data."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):  # (client, method, path, …)
            path = _PHONE_LIKE.sub("***", args[2].split("?", 1)[0])  # a number typed where an id goes
            record.args = (args[0], args[1], path, args[3], args[4])
        return True


# Nine or more digits (dashes allowed) standing alone in a path: a phone number, never one of our ids.
_PHONE_LIKE = re.compile(r"(?<![0-9A-Za-z])\+?\d(?:-?\d){8,}(?![0-9A-Za-z])")


def run_serve(args: argparse.Namespace) -> int:
    """Migrate, optionally load the examples, print the first-login link, then serve (and run the worker)."""
    import uvicorn

    from runtime.services import freeze_startup_heap, start_background, warm_compliance_checker
    from storage.accounts.cli import print_first_login_link
    from storage.workflows.seed import load_examples_once

    settings = Settings.from_env()
    upgrade(settings)
    if args.load_examples:
        load_examples_once(settings)
    print_first_login_link(settings, args.host, args.port)  # only when no user exists yet
    _default_public_url(args.host, args.port)
    # before listening: the first publish or check after a start is as quick as any other (and frozen below)
    print(f"준법 검사기 준비 / compliance checker ready ({warm_compliance_checker():.1f} s)", flush=True)
    background = start_background(settings) if args.with_worker else None
    logging.getLogger("uvicorn.access").addFilter(_PathOnlyAccessLog())
    # uvicorn shuts down on SIGTERM and then raises the signal again with the handler it found: the default one
    # would end the process before `finally` stops the worker and the embedded Redis (left running, 3 of 3).
    signal.signal(signal.SIGTERM, _exit_after_shutdown)
    try:
        # proxy_headers off: uvicorn would believe X-Forwarded-For from any local client; the app itself trusts
        # only DOCTORSFLOW_TRUSTED_PROXIES (storage/proxies.py).
        app = create_app(settings)
        freeze_startup_heap()
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=False)
    finally:
        if background is not None:
            background.stop()
    return EXIT_OK


def _default_public_url(host: str, port: int) -> None:
    """Without DOCTORSFLOW_PUBLIC_URL, patients' links (appointment links, the booking page) point at this server
    (its port, not a fixed 8000); set before the worker starts, which builds the links of the messages."""
    from nodes.particles import with_particle
    from runtime.patient_links.tokens import PUBLIC_URL_ENV

    if os.environ.get(PUBLIC_URL_ENV):
        return
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    os.environ[PUBLIC_URL_ENV] = f"http://{shown}:{port}"
    print(
        f"환자 링크 주소 / patient links point at: {os.environ[PUBLIC_URL_ENV]}"
        f" (운영에서는 {with_particle(PUBLIC_URL_ENV, '을')} 환자가 열 수 있는 주소로 / in production set {PUBLIC_URL_ENV} to the"
        " address patients can open)",
        flush=True,
    )


def _exit_after_shutdown(signum: int, _frame: Any) -> None:
    raise SystemExit(EXIT_OK)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``doctorsflow`` command line (entry.py; ``serve`` comes back here for :func:`run_serve`)."""
    from entry import main as command_line

    return command_line(argv)


if __name__ == "__main__":
    sys.exit(main())
