"""The pure graph walk shared by the workers and ``simulate``. It never touches the broker or the database.

Given a published workflow document and the run's data, :func:`walk` executes nodes from a frontier and
returns one :class:`StepResult` per node that acted; the caller persists the steps, the waits and the
effects in one transaction.

Join semantics: a node with several incoming edges acts **when it is first reached** and never again in
the same run (``acted`` holds the nodes that already acted; the database backs this with a unique
(run, node) constraint). We chose "first arrival" over "wait for all inputs" because v1 graphs are
acyclic fan-outs where a later path reaching the same node (e.g. two branches joining at one
reminder) must not send it twice, and because waiting for inputs that a branch never takes would block
the run forever.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from nodes.base import Effect, ExecutionContext, NodeType, Outcome
from nodes.personalize import TemplateError, render
from nodes.registry import get_node_type

StepStatus = Literal["done", "waiting", "stopped", "failed"]
NodeTypeLookup = Callable[[Any], NodeType | None]


class WorkflowShapeError(ValueError):
    """The document cannot be walked (no trigger, edges to unknown nodes). Published versions never are."""


@dataclass(frozen=True)
class Graph:
    nodes: Mapping[str, Mapping[str, Any]]
    successors: Mapping[tuple[str, str], tuple[str, ...]]
    trigger_id: str

    @classmethod
    def from_document(cls, document: Mapping[str, Any], lookup: NodeTypeLookup = get_node_type) -> Graph:
        nodes = {str(n["id"]): n for n in document.get("nodes", [])}
        successors: dict[tuple[str, str], list[str]] = {}
        for edge in document.get("edges", []):
            source, target = str(edge["source"]), str(edge["target"])
            if source not in nodes or target not in nodes:
                raise WorkflowShapeError(f"edge {source}->{target} names an unknown node")
            successors.setdefault((source, str(edge.get("sourcePort") or "out")), []).append(target)
        triggers = [
            node_id for node_id, node in nodes.items() if (t := lookup(node.get("type"))) and t.category == "trigger"
        ]
        if len(triggers) != 1:
            raise WorkflowShapeError("a workflow needs exactly one trigger")
        return cls(nodes, {k: tuple(v) for k, v in successors.items()}, triggers[0])

    def next_nodes(self, node_id: str, ports: Iterable[str]) -> list[str]:
        return [target for port in ports for target in self.successors.get((node_id, port), ())]

    def params(self, node_id: str) -> Mapping[str, Any]:
        params = self.nodes[node_id].get("params")
        return params if isinstance(params, Mapping) else {}


@dataclass(frozen=True)
class RunData:
    """What executors may look at, built by the caller from the database (or from simulate's input)."""

    now: datetime
    trigger_at: datetime
    patient: Mapping[str, Any]
    appointment: Mapping[str, Any] | None
    clinic: Mapping[str, Any]
    consents: Mapping[str, bool]
    event: Mapping[str, Any]

    def template_data(self) -> dict[str, Any]:
        return {"patient": self.patient, "appointment": self.appointment or {}, "clinic": self.clinic}


@dataclass(frozen=True)
class StepResult:
    node_id: str
    node_type: str
    status: StepStatus
    ports: tuple[str, ...] = ()
    due_at: datetime | None = None
    reason: str | None = None
    effects: tuple[Effect, ...] = field(default_factory=tuple)


def context_for(graph: Graph, node_id: str, data: RunData) -> ExecutionContext:
    template_data = data.template_data()
    return ExecutionContext(
        node_id=node_id,
        params=graph.params(node_id),
        now=data.now,
        trigger_at=data.trigger_at,
        patient=data.patient,
        appointment=data.appointment,
        clinic=data.clinic,
        consents=data.consents,
        event=data.event,
        render=lambda text: render(text, template_data),
    )


def execute(graph: Graph, node_id: str, data: RunData, lookup: NodeTypeLookup = get_node_type) -> StepResult:
    """Run one node's executor and classify its outcome. Executor errors fail the node, not the worker."""
    type_name = str(graph.nodes[node_id].get("type"))
    node_type = lookup(type_name)
    if node_type is None:
        return StepResult(node_id, type_name, "failed", reason=f"알 수 없는 노드 종류 / unknown node type {type_name}")
    try:
        outcome: Outcome = node_type.execute(context_for(graph, node_id, data))
    except TemplateError as exc:
        return StepResult(node_id, type_name, "failed", reason=exc.message)
    except (KeyError, TypeError, ValueError) as exc:
        return StepResult(
            node_id, type_name, "failed", reason=f"노드를 실행할 수 없습니다 / node failed: {type(exc).__name__}: {exc}"
        )
    if outcome.wait_until is not None and outcome.wait_until > data.now:
        return StepResult(
            node_id, type_name, "waiting", outcome.ports, outcome.wait_until, outcome.reason, outcome.effects
        )
    status: StepStatus = "done" if outcome.ports or node_type.terminal else "stopped"
    return StepResult(node_id, type_name, status, outcome.ports, None, outcome.reason, outcome.effects)


def walk(
    graph: Graph,
    frontier: Iterable[str],
    acted: set[str],
    data: RunData,
    lookup: NodeTypeLookup = get_node_type,
) -> list[StepResult]:
    """Execute nodes breadth-first from ``frontier`` until every path waits or ends.

    ``acted`` (updated in place) is the set of nodes that already acted in this run; they are skipped.
    """
    queue = deque(frontier)
    results: list[StepResult] = []
    while queue:
        node_id = queue.popleft()
        if node_id in acted:
            continue
        acted.add(node_id)
        result = execute(graph, node_id, data, lookup)
        results.append(result)
        if result.status == "done":
            queue.extend(graph.next_nodes(node_id, result.ports))
    return results


def due_again(graph: Graph, node_id: str, data: RunData, lookup: NodeTypeLookup = get_node_type) -> datetime | None:
    """Recompute a waiting node's due time with fresh data (an appointment moved).

    The new time when it still lies ahead, ``data.now`` when it has passed and the node goes on at once,
    None when the node would now stop the path (e.g. ``if_past: stop``).
    """
    result = execute(graph, node_id, data, lookup)
    if result.status == "waiting":
        return result.due_at
    return data.now if result.status == "done" else None
