from __future__ import annotations

from typing import Any

import marshmallow as ma

from service.customers.schemas import CustomerSchema
from service.http import CamelSchema, PageArgsSchema
from service.projects.models import CANDIDATE_STATUSES, JOB_DESCRIPTION_MAX, PROJECT_STATUSES
from service.schemas import AuditSchema, SearchArgsSchema, choice, required_text, text

JD_EXAMPLE = (
    "Senior Java Developer (Spring Boot, Kafka)\n\nRequirements\n- 5+ years of Java\n"
    "- Spring Boot microservices and REST APIs\n- Kafka or another message broker\n\n"
    "Nice to have\n- AWS (EKS, RDS)\n- Japanese JLPT N2"
)


class ProjectSummarySchema(AuditSchema):
    name = ma.fields.String()
    customer_id = ma.fields.UUID()
    customer_name = ma.fields.Function(lambda project: project.customer.name, metadata={"type": "string"})
    status = ma.fields.String(metadata={"enum": PROJECT_STATUSES})
    interview_date = ma.fields.Date(allow_none=True)
    positions = ma.fields.Integer()


class ProjectSchema(AuditSchema):
    """An interview project. Give `customerId` of a stored customer, or `customer` to create one with it."""

    name = required_text(200, metadata={"example": "Core banking microservices - Senior Java"})
    job_description = required_text(JOB_DESCRIPTION_MAX, metadata={"example": JD_EXAMPLE})
    customer_id = ma.fields.UUID(load_default=None, allow_none=True)
    customer = ma.fields.Nested(CustomerSchema, load_default=None, allow_none=True, metadata={"description": "Inline new customer (instead of customerId)"})
    status = choice(PROJECT_STATUSES, load_default="draft")
    interview_date = ma.fields.Date(allow_none=True, load_default=None, metadata={"example": "2026-12-18"})
    positions = ma.fields.Integer(load_default=1, strict=True, validate=ma.validate.Range(1, 1000))
    notes = text(10_000)

    @ma.validates_schema
    def _one_customer(self, data: dict[str, Any], partial: Any = None, **kwargs: Any) -> None:
        has_id, has_inline = data.get("customer_id") is not None, data.get("customer") is not None
        if has_id and has_inline:
            raise ma.ValidationError("Give customerId or customer, not both.", "customer")
        if not partial and not has_id and not has_inline:
            raise ma.ValidationError("Give customerId of a stored customer, or customer to create one.", "customerId")


class ProjectListArgsSchema(PageArgsSchema, SearchArgsSchema):
    status = choice(PROJECT_STATUSES)
    customer_id = ma.fields.UUID()


class CandidateSchema(AuditSchema):
    project_id = ma.fields.UUID(dump_only=True)
    resume_id = ma.fields.UUID(required=True)
    first_name = ma.fields.Function(lambda candidate: candidate.resume.first_name, dump_only=True)
    last_name = ma.fields.Function(lambda candidate: candidate.resume.last_name, dump_only=True)
    status = choice(CANDIDATE_STATUSES, load_default="proposed", metadata={"description": "Where the employee is in the client's process"})
    client_feedback = text(10_000, metadata={"example": "Strong on Spring; needs more depth in Kafka partitioning."})


class CandidateUpdateSchema(CamelSchema):
    status = choice(CANDIDATE_STATUSES)
    client_feedback = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=10_000))


class OutcomeCountsSchema(CamelSchema):
    proposed = ma.fields.Integer()
    preparing = ma.fields.Integer()
    interviewed = ma.fields.Integer()
    passed = ma.fields.Integer()
    failed = ma.fields.Integer()
    total = ma.fields.Integer()
    success_rate = ma.fields.Float(allow_none=True, metadata={"description": "passed / (passed + failed); null until a client decided"})


class ProjectOutcomeSchema(OutcomeCountsSchema):
    project_id = ma.fields.UUID()
    project_name = ma.fields.String()
    customer_id = ma.fields.UUID()


class CustomerOutcomeSchema(OutcomeCountsSchema):
    customer_id = ma.fields.UUID()
    customer_name = ma.fields.String()


class OutcomeStatsSchema(CamelSchema):
    overall = ma.fields.Nested(OutcomeCountsSchema)
    by_customer = ma.fields.List(ma.fields.Nested(CustomerOutcomeSchema))
    by_project = ma.fields.List(ma.fields.Nested(ProjectOutcomeSchema))


class OutcomeArgsSchema(CamelSchema):
    customer_id = ma.fields.UUID(metadata={"description": "Only this customer's projects"})
    project_id = ma.fields.UUID(metadata={"description": "Only this project"})
