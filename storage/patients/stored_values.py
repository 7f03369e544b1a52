"""Rows for the importer's bulk statements, already in the form the database stores them.

SQLAlchemy runs every column's bind processing (encryption, datetime and JSON formatting, booleans) on every
value of an executemany: for a 50 MB export that is millions of calls, most of them on the same constant
(``now``, ``[]``, ``False``). Here each column's processor is looked up once per statement; constants are
processed once, and the statement goes to an untyped twin of the table, which passes the values through.
The values are exactly what the typed table would have written (the same processors).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, column, table
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import TableClause

Processor = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def processors(typed: Table, dialect: Dialect) -> dict[str, Processor]:
    """Column name → the function that turns a Python value into what ``dialect`` stores."""
    found: dict[str, Processor] = {}
    for col in typed.c:
        process = col.type.dialect_impl(dialect).bind_processor(dialect)
        found[col.name] = process or _identity
    return found


def untyped(typed: Table) -> TableClause:
    """The same table without column types: statements on it bind values as given."""
    return table(typed.name, *(column(col.name) for col in typed.c))
