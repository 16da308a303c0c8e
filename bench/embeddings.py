"""Embedding speed of the packaged all-MiniLM-L6-v2 model on this machine (CPU).

    .venv/bin/python -m bench.embeddings
"""

from __future__ import annotations

import json
import statistics
import time

from bench.transient import section_rows, transient_resume
from embeddings.model import EmbeddingModel
from seed_data.load import SEED_DIR, resume_documents
from service.matching.extract import Extractor
from service.matching.requirements import parse_job_description
from service.matching.taxonomy import default_taxonomy


def resume_texts(document: dict) -> list[str]:
    """The texts the service embeds for one resume, made by the models themselves (unsaved rows)."""
    return [text for row in section_rows(transient_resume(document)) if (text := row.embedding_text())]


def timed(model: EmbeddingModel, texts: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        model._cache.clear()
        started = time.perf_counter()
        model.embed(texts)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    model = EmbeddingModel()
    started = time.perf_counter()
    model.embed_one("warm up")
    load_seconds = time.perf_counter() - started

    documents = resume_documents()
    sentences = [text for document in documents for text in resume_texts(document)]
    sentences = (sentences * (512 // max(1, len(sentences)) + 1))[:512]
    model._cache.clear()
    started = time.perf_counter()
    model.embed(sentences)
    per_second = len(sentences) / (time.perf_counter() - started)

    one_resume = resume_texts(documents[1])
    jd = json.loads(next((SEED_DIR / "projects").glob("01-*.json")).read_text())["jobDescription"]
    requirements = [r.text for r in parse_job_description(jd, Extractor(default_taxonomy())).requirements]
    print(
        json.dumps(
            {
                "model_load_seconds": round(load_seconds, 2),
                "sentences_per_second": round(per_second, 1),
                "one_resume": {"texts": len(one_resume), "median_ms": round(timed(model, one_resume), 1)},
                "one_jd": {"requirements": len(requirements), "median_ms": round(timed(model, requirements), 1)},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
