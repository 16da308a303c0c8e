"""The customer's resume document, key for key (see docs/resume-schema.md)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema
from service.schemas import SearchArgsSchema, choice, required_text, text
from service.skills.schemas import LevelSchema

SERVER_SET = {"resume_id", "created_on", "created_by", "modified_on", "modified_by"}
SHORT, LONG = 200, 20_000


class SchemaDateTime(ma.fields.Field):
    """A calendar date-time as the resume schema writes it: YYYY-MM-DDTHH:MM:SS, no time zone."""

    default_error_messages = {
        "invalid": "Not a valid date: use YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD.",
        "aware": "Must not carry a time zone: use YYYY-MM-DDTHH:MM:SS.",
    }

    def _serialize(self, value: datetime | None, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else value.strftime("%Y-%m-%dT%H:%M:%S")

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str) or len(value) < 10:
            raise self.make_error("invalid")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self.make_error("invalid") from None
        if parsed.tzinfo is not None:
            raise self.make_error("aware")
        return parsed


class AuditTimestamp(ma.fields.Field):
    """Server-set UTC time, written as YYYY-MM-DDTHH:MM:SS.ssssss like the resume schema."""

    def _serialize(self, value: datetime | None, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        if value is None:
            return None
        return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds")

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> None:
        return None  # set by the server; a value sent back from a read is ignored


def _uuid(**kwargs: Any) -> ma.fields.UUID:
    return ma.fields.UUID(allow_none=True, load_default=None, **kwargs)


def _int(low: int, high: int, **kwargs: Any) -> ma.fields.Integer:
    return ma.fields.Integer(allow_none=True, load_default=None, strict=True, validate=ma.validate.Range(low, high), **kwargs)


def _bool() -> ma.fields.Boolean:
    return ma.fields.Boolean(allow_none=True, load_default=None)


def _date() -> SchemaDateTime:
    return SchemaDateTime(allow_none=True, load_default=None, metadata={"type": "string", "example": "2021-04-01T00:00:00"})


def _json_list() -> ma.fields.List:
    return ma.fields.List(ma.fields.Raw(), load_default=list, validate=ma.validate.Length(max=200), metadata={"description": "Free-form list, stored as given"})


class SectionSchema(CamelSchema):
    """Fields the server sets on every section row; accepted in requests and then ignored,
    except `id`, which keeps an existing row (and its createdOn) when a read is sent back."""

    id = _uuid(metadata={"description": "Set by the server; send it back to keep the row"})
    resume_id = ma.fields.UUID(allow_none=True, metadata={"description": "Set by the server"})
    created_on = AuditTimestamp(allow_none=True, metadata={"type": "string", "readOnly": True})
    created_by = ma.fields.UUID(allow_none=True, metadata={"readOnly": True})
    modified_on = AuditTimestamp(allow_none=True, metadata={"type": "string", "readOnly": True})
    modified_by = ma.fields.UUID(allow_none=True, metadata={"readOnly": True})

    # (start, end) pairs whose end must not come before its start
    ORDERED_DATES: tuple[tuple[str, str], ...] = ()

    @ma.validates_schema(skip_on_field_errors=False)
    def _dates_in_order(self, data: dict[str, Any], **kwargs: Any) -> None:
        errors = {}
        for start, end in self.ORDERED_DATES:
            if isinstance(data.get(start), datetime) and isinstance(data.get(end), datetime) and data[end] < data[start]:
                start_key, end_key = self.fields[start].data_key, self.fields[end].data_key
                errors[end_key] = [f"Must not be before {start_key} ({data[start]:%Y-%m-%d})."]
        if errors:
            raise ma.ValidationError(errors)

    @ma.post_load
    def _drop_server_set(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        return {key: value for key, value in data.items() if key not in SERVER_SET}


class EducationSchema(SectionSchema):
    ORDERED_DATES = (("start", "end"),)

    school = text(SHORT, metadata={"example": "Hanoi University of Science and Technology"})
    degree = text(SHORT, metadata={"example": "Bachelor of Engineering"})
    major = text(SHORT, metadata={"example": "Computer Science"})
    start = _date()
    end = _date()
    grade = text(SHORT, metadata={"example": "3.2/4.0"})
    complete_degree = _bool()


class CertificateSchema(SectionSchema):
    ORDERED_DATES = (("issue_date", "expiration_date"),)

    certificate = text(SHORT, metadata={"example": "AWS Certified Solutions Architect - Associate"})
    certificate_authority = text(SHORT)
    not_expired = _bool()
    issue_date = _date()
    expiration_date = _date()
    score = text(SHORT)
    license_no = text(SHORT)
    certificate_url = text(500)
    foreign_language = text(SHORT)
    subject = text(SHORT)
    is_ctc_sponsor = ma.fields.Boolean(allow_none=True, load_default=None, data_key="isCTCSponsor")
    grade = text(SHORT)
    certificate_catalog_id = _uuid()
    provider_id = _uuid()
    provider = text(SHORT)
    field_id = _uuid()
    field = text(SHORT)
    sub_field_id = _uuid()
    sub_field = text(SHORT)
    level_id = _uuid()
    level = text(SHORT)
    status = ma.fields.Integer(
        allow_none=True,
        load_default=None,
        strict=True,
        validate=ma.validate.OneOf([0, 1, 2], error="Must be one of: 0 (pending review), 1 (approved), 2 (rejected)."),
        metadata={"enum": [0, 1, 2], "description": "0 pending review, 1 approved, 2 rejected"},
    )
    attendance = _bool()
    file_name = text(500)
    is_synced = _bool()
    is_education = _bool()
    tech_type = text(SHORT)
    reject_reason = text(500)
    is_not_has_license_number = _bool()


class LanguageNameSchema(SectionSchema):
    class Meta:
        exclude = ("resume_id",)

    name = required_text(100, metadata={"example": "Japanese"})


class LanguageSchema(SectionSchema):
    proficiency = _int(0, 6, metadata={"description": "0 not assessed, 1 A1, 2 A2, 3 B1, 4 B2, 5 C1, 6 C2 or native"})
    language = ma.fields.Nested(LanguageNameSchema, required=True)


class DomainSchema(SectionSchema):
    name = required_text(SHORT, metadata={"example": "Banking"})
    year = _int(0, 60)
    month = _int(0, 11)


class ResumeProjectSchema(SectionSchema):
    ORDERED_DATES = (("start_date", "end_date"),)

    resume_project_id = _uuid()
    project_id = _uuid()
    name = text(SHORT, metadata={"example": "Core banking API modernisation"})
    project_key = text(SHORT)
    project_code = text(SHORT)
    project_rank = choice(["A", "B", "C"], allow_none=True, load_default=None)
    project_lead = text(SHORT)
    project_category = choice(["Development", "Maintenance"], allow_none=True, load_default=None)
    customer_code = text(SHORT)
    contract_type = choice(["T&M", "Fixed Price"], allow_none=True, load_default=None)
    url = text(500)
    company = text(SHORT)
    type = choice(["Internal", "External"], allow_none=True, load_default=None)
    team_size = _int(0, 10_000)
    search_skill = _int(0, 1_000)
    technology = ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(min=1, max=SHORT)),
        load_default=list,
        validate=ma.validate.Length(max=100),
        metadata={"example": ["Java 17", "Spring Boot", "PostgreSQL", "Kafka"]},
    )
    project_description = text(LONG)
    groupname = text(SHORT)
    status = choice(["On-going", "Closed"], allow_none=True, load_default=None)
    domain = text(SHORT)
    start_date = _date()
    end_date = _date()
    pain_points = text(LONG, data_key="painPoins")
    key_findings = text(LONG)
    working_process = text(LONG)
    responsibility = text(LONG)
    technology_by_pm = text(LONG, data_key="technologyByPM")
    description_by_pm = text(LONG, data_key="descriptionByPM")
    is_update_team = _bool()
    apply_incompleted = _bool()
    skill = text(SHORT)
    skill_code = text(SHORT)
    seniority = text(SHORT)
    project_roles = _json_list()
    project_skills = _json_list()
    project_jobs = _json_list()


class ProfessionalSkillSchema(SectionSchema):
    job_title_name = text(SHORT, metadata={"example": "Java Backend Developer"})
    experience_month = _int(0, 11)
    experience_year = _int(0, 60)
    job_fill_by_user = text(500)
    is_main_skill = _bool()
    project_info = _json_list()


class ResumeHeadSchema(SectionSchema):
    class Meta:
        exclude = ("resume_id",)

    id = _uuid(metadata={"description": "Optional on create, to keep the HR system's id; set by the server otherwise"})
    first_name = required_text(SHORT, data_key="first_name", metadata={"example": "Minh"})
    last_name = required_text(SHORT, data_key="last_name", metadata={"example": "Nguyen"})


class OneOrMany(ma.fields.List):
    """A list that also accepts a single object (the schema's `education`)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[Any]:
        if isinstance(value, dict):
            value = [value]
        return super()._deserialize(value, attr, data, **kwargs)


def _section_list(schema: type[ma.Schema], max_items: int, **kwargs: Any) -> ma.fields.List:
    return ma.fields.List(ma.fields.Nested(schema), validate=ma.validate.Length(max=max_items), **kwargs)


class ResumeDocumentSchema(CamelSchema):
    """One resume. Sections left out are empty on create and unchanged on PATCH."""

    resume = ma.fields.Nested(ResumeHeadSchema, required=True)
    education = OneOrMany(
        ma.fields.Nested(EducationSchema),
        validate=ma.validate.Length(max=50),
        metadata={"description": "One object or a list; always returned as a list"},
    )
    certificates = _section_list(CertificateSchema, 200)
    languages = _section_list(LanguageSchema, 50)
    domain = _section_list(DomainSchema, 100)
    projects = _section_list(ResumeProjectSchema, 200)
    professional_skills = _section_list(ProfessionalSkillSchema, 100)


class ResumeSummarySchema(CamelSchema):
    id = ma.fields.UUID()
    first_name = ma.fields.String(data_key="first_name")
    last_name = ma.fields.String(data_key="last_name")
    main_skill = ma.fields.String(allow_none=True, metadata={"description": "jobTitleName of the main professional skill"})
    created_on = AuditTimestamp(metadata={"type": "string"})
    modified_on = AuditTimestamp(allow_none=True, metadata={"type": "string"})


class ResumeListArgsSchema(PageArgsSchema, SearchArgsSchema):
    pass


IMPORT_MODES = ["reject", "skip", "replace"]


class ImportArgsSchema(CamelSchema):
    on_existing = choice(
        IMPORT_MODES,
        load_default="reject",
        metadata={"description": "What to do with a resume whose resume.id is already stored: reject it, skip it, or replace it"},
    )


class ImportItemSchema(CamelSchema):
    index = ma.fields.Integer(metadata={"description": "0-based position in the request (line number - 1 for JSON Lines)"})
    status = ma.fields.String(metadata={"enum": ["created", "replaced", "skipped", "rejected"]})
    id = ma.fields.UUID(allow_none=True)
    name = ma.fields.String(allow_none=True)
    detail = ma.fields.String(allow_none=True)
    errors = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()), allow_none=True)


