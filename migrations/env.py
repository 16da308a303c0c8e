from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from service.config import Settings
from service.db import resolve_database_url
from service.models import metadata

config = context.config


def run_migrations(connection: sa.Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = sa.create_engine(resolve_database_url(Settings.from_env()))
    try:
        with engine.connect() as connection:
            run_migrations(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run `copilot db upgrade`.")
run_online()
