"""Study plan use cases: build or regenerate a plan from the latest analysis, mark progress."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.analysis import service as analyses
from service.db import utcnow
from service.errors import InvalidInput, NotFound
from service.http import newest_first
from service.interviews.models import Question
from service.matching import planning
from service.plans.models import StudyPlan, StudyPlanItem
from service.projects import service as projects
from service.resources.service import Need, for_needs
from service.resumes import service as resumes
from service.resumes.models import ResumeSkill
from service.skills import service as skills

DEFAULTS = {"hours_per_week": 8.0, "languages": ["en"], "study_days": ["mon", "tue", "wed", "thu", "fri"], "session_start": "19:00"}
HORIZON_WITHOUT_DATE = 28  # days planned when neither the request nor the project gives an interview date
RESOURCES_PER_ITEM = 3
SELF_CHECK_QUESTIONS = 3


@dataclass(frozen=True)
class Settings:
    hours_per_week: float
    start_date: date
    interview_date: date
    languages: list[str]
    study_days: list[str]
    session_start: str


def _settings(request: dict[str, Any], project: Any, existing: StudyPlan | None, today: date, notes: list[str]) -> Settings:
    """The request's settings, else the existing plan's, else the defaults; checked before anything is written."""

    def pick(name: str) -> Any:
        if request.get(name) is not None:
            return request[name]
        return getattr(existing, name) if existing is not None else DEFAULTS[name]

    start = request.get("start_date") or today
    interview = request.get("interview_date") or project.interview_date
    if interview is None:
        interview = existing.interview_date if existing is not None and existing.interview_date > start else start + timedelta(days=HORIZON_WITHOUT_DATE)
        notes.append(f"The project has no interview date, so the plan runs to {interview.isoformat()}; send interviewDate to change it.")
    if interview <= start:
        source = "" if request.get("interview_date") else "The project's "
        raise InvalidInput(
            f"{source or 'The '}interview date {interview.isoformat()} is not after the plan's start {start.isoformat()}: nothing could be scheduled.",
            errors={"interviewDate": [f"Must be after the start date {start.isoformat()}."]},
        )
    settings = Settings(pick("hours_per_week"), start, interview, list(pick("languages")), list(pick("study_days")), pick("session_start"))
    longest = max(planning.daily_minutes(settings.hours_per_week, settings.study_days).values())
    if _minute(settings.session_start) + longest > 24 * 60:
        raise InvalidInput(
            f"A {longest} minute study day starting at {settings.session_start} would run past midnight.",
            errors={"sessionStart": [f"Start by {_clock(24 * 60 - longest)}, or spread the hours over more studyDays."]},
        )
    return settings


def _known_skills(session: Session, resume_id: uuid.UUID) -> set[str]:
    return set(
        session.scalars(
            sa.select(ResumeSkill.slug).where(
                ResumeSkill.resume_id == resume_id,
                sa.or_(ResumeSkill.months > 0, ResumeSkill.declared_months > 0, ResumeSkill.cefr.is_not(None)),
            )
        )
    )


def _minute(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minute: int) -> str:
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def build_plan(
    session: Session, *, request: dict[str, Any], today: date | None = None, check: Callable[[StudyPlan], None] | None = None
) -> tuple[StudyPlan, bool]:
    """Make the plan for a project and a resume, or regenerate the existing one in place: items
    that remain keep their id and their done or skipped status. `check` vets an existing plan
    before it changes (If-Match). Returns (plan, created)."""
    today = today or date.today()
    project = projects.get_project(session, project_id=request["project_id"])
    resume = resumes.get_resume(session, resume_id=request["resume_id"])
    existing = session.scalars(sa.select(StudyPlan).where(StudyPlan.project_id == project.id, StudyPlan.resume_id == resume.id)).first()
    if existing is not None and check is not None:
        check(existing)
    notes: list[str] = []
    settings = _settings(request, project, existing, today, notes)
    analysis = analyses.current_analysis(session, project=project, resume=resume, notes=notes)

    taxonomy = skills.taxonomy()
    items, unplannable = planning.gap_items(analysis.report, _known_skills(session, resume.id), taxonomy)
    ordered = planning.in_order(items)
    previous = {item.key: item for item in existing.items} if existing is not None else {}
    settled = {key for key, item in previous.items() if item.status != "todo"}
    days = planning.study_days(settings.start_date, settings.interview_date, settings.study_days)
    per_day = planning.daily_minutes(settings.hours_per_week, settings.study_days)
    available = planning.capacity(days, per_day)
    allotments, left_out = planning.fit(ordered, available, settled)
    sessions = planning.schedule(allotments, days, per_day, _minute(settings.session_start))
    found = for_needs(
        session,
        [Need(a.item.skill, a.item.query, "beginner" if a.item.kind in ("learn", "prerequisite") else "intermediate", a.item.hours) for a in allotments],
        languages=settings.languages,
        per_need=RESOURCES_PER_ITEM,
    )

    plan = existing or StudyPlan(id=uuid.uuid4(), project_id=project.id, resume_id=resume.id)
    needed = sum(a.item.hours for a in allotments if a.item.key not in settled) + sum(o.hours for o in left_out)
    capacity = available / 60
    granularity, grouped = planning.periods(sessions, days, settings.start_date, settings.interview_date)
    for name, value in vars(settings).items():
        setattr(plan, name, value)
    plan.analysis_id = analysis.id
    plan.granularity = granularity
    plan.capacity_hours = round(capacity, 2)
    plan.needed_hours = round(needed, 2)
    plan.notes = notes
    plan.left_out = [_left_out_json(entry) for entry in [*left_out, *unplannable]]
    plan.schedule = [_period_json(period) for period in grouped]
    plan.summary = _summary(allotments, left_out, settled, needed, capacity, settings, len(days))
    _replace_items(session, plan, allotments, found, sessions, previous)
    if existing is None:
        session.add(plan)
    session.commit()
    return plan, existing is None


def _replace_items(
    session: Session,
    plan: StudyPlan,
    allotments: Sequence[planning.Allotment],
    found: Sequence[list[dict[str, Any]]],
    sessions: Sequence[planning.Session],
    previous: dict[str, StudyPlanItem],
) -> None:
    questions = _bank_questions(session, [a.item.skill for a in allotments if a.item.skill])
    kept = []
    for position, (allotment, resources) in enumerate(zip(allotments, found, strict=True)):
        item = allotment.item
        row = previous.get(item.key) or StudyPlanItem(id=uuid.uuid4(), key=item.key, status="todo")
        dates = [s.day for s in sessions if s.key == item.key]
        row.position = position
        row.title, row.skill, row.kind, row.importance, row.tier = item.title, item.skill, item.kind, item.importance, item.tier
        row.reason, row.hours = item.reason, item.hours
        row.scheduled_hours = round(allotment.minutes / 60, 2)
        row.first_session, row.last_session = (min(dates), max(dates)) if dates else (None, None)
        row.requirements, row.prerequisites, row.builds_on = item.requirements, item.prerequisites, item.builds_on
        row.resources = resources
        row.self_check = {"goals": item.goals, "questions": questions.get(item.skill, [])[:SELF_CHECK_QUESTIONS]}
        kept.append(row)
    plan.items = kept


def _bank_questions(session: Session, slugs: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Technical questions of the bank on each skill, easiest first, to check oneself with."""
    if not slugs:
        return {}
    rows = session.scalars(
        sa.select(Question).where(Question.kind == "technical", Question.skills.overlap(list(slugs))).order_by(Question.code)
    ).all()
    order = {"junior": 0, "mid": 1, "senior": 2}
    found: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda row: (order.get(row.level, 1), row.code)):
        for slug in row.skills:
            found.setdefault(slug, []).append({"id": row.code, "level": row.level, "text": row.text})
    return found


