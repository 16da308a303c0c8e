from __future__ import annotations

import uuid
from typing import Any

import marshmallow as ma
from flask.views import MethodView

from service.db import get_session
from service.http import ETAG_HEADERS, IF_MATCH_DOC, Blueprint, CamelSchema, PageArgsSchema, etag_headers, page_of, require_fresh
from service.projects import service
from service.projects.models import CANDIDATE_STATUSES
from service.projects.schemas import (
    CandidateSchema,
    CandidateUpdateSchema,
    OutcomeArgsSchema,
    OutcomeStatsSchema,
    ProjectListArgsSchema,
    ProjectSchema,
    ProjectSummarySchema,
)
from service.schemas import choice
from service.resumes.schemas import ClosestSectionSchema, RequirementClosestArgsSchema
from service.skills.schemas import ProjectRequirementsSchema, StoredRequirementSchema

blp = Blueprint(
    "projects",
    __name__,
    url_prefix="/api/v1/projects",
    description="Interview projects: one client opening with its job description, customer and candidates",
)


class CandidateListArgsSchema(PageArgsSchema):
    status = choice(CANDIDATE_STATUSES)


class RequirementClosestSectionsSchema(CamelSchema):
    requirement = ma.fields.Nested(StoredRequirementSchema)
    sections = ma.fields.List(ma.fields.Nested(ClosestSectionSchema))


@blp.route("")
class Projects(MethodView):
    @blp.arguments(ProjectListArgsSchema, location="query")
    @blp.response(200, page_of(ProjectSummarySchema))
    def get(self, args: dict[str, Any]):
        """List interview projects; search by project or customer name, filter by status or customer"""
        return service.list_projects(get_session(), **args)

    @blp.arguments(ProjectSchema)
    @blp.response(201, ProjectSchema, headers=ETAG_HEADERS)
    @blp.problems(409)
    def post(self, data: dict[str, Any]):
        """Create an interview project (with an existing or a new customer)"""
        project = service.create_project(get_session(), data=data)
        return project, 201, {**etag_headers(project), "Location": f"{blp.url_prefix}/{project.id}"}


@blp.route("/outcomes")
class Outcomes(MethodView):
    @blp.arguments(OutcomeArgsSchema, location="query")
    @blp.response(200, OutcomeStatsSchema)
    def get(self, args: dict[str, Any]):
        """Interview success rate: candidates by pipeline status, overall, per customer and per project"""
        return service.interview_outcomes(get_session(), **args)


@blp.route("/<uuid:project_id>")
class ProjectItem(MethodView):
    @blp.response(200, ProjectSchema, headers=ETAG_HEADERS)
    @blp.problems(404)
    def get(self, project_id: uuid.UUID):
        """Read an interview project with its job description"""
        project = service.get_project(get_session(), project_id=project_id)
        return project, 200, etag_headers(project)

    @blp.arguments(ProjectSchema)
    @blp.response(200, ProjectSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 409, 412)
    def put(self, data: dict[str, Any], project_id: uuid.UUID):
        """Replace an interview project"""
        return self._update(project_id, data)

    @blp.arguments(ProjectSchema(partial=True))
    @blp.response(200, ProjectSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 409, 412)
    def patch(self, data: dict[str, Any], project_id: uuid.UUID):
        """Change some fields of an interview project"""
        return self._update(project_id, data)

    @blp.response(204)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def delete(self, project_id: uuid.UUID):
        """Delete an interview project and its candidate list"""
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        require_fresh(project)
        service.delete_project(session, project=project)

    @staticmethod
    def _update(project_id: uuid.UUID, data: dict[str, Any]):
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        require_fresh(project)
        project = service.update_project(session, project=project, data=data)
        return project, 200, etag_headers(project)


@blp.route("/<uuid:project_id>/requirements")
class Requirements(MethodView):
    @blp.response(200, ProjectRequirementsSchema)
    @blp.problems(404)
    def get(self, project_id: uuid.UUID):
        """The requirements read from the project's JD: skills, must or nice, years, level, kind"""
        return service.get_project(get_session(), project_id=project_id)


@blp.route("/<uuid:project_id>/requirements/<uuid:requirement_id>/closest-sections")
class RequirementClosestSections(MethodView):
    @blp.arguments(RequirementClosestArgsSchema, location="query")
    @blp.response(200, RequirementClosestSectionsSchema)
    @blp.problems(404)
    def get(self, args: dict[str, Any], project_id: uuid.UUID, requirement_id: uuid.UUID):
        """Which of a person's CV sections are closest in meaning to one JD requirement"""
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        return service.closest_sections_for_requirement(session, project=project, requirement_id=requirement_id, **args)


@blp.route("/<uuid:project_id>/candidates")
class Candidates(MethodView):
    @blp.arguments(CandidateListArgsSchema, location="query")
    @blp.response(200, page_of(CandidateSchema))
    @blp.problems(404)
    def get(self, args: dict[str, Any], project_id: uuid.UUID):
        """List the employees proposed for a project and where each stands"""
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        return service.list_candidates(session, project=project, **args)

    @blp.arguments(CandidateSchema)
    @blp.response(201, CandidateSchema, headers=ETAG_HEADERS)
    @blp.problems(404, 409)
    def post(self, data: dict[str, Any], project_id: uuid.UUID):
        """Propose an employee (by resume id) for a project"""
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        candidate = service.add_candidate(session, project=project, data=data)
        location = f"{blp.url_prefix}/{project_id}/candidates/{candidate.resume_id}"
        return candidate, 201, {**etag_headers(candidate), "Location": location}


@blp.route("/<uuid:project_id>/candidates/<uuid:resume_id>")
class CandidateItem(MethodView):
    @blp.response(200, CandidateSchema, headers=ETAG_HEADERS)
    @blp.problems(404)
    def get(self, project_id: uuid.UUID, resume_id: uuid.UUID):
        """Read one candidacy"""
        candidate = self._candidate(project_id, resume_id)
        return candidate, 200, etag_headers(candidate)

    @blp.arguments(CandidateUpdateSchema)
    @blp.response(200, CandidateSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def patch(self, data: dict[str, Any], project_id: uuid.UUID, resume_id: uuid.UUID):
        """Move a candidate along the pipeline or record the client's feedback"""
        candidate = self._candidate(project_id, resume_id)
        require_fresh(candidate)
        candidate = service.update_candidate(get_session(), candidate=candidate, data=data)
        return candidate, 200, etag_headers(candidate)

    @blp.response(204)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def delete(self, project_id: uuid.UUID, resume_id: uuid.UUID):
        """Withdraw a candidate from a project"""
        candidate = self._candidate(project_id, resume_id)
        require_fresh(candidate)
        service.remove_candidate(get_session(), candidate=candidate)

    @staticmethod
    def _candidate(project_id: uuid.UUID, resume_id: uuid.UUID):
        session = get_session()
        project = service.get_project(session, project_id=project_id)
        return service.get_candidate(session, project=project, resume_id=resume_id)
