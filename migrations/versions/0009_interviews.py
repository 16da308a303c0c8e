"""The question bank (with a vector per question), mock interviews and their turns.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects import postgresql

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('question',
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('skills', postgresql.ARRAY(sa.String(length=100)), nullable=False),
    sa.Column('competency', sa.String(length=60), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('key_points', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('model_answer', sa.Text(), nullable=False),
    sa.Column('star', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('needs', postgresql.ARRAY(sa.String(length=20)), nullable=False),
    sa.Column('skill_kinds', postgresql.ARRAY(sa.String(length=20)), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('embedding', Vector(384), nullable=True),
    sa.Column('embedded_hash', sa.String(length=32), nullable=True),
    sa.CheckConstraint("kind IN ('technical', 'behavioural', 'system_design', 'project', 'gap')", name=op.f('ck_question_kind_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question')),
    sa.UniqueConstraint('code', name=op.f('uq_question_code'))
    )
    op.create_index('ix_question_embedding', 'question', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.create_index('ix_question_skills', 'question', ['skills'], unique=False, postgresql_using='gin')
    op.create_table('interview',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('analysis_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('difficulty', sa.String(length=10), nullable=False),
    sa.Column('current_difficulty', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='active', nullable=False),
    sa.Column('plan', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('report', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('finished_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('technical', 'behavioural', 'mixed')", name=op.f('ck_interview_kind_allowed')),
    sa.ForeignKeyConstraint(['analysis_id'], ['analysis.id'], name=op.f('fk_interview_analysis_id_analysis'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['interview_project.id'], name=op.f('fk_interview_project_id_interview_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_interview_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    op.create_index(op.f('ix_interview_project_id'), 'interview', ['project_id'], unique=False)
    op.create_index(op.f('ix_interview_resume_id'), 'interview', ['resume_id'], unique=False)
    op.create_table('interview_turn',
    sa.Column('interview_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('skill', sa.String(length=100), nullable=True),
    sa.Column('follow_up', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('key_points', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('model_answer', sa.Text(), nullable=True),
    sa.Column('star', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('duration_seconds', sa.Double(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('feedback', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('answered_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], name=op.f('fk_interview_turn_interview_id_interview'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_interview_turn_question_id_question'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_turn')),
    sa.UniqueConstraint('interview_id', 'position', name=op.f('uq_interview_turn_interview_id_position'))
    )
    op.create_index(op.f('ix_interview_turn_interview_id'), 'interview_turn', ['interview_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_interview_turn_interview_id'), table_name='interview_turn')
    op.drop_table('interview_turn')
    op.drop_index(op.f('ix_interview_resume_id'), table_name='interview')
    op.drop_index(op.f('ix_interview_project_id'), table_name='interview')
    op.drop_table('interview')
    op.drop_index('ix_question_skills', table_name='question', postgresql_using='gin')
    op.drop_index('ix_question_embedding', table_name='question', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_table('question')
