import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from service.migrate import alembic_config
from service.models import metadata


def test_migrations_create_exactly_the_models_schema(database):
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_first_migration_enables_pgvector(database):
    with database.engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT extversion FROM pg_extension WHERE extname = 'vector'"))
        assert connection.scalar(sa.text("SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector")) == 1.0


def test_downgrade_to_base_and_upgrade_again(database):
    # PostgreSQL DDL is transactional: run the round trip in a transaction and roll it back.
    with database.engine.connect() as connection:
        transaction = connection.begin()
        config = alembic_config(connection)
        command.downgrade(config, "base")
        assert "resume" not in sa.inspect(connection).get_table_names()
        command.upgrade(config, "head")
        assert {"resume", "customer", "interview_project", "project_candidate"} <= set(sa.inspect(connection).get_table_names())
        transaction.rollback()
