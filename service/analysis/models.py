from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Audited, Base, UuidPk


class Analysis(UuidPk, Audited, Base):
    """One gap report of a resume against a project's JD, kept as it was when made."""

    __tablename__ = "analysis"
    __table_args__ = (sa.Index("ix_analysis_project_id_created_on", "project_id", "created_on"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("interview_project.id", ondelete="CASCADE"))
    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    score: Mapped[int]
    # the versions of the project (its JD) and the resume the report was made from
    project_version: Mapped[int]
    resume_version: Mapped[int]
    report: Mapped[dict[str, Any]]
