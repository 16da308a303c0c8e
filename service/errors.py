"""The one place where every failure becomes an RFC 9457 application/problem+json response."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import marshmallow as ma
from flask import Flask, Response, json
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details (documentation only; errors are built by `problem_response`)."""

    type = ma.fields.String(metadata={"description": "URI reference naming the kind of problem"})
    title = ma.fields.String(metadata={"description": "Short summary of the kind of problem"})
    status = ma.fields.Integer(metadata={"description": "HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong in this request"})
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "Per-field messages keyed by the field's path, e.g. projects[0].endDate"},
    )


class AppError(Exception):
    """A failure the client can act on. Services raise these; the handler renders them."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, *, errors: Mapping[str, list[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = dict(errors) if errors else None


class NotFound(AppError):
    status, slug, title = 404, "not-found", "Resource not found"


class Conflict(AppError):
    status, slug, title = 409, "conflict", "Conflict with the current state"


class PreconditionFailed(AppError):
    status, slug, title = 412, "precondition-failed", "The resource has changed"


class InvalidInput(AppError):
    status, slug, title = 422, "validation-error", "The request has invalid fields"


def problem_response(
    status: int,
    *,
    title: str | None = None,
    detail: str | None = None,
    slug: str | None = None,
    errors: Mapping[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": f"/problems/{slug}" if slug else "about:blank",
        "title": title or phrase,
        "status": status,
        "detail": detail or phrase,
    }
    if errors:
        body["errors"] = dict(errors)
    response = Response(json.dumps(body), status=status, content_type=PROBLEM_CONTENT_TYPE)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def flatten_messages(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn marshmallow's nested messages into {"projects[0].endDate": ["..."]}."""
    flat: dict[str, list[str]] = {}
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            if isinstance(key, int):
                path = f"{prefix}[{key}]"
            elif key == "_schema":
                path = prefix or "body"
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            for sub_path, texts in flatten_messages(value, path).items():
                flat.setdefault(sub_path, []).extend(texts)
    elif isinstance(messages, list | tuple):
        if all(isinstance(item, str) for item in messages):
            flat[prefix or "body"] = list(messages)
        else:
            for item in messages:
                for sub_path, texts in flatten_messages(item, prefix).items():
                    flat.setdefault(sub_path, []).extend(texts)
    else:
        flat[prefix or "body"] = [str(messages)]
    return flat


def _validation_detail(errors: Mapping[str, list[str]]) -> str:
    paths = list(errors)
    shown = ", ".join(paths[:5])
    more = f" and {len(paths) - 5} more" if len(paths) > 5 else ""
    return f"Invalid value in {shown}{more}."


def invalid_input(messages: Any, *, prefix: str = "") -> InvalidInput:
    errors = flatten_messages(messages, prefix)
    return InvalidInput(_validation_detail(errors), errors=errors)


def _http_exception_response(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    if status == 422 and "messages" in data:
        # webargs puts the parsed location first ({"json": {...}}, {"query": {...}}); drop it.
        messages = data["messages"]
        if isinstance(messages, Mapping) and len(messages) == 1:
            messages = next(iter(messages.values()))
        problem = invalid_input(messages)
        return problem_response(422, title=problem.title, detail=problem.detail, slug=problem.slug, errors=problem.errors)
    if status == 400 and "messages" in data:
        detail = "The request body is not valid JSON."
    else:
        detail = data.get("message") or error.description
    headers = dict(data.get("headers") or {})
    if status == 405 and error.get_response().headers.get("Allow"):
        headers["Allow"] = error.get_response().headers["Allow"]
    return problem_response(status, detail=detail, headers=headers)


def handle_exception(error: Exception) -> Response:
    if isinstance(error, AppError):
        return problem_response(error.status, title=error.title, detail=error.detail, slug=error.slug, errors=error.errors)
    if isinstance(error, HTTPException):
        return _http_exception_response(error)
    if isinstance(error, StaleDataError):
        stale = PreconditionFailed("Someone else changed the resource while this request ran; read it again and retry.")
        return handle_exception(stale)
    log.exception("unhandled error")
    return problem_response(500, detail="The server could not complete the request; the error was logged.")


def init_app(app: Flask) -> None:
    app.register_error_handler(Exception, handle_exception)
