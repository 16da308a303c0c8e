"""Study plans and their items, with progress kept across regenerations.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('study_plan',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('analysis_id', sa.Uuid(), nullable=True),
    sa.Column('hours_per_week', sa.Double(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('interview_date', sa.Date(), nullable=False),
    sa.Column('languages', postgresql.ARRAY(sa.String(length=5)), nullable=False),
    sa.Column('study_days', postgresql.ARRAY(sa.String(length=3)), nullable=False),
    sa.Column('session_start', sa.String(length=5), nullable=False),
    sa.Column('granularity', sa.String(length=4), nullable=False),
    sa.Column('capacity_hours', sa.Double(), nullable=False),
    sa.Column('needed_hours', sa.Double(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('notes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('left_out', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('schedule', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['analysis_id'], ['analysis.id'], name=op.f('fk_study_plan_analysis_id_analysis'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['interview_project.id'], name=op.f('fk_study_plan_project_id_interview_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_study_plan_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_plan')),
    sa.UniqueConstraint('project_id', 'resume_id', name=op.f('uq_study_plan_project_id_resume_id'))
    )
    op.create_index(op.f('ix_study_plan_resume_id'), 'study_plan', ['resume_id'], unique=False)
    op.create_table('study_plan_item',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('skill', sa.String(length=100), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('importance', sa.String(length=4), nullable=False),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('hours', sa.Double(), nullable=False),
    sa.Column('scheduled_hours', sa.Double(), nullable=False),
    sa.Column('first_session', sa.Date(), nullable=True),
    sa.Column('last_session', sa.Date(), nullable=True),
    sa.Column('requirements', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('prerequisites', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('builds_on', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('resources', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('self_check', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('status', sa.String(length=8), server_default='todo', nullable=False),
    sa.Column('status_changed_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.CheckConstraint("status IN ('todo', 'done', 'skipped')", name=op.f('ck_study_plan_item_status_allowed')),
    sa.ForeignKeyConstraint(['plan_id'], ['study_plan.id'], name=op.f('fk_study_plan_item_plan_id_study_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_plan_item')),
    sa.UniqueConstraint('plan_id', 'key', name=op.f('uq_study_plan_item_plan_id_key'))
    )
    op.create_index(op.f('ix_study_plan_item_plan_id'), 'study_plan_item', ['plan_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_study_plan_item_plan_id'), table_name='study_plan_item')
    op.drop_table('study_plan_item')
    op.drop_index(op.f('ix_study_plan_resume_id'), table_name='study_plan')
    op.drop_table('study_plan')
