"""patients: encrypted personal fields with blind indexes, guardians on consents, erasure records

Revision ID: 0003_patients
Revises: 0001_foundation
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0003_patients"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENCRYPTED = ("chart_no", "name", "phone", "birth_date")


def upgrade() -> None:
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_constraint("uq_patients_clinic_id_chart_no", type_="unique")
        batch_op.drop_index("ix_patients_phone")
        batch_op.alter_column("chart_no", existing_type=sa.String(64), type_=sa.Text(), existing_nullable=True)
        batch_op.alter_column("name", existing_type=sa.String(100), type_=sa.Text(), existing_nullable=False)
        batch_op.alter_column("phone", existing_type=sa.String(20), type_=sa.Text(), existing_nullable=True)
        batch_op.alter_column(
            "birth_date",
            existing_type=sa.Date(),
            type_=sa.Text(),
            existing_nullable=True,
            postgresql_using="birth_date::text",
        )
        batch_op.add_column(sa.Column("chart_index", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("phone_index", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("name_index", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("erased_at", storage.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint("uq_patients_clinic_id_chart_index", ["clinic_id", "chart_index"])
        batch_op.create_index("ix_patients_clinic_id_phone_index", ["clinic_id", "phone_index"], unique=False)
        batch_op.create_index("ix_patients_clinic_id_name_index", ["clinic_id", "name_index"], unique=False)

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guardian_name", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("guardian_relationship", sa.String(20), nullable=True))

    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("erased_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_erasures_clinic_id_clinics"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
    )
    with op.batch_alter_table("erasures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erasures_clinic_id"), ["clinic_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_erasures_patient_id"), ["patient_id"], unique=False)

    _encrypt_existing_rows()


def _encrypt_existing_rows() -> None:
    """Rows written by 0001 hold plaintext: encrypt them and fill the blind indexes."""
    from storage import crypto
    from storage import identity

    connection = op.get_bind()
    table = sa.table(
        "patients", *(sa.column(c) for c in ("id", *ENCRYPTED, "chart_index", "phone_index", "name_index"))
    )
    rows = connection.execute(sa.select(table)).mappings().all()
    if not rows:
        return
    keyring = crypto.current()
    for row in rows:
        plain = {c: row[c] for c in ENCRYPTED}
        values = {c: keyring.encrypt(str(v), f"patients.{c}") if v not in (None, "") else v for c, v in plain.items()}
        values |= {
            "chart_index": identity.chart_index(plain["chart_no"]),
            "phone_index": identity.phone_index(plain["phone"]),
            "name_index": identity.name_index(plain["name"]),
        }
        connection.execute(sa.update(table).where(table.c.id == row["id"]).values(**values))


def _decrypt_existing_rows() -> None:
    from storage import crypto

    connection = op.get_bind()
    table = sa.table("patients", *(sa.column(c) for c in ("id", *ENCRYPTED)))
    keyring = crypto.current()
    for row in connection.execute(sa.select(table)).mappings().all():
        values = {c: keyring.decrypt(row[c], f"patients.{c}") if row[c] else row[c] for c in ENCRYPTED}
        if values["birth_date"]:
            values["birth_date"] = date.fromisoformat(values["birth_date"])
        connection.execute(sa.update(table).where(table.c.id == row["id"]).values(**values))


def downgrade() -> None:
    _decrypt_existing_rows()
    with op.batch_alter_table("erasures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasures_patient_id"))
        batch_op.drop_index(batch_op.f("ix_erasures_clinic_id"))
    op.drop_table("erasures")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_column("guardian_relationship")
        batch_op.drop_column("guardian_name")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index("ix_patients_clinic_id_name_index")
        batch_op.drop_index("ix_patients_clinic_id_phone_index")
        batch_op.drop_constraint("uq_patients_clinic_id_chart_index", type_="unique")
        batch_op.drop_column("erased_at")
        batch_op.drop_column("name_index")
        batch_op.drop_column("phone_index")
        batch_op.drop_column("chart_index")
        batch_op.alter_column(
            "birth_date", existing_type=sa.Text(), type_=sa.Date(), postgresql_using="birth_date::date"
        )
        batch_op.alter_column("phone", existing_type=sa.Text(), type_=sa.String(20))
        batch_op.alter_column("name", existing_type=sa.Text(), type_=sa.String(100))
        batch_op.alter_column("chart_no", existing_type=sa.Text(), type_=sa.String(64))
        batch_op.create_index("ix_patients_phone", ["phone"], unique=False)
        batch_op.create_unique_constraint("uq_patients_clinic_id_chart_no", ["clinic_id", "chart_no"])