def _left_out_json(entry: planning.LeftOut) -> dict[str, Any]:
    return {"key": entry.key, "title": entry.title, "hours": entry.hours, "reason": entry.reason, "cause": entry.cause}


def _period_json(period: dict[str, Any]) -> dict[str, Any]:
    return {
        **period,
        "start": period["start"].isoformat(),
        "end": period["end"].isoformat(),
        "sessions": [
            {
                "date": s.day.isoformat(),
                "start": _clock(s.start_minute),
                "end": _clock(s.start_minute + s.minutes),
                "hours": round(s.minutes / 60, 2),
                "item_key": s.key,
                "title": s.title,
            }
            for s in period["sessions"]
        ],
    }


def _summary(
    allotments: Sequence[planning.Allotment],
    left_out: Sequence[planning.LeftOut],
    settled: set[str],
    needed: float,
    capacity: float,
    settings: Settings,
    days: int,
) -> str:
    todo = [a for a in allotments if a.item.key not in settled]
    text = (
        f"{needed:g} h of study for {len(todo) + len(left_out)} items; {capacity:g} h available "
        f"({settings.hours_per_week:g} h a week on {days} study days before the interview on {settings.interview_date.isoformat()})."
    )
    if not todo and not left_out:
        return text + (" Every item is done or skipped." if settled else " No gaps to study: prepare with a mock interview.")
    shortened = [a for a in todo if a.minutes < round(a.item.hours * 60)]
    if not left_out and not shortened:
        return text + " Everything fits."
    text += " Not enough time: the plan keeps the most valuable items, must-haves first"
    if shortened:
        text += f"; {len(shortened)} cut to their essentials"
    if left_out:
        text += f"; left out: {', '.join(entry.title for entry in left_out)}"
    return text + ". More hours a week or a later interview date would cover more."


def get_plan(session: Session, *, plan_id: uuid.UUID) -> StudyPlan:
    plan = session.get(StudyPlan, plan_id)
    if plan is None:
        raise NotFound(f"No study plan with id {plan_id}.")
    return plan


def list_plans(
    session: Session, *, project_id: uuid.UUID | None = None, resume_id: uuid.UUID | None = None, page: int, page_size: int
) -> dict[str, Any]:
    return newest_first(session, StudyPlan, project_id=project_id, resume_id=resume_id, page=page, page_size=page_size)


def set_item_status(session: Session, *, plan: StudyPlan, item_id: uuid.UUID, status: str) -> StudyPlan:
    item = next((item for item in plan.items if item.id == item_id), None)
    if item is None:
        raise NotFound(f"Study plan {plan.id} has no item {item_id}.")
    if item.status != status:
        item.status = status
        item.status_changed_on = utcnow()
        plan.modified_on = utcnow()  # the plan's version (its ETag) moves with its items
    session.commit()
    return plan


def delete_plan(session: Session, *, plan: StudyPlan) -> None:
    session.delete(plan)
    session.commit()
