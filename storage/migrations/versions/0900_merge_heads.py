"""merge the outbox provider handle and the scheduler heartbeats into one head

Both landed on 0801_outbox_rich_message in parallel; this revision joins them. No schema change.

Revision ID: 0900_merge_heads
Revises: 0802_outbox_provider_handle, 0803_scheduler_heartbeats
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0900_merge_heads"
down_revision: str | Sequence[str] | None = ("0802_outbox_provider_handle", "0803_scheduler_heartbeats")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
