"""Gap analysis use cases: make, store and read reports of a resume against a project's JD."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from embeddings.model import EmbeddingModel, cosine, default_model
from service.analysis.models import Analysis
from service.errors import NotFound
from service.http import as_json, newest_first
from service.analysis.tailor import markdown, tailor
from service.matching.gaps import GapReport, RequiredSkillInput, RequirementInput, SectionMatch, analyse, described
from service.matching.suggestions import suggest
from service.matching.experience import Evidence, SkillExperience, career_months, skill_profile
from service.matching.languages import LanguageLevel
from service.projects.models import InterviewProject, ProjectCandidate
from service.resumes.models import Education, Resume, ResumeSkill
from service.resumes import service as resumes
from service.resumes.schemas import ResumeDocumentSchema
from service.skills import service as skills

CLOSEST_PER_REQUIREMENT = 2


def _inputs(project: InterviewProject) -> list[RequirementInput]:
    return [
        RequirementInput(
            ref=str(requirement.id),
            text=requirement.text,
            kind=requirement.kind,
            importance=requirement.importance,
            min_years=requirement.min_years,
            skills=tuple(
                RequiredSkillInput(
                    slug=skill["slug"],
                    name=skill["name"],
                    kind=skill["kind"],
                    min_years=skill.get("min_years"),
                    cefr=(skill.get("language_level") or {}).get("cefr"),
                )
                for skill in requirement.skills
            ),
        )
        for requirement in project.requirements
    ]


_SENTENCES = re.compile(r"(?:\n+|(?<=[.;])\s+)")


def sharpen(vector: Sequence[float], matches: Sequence[SectionMatch], model: EmbeddingModel | None = None) -> list[SectionMatch]:
    """The sentences of the closest sections nearest in meaning to the requirement: one sentence
    that proves it is blurred in a whole project's vector."""
    sentences = [
        (match, sentence)
        for match in matches
        for sentence in (part.strip(" -•*\t") for part in _SENTENCES.split(match.text))
        if len(sentence) > 15
    ]
    if not sentences:
        return list(matches)
    vectors = (model or default_model()).embed([sentence for _, sentence in sentences])
    scored = [
        SectionMatch(match.ref, match.section, sentence, round(cosine(vector, sentence_vector), 4))
        for (match, sentence), sentence_vector in zip(sentences, vectors, strict=True)
    ]
    return sorted(scored, key=lambda match: -match.similarity)[: len(matches)]


def _closest(
    session: Session, project: InterviewProject, requirements: Sequence[RequirementInput], resume_id: uuid.UUID
) -> dict[str, list[SectionMatch]]:
    """For each requirement described in words, the resume's sections nearest in meaning
    (pgvector), sharpened to their nearest sentences."""
    stored = {str(requirement.id): requirement for requirement in project.requirements}
    closest = {}
    for requirement in requirements:
        vector = stored[requirement.ref].embedding
        if vector is None or not described(requirement):
            continue
        rows = resumes.closest_sections(session, resume_id=resume_id, vector=vector, limit=CLOSEST_PER_REQUIREMENT)
        matches = [SectionMatch(str(row["id"]), row["section"], row["text"], row["similarity"]) for row in rows]
        closest[requirement.ref] = sharpen(vector, matches)
    return closest


def report_json(report: GapReport) -> dict[str, Any]:
    return as_json(dataclasses.asdict(report))


def create_analysis(session: Session, *, project: InterviewProject, resume_id: uuid.UUID, today: date | None = None) -> Analysis:
    resume = resumes.get_resume(session, resume_id=resume_id)
    records = resumes.records_of(resume)
    profile = skill_profile(**records, extractor=skills.extractor(), today=today or date.today())
    requirements = _inputs(project)
    report = analyse(
        requirements=requirements,
        profile=profile,
        closest=_closest(session, project, requirements, resume.id),
        has_degree=any(education.degree for education in resume.education),
        taxonomy=skills.taxonomy(),
        today=today or date.today(),
        career_months=career_months(records["projects"], today or date.today()),
    )
    suggestions = suggest(
        report=report,
        profile=profile,
        projects=records["projects"],
        project_paths=[f"projects[{index}]" for index in range(len(records["projects"]))],
        extractor=skills.extractor(),
    )
    analysis = Analysis(
        id=uuid.uuid4(),
        project_id=project.id,
        resume_id=resume.id,
        score=report.score,
        project_version=project.version,
        resume_version=resume.version,
        report={**report_json(report), "suggestions": as_json([dataclasses.asdict(s) for s in suggestions])},
    )
    session.add(analysis)
    session.commit()
    return analysis


def current_analysis(session: Session, *, project: InterviewProject, resume: Resume, notes: list[str]) -> Analysis:
    """The latest analysis of the pair, made anew (and said so in `notes`) when there is none
    or the JD or the CV changed since."""
    latest = session.scalars(
        sa.select(Analysis)
        .where(Analysis.project_id == project.id, Analysis.resume_id == resume.id)
        .order_by(Analysis.created_on.desc(), Analysis.id)
        .limit(1)
    ).first()
    if latest is not None and latest.project_version == project.version and latest.resume_version == resume.version:
        return latest
    notes.append("A new gap analysis was made: " + ("there was none yet." if latest is None else "the project or the resume changed since the last one."))
    return create_analysis(session, project=project, resume_id=resume.id)


def get_analysis(session: Session, *, project: InterviewProject, analysis_id: uuid.UUID) -> Analysis:
    analysis = session.get(Analysis, analysis_id)
    if analysis is None or analysis.project_id != project.id:
        raise NotFound(f"Project {project.id} has no analysis {analysis_id}.")
    return analysis


