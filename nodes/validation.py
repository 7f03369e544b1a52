"""Validate a workflow document (format v1): envelope, node params, graph rules, message templates.

``validate_workflow(doc)`` returns a list of :class:`Problem` and never raises, whatever ``doc`` is.
Each problem names the node (its id, when there is one), a JSON pointer into the document and a
message in Korean, then " / " and English.

Stable problem codes (a public contract: the editor, the API and the command line show them):

=======================  ===============================================================================
code                     meaning (path points at)
=======================  ===============================================================================
invalid_document         the document is not a JSON object, or is nested absurdly deep ("")
unsupported_format       ``format`` is missing or not ``doctorsflow.workflow/v1`` (/format)
missing_field            a required key is missing: name, nodes, edges, a node's id/type, an edge's ends
invalid_field            a key has the wrong type or value (empty name, nodes not an array, bad position …)
unknown_field            a key the format does not know (the workflow, a node or an edge)
unknown_node_type        a node's ``type`` is not in the catalogue (/nodes/i/type)
invalid_params           a node's params break its schema (/nodes/i/params/<field>)
duplicate_id             two nodes share an id (/nodes/j/id of the later one)
missing_trigger          no trigger node (/nodes)
multiple_triggers        more than one trigger: every trigger after the first (/nodes/i/type)
dangling_edge            an edge's source or target is not a node id (/edges/k/source or /target)
unknown_port             ``sourcePort`` is not an output of the source node (/edges/k/sourcePort or /edges/k)
edge_into_trigger        an edge ends at a trigger (/edges/k/target)
duplicate_edge           the same source, port and target twice (/edges/k of the later one)
cycle                    the graph has a cycle (/edges/k of the edge that closes it)
unreachable_node         a node cannot be reached from the trigger (/nodes/i)
unknown_variable         a message uses a {{ variable }} the sandbox does not provide (/nodes/i/params/…)
template_syntax          a message template does not parse (/nodes/i/params/…)
template_unsafe          a message template uses a construct or filter that is not allowed (/nodes/i/params/…)
appointment_unavailable  the trigger's runs never have an appointment, but a node needs one (/nodes/i/params/…)
=======================  ===============================================================================
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, cast

import networkx as nx
from jsonschema import Draft202012Validator

from nodes import schemas
from nodes.base import NodeType
from nodes.particles import with_particle
from nodes.personalize import template_problems, variables_used
from nodes.registry import current_registry, get_node_type
from nodes.schema_messages import FORMAT_CHECKER, error_paths, leaf, reason

__all__ = [
    "FORMAT",
    "WORKFLOW_SCHEMA",
    "Problem",
    "problems_as_report",
    "validate_params",
    "validate_workflow",
]

FORMAT = "doctorsflow.workflow/v1"

_POSITION = {
    "type": "object",
    "required": ["x", "y"],
    "additionalProperties": False,
    "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
}
_ID = {"type": "string", "minLength": 1, "maxLength": 100}
WORKFLOW_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "DoctorsFlow 워크플로 / DoctorsFlow workflow (v1)",
    "type": "object",
    "required": ["format", "name", "nodes", "edges"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "name": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"},
        "description": {"type": "string", "maxLength": 2000},
        "nodes": {
            "type": "array",
            "maxItems": 500,  # MAX_ITEMS
            "items": {
                "type": "object",
                "required": ["id", "type"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "type": {"type": "string", "minLength": 1, "maxLength": 100},
                    "params": {"type": "object"},
                    "position": _POSITION,
                    "label": {"type": "string", "maxLength": 100},
                    "description": {"type": "string", "maxLength": 1000},
                },
            },
        },
        "edges": {
            "type": "array",
            "maxItems": 2000,
            "items": {
                "type": "object",
                "required": ["source", "target"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "source": _ID,
                    "target": _ID,
                    "sourcePort": {"type": "string", "minLength": 1, "maxLength": 50},
                },
            },
        },
    },
}
_ENVELOPE = Draft202012Validator(WORKFLOW_SCHEMA)


@dataclass(frozen=True)
class Problem:
    code: str
    node: str | None
    path: str  # JSON pointer into the document
    message: str  # Korean, then " / " and English

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def problems_as_report(problems: Sequence[Problem]) -> schemas.ValidationReport:
    """The ``validate`` answer of the API and the command line."""
    return {"valid": not problems, "errors": [cast(schemas.Problem, p.as_dict()) for p in problems]}


def pointer(*parts: object) -> str:
    """A JSON pointer (RFC 6901) from path parts."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _node_label(node_id: str | None, type_name: str | None = None) -> tuple[str, str]:
    if node_id is None:
        return "", ""
    kind = f" ({type_name})" if type_name else ""
    return f"노드 '{node_id}'{kind}", f"node '{node_id}'{kind}"


