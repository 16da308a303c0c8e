from __future__ import annotations

from typing import Any

from flask.views import MethodView

from service.http import Blueprint, page_of
from service.skills import service
from service.skills.schemas import (
    ExtractRequestSchema,
    ExtractResponseSchema,
    JobDescriptionSchema,
    ParseRequestSchema,
    SkillDetailSchema,
    SkillListArgsSchema,
    SkillSchema,
)

blp = Blueprint("skills", __name__, url_prefix="/api/v1", description="The skill taxonomy, skill extraction and job-description parsing")


@blp.route("/skills")
class Skills(MethodView):
    @blp.arguments(SkillListArgsSchema, location="query")
    @blp.response(200, page_of(SkillSchema))
    def get(self, args: dict[str, Any]):
        """Search skills by name or alias (autocomplete), most in demand first"""
        return service.search_skills(**args)


@blp.route("/skills/<string:slug>")
class SkillItem(MethodView):
    @blp.response(200, SkillDetailSchema)
    @blp.problems(404)
    def get(self, slug: str):
        """A skill with its aliases and relations (built on, part of, related, certifies)"""
        described = service.describe_skill(slug=slug)
        skill = described["skill"]
        return {**{key: getattr(skill, key) for key in ("slug", "name", "kind", "category", "aliases", "doc_url", "demand")}, "relations": described["relations"]}


@blp.route("/skills/extract")
class Extract(MethodView):
    @blp.arguments(ExtractRequestSchema)
    @blp.response(200, ExtractResponseSchema)
    def post(self, args: dict[str, Any]):
        """Every skill a text mentions, once, with the character offsets of each mention"""
        return {"skills": service.extract_skills(text=args["text"])}


@blp.route("/job-descriptions/parse")
class ParseJobDescription(MethodView):
    @blp.arguments(ParseRequestSchema)
    @blp.response(200, JobDescriptionSchema)
    def post(self, args: dict[str, Any]):
        """Read a job description into requirements without storing it"""
        return service.parse_jd(text=args["text"])
