"""Sentence embeddings (pgvector, 384 dimensions) of CV sections and JD requirements, with HNSW
indexes for cosine distance.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import Vector

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('certificate', sa.Column('embedding', Vector(384), nullable=True))
    op.add_column('certificate', sa.Column('embedded_hash', sa.String(length=32), nullable=True))
    op.create_index('ix_certificate_embedding', 'certificate', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.add_column('education', sa.Column('embedding', Vector(384), nullable=True))
    op.add_column('education', sa.Column('embedded_hash', sa.String(length=32), nullable=True))
    op.create_index('ix_education_embedding', 'education', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.add_column('professional_skill', sa.Column('embedding', Vector(384), nullable=True))
    op.add_column('professional_skill', sa.Column('embedded_hash', sa.String(length=32), nullable=True))
    op.create_index('ix_professional_skill_embedding', 'professional_skill', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.add_column('project_requirement', sa.Column('embedding', Vector(384), nullable=True))
    op.add_column('project_requirement', sa.Column('embedded_hash', sa.String(length=32), nullable=True))
    op.create_index('ix_project_requirement_embedding', 'project_requirement', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.add_column('resume_project', sa.Column('embedding', Vector(384), nullable=True))
    op.add_column('resume_project', sa.Column('embedded_hash', sa.String(length=32), nullable=True))
    op.create_index('ix_resume_project_embedding', 'resume_project', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})


def downgrade() -> None:
    op.drop_index('ix_resume_project_embedding', table_name='resume_project', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_column('resume_project', 'embedded_hash')
    op.drop_column('resume_project', 'embedding')
    op.drop_index('ix_project_requirement_embedding', table_name='project_requirement', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_column('project_requirement', 'embedded_hash')
    op.drop_column('project_requirement', 'embedding')
    op.drop_index('ix_professional_skill_embedding', table_name='professional_skill', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_column('professional_skill', 'embedded_hash')
    op.drop_column('professional_skill', 'embedding')
    op.drop_index('ix_education_embedding', table_name='education', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_column('education', 'embedded_hash')
    op.drop_column('education', 'embedding')
    op.drop_index('ix_certificate_embedding', table_name='certificate', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_column('certificate', 'embedded_hash')
    op.drop_column('certificate', 'embedding')
