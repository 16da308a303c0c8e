"""Load the seed data (customers, interview projects, resumes, candidates). Re-runnable: whatever
is already stored, by id, is left as it is, so loading twice changes nothing."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from service.customers import service as customers
from service.customers.models import Customer
from service.customers.schemas import CustomerSchema
from service.projects import service as projects
from service.errors import Conflict
from embeddings.model import text_hash
from service.interviews.models import Question, ReferenceText
from service.matching.feedback import KeyPoint, reference_texts
from service.projects.models import InterviewProject
from service.projects.schemas import CandidateSchema, ProjectSchema
from service.resumes import service as resumes
from service.resources.models import Resource
from service.resumes.models import Resume

SEED_DIR = Path(__file__).parent


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def resume_documents() -> list[dict[str, Any]]:
    """Every seed resume, in file order."""
    return [_read(path) for path in sorted((SEED_DIR / "resumes").glob("*.json"))]


def load_seed(session: Session, *, today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    summary = {"customers": 0, "projects": 0, "resumes": 0, "resources": 0, "questions": 0, "candidates": 0}

    for raw in _read(SEED_DIR / "customers.json"):
        customer_id = uuid.UUID(raw.pop("id"))
        if session.get(Customer, customer_id) is None:
            customers.add_customer(session, data=CustomerSchema().load(raw), customer_id=customer_id)
            summary["customers"] += 1
    session.flush()

    for path in sorted((SEED_DIR / "projects").glob("*.json")):
        raw = _read(path)
        project_id = uuid.UUID(raw.pop("id"))
        days = raw.pop("interviewInDays", None)
        if days is not None:
            raw["interviewDate"] = (today + timedelta(days=days)).isoformat()
        if session.get(InterviewProject, project_id) is None:
            projects.add_project(session, data=ProjectSchema().load(raw), project_id=project_id)
            summary["projects"] += 1

    report = resumes.import_resumes(session, items=resume_documents(), on_existing="skip")
    rejected = [item for item in report["items"] if item["status"] == "rejected"]
    if rejected:
        raise ValueError(f"seed resumes rejected: {rejected}")
    summary["resumes"] = report["created"]

    summary |= load_reference_data(session)

    for raw in _read(SEED_DIR / "candidates.json"):
        project = projects.get_project(session, project_id=uuid.UUID(raw.pop("projectId")))
        try:
            projects.add_candidate(session, project=project, data=CandidateSchema().load(raw))
            summary["candidates"] += 1
        except Conflict:
            pass
    session.commit()
    return summary


def is_empty(session: Session) -> bool:
    """True on a fresh database: no resume and no customer stored yet, by a user or a seed."""
    return not any(session.scalar(sa.select(sa.select(model.id).exists())) for model in (Resume, Customer))


def load_reference_data(session: Session) -> dict[str, int]:
    """What ships with each release rather than being entered by users: the resource catalogue
    and the question bank (with its reference texts). Safe to run on every start: only what is
    new or changed is written."""
    return {"resources": load_resources(session), "questions": load_questions(session)}


def load_resources(session: Session) -> int:
    """The learning-resource catalogue (seed_data/resources/resources.json); resources already
    stored (by id) are left as they are. Vectors follow in the background (embed_missing)."""
    stored = set(session.scalars(sa.select(Resource.id)))  # on every start: insert only what is new
    rows = [
        {key: entry[key] for key in ("title", "url", "type", "provider", "language", "free", "level", "hours", "skills")}
        | {"id": uuid.UUID(entry["id"])}
        for entry in _read(SEED_DIR / "resources" / "resources.json")
        if uuid.UUID(entry["id"]) not in stored
    ]
    created = 0
    for start in range(0, len(rows), 500):
        result = session.execute(insert(Resource).values(rows[start : start + 500]).on_conflict_do_nothing())
        created += result.rowcount
    return created


def question_records() -> list[dict[str, Any]]:
    """Every question of the bank (seed_data/questions, format in docs/question-bank.md)."""
    folder = SEED_DIR / "questions"
    paths = sorted((folder / "technical").glob("*.json")) + sorted(folder.glob("*.json"))
    return [entry for path in paths for entry in _read(path)]


def load_questions(session: Session) -> int:
    """The question bank, by code: new questions are added, changed ones updated (their vector is
    made again when the wording changed). Answers how many rows were written."""
    records = question_records()
    rows = [
        {
            "id": uuid.uuid5(uuid.NAMESPACE_URL, f"interview-copilot:question:{entry['id']}"),
            "code": entry["id"],
            "kind": entry["kind"],
            "level": entry.get("level", "any"),
            "skills": entry.get("skills", []),
            "competency": entry.get("competency"),
            "text": entry["text"],
            "key_points": entry["keyPoints"],
            "model_answer": entry["modelAnswer"],
            "star": entry.get("star"),
            "needs": entry.get("needs", []),
            "skill_kinds": entry.get("skillKinds", []),
        }
        for entry in records
    ]
    written = 0
    for start in range(0, len(rows), 200):
        stmt = insert(Question).values(rows[start : start + 200])
        changed = {name: stmt.excluded[name] for name in ("kind", "level", "skills", "competency", "text", "key_points", "model_answer", "star", "needs", "skill_kinds")}
        stmt = stmt.on_conflict_do_update(
            index_elements=["code"],
            set_={**changed, "embedded_hash": sa.case((Question.text == stmt.excluded.text, Question.embedded_hash), else_=None)},
            where=sa.or_(*(getattr(Question, name).is_distinct_from(value) for name, value in changed.items())),
        )
        written += session.execute(stmt).rowcount
    load_reference_texts(session, records)
    return written


def load_reference_texts(session: Session, records: list[dict[str, Any]]) -> int:
    """The texts answers to bank questions are compared with (see `reference_texts`), stored
    once each by hash, to be embedded with the rest of the seed; answers how many were new.
    Templates are left out: their text is known only once filled in."""
    texts = {
        text
        for entry in records
        if entry["kind"] in ("technical", "behavioural", "system_design")
        for text in reference_texts(entry["text"], [KeyPoint(point["point"], ()) for point in entry["keyPoints"]], entry["modelAnswer"])
    }
    stored = set(session.scalars(sa.select(ReferenceText.id)))  # on every start: insert only what is new
    rows = sorted(({"id": digest, "text": text} for text in texts if (digest := text_hash(text)) not in stored), key=lambda row: row["id"])
    written = 0
    for start in range(0, len(rows), 500):
        written += session.execute(insert(ReferenceText).values(rows[start : start + 500]).on_conflict_do_nothing()).rowcount
    return written
