from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView

from service.analysis import service
from service.analysis.schemas import (
    AnalysisListArgsSchema,
    AnalysisRequestSchema,
    AnalysisSchema,
    AnalysisSummarySchema,
    RankingArgsSchema,
    RankingSchema,
    TailoredResumeSchema,
)
from service.db import get_session
from service.errors import NotFound
from service.http import Blueprint, PageArgsSchema, page_of
from service.projects import service as projects
from service.resumes import service as resumes

blp = Blueprint("analyses", __name__, url_prefix="/api/v1", description="Gap analysis: a resume against a project's JD")


@blp.route("/projects/<uuid:project_id>/analyses")
class ProjectAnalyses(MethodView):
    @blp.arguments(AnalysisRequestSchema)
    @blp.response(201, AnalysisSchema)
    @blp.problems(404)
    def post(self, data: dict[str, Any], project_id: uuid.UUID):
        """Compare a resume with the project's JD: per requirement matched, partial or missing, with evidence and a fit score"""
        session = get_session()
        project = projects.get_project(session, project_id=project_id)
        analysis = service.create_analysis(session, project=project, resume_id=data["resume_id"])
        return analysis, 201, {"Location": f"{blp.url_prefix}/projects/{project_id}/analyses/{analysis.id}"}

    @blp.arguments(AnalysisListArgsSchema, location="query")
    @blp.response(200, page_of(AnalysisSummarySchema))
    @blp.problems(404)
    def get(self, args: dict[str, Any], project_id: uuid.UUID):
        """The project's gap reports, newest first"""
        session = get_session()
        project = projects.get_project(session, project_id=project_id)
        return service.list_analyses(session, project_id=project.id, **args)


@blp.route("/projects/<uuid:project_id>/analyses/<uuid:analysis_id>")
class ProjectAnalysis(MethodView):
    @blp.response(200, AnalysisSchema)
    @blp.problems(404)
    def get(self, project_id: uuid.UUID, analysis_id: uuid.UUID):
        """One gap report, as it was when made"""
        session = get_session()
        project = projects.get_project(session, project_id=project_id)
        return service.get_analysis(session, project=project, analysis_id=analysis_id)


@blp.route("/projects/<uuid:project_id>/analyses/<uuid:analysis_id>/tailored-resume")
class TailoredResume(MethodView):
    @blp.response(200, TailoredResumeSchema)
    @blp.problems(404)
    def get(self, project_id: uuid.UUID, analysis_id: uuid.UUID):
        """The resume with the analysis's truthful suggestions applied, in the resume schema and as Markdown"""
        session = get_session()
        project = projects.get_project(session, project_id=project_id)
        analysis = service.get_analysis(session, project=project, analysis_id=analysis_id)
        return service.tailored_resume(session, analysis=analysis)


@blp.route("/projects/<uuid:project_id>/ranking")
class Ranking(MethodView):
    @blp.arguments(RankingArgsSchema, location="query")
    @blp.response(200, RankingSchema)
    @blp.problems(404)
    def get(self, args: dict[str, Any], project_id: uuid.UUID):
        """Rank every stored resume for the project: fit score, top matched and missing must-haves"""
        session = get_session()
        project = projects.get_project(session, project_id=project_id)
        items = service.rank_bench(session, project=project, limit=args["limit"], available_only=args["available"])
        return {"project_id": project.id, "items": items}


@blp.route("/resumes/<uuid:resume_id>/analyses")
class ResumeAnalyses(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_of(AnalysisSummarySchema))
    @blp.problems(404)
    def get(self, args: dict[str, Any], resume_id: uuid.UUID):
        """A resume's gap reports for every project, newest first"""
        session = get_session()
        if not resumes.resume_exists(session, resume_id=resume_id):
            raise NotFound(f"No resume with id {resume_id}.")
        return service.list_analyses(session, resume_id=resume_id, **args)
