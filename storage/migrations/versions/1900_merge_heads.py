"""merge the appointment book, the workflow status and the outcome days into one head

All three landed on 0900_merge_heads in parallel; this revision joins them. No schema change.

Revision ID: 1900_merge_heads
Revises: 1000_appointment_book, 1100_workflow_status, 1400_outcome_days
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "1900_merge_heads"
down_revision: str | Sequence[str] | None = ("1000_appointment_book", "1100_workflow_status", "1400_outcome_days")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
