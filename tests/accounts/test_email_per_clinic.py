"""The e-mail oracle (issue 18): adding a user whose address another clinic uses reveals nothing.

Accounts are unique per clinic: the second clinic's manager gets the same 201 as for a new address, each clinic's
account has its own password, and the log-in picks the account whose password matches (asking for the clinic
only when one password opens several).
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.conftest import ClientAs

PERSON = {"email": "Kim.Nurse@Example.kr", "name": "김간호", "role": "staff"}


async def _set_password(anonymous: AsyncTestClient[Litestar], token: str, password: str) -> None:
    used = await anonymous.post("/api/auth/set-password", json={"token": token, "password": password})
    assert used.status_code == 200, used.text
    await anonymous.post("/api/auth/logout", headers={"X-CSRF-Token": used.json()["csrf_token"]})


async def test_another_clinics_address_is_added_like_a_new_one(
    client: AsyncTestClient[Litestar], client_as: ClientAs
) -> None:
    # Given clinic A has a staff member with this address
    first = await client.post("/api/users", json=PERSON)
    assert first.status_code == 201, first.text
    # When clinic B's manager adds the same address, and (for comparison) one nobody uses
    other = await client_as("manager", clinic="other")
    taken_elsewhere = await other.post("/api/users", json=PERSON)
    fresh = await other.post("/api/users", json={**PERSON, "email": "nobody.yet@example.kr"})
    # Then both answers are the same: 201, the same fields, an invited user of clinic B with a link of its own
    assert taken_elsewhere.status_code == fresh.status_code == 201, taken_elsewhere.text
    a, b = taken_elsewhere.json(), fresh.json()
    assert sorted(a) == sorted(b)
    assert a["invited"] is b["invited"] is True and a["clinic_id"] == b["clinic_id"] != first.json()["clinic_id"]
    assert a["setup_token"] != first.json()["setup_token"]
    # And clinic B lists its own account only; clinic A's is untouched
    listed_b = [u["email"] for u in (await other.get("/api/users")).json()["users"]]
    assert listed_b.count("kim.nurse@example.kr") == 1
    listed_a = [u for u in (await client.get("/api/users")).json()["users"] if u["email"] == "kim.nurse@example.kr"]
    assert [u["id"] for u in listed_a] == [first.json()["id"]]
    # And only a repeat inside the same clinic is refused (that clinic already sees its own list)
    again = await other.post("/api/users", json={**PERSON, "email": "KIM.nurse@example.kr"})
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "email_taken"


async def test_log_in_opens_the_account_whose_password_matches(
    client: AsyncTestClient[Litestar], client_as: ClientAs, anonymous_client: AsyncTestClient[Litestar]
) -> None:
    other = await client_as("manager", clinic="other")
    in_a = (await client.post("/api/users", json=PERSON)).json()
    in_b = (await other.post("/api/users", json=PERSON)).json()
    await _set_password(anonymous_client, in_a["setup_token"], "password of clinic A")
    await _set_password(anonymous_client, in_b["setup_token"], "password of clinic B")

    async def login(password: str, **extra: str) -> tuple[int, Any]:
        body = {"email": PERSON["email"], "password": password, **extra}
        answer = await anonymous_client.post("/api/auth/login", json=body)
        return answer.status_code, answer.json()

    # Each password opens its own clinic's account
    status, body = await login("password of clinic A")
    assert status == 200 and body["user"]["id"] == in_a["id"]
    status, body = await login("password of clinic B")
    assert status == 200 and body["user"]["id"] == in_b["id"]
    # A wrong password is the usual 401, whatever other clinics hold
    status, body = await login("not a password at all")
    assert status == 401 and body["errors"][0]["code"] == "bad_credentials"


async def test_one_password_for_two_clinics_asks_which(
    client: AsyncTestClient[Litestar], client_as: ClientAs, anonymous_client: AsyncTestClient[Litestar]
) -> None:
    other = await client_as("manager", clinic="other")
    in_a = (await client.post("/api/users", json=PERSON)).json()
    in_b = (await other.post("/api/users", json=PERSON)).json()
    for made in (in_a, in_b):
        await _set_password(anonymous_client, made["setup_token"], "the same long password")
    body = {"email": PERSON["email"], "password": "the same long password"}
    # When the password opens both accounts, the answer names the two clinics (the caller proved both)
    ask = await anonymous_client.post("/api/auth/login", json=body)
    assert ask.status_code == 409 and ask.json()["errors"][0]["code"] == "choose_clinic"
    assert sorted(c["slug"] for c in ask.json()["clinics"]) == ["default", "other"]
    assert (await anonymous_client.get("/api/auth/me")).status_code == 401  # nobody logged in yet
    # And the chosen clinic logs in there
    chosen = await anonymous_client.post("/api/auth/login", json={**body, "clinic": "other"})
    assert chosen.status_code == 200 and chosen.json()["user"]["id"] == in_b["id"]
    me = (await anonymous_client.get("/api/auth/me")).json()
    assert me["clinic"]["slug"] == "other"
