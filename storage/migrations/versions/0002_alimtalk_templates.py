"""alimtalk templates: a clinic's templates and their Kakao review state

Revision ID: 0002_alimtalk_templates
Revises: 0001_foundation
Create Date: 2026-11-28 12:50:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0002_alimtalk_templates"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alimtalk_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("specialty", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("buttons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_alimtalk_templates_clinic_id_clinics"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimtalk_templates")),
        sa.UniqueConstraint("clinic_id", "code", name=op.f("uq_alimtalk_templates_clinic_id_code")),
    )
    with op.batch_alter_table("alimtalk_templates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alimtalk_templates_clinic_id"), ["clinic_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alimtalk_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimtalk_templates_clinic_id"))
    op.drop_table("alimtalk_templates")
