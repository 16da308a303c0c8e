"""Marshmallow pieces shared by every domain's schemas."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from service.http import CamelSchema


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ma.ValidationError("Must not be blank.")


def text(max_length: int, **kwargs: Any) -> ma.fields.String:
    """An optional string up to `max_length` characters; null, and missing on a full update, mean empty."""
    kwargs.setdefault("allow_none", True)
    kwargs.setdefault("load_default", None)
    return ma.fields.String(validate=ma.validate.Length(max=max_length), **kwargs)


def required_text(max_length: int, **kwargs: Any) -> ma.fields.String:
    return ma.fields.String(required=True, validate=[ma.validate.Length(max=max_length), _not_blank], **kwargs)


def choice(values: list[str], **kwargs: Any) -> ma.fields.String:
    return ma.fields.String(
        validate=ma.validate.OneOf(values, error="Must be one of: {choices}."),
        metadata={"enum": values, **kwargs.pop("metadata", {})},
        **kwargs,
    )


class AuditSchema(CamelSchema):
    """Read-only identity, audit and version fields of every stored record."""

    id = ma.fields.UUID(dump_only=True)
    created_on = ma.fields.AwareDateTime(dump_only=True)
    created_by = ma.fields.UUID(dump_only=True, allow_none=True)
    modified_on = ma.fields.AwareDateTime(dump_only=True, allow_none=True)
    modified_by = ma.fields.UUID(dump_only=True, allow_none=True)
    version = ma.fields.Integer(dump_only=True, metadata={"description": "Increases with every change; the ETag is derived from it"})


class SearchArgsSchema(CamelSchema):
    q = ma.fields.String(validate=ma.validate.Length(max=200), metadata={"description": "Search text (case and accent insensitive)"})
