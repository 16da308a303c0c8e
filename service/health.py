from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from service.db import get_database
from service.http import Blueprint
from service.llm import get_llm

blp = Blueprint("health", __name__, url_prefix="/health", description="Liveness and database reachability")


class LLMHealthSchema(ma.Schema):
    enabled = ma.fields.Boolean()
    provider = ma.fields.String(metadata={"enum": ["openai", "azure"]})
    model = ma.fields.String(allow_none=True)
    cooling_down = ma.fields.Boolean(data_key="coolingDown", metadata={"description": "A call failed lately: the LLM is skipped for a minute"})


class HealthSchema(ma.Schema):
    status = ma.fields.String(metadata={"enum": ["ok", "degraded"]})
    database = ma.fields.String(metadata={"enum": ["ok", "unreachable"]})
    llm = ma.fields.Nested(LLMHealthSchema, metadata={"description": "Only when an LLM is configured (it is optional: its state never makes the service degraded)"})


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database does not answer")
    def get(self):
        """Say whether the service and its database answer"""
        llm = get_llm()
        extra = {"llm": llm.info()} if llm.enabled else {}
        if get_database().ping():
            return {"status": "ok", "database": "ok", **extra}
        return {"status": "degraded", "database": "unreachable", **extra}, 503
