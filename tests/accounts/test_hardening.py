"""Security headers on every answer, and template injection refused by the message sandbox."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from litestar import Litestar
from litestar.testing import AsyncTestClient

from nodes.personalize import TemplateError, render, template_problems
from storage.security import CSP

INJECTIONS = [
    "{{ patient.__class__.__mro__[1].__subclasses__() }}",
    "{{ patient.name.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for x in range(10**9) %}x{% endfor %}",
    "{{ config }}",
]


async def test_every_answer_carries_the_security_headers(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar]
) -> None:
    for answer in (
        await client.get("/api/workflows"),
        await anonymous_client.get("/api/workflows"),  # 401 too
        await anonymous_client.get("/"),  # the editor's page
    ):
        assert answer.headers["content-security-policy"] == CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["referrer-policy"] == "same-origin"
    # The editor needs inline styles (React Flow, rjsf) but never inline scripts
    assert "script-src" not in CSP and "'unsafe-inline'" not in CSP.split("style-src")[0]
    assert "frame-ancestors 'none'" in CSP and "object-src 'none'" in CSP


@pytest.mark.parametrize("text", INJECTIONS)
def test_template_injection_in_a_message_is_refused(text: str) -> None:
    # Given a message text written to escape the sandbox, Then validation reports it before publishing
    assert template_problems(text)
    # And rendering refuses it rather than running it
    with pytest.raises(TemplateError):
        render(text, {"patient": {"name": "김민지"}})


def test_jinja2_sandbox_underneath_refuses_attribute_escapes() -> None:
    # Defence in depth: even jinja2's SandboxedEnvironment alone refuses dunder walks
    env = SandboxedEnvironment()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()


def test_a_patient_name_with_markup_is_rendered_as_text_not_evaluated() -> None:
    # A name that is itself a template is data: it is not rendered a second time
    out = render("안녕하세요 {{ patient.name }}님", {"patient": {"name": "{{ 7*7 }}<img src=x onerror=alert(1)>"}})
    assert "49" not in out and "{{ 7*7 }}" in out
