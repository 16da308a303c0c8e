"""The question bank as written: its format, its size, and its coverage of the most staffed skills."""

import json
import re
from collections import Counter

from seed_data.load import question_records
from service.matching.taxonomy import default_taxonomy

PLACEHOLDER = re.compile(r"\{(project|technology|role|skill|known)\}")


def test_every_question_follows_the_format():
    taxonomy = default_taxonomy()
    records = question_records()
    codes = Counter(record["id"] for record in records)
    assert not [code for code, count in codes.items() if count > 1]
    for record in records:
        where = record["id"]
        assert record["kind"] in {"technical", "behavioural", "system_design", "project", "gap"}, where
        assert record.get("level", "any") in {"junior", "mid", "senior", "any"}, where
        assert all(taxonomy.get(slug) for slug in record.get("skills", [])), where
        assert record["text"].strip() and record["modelAnswer"].strip(), where
        assert 2 <= len(record["keyPoints"]) <= 5, where
        for point in record["keyPoints"]:
            assert point["point"].strip() and 2 <= len(point["terms"]) <= 4, where
            assert all(term == term.lower() and term.strip("|") for term in point["terms"]), where
        if record["kind"] == "behavioural":
            assert set(record["star"]) == {"situation", "task", "action", "result"} and record.get("competency"), where
        used = set(PLACEHOLDER.findall(json.dumps([record["text"], record["keyPoints"], record["modelAnswer"]])))
        assert used <= set(record.get("needs", [])), where
        if record["kind"] in ("project", "gap"):
            assert used, where


def test_the_bank_is_large_enough_and_covers_the_most_staffed_skills():
    records = question_records()
    kinds = Counter(record["kind"] for record in records)
    assert len(records) >= 500
    assert kinds["behavioural"] >= 50 and kinds["system_design"] >= 20 and kinds["project"] >= 15 and kinds["gap"] >= 10
    taxonomy = default_taxonomy()
    top = sorted(taxonomy.skills.values(), key=lambda s: (-s.demand, s.slug))[:60]
    for skill in top:
        levels = {r["level"] for r in records if r["kind"] == "technical" and skill.slug in r["skills"]}
        assert levels >= {"junior", "mid", "senior"}, skill.slug
