"""Gap analyses: a stored report per resume and project, kept when the CV or JD changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('analysis',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('project_version', sa.Integer(), nullable=False),
    sa.Column('resume_version', sa.Integer(), nullable=False),
    sa.Column('report', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['interview_project.id'], name=op.f('fk_analysis_project_id_interview_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_analysis_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analysis'))
    )
    op.create_index('ix_analysis_project_id_created_on', 'analysis', ['project_id', 'created_on'], unique=False)
    op.create_index(op.f('ix_analysis_resume_id'), 'analysis', ['resume_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_analysis_resume_id'), table_name='analysis')
    op.drop_index('ix_analysis_project_id_created_on', table_name='analysis')
    op.drop_table('analysis')
