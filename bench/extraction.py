"""Skill extraction quality and speed on our labelled development set (bench/data/extraction).

Precision, recall and F1 for technical skills (micro-averaged over every JD and CV text), spoken
languages found with their level, and the time per document and for a 1,000-word text.

    .venv/bin/python -m bench.extraction [--verbose]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from service.matching.extract import Extractor
from service.matching.taxonomy import default_taxonomy

DATA = Path(__file__).parent / "data" / "extraction"


def gold_slugs(labels: list[str], extractor: Extractor) -> tuple[set[str], list[str]]:
    """Gold labels as taxonomy slugs; labels the taxonomy cannot name are returned apart (they
    still count as misses)."""
    slugs, unknown = set(), []
    for label in labels:
        skill = extractor.taxonomy.lookup(label)
        if skill is None:
            found = extractor.extract(label)
            skill = found[0].skill if len(found) == 1 else None
        if skill is None:
            unknown.append(label)
        else:
            slugs.add(skill.slug)
    return slugs, unknown


def evaluate(verbose: bool) -> dict[str, float]:
    extractor = Extractor(default_taxonomy())
    true_positive = false_positive = false_negative = 0
    language_hits = language_total = 0
    timings = []
    unknown_labels: list[str] = []
    for text_path in sorted(DATA.glob("*/*.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        started = time.perf_counter()
        found = extractor.extract(text)
        timings.append((time.perf_counter() - started) * 1000)
        predicted = {entry.skill.slug for entry in found if entry.skill.technical}
        expected, unknown = gold_slugs(gold["technical"], extractor)
        unknown_labels += [f"{text_path.parent.name}/{text_path.stem}: {label}" for label in unknown]
        true_positive += len(predicted & expected)
        false_positive += len(predicted - expected)
        false_negative += len(expected - predicted) + len(unknown)
        levels = {entry.skill.slug: entry.level for entry in found if entry.skill.kind == "spoken_language"}
        for language in gold.get("spokenLanguages", []):
            language_total += 1
            skill = extractor.taxonomy.lookup(language["name"])
            if skill is not None and skill.slug in levels and (levels[skill.slug] is not None or not language.get("level")):
                language_hits += 1
        if verbose and (predicted ^ expected or unknown):
            print(f"{text_path.parent.name}/{text_path.name}")
            print(f"  false positives: {sorted(predicted - expected)}")
            print(f"  missed: {sorted(expected - predicted)} unknown labels: {unknown}")
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    return {
        "documents": len(timings),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "languages_with_level": language_hits / language_total if language_total else 1.0,
        "median_ms_per_document": statistics.median(timings),
        "unknown_gold_labels": len(unknown_labels),
        "thousand_word_median_ms": thousand_words(extractor),
        "_unknown": unknown_labels,
    }


def thousand_words(extractor: Extractor) -> float:
    words: list[str] = []
    for path in sorted(DATA.glob("*/*.txt")):
        words += path.read_text(encoding="utf-8").split(" ")
        if len(words) >= 1000:
            break
    text = " ".join(words[:1000])
    runs = []
    for _ in range(60):
        started = time.perf_counter()
        extractor.extract(text)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs[10:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives per document")
    args = parser.parse_args()
    result = evaluate(args.verbose)
    unknown = result.pop("_unknown")
    if args.verbose and unknown:
        print("gold labels the taxonomy does not know:", *unknown, sep="\n  ")
    print(json.dumps({key: round(value, 3) if isinstance(value, float) else value for key, value in result.items()}, indent=2))


if __name__ == "__main__":
    main()
