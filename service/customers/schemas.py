from __future__ import annotations

import marshmallow as ma

from service.http import PageArgsSchema
from service.schemas import AuditSchema, SearchArgsSchema, required_text, text


class CustomerSchema(AuditSchema):
    name = required_text(200, metadata={"example": "Sakura Financial Systems"})
    industry = text(200, metadata={"example": "Banking"})
    country = text(100, metadata={"example": "Japan"})
    contact_name = text(200, metadata={"example": "Kenji Watanabe"})
    contact_email = ma.fields.Email(allow_none=True, load_default=None, validate=ma.validate.Length(max=320), metadata={"example": "k.watanabe@sakura-fs.example.jp"})
    phone = text(50, metadata={"example": "+81 3-1234-5678"})
    notes = text(10_000)


class CustomerListArgsSchema(PageArgsSchema, SearchArgsSchema):
    pass
