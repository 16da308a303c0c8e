"""Keep stored vectors in step with their text: embed only rows whose text changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from embeddings.model import EmbeddingModel, default_model, text_hash


class Embeddable(Protocol):
    embedding: list[float] | None
    embedded_hash: str | None

    def embedding_text(self) -> str: ...


def refresh_embeddings(rows: Iterable[Embeddable], model: EmbeddingModel | None = None) -> int:
    """Embed, in one batch, every row whose text is new or changed; answers how many were embedded.
    Rows with no text get no vector."""
    stale: list[tuple[Embeddable, str, str]] = []
    for row in rows:
        text = row.embedding_text().strip()
        digest = text_hash(text) if text else None
        if digest == row.embedded_hash:
            continue  # the hash is only ever stored together with its vector
        if digest is None:
            row.embedding, row.embedded_hash = None, None
            continue
        stale.append((row, text, digest))
    if stale:
        vectors = (model or default_model()).embed([text for _, text, _ in stale])
        for (row, _, digest), vector in zip(stale, vectors, strict=True):
            row.embedding, row.embedded_hash = vector, digest
    return len(stale)
