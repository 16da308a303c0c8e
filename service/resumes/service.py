"""Resume use cases: store, read, update, delete, search and bulk-import resume documents."""

from __future__ import annotations

import json
import uuid
from datetime import date
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import marshmallow as ma
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlalchemy.orm import Session, selectinload

from embeddings.refresh import forget_stale_embeddings, refresh_embeddings
from service.db import utcnow, write_derived
from service.matching.experience import (
    CertificateRecord,
    career_months,
    DeclaredSkill,
    LanguageRecord,
    ProjectRecord,
    SkillExperience,
    skill_profile,
)
from service.errors import AppError, Conflict, InvalidInput, NotFound, invalid_input
from service.http import paginate
from service.resumes.models import (
    Certificate,
    Education,
    Language,
    ProfessionalSkill,
    ProjectTechnology,
    Resume,
    ResumeDomain,
    ResumeLanguage,
    ResumeProject,
    ResumeSkill,
)
from service.resumes.schemas import ResumeDocumentSchema
from service.skills import service as skills
from service.text import fold, like_pattern

SECTIONS = ("education", "certificates", "languages", "domain", "projects", "professional_skills")
MAX_IMPORT_ITEMS = 5_000

_FULL_LOAD = [selectinload(getattr(Resume, section)) for section in SECTIONS]


def get_resume(session: Session, *, resume_id: uuid.UUID) -> Resume:
    resume = session.get(Resume, resume_id, options=_FULL_LOAD)
    if resume is None:
        raise NotFound(f"No resume with id {resume_id}.")
    return resume


def document_of(resume: Resume) -> dict[str, Any]:
    """The resume as the customer's document (dumped by ResumeDocumentSchema)."""
    return {"resume": resume, **{section: getattr(resume, section) for section in SECTIONS}}


def list_resumes(session: Session, *, q: str | None = None, page: int, page_size: int) -> dict[str, Any]:
    stmt = sa.select(Resume).order_by(Resume.name_key, Resume.id)
    if q:
        stmt = stmt.where(Resume.name_key.like(like_pattern(q)))
    result = paginate(session, stmt, page=page, page_size=page_size)
    main_skills = _main_skills(session, [resume.id for resume in result["items"]])
    result["items"] = [
        {
            "id": resume.id,
            "first_name": resume.first_name,
            "last_name": resume.last_name,
            "main_skill": main_skills.get(resume.id),
            "created_on": resume.created_on,
            "modified_on": resume.modified_on,
        }
        for resume in result["items"]
    ]
    return result


