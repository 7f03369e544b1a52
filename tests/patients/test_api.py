"""The patients HTTP API through the real app: masked lists, audited reads, consents, opt-out, import,
export, erasure, consent forms and the privacy policy."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry, Clinic
from tests.patients.conftest import CP949_EXPECTED, XLSX_EXPECTED, without_messages

Client = AsyncTestClient[Litestar]


async def import_cp949(client: Client, data: bytes, **params: Any) -> Any:
    files = {"file": ("emr.csv", data, "text/csv")}
    return await client.post("/api/patients/import", files=files, params=params)


async def patient_id(client: Client, q: str) -> int:
    found = (await client.post("/api/patients/search", json={"q": q})).json()["patients"]
    assert len(found) == 1
    return int(found[0]["id"])


async def audit_actions(settings: Settings) -> list[tuple[str, str | None]]:
    async with session_scope(settings, 1) as session:
        rows = (await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars()
        return [(a.action, a.target) for a in rows]


async def test_import_upload_returns_the_same_report_as_the_command_line(client: Client, cp949_export: bytes) -> None:
    dry = await import_cp949(client, cp949_export, dry_run="true")
    assert dry.status_code == 200 and without_messages(dry.json()) == CP949_EXPECTED
    assert (await client.get("/api/patients")).json()["total"] == 0
    strict = await import_cp949(client, cp949_export, strict="true")
    assert strict.json()["imported"] == 0 and strict.json()["skipped"] == 12
    done = await import_cp949(client, cp949_export)
    assert without_messages(done.json()) == CP949_EXPECTED
    assert (await client.get("/api/patients")).json()["total"] == 6


async def test_import_takes_xlsx_and_form_flags(client: Client, xlsx_export: bytes) -> None:
    files = {"file": ("export.xlsx", xlsx_export, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    response = await client.post("/api/patients/import", files=files, data={"dry_run": "true"})
    assert without_messages(response.json()) == XLSX_EXPECTED
    assert (await client.get("/api/patients")).json()["total"] == 0


async def test_unreadable_uploads_and_bad_mappings_are_clear_422s(client: Client) -> None:
    old = await client.post("/api/patients/import", files={"file": ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64)})
    assert old.status_code == 422 and old.json()["errors"][0]["code"] == "unsupported_format"
    bad_map = await client.post(
        "/api/patients/import",
        files={"file": ("a.csv", "이름,휴대폰\n김,010-1234-5678\n".encode())},
        data={"mapping": "이름=nick"},
    )
    assert bad_map.status_code == 422 and bad_map.json()["errors"][0]["code"] == "invalid_mapping"
    nothing = await client.post("/api/patients/import", data={"dry_run": "true"})
    assert nothing.status_code in (400, 422)


async def test_lists_are_masked_and_search_uses_exact_identifiers(client: Client, cp949_export: bytes) -> None:
    await import_cp949(client, cp949_export)
    by_phone = (await client.post("/api/patients/search", json={"q": "+82 10 1234 5678"})).json()["patients"]
    # The phone is shared by 김민지 (10001) and 강감찬 (10008): both found, both masked.
    assert sorted(p["chart_no"] for p in by_phone) == ["10001", "10008"]
    kim = next(p for p in by_phone if p["chart_no"] == "10001")
    assert kim["name"] == "김*지" and kim["phone"] == "010-****-5678"
    assert kim["consents"] == {"treatment": False, "marketing": True, "night_ads": False}
    assert [
        p["chart_no"] for p in (await client.get("/api/patients", params={"q": "똠방각하"})).json()["patients"]
    ] == ["10006"]
    assert [
        p["chart_no"] for p in (await client.post("/api/patients/search", json={"q": "10003"})).json()["patients"]
    ] == ["10003"]
    assert (await client.post("/api/patients/search", json={"q": "김"})).json()["patients"] == []
    listed = (await client.get("/api/patients", params={"limit": 2})).json()
    assert listed["total"] == 6 and len(listed["patients"]) == 2
    body = str(listed) + str(by_phone)
    assert "김민지" not in body and "01012345678" not in body


async def test_a_staff_read_is_full_and_audit_logged(client: Client, settings: Settings, cp949_export: bytes) -> None:
    await import_cp949(client, cp949_export)
    pid = await patient_id(client, "10001")
    detail = (await client.get(f"/api/patients/{pid}")).json()
    assert (
        detail["name"] == "김민지" and detail["phone"] == "01012345678" and detail["phone_display"] == "010-1234-5678"
    )
    assert detail["birth_date"] == "1985-03-02" and detail["minor"] is False and detail["reconfirm_marketing"] is False
    assert ("patient.read", f"patient:{pid}") in await audit_actions(settings)
    for entry in await audit_actions(settings):
        assert "김민지" not in str(entry)
    assert (await client.get("/api/patients/999999")).status_code == 404


async def test_consents_are_appended_and_children_need_a_guardian(client: Client, cp949_export: bytes) -> None:
    await import_cp949(client, cp949_export)
    child = await patient_id(client, "10005")  # born 2019
    refused = await client.post(f"/api/patients/{child}/consents", json={"purpose": "treatment", "granted": True})
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "guardian_required"
    given = await client.post(
        f"/api/patients/{child}/consents",
        json={"purpose": "treatment", "granted": True, "method": "paper", "text_version": "2026-11",
              "guardian": {"name": "정엄마", "relationship": "모"}, "occurred_at": "2026-11-01T10:00:00"},
    )  # fmt: skip
    assert given.status_code == 201
    assert given.json()["guardian"] == {"name": "정엄마", "relationship": "모"}
    assert given.json()["occurred_at"] == "2026-11-01T01:00:00+00:00"  # no zone given: Asia/Seoul
    ledger = (await client.get(f"/api/patients/{child}/consents")).json()
    # Newest first by when it happened: the paper form was back-dated before the import.
    assert [(c["purpose"], c["method"]) for c in ledger["consents"]] == [
        ("marketing", "import"),
        ("treatment", "paper"),
    ]
    assert ledger["current"] == {"treatment": True, "marketing": True, "night_ads": False}
    bad = await client.post(f"/api/patients/{child}/consents", json={"purpose": "spam", "granted": True})
    assert bad.status_code == 400
    future = await client.post(
        f"/api/patients/{child}/consents",
        json={"purpose": "marketing", "granted": False, "occurred_at": "2999-01-01T00:00:00+09:00"},
    )
    assert future.status_code == 422


async def test_staff_optout_revokes_advertising_immediately(client: Client, cp949_export: bytes) -> None:
    await import_cp949(client, cp949_export)
    pid = await patient_id(client, "10006")
    response = await client.post(f"/api/patients/{pid}/opt-out")
    assert response.status_code == 200
    assert response.json() == {
        "revoked": ["marketing", "night_ads"],
        "opted_out": False,
        "consents": {"treatment": False, "marketing": False, "night_ads": False},
    }
    ledger = (await client.get(f"/api/patients/{pid}/consents")).json()["consents"]
    # Newest first; both entries carry the same moment, so the later-written night_ads comes first.
    assert [(c["purpose"], c["granted"], c["method"]) for c in ledger[:2]] == [
        ("night_ads", False, "optout"),
        ("marketing", False, "optout"),
    ]
    everything = (await client.post(f"/api/patients/{pid}/opt-out", json={"all_messages": True})).json()
    assert everything["opted_out"] is True


async def test_export_and_erase_through_the_api(client: Client, settings: Settings, cp949_export: bytes) -> None:
    await import_cp949(client, cp949_export)
    pid = await patient_id(client, "10001")
    exported = await client.get(f"/api/patients/{pid}/export")
    assert exported.json()["patient"]["name"] == "김민지"
    as_csv = await client.get(f"/api/patients/{pid}/export", params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv") and "김민지" in as_csv.text
    erased = await client.post(f"/api/patients/{pid}/erase")
    assert erased.status_code == 200 and erased.json()["counts"]["consents"] == 1
    after = (await client.get(f"/api/patients/{pid}/export")).json()
    assert "김민지" not in str(after) and "01012345678" not in str(after)
    assert after["patient"]["erased_at"] is not None
    actions = [a for a, _ in await audit_actions(settings)]
    assert actions.count("patient.export") == 3 and actions.count("patient.erase") == 1


async def test_consent_forms_and_privacy_policy_come_from_clinic_settings(client: Client, settings: Settings) -> None:
    async with session_scope(settings, None) as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.name = "밝은눈<script>안과"
        clinic.settings = {**clinic.settings, "optout_number": "080-123-4567", "retention_days": 1095}
    korean = await client.get("/api/consent-form", params={"lang": "ko"})
    assert korean.status_code == 200 and korean.headers["content-type"].startswith("text/html")
    assert "밝은눈&lt;script&gt;안과" in korean.text and "<script>" not in korean.text
    assert "080-123-4567" in korean.text and "1095일" in korean.text and "법정대리인" in korean.text
    english = await client.get("/api/consent-form", params={"lang": "en"})
    assert "legal guardian" in english.text and "1095 days" in english.text
    policy = await client.get("/api/privacy-policy")
    assert "개인정보 처리방침" in policy.text and "AES-256-GCM" in policy.text
    page = await client.get("/privacy", params={"lang": "en"})
    assert page.status_code == 200 and "privacy policy" in page.text
    assert (await client.get("/api/consent-form", params={"lang": "fr"})).status_code == 400


async def test_import_preview_shows_decoded_rows_unknown_headers_bad_values_and_warnings(client: Client) -> None:
    text = "차트번호,환자명,HP,주민번호,마케팅동의,메모\nA-1,김가나,010-12,900101-1234567,Y,첫 방문\nA-2,이다라,010-2222-3333,,N,\n"
    files = {"file": ("emr.csv", text.encode("cp949"), "text/csv")}
    preview = await client.post("/api/patients/import/preview", files=files)
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["encoding"] in ("cp949", "euc-kr", "euc_kr")
    assert body["unknown_headers"] == ["HP", "메모"]
    assert "주민번호" not in body["headers"] and all("900101" not in c for r in body["rows"] for c in r["cells"])
    assert body["rows"][0]["cells"][:2] == ["A-1", "김가나"]  # decoded Korean
    assert [w["code"] for w in body["warnings"]] == ["no_consent_date"]
    assert body["total_rows"] == 2

    # With the mapping step's answer (the CLI's --map), the phone column is read and its bad value shown
    mapped = await client.post("/api/patients/import/preview", files=files, data={"mapping": "HP=phone,메모=ignore"})
    body = mapped.json()
    assert body["unknown_headers"] == []
    assert {"row": 2, "column": "HP", "code": "invalid_phone", "value": "010-12"} in body["bad_values"]
    assert (await client.get("/api/patients")).json()["total"] == 0  # nothing stored
    bad = await client.post("/api/patients/import/preview", files=files, data={"mapping": "HP=nonsense"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["path"] == "/mapping"
