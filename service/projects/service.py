"""Interview project use cases: projects, their candidates and interview outcomes."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from embeddings.refresh import refresh_embeddings
from service.customers import service as customers
from service.customers.models import Customer
from service.db import write_derived
from service.errors import Conflict, InvalidInput, NotFound
from service.http import paginate
from service.matching.requirements import RequiredSkill
from service.projects.models import CANDIDATE_STATUSES, InterviewProject, ProjectCandidate, ProjectRequirement
from service.resumes import service as resumes
from service.skills import service as skills
from service.text import fold, like_pattern


def list_projects(
    session: Session,
    *,
    q: str | None = None,
    status: str | None = None,
    customer_id: uuid.UUID | None = None,
    page: int,
    page_size: int,
) -> dict[str, Any]:
    stmt = sa.select(InterviewProject).join(InterviewProject.customer).order_by(
        InterviewProject.created_on.desc(), InterviewProject.id
    )
    if q:
        pattern = like_pattern(q)
        stmt = stmt.where(sa.or_(InterviewProject.name_key.like(pattern), Customer.name_key.like(pattern)))
    if status:
        stmt = stmt.where(InterviewProject.status == status)
    if customer_id:
        stmt = stmt.where(InterviewProject.customer_id == customer_id)
    return paginate(session, stmt, page=page, page_size=page_size)


def get_project(session: Session, *, project_id: uuid.UUID) -> InterviewProject:
    project = session.get(InterviewProject, project_id)
    if project is None:
        raise NotFound(f"No interview project with id {project_id}.")
    return project


def _resolve_customer(session: Session, data: dict[str, Any]) -> None:
    """Turn `customer` (inline, new) or `customerId` into the project's customer_id."""
    inline = data.pop("customer", None)
    if inline is not None:
        data["customer_id"] = customers.add_customer(session, data=inline).id
    elif data.get("customer_id") is not None and session.get(Customer, data["customer_id"]) is None:
        raise InvalidInput(
            f"No customer with id {data['customer_id']}.",
            errors={"customerId": ["No customer with this id; create it first or send customer inline."]},
        )


def _assign(project: InterviewProject, data: dict[str, Any]) -> None:
    reread = "job_description" in data and data["job_description"] != project.job_description
    for key, value in data.items():
        setattr(project, key, value)
    project.name_key = fold(project.name)
    if reread or project.parser_version != skills.PARSER_VERSION:
        for key, value in read_requirements(project).items():
            setattr(project, key, value)


def _skill_record(skill: RequiredSkill) -> dict[str, Any]:
    level = skill.language_level
    return {
        "slug": skill.slug,
        "name": skill.name,
        "kind": skill.kind,
        "min_years": skill.min_years,
        "language_level": {"text": level.text, "scale": level.scale, "cefr": level.cefr} if level else None,
    }


def read_requirements(project: InterviewProject) -> dict[str, Any]:
    """Parse the project's JD into stored requirements (replacing the previous ones); answers the
    project columns the parser derives, for the caller to set."""
    parsed = skills.parse_jd(text=project.job_description)
    project.requirements = [
        ProjectRequirement(
            id=uuid.uuid4(),
            position=position,
            text=requirement.text,
            start=requirement.start,
            end=requirement.end,
            section=requirement.section,
            kind=requirement.kind,
            importance=requirement.importance,
            min_years=requirement.min_years,
            level=requirement.level,
            skills=[_skill_record(skill) for skill in requirement.skills],
        )
        for position, requirement in enumerate(parsed.requirements)
    ]
    refresh_embeddings(project.requirements)
    return {"role_title": parsed.title, "seniority": parsed.seniority, "parser_version": skills.PARSER_VERSION}


def reread_stale_requirements(session: Session) -> int:
    """Parse again the JDs read by an older parser or taxonomy; answers how many."""
    stale = session.scalars(
        sa.select(InterviewProject).where(InterviewProject.parser_version.is_distinct_from(skills.PARSER_VERSION))
    ).all()
    for project in stale:
        write_derived(session, project, **read_requirements(project))
    session.commit()
    return len(stale)


def add_project(session: Session, *, data: dict[str, Any], project_id: uuid.UUID | None = None) -> InterviewProject:
    data = dict(data)
    _resolve_customer(session, data)
    project = InterviewProject(id=project_id or uuid.uuid4())
    _assign(project, data)
    session.add(project)
    session.flush()
    return project


def create_project(session: Session, *, data: dict[str, Any]) -> InterviewProject:
    project = add_project(session, data=data)
    session.commit()
    return project


def update_project(session: Session, *, project: InterviewProject, data: dict[str, Any]) -> InterviewProject:
    data = dict(data)
    if data.get("customer_id") is None and data.get("customer") is None:
        data.pop("customer_id", None)
        data.pop("customer", None)
    _resolve_customer(session, data)
    _assign(project, data)
    session.commit()
    session.refresh(project, ["customer"])
    return project


