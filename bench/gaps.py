"""Gap-analysis quality on our labelled CV–JD pairs (bench/data/gaps), without a database.

For every requirement bullet of every pair, the analysis's status (matched, partial, missing)
is compared with the label. A "gap" is anything not matched: gap precision and recall say how
well the analysis finds what a person must prepare. Sections are compared by meaning with the
same model and the same rule as the service (top 3 CV sections per requirement).

    .venv/bin/python -m bench.gaps [--verbose]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from bench.transient import section_rows, transient_resume
from embeddings.model import cosine, default_model
from service.analysis.service import CLOSEST_PER_REQUIREMENT, sharpen
from service.matching.experience import career_months, skill_profile
from service.matching.gaps import RequiredSkillInput, RequirementInput, SectionMatch, analyse, described
from service.resumes.service import records_of
from service.skills.service import extractor, parse_jd, taxonomy

DATA = Path(__file__).parent / "data" / "gaps"
TODAY = date(2026, 11, 27)  # the date the labels were written for


def inputs(text: str) -> list[RequirementInput]:
    return [
        RequirementInput(
            ref=str(index),
            text=requirement.text,
            kind=requirement.kind,
            importance=requirement.importance,
            min_years=requirement.min_years,
            skills=tuple(
                RequiredSkillInput(s.slug, s.name, s.kind, s.min_years, s.language_level.cefr if s.language_level else None)
                for s in requirement.skills
            ),
        )
        for index, requirement in enumerate(parse_jd(text=text).requirements)
    ]


def evaluate(verbose: bool) -> dict[str, float]:
    model = default_model()
    model.embed_one("warm up")
    counts = {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "total": 0, "unmatched_labels": 0}
    timings = []
    for folder in sorted(path for path in DATA.iterdir() if path.is_dir()):
        jd = (folder / "jd.txt").read_text(encoding="utf-8")
        document = json.loads((folder / "cv.json").read_text(encoding="utf-8"))
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["requirements"]
        started = time.perf_counter()
        requirements = inputs(jd)
        resume = transient_resume(document)
        records = records_of(resume)
        profile = skill_profile(**records, extractor=extractor(), today=TODAY)
        rows = [row for row in section_rows(resume) if row.embedding_text().strip()]
        vectors = model.embed([row.embedding_text() for row in rows])
        closest = {}
        for requirement, requirement_vector in zip(requirements, model.embed([r.text for r in requirements]), strict=True):
            if not described(requirement):
                continue
            scored = sorted(
                (SectionMatch(str(i), type(row).__name__, row.embedding_text(), cosine(requirement_vector, vector)) for i, (row, vector) in enumerate(zip(rows, vectors, strict=True))),
                key=lambda match: -match.similarity,
            )
            closest[requirement.ref] = sharpen(requirement_vector, scored[:CLOSEST_PER_REQUIREMENT], model)
        report = analyse(
            requirements=requirements,
            profile=profile,
            closest=closest,
            has_degree=any(education.degree for education in resume.education),
            taxonomy=taxonomy(),
            today=TODAY,
            career_months=career_months(records["projects"], TODAY),
        )
        timings.append((time.perf_counter() - started) * 1000)
        by_text = {result.text: result for result in report.requirements}
        for label in expected:
            result = by_text.get(label["text"])
            counts["total"] += 1
            if result is None:
                counts["unmatched_labels"] += 1
                predicted = "missing"
            else:
                predicted = result.status if result.status in ("matched", "partial") else "missing"
            gold_gap, predicted_gap = label["status"] != "matched", predicted != "matched"
            counts["tp"] += gold_gap and predicted_gap
            counts["fp"] += predicted_gap and not gold_gap
            counts["fn"] += gold_gap and not predicted_gap
            counts["exact"] += predicted == label["status"]
            if verbose and predicted != label["status"]:
                print(f"{folder.name}: {label['text']!r}: expected {label['status']}, got {predicted}" + (f" ({result.note or ''})" if result else " (not read as a requirement)"))
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 1.0
    recall = counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 1.0
    return {
        "pairs": len(timings),
        "requirements": counts["total"],
        "gap_precision": precision,
        "gap_recall": recall,
        "status_accuracy": counts["exact"] / counts["total"],
        "labels_not_read_as_requirements": counts["unmatched_labels"],
        "median_ms_per_pair": statistics.median(timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list every requirement whose status differs from its label")
    result = evaluate(parser.parse_args().verbose)
    print(json.dumps({key: round(value, 3) if isinstance(value, float) else value for key, value in result.items()}, indent=2))


if __name__ == "__main__":
    main()
