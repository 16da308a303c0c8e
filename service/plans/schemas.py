from __future__ import annotations

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema
from service.matching.planning import WEEKDAYS
from service.plans.models import ITEM_STATUSES
from service.resources.models import LANGUAGES
from service.resources.schemas import ResourceSchema
from service.schemas import AuditSchema, choice


def _distinct(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ma.ValidationError("List each value once.")


class StudyPlanRequestSchema(CamelSchema):
    project_id = ma.fields.UUID(required=True, metadata={"description": "The interview project whose JD the plan prepares for"})
    resume_id = ma.fields.UUID(required=True, metadata={"description": "The employee's resume"})
    hours_per_week = ma.fields.Float(
        validate=ma.validate.Range(1, 60), metadata={"description": "Study hours a week (default 8, or the existing plan's)"}
    )
    start_date = ma.fields.Date(metadata={"description": "First study day (default today)"})
    interview_date = ma.fields.Date(metadata={"description": "The interview day (default the project's); nothing is scheduled on or after it"})
    languages = ma.fields.List(
        choice(LANGUAGES),
        validate=[ma.validate.Length(1, len(LANGUAGES)), _distinct],
        metadata={"description": "Preferred resource languages, most preferred first (default [\"en\"]); English is the fallback"},
    )
    study_days = ma.fields.List(
        choice(list(WEEKDAYS)),
        validate=[ma.validate.Length(1, 7), _distinct],
        metadata={"description": "Weekdays to study on (default mon to fri); the hours a week are shared among them"},
    )
    session_start = ma.fields.String(
        validate=ma.validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use HH:MM, 24-hour."),
        metadata={"description": "When the day's study starts, HH:MM local time (default 19:00)"},
    )


class ItemStatusSchema(CamelSchema):
    status = choice(ITEM_STATUSES, required=True, metadata={"description": "done, skipped, or todo to undo"})


class SelfCheckSchema(CamelSchema):
    goals = ma.fields.List(ma.fields.String(), metadata={"description": "Concrete \"You can …\" goals to check yourself against"})
    questions = ma.fields.List(ma.fields.Dict(), metadata={"description": "Questions from the question bank on this skill"})


class PlanResourceSchema(ResourceSchema):
    why = ma.fields.String(metadata={"description": "Why it was picked: it teaches the skill, or it is close in meaning to the gap"})


class StudyPlanItemSchema(CamelSchema):
    id = ma.fields.UUID()
    key = ma.fields.String(metadata={"description": "The skill's slug, or req:… for a requirement in words; stable across regenerations"})
    title = ma.fields.String()
    skill = ma.fields.String(allow_none=True)
    kind = ma.fields.String(
        metadata={"description": "learn (new), bridge (from a related skill you know), deepen (years short), refresh (not used lately), "
                  "prerequisite (what another item builds on), practice (a spoken language), topic (a requirement in words)"}
    )
    importance = ma.fields.String(metadata={"enum": ["must", "nice"]})
    tier = ma.fields.Integer(metadata={"description": "0 missing must-have, 1 must-have met in part, 2 nice-to-have"})
    reason = ma.fields.String()
    hours = ma.fields.Float(metadata={"description": "Estimated hours to be interview-ready"})
    scheduled_hours = ma.fields.Float(metadata={"description": "Hours the schedule gives it; fewer than hours when cut to its essentials"})
    first_session = ma.fields.Date(allow_none=True)
    last_session = ma.fields.Date(allow_none=True)
    requirements = ma.fields.List(ma.fields.String(), metadata={"description": "The JD requirements it serves"})
    prerequisites = ma.fields.List(ma.fields.String(), metadata={"description": "Keys of the items that come before it"})
    builds_on = ma.fields.List(ma.fields.String(), metadata={"description": "Skills on record it builds on, which shorten it"})
    resources = ma.fields.List(ma.fields.Nested(PlanResourceSchema))
    self_check = ma.fields.Nested(SelfCheckSchema)
    status = ma.fields.String(metadata={"enum": ITEM_STATUSES})
    status_changed_on = ma.fields.AwareDateTime(allow_none=True)


class LeftOutSchema(CamelSchema):
    key = ma.fields.String()
    title = ma.fields.String()
    hours = ma.fields.Float()
    reason = ma.fields.String()
    cause = ma.fields.String(metadata={"enum": ["time", "not_studyable"], "description": "time: did not fit before the interview; not_studyable: a degree or years of experience"})


class SessionSchema(CamelSchema):
    date = ma.fields.String()
    start = ma.fields.String()
    end = ma.fields.String()
    hours = ma.fields.Float()
    item_key = ma.fields.String()
    title = ma.fields.String()


class PeriodSchema(CamelSchema):
    label = ma.fields.String()
    start = ma.fields.String()
    end = ma.fields.String()
    hours = ma.fields.Float()
    items = ma.fields.List(ma.fields.String())
    sessions = ma.fields.List(ma.fields.Nested(SessionSchema))


class ProgressSchema(CamelSchema):
    done_items = ma.fields.Integer()
    skipped_items = ma.fields.Integer()
    total_items = ma.fields.Integer()
    done_hours = ma.fields.Float()
    remaining_hours = ma.fields.Float()
    percent = ma.fields.Integer(metadata={"description": "Scheduled hours of done items over all items not skipped"})
    behind_hours = ma.fields.Float(metadata={"description": "Hours of past sessions whose items are not done or skipped yet"})


class StudyPlanSummarySchema(AuditSchema):
    project_id = ma.fields.UUID()
    resume_id = ma.fields.UUID()
    analysis_id = ma.fields.UUID(allow_none=True, metadata={"description": "The gap analysis the plan was made from"})
    start_date = ma.fields.Date()
    interview_date = ma.fields.Date()
    hours_per_week = ma.fields.Float()
    summary = ma.fields.String()


class StudyPlanSchema(StudyPlanSummarySchema):
    languages = ma.fields.List(ma.fields.String())
    study_days = ma.fields.List(ma.fields.String())
    session_start = ma.fields.String()
    granularity = ma.fields.String(metadata={"enum": ["day", "week"], "description": "day by day up to two weeks, else week by week"})
    capacity_hours = ma.fields.Float(metadata={"description": "Study hours available before the interview"})
    needed_hours = ma.fields.Float(metadata={"description": "Hours the open items would need in full"})
    fits = ma.fields.Boolean(metadata={"description": "Everything open fits in full before the interview"})
    notes = ma.fields.List(ma.fields.String())
    items = ma.fields.List(ma.fields.Nested(StudyPlanItemSchema))
    left_out = ma.fields.List(ma.fields.Nested(LeftOutSchema), metadata={"description": "What the plan could not cover, and why"})
    schedule = ma.fields.List(ma.fields.Nested(PeriodSchema))
    progress = ma.fields.Nested(ProgressSchema)


class StudyPlanListArgsSchema(PageArgsSchema):
    project_id = ma.fields.UUID()
    resume_id = ma.fields.UUID()
