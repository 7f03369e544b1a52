"""Key rotation: re-encrypt every personal value under the active key and recompute the blind indexes.

Run by ``doctorsflow rotate-key``: with a key file, a new key is added and made active first; with
``DOCTORSFLOW_SECRET_KEY``, set the new secret and list the old one in ``DOCTORSFLOW_PREVIOUS_SECRET_KEYS``
(or leave it in the key file) before running. Rows already under the active key are left alone, so an
interrupted rotation can simply be run again.

Besides the patients' own columns this covers the runtime's (outbox texts, variables, failover and errors,
event payloads and answers, step details, appointments' procedures and doctors), and encrypts any plaintext those still hold from before migration
``0601_runtime_at_rest``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Column, Table, Text, bindparam, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import crypto, identity
from storage.models import Base

BATCH = 500
# result key → (table, encrypted columns)
_TABLES = Base.metadata.tables
ROTATED: dict[str, tuple[Table, tuple[str, ...]]] = {
    "patients": (_TABLES["patients"], ("chart_no", "name", "phone", "birth_date")),
    "consents": (_TABLES["consents"], ("guardian_name",)),
    "provider_credentials": (_TABLES["provider_credentials"], ("secrets",)),  # a clinic's messaging API keys
    "messages": (_TABLES["outbox"], ("text", "subject", "error_message", "variables", "failover")),
    "events": (_TABLES["events"], ("payload", "result")),
    "appointments": (_TABLES["appointments"], ("procedure", "procedure_text", "doctor")),
    "run_steps": (_TABLES["run_steps"], ("detail",)),
}


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


def _stale(keyring: crypto.Keyring, column: Column[Any], value: Any) -> bool:
    """Not under the active key: another key's ciphertext, or plaintext (legacy runtime rows)."""
    if _empty(value):
        return False
    if isinstance(column.type, crypto.EncryptedJSON):
        token = crypto.sealed_token(value)
    else:
        token = value if crypto.is_token(value) else None
    if token is None:
        return True  # plaintext; a strict column's is reported by _plain (it cannot be decrypted)
    return crypto.Keyring.key_id_of(token) != keyring.active.key_id


def _plain(keyring: crypto.Keyring, column: Column[Any], value: Any) -> Any:
    kind = column.type
    if _empty(value):
        return None if isinstance(kind, crypto.EncryptedDate) else value
    if isinstance(kind, crypto.EncryptedJSON):
        return crypto.open_json(keyring, value, kind.context)
    if isinstance(kind, crypto.EncryptedText) and kind.legacy_plaintext and not crypto.is_token(value):
        return value
    text = keyring.decrypt(value, kind.context)  # type: ignore[attr-defined]
    return date.fromisoformat(text) if isinstance(kind, crypto.EncryptedDate) else text


def _raw(column: Column[Any]) -> Any:
    """The column as stored (ciphertext, wrapper), not through its decrypting type."""
    stored = JSON(none_as_null=True) if isinstance(column.type, crypto.EncryptedJSON) else Text()
    return type_coerce(column, stored).label(column.name)


async def _reencrypt(session: AsyncSession, table: Table, columns: tuple[str, ...], reindex: bool) -> int:
    keyring = crypto.current()
    written = [*columns, *(("chart_index", "phone_index", "name_index") if reindex else ())]
    # Every encrypted column of a stale row is written again (plain values through the column types,
    # which encrypt under the active key), in one executemany per batch.
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({c: bindparam(f"v_{c}", type_=table.c[c].type) for c in written})
    )
    changed = 0
    last_id = 0
    while True:
        query = (
            select(table.c.id, *(_raw(table.c[c]) for c in columns))
            .where(table.c.id > last_id)
            .order_by(table.c.id)
            .limit(BATCH)
        )
        rows = (await session.execute(query)).mappings().all()
        if not rows:
            return changed
        last_id = rows[-1]["id"]
        params: list[dict[str, Any]] = []
        for raw in rows:
            if not any(_stale(keyring, table.c[c], raw[c]) for c in columns):
                continue  # under the active key already, and so is its blind index
            values = {c: _plain(keyring, table.c[c], raw[c]) for c in columns}
            if reindex:
                values |= {
                    "chart_index": identity.chart_index(values["chart_no"]),
                    "phone_index": identity.phone_index(values["phone"]),
                    "name_index": identity.name_index(values["name"]),
                }
            params.append({"row_id": raw["id"], **{f"v_{c}": v for c, v in values.items()}})
        if params:
            await session.execute(statement, params)
            changed += len(params)


async def rotate(session: AsyncSession) -> dict[str, Any]:
    """Re-encrypt patients, consents, messaging provider secrets and the runtime's personal columns under
    the process keyring's active key (an unscoped session: all clinics). Blind indexes of re-encrypted
    patients are recomputed under the active key. Returns the active key id and, per table, how many rows were re-encrypted."""
    result: dict[str, Any] = {"active_key": crypto.current().active.key_id}
    for name, (table, columns) in ROTATED.items():
        result[name] = await _reencrypt(session, table, columns, reindex=name == "patients")
    return result
