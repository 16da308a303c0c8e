"""Precomputed skill profile per resume (resume_skill), so ranking a bench is one query.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('resume_skill',
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('declared_months', sa.Integer(), nullable=False),
    sa.Column('last_used', sa.Date(), nullable=True),
    sa.Column('cefr', sa.String(length=2), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_resume_skill_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('resume_id', 'slug', name=op.f('pk_resume_skill'))
    )
    op.create_index(op.f('ix_resume_skill_slug'), 'resume_skill', ['slug'], unique=False)
    op.add_column('resume', sa.Column('profile_version', sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column('resume', 'profile_version')
    op.drop_index(op.f('ix_resume_skill_slug'), table_name='resume_skill')
    op.drop_table('resume_skill')
