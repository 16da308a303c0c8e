"""Upkeep over all domains: vectors for rows stored before embeddings existed, or after a failure."""

from __future__ import annotations

import logging
import threading

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.orm import Session

from embeddings.refresh import refresh_embeddings
from service.db import Database
from service.projects.models import ProjectRequirement
from service.interviews.models import Question, ReferenceText
from service.resources.models import Resource
from service.resumes.models import EMBEDDED_SECTIONS

log = logging.getLogger(__name__)

EMBEDDED_MODELS = (*EMBEDDED_SECTIONS, ProjectRequirement, Question, ReferenceText, Resource)


def embed_missing(session: Session, *, batch_size: int = 256, stop: threading.Event | None = None) -> int:
    """Embed every stored section and requirement that has no vector yet; answers how many.
    `stop`, when set, ends the work after the current batch."""
    total = 0
    for model in EMBEDDED_MODELS:
        after = None  # rows without text keep no vector, so walk by id rather than re-query them
        while not (stop is not None and stop.is_set()):
            stmt = sa.select(model).where(model.embedded_hash.is_(None)).order_by(model.id).limit(batch_size)
            if after is not None:
                stmt = stmt.where(model.id > after)
            rows = session.scalars(stmt).all()
            if not rows:
                break
            total += refresh_embeddings(rows)
            session.commit()
            after = rows[-1].id
    return total


class BackgroundEmbedder:
    """Runs `embed_missing` in one daemon thread, again for as long as new work was asked for,
    so bulk imports answer at once and their vectors follow within minutes."""

    def __init__(self, database: Database):
        self._database = database
        self._lock = threading.Lock()
        self._wanted = False
        self._running = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        with self._lock:
            self._wanted = True
            if self._running or self._stop.is_set():
                return
            self._running = True
            self._thread = threading.Thread(target=self._run, name="embed-missing", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 60) -> None:
        """Finish the current batch and end, so the process exits cleanly (and before the
        embedded database stops under it)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._wanted or self._stop.is_set():
                    self._running = False
                    return
                self._wanted = False
            try:
                with self._database.session_factory() as session:
                    count = embed_missing(session, stop=self._stop)
                if count:
                    log.info("embedded %d sections and requirements in the background", count)
            except Exception:
                log.exception("background embedding failed; `copilot embeddings` can finish it")


def init_app(app: Flask, database: Database) -> None:
    if app.config.get("COPILOT_BACKGROUND_EMBEDDINGS", True):
        app.extensions["copilot.embedder"] = BackgroundEmbedder(database)


def embed_soon(session: Session) -> None:
    """After a bulk write: vectors in the background when the app runs one, else now."""
    embedder = current_app.extensions.get("copilot.embedder")
    if embedder is not None:
        embedder.request()
    else:
        embed_missing(session)