def list_analyses(
    session: Session, *, project_id: uuid.UUID | None = None, resume_id: uuid.UUID | None = None, page: int, page_size: int
) -> dict[str, Any]:
    return newest_first(session, Analysis, project_id=project_id, resume_id=resume_id, page=page, page_size=page_size)


def tailored_resume(session: Session, *, analysis: Analysis) -> dict[str, Any]:
    """The resume as it is now, with the analysis's suggestions applied, and as Markdown."""
    resume = resumes.get_resume(session, resume_id=analysis.resume_id)
    document = ResumeDocumentSchema().dump(resumes.document_of(resume))
    tailored = tailor(document, analysis.report.get("suggestions", []))
    return {
        "analysis_id": analysis.id,
        "resume_changed_since": resume.version != analysis.resume_version,
        "resume": tailored,
        "suggestions": analysis.report.get("suggestions", []),
        "markdown": markdown(tailored),
    }


def _stored_profile(rows: list[ResumeSkill]) -> list[SkillExperience]:
    """The precomputed profile rows as the gap analysis reads them."""
    taxonomy = skills.taxonomy()
    profile = []
    for row in rows:
        skill = taxonomy.get(row.slug)
        if skill is None:
            continue
        level = LanguageLevel(row.cefr, "profile", row.cefr) if row.cefr else None
        evidence = [Evidence("profile", str(row.resume_id), "stored skill profile", f"{row.months} months in projects")]
        profile.append(
            SkillExperience(skill.slug, skill.name, skill.kind, skill.category, row.months, row.declared_months, row.last_used, level, evidence)
        )
    return profile


def rank_bench(
    session: Session, *, project: InterviewProject, limit: int, available_only: bool = False, today: date | None = None
) -> list[dict[str, Any]]:
    """Every stored resume ranked for the project from the precomputed skill profiles: one query
    shortlists by the JD's skills, then the gap rules score the shortlist (evidence by meaning
    is left to the full analysis each row links to)."""
    requirements = _inputs(project)
    taxonomy = skills.taxonomy()
    weights: dict[str, float] = {}
    for requirement in requirements:
        for skill in requirement.skills:
            weight = 3.0 if requirement.importance == "must" else 1.0
            weights[skill.slug] = max(weights.get(skill.slug, 0.0), weight)
            for related in taxonomy.related(skill.slug):
                weights.setdefault(related, 0.3 * weight)
    if not weights:
        return []
    wanted = sa.values(sa.column("slug", sa.String), sa.column("weight", sa.Float), name="wanted").data(list(weights.items()))
    shortlist = (
        sa.select(ResumeSkill.resume_id)
        .join(wanted, wanted.c.slug == ResumeSkill.slug)
        .group_by(ResumeSkill.resume_id)
        .order_by(sa.func.sum(wanted.c.weight).desc(), ResumeSkill.resume_id)
        .limit(max(limit * 10, 200))
    )
    if available_only:
        busy = (
            sa.select(ProjectCandidate.resume_id)
            .join(InterviewProject, InterviewProject.id == ProjectCandidate.project_id)
            .where(
                InterviewProject.status == "open",
                InterviewProject.id != project.id,
                ProjectCandidate.status.in_(["proposed", "preparing", "interviewed"]),
            )
        )
        shortlist = shortlist.where(ResumeSkill.resume_id.not_in(busy))
    ids = list(session.scalars(shortlist))
    rows: dict[uuid.UUID, list[ResumeSkill]] = {resume_id: [] for resume_id in ids}
    for row in session.scalars(sa.select(ResumeSkill).where(ResumeSkill.resume_id.in_(ids), ResumeSkill.slug.in_(list(weights)))):
        rows[row.resume_id].append(row)
    people = {row.id: row for row in session.execute(sa.select(Resume.id, Resume.first_name, Resume.last_name, Resume.career_months).where(Resume.id.in_(ids)))}
    graduates = set(session.scalars(sa.select(Education.resume_id).where(Education.resume_id.in_(ids), Education.degree.is_not(None))))
    latest = dict(
        session.execute(
            sa.select(Analysis.resume_id, Analysis.id)
            .where(Analysis.project_id == project.id, Analysis.resume_id.in_(ids))
            .order_by(Analysis.resume_id, Analysis.created_on.desc())
            .ext(distinct_on(Analysis.resume_id))
        ).all()
    )
    ranked = []
    for resume_id in ids:
        report = analyse(
            requirements=requirements,
            profile=_stored_profile(rows[resume_id]),
            closest={},
            has_degree=resume_id in graduates,
            taxonomy=taxonomy,
            today=today or date.today(),
            career_months=people[resume_id].career_months or 0,
        )
        musts = [r for r in report.requirements if r.scored and r.importance == "must"]
        ranked.append(
            {
                "resume_id": resume_id,
                "name": f"{people[resume_id].first_name} {people[resume_id].last_name}",
                "score": report.score,
                "matched_must_haves": [r.text for r in musts if r.status == "matched"][:3],
                "missing_must_haves": [r.text for r in musts if r.status == "missing"][:3],
                "analysis_id": latest.get(resume_id),
                "analysis_url": f"/api/v1/projects/{project.id}/analyses" + (f"/{latest[resume_id]}" if resume_id in latest else ""),
            }
        )
    ranked.sort(key=lambda row: (-row["score"], row["name"], str(row["resume_id"])))
    return ranked[:limit]
