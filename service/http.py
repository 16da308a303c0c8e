"""Project-wide API behaviour: the Api/Blueprint subclasses, camelCase schemas, pagination,
ETags and the acting user."""

from __future__ import annotations

import http
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import flask_smorest
import marshmallow as ma
import sqlalchemy as sa
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Request, g, request
from flask_smorest.utils import prepare_response
from sqlalchemy.orm import Session

from service.errors import PROBLEM_CONTENT_TYPE, AppError, PreconditionFailed, ProblemSchema

USER_HEADER = "X-User-Id"
MAX_PAGE_SIZE = 100


def schema_name(schema: type[ma.Schema] | ma.Schema) -> str:
    """OpenAPI component name: the class name without "Schema"; partial (PATCH) variants end in "Patch"."""
    cls = schema if isinstance(schema, type) else type(schema)
    name = cls.__name__.removesuffix("Schema")
    if isinstance(schema, ma.Schema) and schema.partial:
        name += "Patch"
    return name


class Api(flask_smorest.Api):
    """Documents every error as application/problem+json; `service.errors` renders them."""

    ERROR_SCHEMA = ProblemSchema

    def _init_spec(self, **kwargs: Any) -> None:
        kwargs.setdefault("marshmallow_plugin", MarshmallowPlugin(schema_name_resolver=schema_name))
        super()._init_spec(**kwargs)

    def _register_error_handlers(self) -> None:
        # service.errors registers one handler for every exception, HTTP ones included.
        pass

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


class Blueprint(flask_smorest.Blueprint):
    def problems(self, *statuses: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Document the problem responses an operation can answer besides validation errors."""

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            for status in statuses:
                func = self.alt_response(status, response=http.HTTPStatus(status).name)(func)
            return func

        return decorator


def camelcase(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def as_json(value: Any) -> Any:
    """Plain data (dataclasses turned to dicts) as JSON: camelCase keys, ISO dates."""
    if isinstance(value, dict):
        return {camelcase(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


class CamelSchema(ma.Schema):
    """Attribute names in snake_case, JSON keys in camelCase, unknown keys rejected."""

    class Meta:
        unknown = ma.RAISE

    def on_bind_field(self, field_name: str, field_obj: ma.fields.Field) -> None:
        field_obj.data_key = field_obj.data_key or camelcase(field_name)


class PageArgsSchema(CamelSchema):
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1), metadata={"description": "1-based page number"})
    page_size = ma.fields.Integer(
        load_default=20,
        validate=ma.validate.Range(min=1, max=MAX_PAGE_SIZE),
        metadata={"description": f"Items per page (at most {MAX_PAGE_SIZE})"},
    )


class PageSchema(CamelSchema):
    page = ma.fields.Integer(required=True)
    page_size = ma.fields.Integer(required=True)
    total = ma.fields.Integer(required=True, metadata={"description": "Items matching the query, over all pages"})


_page_schemas: dict[type[ma.Schema], type[ma.Schema]] = {}


def page_of(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """A named page schema (`<Item>Page`) holding `items` of `item_schema`."""
    if item_schema not in _page_schemas:
        name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
        _page_schemas[item_schema] = type(name, (PageSchema,), {"items": ma.fields.List(ma.fields.Nested(item_schema), required=True)})
    return _page_schemas[item_schema]


def paginate(session: Session, stmt: sa.Select[Any], *, page: int, page_size: int) -> dict[str, Any]:
    """Run `stmt` for one page and count every row it matches."""
    total = session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())) or 0
    items = session.scalars(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return {"items": items, "page": page, "page_size": page_size, "total": total}


def newest_first(session: Session, model: type, *, page: int, page_size: int, **filters: Any) -> dict[str, Any]:
    """One page of `model`'s rows, newest first, matching every filter that is not None
    (`project_id=…, resume_id=…`)."""
    stmt = sa.select(model).order_by(model.created_on.desc(), model.id)
    for column, value in filters.items():
        if value is not None:
            stmt = stmt.where(getattr(model, column) == value)
    return paginate(session, stmt, page=page, page_size=page_size)


USER_HEADER_DOC = {
    "in": "header",
    "name": USER_HEADER,
    "required": False,
    "description": "UUID of the person acting; recorded as createdBy/modifiedBy",
    "schema": {"type": "string", "format": "uuid"},
}
ETAG_HEADERS = {"ETag": {"description": "Version of the resource; send it back in If-Match to update safely", "schema": {"type": "string"}}}
IF_MATCH_DOC = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "description": "ETag from a previous read; the change is refused with 412 if the resource changed since.",
    "schema": {"type": "string"},
}


def etag_of(obj: Any) -> str:
    return f"v{obj.version}"


def etag_headers(obj: Any) -> dict[str, str]:
    return {"ETag": f'"{etag_of(obj)}"'}


def require_fresh(obj: Any) -> None:
    """Honour If-Match: refuse to change `obj` when the client's copy is stale."""
    if_match = request.if_match
    if not if_match:
        return
    if if_match.star_tag or if_match.contains(etag_of(obj)):
        return
    raise PreconditionFailed(
        f"The resource is now at ETag \"{etag_of(obj)}\", not the one in If-Match. "
        "Read it again, reapply your change and retry."
    )


def acting_user_id(req: Request) -> uuid.UUID | None:
    raw = req.headers.get(USER_HEADER)
    if raw is None or raw.strip() == "":
        return None
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise AppError(f"The {USER_HEADER} header must be a UUID.", errors={USER_HEADER: ["Not a valid UUID."]}) from None


def remember_acting_user() -> None:
    g.acting_user_id = acting_user_id(request)
