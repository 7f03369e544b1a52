"""MSG-EMPTY-VARIABLE: a ``{{ clinic.* }}`` variable whose value this clinic has not filled in.

``{{ clinic.phone }}`` with no phone in the clinic profile would send "문의 " — an error for this clinic (lint,
sign-off and the publish gate), not a sample value in the preview. Offline (``doctorsflow lint FILE``) there is
no clinic, so nothing is reported. Pure: the caller hands in the clinic's values
(``storage.clinic_profile.service.clinic_values``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from nodes.personalize import VARIABLES, TemplateError, variables_used
from nodes.registry import get_node_type

from .findings import Finding, make_finding
from .node_text import text_values
from .workflow_doc import WorkflowNode, pointer

_EXPRESSION_RE = re.compile(r"\{\{(.*?)\}\}", re.S)

# What to fill in, by variable (the clinic profile page's field names).
_WHERE = {
    "clinic.name": "병원 이름 / clinic name",
    "clinic.phone": "대표 전화 / phone",
    "clinic.address": "주소 / address",
    "clinic.optout_number": "080 무료수신거부 번호 / 080 opt-out number",
    "clinic.map_url": "지도 링크 / map link",
    "clinic.kakao_channel": "카카오톡 채널 / Kakao channel",
}


def empty_variable_spans(text: str, clinic: Mapping[str, str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, variable) of each ``{{ … }}`` that reads a clinic value which is empty."""
    if "clinic." not in text:
        return
    for match in _EXPRESSION_RE.finditer(text):
        try:
            chains = variables_used(match.group(0))
        except TemplateError:
            continue  # a syntax error is the validator's finding
        for chain in chains:
            if chain.startswith("clinic.") and chain in VARIABLES and not str(clinic.get(chain[7:]) or "").strip():
                yield match.start(), match.end(), chain


def empty_value_findings(nodes: Sequence[WorkflowNode], clinic: Mapping[str, str]) -> Iterator[Finding]:
    """A finding on every text field of every node that uses an empty clinic value."""
    base = pointer("params")
    for node in nodes:
        node_type = get_node_type(node.type)
        if node_type is None:
            continue
        for field, value in text_values(node.params, node_type.text_fields):
            for start, end, chain in empty_variable_spans(value, clinic):
                where = _WHERE.get(chain, chain)
                detail = (
                    f"'{chain}' 값이 비어 있습니다. 병원 정보에서 '{where.split(' / ')[0]}'을(를) 입력하세요 / "
                    f"'{chain}' is empty for this clinic: fill in '{where.split(' / ')[-1]}' in the clinic profile"
                )
                finding = replace(make_finding("MSG-EMPTY-VARIABLE", start, end, detail), excerpt=value[start:end])
                yield finding.at(node.id, base + field)
