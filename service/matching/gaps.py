"""Gap analysis: each JD requirement against a person's skill profile and CV sections, a fit
score from 0 to 100 with its breakdown, and a sentence or two on why.

Pure: requirements, the profile and the closest CV sections come in as plain data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from service.matching.experience import SkillExperience
from service.matching.languages import CEFR
from service.matching.taxonomy import Taxonomy

WEIGHTS = {"must": 3.0, "nice": 1.0}
SCORED_KINDS = {"technical", "spoken_language", "certification", "domain", "education", "soft_skill", "other"}
# a missing must-have caps the score: one at 65, two at 50, three or more at 35
CAPS = {1: 65, 2: 50}
LOWEST_CAP = 35
STALE_YEARS = 5  # experience last used longer ago than this counts only in part
# cosine similarity of a requirement and the nearest sentence of a CV section
MEANING_MATCH, MEANING_PARTIAL = 0.5, 0.42
CREDIT = {"matched": 1.0, "partial": 0.5, "transferable": 0.35, "missing": 0.0}
_DESCRIBED_KINDS = {"practice", "methodology", "domain", "soft_skill"}
ALTERNATIVES = re.compile(r"\bor\b|/|\beither\b|\bany of\b|\bone of\b", re.I)


@dataclass(frozen=True)
class RequiredSkillInput:
    slug: str
    name: str
    kind: str
    min_years: float | None = None
    cefr: str | None = None


@dataclass(frozen=True)
class RequirementInput:
    ref: str
    text: str
    kind: str
    importance: str
    min_years: float | None
    skills: tuple[RequiredSkillInput, ...] = ()


@dataclass(frozen=True)
class SectionMatch:
    ref: str
    section: str
    text: str
    similarity: float


@dataclass
class SkillResult:
    slug: str
    name: str
    status: str  # matched, partial, transferable, missing
    credit: float
    required_years: float | None = None
    years: float | None = None
    last_used: date | None = None
    required_level: str | None = None
    level: str | None = None
    via: str | None = None  # the CV's skill that gives transferable credit (Vue for React)
    note: str = ""
    evidence: list[dict[str, object]] = field(default_factory=list)


@dataclass
class RequirementResult:
    ref: str
    text: str
    kind: str
    importance: str
    status: str  # matched, partial, missing, or info for what is not scored
    credit: float
    scored: bool
    skills: list[SkillResult] = field(default_factory=list)
    by_meaning: SectionMatch | None = None
    note: str = ""


@dataclass
class GapReport:
    score: int
    uncapped_score: int
    cap: int | None
    explanation: str
    breakdown: dict[str, dict[str, int]]
    requirements: list[RequirementResult]
    matched_skills: list[str]
    missing_skills: list[str]
    partial_skills: list[str]
    extra_skills: list[str]


def _skill_result(required: RequiredSkillInput, profile: Mapping[str, SkillExperience], taxonomy: Taxonomy, today: date) -> SkillResult:
    have = profile.get(required.slug)
    result = SkillResult(required.slug, required.name, "missing", 0.0, required.min_years, required_level=required.cefr)
    if have is not None and have.evidence:
        result.evidence = [
            {"source": e.source, "ref": e.ref, "name": e.name, "text": e.text, "impliedBy": e.implied_by} for e in have.evidence[:5]
        ]
        result.years, result.last_used = have.years, have.last_used
        if required.kind == "spoken_language" or required.cefr:
            return _language_result(result, have)
        result.status, result.credit = "matched", CREDIT["matched"]
        if required.min_years and have.years < required.min_years:
            short = have.years / required.min_years
            result.status, result.credit = "partial", round(max(0.25, min(0.9, short)), 2)
            result.note = f"{have.years:g} of the {required.min_years:g} years asked"
        if have.last_used and (today - have.last_used).days > STALE_YEARS * 365:
            result.credit = round(result.credit * 0.7, 2)
            result.status = "partial"
            result.note = (result.note + "; " if result.note else "") + f"last used in {have.last_used.year}"
        return result
    wanted = taxonomy.skills.get(required.slug)
    for related in sorted(taxonomy.related(required.slug)):
        near = profile.get(related)
        if near is not None and near.evidence and (near.months or near.declared_months) and substitutes(wanted, taxonomy.skills.get(related)):
            result.status, result.credit, result.via = "transferable", CREDIT["transferable"], near.name
            result.years, result.last_used = near.years, near.last_used
            result.note = f"no {required.name} on record, but {near.years:g} years of {near.name}, a related skill"
            return result
    return result


def described(requirement: RequirementInput) -> bool:
    """Experience described in words, which meaning can speak for; not a named technology, a
    level, a certificate, a degree or a number of years."""
    return (
        all(skill.kind in _DESCRIBED_KINDS for skill in requirement.skills)
        and not requirement.min_years
        and requirement.kind not in ("education", "spoken_language", "certification")
    )


def _asked_skills(requirement: RequirementInput, taxonomy: Taxonomy) -> tuple[RequiredSkillInput, ...]:
    """The skills a requirement is judged on: a certificate requirement on certificates only; a
    language requirement on the language, not on the test that states its level (TOEIC 750)."""
    skills = requirement.skills
    if requirement.kind == "certification":
        return tuple(skill for skill in skills if skill.kind == "certification")
    languages = {skill.slug for skill in skills if skill.kind == "spoken_language"}
    if languages:
        skills = tuple(
            skill
            for skill in skills
            if not (skill.kind == "certification" and (s := taxonomy.get(skill.slug)) and set(s.targets("certifies")) & languages)
        )
    return skills


_FRAMEWORKS = {"framework", "library"}


def substitutes(wanted, near) -> bool:
    """Related skills give transferable credit only when one could stand in for the other: same
    area and same sort of thing (Vue for React, Kotlin for Java, GitLab CI for Jenkins), not
    merely used together (Docker and Kubernetes)."""
    if wanted is None or near is None or wanted.category != near.category:
        return False
    return wanted.kind == near.kind or {wanted.kind, near.kind} <= _FRAMEWORKS


def _language_result(result: SkillResult, have: SkillExperience) -> SkillResult:
    result.level = have.level.cefr if have.level else None
    if not result.required_level:
        result.status, result.credit = "matched", CREDIT["matched"]
        return result
    if result.level is None:
        result.status, result.credit = "partial", 0.3
        result.note = f"{result.name} on record without a level; {result.required_level} asked"
        return result
    short = CEFR.index(result.required_level) - CEFR.index(result.level)
    if short <= 0:
        result.status, result.credit = "matched", CREDIT["matched"]
    else:
        result.status, result.credit = "partial", round(max(0.1, 1 - 0.35 * short), 2)
        result.note = f"{result.level} on record, {result.required_level} asked"
    return result


_PRACTICE_KINDS = {"practice", "methodology"}


def _combine(requirement: RequirementInput, skills: list[SkillResult]) -> tuple[str, float]:
    kinds = {skill.slug: skill.kind for skill in requirement.skills}
    concrete = [skill for skill in skills if kinds.get(skill.slug) not in _PRACTICE_KINDS]
    if concrete and any(skill.status == "matched" for skill in concrete):
        # "Unit testing with JUnit": the practice comes with the tool that shows it
        skills = concrete
    credits = [skill.credit for skill in skills]
    if len(skills) > 1 and ALTERNATIVES.search(requirement.text):
        credit = max(credits)  # "Kafka or RabbitMQ": one is enough
    else:
        credit = sum(credits) / len(credits)
    if all(skill.status == "matched" for skill in skills) or credit >= 0.999:
        return "matched", 1.0
    if credit <= 0:
        return "missing", 0.0
    return "partial", round(credit, 2)


def _by_meaning(matches: Sequence[SectionMatch]) -> tuple[str, float, SectionMatch | None]:
    best = max(matches, key=lambda match: match.similarity, default=None)
    if best is None or best.similarity < MEANING_PARTIAL:
        return "missing", 0.0, best
    if best.similarity >= MEANING_MATCH:
        return "matched", 0.9, best
    return "partial", 0.5, best


def analyse(
    *,
    requirements: Sequence[RequirementInput],
    profile: Sequence[SkillExperience],
    closest: Mapping[str, Sequence[SectionMatch]],
    has_degree: bool,
    taxonomy: Taxonomy,
    today: date,
    career_months: int = 0,
) -> GapReport:
    """`career_months`: the person's whole project time, overlaps counted once ("10+ years in
    software development")."""
    by_slug = {experience.slug: experience for experience in profile}
    results: list[RequirementResult] = []
    for requirement in requirements:
        scored = requirement.kind in SCORED_KINDS
        result = RequirementResult(requirement.ref, requirement.text, requirement.kind, requirement.importance, "missing", 0.0, scored)
        asked = _asked_skills(requirement, taxonomy)
        if requirement.kind == "education":
            result.status, result.credit = ("matched", 1.0) if has_degree else ("missing", 0.0)
            result.note = "a degree is on record" if has_degree else "no degree on record"
        elif requirement.kind == "certification" and not asked:
            result.note = "this certificate is not on record"
        elif asked:
            result.skills = [_skill_result(skill, by_slug, taxonomy, today) for skill in asked]
            result.status, result.credit = _combine(requirement, result.skills)
        elif requirement.min_years:
            years = round(career_months / 12, 1)
            if years >= requirement.min_years:
                result.status, result.credit = "matched", 1.0
            elif years >= requirement.min_years / 2:
                result.status, result.credit = "partial", round(years / requirement.min_years, 2)
            result.note = f"{years:g} years of project work on record, {requirement.min_years:g} asked"
        if result.status == "missing" and described(requirement):
            status, credit, best = _by_meaning(closest.get(requirement.ref, ()))
            result.by_meaning = best if status != "missing" else None
            if credit > result.credit:
                result.status, result.credit = status, credit
                result.note = f"found by meaning in the CV ({best.section}, similarity {best.similarity:.2f})"
        if not asked and not requirement.min_years and requirement.kind in ("other", "soft_skill", "responsibility"):
            # prose without a checkable skill or years: evidence found by meaning counts, but its
            # absence is not held against the person (a CV cannot be searched for every wording)
            result.scored = result.status != "missing"
        if not result.scored:
            result.status = "info" if result.status == "missing" else result.status
        results.append(result)
    return _report(results, profile, requirements)