def _main_skills(session: Session, resume_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not resume_ids:
        return {}
    rows = session.execute(
        sa.select(ProfessionalSkill.resume_id, ProfessionalSkill.job_title_name)
        .where(ProfessionalSkill.resume_id.in_(resume_ids), ProfessionalSkill.is_main_skill.is_(True))
        .order_by(ProfessionalSkill.resume_id, ProfessionalSkill.position)
        .ext(distinct_on(ProfessionalSkill.resume_id))
    )
    return {resume_id: title for resume_id, title in rows if title}


def _language(session: Session, name: str) -> Language:
    key = fold(name)
    lookup = sa.select(Language).where(Language.name_key == key)
    with session.no_autoflush:
        language = session.scalars(lookup).one_or_none()
        if language is None:
            session.execute(
                insert(Language)
                .values(id=uuid.uuid4(), name=name.strip(), name_key=key, created_by=session.info.get("user_id"))
                .on_conflict_do_nothing(index_elements=["name_key"])
            )
            language = session.scalars(lookup).one()
    return language


def _sync(
    existing: Sequence[Any],
    items: Iterable[dict[str, Any]],
    model: type,
    apply: Callable[[Any, dict[str, Any]], None] | None = None,
) -> list[Any]:
    """Rows for `items` in order: a row whose id is sent back is updated in place (keeping its id
    and createdOn), any other item becomes a new row; rows not sent back are deleted by the caller's
    delete-orphan cascade."""
    by_id = {row.id: row for row in existing}
    rows = []
    for position, item in enumerate(items):
        item = dict(item)
        row = by_id.pop(item.pop("id", None), None) or model(id=uuid.uuid4())
        if apply is not None:
            apply(row, item)
        else:
            for key, value in item.items():
                setattr(row, key, value)
        row.position = position
        rows.append(row)
    return rows


def _section_appliers(session: Session) -> dict[str, tuple[type, Callable[[Any, dict[str, Any]], None] | None]]:
    def apply_language(row: ResumeLanguage, item: dict[str, Any]) -> None:
        row.language = _language(session, item["language"]["name"])
        row.proficiency = item.get("proficiency")

    def apply_project(row: ResumeProject, item: dict[str, Any]) -> None:
        names = item.pop("technology", [])
        for key, value in item.items():
            setattr(row, key, value)
        if row.technology != names:
            row.technologies = [ProjectTechnology(id=uuid.uuid4(), name=name, position=i) for i, name in enumerate(names)]

    return {
        "education": (Education, None),
        "certificates": (Certificate, None),
        "languages": (ResumeLanguage, apply_language),
        "domain": (ResumeDomain, None),
        "projects": (ResumeProject, apply_project),
        "professional_skills": (ProfessionalSkill, None),
    }


def _apply_document(
    session: Session, resume: Resume, document: dict[str, Any], *, sections: Iterable[str], embed: bool = True
) -> None:
    """Write the document's parts into the resume. `embed`: make the sections' vectors now;
    otherwise changed sections wait for `embed_missing` (bulk imports)."""
    head = document.get("resume", {})
    for key in ("first_name", "last_name"):
        if key in head:
            setattr(resume, key, head[key].strip())
    resume.name_key = fold(f"{resume.first_name} {resume.last_name}")
    appliers = _section_appliers(session)
    for section in sections:
        model, apply = appliers[section]
        rows = _sync(getattr(resume, section), document.get(section, []), model, apply)
        setattr(resume, section, rows)
    embedded_rows = [*resume.education, *resume.certificates, *resume.projects, *resume.professional_skills]
    if embed:
        refresh_embeddings(embedded_rows)
    else:
        forget_stale_embeddings(embedded_rows)
    profile, months = profile_and_career(resume)
    # set before store_profile flushes a new resume, so creating it is one INSERT
    resume.profile_version = skills.PARSER_VERSION
    resume.career_months = months
    store_profile(session, resume, profile)


def add_resume(session: Session, *, document: dict[str, Any], embed: bool = True) -> Resume:
    """Stage a new resume from a loaded document, without committing."""
    resume_id = document["resume"].get("id") or uuid.uuid4()
    if session.get(Resume, resume_id) is not None:
        raise Conflict(f"A resume with id {resume_id} already exists; update it with PUT or PATCH instead.")
    resume = Resume(id=resume_id)
    for section in SECTIONS:
        setattr(resume, section, [])
    session.add(resume)
    _apply_document(session, resume, document, sections=SECTIONS, embed=embed)
    return resume


def create_resume(session: Session, *, document: dict[str, Any]) -> Resume:
    resume = add_resume(session, document=document)
    session.commit()
    return resume


def update_resume(session: Session, *, resume: Resume, document: dict[str, Any], replace: bool) -> Resume:
    """PUT (`replace`): the document is the whole resume, missing sections become empty.
    PATCH: only the parts present change; a section sent is the whole new section."""
    sent_id = document.get("resume", {}).get("id")
    if sent_id is not None and sent_id != resume.id:
        raise InvalidInput(
            f"resume.id {sent_id} does not match the resume being updated ({resume.id}).",
            errors={"resume.id": ["Must match the id in the URL, or be left out."]},
        )
    _change_resume(session, resume, document, replace=replace)
    session.commit()
    return resume


def _change_resume(session: Session, resume: Resume, document: dict[str, Any], *, replace: bool, embed: bool = True) -> None:
    sections = SECTIONS if replace else [section for section in SECTIONS if section in document]
    _apply_document(session, resume, document, sections=sections, embed=embed)
    # a change in any section is a change of the resume: bump its version (ETag) and modifiedOn
    resume.modified_on = utcnow()


def delete_resume(session: Session, *, resume: Resume) -> None:
    session.delete(resume)
    session.commit()


JSON_LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines")


def parse_import_body(raw: bytes, content_type: str | None) -> list[Any]:
    """A JSON array, or JSON Lines (one document per line) when the content type says so."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AppError("The body must be UTF-8 text.") from None
    if not text.strip():
        raise AppError("The request body is empty: send a JSON array of resume documents, or JSON Lines.")
    if (content_type or "").split(";")[0].strip().lower() in JSON_LINES_TYPES:
        return [_parse_line(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AppError(
            f"The body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}). "
            "For JSON Lines, send Content-Type: application/x-ndjson."
        ) from None
    if not isinstance(items, list):
        raise AppError("Send a JSON array of resume documents (or JSON Lines as application/x-ndjson).")
    return items


def _parse_line(number: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return _UnparsableLine(number, exc.msg)


class _UnparsableLine:
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def import_resumes(session: Session, *, items: Sequence[Any], on_existing: str = "reject") -> dict[str, Any]:
    """Store each valid document whole (in its own savepoint) and report every item. Sections are
    stored without vectors: embedding thousands of sections would hold the request for minutes,
    so the caller runs `embed_missing` afterwards (in the background for the API)."""
    if len(items) > MAX_IMPORT_ITEMS:
        raise AppError(f"At most {MAX_IMPORT_ITEMS} resumes per import; this request has {len(items)}.")
    schema = ResumeDocumentSchema()
    report: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        entry: dict[str, Any] = {"index": index, "id": None, "name": None}
        report.append(entry)
        if isinstance(item, _UnparsableLine):
            entry.update(status="rejected", detail=f"Line {item.line} is not valid JSON: {item.message}.")
            continue
        if not isinstance(item, dict):
            entry.update(status="rejected", detail="Each item must be a resume document (a JSON object).")
            continue
        try:
            document = schema.load(item)
        except ma.ValidationError as exc:
            problem = invalid_input(exc.messages)
            entry.update(status="rejected", detail=problem.detail, errors=problem.errors)
            head = item.get("resume") if isinstance(item.get("resume"), dict) else {}
            entry["name"] = " ".join(str(head.get(key, "")) for key in ("first_name", "last_name")).strip() or None
            continue
        head = document["resume"]
        entry["name"] = f"{head['first_name']} {head['last_name']}"
        entry["id"] = head.get("id")
        existing = session.get(Resume, head["id"], options=_FULL_LOAD) if head.get("id") else None
        if existing is not None and on_existing == "skip":
            entry.update(status="skipped", detail="A resume with this id is already stored.")
            continue
        if existing is not None and on_existing == "reject":
            entry.update(status="rejected", detail=f"A resume with id {existing.id} already exists.")
            continue
        savepoint = session.begin_nested()
        try:
            if existing is not None:
                _change_resume(session, existing, document, replace=True, embed=False)
                resume, status = existing, "replaced"
            else:
                resume, status = add_resume(session, document=document, embed=False), "created"
            session.flush()
            savepoint.commit()
        except (sa.exc.SQLAlchemyError, AppError) as exc:
            savepoint.rollback()
            entry.update(status="rejected", detail=str(getattr(exc, "detail", None) or "The database refused this resume."))
            continue
        entry.update(status=status, id=resume.id, detail=None)
    session.commit()
    counts = {status: sum(1 for entry in report if entry["status"] == status) for status in ("created", "replaced", "skipped", "rejected")}
    return {**counts, "items": report}


def resume_exists(session: Session, *, resume_id: uuid.UUID) -> bool:
    return session.scalar(sa.select(sa.exists().where(Resume.id == resume_id))) or False


def records_of(resume: Resume) -> dict[str, Any]:
    """The resume as the plain records the matching core reads."""
    def day(value: Any) -> Any:
        return value.date() if value is not None else None

    def project_text(project: ResumeProject) -> str:
        parts = (project.domain, project.project_description, project.responsibility, project.technology_by_pm, project.description_by_pm, project.skill)
        return "\n".join(part for part in parts if part)

    return {
        "projects": [
            ProjectRecord(
                ref=str(project.id),
                name=project.name or project.company or "Project",
                start=day(project.start_date),
                end=None if project.status == "On-going" and project.end_date is None else day(project.end_date),
                technologies=tuple(project.technology),
                text=project_text(project),
            )
            for project in resume.projects
        ],
        "declared": [
            DeclaredSkill(
                ref=str(skill.id),
                title=skill.job_title_name or "",
                months=(skill.experience_year or 0) * 12 + (skill.experience_month or 0),
                is_main=bool(skill.is_main_skill),
            )
            for skill in resume.professional_skills
            if skill.job_title_name
        ]
        + [
            # business domains with the time declared in them ("Banking, 3 years 2 months")
            DeclaredSkill(ref=str(domain.id), title=domain.name, months=(domain.year or 0) * 12 + (domain.month or 0), source="domain")
            for domain in resume.domain
        ],
        "certificates": [
            CertificateRecord(
                ref=str(certificate.id),
                name=certificate.certificate or "",
                issued=day(certificate.issue_date),
                text=" ".join(part for part in (certificate.level, certificate.score, certificate.foreign_language, certificate.subject) if part),
            )
            for certificate in resume.certificates
            if certificate.certificate and certificate.status != 2  # a rejected certificate proves nothing
        ],
        "languages": [
            LanguageRecord(ref=str(language.id), name=language.language.name, proficiency=language.proficiency)
            for language in resume.languages
        ],
    }


def skill_profile_of(resume: Resume, *, today: date | None = None) -> list[SkillExperience]:
    """Every skill the resume shows, with years, last use and evidence."""
    return skill_profile(**records_of(resume), extractor=skills.extractor(), today=today or date.today())


def closest_sections(session: Session, *, resume_id: uuid.UUID, vector: Sequence[float], limit: int = 5) -> list[dict[str, Any]]:
    """The resume's sections (projects, professional skills, certificates, education) closest in
    meaning to `vector`, most similar first, with cosine similarity."""
    queries = []
    for model, section in ((ResumeProject, "project"), (ProfessionalSkill, "professional_skill"), (Certificate, "certificate"), (Education, "education")):
        distance = model.embedding.cosine_distance(list(vector))
        queries.append(
            sa.select(sa.literal(section).label("section"), model.id.label("id"), distance.label("distance")).where(
                model.resume_id == resume_id, model.embedding.is_not(None)
            )
        )
    rows = session.execute(sa.union_all(*queries).order_by("distance").limit(limit)).all()
    models = {"project": ResumeProject, "professional_skill": ProfessionalSkill, "certificate": Certificate, "education": Education}
    found = []
    for row in rows:
        record = session.get(models[row.section], row.id)
        found.append({"section": row.section, "id": row.id, "text": record.embedding_text(), "similarity": round(1 - row.distance, 4)})
    return found


def profile_and_career(resume: Resume, *, today: date | None = None) -> tuple[list[SkillExperience], int]:
    """The skill profile and the months of project work, from one reading of the records."""
    today = today or date.today()
    records = records_of(resume)
    return skill_profile(**records, extractor=skills.extractor(), today=today), career_months(records["projects"], today)


def store_profile(session: Session, resume: Resume, profile: Sequence[SkillExperience]) -> None:
    """Keep the resume's precomputed skill profile (resume_skill rows) in step with `profile`."""
    session.flush()
    # the rows are never loaded as objects: nothing in the session to keep in step
    session.execute(
        sa.delete(ResumeSkill).where(ResumeSkill.resume_id == resume.id), execution_options={"synchronize_session": False}
    )
    if profile:
        session.execute(
            ResumeSkill.__table__.insert(),
            [
                {
                    "resume_id": resume.id,
                    "slug": experience.slug,
                    "months": experience.months,
                    "declared_months": experience.declared_months,
                    "last_used": experience.last_used,
                    "cefr": experience.level.cefr if experience.level else None,
                }
                for experience in profile
            ],
        )


def refresh_stale_profiles(session: Session, *, batch_size: int = 200) -> int:
    """Recompute the stored profiles made by an older parser or taxonomy; answers how many."""
    total = 0
    while True:
        stale = session.scalars(
            sa.select(Resume)
            .where(Resume.profile_version.is_distinct_from(skills.PARSER_VERSION))
            .options(*_FULL_LOAD)
            .limit(batch_size)
        ).all()
        if not stale:
            return total
        for resume in stale:
            profile, months = profile_and_career(resume)
            store_profile(session, resume, profile)
            write_derived(session, resume, profile_version=skills.PARSER_VERSION, career_months=months)
        session.commit()
        session.expunge_all()  # done with this batch; keep the session small over thousands of resumes
        total += len(stale)
