"""Every mapped model, imported once so the metadata is complete (Alembic, tests)."""

from service.analysis.models import Analysis
from service.customers.models import Customer
from service.db import Base
from service.interviews.models import Interview, InterviewTurn, Question
from service.plans.models import StudyPlan, StudyPlanItem
from service.projects.models import InterviewProject, ProjectCandidate, ProjectRequirement
from service.resources.models import Resource
from service.resumes.models import (
    Certificate,
    Education,
    Language,
    ProfessionalSkill,
    ProjectTechnology,
    Resume,
    ResumeDomain,
    ResumeLanguage,
    ResumeProject,
    ResumeSkill,
)

metadata = Base.metadata

__all__ = [
    "Analysis",
    "Certificate",
    "Customer",
    "Education",
    "Interview",
    "InterviewProject",
    "InterviewTurn",
    "Language",
    "ProfessionalSkill",
    "ProjectCandidate",
    "ProjectRequirement",
    "ProjectTechnology",
    "Question",
    "Resource",
    "Resume",
    "ResumeDomain",
    "ResumeLanguage",
    "ResumeProject",
    "ResumeSkill",
    "StudyPlan",
    "StudyPlanItem",
    "metadata",
]
