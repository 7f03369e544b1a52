"""Consent forms and the privacy-policy page, rendered from the clinic's settings with jinja2.

A sandboxed environment with autoescaping: clinic settings are typed by staff, and a clinic name like
``<script>`` must come out as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from storage.models import Clinic
from storage.patients.consents import CONSENT_TEXT_VERSION

FORMS = Path(__file__).parent / "forms"
LANGUAGES = ("ko", "en")
POLICY_EFFECTIVE = "2026-11-28"


@cache
def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(FORMS), autoescape=True, undefined=StrictUndefined, trim_blocks=True
    )


def _context(clinic: Clinic, lang: str) -> dict[str, Any]:
    return {
        "lang": lang,
        "clinic": {
            "name": clinic.name,
            "phone": clinic.setting("phone") or "",
            "address": clinic.setting("address") or "",
            "optout_number": clinic.setting("optout_number") or "",
        },
        "retention_days": clinic.setting("retention_days"),
        "privacy_officer": clinic.setting("privacy_officer") or "",
        "privacy_contact": clinic.setting("privacy_officer_contact") or "",
        "text_version": f"v{CONSENT_TEXT_VERSION}",
        "effective_date": POLICY_EFFECTIVE,
    }


def render_consent_form(clinic: Clinic, lang: str = "ko") -> str:
    return environment().get_template(f"consent_form.{_lang(lang)}.html.j2").render(_context(clinic, _lang(lang)))


def render_privacy_policy(clinic: Clinic, lang: str = "ko") -> str:
    return environment().get_template(f"privacy_policy.{_lang(lang)}.html.j2").render(_context(clinic, _lang(lang)))


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    return lang
