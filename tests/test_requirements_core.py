"""Reading a job description into requirements (no database)."""

from service.matching.requirements import parse_job_description
from tests.mini_taxonomy import EXTRACTOR

JD = """Position: Senior Java Developer
Location: Hanoi

About us
We are a fintech company with a competitive salary and flexible culture.

Responsibilities
- Design REST APIs for payment microservices
- Mentor junior developers

Requirements
- 5+ years of Java, at least 3 years with Spring Boot
- Solid experience with Kafka and Kubernetes (EKS)
- Experience in banking
- Bachelor's degree in Computer Science
- Business-level English (TOEIC 800+)

Nice to have
- Python or Django
- Japanese JLPT N2 or above
- AWS Certified Solutions Architect - Associate

Benefits
- 13th month salary, Java workshops
"""


def by_text(parsed, fragment):
    return next(r for r in parsed.requirements if fragment in r.text)


def test_title_seniority_and_sections():
    parsed = parse_job_description(JD, EXTRACTOR)
    assert parsed.title == "Senior Java Developer"
    assert parsed.seniority == "senior"
    texts = [r.text for r in parsed.requirements]
    assert not any("salary" in text or "Hanoi" in text or "workshops" in text for text in texts), texts


def test_years_per_skill_importance_and_kind():
    parsed = parse_job_description(JD, EXTRACTOR)
    java = by_text(parsed, "5+ years of Java")
    assert (java.kind, java.importance, java.min_years, java.level) == ("technical", "must", 5.0, "senior")
    assert {s.slug: s.min_years for s in java.skills} == {"java": 5.0, "spring-boot": 3.0}
    kafka = by_text(parsed, "Kafka")
    assert [s.slug for s in kafka.skills] == ["kafka", "kubernetes", "amazon-eks"] and kafka.level == "senior"
    assert by_text(parsed, "banking").kind == "domain"
    assert by_text(parsed, "degree").kind == "education"
    english = by_text(parsed, "English")
    assert english.kind == "spoken_language" and english.importance == "must"
    assert english.skills[0].language_level.cefr == "B2"
    japanese = by_text(parsed, "JLPT")
    assert japanese.importance == "nice" and {s.slug for s in japanese.skills} >= {"japanese", "jlpt"}
    assert next(s for s in japanese.skills if s.slug == "japanese").language_level.cefr == "B2"
    assert by_text(parsed, "AWS Certified").kind == "certification"
    assert by_text(parsed, "Python").importance == "nice"
    responsibilities = [r for r in parsed.requirements if r.section == "Responsibilities"]
    assert {r.kind for r in responsibilities} == {"technical", "responsibility"}


def test_wording_overrides_the_section():
    parsed = parse_job_description("Requirements\n- Java\n- Kubernetes is a plus\n\nPreferred\n- Python is required", EXTRACTOR)
    assert [(r.text, r.importance) for r in parsed.requirements] == [("Java", "must"), ("Kubernetes is a plus", "nice"), ("Python is required", "must")]


def test_a_jd_without_headings_and_table_rows():
    parsed = parse_job_description("We need a Go engineer with 3+ years of Go and Kubernetes.\nSkill: Python | Years: 4 | Level: Expert", EXTRACTOR)
    first, second = parsed.requirements
    assert {s.slug: s.min_years for s in first.skills} == {"go": 3.0, "kubernetes": None}
    assert {s.slug: s.min_years for s in second.skills} == {"python": 4.0} and second.level == "expert"
    assert parsed.seniority == "mid"


def test_offsets_locate_each_requirement():
    parsed = parse_job_description(JD, EXTRACTOR)
    for requirement in parsed.requirements:
        assert JD[requirement.start : requirement.end] == requirement.text
