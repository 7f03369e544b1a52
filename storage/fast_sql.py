"""Prebuilt statements run straight on the embedded SQLite connection: the runtime's hot path.

SQLAlchemy Core costs about 100 µs of Python per statement executed (execution context, parameter
processing, result set-up); SQLite runs the runtime's small indexed statements in about 5 µs. An event and its
run take some 25 statements, so that overhead was a third of the CPU per run. :func:`execute` keeps
SQLAlchemy for what it is good at — compiling a statement for the dialect, once, and the column types' bind and
result processing (UTC datetimes, JSON, encrypted personal fields) — and runs the compiled SQL on the raw
``sqlite3`` connection of the transaction (the inline connections of :mod:`storage.db`, which run in the calling
thread).

Anything else goes through ``AsyncConnection.execute`` unchanged: PostgreSQL, pooled aiosqlite connections,
statements with expanding ``IN`` parameters, and Python-side column defaults that need an execution context.
tests/storage/test_fast_sql.py checks both paths give the same rows and write the same values.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler

from storage.db import InlineConnection


class Rows(Protocol):
    """What the hot path reads of a result (``Result`` and :class:`FastResult` both have it; DML results also
    have ``rowcount``)."""

    def all(self) -> Sequence[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...

    def first(self) -> Any: ...

    def scalar(self) -> Any: ...

    def scalar_one(self) -> Any: ...

    def scalar_one_or_none(self) -> Any: ...


class FastRow(tuple[Any, ...]):
    """A result row: a tuple whose columns are also attributes by their result key (as ``Row``)."""

    __slots__ = ()
    _index: dict[str, int] = {}
    _keys: tuple[str, ...] = ()

    @property
    def _mapping(self) -> dict[str, Any]:
        return dict(zip(self._keys, self, strict=True))

    def __getattr__(self, name: str) -> Any:
        try:
            return self[self._index[name]]
        except KeyError:
            raise AttributeError(name) from None


class FastResult:
    def __init__(self, rows: list[FastRow], rowcount: int) -> None:
        self._rows = rows
        self._rowcount = rowcount

    @property
    def rowcount(self) -> int:
        return self._rowcount

    def all(self) -> list[FastRow]:
        return self._rows

    def __iter__(self) -> Iterator[FastRow]:
        return iter(self._rows)

    def first(self) -> FastRow | None:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        if len(self._rows) != 1:
            from sqlalchemy.exc import MultipleResultsFound, NoResultFound

            raise NoResultFound("No row was found") if not self._rows else MultipleResultsFound("Multiple rows")
        return self._rows[0][0]

    def scalar_one_or_none(self) -> Any:
        if len(self._rows) > 1:
            from sqlalchemy.exc import MultipleResultsFound

            raise MultipleResultsFound("Multiple rows")
        return self._rows[0][0] if self._rows else None


Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Plan:
    """A statement compiled once for SQLite, with everything needed to bind its parameters and read its rows."""

    sql: str
    binds: tuple[tuple[str, str, Any, Processor, bool], ...]  # (key, name, value when not given, processor, expanding)
    defaults: tuple[tuple[str, Callable[[], Any]], ...]  # Python-side column defaults: (key, make value)
    row_type: type[FastRow] | None  # None: returns no rows
    results: tuple[Processor, ...]
    expanding: tuple[str, ...]  # names of ``IN`` parameters whose lists are spelled out at execution
    spelled: dict[tuple[int, ...], str]  # the SQL per length of those lists

    def sql_for(self, values: list[Any]) -> str | None:
        """The SQL for these bound values (lists for expanding ``IN``), None for an empty list (SQLAlchemy
        renders those specially)."""
        if not self.expanding:
            return self.sql
        lengths = tuple(len(v) for v, bind in zip(values, self.binds, strict=True) if bind[4])
        if 0 in lengths:
            return None
        sql = self.spelled.get(lengths)
        if sql is None:
            sql = self.sql
            for name, length in zip(self.expanding, lengths, strict=True):
                sql = sql.replace(f"__[POSTCOMPILE_{name}]", ", ".join("?" * length), 1)
            self.spelled[lengths] = sql
        return sql


_plans: dict[tuple[int, tuple[str, ...], bool], _Plan | None] = {}
_kept: dict[int, Executable] = {}  # the planned statements (keeps their ids unique)
_MISSING: Any = object()
_PLAN_LIMIT = 1_000


async def execute(
    connection: AsyncConnection | AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | list[dict[str, Any]],
) -> Rows:
    """``connection.execute(statement, params)``, on an inline SQLite connection without SQLAlchemy's per-call
    execution machinery. ``statement``: built once (a module constant), as its compiled plan is kept by identity.
    ``params``: one mapping, or a list of them (executemany, no rows returned). A session
    runs it as it always did (its ORM events, e.g. tenancy filters, apply)."""
    raw = _raw_sqlite(connection) if isinstance(connection, AsyncConnection) else None
    if raw is None or not isinstance(connection, AsyncConnection):
        return await _slow(connection, statement, params)
    many = isinstance(params, list)
    first: Mapping[str, Any] = params[0] if isinstance(params, list) and params else {}
    if isinstance(params, Mapping):
        first = params
    plan_key = (id(statement), tuple(sorted(first)), many)
    plan = _plans.get(plan_key)
    if plan_key not in _plans:
        if len(_plans) >= _PLAN_LIMIT:  # meant for module-level statements; a statement built per call is no leak
            _plans.clear()
            _kept.clear()
        plan = _plans[plan_key] = _plan(statement, connection.dialect, plan_key[1], many)
        _kept[id(statement)] = statement
    if plan is None:
        return await _slow(connection, statement, params)
    if isinstance(params, list):
        if plan.expanding:
            return await _slow(connection, statement, params)
        cursor = raw.executemany(plan.sql, [_bound(plan, p) for p in params]) if params else None
        return FastResult([], cursor.rowcount if cursor is not None else 0)
    values = _bound(plan, first)
    sql = plan.sql_for(values)
    if sql is None:
        return await _slow(connection, statement, params)
    cursor = raw.execute(sql, _flat(plan, values) if plan.expanding else values)
    if plan.row_type is None:
        return FastResult([], cursor.rowcount)
    rows = cursor.fetchall()
    processors = plan.results
    row_type = plan.row_type
    return FastResult(
        [row_type(p(v) if p is not None else v for p, v in zip(processors, row, strict=True)) for row in rows],
        cursor.rowcount,
    )


async def _slow(
    connection: AsyncConnection | AsyncSession, statement: Executable, params: Mapping[str, Any] | list[dict[str, Any]]
) -> Rows:
    return await connection.execute(statement, params if isinstance(params, list) else dict(params))


def _bound(plan: _Plan, params: Mapping[str, Any]) -> list[Any]:
    if plan.defaults:
        params = {**{key: make() for key, make in plan.defaults if key not in params}, **params}
    values = []
    for key, name, fixed, processor, expanding in plan.binds:
        value = params[key] if key in params else params.get(name, fixed)
        if value is _MISSING:
            raise KeyError(f"missing parameter {key!r}")
        if expanding:  # each member processed, as SQLAlchemy does
            values.append([processor(v) for v in value] if processor is not None else list(value))
        else:
            values.append(processor(value) if processor is not None else value)  # None too, as SQLAlchemy does
    return values


def _flat(plan: _Plan, values: list[Any]) -> list[Any]:
    """Bound values with each expanding list spelled out in place."""
    flat: list[Any] = []
    for value, bind in zip(values, plan.binds, strict=True):
        if bind[4]:
            flat.extend(value)
        else:
            flat.append(value)
    return flat


def _raw_sqlite(connection: AsyncConnection) -> sqlite3.Connection | None:
    if connection.dialect.name != "sqlite":
        return None
    sync = connection.sync_connection
    if sync is None:
        return None
    driver = sync.connection.driver_connection
    if not isinstance(driver, InlineConnection):
        return None
    raw = driver._connection
    return raw if isinstance(raw, sqlite3.Connection) else None


def _plan(statement: Executable, dialect: Dialect, keys: tuple[str, ...], many: bool) -> _Plan | None:
    """Compile ``statement`` for these parameter keys, or None when only SQLAlchemy can run it."""
    compile_: Any = getattr(statement, "compile", None)
    if compile_ is None:
        return None
    compiled = compile_(dialect=dialect, column_keys=list(keys), for_executemany=many)
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return None
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for column in [*compiled.insert_prefetch, *compiled.update_prefetch]:
        default: Any = column.default if column in compiled.insert_prefetch else column.onupdate
        if default is None:
            return None
        if default.is_scalar:
            defaults.append((column.key, _constant(default.arg)))
        elif default.is_callable:
            defaults.append((column.key, _called(default.arg)))
        else:
            return None
    processors: Mapping[str, Any] = compiled._bind_processors
    binds: list[tuple[str, str, Any, Processor, bool]] = []
    for name in compiled.positiontup:
        bind = compiled.binds[name]
        if bind.callable is not None:
            return None
        processor = processors.get(name)
        if processor is not None and not callable(processor):
            return None  # a tuple type's processors: not on the hot path
        fixed = _MISSING if bind.required else bind.effective_value
        binds.append((bind.key, name, fixed, processor, bool(bind.expanding)))
        if bind.expanding and compiled.string.count(f"__[POSTCOMPILE_{name}]") != 1:
            return None  # spelled out by position: each list must appear once
    is_select = not (compiled.isinsert or compiled.isupdate or compiled.isdelete)
    if compiled.isdelete or (many and (compiled.returning or is_select)):
        return None
    row_type: type[FastRow] | None = None
    results: list[Processor] = []
    if compiled.returning or is_select:
        index: dict[str, int] = {}
        for position, entry in enumerate(compiled._result_columns):
            index.setdefault(entry.keyname, position)
            results.append(entry.type._cached_result_processor(dialect, None))
        keys = tuple(entry.keyname for entry in compiled._result_columns)
        row_type = type("Row", (FastRow,), {"__slots__": (), "_index": index, "_keys": keys})
    expanding = tuple(name for _, name, _, _, is_list in binds if is_list)
    return _Plan(compiled.string, tuple(binds), tuple(defaults), row_type, tuple(results), expanding, {})


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _called(make: Callable[[Any], Any]) -> Callable[[], Any]:
    return lambda: make(None)  # SQLAlchemy wraps a column default ``fn()`` as ``fn(context)``