def _message(where: tuple[str, str], field: str, ko: str, en: str) -> str:
    ko_where = " ".join(x for x in (where[0], f"'{field}'" if field else "") if x)
    en_where = " ".join(x for x in (where[1], f"field '{field}'" if field else "") if x)
    ko_text = f"{ko_where}: {ko}" if ko_where else ko
    en_text = f"{en_where}: {en}" if en_where else en
    return f"{ko_text} / {en_text}"


def node_name(node: Mapping[str, Any], node_type: NodeType | None) -> tuple[str, str]:
    """What a clinic calls a node (Korean, English): the name it was given in the editor, else its type's
    label; the internal id only when neither exists."""
    label = node.get("label")
    if isinstance(label, str) and label.strip():
        return label.strip(), label.strip()
    if node_type is not None:
        return node_type.label["ko"], node_type.label["en"]
    node_id = node.get("id")
    return f"노드 '{node_id}'", f"node '{node_id}'"


def _split_title(title: Any) -> tuple[str, str] | None:
    if not isinstance(title, str) or not title.strip():
        return None
    ko, _, en = title.partition(" / ")
    return ko.strip(), (en or ko).strip()


def field_title(schema: Mapping[str, Any], parts: Sequence[str]) -> tuple[str, str]:
    """The form's words for a field below params (Korean, English), e.g. ``("text",)`` → ("내용", "Text"):
    each level's schema ``title``; a key without a title (a variable's name) as it is, a list item by number."""
    ko: list[str] = []
    en: list[str] = []
    current: Any = schema
    for part in parts:
        sub: Any = None
        title: tuple[str, str] | None = None
        if isinstance(current, Mapping):
            properties = current.get("properties")
            if isinstance(properties, Mapping) and part in properties:
                sub = properties[part]
                title = _split_title(sub.get("title")) if isinstance(sub, Mapping) else None
            elif part.isdigit() and isinstance(current.get("items"), Mapping):
                sub = current["items"]
            elif isinstance(current.get("additionalProperties"), Mapping):
                sub = current["additionalProperties"]
        if title is None and part.isdigit():
            title = (f"{int(part) + 1}번째", f"item {int(part) + 1}")
        ko.append(title[0] if title else part)
        en.append(title[1] if title else part)
        current = sub
    return " › ".join(ko), " › ".join(en)


def _node_message(node: Mapping[str, Any], node_type: NodeType | None, parts: Sequence[str], ko: str, en: str) -> str:
    """``문자 보내기 › 내용: 비어 있으면 안 됩니다 / Send SMS › Text: must not be empty``."""
    name_ko, name_en = node_name(node, node_type)
    field_ko, field_en = field_title(node_type.schema, parts) if node_type is not None else (".".join(parts),) * 2
    where_ko = f"{name_ko} › {field_ko}" if field_ko else name_ko
    where_en = f"{name_en} › {field_en}" if field_en else name_en
    return f"{where_ko}: {ko} / {where_en}: {en}"


# ---------------------------------------------------------------------------------------------- envelope


def _envelope_code(parts: tuple[str, ...], validator: str) -> str:
    if parts == ("format",) or (not parts and validator == "const"):
        return "unsupported_format"
    if validator == "required":
        return "missing_field"
    if validator == "additionalProperties":
        return "unknown_field"
    return "invalid_field"


