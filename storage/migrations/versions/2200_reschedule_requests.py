"""reschedule requests: patients' requests from their appointment link, open until staff reschedule or dismiss

Revision ID: 2200_reschedule_requests
Revises: 1900_merge_heads
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

import storage.models.base
from alembic import op

revision: str = "2200_reschedule_requests"
down_revision: str | Sequence[str] | None = "1900_merge_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reschedule_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("original_starts_at", storage.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_at", storage.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_reschedule_requests_appointment_id_appointments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_reschedule_requests_clinic_id_clinics"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_reschedule_requests_patient_id_patients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reschedule_requests")),
    )
    with op.batch_alter_table("reschedule_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reschedule_requests_appointment_id"), ["appointment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reschedule_requests_clinic_id"), ["clinic_id"], unique=False)
        batch_op.create_index("ix_reschedule_requests_clinic_id_status", ["clinic_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reschedule_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_reschedule_requests_clinic_id_status")
        batch_op.drop_index(batch_op.f("ix_reschedule_requests_clinic_id"))
        batch_op.drop_index(batch_op.f("ix_reschedule_requests_appointment_id"))
    op.drop_table("reschedule_requests")
