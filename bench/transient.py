"""Resume documents as unsaved model objects, so benches use the service's own code paths
(embedding texts, skill-profile records) without a database."""

from __future__ import annotations

from typing import Any

from service.models import (
    Certificate,
    Education,
    Language,
    ProfessionalSkill,
    ProjectTechnology,
    Resume,
    ResumeDomain,
    ResumeLanguage,
    ResumeProject,
)
from service.resumes.schemas import ResumeDocumentSchema


def transient_resume(document: dict[str, Any]) -> Resume:
    loaded = ResumeDocumentSchema().load(document)
    head = loaded["resume"]
    resume = Resume(first_name=head["first_name"], last_name=head["last_name"])
    resume.education = [Education(**item) for item in loaded.get("education", [])]
    resume.certificates = [Certificate(**item) for item in loaded.get("certificates", [])]
    resume.professional_skills = [ProfessionalSkill(**item) for item in loaded.get("professional_skills", [])]
    resume.domain = [ResumeDomain(**item) for item in loaded.get("domain", [])]
    resume.languages = [
        ResumeLanguage(proficiency=item.get("proficiency"), language=Language(name=item["language"]["name"]))
        for item in loaded.get("languages", [])
    ]
    projects = []
    for item in loaded.get("projects", []):
        technology = item.pop("technology", [])
        project = ResumeProject(**item)
        project.technologies = [ProjectTechnology(name=name) for name in technology]
        projects.append(project)
    resume.projects = projects
    return resume


def section_rows(resume: Resume) -> list[Any]:
    """The rows the service embeds for a resume."""
    return [*resume.education, *resume.certificates, *resume.projects, *resume.professional_skills]
