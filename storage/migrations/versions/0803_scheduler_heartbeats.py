"""scheduler heartbeats: one row per running scheduler loop (host, pid, slot), for the watchdog and health

Revision ID: 0803_scheduler_heartbeats
Revises: 0801_outbox_rich_message
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

import storage.models.base
from alembic import op

revision: str = "0803_scheduler_heartbeats"
down_revision: str | Sequence[str] | None = "0801_outbox_rich_message"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scheduler_heartbeats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("slot", sa.String(length=100), nullable=False),
        sa.Column("thread", sa.String(length=100), nullable=False),
        sa.Column("started_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_tick_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ticks", sa.Integer(), nullable=False),
        sa.Column("restarts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", storage.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_scheduler_heartbeats"),
        sa.UniqueConstraint("host", "pid", "slot", name="uq_scheduler_heartbeats_host_pid_slot"),
    )
    op.create_index("ix_scheduler_heartbeats_last_tick_at", "scheduler_heartbeats", ["last_tick_at"])


def downgrade() -> None:
    op.drop_index("ix_scheduler_heartbeats_last_tick_at", table_name="scheduler_heartbeats")
    op.drop_table("scheduler_heartbeats")
