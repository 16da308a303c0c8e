from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Audited, Base, Embedded, UuidPk, Versioned, hnsw_index

QUESTION_KINDS = ["technical", "behavioural", "system_design", "project", "gap"]
LEVELS = ["junior", "mid", "senior", "any"]
INTERVIEW_KINDS = ["technical", "behavioural", "mixed"]


class Question(UuidPk, Audited, Embedded, Base):
    """One question of the bank (seed_data/questions), or a template with placeholders."""

    __tablename__ = "question"
    __table_args__ = (
        sa.Index("ix_question_skills", "skills", postgresql_using="gin"),
        sa.CheckConstraint(f"kind IN ({', '.join(repr(k) for k in QUESTION_KINDS)})", name="kind_allowed"),
    )

    code: Mapped[str] = mapped_column(sa.String(80), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    level: Mapped[str] = mapped_column(sa.String(10))
    skills: Mapped[list[str]] = mapped_column(ARRAY(sa.String(100)))
    competency: Mapped[str | None] = mapped_column(sa.String(60))
    text: Mapped[str] = mapped_column(sa.Text)
    key_points: Mapped[list[Any]] = mapped_column(default=list)
    model_answer: Mapped[str] = mapped_column(sa.Text)
    star: Mapped[dict[str, Any] | None]
    needs: Mapped[list[str]] = mapped_column(ARRAY(sa.String(20)), default=list)
    skill_kinds: Mapped[list[str]] = mapped_column(ARRAY(sa.String(20)), default=list)

    def embedding_text(self) -> str:
        return self.text


hnsw_index(Question)


class ReferenceText(Embedded, Base):
    """A text the answer feedback compares answers with (a bank question, its model answer, a key
    point), keyed by the text's hash and embedded when the bank is loaded, so scoring an answer
    embeds only the answer."""

    __tablename__ = "reference_text"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    text: Mapped[str] = mapped_column(sa.Text)

    def embedding_text(self) -> str:
        return self.text


class Interview(UuidPk, Audited, Versioned, Base):
    """One mock interview of an employee for a project: its planned questions and its turns."""

    __tablename__ = "interview"
    __table_args__ = (sa.CheckConstraint(f"kind IN ({', '.join(repr(k) for k in INTERVIEW_KINDS)})", name="kind_allowed"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview_project.id", ondelete="CASCADE"), index=True)
    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    analysis_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("analysis.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(12))
    difficulty: Mapped[str] = mapped_column(sa.String(10))  # where it started, from the JD's seniority or the request
    current_difficulty: Mapped[str] = mapped_column(sa.String(10))  # where the answers have moved it
    status: Mapped[str] = mapped_column(sa.String(10), default="active", server_default="active")
    # the planned slots: [{"kind", "skill", "skillName", "reason", "requirement", "project", "technology"}]
    plan: Mapped[list[Any]] = mapped_column(default=list)
    score: Mapped[int | None]
    report: Mapped[dict[str, Any] | None]
    finished_on: Mapped[datetime | None]

    turns: Mapped[list[InterviewTurn]] = relationship(
        cascade="all, delete-orphan", order_by="InterviewTurn.position", passive_deletes=True, lazy="selectin"
    )


class InterviewTurn(UuidPk, Audited, Base):
    """One question asked (a planned one or a follow-up) and, once given, its answer and feedback."""

    __tablename__ = "interview_turn"
    __table_args__ = (sa.UniqueConstraint("interview_id", "position"),)

    interview_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    slot: Mapped[int]  # the plan slot it belongs to; a follow-up shares its question's slot
    question_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("question.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    level: Mapped[str] = mapped_column(sa.String(10))
    skill: Mapped[str | None] = mapped_column(sa.String(100))
    follow_up: Mapped[bool] = mapped_column(default=False)
    text: Mapped[str] = mapped_column(sa.Text)
    reason: Mapped[str] = mapped_column(sa.Text)
    key_points: Mapped[list[Any]] = mapped_column(default=list)
    model_answer: Mapped[str | None] = mapped_column(sa.Text)
    star: Mapped[dict[str, Any] | None]
    fill: Mapped[dict[str, Any] | None]  # a template's placeholders as filled in: {"skill": ..., "project": ...}
    answer: Mapped[str | None] = mapped_column(sa.Text)
    duration_seconds: Mapped[float | None]
    score: Mapped[int | None]
    feedback: Mapped[dict[str, Any] | None]
    answered_on: Mapped[datetime | None]
