"""outcome days: the outcome dashboard's per-day counts (runtime/outcomes/cache.py); outbox (clinic_id, updated_at) index

Revision ID: 1400_outcome_days
Revises: 0900_merge_heads
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

import storage.models.base
from alembic import op

revision: str = "1400_outcome_days"
down_revision: str | Sequence[str] | None = "0900_merge_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outcome_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rates_key", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("computed_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name="fk_outcome_days_clinic_id_clinics", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outcome_days"),
        sa.UniqueConstraint("clinic_id", "day", name="uq_outcome_days_clinic_id_day"),
    )
    op.create_index("ix_outcome_days_clinic_id", "outcome_days", ["clinic_id"])
    # The cache asks which messages changed since it counted a day: by this index, not a scan of the outbox.
    op.create_index("ix_outbox_clinic_id_updated_at", "outbox", ["clinic_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_clinic_id_updated_at", table_name="outbox")
    op.drop_index("ix_outcome_days_clinic_id", table_name="outcome_days")
    op.drop_table("outcome_days")
