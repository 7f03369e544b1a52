"""Compliance checker: Korean medical-advertising, KakaoTalk and privacy rules for messages and workflows.

Public API: :func:`lint_text` (one message), :func:`lint_workflow` (a workflow document → :class:`Report`),
report rendering (:func:`render`), the template catalogue interface and the rule catalogue.
"""

from .alimtalk_catalogue import MappingCatalogue, Template, TemplateCatalogue, default_catalogue
from .findings import Finding, Rule, Suppression, rule_catalogue
from .formats import render, render_html, render_json, render_sarif, render_text
from .graph_rules import lint_workflow
from .normalize import Normalized, normalize
from .report import Report
from .text_rules import lint_text

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
