"""Skill use cases over the in-memory taxonomy: search, describe, extract, parse job descriptions."""

from __future__ import annotations

from functools import cache
from typing import Any

from service.errors import NotFound
from service.matching.extract import Extractor, FoundSkill
from service.matching.requirements import JobDescription, parse_job_description
from service.matching.taxonomy import Skill, Taxonomy, default_taxonomy, fold

# bump when the extractor, the requirement parser or the taxonomy changes, so stored JD
# requirements are parsed again at the next start
PARSER_VERSION = "2026-11-27.2"


def taxonomy() -> Taxonomy:
    return default_taxonomy()


@cache
def extractor() -> Extractor:
    return Extractor(default_taxonomy())


def search_skills(*, q: str | None = None, kind: str | None = None, category: str | None = None, page: int, page_size: int) -> dict[str, Any]:
    """Skills whose name or an alias starts with (then contains) `q`, most in demand first."""
    key = fold(q.strip()) if q else ""
    ranked: list[tuple[int, int, str, Skill]] = []
    for skill in taxonomy().skills.values():
        if (kind and skill.kind != kind) or (category and skill.category != category):
            continue
        if key:
            names = skill.search_keys
            if key in names:
                closeness = 0
            elif any(name.startswith(key) for name in names):
                closeness = 1
            elif any(key in name for name in names):
                closeness = 2
            else:
                continue
        else:
            closeness = 0
        ranked.append((closeness, -skill.demand, skill.name.casefold(), skill))
    ranked.sort(key=lambda row: row[:3])
    start = (page - 1) * page_size
    return {"items": [row[3] for row in ranked[start : start + page_size]], "page": page, "page_size": page_size, "total": len(ranked)}


def describe_skill(*, slug: str) -> dict[str, Any]:
    skill = taxonomy().get(slug)
    if skill is None:
        raise NotFound(f"No skill with slug {slug!r}; search with GET /api/v1/skills?q=…")
    return {"skill": skill, "relations": relations_of(skill)}


def relations_of(skill: Skill) -> list[dict[str, Any]]:
    """Outgoing relations, and the incoming ones seen from this side (Spring has part Spring Boot)."""
    skills = taxonomy().skills
    inverse = {"built_on": "base_of", "part_of": "has_part", "certifies": "certified_by", "related": "related"}
    rows = [{"type": r.type, "slug": r.target, "name": skills[r.target].name} for r in skill.relations if r.target in skills]
    for other in skills.values():
        for relation in other.relations:
            if relation.target == skill.slug:
                rows.append({"type": inverse[relation.type], "slug": other.slug, "name": other.name})
    return rows


def extract_skills(*, text: str) -> list[FoundSkill]:
    return extractor().extract(text)


def parse_jd(*, text: str) -> JobDescription:
    return parse_job_description(text, extractor())
