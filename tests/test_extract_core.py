"""The extractor's matching rules on a small hand-made taxonomy (no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.matching.languages import find_level
from service.matching.taxonomy import Taxonomy
from tests.mini_taxonomy import EXTRACTOR, skill


def names(text):
    return [found.skill.name for found in EXTRACTOR.extract(text)]


def test_offsets_point_at_each_mention():
    text = "Built REST APIs with Java 17 and Spring Boot; later Java again."
    found = {f.skill.slug: f for f in EXTRACTOR.extract(text)}
    java = found["java"]
    assert [(m.start, m.end) for m in java.mentions] == [(21, 25), (52, 56)]
    assert all(text[m.start : m.end] == "Java" for m in java.mentions)
    assert java.mentions[0].version == "17"
    assert text[found["spring-boot"].mentions[0].start : found["spring-boot"].mentions[0].end] == "Spring Boot"
    assert "rest" in found


def test_longest_alias_wins_and_similar_names_stay_apart():
    assert names("React Native and React, JavaScript not Java") == ["React Native", "React", "JavaScript", "Java"]
    assert names("Spring Boot") == ["Spring Boot"]
    assert names("ASP.NET Core MVC on .NET 8") == ["ASP.NET Core", ".NET"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Java/Kotlin, C#/C++", ["Java", "C#", "C++"]),
        ("AWS (EC2, S3, Lambda)", ["AWS", "Amazon S3"]),
        ("- CI/CD pipelines for microservices", ["CI/CD", "Microservices"]),
        ("ReactJS, React.js and reactjs", ["React"]),
        ("k8s and Kubernetes", ["Kubernetes"]),
        ("Python3 and python 3.11", ["Python"]),
        ("C Sharp, C-Sharp, csharp", ["C#"]),
        ("Golang services", ["Go"]),
        ("日本語 and tiếng Nhật", ["Japanese"]),
    ],
)
def test_real_world_spellings(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Office on Java Street, Ruby's cafe on Fridays, Go-Karting team building",
        "Grade C, C-level stakeholders, Vitamin C",
        "We go to market fast. Let's go!",
        "Start in Spring 2026; spring festival",
        "Competitive salary and a flexible culture, rest assured",
    ],
)
def test_ordinary_words_are_not_skills(text):
    assert names(text) == []


def test_ambiguous_aliases_need_technology_around_them():
    assert names("Languages: C, Go") == ["C", "Go"]
    assert names("Backend in Go and Java") == ["Go", "Java"]
    assert names("Go") == []
    assert names("Technical skills\n- C\n- Go") == ["C", "Go"]
    assert names("Spring, Java") == ["Spring", "Java"]


def test_spoken_language_levels():
    found = {f.skill.slug: f for f in EXTRACTOR.extract("Japanese – JLPT N2\nEnglish: TOEIC 850")}
    assert found["japanese"].level.cefr == "B2" and found["japanese"].level.text.endswith("N2")
    assert found["english"].level.cefr == "B2"
    assert found["jlpt"].level.text == "JLPT N2"
    only_certificate = {f.skill.slug: f for f in EXTRACTOR.extract("Certificates: JLPT N1, TOEIC 960")}
    assert only_certificate["japanese"].level.cefr == "C1", "a certificate implies the language"
    assert only_certificate["english"].level.cefr == "C1"


@pytest.mark.parametrize(
    ("text", "cefr"),
    [("English IELTS 6.5", "B2"), ("English (fluent)", "C1"), ("native English", "C2"), ("English B1", "B1"), ("日本語 ビジネスレベル", "B2")],
)
def test_level_words_and_scores(text, cefr):
    mention = next(f for f in EXTRACTOR.extract(text) if f.skill.kind == "spoken_language").mentions[0]
    assert find_level(text, mention.start, mention.end).cefr == cefr


@given(st.text(max_size=300))
def test_any_text_gives_mentions_that_match_the_text(text):
    for found in EXTRACTOR.extract(text):
        for mention in found.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert 0 <= mention.start < mention.end <= len(text)


def test_taxonomy_ancestors_and_lookup():
    taxonomy = Taxonomy(
        [
            skill("java", "Java"),
            skill("spring", "Spring", "framework", relations=[{"type": "built_on", "target": "java"}]),
            skill("spring-boot", "Spring Boot", "framework", relations=[{"type": "part_of", "target": "spring"}]),
        ]
    )
    assert taxonomy.ancestors("spring-boot") == ["spring", "java"]
    assert taxonomy.lookup("spring boot").slug == "spring-boot"
    assert taxonomy.lookup("Kotlin") is None
