"""Litestar glue shared by every package's controller: the database session, the caller, error answers."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from typing import Any

from litestar import Request, Response
from litestar.datastructures import State
from litestar.exceptions import HTTPException, NotFoundException, SerializationException, ValidationException
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.crash import stack_without_messages, unexpected_message
from nodes.json_limits import TOO_DEEP_MESSAGE, too_deep, why_not_json
from storage.accounts.authenticate import NO_CLINIC, authenticate, client_ip, current
from storage.config import Settings
from storage.db import sessionmaker_for
from storage.errors import ApiError, Problem
from storage.models.workflow_version import ImmutableVersionError
from storage.security import REQUEST_ID_HEADER, request_id
from storage.tenancy import Caller, CrossClinicWrite, bind_session

log = logging.getLogger("doctorsflow.http")


def settings_of(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


async def provide_caller(request: Request[Any, Any, State]) -> Caller:
    """Who is calling, as resolved by the guards (session cookie, API token or webhook signature).

    A route that let an anonymous caller through (``PUBLIC``) gets a caller of no clinic: its database
    session sees no clinic's rows.
    """
    auth = current(request) or await authenticate(request)
    if auth is not None:
        return auth.caller
    return Caller(clinic_id=NO_CLINIC, actor="anonymous", role="anonymous", ip=client_ip(request))


async def provide_db_session(state: State, caller: Caller) -> AsyncGenerator[AsyncSession, None]:
    """One transaction per request, scoped to the caller's clinic: committed on success, else rolled back."""
    async with sessionmaker_for(settings_of(state))() as session:
        bind_session(session, caller.clinic_id)
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


class BoundedRequest(Request[Any, Any, State]):
    """The app's request class: a JSON body nested deeper than ``MAX_JSON_DEPTH`` is refused with 400 before
    the decoder recurses into it (every JSON route, log-in included, reads its body through here); a body that is
    not JSON is refused with a Korean + English reason (not UTF-8, where the syntax breaks, a lone surrogate)."""

    async def json(self) -> Any:
        body = await self.body()
        if too_deep(body):
            raise ApiError(400, [Problem("too_deep", TOO_DEEP_MESSAGE)])
        try:
            return await super().json()
        except SerializationException:
            path, message = why_not_json(body)
            raise ApiError(400, [Problem("invalid_json", message, path=path)]) from None


def _answer(status: int, problems: list[Problem]) -> Response[dict[str, Any]]:
    return Response({"errors": [p.as_dict() for p in problems]}, status_code=status)


def api_error_handler(_: Request[Any, Any, Any], exc: ApiError) -> Response[dict[str, Any]]:
    return Response(exc.body(), status_code=exc.status_code)


EMPTY_BODY_MESSAGE = "요청 본문이 비어 있습니다 (JSON이 필요합니다) / the request body is empty (JSON expected)"


def validation_error_handler(_: Request[Any, Any, Any], exc: ValidationException) -> Response[dict[str, Any]]:
    problems = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        key = str(item.get("key", "")) if isinstance(item, dict) else ""
        reason = str(item.get("message", "")) if isinstance(item, dict) else str(item)
        if key == "data" and reason == "'data'":  # Litestar's words for "no body at all"
            problems.append(Problem("missing_body", EMPTY_BODY_MESSAGE))
            continue
        problems.append(
            Problem(
                "bad_request",
                f"요청이 올바르지 않습니다 / invalid request: {reason}",
                path=f"/{key}" if key else "",
            )
        )
    if not problems:
        problems.append(Problem("bad_request", f"요청이 올바르지 않습니다 / invalid request: {exc.detail}"))
    return _answer(400, problems)


def http_error_handler(_: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    if isinstance(exc, NotFoundException):
        return _answer(404, [Problem("not_found", "찾을 수 없습니다 / not found")])
    code, message = _HTTP_ANSWERS.get(exc.status_code, ("http_error", ""))
    if not message:  # our own raises carry Korean + English already; Litestar's carry English only
        message = str(exc.detail)
    elif exc.status_code == 405 and isinstance(exc.headers, dict) and exc.headers.get("Allow"):
        message += f" ({exc.headers['Allow']})"
    return _answer(exc.status_code, [Problem(code, message)])


_HTTP_ANSWERS = {
    401: ("unauthorized", ""),
    403: ("forbidden", ""),
    405: ("method_not_allowed", "이 주소에서 허용되지 않는 요청 방식입니다 / method not allowed here"),
    413: ("too_large", "요청 본문이 너무 큽니다 / request body too large"),
    415: ("unsupported_media_type", "지원하지 않는 Content-Type입니다 / unsupported content type"),
}


def conflict_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.info("conflict: %s", type(exc).__name__)  # never the statement: it may hold personal data
    return _answer(409, [Problem("conflict", "다른 데이터와 충돌합니다 / conflicts with existing data")])


def out_of_range_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    # A number beyond the database's integer range (e.g. an id of 20 digits in a path): bad input, not a 500.
    log.info("out of range: %s", type(exc).__name__)
    return _answer(400, [Problem("out_of_range", "값이 허용 범위를 벗어났습니다 / a number is out of range")])


def internal_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    """Any exception no other handler knows: logged with the request id (no personal data), answered as a
    problem carrying the same id, so a user's report finds the log line."""
    rid = request_id(request.scope)
    handler = request.scope.get("route_handler")
    where = getattr(handler, "operation_id", None) or request.scope.get("path", "")
    log.error(
        "unexpected %s in %s %s (request %s)\n%s",
        type(exc).__name__,
        request.method,
        where,
        rid,
        stack_without_messages(exc),
    )
    problem = Problem("internal_error", unexpected_message(rid))
    return Response(
        {"errors": [problem.as_dict()], "request_id": rid}, status_code=500, headers={REQUEST_ID_HEADER: rid}
    )


EXCEPTION_HANDLERS: dict[Any, Any] = {
    Exception: internal_error_handler,
    OverflowError: out_of_range_handler,
    DataError: out_of_range_handler,
    ApiError: api_error_handler,
    ValidationException: validation_error_handler,
    HTTPException: http_error_handler,
    IntegrityError: conflict_handler,
    ImmutableVersionError: conflict_handler,
    CrossClinicWrite: conflict_handler,
}
