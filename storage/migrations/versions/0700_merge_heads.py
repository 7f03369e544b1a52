"""merge the per-package branches (runtime, templates, patients, accounts, credentials, compliance) into one head

Each package added its tables on 0001_foundation in parallel; this revision joins them so the history has a
single head again (new migrations go on top of it). No schema change.

Revision ID: 0700_merge_heads
Revises: 0002_alimtalk_templates, 0003_patients, 0004_accounts, 0005_provider_credentials,
    0101_compliance_signoffs, 0601_runtime_at_rest
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0700_merge_heads"
down_revision: str | Sequence[str] | None = (
    "0002_alimtalk_templates",
    "0003_patients",
    "0004_accounts",
    "0005_provider_credentials",
    "0101_compliance_signoffs",
    "0601_runtime_at_rest",
)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
