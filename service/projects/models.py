from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.customers.models import Customer
from service.db import Audited, Base, Embedded, UuidPk, Versioned, hnsw_index

PROJECT_STATUSES = ["draft", "open", "closed"]
CANDIDATE_STATUSES = ["proposed", "preparing", "interviewed", "passed", "failed"]
JOB_DESCRIPTION_MAX = 50_000


def _one_of(column: str, values: list[str]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_allowed")


class InterviewProject(UuidPk, Audited, Versioned, Base):
    """A client opening: the JD the company's employees interview for."""

    __tablename__ = "interview_project"
    __table_args__ = (
        _one_of("status", PROJECT_STATUSES),
        sa.CheckConstraint("positions >= 1", name="positions_positive"),
        sa.CheckConstraint(f"char_length(job_description) <= {JOB_DESCRIPTION_MAX}", name="job_description_length"),
    )

    name: Mapped[str] = mapped_column(sa.String(200))
    name_key: Mapped[str] = mapped_column(sa.String(200), index=True)
    job_description: Mapped[str] = mapped_column(sa.Text)
    customer_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(sa.String(10), default="draft", server_default="draft")
    interview_date: Mapped[date | None]
    positions: Mapped[int] = mapped_column(default=1, server_default="1")
    notes: Mapped[str | None] = mapped_column(sa.Text)
    # read from the JD by the requirement parser
    role_title: Mapped[str | None] = mapped_column(sa.String(200))
    seniority: Mapped[str | None] = mapped_column(sa.String(20))
    parser_version: Mapped[str | None] = mapped_column(sa.String(40))

    customer: Mapped[Customer] = relationship(lazy="joined", innerjoin=True)
    requirements: Mapped[list[ProjectRequirement]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectRequirement.position", passive_deletes=True
    )


class ProjectRequirement(UuidPk, Audited, Embedded, Base):
    """One requirement read from a project's JD (a bullet or a sentence)."""

    __tablename__ = "project_requirement"
    __table_args__ = (_one_of("importance", ["must", "nice"]),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview_project.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    start: Mapped[int]
    end: Mapped[int]
    section: Mapped[str | None] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(20))
    importance: Mapped[str] = mapped_column(sa.String(4))
    min_years: Mapped[float | None]
    level: Mapped[str | None] = mapped_column(sa.String(10))
    # [{"slug", "name", "kind", "min_years", "language_level": {"text", "scale", "cefr"} | null}]
    skills: Mapped[list[Any]] = mapped_column(default=list)

    def embedding_text(self) -> str:
        return self.text


hnsw_index(ProjectRequirement)


class ProjectCandidate(UuidPk, Audited, Versioned, Base):
    """An employee proposed for a project, and how far they got in the client's process."""

    __tablename__ = "project_candidate"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "resume_id"),
        _one_of("status", CANDIDATE_STATUSES),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview_project.id", ondelete="CASCADE"))
    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(sa.String(12), default="proposed", server_default="proposed")
    client_feedback: Mapped[str | None] = mapped_column(sa.Text)

    resume = relationship("Resume", lazy="joined", innerjoin=True, viewonly=True)
