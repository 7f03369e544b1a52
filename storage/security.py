"""Response hardening on every answer — API, editor, OpenAPI page, and the router's own 404/405 (a ``before_send``
hook of the app, so it runs even when no route matched): security headers, HSTS when the browser came over
https, ``Cache-Control: no-store`` on the API (its answers carry patient data), and ``X-Request-ID``.
(The editor is React Flow + rjsf: inline styles are needed, inline scripts are not.)"""

from __future__ import annotations

from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message

from nodes.crash import new_error_id
from storage.proxies import request_scheme

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000; includeSubDomains"  # only over https: a browser ignores it on http anyway
NO_STORE = "no-store"
REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_KEY = "df_request_id"


def request_id(scope: Any) -> str:
    """This request's id (made on first use): in the ``X-Request-ID`` header, the log and a 500's body."""
    state = scope.setdefault("state", {})
    found = state.get(_REQUEST_ID_KEY)
    if not isinstance(found, str):
        found = state[_REQUEST_ID_KEY] = new_error_id()
    return found


async def add_security_headers(message: Message, scope: Any) -> None:
    """``before_send`` hook: adds the headers above to the start of every HTTP answer unless already set."""
    if message["type"] != "http.response.start" or scope.get("type") != "http":
        return
    headers = MutableScopeHeaders.from_message(message)
    wanted = dict(SECURITY_HEADERS)
    if request_scheme(scope) == "https":
        wanted["Strict-Transport-Security"] = HSTS
    if str(scope.get("path", "")).startswith(("/api/", "/schema")) or scope.get("path") == "/api":
        wanted["Cache-Control"] = NO_STORE
    wanted[REQUEST_ID_HEADER] = request_id(scope)
    for name, value in wanted.items():
        if name not in headers:
            headers[name] = value