def _node_id_at(doc: Mapping[str, Any], index: int) -> str | None:
    node = doc["nodes"][index] if isinstance(doc.get("nodes"), list) and index < len(doc["nodes"]) else None
    return node.get("id") if isinstance(node, dict) and isinstance(node.get("id"), str) else None


# What the editor calls the document's own fields (the toolbar's name box, the description box)
_ENVELOPE_LABELS: dict[tuple[str, ...], tuple[str, str]] = {
    ("name",): ("워크플로 이름", "Workflow name"),
    ("description",): ("워크플로 설명", "Workflow description"),
    ("nodes",): ("노드 목록", "Node list"),
    ("edges",): ("연결 목록", "Connection list"),
}


def _envelope_problems(doc: Mapping[str, Any]) -> Iterator[Problem]:
    errors = sorted(_ENVELOPE.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        for parts in error_paths(error):
            code = _envelope_code(parts, str(error.validator))
            node = _node_id_at(doc, int(parts[1])) if len(parts) >= 2 and parts[0] == "nodes" else None
            ko, en = reason(error)
            if code == "unknown_field":
                ko, en = "알 수 없는 항목입니다", "unknown field"
            elif code == "unsupported_format":
                ko, en = f'"format"은 "{FORMAT}"이어야 합니다', f'"format" must be "{FORMAT}"'
            field = ".".join(parts[2:]) if node is not None else ".".join(parts)
            label = _ENVELOPE_LABELS.get(parts) if node is None else None
            if label is not None:  # the editor's own words for the field, not its key
                yield Problem(code, node, pointer(*parts), f"{label[0]}: {ko} / {label[1]}: {en}")
                continue
            yield Problem(code, node, pointer(*parts), _message(_node_label(node), field, ko, en))


# ------------------------------------------------------------------------------------------------ params


_VALIDATORS: dict[tuple[str, int], tuple[Mapping[str, Any], Draft202012Validator]] = {}


def _params_validator(node_type: NodeType) -> Draft202012Validator:
    """The compiled params validator of a node type's schema object (a clinic's procedure codes make
    schemas of their own: each is compiled once while it lives)."""
    key = (node_type.type, id(node_type.schema))
    known = _VALIDATORS.get(key)
    if known is None or known[0] is not node_type.schema:
        if len(_VALIDATORS) >= 512:
            _VALIDATORS.clear()
        known = (node_type.schema, Draft202012Validator(node_type.schema, format_checker=FORMAT_CHECKER))
        _VALIDATORS[key] = known
    return known[1]


def validate_params(node_type: NodeType, params: Any) -> list[tuple[tuple[str, ...], str, str]]:
    """Schema errors of one node's params as (path parts below params, Korean, English)."""
    validator = _params_validator(node_type)
    found: list[tuple[tuple[str, ...], str, str]] = []
    for found_error in sorted(validator.iter_errors(params), key=lambda e: [str(p) for p in e.absolute_path]):
        error = leaf(found_error)
        ko, en = reason(error)
        for parts in error_paths(error):
            if error.validator == "additionalProperties":
                ko, en = "알 수 없는 항목입니다", "unknown field"
            found.append((parts, ko, en))
    return found


def _params_problems(index: int, node: Mapping[str, Any], node_type: NodeType) -> Iterator[Problem]:
    params = node.get("params", {})
    if not isinstance(params, dict):
        return  # the envelope already said "params must be an object"
    for parts, ko, en in validate_params(node_type, params):
        yield Problem(
            "invalid_params",
            node["id"],
            pointer("nodes", index, "params", *parts),
            _node_message(node, node_type, parts, ko, en),
        )


def text_values(params: Any, field_pointer: str) -> Iterator[tuple[tuple[str, ...], str]]:
    """String values at a text-field pointer (``*`` matches every key) with their path parts."""

    def walk(value: Any, parts: list[str], at: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
        if not parts:
            if isinstance(value, str):
                yield at, value
            return
        head, rest = parts[0], parts[1:]
        if isinstance(value, dict):
            keys = list(value) if head == "*" else [head] if head in value else []
            for key in keys:
                yield from walk(value[key], rest, (*at, str(key)))

    yield from walk(params, [p for p in field_pointer.split("/") if p], ())


_TEMPLATE_CODES = {
    "syntax": "template_syntax",
    "unsafe": "template_unsafe",
    "unknown_variable": "unknown_variable",
    "render": "template_syntax",
}


def _template_problems(index: int, node: Mapping[str, Any], node_type: NodeType) -> Iterator[Problem]:
    params = node.get("params", {})
    for field_pointer in node_type.text_fields:
        for parts, text in text_values(params, field_pointer):
            for issue in template_problems(text):
                ko, _, en = issue.message.partition(" / ")
                yield Problem(
                    _TEMPLATE_CODES[issue.kind],
                    node["id"],
                    pointer("nodes", index, "params", *parts),
                    _node_message(node, node_type, parts, ko, en or ko),
                )


# ------------------------------------------------------------------------------------------------- graph


@dataclass
class _Graph:
    ids: dict[str, int]  # node id -> index of its first occurrence
    types: dict[str, NodeType | None]
    triggers: list[str]
    graph: nx.DiGraph
    edge_index: dict[tuple[str, str], int]  # (source, target) -> first edge index


def _node_problems(nodes_: list[Any]) -> tuple[list[Problem], _Graph]:
    problems: list[Problem] = []
    ids: dict[str, int] = {}
    types: dict[str, NodeType | None] = {}
    triggers: list[str] = []
    for index, node in enumerate(nodes_):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str) or not node["id"]:
            continue
        node_id: str = node["id"]
        if node_id in ids:
            problems.append(
                Problem(
                    "duplicate_id",
                    node_id,
                    pointer("nodes", index, "id"),
                    f"노드 id '{node_id}'가 중복됩니다 (/nodes/{ids[node_id]}와 같음) "
                    f"/ duplicate node id '{node_id}' (same as /nodes/{ids[node_id]})",
                )
            )
            continue
        ids[node_id] = index
        type_name = node.get("type")
        node_type = get_node_type(type_name)
        types[node_id] = node_type
        if node_type is None:
            if isinstance(type_name, str) and type_name:
                close = difflib.get_close_matches(type_name, list(current_registry()), n=1)
                hint_ko, hint_en = (f" (혹시 '{close[0]}'?)", f" (did you mean '{close[0]}'?)") if close else ("", "")
                problems.append(
                    Problem(
                        "unknown_node_type",
                        node_id,
                        pointer("nodes", index, "type"),
                        f"노드 '{node_id}': 알 수 없는 노드 종류 '{type_name}'{hint_ko} "
                        f"/ node '{node_id}': unknown node type '{type_name}'{hint_en}",
                    )
                )
            continue
        problems.extend(_params_problems(index, node, node_type))
        problems.extend(_template_problems(index, node, node_type))
        if node_type.category == "trigger":
            triggers.append(node_id)
            if len(triggers) > 1:
                problems.append(
                    Problem(
                        "multiple_triggers",
                        node_id,
                        pointer("nodes", index, "type"),
                        f"노드 '{node_id}': 트리거는 하나만 둘 수 있습니다 ('{triggers[0]}'가 이미 있음) "
                        f"/ node '{node_id}': only one trigger allowed ('{triggers[0]}' is already one)",
                    )
                )
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    return problems, _Graph(ids, types, triggers, graph, {})


def _edge_problems(edges: list[Any], g: _Graph) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str], int] = {}
    for k, edge in enumerate(edges):
        if not isinstance(edge, dict):
            continue
        source, target = edge.get("source"), edge.get("target")
        if not isinstance(source, str) or not isinstance(target, str):
            continue
        ok = True
        for end, end_id in (("source", source), ("target", target)):
            if end_id not in g.ids:
                ok = False
                ko_end, en_end = ("출발", "source") if end == "source" else ("도착", "target")
                other = target if end == "source" else source
                yield Problem(
                    "dangling_edge",
                    other if other in g.ids else None,
                    pointer("edges", k, end),
                    f"연결 {k}의 {ko_end} 노드 '{end_id}'가 없습니다 "
                    f"/ edge {k}: {en_end} node '{end_id}' does not exist",
                )
        port = edge.get("sourcePort", "out")
        source_type = g.types.get(source)
        if source_type is not None and isinstance(port, str) and port not in source_type.outputs:
            ok = False
            ko_outputs, en_outputs = (
                ", ".join(source_type.outputs) or "없음",
                ", ".join(source_type.outputs) or "none",
            )
            yield Problem(
                "unknown_port",
                source,
                pointer("edges", k, "sourcePort") if "sourcePort" in edge else pointer("edges", k),
                f"노드 '{source}' ({source_type.type})에는 출력 '{port}'가 없습니다 (가능: {ko_outputs}) / "
                f"node '{source}' ({source_type.type}) has no output '{port}' (outputs: {en_outputs})",
            )
        target_type = g.types.get(target)
        if target_type is not None and target_type.category == "trigger":
            ok = False
            yield Problem(
                "edge_into_trigger",
                target,
                pointer("edges", k, "target"),
                f"시작(트리거) 노드 '{target}'로 들어오는 연결은 둘 수 없습니다 "
                f"/ nothing may flow into trigger node '{target}'",
            )
        key = (source, str(port), target)
        if key in seen:
            yield Problem(
                "duplicate_edge",
                source,
                pointer("edges", k),
                f"'{source}' → '{target}' 연결이 중복됩니다 (/edges/{seen[key]}와 같음) "
                f"/ duplicate edge '{source}' → '{target}' (same as /edges/{seen[key]})",
            )
            continue
        seen[key] = k
        if ok:
            g.graph.add_edge(source, target)
            g.edge_index.setdefault((source, target), k)


