from __future__ import annotations

import uuid
from typing import Any

from flask import request
from flask.views import MethodView

from embeddings.model import default_model
from service.db import get_session
from service.maintenance import embed_soon
from service.http import ETAG_HEADERS, IF_MATCH_DOC, Blueprint, etag_headers, page_of, require_fresh
from service.resumes import service
from service.resumes.schemas import (
    ImportArgsSchema,
    ImportResultSchema,
    ResumeDocumentSchema,
    ResumeListArgsSchema,
    ClosestArgsSchema,
    ClosestSectionsSchema,
    ResumeSummarySchema,
    SkillProfileSchema,
)

blp = Blueprint(
    "resumes",
    __name__,
    url_prefix="/api/v1/resumes",
    description="Employee resumes in the company's resume schema (see docs/resume-schema.md)",
)

ResumePatchSchema = ResumeDocumentSchema(partial=("resume", "resume.first_name", "resume.last_name"))


def _document_response(resume: Any, status: int = 200, headers: dict[str, str] | None = None):
    return service.document_of(resume), status, {**etag_headers(resume), **(headers or {})}


@blp.route("")
class Resumes(MethodView):
    @blp.arguments(ResumeListArgsSchema, location="query")
    @blp.response(200, page_of(ResumeSummarySchema))
    def get(self, args: dict[str, Any]):
        """List resumes, searchable by name (case and accent insensitive)"""
        return service.list_resumes(get_session(), **args)

    @blp.arguments(ResumeDocumentSchema)
    @blp.response(201, ResumeDocumentSchema, headers=ETAG_HEADERS)
    @blp.problems(409)
    def post(self, document: dict[str, Any]):
        """Store one resume document"""
        resume = service.create_resume(get_session(), document=document)
        return _document_response(resume, 201, {"Location": f"{blp.url_prefix}/{resume.id}"})


@blp.route("/import")
class ResumeImport(MethodView):
    @blp.arguments(ImportArgsSchema, location="query")
    @blp.response(200, ImportResultSchema)
    @blp.doc(
        requestBody={
            "required": True,
            "description": "A JSON array of resume documents, or JSON Lines (one document per line). "
            "Each resume is stored whole or not at all; the answer reports every item.",
            "content": {
                "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ResumeDocument"}}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    )
    @blp.problems(400, 413)
    def post(self, args: dict[str, Any]):
        """Import many resumes at once"""
        items = service.parse_import_body(request.get_data(cache=False), request.content_type)
        session = get_session()
        report = service.import_resumes(session, items=items, on_existing=args["on_existing"])
        embed_soon(session)
        return report


@blp.route("/<uuid:resume_id>")
class ResumeItem(MethodView):
    @blp.response(200, ResumeDocumentSchema, headers=ETAG_HEADERS)
    @blp.problems(404)
    def get(self, resume_id: uuid.UUID):
        """Read a resume document"""
        return _document_response(service.get_resume(get_session(), resume_id=resume_id))

    @blp.arguments(ResumeDocumentSchema)
    @blp.response(200, ResumeDocumentSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def put(self, document: dict[str, Any], resume_id: uuid.UUID):
        """Replace a resume: sections left out become empty"""
        return self._update(resume_id, document, replace=True)

    @blp.arguments(ResumePatchSchema)
    @blp.response(200, ResumeDocumentSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def patch(self, document: dict[str, Any], resume_id: uuid.UUID):
        """Change part of a resume: names given change, each section sent replaces that section"""
        return self._update(resume_id, document, replace=False)

    @blp.response(204)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 412)
    def delete(self, resume_id: uuid.UUID):
        """Delete a resume with every section and candidacy"""
        session = get_session()
        resume = service.get_resume(session, resume_id=resume_id)
        require_fresh(resume)
        service.delete_resume(session, resume=resume)

    @staticmethod
    def _update(resume_id: uuid.UUID, document: dict[str, Any], *, replace: bool):
        session = get_session()
        resume = service.get_resume(session, resume_id=resume_id)
        require_fresh(resume)
        return _document_response(service.update_resume(session, resume=resume, document=document, replace=replace))


@blp.route("/<uuid:resume_id>/skills")
class ResumeSkills(MethodView):
    @blp.response(200, SkillProfileSchema)
    @blp.problems(404)
    def get(self, resume_id: uuid.UUID):
        """Every skill the resume shows: years (overlapping projects counted once), last used, evidence"""
        resume = service.get_resume(get_session(), resume_id=resume_id)
        return {"resume_id": resume.id, "skills": service.skill_profile_of(resume)}


@blp.route("/<uuid:resume_id>/closest-sections")
class ClosestSections(MethodView):
    @blp.arguments(ClosestArgsSchema, location="query")
    @blp.response(200, ClosestSectionsSchema)
    @blp.problems(404)
    def get(self, args: dict[str, Any], resume_id: uuid.UUID):
        """The resume's projects, skills, certificates and education closest in meaning to a text"""
        session = get_session()
        resume = service.get_resume(session, resume_id=resume_id)
        vector = default_model().embed_one(args["text"])
        return {"sections": service.closest_sections(session, resume_id=resume.id, vector=vector, limit=args["limit"])}
