"""One real PostgreSQL per test session (the embedded server, or DATABASE_URL), migrated once
with Alembic; every test runs inside a transaction that is rolled back afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from service.app import create_app
from service.config import Settings
from service.db import Database, resolve_database_url
from service.migrate import upgrade

# a separate name lets two test runs share one embedded server without dropping each other's database
TEST_DATABASE = os.environ.get("COPILOT_TEST_DB", "copilot_test")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def database(settings: Settings) -> Iterator[Database]:
    # On the embedded server the test database is created anew each run; a DATABASE_URL is used as given.
    url = resolve_database_url(settings, database_name=TEST_DATABASE, recreate=settings.database_url is None)
    database = Database(url)
    upgrade(database.engine)
    yield database
    database.engine.dispose()


@pytest.fixture(scope="session")
def app(settings: Settings, database: Database) -> Flask:
    # no background threads in tests: they would share the test's connection; bulk writes embed at once
    return create_app(settings, database=database, config={"TESTING": True, "COPILOT_BACKGROUND_EMBEDDINGS": False})


@pytest.fixture
def connection(database: Database):
    with database.engine.connect() as connection:
        transaction = connection.begin()
        with database.bound_to(connection):
            yield connection
        transaction.rollback()


@pytest.fixture
def client(app: Flask, connection) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def session(database: Database, connection) -> Iterator[Session]:
    with database.session_factory() as session:
        yield session
