"""AlimTalk templates: data model, lifecycle, placeholders, and the shipped library."""

from nodes.send_alimtalk.library import approved_templates, copy_for_clinic, get_template, load_library
from nodes.send_alimtalk.placeholders import TemplateVariablesError, placeholders
from nodes.send_alimtalk.template import (
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
