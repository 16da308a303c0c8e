"""Truthful CV suggestions for one JD: surface what the person's own records show, never more.

Every suggestion cites the records it rests on, and `supported` refuses any suggestion whose new
text names a skill the records do not show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from service.matching.experience import ProjectRecord, SkillExperience
from service.matching.extract import Extractor
from service.matching.gaps import GapReport
from service.matching.taxonomy import TECHNICAL_KINDS

_NUMBER = re.compile(r"\d")


@dataclass
class Suggestion:
    type: str  # hidden_evidence, order, rewrite, ask_for_numbers, certificate
    target: str  # the resume part it changes: "professionalSkills", "projects", "projects[2].responsibility"
    reason: str
    before: str | None = None
    after: str | None = None
    evidence: list[dict[str, str]] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)  # slugs the suggestion is about
    change: dict[str, object] = field(default_factory=dict)  # what applying it writes (see service/analysis/tailor.py)


def _required(report: GapReport) -> dict[str, tuple[str, str]]:
    """slug -> (name, importance) of every skill the JD asks for, must winning over nice."""
    wanted: dict[str, tuple[str, str]] = {}
    for requirement in report.requirements:
        for skill in requirement.skills:
            if wanted.get(skill.slug, ("", "nice"))[1] != "must":
                wanted[skill.slug] = (skill.name, requirement.importance)
    return wanted


def suggest(
    *,
    report: GapReport,
    profile: Sequence[SkillExperience],
    projects: Sequence[ProjectRecord],
    project_paths: Sequence[str],
    extractor: Extractor,
) -> list[Suggestion]:
    """`project_paths[i]` is where projects[i] sits in the resume document ("projects[0]")."""
    taxonomy = extractor.taxonomy
    wanted = _required(report)
    by_slug = {experience.slug: experience for experience in profile}
    suggestions: list[Suggestion] = []

    # 1. hidden evidence: the JD asks for it, projects show it, the skills section does not say it
    for slug, (name, importance) in wanted.items():
        have = by_slug.get(slug)
        if have is None or have.kind not in TECHNICAL_KINDS or any(e.source == "professional_skill" for e in have.evidence):
            continue
        shown_in = [e for e in have.evidence if e.source == "project" and not e.implied_by]
        if not shown_in:
            continue
        years = f"{have.months // 12} years {have.months % 12} months" if have.months else "experience"
        suggestions.append(
            Suggestion(
                "hidden_evidence",
                "professionalSkills",
                f"The JD asks for {name} ({importance}); your projects show it but your skills section does not list it.",
                after=f"{name}: {years}",
                evidence=[{"ref": e.ref, "name": e.name, "text": e.text} for e in shown_in[:4]],
                skills=[slug],
                change={"jobTitleName": name, "experienceYear": have.months // 12, "experienceMonth": have.months % 12},
            )
        )

    # 2. order and emphasis: the projects that show the most wanted skills first
    relevance = []
    for index, project in enumerate(projects):
        shown = {found.skill.slug for text in (*project.technologies, project.text) for found in extractor.extract(text)}
        score = sum(3 if importance == "must" else 1 for slug, (_, importance) in wanted.items() if slug in shown)
        relevance.append((score, index, shown))
    ranked = sorted(relevance, key=lambda row: (-row[0], row[1]))
    if [index for _, index, _ in ranked] != list(range(len(projects))) and ranked and ranked[0][0] > 0:
        order = [projects[index].name for _, index, _ in ranked]
        suggestions.append(
            Suggestion(
                "order",
                "projects",
                "Put the projects that show this JD's skills first; reviewers read the top of a CV most.",
                before=", ".join(project.name for project in projects),
                after=", ".join(order),
                evidence=[{"ref": projects[index].ref, "name": projects[index].name, "text": f"shows {score} weighted JD skills"} for score, index, _ in ranked[:3]],
                change={"order": [project_paths[index] for _, index, _ in ranked]},
            )
        )

    # 3. rewrites of the most relevant projects: name the JD's technologies the project really used
    for score, index, shown in ranked[:3]:
        if score == 0:
            continue
        project = projects[index]
        in_text = {found.skill.slug for found in extractor.extract(project.text)}
        unnamed = [
            technology
            for technology in project.technologies
            if (skill := taxonomy.lookup(technology)) is not None and skill.slug in wanted and skill.slug not in in_text
        ]
        path = project_paths[index]
        if unnamed:
            before = project.text.strip()
            suggestions.append(
                Suggestion(
                    "rewrite",
                    f"{path}.responsibility",
                    f"{project.name} used {', '.join(unnamed)}, which the JD asks for, but its description does not say how.",
                    before=before or None,
                    after=(before + " " if before else "") + f"Built and ran it with {', '.join(unnamed)}.",
                    evidence=[{"ref": project.ref, "name": project.name, "text": f"technology: {', '.join(project.technologies)}"}],
                    skills=[taxonomy.lookup(t).slug for t in unnamed],
                    change={"path": path, "field": "responsibility"},
                )
            )
        if not _NUMBER.search(project.text):
            suggestions.append(
                Suggestion(
                    "ask_for_numbers",
                    f"{path}.responsibility",
                    f"{project.name} has no numbers: add what is true — team size, users or requests per second, data volume, time or cost saved.",
                    evidence=[{"ref": project.ref, "name": project.name, "text": project.text[:120]}],
                )
            )

    # 4. certificates worth taking for missing must-haves
    certified_by: dict[str, list[str]] = {}
    for skill in taxonomy.skills.values():
        if skill.kind == "certification":
            for target in skill.targets("certifies"):
                certified_by.setdefault(target, []).append(skill.slug)
    for name in report.missing_skills:
        skill = taxonomy.lookup(name)
        if skill is None or wanted.get(skill.slug, ("", ""))[1] != "must":
            continue
        options = sorted(certified_by.get(skill.slug, []), key=lambda slug: -taxonomy.skills[slug].demand)[:2]
        if options:
            suggestions.append(
                Suggestion(
                    "certificate",
                    "certificates",
                    f"{skill.name} is a must-have you have no record of; a certificate is a credible way to show it once learned.",
                    after=" or ".join(taxonomy.skills[slug].name for slug in options),
                    skills=[skill.slug],
                )
            )
    return [suggestion for suggestion in suggestions if supported(suggestion, profile, extractor)]


def supported(suggestion: Suggestion, profile: Sequence[SkillExperience], extractor: Extractor) -> bool:
    """True when every skill the suggestion's new text names is in the person's records (or was
    already in the text it replaces). Certificates to take are advice, not claims."""
    if suggestion.type == "certificate" or not suggestion.after:
        return True
    shown = {experience.slug for experience in profile if experience.evidence}
    before = {found.skill.slug for found in extractor.extract(suggestion.before or "")}
    named = {found.skill.slug for found in extractor.extract(suggestion.after)}
    return named <= shown | before
