"""workflow status (draft | active | paused | archived) replaces the ``archived`` flag

Existing rows: archived → archived, a published version → active, else draft.

Revision ID: 1100_workflow_status
Revises: 0900_merge_heads
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "1100_workflow_status"
down_revision: str | Sequence[str] | None = "0900_merge_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("workflows", sa.Column("status", sa.String(length=20), server_default="draft", nullable=False))
    op.execute(
        "UPDATE workflows SET status = CASE WHEN archived THEN 'archived' "
        "WHEN published_version IS NOT NULL THEN 'active' ELSE 'draft' END"
    )
    with op.batch_alter_table("workflows") as batch:
        batch.drop_column("archived")


def downgrade() -> None:
    with op.batch_alter_table("workflows") as batch:
        batch.add_column(sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE workflows SET archived = (status = 'archived')")
    with op.batch_alter_table("workflows") as batch:
        batch.drop_column("status")
