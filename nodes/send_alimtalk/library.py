"""The shipped AlimTalk template library (``library.json``): informational templates for ophthalmology
and plastic surgery, written to pass Kakao's AlimTalk review (no promotion, no check-in questions, no
discounts, no superlatives). Their status is ``approved`` for the sandbox; a clinic submits its own copies
(:func:`copy_for_clinic` → draft) under its Kakao channel.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from importlib import resources

from nodes.send_alimtalk.template import AlimTalkTemplate, problems

LIBRARY_FORMAT = "doctorsflow.alimtalk-library/v1"


class LibraryError(ValueError):
    """The library data is malformed (a packaging bug, caught by the tests)."""


@cache
def load_library() -> dict[str, AlimTalkTemplate]:
    """Templates by code, validated; raises LibraryError naming the template and the problem."""
    data = json.loads(resources.files("nodes.send_alimtalk").joinpath("library.json").read_text("utf-8"))
    if data.get("format") != LIBRARY_FORMAT:
        raise LibraryError(f"library.json format must be {LIBRARY_FORMAT}")
    templates: dict[str, AlimTalkTemplate] = {}
    for item in data["templates"]:
        template = AlimTalkTemplate.from_dict(item)
        found = problems(template)
        if found:
            raise LibraryError(f"{template.code}: {'; '.join(found)}")
        if template.code in templates:
            raise LibraryError(f"{template.code}: duplicate code")
        templates[template.code] = template
    return templates


def approved_templates() -> list[AlimTalkTemplate]:
    """What a ``send.alimtalk`` node may pick from (sandbox clinic: the whole library)."""
    return [t for t in load_library().values() if t.status == "approved"]


def get_template(code: str) -> AlimTalkTemplate:
    try:
        return load_library()[code]
    except KeyError:
        raise KeyError(f"알림톡 템플릿 {code!r}이 없습니다 / no AlimTalk template {code!r}") from None


def copy_for_clinic(template: AlimTalkTemplate) -> AlimTalkTemplate:
    """A clinic's own draft of a library template, to submit to Kakao through its provider."""
    return replace(template, status="draft", version=1, rejection_reason=None)
