"""A person's skill profile from their resume records: which skills, how many years (overlapping
projects counted once, open-ended projects up to today), when last used, and the evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from service.matching.extract import Extractor
from service.matching.languages import PROFICIENCY_TO_CEFR, LanguageLevel


@dataclass(frozen=True)
class ProjectRecord:
    ref: str
    name: str
    start: date | None
    end: date | None  # None: still running
    technologies: tuple[str, ...] = ()
    text: str = ""  # description, responsibility and the like


@dataclass(frozen=True)
class DeclaredSkill:
    ref: str
    title: str
    months: int
    is_main: bool = False
    source: str = "professional_skill"  # or "domain" for the resume's business domains


@dataclass(frozen=True)
class CertificateRecord:
    ref: str
    name: str
    issued: date | None = None
    text: str = ""  # score, level, language


@dataclass(frozen=True)
class LanguageRecord:
    ref: str
    name: str
    proficiency: int | None


@dataclass
class Evidence:
    source: str  # project, professional_skill, domain, certificate, language
    ref: str
    name: str
    text: str
    start: date | None = None
    end: date | None = None
    implied_by: str | None = None  # "spring-boot" when Java is implied by Spring Boot


@dataclass
class SkillExperience:
    slug: str
    name: str
    kind: str
    category: str
    months: int = 0
    declared_months: int = 0
    last_used: date | None = None
    level: LanguageLevel | None = None
    evidence: list[Evidence] = field(default_factory=list)
    _intervals: list[tuple[date, date]] = field(default_factory=list, repr=False)

    @property
    def years(self) -> float:
        return round(max(self.months, self.declared_months) / 12, 1)


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def merged_months(intervals: Iterable[tuple[date, date]]) -> int:
    """Calendar months touched by the union of [start, end] intervals: a month counts once
    however many projects ran in it (2020-01-01..2021-12-31 is 24 months)."""
    total, current = 0, None  # current: [first, last] month of the run being merged
    for first, last in sorted((_month(start), _month(end)) for start, end in intervals if end >= start):
        if current is None or first > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = [first, last]
        else:
            current[1] = max(current[1], last)
    if current is not None:
        total += current[1] - current[0] + 1
    return total


def _excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def skill_profile(
    *,
    projects: Iterable[ProjectRecord],
    declared: Iterable[DeclaredSkill] = (),
    certificates: Iterable[CertificateRecord] = (),
    languages: Iterable[LanguageRecord] = (),
    extractor: Extractor,
    today: date,
) -> list[SkillExperience]:
    taxonomy = extractor.taxonomy
    profile: dict[str, SkillExperience] = {}

    def entry(slug: str) -> SkillExperience:
        skill = taxonomy.skills[slug]
        return profile.setdefault(slug, SkillExperience(skill.slug, skill.name, skill.kind, skill.category))

    for project in projects:
        end = min(project.end or today, today)
        span = (project.start, end) if project.start and project.start <= end else None
        seen: dict[str, str] = {}
        for technology in project.technologies:
            for found in extractor.extract(technology):
                seen.setdefault(found.skill.slug, f"technology: {technology}")
            if (named := taxonomy.lookup(technology)) is not None:
                seen.setdefault(named.slug, f"technology: {technology}")
        for found in extractor.extract(project.text):
            first = found.mentions[0]
            seen.setdefault(found.skill.slug, _excerpt(project.text, first.start, first.end))
        implied = {
            ancestor: slug for slug in list(seen) for ancestor in taxonomy.ancestors(slug) if ancestor not in seen
        }
        for slug, proof in [*seen.items(), *((a, f"implied by {taxonomy.skills[s].name}") for a, s in implied.items())]:
            experience = entry(slug)
            experience.evidence.append(
                Evidence("project", project.ref, project.name, proof, project.start, project.end, implied.get(slug))
            )
            if span:
                experience._intervals.append(span)
                experience.last_used = max(experience.last_used or span[1], span[1])

    for skill in declared:
        for found in extractor.extract(skill.title):
            experience = entry(found.skill.slug)
            experience.declared_months = max(experience.declared_months, skill.months)
            experience.evidence.append(Evidence(skill.source, skill.ref, skill.title, f"{skill.months // 12} years {skill.months % 12} months declared"))

    for certificate in certificates:
        text = f"{certificate.name} {certificate.text}".strip()
        proven: dict[str, LanguageLevel | None] = {}
        for found in extractor.extract(text):
            proven.setdefault(found.skill.slug, found.level)
            for slug in found.skill.targets("certifies"):
                if slug in taxonomy.skills:
                    proven.setdefault(slug, found.level)
        for slug, level in proven.items():
            experience = entry(slug)
            experience.evidence.append(Evidence("certificate", certificate.ref, certificate.name, text, certificate.issued))
            _raise_level(experience, level)

    for language in languages:
        skill = taxonomy.lookup(language.name)
        if skill is None:
            continue
        experience = entry(skill.slug)
        cefr = PROFICIENCY_TO_CEFR.get(language.proficiency or 0)
        experience.evidence.append(Evidence("language", language.ref, language.name, f"proficiency {language.proficiency}"))
        if cefr:
            _raise_level(experience, LanguageLevel(f"proficiency {language.proficiency}", "resume", cefr))

    for experience in profile.values():
        experience.months = merged_months(experience._intervals)
    return sorted(profile.values(), key=lambda e: (-max(e.months, e.declared_months), e.name))



def _raise_level(experience: SkillExperience, level: LanguageLevel | None) -> None:
    if level is not None and (experience.level is None or level.rank > experience.level.rank):
        experience.level = level


def career_months(projects: Iterable[ProjectRecord], today: date) -> int:
    """Months of project work in all, overlapping projects counted once."""
    spans = []
    for project in projects:
        end = min(project.end or today, today)
        if project.start and project.start <= end:
            spans.append((project.start, end))
    return merged_months(spans)
