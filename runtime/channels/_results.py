"""SendResult builders shared by the provider clients: one place decides what is retriable.

Retriable: time-outs, connection errors, HTTP 429 and 5xx (the provider may well accept it later).
Never retriable: any other 4xx or a provider's refusal in the body — retrying cannot change the answer.
"""

from __future__ import annotations

import httpx

from runtime.channels.base import SendResult
from storage.models.outbox import UNCERTAIN as UNCERTAIN  # error_code of a send that may have been accepted


def bilingual(ko: str, en: str, detail: str | None = None) -> str:
    text = f"{ko} / {en}"
    return f"{text} ({detail})" if detail else text


def never_left(exc: BaseException) -> bool:
    """The request cannot have reached the provider: no connection was made (refused, connect time-out)."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.UnsupportedProtocol)


def transport_failure(provider: str, exc: BaseException) -> SendResult:
    """An exception while talking to the provider (httpx's, or any other: a client bound to another event loop,
    a cancelled task, an unreadable answer). Before any byte left: retry. After: the provider may have accepted
    the request, so the send is *uncertain* and the next attempt asks the provider before sending again."""
    if isinstance(exc, httpx.TimeoutException):
        code, ko, en = "TIMEOUT", "제공사 응답 시간이 초과되었습니다", "the provider did not answer in time"
    elif isinstance(exc, httpx.HTTPError):
        code, ko, en = "NETWORK", "제공사에 연결하지 못했습니다", "could not reach the provider"
    else:
        return uncertain(provider, type(exc).__name__)
    return SendResult(
        accepted=False,
        provider=provider,
        state="queued",
        error_code=code,
        error_message=bilingual(ko, en, type(exc).__name__),
        retriable=True,
        uncertain=not never_left(exc),
    )


def uncertain(provider: str, detail: str | None) -> SendResult:
    """The request may have been accepted: neither sent nor failed until the provider is asked."""
    return SendResult(
        accepted=False,
        provider=provider,
        state="queued",
        error_code=UNCERTAIN,
        error_message=bilingual(
            "제공사가 접수했는지 알 수 없어 다시 보내기 전에 확인합니다",
            "the provider may have accepted it; asked before any resend",
            detail,
        ),
        retriable=True,
        uncertain=True,
    )


def is_retriable_status(status: int) -> bool:
    return status == 429 or status >= 500


def http_failure(provider: str, status: int, code: str | None, ko: str, en: str, detail: str | None) -> SendResult:
    """A refusal by HTTP status. A 5xx may come after the provider processed the request: uncertain."""
    retriable = is_retriable_status(status)
    return SendResult(
        accepted=False,
        provider=provider,
        state="queued" if retriable else "failed",
        error_code=code or f"HTTP_{status}",
        error_message=bilingual(ko, en, detail),
        retriable=retriable,
        uncertain=status >= 500,
    )


def default_explanation(status: int) -> tuple[str, str]:
    """Korean and English sentences for an HTTP status without a known provider code."""
    if status == 429:
        return "요청이 너무 많아 제공사가 잠시 거절했습니다", "rate limited by the provider"
    if status >= 500:
        return "제공사 서버 오류입니다. 잠시 후 다시 보냅니다", "provider server error; will retry"
    if status in (401, 403):
        return "API 키 또는 인증 정보가 올바르지 않습니다", "the API key or credentials were refused"
    return "제공사가 요청을 거절했습니다", "the provider refused the request"
