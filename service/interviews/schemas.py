from __future__ import annotations

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema
from service.interviews.models import INTERVIEW_KINDS
from service.schemas import AuditSchema, choice

FEEDBACK_DESCRIPTION = (
    "score 0-100; summary; offTopic; content (score, relevance, covered, partial, missed, vague, specifics (named tools, code and numbers: fewer than 8 lower the content score by up to a fifth), notes); clarity (score, words, "
    "sentences, averageSentenceWords, longestSentenceWords, fillers, fillerWords, signposts, rambling, notes); confidence (score, "
    "hedges, hedgeWords, ownership {i, we}, assertiveVerbs, numbers, wordsPerMinute, notes); star (behavioural: score, complete, and "
    "situation/task/action/result each with present, evidence, strong); keyPoints (point, status covered/partial/missed, evidence, "
    "followUp); outline of a stronger answer; modelAnswer; coach (null unless an LLM is configured: source, model, notes, "
    "strongerAnswer)"
)


class CoachSchema(CamelSchema):
    source = ma.fields.String(metadata={"enum": ["llm"], "description": "Who wrote the note: the optional LLM"})
    model = ma.fields.String(allow_none=True, metadata={"description": "The LLM's model (or Azure deployment) name"})
    notes = ma.fields.String(metadata={"description": "Two to four sentences of feedback on the answer"})
    stronger_answer = ma.fields.String(attribute="strongerAnswer", metadata={"description": "The answer made stronger from its own facts; placeholders stand for numbers it did not give"})


COACH_DESCRIPTION = (
    "A coaching note from the optional LLM, added beside the offline feedback, which it never changes; null when no LLM is "
    "configured or it failed"
)


class InterviewRequestSchema(CamelSchema):
    project_id = ma.fields.UUID(required=True)
    resume_id = ma.fields.UUID(required=True)
    kind = choice(INTERVIEW_KINDS, load_default="mixed", metadata={"description": "technical, behavioural or mixed (default)"})
    questions = ma.fields.Integer(load_default=8, validate=ma.validate.Range(1, 20), metadata={"description": "Planned questions, follow-ups not counted"})
    difficulty = choice(["junior", "mid", "senior"], metadata={"description": "Starting level (default: the JD's seniority); the answers move it"})


class TurnSchema(CamelSchema):
    id = ma.fields.UUID()
    position = ma.fields.Integer()
    kind = ma.fields.String(metadata={"enum": ["technical", "behavioural", "system_design", "project", "gap"]})
    level = ma.fields.String()
    skill = ma.fields.String(allow_none=True)
    follow_up = ma.fields.Boolean()
    text = ma.fields.String(metadata={"description": "The question as the interviewer asks it"})
    reason = ma.fields.String(metadata={"description": "Why this question is asked"})
    answer = ma.fields.String(allow_none=True)
    duration_seconds = ma.fields.Float(allow_none=True)
    score = ma.fields.Integer(allow_none=True)
    feedback = ma.fields.Dict(allow_none=True, metadata={"description": FEEDBACK_DESCRIPTION})


class InterviewSummarySchema(AuditSchema):
    project_id = ma.fields.UUID()
    resume_id = ma.fields.UUID()
    analysis_id = ma.fields.UUID(allow_none=True)
    kind = ma.fields.String()
    difficulty = ma.fields.String()
    current_difficulty = ma.fields.String(metadata={"description": "Where the answers have moved the level"})
    status = ma.fields.String(metadata={"enum": ["active", "finished"]})
    score = ma.fields.Integer(allow_none=True, metadata={"description": "Mean answer score, once finished"})
    finished_on = ma.fields.AwareDateTime(allow_none=True)


class InterviewSchema(InterviewSummarySchema):
    plan = ma.fields.List(ma.fields.Dict(), metadata={"description": "The planned questions' topics: kind, skill, reason"})
    turns = ma.fields.List(ma.fields.Nested(TurnSchema))
    report = ma.fields.Dict(allow_none=True)
    notes = ma.fields.List(ma.fields.String())


class NextSchema(CamelSchema):
    question = ma.fields.Nested(TurnSchema, allow_none=True, metadata={"description": "null when every planned question was asked"})
    remaining = ma.fields.Integer(metadata={"description": "Planned questions not asked yet"})
    message = ma.fields.String()


class AnswerSchema(CamelSchema):
    answer = ma.fields.String(required=True, validate=ma.validate.Length(max=20_000), metadata={"description": "The answer as said or typed; an empty one scores 0"})
    duration_seconds = ma.fields.Float(validate=ma.validate.Range(min=1, max=3600), metadata={"description": "How long the spoken answer took, for pace"})


class EvaluateSchema(CamelSchema):
    question = ma.fields.String(required=True, validate=ma.validate.Length(min=5, max=2000))
    answer = ma.fields.String(required=True, validate=ma.validate.Length(max=20_000))
    reference_answer = ma.fields.String(validate=ma.validate.Length(max=10_000), metadata={"description": "A model answer; its sentences become key points when none are given"})
    key_points = ma.fields.List(ma.fields.String(validate=ma.validate.Length(min=3, max=500)), validate=ma.validate.Length(max=10))
    kind = choice(["technical", "behavioural"], metadata={"description": "behavioural adds the STAR check"})
    duration_seconds = ma.fields.Float(validate=ma.validate.Range(min=1, max=3600))


class EvaluationSchema(CamelSchema):
    score = ma.fields.Integer()
    summary = ma.fields.String()
    # the service answers the feedback's JSON keys (as stored with an interview turn) as they are
    off_topic = ma.fields.Boolean(attribute="offTopic")
    content = ma.fields.Dict()
    clarity = ma.fields.Dict()
    confidence = ma.fields.Dict()
    star = ma.fields.Dict(allow_none=True)
    key_points = ma.fields.List(ma.fields.Dict(), attribute="keyPoints")
    outline = ma.fields.List(ma.fields.String())
    bank_question = ma.fields.Dict(allow_none=True, attribute="bankQuestion", metadata={"description": "The bank question whose key points were used, when the question is one of the bank's"})
    model_answer = ma.fields.String(allow_none=True, attribute="modelAnswer")
    coach = ma.fields.Nested(CoachSchema, allow_none=True, metadata={"description": COACH_DESCRIPTION})


class InterviewListArgsSchema(PageArgsSchema):
    project_id = ma.fields.UUID()
    resume_id = ma.fields.UUID()
