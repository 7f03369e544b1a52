"""appointments at rest: encrypt the procedure, its spelling and the doctor; encrypt the events' stored answers

Issue 18: ``appointments.procedure`` / ``procedure_text`` (a patient's procedure is health information, PIPA
art. 23) and ``appointments.doctor`` were plaintext, and ``events.result`` quoted an unknown procedure's name in
its warning. The three appointment columns become TEXT (a ciphertext is longer than 64/100 characters) and hold
``<key id>:<base64>`` like the outbox texts; ``events.result`` keeps its JSON type and holds ``{"enc": …}``.
Existing rows are encrypted here, in the migration's transaction (on SQLite with ``secure_delete``, so the
replaced plaintext is zeroed in the file), with the process keyring (as 0601 did);
values already encrypted are left alone, so a partly converted table is safe. The column types read legacy
plaintext too, and ``rotate-key`` encrypts any left over. The downgrade decrypts and restores the lengths.

Revision ID: 2301_appointments_at_rest
Revises: 2300_users_email_per_clinic
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "2301_appointments_at_rest"
down_revision: str | Sequence[str] | None = "2300_users_email_per_clinic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LENGTHS = {"procedure": 64, "procedure_text": 100, "doctor": 100}  # the VARCHARs before this revision
# table → (text columns, JSON columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "appointments": (tuple(LENGTHS), ()),
    "events": ((), ("result",)),
}
BATCH = 1000


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite leaves replaced rows and dropped pages in the file as they were: zero them, so the plaintext
        # this revision replaces does not stay readable in free pages (backups taken before still hold it).
        op.execute("PRAGMA secure_delete = ON")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        for name, length in LENGTHS.items():
            batch_op.alter_column(name, existing_type=sa.String(length), type_=sa.Text(), existing_nullable=True)
    if _convert(encrypt=True) and op.get_bind().dialect.name == "sqlite":
        # Older free pages (rows updated or erased before) may still spell a procedure: `migrate` rewrites the
        # file once this transaction committed (storage.migrate.vacuum; VACUUM cannot run inside it).
        config = op.get_context().config
        if config is not None:
            config.attributes["vacuum_after"] = True


def downgrade() -> None:
    _convert(encrypt=False)
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        for name, length in LENGTHS.items():
            batch_op.alter_column(name, existing_type=sa.Text(), type_=sa.String(length), existing_nullable=True)


def _convert(encrypt: bool) -> int:
    """Encrypt (or decrypt) every stored value that is not yet; returns how many rows changed."""
    from storage import crypto

    changed = 0
    connection = op.get_bind()
    keyring: crypto.Keyring | None = None  # loaded only when a row needs it (a fresh database needs none)
    for name, (texts, jsons) in COLUMNS.items():
        table = sa.table(  # the values as stored, not through the models' encrypting types
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
                    context = f"{name}.{column}"
                    if column in jsons:
                        token = crypto.sealed_token(value)
                        if encrypt and token is None:
                            changes[column] = crypto.seal_json(keyring, value, context)
                        elif not encrypt and token is not None:
                            changes[column] = crypto.open_json(keyring, value, context)
                    elif encrypt and not crypto.is_token(value):
                        changes[column] = keyring.encrypt(value, context)
                    elif not encrypt and crypto.is_token(value):
                        changes[column] = keyring.decrypt(value, context)
                if changes:
                    connection.execute(sa.update(table).where(table.c.id == row["id"]).values(**changes))
                    changed += 1
    return changed
