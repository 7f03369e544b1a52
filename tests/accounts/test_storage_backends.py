"""Sessions, lock-out counters and replay refusal on SQLite and PostgreSQL alike."""

from __future__ import annotations

import time

import pytest

from storage.accounts import sessions, throttle, users, webhooks
from storage.accounts.config import AuthSettings
from storage.accounts.webhooks import WebhookSignatureError
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models.base import utcnow


async def test_session_round_trip_and_lockout_counts(any_db_settings: Settings) -> None:
    auth = AuthSettings()
    async with session_scope(any_db_settings, None) as db:
        clinic = await users.create_clinic(db, "pg-clinic", "피지 의원")
        user = await users.create_user(db, "pg@clinic.kr", "사용자", "staff", clinic.id)
        token, _ = await sessions.open_session(db, user, auth, "10.0.0.1", "pytest")
    async with session_scope(any_db_settings, None) as db:
        found = await sessions.find_session(db, token, auth)
        assert found is not None and found[1].id == user.id
        assert await sessions.find_session(db, token + "x", auth) is None
    now = utcnow()
    async with session_scope(any_db_settings, None) as db:
        locks = [await throttle.record_failure(db, "pg@clinic.kr", "10.0.0.1", auth, now) for _ in range(5)]
        assert locks[:4] == [None] * 4 and locks[4] is not None
    async with session_scope(any_db_settings, None) as db:
        assert await throttle.locked_until(db, [throttle.account_key("PG@clinic.kr")], now) is not None
    await dispose_engines()


async def test_a_signature_is_accepted_once(any_db_settings: Settings) -> None:
    signature, timestamp = "a" * 64, int(time.time())
    await webhooks.refuse_replay(any_db_settings, signature, timestamp)
    with pytest.raises(WebhookSignatureError) as replay:
        await webhooks.refuse_replay(any_db_settings, signature, timestamp)
    assert replay.value.code == "signature_replayed"
    await dispose_engines()
