"""The card sentence of `send.alimtalk`: "알림톡 · 백내장 수술 후 1일차 안내 (실패 시 문자)"."""

from collections.abc import Mapping
from typing import Any

from nodes.send_alimtalk.library import load_library
from nodes.summary import Summary, both


def summary(params: Mapping[str, Any]) -> Summary:
    code = params.get("template")
    if not code:
        return both("알림톡 · 템플릿을 고르세요", "AlimTalk · choose a template")
    known = load_library().get(str(code))
    name = known.name if known is not None else str(code)
    failover = params.get("failover", {"channel": "sms"})
    ko_tail, en_tail = (" (실패 시 문자)", " (SMS if undelivered)") if failover else ("", "")
    return both(f"알림톡 · {name}{ko_tail}", f"AlimTalk · {name}{en_tail}")
