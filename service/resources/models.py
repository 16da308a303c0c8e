from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Audited, Base, Embedded, UuidPk, hnsw_index

RESOURCE_TYPES = ["official_docs", "course", "book", "tutorial", "cheat_sheet", "certification", "practice"]
LEVELS = ["beginner", "intermediate", "advanced"]
LANGUAGES = ["en", "vi", "ja"]


class Resource(UuidPk, Audited, Embedded, Base):
    """One course, book, tutorial, documentation site, cheat sheet, certification or practice site."""

    __tablename__ = "resource"
    __table_args__ = (
        sa.Index("ix_resource_skills", "skills", postgresql_using="gin"),
        sa.CheckConstraint(f"type IN ({', '.join(repr(t) for t in RESOURCE_TYPES)})", name="type_allowed"),
    )

    title: Mapped[str] = mapped_column(sa.String(500))
    url: Mapped[str] = mapped_column(sa.String(2000), unique=True)
    type: Mapped[str] = mapped_column(sa.String(20))
    provider: Mapped[str | None] = mapped_column(sa.String(300))
    language: Mapped[str] = mapped_column(sa.String(5))
    free: Mapped[bool]
    level: Mapped[str] = mapped_column(sa.String(20))
    hours: Mapped[float]
    skills: Mapped[list[str]] = mapped_column(ARRAY(sa.String(100)))

    def embedding_text(self) -> str:
        return f"{self.title}. {self.type.replace('_', ' ')} about {', '.join(self.skills)}"


hnsw_index(Resource)
