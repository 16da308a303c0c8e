from __future__ import annotations

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema
from service.resources.models import LANGUAGES, LEVELS, RESOURCE_TYPES
from service.schemas import choice


class ResourceSchema(CamelSchema):
    id = ma.fields.UUID()
    title = ma.fields.String()
    url = ma.fields.String()
    type = ma.fields.String(metadata={"enum": RESOURCE_TYPES})
    provider = ma.fields.String(allow_none=True)
    language = ma.fields.String(metadata={"enum": LANGUAGES})
    free = ma.fields.Boolean()
    level = ma.fields.String(metadata={"enum": LEVELS})
    hours = ma.fields.Float(metadata={"description": "Estimated study hours"})
    skills = ma.fields.List(ma.fields.String(), metadata={"description": "Slugs of the skills it teaches"})
    similarity = ma.fields.Float(allow_none=True, metadata={"description": "With q: closeness in meaning to q"})


class ResourceListArgsSchema(PageArgsSchema):
    skill = ma.fields.String(metadata={"description": "Skill slug, e.g. kubernetes"})
    type = choice(RESOURCE_TYPES)
    language = choice(LANGUAGES)
    free = ma.fields.Boolean()
    q = ma.fields.String(
        validate=ma.validate.Length(min=2, max=300),
        metadata={"description": "What to learn, in words; results ordered by meaning (\"event-driven microservices\")"},
    )
