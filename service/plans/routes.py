from __future__ import annotations

import uuid
from typing import Any

from flask import Response
from flask.views import MethodView

from service.db import get_session
from service.http import ETAG_HEADERS, IF_MATCH_DOC, Blueprint, etag_headers, page_of, require_fresh
from service.plans import export, service
from service.plans.schemas import ItemStatusSchema, StudyPlanListArgsSchema, StudyPlanRequestSchema, StudyPlanSchema, StudyPlanSummarySchema
from service.projects import service as projects
from service.resumes import service as resumes

blp = Blueprint("study-plans", __name__, url_prefix="/api/v1/study-plans", description="Study plans that close the gaps before the interview")


@blp.route("")
class StudyPlans(MethodView):
    @blp.arguments(StudyPlanRequestSchema)
    @blp.response(201, StudyPlanSchema, headers=ETAG_HEADERS)
    @blp.alt_response(200, schema=StudyPlanSchema, description="The pair already had a plan: regenerated in place, progress kept")
    @blp.problems(404, 412)
    def post(self, data: dict[str, Any]):
        """Make the study plan for a project and a resume, or regenerate it from the latest analysis keeping the progress made"""
        session = get_session()
        plan, created = service.build_plan(session, request=data, check=require_fresh)
        return plan, 201 if created else 200, {**etag_headers(plan), "Location": f"{blp.url_prefix}/{plan.id}"}

    @blp.arguments(StudyPlanListArgsSchema, location="query")
    @blp.response(200, page_of(StudyPlanSummarySchema))
    def get(self, args: dict[str, Any]):
        """List study plans, newest first, by project or resume"""
        return service.list_plans(get_session(), **args)


@blp.route("/<uuid:plan_id>")
class StudyPlan(MethodView):
    @blp.response(200, StudyPlanSchema, headers=ETAG_HEADERS)
    @blp.problems(404)
    def get(self, plan_id: uuid.UUID):
        """A study plan with its items, resources, self-checks, schedule and progress"""
        plan = service.get_plan(get_session(), plan_id=plan_id)
        return plan, 200, etag_headers(plan)

    @blp.response(204)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def delete(self, plan_id: uuid.UUID):
        """Delete a study plan"""
        session = get_session()
        plan = service.get_plan(session, plan_id=plan_id)
        require_fresh(plan)
        service.delete_plan(session, plan=plan)


@blp.route("/<uuid:plan_id>/items/<uuid:item_id>")
class StudyPlanItem(MethodView):
    @blp.arguments(ItemStatusSchema)
    @blp.response(200, StudyPlanSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def patch(self, data: dict[str, Any], plan_id: uuid.UUID, item_id: uuid.UUID):
        """Mark an item done or skipped (or todo again); the plan's progress is recomputed"""
        session = get_session()
        plan = service.get_plan(session, plan_id=plan_id)
        require_fresh(plan)
        plan = service.set_item_status(session, plan=plan, item_id=item_id, status=data["status"])
        return plan, 200, etag_headers(plan)


def _names(plan_id: uuid.UUID) -> tuple[Any, str, str]:
    session = get_session()
    plan = service.get_plan(session, plan_id=plan_id)
    project = projects.get_project(session, project_id=plan.project_id)
    resume = resumes.get_resume(session, resume_id=plan.resume_id)
    return plan, project.name, f"{resume.first_name} {resume.last_name}"


def _file(body: str, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@blp.route("/<uuid:plan_id>/plan.md")
class StudyPlanMarkdown(MethodView):
    @blp.doc(responses={"200": {"description": "The plan as Markdown", "content": {"text/markdown": {"schema": {"type": "string"}}}}})
    @blp.problems(404)
    def get(self, plan_id: uuid.UUID):
        """The plan as a Markdown document to read or share"""
        plan, project_name, person = _names(plan_id)
        return _file(export.markdown(plan, project_name=project_name, person=person), "text/markdown", f"study-plan-{plan.id}.md")


@blp.route("/<uuid:plan_id>/plan.ics")
class StudyPlanCalendar(MethodView):
    @blp.doc(responses={"200": {"description": "The study sessions as iCalendar events", "content": {"text/calendar": {"schema": {"type": "string"}}}}})
    @blp.problems(404)
    def get(self, plan_id: uuid.UUID):
        """The study sessions as an iCalendar (.ics) file to import into a calendar"""
        plan, project_name, _ = _names(plan_id)
        return _file(export.icalendar(plan, project_name=project_name), "text/calendar", f"study-plan-{plan.id}.ics")
