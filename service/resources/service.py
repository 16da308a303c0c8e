"""Resource catalogue use cases: search by skill, type, language, price and meaning."""

from __future__ import annotations

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
