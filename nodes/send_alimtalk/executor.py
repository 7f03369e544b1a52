"""Build the AlimTalk send: render each variable, fill the approved template, prepare the SMS failover.

The approved template bodies are clinic settings: ``ctx.clinic["alimtalk_templates"][code]`` is the body
(a string, or a mapping with ``"text"``) with ``#{변수}`` placeholders. When the body is unknown the text is
the rendered variables, one a line, so that simulate and the failover still show something readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nodes.base import ExecutionContext, Failover, Outcome, SendMessage
from nodes.send_alimtalk.placeholders import fill_known


def template_body(clinic: Mapping[str, Any], code: str) -> str | None:
    templates = clinic.get("alimtalk_templates")
    entry = templates.get(code) if isinstance(templates, Mapping) else None
    if isinstance(entry, Mapping):
        entry = entry.get("text")
    return entry if isinstance(entry, str) else None


def fill_template(body: str, variables: Mapping[str, str]) -> str:
    """Replace ``#{name}`` with its value; unknown placeholders stay as written (lint reports them)."""
    return fill_known(body, variables)


def send_alimtalk(ctx: ExecutionContext) -> Outcome:
    code = str(ctx.params["template"])
    variables = {str(k): ctx.render(str(v)) for k, v in (ctx.params.get("variables") or {}).items()}
    body = template_body(ctx.clinic, code)
    text = fill_template(body, variables) if body is not None else "\n".join(variables.values())
    failover_param = ctx.params.get("failover")  # absent or false: no failover
    failover = None
    if isinstance(failover_param, Mapping):
        own_text = failover_param.get("text")
        failover = Failover(channel="sms", text=ctx.render(str(own_text)) if own_text else None)
    message = SendMessage(
        channel="alimtalk",
        purpose="informational",
        text=text,
        template=code,
        variables=variables,
        failover=failover,
    )
    return Outcome(effects=(message,))
