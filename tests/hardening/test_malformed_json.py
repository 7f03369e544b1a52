"""A body that is not JSON (a lone surrogate escape, cut short, a trailing comma, bytes that are not UTF-8, or
no body where one is needed) answers 400 with a Korean + English problem that says what is wrong, on every
kind of JSON route (raw events, typed log-in, typed workflow save), not the decoder's English text."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.hardening.raw_post import raw_post_problem

HANGUL = re.compile(r"[가-힣]")

MALFORMED = [
    b'{"patient": {"name": "\\ud800"}}',  # a lone surrogate escape
    b'{"a": "\\udc00\\ud800"}',
    b'{"type": "patient.created",',  # cut short
    b'{"a": 1,}',
    b'{"name": "\xff\xfe"}',  # not UTF-8
    b"abc",
]


@pytest.mark.parametrize("body", MALFORMED, ids=lambda b: b[:12].decode("latin-1"))
@pytest.mark.parametrize("path", ["/api/events", "/api/auth/login", "/api/workflows", "/api/validate"])
async def test_malformed_json_answers_400_in_korean_and_english(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], path: str, body: bytes
) -> None:
    problem = await raw_post_problem(client, anonymous_client, path, body)
    assert problem["code"] == "invalid_json", problem
    korean, _, english = problem["message"].partition(" / ")
    assert HANGUL.search(korean) and any(word in english for word in ("JSON", "UTF-8", "Unicode")), problem
    if b"\\ud800" in body and b"patient" in body:
        assert problem["path"] == "/patient/name"  # which field holds it


@pytest.mark.parametrize("path", ["/api/events", "/api/auth/login", "/api/workflows"])
async def test_an_empty_body_says_a_json_body_is_needed(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], path: str
) -> None:
    caller = anonymous_client if path.startswith("/api/auth") else client
    answer = await caller.post(path, content=b"", headers={"Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text
    message = answer.json()["errors"][0]["message"]
    assert HANGUL.search(message) and "body" in message and "'data'" not in message, message


async def test_a_wrong_method_and_a_body_too_large_answer_in_korean_and_english(
    anonymous_client: AsyncTestClient[Litestar],
) -> None:
    # Found by the probe: Litestar's own words ("Method Not Allowed", "Request Entity Too Large") reached users
    wrong_method = await anonymous_client.delete("/api/auth/login")
    too_large = await anonymous_client.post(
        "/api/auth/login", content=b" " * (2 * 1024 * 1024), headers={"Content-Type": "application/json"}
    )
    for answer, status, code in ((wrong_method, 405, "method_not_allowed"), (too_large, 413, "too_large")):
        assert answer.status_code == status, answer.text
        problem = answer.json()["errors"][0]
        korean, _, english = problem["message"].partition(" / ")
        assert problem["code"] == code and HANGUL.search(korean) and english, problem
