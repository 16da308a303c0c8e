"""How well the answer score orders our labelled answers, and the feedback time per answer.

Reads bench/data/answers/*.json (answers to bank questions, each with our own 0-100 grade and a
label: strong, partial, poor, off_topic), scores each with the offline feedback engine against
its bank question, and reports Spearman's rank correlation between score and grade, the mean
score per label, and the time per answer (the embedding cache emptied before each).

    .venv/bin/python -m bench.feedback
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from embeddings.model import default_model
from seed_data.load import question_records
from service.matching.feedback import KeyPoint, evaluate

DATA = Path(__file__).parent / "data" / "answers"


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1  # ties share their mean rank
        i = j + 1
    return result


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    return cov / ((sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5)


def main() -> None:
    bank = {record["id"]: record for record in question_records()}
    answers = [entry | {"set": path.stem} for path in sorted(DATA.glob("*.json")) for entry in json.loads(path.read_text(encoding="utf-8"))]
    model = default_model()
    model.embed(["warm up"])
    scores, grades, times = [], [], []
    by_label: dict[str, list[int]] = {}
    for entry in answers:
        question = bank[entry["questionId"]]
        model._cache.clear()
        started = time.perf_counter()
        feedback = evaluate(
            question=question["text"],
            answer=entry["answer"],
            kind=question["kind"],
            key_points=[KeyPoint(p["point"], tuple(p["terms"]), p.get("followUp")) for p in question["keyPoints"]],
            model_answer=question["modelAnswer"],
            star=question.get("star"),
            embed=model.embed,
        )
        times.append((time.perf_counter() - started) * 1000)
        scores.append(feedback.score)
        grades.append(entry["grade"])
        by_label.setdefault(entry["label"], []).append(feedback.score)
    per_set = {}
    for name in sorted({entry["set"] for entry in answers}):
        picked = [i for i, entry in enumerate(answers) if entry["set"] == name]
        per_set[name] = round(spearman([scores[i] for i in picked], [grades[i] for i in picked]), 3)
    result = {
        "answers": len(answers),
        "spearman": round(spearman(scores, grades), 3),
        "spearman_per_set": per_set,
        "mean_score_per_label": {label: round(statistics.mean(values), 1) for label, values in sorted(by_label.items())},
        "feedback_ms": {"median": round(statistics.median(times), 1), "p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 1), "max": round(max(times), 1)},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
