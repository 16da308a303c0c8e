from __future__ import annotations

import marshmallow as ma

from service.http import CamelSchema, PageArgsSchema


class AnalysisRequestSchema(CamelSchema):
    resume_id = ma.fields.UUID(required=True, metadata={"description": "The employee's resume to compare with the project's JD"})


class AnalysisSummarySchema(CamelSchema):
    id = ma.fields.UUID()
    project_id = ma.fields.UUID()
    resume_id = ma.fields.UUID()
    score = ma.fields.Integer(metadata={"description": "Fit from 0 to 100"})
    project_version = ma.fields.Integer(metadata={"description": "Version of the project (and its JD) the report was made from"})
    resume_version = ma.fields.Integer(metadata={"description": "Version of the resume the report was made from"})
    created_on = ma.fields.AwareDateTime()
    created_by = ma.fields.UUID(allow_none=True)


class AnalysisSchema(AnalysisSummarySchema):
    report = ma.fields.Dict(
        metadata={
            "description": "score, uncappedScore, cap, explanation, breakdown (must/nice: matched, partial, missing, total), "
            "requirements (each: text, kind, importance, status matched/partial/missing/info, credit, scored, skills with "
            "status, requiredYears, years, lastUsed, requiredLevel, level, via, note and evidence; byMeaning: the CV section "
            "found by meaning with its similarity), matchedSkills, partialSkills, missingSkills, extraSkills"
        }
    )


class AnalysisListArgsSchema(PageArgsSchema):
    resume_id = ma.fields.UUID(metadata={"description": "Only this resume's reports"})


class TailoredResumeSchema(CamelSchema):
    analysis_id = ma.fields.UUID()
    resume_changed_since = ma.fields.Boolean(metadata={"description": "The resume changed after the analysis; run a new one to be sure the suggestions still fit"})
    resume = ma.fields.Dict(metadata={"description": "The resume document (customer schema) with the suggestions applied: projects reordered, rewrites, skills the projects show added"})
    suggestions = ma.fields.List(ma.fields.Dict(), metadata={"description": "type, target, reason, before, after, evidence, skills, change"})
    markdown = ma.fields.String(metadata={"description": "The tailored resume for people to read"})


class RankingArgsSchema(CamelSchema):
    limit = ma.fields.Integer(load_default=20, validate=ma.validate.Range(1, 100))
    available = ma.fields.Boolean(
        load_default=False, metadata={"description": "Only employees not already proposed, preparing or interviewing for another open project"}
    )


class RankedResumeSchema(CamelSchema):
    resume_id = ma.fields.UUID()
    name = ma.fields.String()
    score = ma.fields.Integer(metadata={"description": "Fit from 0 to 100 by the stored skill profile (evidence by meaning is in the full analysis)"})
    matched_must_haves = ma.fields.List(ma.fields.String())
    missing_must_haves = ma.fields.List(ma.fields.String())
    analysis_id = ma.fields.UUID(allow_none=True, metadata={"description": "The latest full analysis of this resume for the project, if any"})
    analysis_url = ma.fields.String(metadata={"description": "The latest analysis, or where to POST {resumeId} for one"})


class RankingSchema(CamelSchema):
    project_id = ma.fields.UUID()
    items = ma.fields.List(ma.fields.Nested(RankedResumeSchema))
