"""Keep stored vectors in step with their text: embed only rows whose text changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from embeddings.model import EmbeddingModel, default_model, text_hash


class Embeddable(Protocol):
    embedding: list[float] | None
    embedded_hash: str | None

    def embedding_text(self) -> str: ...


def _stale(rows: Iterable[Embeddable]) -> list[tuple[Embeddable, str, str | None]]:
    """Rows whose text is new or changed since their vector was made, with the text and its hash
    (None for a row without text)."""
    stale = []
    for row in rows:
        text = row.embedding_text().strip()
        digest = text_hash(text) if text else None
        if digest != row.embedded_hash:  # the hash is only ever stored together with its vector
            stale.append((row, text, digest))
    return stale


def refresh_embeddings(rows: Iterable[Embeddable], model: EmbeddingModel | None = None) -> int:
    """Embed now, in one batch, every row whose text is new or changed; answers how many were
    embedded. Rows without text get no vector."""
    stale = _stale(rows)
    with_text = [(row, text, digest) for row, text, digest in stale if digest is not None]
    for row, _, digest in stale:
        if digest is None:
            row.embedding, row.embedded_hash = None, None
    if with_text:
        vectors = (model or default_model()).embed([text for _, text, _ in with_text])
        for (row, _, digest), vector in zip(with_text, vectors, strict=True):
            row.embedding, row.embedded_hash = vector, digest
    return len(with_text)


def forget_stale_embeddings(rows: Iterable[Embeddable]) -> int:
    """Drop the vectors whose text changed, so a later pass (embed_missing) makes them anew;
    answers how many rows now wait for a vector."""
    stale = _stale(rows)
    for row, _, _ in stale:
        row.embedding, row.embedded_hash = None, None
    return sum(1 for _, _, digest in stale if digest is not None)