def _cycle_problems(g: _Graph) -> Iterator[Problem]:
    for component in nx.strongly_connected_components(g.graph):
        if len(component) == 1:
            (only,) = component
            if not g.graph.has_edge(only, only):
                continue
        first = min(component, key=lambda n: g.ids[n])
        cycle = nx.find_cycle(g.graph.subgraph(component), source=first)
        names = [u for u, _ in cycle] + [first]
        closing = cycle[-1]  # the edge that comes back to ``first``
        shown = " → ".join(names)
        yield Problem(
            "cycle",
            first,
            pointer("edges", g.edge_index[(closing[0], closing[1])]),
            f"순환이 있습니다: {shown} (v1에서는 되돌아가는 연결을 쓸 수 없습니다) "
            f"/ cycle: {shown} (v1 workflows cannot loop)",
        )


def _reachability_problems(g: _Graph) -> Iterator[Problem]:
    if not g.triggers:
        return
    reached: set[str] = set(g.triggers)
    for trigger in g.triggers:
        reached |= nx.descendants(g.graph, trigger)
    for node_id, index in g.ids.items():
        if node_id not in reached:
            yield Problem(
                "unreachable_node",
                node_id,
                pointer("nodes", index),
                f"노드 '{node_id}'는 시작(트리거)에서 이어지지 않습니다 "
                f"/ node '{node_id}' cannot be reached from the trigger",
            )