def _report(results: list[RequirementResult], profile: Sequence[SkillExperience], requirements: Sequence[RequirementInput]) -> GapReport:
    scored = [r for r in results if r.scored]
    total = sum(WEIGHTS[r.importance] for r in scored)
    earned = sum(WEIGHTS[r.importance] * r.credit for r in scored)
    uncapped = round(100 * earned / total) if total else 0
    missing_musts = [r for r in scored if r.importance == "must" and r.status == "missing"]
    cap = CAPS.get(len(missing_musts), LOWEST_CAP) if missing_musts else None
    score = min(uncapped, cap) if cap is not None else uncapped
    breakdown = {
        importance: {
            status: sum(1 for r in scored if r.importance == importance and r.status == status)
            for status in ("matched", "partial", "missing")
        }
        | {"total": sum(1 for r in scored if r.importance == importance)}
        for importance in ("must", "nice")
    }
    skills = [s for r in results for s in r.skills]
    matched = _unique(s.name for s in skills if s.status == "matched")
    partial = _unique(s.name for s in skills if s.status in ("partial", "transferable") and s.name not in matched)
    missing = _unique(s.name for s in skills if s.status == "missing" and s.name not in matched and s.name not in partial)
    required = {skill.slug for requirement in requirements for skill in requirement.skills}
    extra = [e.name for e in profile if e.slug not in required and e.kind in ("language", "framework", "library", "database", "platform", "service", "tool") and e.months >= 6][:15]
    return GapReport(score, uncapped, cap, _explain(score, cap, breakdown, missing_musts, scored), breakdown, results, matched, missing, partial, extra)


