"""The AlimTalk node's own lint: its template (approved? variables match?) and the text the patient gets.

The text is the approved template with ``#{변수}`` filled by the node's variables as written; a text issue
that lies inside one variable points at that variable (``/params/variables/이름``) with offsets into its
value, otherwise at ``/params/template`` with offsets into the filled text. The SMS failover is linted as
an informational SMS. Templates come from the clinic's catalogue through the lint context.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from nodes.base import LintContext, LintIssue, LintTemplate
from nodes.particles import with_particle
from nodes.send_alimtalk.placeholders import PLACEHOLDER_RE

_FAILOVER_RULES = frozenset({"MSG-SMS-LENGTH", "PII-HEALTH-IN-SMS"})  # what changes when the text goes as SMS
_NON_SEND_RULES = frozenset({"MSG-UNKNOWN-VARIABLE", "PII-RRN"})  # what a bare variable value can break


def _pointer(*parts: str) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Segment:
    start: int  # in the filled text
    end: int
    field: str  # JSON pointer of the source
    offset: int  # start of this segment in the source field's text


def fill_for_lint(text: str, variables: Mapping[str, Any]) -> tuple[str, list[Segment]]:
    """The template with ``#{변수}`` replaced by the node's values as written, and where each part came from."""
    out: list[str] = []
    segments: list[Segment] = []
    pos = 0
    length = 0
    template_field = "/params/template"

    def add(piece: str, field: str, offset: int) -> None:
        nonlocal length
        if piece:
            segments.append(Segment(length, length + len(piece), field, offset))
            out.append(piece)
            length += len(piece)

    for m in PLACEHOLDER_RE.finditer(text):
        add(text[pos : m.start()], template_field, pos)
        value = variables.get(m.group(1))
        if isinstance(value, str):
            add(value, _pointer("params", "variables", m.group(1)), 0)
        else:  # a missing variable stays visible (KAKAO-TEMPLATE-VARIABLES reports it)
            add(m.group(0), template_field, m.start())
        pos = m.end()
    add(text[pos:], template_field, pos)
    return "".join(out), segments


def map_to_source(issue: LintIssue, segments: list[Segment], fallback_field: str) -> LintIssue:
    """Point an issue on filled text at the template or variable it came from, when it lies in one part."""
    if issue.start is not None and issue.end is not None:
        for segment in segments:
            if segment.start <= issue.start < segment.end or issue.start == issue.end == segment.start:
                if issue.end <= segment.end:
                    shift = segment.offset - segment.start
                    return replace(issue, field=segment.field, start=issue.start + shift, end=issue.end + shift)
                break
    return replace(issue, field=fallback_field)


_STATUS_TEXT = {
    "library": (
        "기본 라이브러리 원본입니다. 알림톡 템플릿 화면에서 복사해 검수 요청하고 승인받은 병원 템플릿을 고르세요",
        "a library original: copy it on the AlimTalk templates page, submit it and pick the clinic's approved copy",
    ),
    "draft": ("초안입니다. 검수 요청 후 승인받아야 보낼 수 있습니다", "a draft: submit it and get it approved first"),
    "submitted": ("카카오 검수 중입니다. 승인 후 보낼 수 있습니다", "in Kakao's review: it can be sent once approved"),
    "rejected": ("반려되었습니다. 고쳐서 다시 검수 요청하세요", "rejected: revise it and submit again"),
}


def unapproved_message(code: Any, template: LintTemplate | None) -> str:
    """Why template ``code`` may not be sent, and what to do (Korean / English)."""
    if template is None:
        quoted = with_particle(f"'{code}'", "이")
        return f"템플릿 {quoted} 이 병원에 없습니다 / template '{code}' not found for this clinic"
    ko, en = _STATUS_TEXT.get(template.status, (f"상태 {template.status}", f"status {template.status}"))
    return f"템플릿 '{code}': {ko} / template '{code}': {en}"


def template_issues(params: Mapping[str, Any], template: LintTemplate | None) -> Iterator[LintIssue]:
    """KAKAO-TEMPLATE-UNAPPROVED (unknown or not approved) and KAKAO-TEMPLATE-VARIABLES (missing / extra)."""
    code = params.get("template")
    if template is None or template.status != "approved":
        yield LintIssue("KAKAO-TEMPLATE-UNAPPROVED", "/params/template", message=unapproved_message(code, template))
        if template is None:
            return
    variables = params.get("variables")
    given = set(variables) if isinstance(variables, Mapping) else set()
    wanted = set(template.placeholders)
    missing, extra = sorted(wanted - given), sorted(given - wanted)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"빠진 변수 / missing: {', '.join(missing)}")
        if extra:
            parts.append(f"템플릿에 없는 변수 / not in template: {', '.join(extra)}")
        yield LintIssue("KAKAO-TEMPLATE-VARIABLES", "/params/variables", message="; ".join(parts))


def text_issues(params: Mapping[str, Any], template: LintTemplate | None, ctx: LintContext) -> Iterator[LintIssue]:
    """The filled template on AlimTalk, its failover on SMS; without a template only the variables' own text."""
    variables = params.get("variables")
    variables = variables if isinstance(variables, Mapping) else {}
    if template is None:  # no template to fill: still check what the node itself writes
        for key, value in variables.items():
            if isinstance(value, str):
                for issue in ctx.lint_text(value, "alimtalk", "informational"):
                    if issue.rule in _NON_SEND_RULES:
                        yield replace(issue, field=_pointer("params", "variables", key))
        return
    filled, segments = fill_for_lint(template.text, variables)
    for issue in ctx.lint_text(filled, "alimtalk", "informational"):
        yield map_to_source(issue, segments, "/params/template")
    failover = params.get("failover")
    if isinstance(failover, Mapping) and isinstance(failover.get("text"), str):
        for issue in ctx.lint_text(failover["text"], "sms", "informational"):
            yield replace(issue, field="/params/failover/text")
    elif isinstance(failover, Mapping):  # the AlimTalk text itself goes as SMS/LMS
        for issue in ctx.lint_text(filled, "sms", "informational"):
            if issue.rule in _FAILOVER_RULES:
                yield replace(issue, field="/params/failover")


def lint_alimtalk(params: Mapping[str, Any], ctx: LintContext) -> Iterator[LintIssue]:
    """The ``lint`` hook of ``send.alimtalk``."""
    code = params.get("template")
    template = ctx.template(code) if isinstance(code, str) else None
    yield from template_issues(params, template)
    yield from text_issues(params, template, ctx)
