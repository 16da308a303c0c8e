"""The customer's resume schema, normalised: one table per section, JSON only for free-form lists."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Audited, Base, Embedded, UuidPk, Versioned, hnsw_index

# Calendar dates from the resume schema ("YYYY-MM-DDTHH:MM:SS"), kept exactly as given: no time zone.
CalendarDateTime = sa.DateTime(timezone=False)


def _section(model: str) -> Any:
    """A resume's list of section rows, kept in the order the document gave them."""
    return relationship(back_populates="resume", cascade="all, delete-orphan", order_by=f"{model}.position", passive_deletes=True)


class Resume(UuidPk, Audited, Versioned, Base):
    __tablename__ = "resume"

    first_name: Mapped[str] = mapped_column(sa.String(200))
    last_name: Mapped[str] = mapped_column(sa.String(200))
    # folded "first last" (lower case, no accents) for search
    name_key: Mapped[str] = mapped_column(sa.String(401), index=True)
    # parser version the stored skill profile (resume_skill rows) was computed with
    profile_version: Mapped[str | None] = mapped_column(sa.String(40))
    # months of project work in all, overlaps counted once (part of the stored profile)
    career_months: Mapped[int | None]

    education: Mapped[list[Education]] = _section("Education")
    certificates: Mapped[list[Certificate]] = _section("Certificate")
    languages: Mapped[list[ResumeLanguage]] = _section("ResumeLanguage")
    domain: Mapped[list[ResumeDomain]] = _section("ResumeDomain")
    projects: Mapped[list[ResumeProject]] = _section("ResumeProject")
    professional_skills: Mapped[list[ProfessionalSkill]] = _section("ProfessionalSkill")


class ResumeChild(UuidPk, Audited):
    """Columns every section row has: its resume and its place in the resume's list."""

    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)


def _joined(*parts: object) -> str:
    return " ".join(str(part).strip() for part in parts if part not in (None, "", []))


class Education(ResumeChild, Embedded, Base):
    __tablename__ = "education"

    school: Mapped[str | None] = mapped_column(sa.String(200))
    degree: Mapped[str | None] = mapped_column(sa.String(200))
    major: Mapped[str | None] = mapped_column(sa.String(200))
    start: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    end: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    grade: Mapped[str | None] = mapped_column(sa.String(200))
    complete_degree: Mapped[bool | None]

    resume: Mapped[Resume] = relationship(back_populates="education")

    def embedding_text(self) -> str:
        return _joined(self.degree, f"in {self.major}" if self.major else None, f"at {self.school}" if self.school else None)


class Certificate(ResumeChild, Embedded, Base):
    __tablename__ = "certificate"
    __table_args__ = (sa.CheckConstraint("status IN (0, 1, 2)", name="status_allowed"),)

    certificate: Mapped[str | None] = mapped_column(sa.String(200))
    certificate_authority: Mapped[str | None] = mapped_column(sa.String(200))
    not_expired: Mapped[bool | None]
    issue_date: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    expiration_date: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    score: Mapped[str | None] = mapped_column(sa.String(200))
    license_no: Mapped[str | None] = mapped_column(sa.String(200))
    certificate_url: Mapped[str | None] = mapped_column(sa.String(500))
    foreign_language: Mapped[str | None] = mapped_column(sa.String(200))
    subject: Mapped[str | None] = mapped_column(sa.String(200))
    is_ctc_sponsor: Mapped[bool | None]
    grade: Mapped[str | None] = mapped_column(sa.String(200))
    certificate_catalog_id: Mapped[uuid.UUID | None]
    provider_id: Mapped[uuid.UUID | None]
    provider: Mapped[str | None] = mapped_column(sa.String(200))
    field_id: Mapped[uuid.UUID | None]
    field: Mapped[str | None] = mapped_column(sa.String(200))
    sub_field_id: Mapped[uuid.UUID | None]
    sub_field: Mapped[str | None] = mapped_column(sa.String(200))
    level_id: Mapped[uuid.UUID | None]
    level: Mapped[str | None] = mapped_column(sa.String(200))
    status: Mapped[int | None]
    attendance: Mapped[bool | None]
    file_name: Mapped[str | None] = mapped_column(sa.String(500))
    is_synced: Mapped[bool | None]
    is_education: Mapped[bool | None]
    tech_type: Mapped[str | None] = mapped_column(sa.String(200))
    reject_reason: Mapped[str | None] = mapped_column(sa.String(500))
    is_not_has_license_number: Mapped[bool | None]

    resume: Mapped[Resume] = relationship(back_populates="certificates")

    def embedding_text(self) -> str:
        return _joined(self.certificate, self.level, self.score, self.subject, self.sub_field, self.certificate_authority)


class Language(UuidPk, Audited, Base):
    """A spoken language, shared by every resume that lists it."""

    __tablename__ = "language"
    __table_args__ = (sa.Index("uq_language_name_key", "name_key", unique=True),)

    name: Mapped[str] = mapped_column(sa.String(100))
    name_key: Mapped[str] = mapped_column(sa.String(100))


