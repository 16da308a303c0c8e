"""Requirements read from each project's job description, and the role title and seniority.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('project_requirement',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('importance', sa.String(length=4), nullable=False),
    sa.Column('min_years', sa.Double(), nullable=True),
    sa.Column('level', sa.String(length=10), nullable=True),
    sa.Column('skills', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.CheckConstraint("importance IN ('must', 'nice')", name=op.f('ck_project_requirement_importance_allowed')),
    sa.ForeignKeyConstraint(['project_id'], ['interview_project.id'], name=op.f('fk_project_requirement_project_id_interview_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_requirement'))
    )
    op.create_index(op.f('ix_project_requirement_project_id'), 'project_requirement', ['project_id'], unique=False)
    op.add_column('interview_project', sa.Column('role_title', sa.String(length=200), nullable=True))
    op.add_column('interview_project', sa.Column('seniority', sa.String(length=20), nullable=True))
    op.add_column('interview_project', sa.Column('parser_version', sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column('interview_project', 'parser_version')
    op.drop_column('interview_project', 'seniority')
    op.drop_column('interview_project', 'role_title')
    op.drop_index(op.f('ix_project_requirement_project_id'), table_name='project_requirement')
    op.drop_table('project_requirement')
