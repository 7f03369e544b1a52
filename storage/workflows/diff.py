"""What changed between two workflow documents, as a flat list a manager can read: nodes and edges are
matched by id (not by position), so moving a node in the list is no change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.workflows.schemas import DiffChange


def _keyed(items: Any, key: Any) -> dict[str, Any]:
    if not isinstance(items, list):
        return {}
    return {key(item): item for item in items if isinstance(item, dict)}


def _edge_id(edge: Mapping[str, Any]) -> str:
    port = edge.get("sourcePort") or ""
    return (
        f"{edge.get('from', edge.get('source'))}{'.' + str(port) if port else ''}->{edge.get('to', edge.get('target'))}"
    )


def _walk(path: str, before: Any, after: Any, out: list[DiffChange]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after), key=str):
            sub = f"{path}/{key}" if path else str(key)
            if key not in before:
                out.append({"path": sub, "change": "added", "before": None, "after": after[key]})
            elif key not in after:
                out.append({"path": sub, "change": "removed", "before": before[key], "after": None})
            else:
                _walk(sub, before[key], after[key], out)
        return
    if before != after:
        out.append({"path": path, "change": "changed", "before": before, "after": after})


def diff_documents(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[DiffChange]:
    """Changes from ``before`` to ``after``: top-level fields, then nodes by id, then edges by endpoints."""
    out: list[DiffChange] = []
    plain_before = {k: v for k, v in before.items() if k not in ("nodes", "edges")}
    plain_after = {k: v for k, v in after.items() if k not in ("nodes", "edges")}
    _walk("", plain_before, plain_after, out)
    _walk(
        "nodes",
        _keyed(before.get("nodes"), lambda n: str(n.get("id"))),
        _keyed(after.get("nodes"), lambda n: str(n.get("id"))),
        out,
    )
    old_edges = _keyed(before.get("edges"), _edge_id)
    new_edges = _keyed(after.get("edges"), _edge_id)
    for key in sorted(set(old_edges) | set(new_edges)):
        if key not in new_edges:
            out.append({"path": f"edges/{key}", "change": "removed", "before": old_edges[key], "after": None})
        elif key not in old_edges:
            out.append({"path": f"edges/{key}", "change": "added", "before": None, "after": new_edges[key]})
    return out