def _unique(names) -> list[str]:
    return list(dict.fromkeys(names))


def _explain(score: int, cap: int | None, breakdown: dict[str, dict[str, int]], missing_musts: list[RequirementResult], scored: list[RequirementResult]) -> str:
    must, nice = breakdown["must"], breakdown["nice"]
    sentence = (
        f"Fit {score}/100: {must['matched']} of {must['total']} must-haves met"
        + (f", {must['partial']} in part" if must["partial"] else "")
        + (f"; {nice['matched']} of {nice['total']} nice-to-haves" if nice["total"] else "")
        + "."
    )
    if cap is not None:
        names = "; ".join(_short(r) for r in missing_musts[:3])
        sentence += f" Capped at {cap} because {len(missing_musts)} must-have{'s are' if len(missing_musts) > 1 else ' is'} missing: {names}."
    else:
        weakest = sorted((r for r in scored if r.importance == "must" and r.status == "partial"), key=lambda r: r.credit)[:2]
        if weakest:
            sentence += " Weakest must-haves: " + "; ".join(_short(r) for r in weakest) + "."
    return sentence


def _short(result: RequirementResult) -> str:
    notes = [s.note for s in result.skills if s.note and s.status != "matched"]
    text = result.text if len(result.text) <= 70 else result.text[:67].rstrip() + "…"
    return f"{text} ({notes[0]})" if notes else text
