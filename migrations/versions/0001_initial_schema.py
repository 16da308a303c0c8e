"""Initial schema: customers, interview projects, candidates and normalised resumes.

The vector extension is created here so every later migration can add embedding columns.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.create_table('customer',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('contact_name', sa.String(length=200), nullable=True),
    sa.Column('contact_email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=50), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer'))
    )
    op.create_index('uq_customer_name_key', 'customer', ['name_key'], unique=True)
    op.create_table('language',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_language'))
    )
    op.create_index('uq_language_name_key', 'language', ['name_key'], unique=True)
    op.create_table('resume',
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('last_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=401), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume'))
    )
    op.create_index(op.f('ix_resume_name_key'), 'resume', ['name_key'], unique=False)
    op.create_table('certificate',
    sa.Column('certificate', sa.String(length=200), nullable=True),
    sa.Column('certificate_authority', sa.String(length=200), nullable=True),
    sa.Column('not_expired', sa.Boolean(), nullable=True),
    sa.Column('issue_date', sa.DateTime(), nullable=True),
    sa.Column('expiration_date', sa.DateTime(), nullable=True),
    sa.Column('score', sa.String(length=200), nullable=True),
    sa.Column('license_no', sa.String(length=200), nullable=True),
    sa.Column('certificate_url', sa.String(length=500), nullable=True),
    sa.Column('foreign_language', sa.String(length=200), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('is_ctc_sponsor', sa.Boolean(), nullable=True),
    sa.Column('grade', sa.String(length=200), nullable=True),
    sa.Column('certificate_catalog_id', sa.Uuid(), nullable=True),
    sa.Column('provider_id', sa.Uuid(), nullable=True),
    sa.Column('provider', sa.String(length=200), nullable=True),
    sa.Column('field_id', sa.Uuid(), nullable=True),
    sa.Column('field', sa.String(length=200), nullable=True),
    sa.Column('sub_field_id', sa.Uuid(), nullable=True),
    sa.Column('sub_field', sa.String(length=200), nullable=True),
    sa.Column('level_id', sa.Uuid(), nullable=True),
    sa.Column('level', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('attendance', sa.Boolean(), nullable=True),
    sa.Column('file_name', sa.String(length=500), nullable=True),
    sa.Column('is_synced', sa.Boolean(), nullable=True),
    sa.Column('is_education', sa.Boolean(), nullable=True),
    sa.Column('tech_type', sa.String(length=200), nullable=True),
    sa.Column('reject_reason', sa.String(length=500), nullable=True),
    sa.Column('is_not_has_license_number', sa.Boolean(), nullable=True),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.CheckConstraint('status IN (0, 1, 2)', name=op.f('ck_certificate_status_allowed')),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_certificate_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate'))
    )
    op.create_index(op.f('ix_certificate_resume_id'), 'certificate', ['resume_id'], unique=False)
    op.create_table('education',
    sa.Column('school', sa.String(length=200), nullable=True),
    sa.Column('degree', sa.String(length=200), nullable=True),
    sa.Column('major', sa.String(length=200), nullable=True),
    sa.Column('start', sa.DateTime(), nullable=True),
    sa.Column('end', sa.DateTime(), nullable=True),
    sa.Column('grade', sa.String(length=200), nullable=True),
    sa.Column('complete_degree', sa.Boolean(), nullable=True),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_education_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_education'))
    )
    op.create_index(op.f('ix_education_resume_id'), 'education', ['resume_id'], unique=False)
    op.create_table('interview_project',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('job_description', sa.Text(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='draft', nullable=False),
    sa.Column('interview_date', sa.Date(), nullable=True),
    sa.Column('positions', sa.Integer(), server_default='1', nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed')", name=op.f('ck_interview_project_status_allowed')),
    sa.CheckConstraint('char_length(job_description) <= 50000', name=op.f('ck_interview_project_job_description_length')),
    sa.CheckConstraint('positions >= 1', name=op.f('ck_interview_project_positions_positive')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_interview_project_customer_id_customer'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_project'))
    )
    op.create_index(op.f('ix_interview_project_customer_id'), 'interview_project', ['customer_id'], unique=False)
    op.create_index(op.f('ix_interview_project_name_key'), 'interview_project', ['name_key'], unique=False)
    op.create_table('professional_skill',
    sa.Column('job_title_name', sa.String(length=200), nullable=True),
    sa.Column('experience_month', sa.Integer(), nullable=True),
    sa.Column('experience_year', sa.Integer(), nullable=True),
    sa.Column('job_fill_by_user', sa.String(length=500), nullable=True),
    sa.Column('is_main_skill', sa.Boolean(), nullable=True),
    sa.Column('project_info', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_professional_skill_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_professional_skill'))
    )
    op.create_index(op.f('ix_professional_skill_resume_id'), 'professional_skill', ['resume_id'], unique=False)
    op.create_table('resume_domain',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('month', sa.Integer(), nullable=True),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_resume_domain_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume_domain'))
    )
    op.create_index(op.f('ix_resume_domain_resume_id'), 'resume_domain', ['resume_id'], unique=False)
    op.create_table('resume_language',
    sa.Column('language_id', sa.Uuid(), nullable=False),
    sa.Column('proficiency', sa.Integer(), nullable=True),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.CheckConstraint('proficiency BETWEEN 0 AND 6', name=op.f('ck_resume_language_proficiency_range')),
    sa.ForeignKeyConstraint(['language_id'], ['language.id'], name=op.f('fk_resume_language_language_id_language'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_resume_language_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume_language'))
    )
    op.create_index(op.f('ix_resume_language_language_id'), 'resume_language', ['language_id'], unique=False)
    op.create_index(op.f('ix_resume_language_resume_id'), 'resume_language', ['resume_id'], unique=False)
    op.create_table('resume_project',
    sa.Column('resume_project_id', sa.Uuid(), nullable=True),
    sa.Column('project_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('project_key', sa.String(length=200), nullable=True),
    sa.Column('project_code', sa.String(length=200), nullable=True),
    sa.Column('project_rank', sa.String(length=1), nullable=True),
    sa.Column('project_lead', sa.String(length=200), nullable=True),
    sa.Column('project_category', sa.String(length=20), nullable=True),
    sa.Column('customer_code', sa.String(length=200), nullable=True),
    sa.Column('contract_type', sa.String(length=20), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('company', sa.String(length=200), nullable=True),
    sa.Column('type', sa.String(length=10), nullable=True),
    sa.Column('team_size', sa.Integer(), nullable=True),
    sa.Column('search_skill', sa.Integer(), nullable=True),
    sa.Column('project_description', sa.Text(), nullable=True),
    sa.Column('groupname', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=True),
    sa.Column('domain', sa.String(length=200), nullable=True),
    sa.Column('start_date', sa.DateTime(), nullable=True),
    sa.Column('end_date', sa.DateTime(), nullable=True),
    sa.Column('pain_points', sa.Text(), nullable=True),
    sa.Column('key_findings', sa.Text(), nullable=True),
    sa.Column('working_process', sa.Text(), nullable=True),
    sa.Column('responsibility', sa.Text(), nullable=True),
    sa.Column('technology_by_pm', sa.Text(), nullable=True),
    sa.Column('description_by_pm', sa.Text(), nullable=True),
    sa.Column('is_update_team', sa.Boolean(), nullable=True),
    sa.Column('apply_incompleted', sa.Boolean(), nullable=True),
    sa.Column('skill', sa.String(length=200), nullable=True),
    sa.Column('skill_code', sa.String(length=200), nullable=True),
    sa.Column('seniority', sa.String(length=200), nullable=True),
    sa.Column('project_roles', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('project_skills', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('project_jobs', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_resume_project_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume_project'))
    )
    op.create_index(op.f('ix_resume_project_resume_id'), 'resume_project', ['resume_id'], unique=False)
    op.create_table('project_candidate',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('resume_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=12), server_default='proposed', nullable=False),
    sa.Column('client_feedback', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("status IN ('proposed', 'preparing', 'interviewed', 'passed', 'failed')", name=op.f('ck_project_candidate_status_allowed')),
    sa.ForeignKeyConstraint(['project_id'], ['interview_project.id'], name=op.f('fk_project_candidate_project_id_interview_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], name=op.f('fk_project_candidate_resume_id_resume'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_candidate')),
    sa.UniqueConstraint('project_id', 'resume_id', name=op.f('uq_project_candidate_project_id_resume_id'))
    )
    op.create_index(op.f('ix_project_candidate_resume_id'), 'project_candidate', ['resume_id'], unique=False)
    op.create_table('resume_project_technology',
    sa.Column('project_ref_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['project_ref_id'], ['resume_project.id'], name=op.f('fk_resume_project_technology_project_ref_id_resume_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resume_project_technology'))
    )
    op.create_index(op.f('ix_resume_project_technology_project_ref_id'), 'resume_project_technology', ['project_ref_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_resume_project_technology_project_ref_id'), table_name='resume_project_technology')
    op.drop_table('resume_project_technology')
    op.drop_index(op.f('ix_project_candidate_resume_id'), table_name='project_candidate')
    op.drop_table('project_candidate')
    op.drop_index(op.f('ix_resume_project_resume_id'), table_name='resume_project')
    op.drop_table('resume_project')
    op.drop_index(op.f('ix_resume_language_resume_id'), table_name='resume_language')
    op.drop_index(op.f('ix_resume_language_language_id'), table_name='resume_language')
    op.drop_table('resume_language')
    op.drop_index(op.f('ix_resume_domain_resume_id'), table_name='resume_domain')
    op.drop_table('resume_domain')
    op.drop_index(op.f('ix_professional_skill_resume_id'), table_name='professional_skill')
    op.drop_table('professional_skill')
    op.drop_index(op.f('ix_interview_project_name_key'), table_name='interview_project')
    op.drop_index(op.f('ix_interview_project_customer_id'), table_name='interview_project')
    op.drop_table('interview_project')
    op.drop_index(op.f('ix_education_resume_id'), table_name='education')
    op.drop_table('education')
    op.drop_index(op.f('ix_certificate_resume_id'), table_name='certificate')
    op.drop_table('certificate')
    op.drop_index(op.f('ix_resume_name_key'), table_name='resume')
    op.drop_table('resume')
    op.drop_index('uq_language_name_key', table_name='language')
    op.drop_table('language')
    op.drop_index('uq_customer_name_key', table_name='customer')
    op.drop_table('customer')
