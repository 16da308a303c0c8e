"""The seeded resource catalogue file: built from the reference data, valid, and complete enough."""

import json
from collections import Counter

import pytest

from seed_data.resources import build
from service.matching.taxonomy import default_taxonomy

RESOURCES = json.loads(build.OUTPUT_PATH.read_text(encoding="utf-8"))


def test_catalogue_is_what_the_build_produces():
    reference = build.default_reference_dir()
    if not (reference / "free-programming-books").is_dir():
        pytest.skip(f"reference data not found in {reference}")
    resources, _ = build.build(reference)
    assert json.dumps(resources, indent=2, ensure_ascii=False) + "\n" == build.OUTPUT_PATH.read_text(encoding="utf-8")


def test_catalogue_size_variety_and_skills():
    assert len(RESOURCES) >= 1000
    assert set(Counter(r["type"] for r in RESOURCES)) == set(build.TYPES)
    assert {"en", "vi", "ja"} <= {r["language"] for r in RESOURCES}
    taxonomy = default_taxonomy()
    assert all(r["skills"] and all(taxonomy.get(slug) for slug in r["skills"]) for r in RESOURCES)
    assert len({r["url"] for r in RESOURCES}) == len(RESOURCES)


def test_official_documentation_for_most_staffed_tools():
    taxonomy = default_taxonomy()
    documented = {slug for r in RESOURCES if r["type"] == "official_docs" for slug in r["skills"]}
    top = sorted(taxonomy.skills.values(), key=lambda s: -s.demand)[:300]
    with_url = [skill.slug for skill in top if skill.doc_url]
    assert set(with_url) <= documented
    assert len(with_url) >= 200