class ResumeLanguage(ResumeChild, Base):
    __tablename__ = "resume_language"
    __table_args__ = (sa.CheckConstraint("proficiency BETWEEN 0 AND 6", name="proficiency_range"),)

    language_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("language.id", ondelete="RESTRICT"), index=True)
    proficiency: Mapped[int | None]

    language: Mapped[Language] = relationship(lazy="joined", innerjoin=True)
    resume: Mapped[Resume] = relationship(back_populates="languages")


class ResumeDomain(ResumeChild, Base):
    __tablename__ = "resume_domain"

    name: Mapped[str] = mapped_column(sa.String(200))
    year: Mapped[int | None]
    month: Mapped[int | None]

    resume: Mapped[Resume] = relationship(back_populates="domain")


class ResumeProject(ResumeChild, Embedded, Base):
    __tablename__ = "resume_project"

    resume_project_id: Mapped[uuid.UUID | None]
    project_id: Mapped[uuid.UUID | None]
    name: Mapped[str | None] = mapped_column(sa.String(200))
    project_key: Mapped[str | None] = mapped_column(sa.String(200))
    project_code: Mapped[str | None] = mapped_column(sa.String(200))
    project_rank: Mapped[str | None] = mapped_column(sa.String(1))
    project_lead: Mapped[str | None] = mapped_column(sa.String(200))
    project_category: Mapped[str | None] = mapped_column(sa.String(20))
    customer_code: Mapped[str | None] = mapped_column(sa.String(200))
    contract_type: Mapped[str | None] = mapped_column(sa.String(20))
    url: Mapped[str | None] = mapped_column(sa.String(500))
    company: Mapped[str | None] = mapped_column(sa.String(200))
    type: Mapped[str | None] = mapped_column(sa.String(10))
    team_size: Mapped[int | None]
    search_skill: Mapped[int | None]
    project_description: Mapped[str | None] = mapped_column(sa.Text)
    groupname: Mapped[str | None] = mapped_column(sa.String(200))
    status: Mapped[str | None] = mapped_column(sa.String(10))
    domain: Mapped[str | None] = mapped_column(sa.String(200))
    start_date: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    end_date: Mapped[datetime | None] = mapped_column(CalendarDateTime)
    pain_points: Mapped[str | None] = mapped_column(sa.Text)
    key_findings: Mapped[str | None] = mapped_column(sa.Text)
    working_process: Mapped[str | None] = mapped_column(sa.Text)
    responsibility: Mapped[str | None] = mapped_column(sa.Text)
    technology_by_pm: Mapped[str | None] = mapped_column(sa.Text)
    description_by_pm: Mapped[str | None] = mapped_column(sa.Text)
    is_update_team: Mapped[bool | None]
    apply_incompleted: Mapped[bool | None]
    skill: Mapped[str | None] = mapped_column(sa.String(200))
    skill_code: Mapped[str | None] = mapped_column(sa.String(200))
    seniority: Mapped[str | None] = mapped_column(sa.String(200))
    project_roles: Mapped[list[Any]] = mapped_column(default=list)
    project_skills: Mapped[list[Any]] = mapped_column(default=list)
    project_jobs: Mapped[list[Any]] = mapped_column(default=list)

    technologies: Mapped[list[ProjectTechnology]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectTechnology.position", passive_deletes=True, lazy="selectin"
    )
    resume: Mapped[Resume] = relationship(back_populates="projects")

    @property
    def technology(self) -> list[str]:
        return [item.name for item in self.technologies]

    def embedding_text(self) -> str:
        technologies = f"Technologies: {', '.join(self.technology)}." if self.technologies else None
        roles = f"Roles: {', '.join(str(role) for role in self.project_roles)}." if self.project_roles else None
        return _joined(self.name, self.domain, self.project_description, self.responsibility, technologies, roles)


class ProjectTechnology(UuidPk, Audited, Base):
    """One entry of a resume project's `technology` list."""

    __tablename__ = "resume_project_technology"

    project_ref_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume_project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)


class ProfessionalSkill(ResumeChild, Embedded, Base):
    __tablename__ = "professional_skill"

    job_title_name: Mapped[str | None] = mapped_column(sa.String(200))
    experience_month: Mapped[int | None]
    experience_year: Mapped[int | None]
    job_fill_by_user: Mapped[str | None] = mapped_column(sa.String(500))
    is_main_skill: Mapped[bool | None]
    project_info: Mapped[list[Any]] = mapped_column(default=list)

    resume: Mapped[Resume] = relationship(back_populates="professional_skills")

    def embedding_text(self) -> str:
        years = f"{self.experience_year} years" if self.experience_year else None
        return _joined(self.job_title_name, years)


# the CV sections a JD requirement is compared with by meaning
EMBEDDED_SECTIONS = (Education, Certificate, ResumeProject, ProfessionalSkill)
for _section_model in EMBEDDED_SECTIONS:
    hnsw_index(_section_model)


class ResumeSkill(Base):
    """The resume's skill profile, precomputed on every write so ranking a bench is one query."""

    __tablename__ = "resume_skill"

    resume_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resume.id", ondelete="CASCADE"), primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(100), primary_key=True, index=True)
    months: Mapped[int]
    declared_months: Mapped[int]
    last_used: Mapped[date | None]
    cefr: Mapped[str | None] = mapped_column(sa.String(2))