class ImportResultSchema(CamelSchema):
    created = ma.fields.Integer()
    replaced = ma.fields.Integer()
    skipped = ma.fields.Integer()
    rejected = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ImportItemSchema))


class EvidenceSchema(CamelSchema):
    source = ma.fields.String(metadata={"enum": ["project", "professional_skill", "domain", "certificate", "language"]})
    ref = ma.fields.String(metadata={"description": "id of the project, professional skill, certificate or language row"})
    name = ma.fields.String()
    text = ma.fields.String(metadata={"description": "What shows it: the technology entry or the sentence of the project"})
    start = ma.fields.Date(allow_none=True)
    end = ma.fields.Date(allow_none=True)
    implied_by = ma.fields.String(allow_none=True, metadata={"description": "Slug of the skill this one is built into (Java for Spring Boot)"})


class SkillExperienceSchema(CamelSchema):
    slug = ma.fields.String()
    name = ma.fields.String()
    kind = ma.fields.String()
    category = ma.fields.String()
    years = ma.fields.Float(metadata={"description": "Years used: the larger of the project time (overlaps counted once) and the declared time"})
    months = ma.fields.Integer(metadata={"description": "Months covered by projects that show it, overlapping projects counted once"})
    declared_months = ma.fields.Integer(metadata={"description": "Months the person declared in professionalSkills"})
    last_used = ma.fields.Date(allow_none=True)
    level = ma.fields.Nested(LevelSchema, allow_none=True, metadata={"description": "Spoken languages: the best level shown"})
    evidence = ma.fields.List(ma.fields.Nested(EvidenceSchema))


class SkillProfileSchema(CamelSchema):
    resume_id = ma.fields.UUID()
    skills = ma.fields.List(ma.fields.Nested(SkillExperienceSchema))


class ClosestArgsSchema(CamelSchema):
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=2_000), metadata={"example": "experience designing REST APIs"})
    limit = ma.fields.Integer(load_default=5, validate=ma.validate.Range(1, 50))


class ClosestSectionSchema(CamelSchema):
    section = ma.fields.String(metadata={"enum": ["project", "professional_skill", "certificate", "education"]})
    id = ma.fields.UUID()
    text = ma.fields.String(metadata={"description": "The text the section was embedded from"})
    similarity = ma.fields.Float(metadata={"description": "Cosine similarity, -1 to 1 (higher is closer)"})


class ClosestSectionsSchema(CamelSchema):
    sections = ma.fields.List(ma.fields.Nested(ClosestSectionSchema))


class RequirementClosestArgsSchema(CamelSchema):
    resume_id = ma.fields.UUID(required=True)
    limit = ma.fields.Integer(load_default=5, validate=ma.validate.Range(1, 50))
