"""AlimTalk template catalogue: the texts and review states Kakao checks every AlimTalk against.

There is one source of truth, the AlimTalk template library:

* online (the server: lint, sign-off, the publish gate) — the caller's clinic's library,
  ``storage.alimtalk_templates.store.clinic_catalogue``: the shipped library as its seed (status ``library``:
  never sendable until the clinic's own copy is approved), the clinic's own templates (any state) over it;
* offline (``doctorsflow lint FILE``) — the shipped library alone, :func:`default_catalogue`.

The interface is deliberately small (``get(code)``) so tests can hand in a few templates of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

from nodes.send_alimtalk.placeholders import placeholders

if TYPE_CHECKING:
    from nodes.send_alimtalk.template import AlimTalkTemplate


# The status of a shipped library original as a clinic sees it: a text to copy, never sendable as it is.
LIBRARY_STATUS = "library"


@dataclass(frozen=True)
class Template:
    code: str
    text: str  # with #{변수} placeholders
    status: str  # draft | submitted | approved | rejected | library; only "approved" may be sent
    button_variables: tuple[str, ...] = ()  # placeholders used only in button links

    @property
    def placeholders(self) -> list[str]:
        """Variable names in order of first appearance (without ``#{ }``), text first, then buttons."""
        names = placeholders(self.text)
        return names + [n for n in self.button_variables if n not in names]


class TemplateCatalogue(Protocol):
    def get(self, code: str) -> Template | None: ...


class MappingCatalogue:
    """Templates held in memory, by code."""

    def __init__(self, templates: Mapping[str, Template]) -> None:
        self._templates = dict(templates)

    def get(self, code: str) -> Template | None:
        return self._templates.get(code)

    def codes(self) -> list[str]:
        return sorted(self._templates)


def from_alimtalk(template: AlimTalkTemplate) -> Template:
    """The checker's view of a library template (button-only placeholders kept apart from the text's)."""
    text_names = placeholders(template.text)
    return Template(
        template.code, template.text, template.status, tuple(n for n in template.variables if n not in text_names)
    )


def catalogue_of(templates: Mapping[str, AlimTalkTemplate]) -> MappingCatalogue:
    return MappingCatalogue({code: from_alimtalk(t) for code, t in templates.items()})


@cache
def default_catalogue() -> TemplateCatalogue:
    """The shipped library (``nodes/send_alimtalk/library.json``) — what offline commands check against."""
    from nodes.send_alimtalk.library import load_library

    return catalogue_of(load_library())
