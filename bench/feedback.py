"""How well the answer score orders our labelled answers, and the feedback time per answer.

Reads bench/data/answers/*.json (answers to bank questions, each with our own 0-100 grade and a
label: strong, partial, poor, off_topic; an answer to a template gives its placeholders in
`fill`), scores each with the offline feedback engine against its bank question, and reports
Spearman's rank correlation between score and grade, the mean score per label, and the time per
answer, the in-process embedding cache emptied before each:
  - as the service scores it: the bank loaded into the `copilot_bench_feedback` database, its
    reference texts embedded there once (the first run only), so only the answer is embedded; a
    filled-in template has its texts and rivals embedded when it is asked, as GET /next does,
    timed apart (template_ask_ms);
  - cold: every text embedded at answer time, as for a question that is not in the bank.

    .venv/bin/python -m bench.feedback
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from embeddings.model import default_model
from seed_data.load import load_questions, question_records
from service.config import Settings
from service.db import Database, resolve_database_url
from service.interviews.service import filled, rival_texts, stored_vectors
from service.maintenance import embed_missing
from service.matching.feedback import KeyPoint, evaluate, reference_texts
from service.migrate import upgrade

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


def _score(answers: list[dict], bank: dict[str, dict], embed, *, prepare: bool) -> tuple[list[int], list[float], list[float]]:
    """Scores and times per answer, and for the filled-in templates the time to prepare them when
    asked (their texts and rivals embedded, as GET /next does before the answer comes)."""
    model = default_model()
    scores, times, asking = [], [], []
    templates = {code: record["text"] for code, record in bank.items() if record["kind"] in ("gap", "project")}
    for entry in answers:
        question = _question(bank[entry["questionId"]], entry.get("fill"))
        key_points = [KeyPoint(p["point"], tuple(p["terms"]), p.get("followUp")) for p in question["keyPoints"]]
        # as in an interview: a template is weighed against the other templates, filled in the same way
        rivals = rival_texts(templates, entry["questionId"], entry["fill"]) if entry.get("fill") else []
        model._cache.clear()
        if rivals and prepare:
            started = time.perf_counter()
            embed([*reference_texts(question["text"], key_points, question["modelAnswer"]), *rivals])
            asking.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        feedback = evaluate(
            question=question["text"],
            answer=entry["answer"],
            kind=question["kind"],
            key_points=key_points,
            model_answer=question["modelAnswer"],
            star=question.get("star"),
            rivals=rivals,
            embed=embed,
        )
        times.append((time.perf_counter() - started) * 1000)
        scores.append(feedback.score)
    return scores, times, asking


def _question(record: dict, values: dict[str, str] | None) -> dict:
    """The bank question as asked: a template filled in as an interview fills it."""
    if not values:
        return record
    asked = filled(record["text"], record["keyPoints"], record["modelAnswer"], values)
    return record | {"text": asked["text"], "keyPoints": asked["key_points"], "modelAnswer": asked["model_answer"]}


# The template answers of these six templates were looked at while the rivals' check and the
# templates' terms were set; the other six were not, and are reported apart as held out.
LOOKED_AT = {"gap-1", "gap-7", "gap-15", "project-2", "project-10", "project-19"}


def _set(name: str, entry: dict) -> str:
    if name != "templates":
        return name
    return "templates-looked-at" if entry["questionId"] in LOOKED_AT else "templates-held-out"


def _timing(times: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(times), 1), "p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 1), "max": round(max(times), 1)}


def main() -> None:
    bank = {record["id"]: record for record in question_records()}
    answers = [entry | {"set": _set(path.stem, entry)} for path in sorted(DATA.glob("*.json")) for entry in json.loads(path.read_text(encoding="utf-8"))]
    database = Database(resolve_database_url(Settings.from_env(), database_name="copilot_bench_feedback"))
    upgrade(database.engine)
    model = default_model()
    model.embed(["warm up"])
    with database.session_factory() as session:
        load_questions(session)
        session.commit()
        started = time.perf_counter()
        embedded = embed_missing(session)
        if embedded:
            print(f"embedded {embedded} bank texts in {time.perf_counter() - started:.0f} s")
        scores, times, asking = _score(answers, bank, stored_vectors(session), prepare=True)
    cold_scores, cold_times, _ = _score(answers, bank, model.embed, prepare=False)
    grades = [entry["grade"] for entry in answers]
    by_label: dict[str, list[int]] = {}
    for entry, score in zip(answers, scores, strict=True):
        by_label.setdefault(entry["label"], []).append(score)
    per_set = {}
    for name in sorted({entry["set"] for entry in answers}):
        picked = [i for i, entry in enumerate(answers) if entry["set"] == name]
        labels: dict[str, list[int]] = {}
        for i in picked:
            labels.setdefault(answers[i]["label"], []).append(scores[i])
        per_set[name] = {
            "spearman": round(spearman([scores[i] for i in picked], [grades[i] for i in picked]), 3),
            "mean_score_per_label": {label: round(statistics.mean(values), 1) for label, values in sorted(labels.items())},
        }
    result = {
        "answers": len(answers),
        "spearman": round(spearman(scores, grades), 3),
        "spearman_per_set": per_set,
        "mean_score_per_label": {label: round(statistics.mean(values), 1) for label, values in sorted(by_label.items())},
        "same_scores_cold": scores == cold_scores,
        "feedback_ms": _timing(times),
        "feedback_ms_cold": _timing(cold_times),
        "template_ask_ms": _timing(asking),
    }
    print(json.dumps(result, indent=2))
    database.engine.dispose()


if __name__ == "__main__":
    main()
