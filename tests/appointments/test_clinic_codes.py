"""A procedure code the clinic adds to its catalogue can be picked in trigger filters (GET /api/nodes lists it),
validates, publishes and starts runs; a code that is in no catalogue is refused with a clear message; another
clinic does not see it; the command line's ``validate`` reads the data directory's catalogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from nodes.procedures import DEFAULT_CATALOGUE, PROCEDURES, ProcedureEntry
from nodes.registry import REGISTRY, registry_for_catalogue, using_catalogue
from nodes.validation import validate_workflow
from server import main
from tests.conftest import ClientAs

Client = AsyncTestClient[Litestar]
HAIR = ProcedureEntry("hair_transplant", "모발이식", "Hair transplant", "surgery", ("모발 이식", "모발이식술"))


def postop(codes: list[str]) -> dict[str, Any]:
    return {
        "format": "doctorsflow.workflow/v1",
        "name": "모발이식 후 관리",
        "nodes": [
            {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": codes}},
            {"id": "d1", "type": "wait.duration", "params": {"days": 1}},
            {
                "id": "sms",
                "type": "send.sms",
                "params": {"text": "{{ patient.name }}님, 시술 다음 날입니다.", "purpose": "informational"},
            },
        ],
        "edges": [{"source": "start", "target": "d1"}, {"source": "d1", "target": "sms"}],
    }


def filter_codes(catalogue: dict[str, Any], node_type: str = "trigger.procedure_completed") -> list[str]:
    (node,) = [n for n in catalogue["nodes"] if n["type"] == node_type]
    return [option["const"] for option in node["schema"]["properties"]["procedures"]["items"]["oneOf"]]


async def add_hair(client: Client) -> None:
    catalogue = (await client.get("/api/procedures")).json()["procedures"]
    mine = [
        *catalogue,
        {
            "code": HAIR.code,
            "name_ko": HAIR.name_ko,
            "name_en": HAIR.name_en,
            "kind": "surgery",
            "synonyms": list(HAIR.synonyms),
        },
    ]
    saved = await client.put("/api/procedures", json={"procedures": mine})
    assert saved.status_code == 200, saved.text


async def test_a_clinic_code_is_offered_validated_published_and_matched(client: Client, client_as: ClientAs) -> None:
    # Before: the editor's filter offers only the defaults, and the code is refused with a clear message
    assert "hair_transplant" not in filter_codes((await client.get("/api/nodes")).json())
    refused = (await client.post("/api/validate", json=postop(["hair_transplant"]))).json()
    assert refused["valid"] is False
    (problem,) = refused["errors"]
    assert problem["path"] == "/nodes/0/params/procedures/0" and problem["code"] == "invalid_params"
    assert (
        "알 수 없는 시술 코드 'hair_transplant'" in problem["message"]
        and "unknown procedure code" in problem["message"]
    )
    # When the clinic adds 모발이식 to its catalogue
    await add_hair(client)
    nodes = (await client.get("/api/nodes")).json()
    # Then every procedure filter offers it (the campaign segment too), titled in Korean / English
    assert "hair_transplant" in filter_codes(nodes) and "cataract" in filter_codes(nodes)
    (schedule,) = [n for n in nodes["nodes"] if n["type"] == "trigger.schedule"]
    assert any(
        o["const"] == "hair_transplant"
        for o in schedule["schema"]["properties"]["segment"]["properties"]["procedures"]["items"]["oneOf"]
    )
    (booked,) = [n for n in nodes["nodes"] if n["type"] == "trigger.appointment_booked"]
    titles = {o["const"]: o["title"] for o in booked["schema"]["properties"]["procedures"]["items"]["oneOf"]}
    assert titles["hair_transplant"] == "모발이식 / Hair transplant"
    # And it validates, its card reads the clinic's name, and it publishes
    assert (await client.post("/api/validate", json=postop(["hair_transplant"]))).json() == {
        "valid": True,
        "errors": [],
    }
    summary = await client.post(
        "/api/nodes/summaries", json={"nodes": [{"id": "start", **postop(["hair_transplant"])["nodes"][0]}]}
    )
    assert "모발이식" in summary.json()["summaries"]["start"]["ko"]
    created = await client.post("/api/workflows", json=postop(["hair_transplant"]))
    assert created.status_code == 201, created.text
    workflow_id = created.json()["id"]
    assert (await client.post(f"/api/workflows/{workflow_id}/validate")).json()["valid"] is True
    published = await client.post(f"/api/workflows/{workflow_id}/publish")
    assert published.status_code == 201, published.text
    # And a booking written "모발 이식" marked done starts the run
    booked_answer = await client.post(
        "/api/appointments",
        json={
            "patient": {"chart_no": "H-1", "name": "최모발", "phone": "010-5555-6666"},
            "starts_at": "2026-12-08T10:00",
            "procedure": "모발 이식",
        },
    )
    assert booked_answer.status_code == 201, booked_answer.text
    appointment = booked_answer.json()["appointment"]
    assert appointment["procedure"] == "hair_transplant"
    done = await client.patch(f"/api/appointments/{appointment['id']}", json={"status": "completed"})
    assert [r["workflow_id"] for r in done.json()["appointment"]["run_list"]] == [workflow_id]
    # And the editor's preview (simulate) resolves the clinic's names and accepts its code
    simulated = await client.post(
        "/api/simulate",
        json={
            "workflow": postop(["hair_transplant"]),
            "event": {
                "type": "procedure.completed",
                "external_id": "sim-1",
                "occurred_at": "2026-12-08T10:00:00+09:00",
                "patient": {"chart_no": "S-1", "name": "김미리", "phone": "010-1111-3333"},
                "appointment": {"id": "sim-apt", "procedure": "모발이식술"},
            },
        },
    )
    assert simulated.status_code == 200, simulated.text
    assert [m["node"] for m in simulated.json()["messages"]] == ["sms"]
    # And a code in no catalogue is still refused; another clinic does not get this clinic's code
    assert (await client.post("/api/validate", json=postop(["hair_transplant", "nope"]))).json()["valid"] is False
    other = await client_as("manager", clinic="other")
    assert "hair_transplant" not in filter_codes((await other.get("/api/nodes")).json())
    assert (await other.post("/api/validate", json=postop(["hair_transplant"]))).json()["valid"] is False


def test_registry_for_a_catalogue_keeps_defaults_and_the_rest_of_the_schema() -> None:
    registry = registry_for_catalogue((HAIR, *DEFAULT_CATALOGUE), REGISTRY)
    schema = registry["trigger.appointment_booked"].schema
    codes = [o["const"] for o in schema["properties"]["procedures"]["items"]["oneOf"]]
    assert codes == ["hair_transplant", *PROCEDURES]
    assert registry["send.sms"] is REGISTRY["send.sms"]  # node types without a procedure list are shared
    assert (
        REGISTRY["trigger.appointment_booked"].schema["properties"]["procedures"]["items"]["oneOf"][0]["const"]
        == "cataract"
    )
    assert registry_for_catalogue((HAIR, *DEFAULT_CATALOGUE), REGISTRY) is registry  # built once
    # A customised catalogue without some defaults still accepts them (workflows written for the defaults)
    with using_catalogue((HAIR,)):
        assert validate_workflow(postop(["cataract", "hair_transplant"])) == []


def test_a_node_type_added_after_a_catalogue_build_is_in_the_next_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a registry already built for the default catalogue (an earlier request or test did it)
    registry_for_catalogue(DEFAULT_CATALOGUE, REGISTRY)
    # When a node type is added to the registry afterwards
    monkeypatch.setitem(REGISTRY, "send.extra_for_test", REGISTRY["send.sms"])
    # Then the catalogue's registry has it (the cached build was of the registry as it was)
    assert "send.extra_for_test" in registry_for_catalogue(DEFAULT_CATALOGUE, REGISTRY)


@given(st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True))
def test_any_code_is_valid_exactly_when_some_catalogue_has_it(code: str) -> None:
    entry = ProcedureEntry("clinic_own", "병원 시술", "", "procedure")
    with using_catalogue((entry,)):
        problems = validate_workflow(postop([code]))
    assert (problems == []) == (code in PROCEDURES or code == "clinic_own")
    for problem in problems:
        assert problem.path == "/nodes/0/params/procedures/0" and f"'{code}'" in problem.message


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    yield tmp_path


def test_the_command_line_reads_the_data_directorys_catalogue(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "hair.json"
    path.write_text(json.dumps(postop(["hair_transplant"]), ensure_ascii=False), "utf-8")
    # No database: the defaults, and the reason in both languages
    assert main(["validate", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"][0]["path"] == "/nodes/0/params/procedures/0"
    assert "unknown procedure code 'hair_transplant'" in report["errors"][0]["message"]
    # The clinic of this data directory adds the code: the same file is valid
    catalogue = [*DEFAULT_CATALOGUE, HAIR]
    items = [
        {"code": e.code, "name_ko": e.name_ko, "name_en": e.name_en, "kind": e.kind, "synonyms": list(e.synonyms)}
        for e in catalogue
    ]
    assert main(["migrate"]) == 0
    capsys.readouterr()
    _save_catalogue(items)
    assert main(["validate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"valid": True, "errors": []}


def _save_catalogue(items: list[dict[str, Any]]) -> None:
    import asyncio

    from storage.config import Settings
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic
    from storage.procedures.catalogue import parse_catalogue, replace_catalogue

    async def save() -> None:
        settings = Settings.from_env()
        clinic = await ensure_default_clinic(settings)
        async with session_scope(settings, clinic) as session:
            await replace_catalogue(session, clinic, parse_catalogue(items))
        await dispose_engines()

    asyncio.run(save())
