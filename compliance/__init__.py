"""Compliance checker: Korean medical-advertising, KakaoTalk and privacy rules for messages and workflows."""

from .findings import Finding, Rule, Suppression, rule_catalogue
from .text_rules import lint_text

__all__ = ["Finding", "Rule", "Suppression", "lint_text", "rule_catalogue"]
