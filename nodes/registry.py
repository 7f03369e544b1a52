"""The one list of node types. Adding a node type = one folder in ``nodes/`` + one line in ``NODE_FOLDERS``.

The runtime, the validator, the compliance checker and the editor (through ``GET /api/nodes``) all read
node types through :func:`current_registry` / :func:`get_node_type`; nothing else keeps a list of them.
:data:`REGISTRY` is the shipped catalogue; :func:`extended_registry` makes a registry with extra node
modules current for one block (a test's throw-away node type, a plug-in), without touching other callers.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import ModuleType
from typing import Any

from nodes.base import NodeType
from nodes.procedures import ProcedureEntry, procedure_options, uses_procedures, using_titles, with_procedure_options

# The one list: each node type's folder in ``nodes/``, in palette order (triggers, flow, actions).
NODE_FOLDERS: tuple[str, ...] = (
    "trigger_appointment_booked",
    "trigger_appointment_cancelled",
    "trigger_appointment_attended",
    "trigger_appointment_no_show",
    "trigger_procedure_completed",
    "trigger_consent_granted",
    "trigger_patient_created",
    "trigger_schedule",
    "trigger_manual",
    "wait_duration",
    "wait_until",
    "branch_condition",
    "branch_consent",
    "end",
    "send_alimtalk",
    "send_friendtalk",
    "send_sms",
    "patient_tag",
    "notify_staff",
)
NODE_MODULES: tuple[ModuleType, ...] = tuple(importlib.import_module(f"nodes.{name}") for name in NODE_FOLDERS)


class DuplicateNodeType(ValueError):
    """Two modules declare the same ``type``."""


def build_registry(modules: Iterable[ModuleType]) -> dict[str, NodeType]:
    """Collect each module's ``NODE``, refusing a module without one and any duplicate type."""
    registry: dict[str, NodeType] = {}
    owners: dict[str, str] = {}
    for module in modules:
        node = getattr(module, "NODE", None)
        if not isinstance(node, NodeType):
            raise TypeError(f"{module.__name__} must define NODE = NodeType(...)")
        if node.type in registry:
            raise DuplicateNodeType(
                f"node type {node.type!r} is declared twice: in {owners[node.type]} and in {module.__name__}"
            )
        registry[node.type] = node
        owners[node.type] = module.__name__
    return registry


REGISTRY: dict[str, NodeType] = build_registry(NODE_MODULES)

_CURRENT: ContextVar[Mapping[str, NodeType]] = ContextVar("doctorsflow_node_registry", default=REGISTRY)


def current_registry() -> Mapping[str, NodeType]:
    """The node types in force here: :data:`REGISTRY`, or the one an enclosing :func:`using_registry` set."""
    return _CURRENT.get()


def get_node_type(type_name: Any) -> NodeType | None:
    """The node type called ``type_name``, or None (also for non-string input)."""
    return current_registry().get(type_name) if isinstance(type_name, str) else None


def node_types() -> list[NodeType]:
    """Every node type in force, in palette order."""
    return list(current_registry().values())


def catalogue() -> list[dict[str, Any]]:
    """The catalogue served by ``GET /api/nodes``: every node type's description, in palette order."""
    return [node.describe() for node in node_types()]


@contextmanager
def using_registry(registry: Mapping[str, NodeType]) -> Iterator[Mapping[str, NodeType]]:
    """Make ``registry`` current in this context (thread / task) for the ``with`` block."""
    token = _CURRENT.set(registry)
    try:
        yield registry
    finally:
        _CURRENT.reset(token)


@contextmanager
def extended_registry(*modules: ModuleType) -> Iterator[Mapping[str, NodeType]]:
    """The shipped node types plus ``modules`` (each defining ``NODE``), current for the ``with`` block."""
    with using_registry(build_registry([*NODE_MODULES, *modules])) as registry:
        yield registry


_FOR_CATALOGUE: dict[
    tuple[int, tuple[ProcedureEntry, ...]], tuple[tuple[tuple[str, int], ...], dict[str, NodeType]]
] = {}


def _fingerprint(registry: Mapping[str, NodeType]) -> tuple[tuple[str, int], ...]:
    # A registry is a mutable dict (tests and plug-ins add types): a cached build is reused only while the
    # registry still holds the very same node types.
    return tuple((name, id(node)) for name, node in registry.items())


def registry_for_catalogue(
    catalogue: Sequence[ProcedureEntry], base: Mapping[str, NodeType] | None = None
) -> dict[str, NodeType]:
    """``base`` (default: the registry in force) with every ``procedures`` list offering the catalogue's codes
    (then the default ones): what a clinic's editor lists and its workflows are checked against. Built once
    per catalogue."""
    base = current_registry() if base is None else base
    key = (id(base), tuple(catalogue))
    fingerprint = _fingerprint(base)
    known = _FOR_CATALOGUE.get(key)
    if known is not None and known[0] == fingerprint:
        return known[1]
    options = procedure_options(catalogue)
    built = {
        name: dataclasses.replace(node, schema=with_procedure_options(node.schema, options))
        if uses_procedures(node.schema)
        else node
        for name, node in base.items()
    }
    if len(_FOR_CATALOGUE) >= 64:  # clinics edit catalogues rarely; old versions need not stay
        _FOR_CATALOGUE.clear()
    _FOR_CATALOGUE[key] = (fingerprint, built)
    return built


@contextmanager
def using_catalogue(catalogue: Sequence[ProcedureEntry]) -> Iterator[Mapping[str, NodeType]]:
    """A clinic's procedure codes and names in force for the ``with`` block: the node types' schemas (the
    editor's choices, validation) and the procedure titles of card sentences."""
    with using_registry(registry_for_catalogue(catalogue)) as registry, using_titles(catalogue):
        yield registry


def load_node_folder(folder: Path, module_name: str | None = None) -> ModuleType:
    """Import a node type's folder (``__init__.py`` + ``schema.json`` …) that lives outside ``nodes/``.

    The folder is imported as a package called ``module_name`` (default: its folder name), so its own
    modules import each other as ``<module_name>.x``. It is not added to any registry.
    """
    name = module_name or folder.name
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"{folder} is not a node folder (no __init__.py)")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module
