"""The editor's API types are generated from the app's OpenAPI (``make ui``); committed files must match."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

GENERATED = Path(__file__).parents[2] / "builder_ui" / "src" / "api" / "generated"
SCRIPT = Path(__file__).parents[2] / "builder_ui" / "scripts" / "generate_api.py"


def test_generated_api_types_are_up_to_date(tmp_path: Path) -> None:
    # Given the committed generated files, When the script regenerates them into a temporary folder
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # Then every file is identical: a changed schema without `make ui` (and a commit) fails here
    fresh = sorted(p.name for p in tmp_path.iterdir())
    assert fresh == ["enums.ts", "index.ts", "openapi.json", "schema.d.ts"]
    stale = [n for n in fresh if (tmp_path / n).read_text("utf-8") != (GENERATED / n).read_text("utf-8")]
    assert stale == [], f"run `make ui` and commit builder_ui/src/api/generated/ ({', '.join(stale)} changed)"


def test_every_body_of_the_api_is_described() -> None:
    # Given the app's OpenAPI
    spec = importlib.util.spec_from_file_location("generate_api", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    document = module.openapi_document()
    untyped: list[str] = []
    # When every JSON request and success answer is inspected
    for path, item in document["paths"].items():
        for method, operation in item.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [(code, r.get("content", {})) for code, r in operation["responses"].items()]
            for where, content in bodies:
                schema = content.get("application/json", {}).get("schema")
                if schema is not None and _free_form(schema) and path != "/api/patients/{patient_id}/export":
                    untyped.append(f"{method.upper()} {path} {where}")
    # Then each is a named shape (the patient export is a free-form document by design)
    assert untyped == []


def _free_form(schema: dict[str, object]) -> bool:
    return schema == {} or (schema.get("type") == "object" and "properties" not in schema and "$ref" not in schema)
