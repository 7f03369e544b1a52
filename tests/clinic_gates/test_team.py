"""Team administration (issue 15 item 6): invite by one-time link, roles, deactivate, reset by link, audited."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage.config import Settings
from tests.conftest import ClientAs
from tests.support.clients import AppClients

Client = AsyncTestClient[Litestar]
PASSWORD = "a long password 1"


async def _actions(client: Client, action: str) -> list[dict]:
    return list((await client.get(f"/api/audit?action={action}")).json()["entries"])


async def test_a_manager_invites_a_reviewer_who_sets_a_password_and_logs_in(
    client: Client, app_clients: AppClients
) -> None:
    invited = await client.post("/api/users", json={"email": "rev@clinic.kr", "name": "김검토", "role": "reviewer"})
    assert invited.status_code == 201, invited.text
    body = invited.json()
    assert body["invited"] is True and body["active"] is True and body["setup_token"]
    listed = {u["email"]: u for u in (await client.get("/api/users")).json()["users"]}
    assert listed["rev@clinic.kr"]["invited"] is True and "setup_token" not in listed["rev@clinic.kr"]
    # the reviewer follows the link: sets a password, is logged in, and can log in again later
    browser = app_clients.new()
    used = await browser.post("/api/auth/set-password", json={"token": body["setup_token"], "password": PASSWORD})
    assert used.status_code == 200, used.text
    assert (await browser.get("/api/auth/me")).json()["role"] == "reviewer"
    again = await app_clients.new().post("/api/auth/login", json={"email": "rev@clinic.kr", "password": PASSWORD})
    assert again.status_code == 200
    # the link works once
    reused = await browser.post("/api/auth/set-password", json={"token": body["setup_token"], "password": PASSWORD})
    assert reused.status_code == 400 and reused.json()["errors"][0]["code"] == "invalid_link"
    entry = (await _actions(client, "user.create"))[0]
    assert entry["actor_name"] == "manager 사용자"  # names, not user:1


async def test_roles_change_deactivate_and_reactivate_with_audit(
    client: Client, client_as: ClientAs, app_clients: AppClients
) -> None:
    made = (await client.post("/api/users", json={"email": "s@clinic.kr", "name": "이직원", "role": "staff"})).json()
    uid = made["id"]
    await app_clients.new().post("/api/auth/set-password", json={"token": made["setup_token"], "password": PASSWORD})
    promoted = await client.patch(f"/api/users/{uid}", json={"role": "reviewer"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "reviewer"
    assert "signoff" in promoted.json()["permissions"]
    off = await client.patch(f"/api/users/{uid}", json={"active": False})
    assert off.status_code == 200 and off.json()["active"] is False
    refused = await app_clients.new().post("/api/auth/login", json={"email": "s@clinic.kr", "password": PASSWORD})
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["message"].startswith("이메일 또는 비밀번호가 올바르지 않습니다")
    on = await client.patch(f"/api/users/{uid}", json={"active": True})
    assert on.json()["active"] is True
    back = await app_clients.new().post("/api/auth/login", json={"email": "s@clinic.kr", "password": PASSWORD})
    assert back.status_code == 200
    assert [e["detail"]["fields"] for e in await _actions(client, "user.update")] == [["active"], ["role"]]
    assert (await _actions(client, "user.disable"))[0]["target"] == f"user:{uid}"
    # bad input: a clear 422, nothing changes
    bad = await client.patch(f"/api/users/{uid}", json={"role": "platform_admin"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["path"] == "/role"
    # a staff member may not manage users
    staff = await client_as("staff")
    assert (await staff.patch(f"/api/users/{uid}", json={"role": "manager"})).status_code == 403


async def test_the_clinic_keeps_an_active_manager_and_nobody_demotes_themselves(client: Client) -> None:
    me = (await client.get("/api/auth/me")).json()
    own = await client.patch(f"/api/users/{me['id']}", json={"role": "staff"})
    assert own.status_code == 409
    assert (await client.delete(f"/api/users/{me['id']}")).status_code == 409
    other = (
        await client.post("/api/users", json={"email": "m2@clinic.kr", "name": "박원장", "role": "manager"})
    ).json()
    # with a second manager, the first may be switched off by the second … but not the last one left
    assert (await client.patch(f"/api/users/{other['id']}", json={"role": "staff"})).status_code == 200


async def test_a_reset_link_replaces_the_password_and_earlier_links(
    client: Client, app_clients: AppClients, settings: Settings
) -> None:
    made = (await client.post("/api/users", json={"email": "r@clinic.kr", "name": "최직원", "role": "staff"})).json()
    first = (await client.post(f"/api/users/{made['id']}/password-link")).json()["token"]
    second = (await client.post(f"/api/users/{made['id']}/password-link")).json()["token"]
    browser = app_clients.new()
    stale = await browser.post("/api/auth/set-password", json={"token": first, "password": PASSWORD})
    assert stale.status_code == 400  # an earlier link stops working when a new one is issued
    assert (
        await browser.post("/api/auth/set-password", json={"token": second, "password": PASSWORD})
    ).status_code == 200
    logged = await app_clients.new().post("/api/auth/login", json={"email": "r@clinic.kr", "password": PASSWORD})
    assert logged.status_code == 200
    assert [e["target"] for e in await _actions(client, "user.reset_link")] == [f"user:{made['id']}"] * 2
    # a user of another clinic is not found
    assert (await client.post("/api/users/999999/password-link")).status_code == 404
