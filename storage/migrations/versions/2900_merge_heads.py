"""merge the reschedule requests and the per-clinic accounts / appointments at rest into one head

Both landed on 1900_merge_heads in parallel; this revision joins them. No schema change.

Revision ID: 2900_merge_heads
Revises: 2200_reschedule_requests, 2301_appointments_at_rest
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "2900_merge_heads"
down_revision: str | Sequence[str] | None = ("2200_reschedule_requests", "2301_appointments_at_rest")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