# Events that carry an ``appointment`` (DESIGN "Events"); other triggers' runs have none.
APPOINTMENT_EVENTS = frozenset(
    {
        "appointment.booked",
        "appointment.rescheduled",
        "appointment.cancelled",
        "appointment.confirmed",
        "appointment.attended",
        "appointment.no_show",
        "procedure.completed",
    }
)


def _uses_appointment(node_type: NodeType, params: Mapping[str, Any]) -> Iterator[tuple[str, ...]]:
    """Param paths that need the run's appointment: ``{{ appointment.… }}`` in text, or a param value
    naming it (``wait.until`` anchor ``appointment``, ``branch.condition`` field ``appointment.…``)."""
    for key, value in params.items():
        if isinstance(value, str) and (value == "appointment" or value.startswith("appointment.")):
            yield (str(key),)
    for field_pointer in node_type.text_fields:
        for parts, text in text_values(params, field_pointer):
            if not template_problems(text) and any(v.split(".")[0] == "appointment" for v in variables_used(text)):
                yield parts


def _appointment_problems(nodes_: list[Any], g: _Graph) -> Iterator[Problem]:
    if len(g.triggers) != 1:
        return
    trigger_type = g.types[g.triggers[0]]
    if trigger_type is None or not trigger_type.events or APPOINTMENT_EVENTS & set(trigger_type.events):
        return  # manual runs may or may not have an appointment: only refuse when there never is one
    for node_id, index in g.ids.items():
        node_type, node = g.types.get(node_id), nodes_[index]
        params = node.get("params", {})
        if node_type is None or not isinstance(params, dict):
            continue
        for parts in _uses_appointment(node_type, params):
            yield Problem(
                "appointment_unavailable",
                node_id,
                pointer("nodes", index, "params", *parts),
                _node_message(
                    node,
                    node_type,
                    parts,
                    with_particle(f"'{trigger_type.label['ko']}'", "으로") + " 시작한 실행에는 예약 정보가 없습니다",
                    f"runs started by '{trigger_type.label['en']}' have no appointment",
                ),
            )


