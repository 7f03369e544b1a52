"""``doctorsflow create-clinic``, ``create-user`` and the first-login link of ``serve``."""

from __future__ import annotations

import asyncio
import io
import json

import pytest

from server import main
from storage.accounts import users
from storage.accounts.cli import first_login_token
from storage.config import Settings
from storage.db import dispose_engines, session_scope


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DOCTORSFLOW_SECRET_KEY", settings.secret_key or "")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return settings


def test_create_clinic_and_user_from_the_command_line(
    env: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["create-clinic", "--slug", "seoul-eye", "--name", "서울안과", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["clinic"]["slug"] == "seoul-eye"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password 1\n"))
    code = main(
        [
            "create-user",
            "--email",
            "boss@seoul.kr",
            "--name",
            "원장",
            "--role",
            "manager",
            "--clinic",
            "seoul-eye",
            "--password-stdin",
            "--format",
            "json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["user"]["role"] == "manager"
    # A second user with the same e-mail, a short password, or an unknown clinic: exit 1 with a reason
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["create-user", "--email", "new@seoul.kr", "--name", "x", "--role", "staff", "--password-stdin"]) == 1
    assert "비밀번호" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password 1\n"))
    same_clinic = ["--clinic", "seoul-eye", "--password-stdin"]  # another clinic may use the address (its own account)
    assert main(["create-user", "--email", "boss@seoul.kr", "--name", "x", "--role", "staff", *same_clinic]) == 1
    assert (
        main(["create-user", "--email", "n@x.kr", "--name", "x", "--role", "staff", "--clinic", "nope", "--link"]) == 1
    )


def test_first_login_link_only_when_no_user_exists(env: Settings) -> None:
    async def twice() -> tuple[str | None, str | None, bool]:
        try:
            first = await first_login_token(env)
            second = await first_login_token(env)
            async with session_scope(env, None) as db:
                user = await users.set_password_with_link(db, first or "", "a long password 1", None)
                has_password = user.password_hash is not None
            return first, second, has_password
        finally:
            await dispose_engines()

    first, second, has_password = asyncio.run(twice())
    assert first and second is None and has_password
