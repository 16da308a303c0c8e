from __future__ import annotations

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema
from service.matching.requirements import LEVELS, SENIORITIES
from service.schemas import SearchArgsSchema, choice

KINDS = ["language", "framework", "library", "database", "platform", "service", "tool", "practice", "methodology", "domain", "soft_skill", "spoken_language", "certification"]
MAX_TEXT = 100_000


class SkillSchema(CamelSchema):
    slug = ma.fields.String(metadata={"example": "spring-boot"})
    name = ma.fields.String(metadata={"example": "Spring Boot"})
    kind = ma.fields.String(metadata={"enum": KINDS})
    category = ma.fields.String(metadata={"example": "backend"})
    aliases = ma.fields.List(ma.fields.String())
    doc_url = ma.fields.String(allow_none=True)
    demand = ma.fields.Integer(metadata={"description": "0-100: how often the company staffs it and clients ask for it"})


class RelationSchema(CamelSchema):
    type = ma.fields.String(metadata={"enum": ["built_on", "part_of", "related", "certifies", "base_of", "has_part", "certified_by"]})
    slug = ma.fields.String()
    name = ma.fields.String()


class SkillDetailSchema(SkillSchema):
    relations = ma.fields.List(ma.fields.Nested(RelationSchema))


class SkillListArgsSchema(PageArgsSchema, SearchArgsSchema):
    kind = choice(KINDS)
    category = ma.fields.String()


class ExtractRequestSchema(CamelSchema):
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=MAX_TEXT), metadata={"example": "5+ years of Java/Kotlin, Spring Boot, AWS (EC2, S3); Japanese JLPT N2"})
    kind = choice(["jd", "cv"], load_default="jd", metadata={"description": "What the text is: a job description or a CV; both are read with the same rules"})


class LevelSchema(CamelSchema):
    text = ma.fields.String(metadata={"example": "JLPT N2"})
    scale = ma.fields.String(metadata={"enum": ["jlpt", "toeic", "ielts", "cefr", "words", "resume"]})
    cefr = ma.fields.String(metadata={"enum": ["A1", "A2", "B1", "B2", "C1", "C2"]})


class MentionSchema(CamelSchema):
    text = ma.fields.String()
    start = ma.fields.Integer(metadata={"description": "Offset of the first character in the given text"})
    end = ma.fields.Integer(metadata={"description": "Offset just after the last character"})
    version = ma.fields.String(allow_none=True, metadata={"example": "17"})


class FoundSkillSchema(CamelSchema):
    name = ma.fields.String(attribute="skill.name")
    slug = ma.fields.String(attribute="skill.slug")
    kind = ma.fields.String(attribute="skill.kind")
    category = ma.fields.String(attribute="skill.category")
    mentions = ma.fields.List(ma.fields.Nested(MentionSchema))
    level = ma.fields.Nested(LevelSchema, allow_none=True, metadata={"description": "Spoken languages and language certificates"})


class ExtractResponseSchema(CamelSchema):
    skills = ma.fields.List(ma.fields.Nested(FoundSkillSchema))


class RequiredSkillSchema(CamelSchema):
    slug = ma.fields.String()
    name = ma.fields.String()
    kind = ma.fields.String()
    min_years = ma.fields.Float(allow_none=True)
    language_level = ma.fields.Nested(LevelSchema, allow_none=True)


class RequirementSchema(CamelSchema):
    text = ma.fields.String(metadata={"description": "The sentence or bullet as written in the JD"})
    start = ma.fields.Integer()
    end = ma.fields.Integer()
    section = ma.fields.String(allow_none=True, metadata={"example": "Nice to have"})
    kind = ma.fields.String(metadata={"enum": ["technical", "spoken_language", "certification", "domain", "education", "responsibility", "soft_skill", "other"]})
    importance = ma.fields.String(metadata={"enum": ["must", "nice"]})
    min_years = ma.fields.Float(allow_none=True)
    level = ma.fields.String(allow_none=True, metadata={"enum": LEVELS})
    skills = ma.fields.List(ma.fields.Nested(RequiredSkillSchema))


class JobDescriptionSchema(CamelSchema):
    title = ma.fields.String(allow_none=True)
    seniority = ma.fields.String(allow_none=True, metadata={"enum": SENIORITIES})
    requirements = ma.fields.List(ma.fields.Nested(RequirementSchema))


class ParseRequestSchema(CamelSchema):
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=50_000), metadata={"example": "Requirements\n- 5+ years of Java\n- Spring Boot, Kafka\n\nNice to have\n- JLPT N2"})


class StoredRequirementSchema(RequirementSchema):
    id = ma.fields.UUID()
    position = ma.fields.Integer()


class ProjectRequirementsSchema(CamelSchema):
    project_id = ma.fields.UUID(attribute="id")
    title = ma.fields.String(attribute="role_title", allow_none=True)
    seniority = ma.fields.String(allow_none=True, metadata={"enum": SENIORITIES})
    requirements = ma.fields.List(ma.fields.Nested(StoredRequirementSchema))
