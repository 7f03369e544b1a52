"""compliance: reviewers' sign-offs of workflow documents

Revision ID: 0101_compliance_signoffs
Revises: 0001_foundation
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0101_compliance_signoffs"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "compliance_signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workflow_id", sa.Integer(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("reviewer_name", sa.String(length=100), nullable=False),
        sa.Column("approval_number", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("suppressions", sa.JSON(), nullable=False),
        sa.Column("signed_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("signed_by", sa.String(length=100), nullable=True),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_compliance_signoffs_clinic_id_clinics"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workflow_id"], ["workflows.id"], name=op.f("fk_compliance_signoffs_workflow_id_workflows"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliance_signoffs")),
    )
    with op.batch_alter_table("compliance_signoffs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_compliance_signoffs_clinic_id"), ["clinic_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_compliance_signoffs_workflow_id"), ["workflow_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_compliance_signoffs_checksum"), ["checksum"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("compliance_signoffs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compliance_signoffs_checksum"))
        batch_op.drop_index(batch_op.f("ix_compliance_signoffs_workflow_id"))
        batch_op.drop_index(batch_op.f("ix_compliance_signoffs_clinic_id"))
    op.drop_table("compliance_signoffs")
