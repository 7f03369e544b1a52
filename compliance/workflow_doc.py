"""The parts of a workflow document (DESIGN.md v1) the checker reads, tolerant of malformed input.

Structure is the validator's job: here nodes without an id, duplicates and edges to unknown nodes are
skipped, so that a draft can always be linted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx


def pointer(*parts: str) -> str:
    """A JSON pointer (RFC 6901) from raw path parts."""
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class WorkflowNode:
    id: str
    index: int
    type: str
    params: Mapping[str, Any]


def read_nodes(doc: Mapping[str, Any]) -> list[WorkflowNode]:
    nodes: list[WorkflowNode] = []
    seen: set[str] = set()
    raw_nodes = doc.get("nodes")
    for index, raw in enumerate(raw_nodes if isinstance(raw_nodes, list) else []):
        if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str) or raw["id"] in seen:
            continue
        params = raw.get("params")
        node_type = raw.get("type")
        seen.add(raw["id"])
        nodes.append(
            WorkflowNode(
                raw["id"],
                index,
                node_type if isinstance(node_type, str) else "",
                params if isinstance(params, Mapping) else {},
            )
        )
    return nodes


def build_graph(doc: Mapping[str, Any], nodes: list[WorkflowNode]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, node=node)
    raw_edges = doc.get("edges")
    for raw in raw_edges if isinstance(raw_edges, list) else []:
        if not isinstance(raw, Mapping):
            continue
        source, target = raw.get("source"), raw.get("target")
        if source in graph and target in graph:
            port = raw.get("sourcePort") or "out"
            graph.add_edge(source, target, port=port if isinstance(port, str) else "out")
    return graph
