from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView

from service.db import get_session
from service.http import Blueprint, page_of
from service.interviews import service
from service.interviews.schemas import (
    AnswerSchema,
    EvaluateSchema,
    EvaluationSchema,
    InterviewListArgsSchema,
    InterviewRequestSchema,
    InterviewSchema,
    InterviewSummarySchema,
    NextSchema,
    TurnSchema,
)

blp = Blueprint("interviews", __name__, url_prefix="/api/v1", description="Mock interviews with instant feedback, follow-ups and a report")


@blp.route("/interviews")
class Interviews(MethodView):
    @blp.arguments(InterviewRequestSchema)
    @blp.response(201, InterviewSchema)
    @blp.problems(404)
    def post(self, data: dict[str, Any]):
        """Start a mock interview for a project and a resume: planned from the JD's must-haves, the gaps and the CV's most relevant project"""
        interview, notes = service.create_interview(get_session(), request=data)
        interview.notes = notes
        return interview, 201, {"Location": f"{blp.url_prefix}/interviews/{interview.id}"}

    @blp.arguments(InterviewListArgsSchema, location="query")
    @blp.response(200, page_of(InterviewSummarySchema))
    def get(self, args: dict[str, Any]):
        """List interviews, newest first; by resume they show an employee's progress over time"""
        return service.list_interviews(get_session(), **args)


@blp.route("/interviews/<uuid:interview_id>")
class Interview(MethodView):
    @blp.response(200, InterviewSchema)
    @blp.problems(404)
    def get(self, interview_id: uuid.UUID):
        """An interview with every question, answer and feedback so far, and its report once finished"""
        return service.get_interview(get_session(), interview_id=interview_id)


@blp.route("/interviews/<uuid:interview_id>/next")
class NextQuestion(MethodView):
    @blp.response(200, NextSchema)
    @blp.problems(404, 409)
    def get(self, interview_id: uuid.UUID):
        """The question to answer now: the open one, a follow-up when the last answer missed a key point or stayed general, or the next planned one"""
        session = get_session()
        interview = service.get_interview(session, interview_id=interview_id)
        turn = service.next_question(session, interview=interview)
        message = "Answer it with POST /answers." if turn else "Every planned question was asked: POST /finish for the report."
        return {"question": turn, "remaining": service.remaining(interview), "message": message}


@blp.route("/interviews/<uuid:interview_id>/answers")
class Answers(MethodView):
    @blp.arguments(AnswerSchema)
    @blp.response(201, TurnSchema)
    @blp.problems(404, 409)
    def post(self, data: dict[str, Any], interview_id: uuid.UUID):
        """Answer the open question and get feedback at once: content, clarity, confidence, STAR, an outline of a stronger answer"""
        session = get_session()
        interview = service.get_interview(session, interview_id=interview_id)
        return service.answer(session, interview=interview, text=data["answer"], duration_seconds=data.get("duration_seconds"))


@blp.route("/interviews/<uuid:interview_id>/finish")
class Finish(MethodView):
    @blp.response(200, InterviewSchema)
    @blp.problems(404)
    def post(self, interview_id: uuid.UUID):
        """End the interview: scores per skill and dimension, strengths, three things to work on, study items, readiness, progress"""
        session = get_session()
        interview = service.get_interview(session, interview_id=interview_id)
        return service.finish(session, interview=interview)


@blp.route("/answers/evaluate")
class Evaluate(MethodView):
    @blp.arguments(EvaluateSchema)
    @blp.response(200, EvaluationSchema)
    def post(self, data: dict[str, Any]):
        """Feedback and a 0-100 score for any question and answer, for integrations"""
        return service.evaluate_any(get_session(), **data)
