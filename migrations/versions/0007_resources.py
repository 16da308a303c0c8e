"""The learning-resource catalogue, with a vector per resource for retrieval by meaning.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects import postgresql

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('resource',
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('provider', sa.String(length=300), nullable=True),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('free', sa.Boolean(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('hours', sa.Double(), nullable=False),
    sa.Column('skills', postgresql.ARRAY(sa.String(length=100)), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_on', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('modified_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('modified_by', sa.Uuid(), nullable=True),
    sa.Column('embedding', Vector(384), nullable=True),
    sa.Column('embedded_hash', sa.String(length=32), nullable=True),
    sa.CheckConstraint("type IN ('official_docs', 'course', 'book', 'tutorial', 'cheat_sheet', 'certification', 'practice')", name=op.f('ck_resource_type_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource')),
    sa.UniqueConstraint('url', name=op.f('uq_resource_url'))
    )
    op.create_index('ix_resource_embedding', 'resource', ['embedding'], unique=False, postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.create_index('ix_resource_skills', 'resource', ['skills'], unique=False, postgresql_using='gin')


def downgrade() -> None:
    op.drop_index('ix_resource_skills', table_name='resource', postgresql_using='gin')
    op.drop_index('ix_resource_embedding', table_name='resource', postgresql_using='hnsw', postgresql_with={'m': 16, 'ef_construction': 64}, postgresql_ops={'embedding': 'vector_cosine_ops'})
    op.drop_table('resource')
