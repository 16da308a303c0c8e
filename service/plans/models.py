from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Audited, Base, UuidPk, Versioned

ITEM_STATUSES = ["todo", "done", "skipped"]


class StudyPlan(UuidPk, Audited, Versioned, Base):
    """One employee's plan to close their gaps for one project before its interview."""

    __tablename__ = "study_plan"
    __table_args__ = (sa.UniqueConstraint("project_id", "resume_id"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview_project.id", ondelete="CASCADE"))
    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    analysis_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("analysis.id", ondelete="SET NULL"))
    hours_per_week: Mapped[float]
    start_date: Mapped[date]
    interview_date: Mapped[date]
    languages: Mapped[list[str]] = mapped_column(ARRAY(sa.String(5)))
    study_days: Mapped[list[str]] = mapped_column(ARRAY(sa.String(3)))
    session_start: Mapped[str] = mapped_column(sa.String(5))
    granularity: Mapped[str] = mapped_column(sa.String(4))
    capacity_hours: Mapped[float]
    needed_hours: Mapped[float]
    summary: Mapped[str] = mapped_column(sa.Text)
    notes: Mapped[list[Any]] = mapped_column(default=list)
    left_out: Mapped[list[Any]] = mapped_column(default=list)
    schedule: Mapped[list[Any]] = mapped_column(default=list)

    items: Mapped[list[StudyPlanItem]] = relationship(
        cascade="all, delete-orphan", order_by="StudyPlanItem.position", passive_deletes=True, lazy="selectin"
    )

    @property
    def fits(self) -> bool:
        """Every open item fits in full before the interview."""
        short_of_time = any(entry.get("cause") == "time" for entry in self.left_out)
        return not short_of_time and all(item.scheduled_hours >= item.hours for item in self.items if item.status == "todo")

    @property
    def progress(self) -> dict[str, Any]:
        """Items and hours done, and hours behind the schedule as of today."""
        counted = [item for item in self.items if item.status != "skipped"]
        done = [item for item in counted if item.status == "done"]
        total_hours = sum(item.scheduled_hours for item in counted)
        done_hours = sum(item.scheduled_hours for item in done)
        finished = {item.key for item in self.items if item.status != "todo"}
        today = date.today().isoformat()
        behind = sum(
            session["hours"]
            for period in self.schedule
            for session in period["sessions"]
            if session["date"] < today and session["item_key"] not in finished
        )
        return {
            "done_items": len(done),
            "skipped_items": len(self.items) - len(counted),
            "total_items": len(self.items),
            "done_hours": round(done_hours, 2),
            "remaining_hours": round(total_hours - done_hours, 2),
            "percent": round(100 * done_hours / total_hours) if total_hours else 100,
            "behind_hours": round(behind, 2),
        }


class StudyPlanItem(UuidPk, Audited, Base):
    """One thing to study: a skill (or a requirement in words), with its resources and self-check."""

    __tablename__ = "study_plan_item"
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "key"),
        sa.CheckConstraint(f"status IN ({', '.join(repr(s) for s in ITEM_STATUSES)})", name="status_allowed"),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("study_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    key: Mapped[str] = mapped_column(sa.String(120))
    title: Mapped[str] = mapped_column(sa.String(300))
    skill: Mapped[str | None] = mapped_column(sa.String(100))
    kind: Mapped[str] = mapped_column(sa.String(20))
    importance: Mapped[str] = mapped_column(sa.String(4))
    tier: Mapped[int]
    reason: Mapped[str] = mapped_column(sa.Text)
    hours: Mapped[float]
    scheduled_hours: Mapped[float]
    first_session: Mapped[date | None]
    last_session: Mapped[date | None]
    requirements: Mapped[list[Any]] = mapped_column(default=list)
    prerequisites: Mapped[list[Any]] = mapped_column(default=list)
    builds_on: Mapped[list[Any]] = mapped_column(default=list)
    resources: Mapped[list[Any]] = mapped_column(default=list)
    self_check: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(sa.String(8), default="todo", server_default="todo")
    status_changed_on: Mapped[datetime | None]
