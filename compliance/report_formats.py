"""The report formats ``doctorsflow lint`` writes and where their rule links point: constants apart from
formats.py (jinja2, the workflow reader and networkx) so that every command's start can offer the choice."""

from __future__ import annotations

FORMATS = ("json", "text", "sarif", "html")
CHECKLIST_URL = "docs/compliance/checklist.md"
