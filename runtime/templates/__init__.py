"""AlimTalk templates: data model, lifecycle, placeholders, and the shipped library."""

from runtime.templates.library import approved_templates, copy_for_clinic, get_template, load_library
from runtime.templates.model import (
    AlimTalkTemplate,
    Button,
    FilledMessage,
    TemplateStateError,
    approve,
    fill,
    problems,
    reject,
    revise,
    submit,
)
from runtime.templates.text import TemplateVariablesError, placeholders

__all__ = [
    "AlimTalkTemplate",
    "Button",
    "FilledMessage",
    "TemplateStateError",
    "TemplateVariablesError",
    "approve",
    "approved_templates",
    "copy_for_clinic",
    "fill",
    "get_template",
    "load_library",
    "placeholders",
    "problems",
    "reject",
    "revise",
    "submit",
]
