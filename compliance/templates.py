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
from typing import Protocol

PLACEHOLDER_RE = re.compile(r"#\{([^}]*)\}")
DEFAULT_TEMPLATES = Path(__file__).parent / "templates.json"


@dataclass(frozen=True)
class Template:
    code: str
    text: str  # with #{변수} placeholders
    status: str  # approved | pending | rejected | draft …; only "approved" may be sent
    button_variables: tuple[str, ...] = ()  # placeholders used only in button links

    @property
    def placeholders(self) -> list[str]:
        """Variable names in order of first appearance (without ``#{ }``), text first, then buttons."""
        names = list(dict.fromkeys(PLACEHOLDER_RE.findall(self.text)))
        return names + [n for n in self.button_variables if n not in names]


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


class LibraryCatalogue:
    """The runtime's shipped AlimTalk library (``runtime.templates``), when it is installed."""

    def get(self, code: str) -> Template | None:
        try:
            from runtime.templates import get_template
        except ImportError:
            return None
        try:
            found = get_template(code)
        except KeyError:
            return None
        text_names = PLACEHOLDER_RE.findall(found.text)
        return Template(found.code, found.text, found.status, tuple(n for n in found.variables if n not in text_names))


class ChainCatalogue:
    """The first catalogue that knows a code answers for it."""

    def __init__(self, *catalogues: TemplateCatalogue) -> None:
        self._catalogues = catalogues

    def get(self, code: str) -> Template | None:
        for catalogue in self._catalogues:
            found = catalogue.get(code)
            if found is not None:
                return found
        return None


@cache
def default_catalogue() -> TemplateCatalogue:
    """The runtime's template library, then ``templates.json`` for codes the library does not hold."""
    return ChainCatalogue(LibraryCatalogue(), JsonTemplateCatalogue.from_file(DEFAULT_TEMPLATES))
