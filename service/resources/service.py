"""Resource catalogue use cases: search by skill, type, language, price and meaning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from embeddings.model import default_model
from service.errors import InvalidInput
from service.resources.models import Resource
from service.skills import service as skills


def list_resources(
    session: Session,
    *,
    skill: str | None = None,
    type: str | None = None,
    language: str | None = None,
    free: bool | None = None,
    q: str | None = None,
    page: int,
    page_size: int,
) -> dict[str, Any]:
    stmt = sa.select(Resource)
    if skill:
        if skills.taxonomy().get(skill) is None:
            raise InvalidInput(f"No skill with slug {skill!r}.", errors={"skill": ["Unknown skill; search GET /api/v1/skills?q=…"]})
        stmt = stmt.where(Resource.skills.contains([skill]))
    if type:
        stmt = stmt.where(Resource.type == type)
    if language:
        stmt = stmt.where(Resource.language == language)
    if free is not None:
        stmt = stmt.where(Resource.free.is_(free))
    if q:
        # by meaning: only resources that already have their vector (the seed's arrive in the background)
        distance = Resource.embedding.cosine_distance(default_model().embed_one(q))
        stmt = stmt.where(Resource.embedding.is_not(None)).add_columns((1 - distance).label("similarity")).order_by(distance)
    else:
        stmt = stmt.add_columns(sa.null().label("similarity")).order_by(Resource.type, Resource.title, Resource.id)
    total = session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return {"items": [_with(resource, similarity) for resource, similarity in rows], "page": page, "page_size": page_size, "total": total}


def _with(resource: Resource, similarity: float | None) -> dict[str, Any]:
    fields = ("id", "title", "url", "type", "provider", "language", "free", "level", "hours", "skills")
    return {**{field: getattr(resource, field) for field in fields}, "similarity": None if similarity is None else round(float(similarity), 4)}


@dataclass(frozen=True)
class Need:
    """What a study item needs resources for: its skill (if any), its words, and how deep."""

    skill: str | None
    text: str
    level: str  # beginner for something new, intermediate to deepen
    hours: float


TYPE_FIT = {
    "beginner": {"official_docs": 0.15, "tutorial": 0.12, "course": 0.1, "cheat_sheet": 0.02, "book": 0.0, "practice": 0.05, "certification": -0.1},
    "intermediate": {"official_docs": 0.1, "practice": 0.12, "book": 0.08, "course": 0.05, "tutorial": 0.05, "cheat_sheet": 0.08, "certification": 0.0},
}
NEAREST = 12


def for_needs(session: Session, needs: Sequence[Need], *, languages: Sequence[str], per_need: int = 3) -> list[list[dict[str, Any]]]:
    """Resources for each need, retrieved by skill (the catalogue's tags) and by meaning (pgvector
    on the need's words), so a need with no tagged resource, or worded without the skill's name,
    still finds material. Preferred languages first, English as the fallback."""
    if not needs:
        return []
    wanted = list(dict.fromkeys([*languages, "en"]))
    vectors = default_model().embed([need.text for need in needs])
    chosen = []
    for need, vector in zip(needs, vectors, strict=True):
        distance = Resource.embedding.cosine_distance(vector)
        nearest = (
            sa.select(Resource.id)
            .where(Resource.embedding.is_not(None), Resource.language.in_(wanted))
            .order_by(distance)
            .limit(NEAREST)
        )
        match = Resource.id.in_(nearest.scalar_subquery())
        if need.skill:
            match = sa.or_(match, Resource.skills.contains([need.skill]))
        rows = session.execute(
            sa.select(Resource, (1 - distance).label("similarity")).where(match, Resource.language.in_(wanted))
        ).all()
        chosen.append(_best(need, rows, wanted, per_need))
    return chosen


def _best(need: Need, rows: Sequence[Any], languages: list[str], limit: int) -> list[dict[str, Any]]:
    fit = TYPE_FIT["beginner" if need.level == "beginner" else "intermediate"]

    def score(resource: Resource, similarity: float | None) -> float:
        value = float(similarity or 0.0)
        if need.skill and need.skill in resource.skills:
            value += 0.6 - 0.05 * (len(resource.skills) - 1)  # teaches this skill, and not ten others
        value += fit.get(resource.type, 0.0)
        value += 0.2 if resource.language == languages[0] else 0.0
        value += 0.05 if resource.level == need.level else 0.0
        value -= 0.2 if resource.hours > max(need.hours * 2, 4) else 0.0
        value -= 0.1 if not resource.free else 0.0
        return value

    ranked = sorted(rows, key=lambda row: (-score(row[0], row[1]), row[0].title, str(row[0].id)))
    picked: list[tuple[Resource, float | None]] = []
    for varied in (True, False):  # one of each type first, then the best of the rest
        for resource, similarity in ranked:
            if len(picked) == limit:
                break
            if any(resource is other for other, _ in picked) or (varied and any(resource.type == other.type for other, _ in picked)):
                continue
            picked.append((resource, similarity))
    # JSON-ready: the callers keep them in their own records
    return [
        {**_with(resource, similarity), "id": str(resource.id), "why": _why(need, resource, similarity)}
        for resource, similarity in picked
    ]


def _why(need: Need, resource: Resource, similarity: float | None) -> str:
    if need.skill and need.skill in resource.skills:
        skill = skills.taxonomy().get(need.skill)
        return f"teaches {skill.name}" if skill else "teaches the skill"
    return f"close in meaning to the gap ({float(similarity or 0):.2f})"
