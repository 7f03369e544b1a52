"""runtime at rest: encrypt outbox texts/variables/failover/errors, event payloads and step details

The columns keep their DDL types (JSON stays JSON: ``{"enc": "<token>"}``), except ``outbox.subject``
which becomes TEXT (a ciphertext is longer than the 200 characters of its plaintext). Rows written before
this revision hold plaintext: they are encrypted here with the process keyring (``storage.crypto.current()``,
the same one the ``migrate``/``serve`` commands and 0003_patients use). Values already encrypted are left
alone, so running it over a partly encrypted table is safe; the column types also read any plaintext left
over (and ``rotate-key`` encrypts it).

Revision ID: 0601_runtime_at_rest
Revises: 0002_runtime
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0601_runtime_at_rest"
down_revision: str | Sequence[str] | None = "0002_runtime"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table → (text columns, JSON columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "outbox": (("text", "subject", "error_message"), ("variables", "failover")),
    "events": ((), ("payload",)),
    "run_steps": ((), ("detail",)),
}
BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("subject", existing_type=sa.String(200), type_=sa.Text(), existing_nullable=True)
    _convert(encrypt=True)


def downgrade() -> None:
    _convert(encrypt=False)
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("subject", existing_type=sa.Text(), type_=sa.String(200), existing_nullable=True)


def _convert(encrypt: bool) -> None:
    from storage import crypto

    connection = op.get_bind()
    keyring: crypto.Keyring | None = None  # loaded only when a row needs it (a fresh database needs none)
    for name, (texts, jsons) in COLUMNS.items():
        # The plain JSON type here: the values as stored, not through the models' EncryptedJSON.
        table = sa.table(
            name,
            sa.column("id", sa.Integer),
            *(sa.column(c, sa.Text) for c in texts),
            *(sa.column(c, sa.JSON(none_as_null=True)) for c in jsons),
        )
        last_id = 0
        while True:
            query = sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
            rows = connection.execute(query).mappings().all()
            if not rows:
                break
            last_id = rows[-1]["id"]
            for row in rows:
                changes: dict[str, Any] = {}
                for column in (*texts, *jsons):
                    value = row[column]
                    if value is None or value == "" or value == {} or value == []:
                        continue
                    keyring = keyring or crypto.current()
                    convert = _sealer(keyring, column in jsons) if encrypt else _opener(keyring, column in jsons)
                    new = convert(value, f"{name}.{column}")
                    if new is not value:
                        changes[column] = new
                if changes:
                    connection.execute(sa.update(table).where(table.c.id == row["id"]).values(**changes))


def _sealer(keyring: Any, is_json: bool) -> Callable[[Any, str], Any]:
    from storage import crypto

    def seal(value: Any, context: str) -> Any:
        if is_json:
            return value if crypto.sealed_token(value) else crypto.seal_json(keyring, value, context)
        return value if crypto.is_token(value) else keyring.encrypt(value, context)

    return seal


def _opener(keyring: Any, is_json: bool) -> Callable[[Any, str], Any]:
    from storage import crypto

    def open_(value: Any, context: str) -> Any:
        if is_json:
            return crypto.open_json(keyring, value, context) if crypto.sealed_token(value) else value
        return keyring.decrypt(value, context) if crypto.is_token(value) else value

    return open_
