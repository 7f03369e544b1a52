"""outbox: FriendTalk / Brand Message link buttons and image

The send.friendtalk node has had ``buttons`` and ``image_url`` params; the outbox now keeps them so the
provider clients can send them. Existing rows have neither (NULL).

Revision ID: 0801_outbox_rich_message
Revises: 0700_merge_heads
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0801_outbox_rich_message"
down_revision: str | Sequence[str] | None = "0700_merge_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("buttons", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("image_url", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("image_url")
        batch_op.drop_column("buttons")
