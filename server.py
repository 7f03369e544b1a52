"""Assembles DoctorsFlow: the Litestar app from every package's routes, and the ``doctorsflow`` command line.

Nothing else lives here: each package owns its controllers (``<package>/api.py`` → ``ROUTES``) and its
commands (``<package>/cli.py`` → ``register``).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from litestar import Litestar, Response, get
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.static_files import create_static_files_router

import compliance.api
import compliance.cli
import nodes.api
import nodes.cli
import runtime.api
import runtime.channels.api
import runtime.channels.costs_api
import runtime.channels.costs_cli
import runtime.cli
import runtime.templates.api
import runtime.webhooks
import storage.accounts.api
import storage.accounts.cli
import storage.cli
import storage.patients.api
import storage.patients.cli
import storage.workflows.api
from storage.accounts.guards import authorize, collect_route_permissions
from storage.config import Settings
from storage.db import dispose_engines
from storage.errors import Problem
from storage.http import EXCEPTION_HANDLERS, provide_caller, provide_db_session
from storage.migrate import ensure_default_clinic
from storage.openapi import BodyShapePlugin, document_errors
from storage.security import SecurityHeadersMiddleware

UI_DIST = Path(__file__).parent / "builder_ui" / "dist"
ROUTE_MODULES = [
    nodes.api,
    storage.workflows.api,
    compliance.api,
    runtime.api,
    runtime.templates.api,
    runtime.channels.api,
    runtime.channels.costs_api,
    runtime.webhooks,
    storage.patients.api,
    storage.accounts.api,
]
CLI_MODULES = [
    storage.cli,
    nodes.cli,
    compliance.cli,
    runtime.cli,
    runtime.channels.costs_cli,
    storage.patients.cli,
    storage.accounts.cli,
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
    return Response(body, media_type="text/html")


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings.from_env()

    async def on_startup(app: Litestar) -> None:
        app.state.default_clinic_id = await ensure_default_clinic(settings)

    handlers: list[Any] = [route for module in ROUTE_MODULES for route in module.ROUTES]
    if (UI_DIST / "assets").is_dir():
        handlers.append(create_static_files_router(path="/assets", directories=[UI_DIST / "assets"]))
    handlers.append(single_page_app)
    app = Litestar(
        route_handlers=handlers,
        dependencies={"caller": Provide(provide_caller), "db_session": Provide(provide_db_session)},
        exception_handlers=EXCEPTION_HANDLERS,
        on_startup=[on_startup],
        on_shutdown=[dispose_engines],
        state=_state(settings),
        guards=[authorize],  # every /api route: log-in, CSRF, permissions (storage/accounts/guards.py)
        middleware=[SecurityHeadersMiddleware()],
        openapi_config=OpenAPIConfig(title="DoctorsFlow API", version="1.0.0", path="/schema"),
        request_max_body_size=10 * 1024 * 1024,
        plugins=[BodyShapePlugin()],
    )
    document_errors(app)
    return app


def _state(settings: Settings) -> Any:
    from litestar.datastructures import State

    return State(
        {
            "settings": settings,
            "default_clinic_id": None,
            "route_permissions": collect_route_permissions(ROUTE_MODULES),
        }
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doctorsflow",
        description="DoctorsFlow — 병원 환자 커뮤니케이션 워크플로 / clinic patient messaging",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in CLI_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    result = args.handler(args)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
