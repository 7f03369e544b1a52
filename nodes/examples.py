"""The example workflows shipped in ``examples/`` (repository root), or ``$DOCTORSFLOW_EXAMPLES_DIR``.

An example is ``<slug>.json``, a v1 workflow document; the slug is the file name without ``.json``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


def examples_dir() -> Path:
    configured = os.environ.get("DOCTORSFLOW_EXAMPLES_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "examples"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def list_examples() -> list[dict[str, Any]]:
    """``[{"slug", "name", "description"}]`` sorted by slug; unreadable files are left out."""
    folder = examples_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        doc = _read(path)
        if doc is not None and _SLUG.match(path.stem):
            found.append(
                {
                    "slug": path.stem,
                    "name": str(doc.get("name", path.stem)),
                    "description": str(doc.get("description", "")),
                }
            )
    return found


def load_example(slug: str) -> dict[str, Any] | None:
    """The example document, or None when there is none (a slug never reaches outside the folder)."""
    if not _SLUG.match(slug):
        return None
    path = examples_dir() / f"{slug}.json"
    return _read(path) if path.is_file() else None
