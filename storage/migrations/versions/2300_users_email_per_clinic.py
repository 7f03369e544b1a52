"""users: an e-mail address is unique per clinic, not across clinics (issue 18: the e-mail oracle)

A clinic adding a user whose address another clinic already uses answered 409 "already registered": any manager
could probe which addresses hold accounts elsewhere. Now each clinic's accounts are independent (own password,
own sessions); log-in picks the account whose password matches, and asks for the clinic only when one password
opens several (storage/accounts/users.py). Platform admins (no clinic) stay unique among themselves in code.

Revision ID: 2300_users_email_per_clinic
Revises: 1900_merge_heads
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "2300_users_email_per_clinic"
down_revision: str | Sequence[str] | None = "1900_merge_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_email"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_users_clinic_id_email"), ["clinic_id", "email"])
        batch_op.create_index(batch_op.f("ix_users_email"), ["email"], unique=False)


def downgrade() -> None:
    # Fails while one address has accounts in two clinics: merge or rename them first.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_email"))
        batch_op.drop_constraint(batch_op.f("uq_users_clinic_id_email"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_users_email"), ["email"])