def delete_project(session: Session, *, project: InterviewProject) -> None:
    session.delete(project)
    session.commit()


def list_candidates(
    session: Session, *, project: InterviewProject, status: str | None = None, page: int, page_size: int
) -> dict[str, Any]:
    stmt = (
        sa.select(ProjectCandidate)
        .where(ProjectCandidate.project_id == project.id)
        .order_by(ProjectCandidate.created_on, ProjectCandidate.id)
    )
    if status:
        stmt = stmt.where(ProjectCandidate.status == status)
    return paginate(session, stmt, page=page, page_size=page_size)


def get_candidate(session: Session, *, project: InterviewProject, resume_id: uuid.UUID) -> ProjectCandidate:
    candidate = session.scalar(
        sa.select(ProjectCandidate).where(ProjectCandidate.project_id == project.id, ProjectCandidate.resume_id == resume_id)
    )
    if candidate is None:
        raise NotFound(f"Resume {resume_id} is not a candidate of project {project.id}.")
    return candidate


def add_candidate(session: Session, *, project: InterviewProject, data: dict[str, Any]) -> ProjectCandidate:
    resume_id = data["resume_id"]
    if not resumes.resume_exists(session, resume_id=resume_id):
        raise InvalidInput(f"No resume with id {resume_id}.", errors={"resumeId": ["No resume with this id."]})
    if session.scalar(
        sa.select(ProjectCandidate.id).where(ProjectCandidate.project_id == project.id, ProjectCandidate.resume_id == resume_id)
    ):
        raise Conflict(f"Resume {resume_id} is already a candidate of this project; update it instead.")
    candidate = ProjectCandidate(id=uuid.uuid4(), project_id=project.id, **data)
    session.add(candidate)
    session.commit()
    session.refresh(candidate, ["resume"])
    return candidate


def update_candidate(session: Session, *, candidate: ProjectCandidate, data: dict[str, Any]) -> ProjectCandidate:
    for key, value in data.items():
        setattr(candidate, key, value)
    session.commit()
    return candidate


def remove_candidate(session: Session, *, candidate: ProjectCandidate) -> None:
    session.delete(candidate)
    session.commit()


def _counts(row: Any) -> dict[str, Any]:
    counts = {status: getattr(row, status) or 0 for status in CANDIDATE_STATUSES}
    decided = counts["passed"] + counts["failed"]
    return {
        **counts,
        "total": sum(counts.values()),
        "success_rate": round(counts["passed"] / decided, 4) if decided else None,
    }


def interview_outcomes(
    session: Session, *, customer_id: uuid.UUID | None = None, project_id: uuid.UUID | None = None
) -> dict[str, Any]:
    """Candidates per pipeline status, and the success rate, overall, per customer and per project."""
    tallies = [
        sa.func.count().filter(ProjectCandidate.status == status).label(status) for status in CANDIDATE_STATUSES
    ]
    base = sa.select(*tallies).select_from(ProjectCandidate).join(InterviewProject).join(Customer)
    if customer_id:
        base = base.where(InterviewProject.customer_id == customer_id)
    if project_id:
        base = base.where(InterviewProject.id == project_id)
    overall = session.execute(base).one()
    by_customer = session.execute(
        base.add_columns(Customer.id.label("customer_id"), Customer.name.label("customer_name"))
        .group_by(Customer.id, Customer.name)
        .order_by(Customer.name)
    ).all()
    by_project = session.execute(
        base.add_columns(
            InterviewProject.id.label("project_id"),
            InterviewProject.name.label("project_name"),
            InterviewProject.customer_id.label("customer_id"),
        )
        .group_by(InterviewProject.id, InterviewProject.name, InterviewProject.customer_id)
        .order_by(InterviewProject.name)
    ).all()
    return {
        "overall": _counts(overall),
        "by_customer": [{"customer_id": r.customer_id, "customer_name": r.customer_name, **_counts(r)} for r in by_customer],
        "by_project": [
            {"project_id": r.project_id, "project_name": r.project_name, "customer_id": r.customer_id, **_counts(r)}
            for r in by_project
        ],
    }


def closest_sections_for_requirement(
    session: Session, *, project: InterviewProject, requirement_id: uuid.UUID, resume_id: uuid.UUID, limit: int
) -> dict[str, Any]:
    """Which of this person's projects, skills, certificates and education are closest in meaning
    to one requirement of the project's JD."""
    requirement = session.get(ProjectRequirement, requirement_id)
    if requirement is None or requirement.project_id != project.id:
        raise NotFound(f"Project {project.id} has no requirement {requirement_id}.")
    if not resumes.resume_exists(session, resume_id=resume_id):
        raise NotFound(f"No resume with id {resume_id}.")
    sections = []
    if requirement.embedding is not None:
        sections = resumes.closest_sections(session, resume_id=resume_id, vector=requirement.embedding, limit=limit)
    return {"requirement": requirement, "sections": sections}
