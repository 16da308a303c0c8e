from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from service.db import get_database
from service.http import Blueprint

blp = Blueprint("health", __name__, url_prefix="/health", description="Liveness and database reachability")


class HealthSchema(ma.Schema):
    status = ma.fields.String(metadata={"enum": ["ok", "degraded"]})
    database = ma.fields.String(metadata={"enum": ["ok", "unreachable"]})


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database does not answer")
    def get(self):
        """Say whether the service and its database answer"""
        if get_database().ping():
            return {"status": "ok", "database": "ok"}
        return {"status": "degraded", "database": "unreachable"}, 503
