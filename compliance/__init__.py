"""Compliance checker: Korean medical-advertising, KakaoTalk and privacy rules for messages and workflows.

Public API: :func:`lint_text` (one message), :func:`lint_workflow` (a workflow document → :class:`Report`),
report rendering (:func:`render`), the template catalogue interface and the rule catalogue.
"""

import importlib as _importlib
import typing as _typing

# eager: the name ``normalize`` is also this submodule's, and the function must win, as it always has
from .normalize import Normalized, normalize

if _typing.TYPE_CHECKING:
    from .alimtalk_catalogue import MappingCatalogue, Template, TemplateCatalogue, default_catalogue
    from .findings import Finding, Rule, Suppression, rule_catalogue
    from .formats import render, render_html, render_json, render_sarif, render_text
    from .graph_rules import lint_workflow
    from .report import Report
    from .text_rules import lint_text

# Each public name's module, imported when the name is first used (PEP 562): a command that lints message texts
# (``doctorsflow lint-text``) then never imports the workflow linter, the report formats and their libraries
# (networkx, jinja2), as it would if this package imported them all up front. Its own imports are private names
# (``_importlib``, ``_typing``): the public names stay exactly ``__all__`` (test_text_rules).
_MODULE_OF = {
    **dict.fromkeys(("MappingCatalogue", "Template", "TemplateCatalogue", "default_catalogue"), "alimtalk_catalogue"),
    **dict.fromkeys(("Finding", "Rule", "Suppression", "rule_catalogue"), "findings"),
    **dict.fromkeys(("render", "render_html", "render_json", "render_sarif", "render_text"), "formats"),
    "lint_workflow": "graph_rules",
    "Report": "report",
    "lint_text": "text_rules",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    """The public names (``__all__``, imported or not yet) and the module's own: what ``dir()`` always listed."""
    return sorted({*globals(), *__all__})


__all__ = [
    "Finding",
    "MappingCatalogue",
    "Normalized",
    "Report",
    "Rule",
    "Suppression",
    "Template",
    "TemplateCatalogue",
    "default_catalogue",
    "lint_text",
    "lint_workflow",
    "normalize",
    "render",
    "render_html",
    "render_json",
    "render_sarif",
    "render_text",
    "rule_catalogue",
]
