from __future__ import annotations

from typing import Any

from flask.views import MethodView

from service.db import get_session
from service.http import Blueprint, page_of
from service.resources import service
from service.resources.schemas import ResourceListArgsSchema, ResourceSchema

blp = Blueprint("resources", __name__, url_prefix="/api/v1/resources", description="The learning-resource catalogue study plans draw from")


@blp.route("")
class Resources(MethodView):
    @blp.arguments(ResourceListArgsSchema, location="query")
    @blp.response(200, page_of(ResourceSchema))
    def get(self, args: dict[str, Any]):
        """Find courses, books, tutorials, docs, cheat sheets, certifications and practice by skill, type, language, price or meaning"""
        return service.list_resources(get_session(), **args)
