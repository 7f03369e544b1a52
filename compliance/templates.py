"""AlimTalk template catalogue: the approved texts Kakao checks every AlimTalk against.

The interface is deliberately small (``get(code)``) so that the providers' database-backed template
library can implement it later; the default catalogue is the JSON file ``templates.json`` beside this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, Protocol

TemplateStatus = Literal["approved", "pending", "rejected"]
PLACEHOLDER_RE = re.compile(r"#\{([^}]*)\}")
DEFAULT_TEMPLATES = Path(__file__).parent / "templates.json"


@dataclass(frozen=True)
class Template:
    code: str
    text: str  # with #{변수} placeholders
    status: TemplateStatus

    @property
    def placeholders(self) -> list[str]:
        """Variable names in order of first appearance (without ``#{ }``)."""
        return list(dict.fromkeys(PLACEHOLDER_RE.findall(self.text)))


class TemplateCatalogue(Protocol):
    def get(self, code: str) -> Template | None: ...


class JsonTemplateCatalogue:
    """Templates from a JSON file ``{"templates": {CODE: {"text", "status"}}}``."""

    def __init__(self, templates: dict[str, Template]) -> None:
        self._templates = templates

    @classmethod
    def from_file(cls, path: Path) -> JsonTemplateCatalogue:
        raw = json.loads(path.read_text("utf-8"))
        return cls(
            {
                code: Template(code, entry["text"], entry.get("status", "approved"))
                for code, entry in raw["templates"].items()
            }
        )

    def get(self, code: str) -> Template | None:
        return self._templates.get(code)

    def codes(self) -> list[str]:
        return sorted(self._templates)


@cache
def default_catalogue() -> JsonTemplateCatalogue:
    return JsonTemplateCatalogue.from_file(DEFAULT_TEMPLATES)