def _graph_problems(doc: Mapping[str, Any]) -> list[Problem]:
    nodes_, edges = doc.get("nodes"), doc.get("edges")
    if not isinstance(nodes_, list):
        return []
    problems, g = _node_problems(nodes_)
    if not isinstance(edges, list):
        return problems
    if not g.triggers:
        problems.append(
            Problem(
                "missing_trigger",
                None,
                "/nodes",
                "시작(트리거) 노드가 없습니다 / the workflow has no trigger node",
            )
        )
    problems.extend(_edge_problems(edges, g))
    problems.extend(_cycle_problems(g))
    problems.extend(_reachability_problems(g))
    problems.extend(_appointment_problems(nodes_, g))
    return problems


MAX_DEPTH = 50  # real documents nest about 7 deep; deeper input is refused before any recursive check


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Nesting deeper than ``limit``, measured without recursion (so without RecursionError)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list | tuple):
            stack.extend((child, depth + 1) for child in item)
    return False


MAX_ITEMS = {"nodes": 500, "edges": 2000}


def _oversized(doc: Mapping[str, Any]) -> list[Problem]:
    found = []
    for key, limit in MAX_ITEMS.items():
        items = doc.get(key)
        if isinstance(items, list) and len(items) > limit:
            found.append(
                Problem(
                    "invalid_field",
                    None,
                    f"/{key}",
                    f"'{key}': 너무 많습니다 ({len(items)}개, 최대 {limit}개) "
                    f"/ field '{key}': too many items ({len(items)}, at most {limit})",
                )
            )
    return found


def validate_workflow(doc: Any) -> list[Problem]:
    """Every problem of a workflow document; an empty list means it is valid. Never raises."""
    if _too_deep(doc):
        return [
            Problem(
                "invalid_document",
                None,
                "",
                f"문서가 너무 깊게 중첩되었습니다 (최대 {MAX_DEPTH}단계) / document nested deeper than {MAX_DEPTH} levels",
            )
        ]
    if not isinstance(doc, dict):
        return [
            Problem(
                "invalid_document",
                None,
                "",
                f"워크플로는 JSON 객체여야 합니다 (지금: {type(doc).__name__}) "
                f"/ a workflow must be a JSON object, got {type(doc).__name__}",
            )
        ]
    oversized = _oversized(doc)
    if oversized:
        return oversized  # do not spend seconds checking 100 000 edges one by one
    problems = list(_envelope_problems(doc))
    problems.extend(_graph_problems(doc))
    unique: dict[tuple[str, str], Problem] = {}
    for problem in problems:  # jsonschema reports some errors twice (e.g. one per missing key)
        unique.setdefault((problem.code, problem.path), problem)
    return list(unique.values())
