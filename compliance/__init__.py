"""Compliance checker: Korean medical-advertising, KakaoTalk and privacy rules for messages and workflows.

Public API: :func:`lint_text` (one message), :func:`lint_workflow` (a workflow document → :class:`Report`),
report rendering (:func:`render`), the template catalogue interface and the rule catalogue.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# eager: the name ``normalize`` is also this submodule's, and the function must win, as it always has
from .normalize import Normalized, normalize

if TYPE_CHECKING:
    from .alimtalk_catalogue import MappingCatalogue, Template, TemplateCatalogue, default_catalogue
    from .findings import Finding, Rule, Suppression, rule_catalogue
    from .formats import render, render_html, render_json, render_sarif, render_text
    from .graph_rules import lint_workflow
    from .report import Report
    from .text_rules import lint_text

# Each public name's module, imported when the name is first used (PEP 562): a command that lints message texts
# (``doctorsflow lint-text``) then never imports the workflow linter, the report formats and their libraries
# (networkx, jinja2), as it would if this package imported them all up front.
_MODULE_OF = {
    **dict.fromkeys(("MappingCatalogue", "Template", "TemplateCatalogue", "default_catalogue"), "alimtalk_catalogue"),
    **dict.fromkeys(("Finding", "Rule", "Suppression", "rule_catalogue"), "findings"),
    **dict.fromkeys(("render", "render_html", "render_json", "render_sarif", "render_text"), "formats"),
    "lint_workflow": "graph_rules",
    "Report": "report",
    "lint_text": "text_rules",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


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
