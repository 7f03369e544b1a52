"""Key rotation: re-encrypt every personal value under the active key and recompute the blind indexes.

Run by ``doctorsflow rotate-key``: with a key file, a new key is added and made active first; with
``DOCTORSFLOW_SECRET_KEY``, set the new secret and list the old one in ``DOCTORSFLOW_PREVIOUS_SECRET_KEYS``
(or leave it in the key file) before running. Rows already under the active key are left alone, so an
interrupted rotation can simply be run again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import crypto
from storage.models import Consent, Patient, ProviderCredential
from storage.patients import identity

BATCH = 500


def _stale(keyring: crypto.Keyring, raw: dict[str, Any], columns: tuple[str, ...]) -> bool:
    return any(raw[c] and crypto.Keyring.key_id_of(raw[c]) != keyring.active.key_id for c in columns)


def _plain(keyring: crypto.Keyring, column: Any, token: str | None) -> Any:
    if not token:
        return token
    text = keyring.decrypt(token, column.type.context)
    return date.fromisoformat(text) if isinstance(column.type, crypto.EncryptedDate) else text


async def _reencrypt(session: AsyncSession, table: Any, columns: tuple[str, ...], reindex: bool) -> int:
    keyring = crypto.current()
    raw_columns = [type_coerce(table.c[c], String).label(c) for c in columns]  # ciphertext, not decrypted
    changed = 0
    last_id = 0
    while True:
        query = select(table.c.id, *raw_columns).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
        rows = (await session.execute(query)).mappings().all()
        if not rows:
            return changed
        last_id = rows[-1]["id"]
        for raw in rows:
            if not _stale(keyring, dict(raw), columns):
                continue  # under the active key already, and so is its blind index
            values = {c: _plain(keyring, table.c[c], raw[c]) for c in columns}
            if reindex:
                values |= {
                    "chart_index": identity.chart_index(values["chart_no"]),
                    "phone_index": identity.phone_index(values["phone"]),
                    "name_index": identity.name_index(values["name"]),
                }
            await session.execute(update(table).where(table.c.id == raw["id"]).values(values))
            changed += 1


async def rotate(session: AsyncSession) -> dict[str, Any]:
    """Re-encrypt patients, consents and messaging provider secrets under the process keyring's active key (an unscoped session: all
    clinics). Blind indexes of re-encrypted patients are recomputed under the active key."""
    patients = await _reencrypt(session, Patient.__table__, ("chart_no", "name", "phone", "birth_date"), reindex=True)
    consents = await _reencrypt(session, Consent.__table__, ("guardian_name",), reindex=False)
    providers = await _reencrypt(session, ProviderCredential.__table__, ("secrets",), reindex=False)
    return {
        "active_key": crypto.current().active.key_id,
        "patients": patients,
        "consents": consents,
        "provider_credentials": providers,
    }
