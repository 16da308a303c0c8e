"""Months of project work per resume (overlaps counted once), kept with the stored skill profile.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('resume', sa.Column('career_months', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('resume', 'career_months')
