"""outbox: the provider-side handle of a send (SOLAPI group id), stored before the request leaves

Recovery after a crash or a lost answer asks the provider about this handle instead of sending again
(issue 13). Existing rows have none (NULL): their retries behave as a first send.

Revision ID: 0802_outbox_provider_handle
Revises: 0801_outbox_rich_message
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0802_outbox_provider_handle"
down_revision: str | Sequence[str] | None = "0801_outbox_rich_message"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provider_handle", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("provider_handle")
