"""Gap analysis on plain data (no database)."""

from datetime import date

from service.matching.experience import CertificateRecord, LanguageRecord, ProjectRecord, skill_profile
from service.matching.gaps import RequiredSkillInput, RequirementInput, SectionMatch, analyse
from tests.mini_taxonomy import EXTRACTOR, TAXONOMY

TODAY = date(2026, 11, 27)


def requirement(ref, text, *skills, importance="must", kind="technical", min_years=None):
    return RequirementInput(ref, text, kind, importance, min_years, tuple(skills))


def need(slug, min_years=None, cefr=None):
    skill = TAXONOMY.skills[slug]
    return RequiredSkillInput(slug, skill.name, skill.kind, min_years, cefr)


JAVA_DEV = skill_profile(
    projects=[
        ProjectRecord("p1", "Bank API", date(2019, 1, 1), date(2022, 12, 31), ("Java", "Spring Boot", "Kafka")),
        ProjectRecord("p2", "Shop", date(2023, 1, 1), None, ("Java", "Vue")),
    ],
    languages=[LanguageRecord("l1", "Japanese", 3)],
    certificates=[CertificateRecord("c1", "TOEIC", None, "850")],
    extractor=EXTRACTOR,
    today=TODAY,
)


def run(requirements, closest=None, has_degree=True, profile=JAVA_DEV):
    return analyse(requirements=requirements, profile=profile, closest=closest or {}, has_degree=has_degree, taxonomy=TAXONOMY, today=TODAY)


def test_java_cv_against_a_react_jd():
    report = run([
        requirement("r1", "3+ years of React", need("react", 3)),
        requirement("r2", "TypeScript or JavaScript", need("javascript")),
        requirement("r3", "Java is a plus", need("java"), importance="nice"),
    ])
    react, javascript, java = report.requirements
    assert react.skills[0].status == "transferable" and react.skills[0].via == "Vue.js"
    assert react.status == "partial" and 0 < react.credit < 0.5
    assert javascript.status == "missing"
    assert java.status == "matched"
    assert report.cap == 65 and report.score <= 65
    assert "missing" in report.explanation and "TypeScript or JavaScript" in report.explanation
    assert report.missing_skills == ["JavaScript"] and report.partial_skills == ["React"]
    assert "Spring Boot" in report.extra_skills


def test_years_short_is_partial_and_enough_is_matched():
    report = run([requirement("r1", "5+ years of Java", need("java", 5)), requirement("r2", "10 years of Java", need("java", 10))])
    five, ten = report.requirements
    assert five.status == "matched"  # 2019-01..2026-11, one interval
    assert ten.status == "partial" and "of the 10 years" in ten.skills[0].note
    assert report.cap is None and report.score < 100


def test_language_levels_on_one_scale():
    report = run([
        requirement("r1", "Japanese JLPT N2", need("japanese", cefr="B2"), kind="spoken_language"),
        requirement("r2", "English TOEIC 750", need("english", cefr="B1"), kind="spoken_language"),
    ])
    japanese, english = report.requirements
    assert japanese.status == "partial" and japanese.skills[0].note == "B1 on record, B2 asked"
    assert english.status == "matched" and english.skills[0].level == "B2"


def test_a_must_have_found_only_by_meaning():
    closest = {"r1": [SectionMatch("p1", "project", "Built RESTful services for payments", 0.71)]}
    report = run([requirement("r1", "Experience designing public APIs for partners", kind="other")], closest=closest)
    only = report.requirements[0]
    assert only.status == "matched" and only.by_meaning.ref == "p1"
    assert "by meaning" in only.note
    weak = run([requirement("r1", "Experience designing public APIs", kind="other")], closest={"r1": [SectionMatch("p1", "project", "x", 0.3)]})
    assert weak.requirements[0].status == "info" and not weak.requirements[0].scored


def test_education_and_missing_caps():
    report = run(
        [requirement("r1", "Bachelor's degree", kind="education"), requirement("r2", "Kubernetes", need("kubernetes")), requirement("r3", "Django", need("django"))],
        has_degree=False,
    )
    assert [r.status for r in report.requirements] == ["missing", "missing", "missing"]
    assert report.cap == 35 and report.score == 0
    assert report.breakdown["must"] == {"matched": 0, "partial": 0, "missing": 3, "total": 3}


def test_same_inputs_same_report():
    requirements = [requirement("r1", "Java and Kafka", need("java"), need("kafka")), requirement("r2", "React", need("react"), importance="nice")]
    first, second = run(requirements), run(requirements)
    assert first == second


def test_nice_to_haves_weigh_less_than_must_haves():
    must_missing = run([requirement("r1", "Java", need("java")), requirement("r2", "Django", need("django"))])
    nice_missing = run([requirement("r1", "Java", need("java")), requirement("r2", "Django", need("django"), importance="nice")])
    assert nice_missing.score > must_missing.score
    assert nice_missing.cap is None and nice_missing.score == 75
