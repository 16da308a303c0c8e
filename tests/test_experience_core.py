"""Years of experience and evidence from resume records (no database)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from service.matching.experience import CertificateRecord, DeclaredSkill, LanguageRecord, ProjectRecord, merged_months, skill_profile
from tests.mini_taxonomy import EXTRACTOR

TODAY = date(2026, 11, 27)


def profile(**records):
    return {e.slug: e for e in skill_profile(extractor=EXTRACTOR, today=TODAY, **records)}


def test_overlapping_projects_count_once_and_open_projects_run_to_today():
    projects = [
        ProjectRecord("p1", "Bank API", date(2020, 1, 1), date(2021, 12, 31), ("Java 11", "Spring Boot")),
        ProjectRecord("p2", "Side project", date(2021, 1, 1), date(2022, 6, 30), ("Java",)),
        ProjectRecord("p3", "Payments", date(2026, 1, 1), None, ("Kafka",), "Built Java consumers for Kafka"),
    ]
    result = profile(projects=projects)
    java = result["java"]
    assert java.months == 30 + 11  # 2020-01..2022-06 once, plus 2026-01..2026-11
    assert java.last_used == TODAY
    assert [e.ref for e in java.evidence] == ["p1", "p2", "p3"]
    assert result["spring-boot"].months == 24 and result["spring-boot"].last_used == date(2021, 12, 31)
    assert result["kafka"].months == 11


def test_implied_skills_and_declared_years():
    projects = [ProjectRecord("p1", "Shop", date(2022, 1, 1), date(2022, 12, 31), ("Django",))]
    result = profile(projects=projects, declared=[DeclaredSkill("s1", "Python Developer", months=50, is_main=True)])
    python = result["python"]
    assert python.months == 12 and python.declared_months == 50 and python.years == 4.2
    assert python.evidence[0].implied_by == "django"
    assert {e.source for e in python.evidence} == {"project", "professional_skill"}


def test_certificates_and_language_levels():
    result = profile(
        projects=[],
        certificates=[CertificateRecord("c1", "JLPT", date(2020, 12, 1), "N2"), CertificateRecord("c2", "AWS Certified Solutions Architect - Associate")],
        languages=[LanguageRecord("l1", "Japanese", 3), LanguageRecord("l2", "English", 5)],
    )
    assert result["japanese"].level.cefr == "B2", "the certificate beats the self-assessed B1"
    assert result["english"].level.cefr == "C1"
    assert {e.source for e in result["aws"].evidence} == {"certificate"}
    assert "aws-saa" in result


def test_projects_without_dates_give_evidence_but_no_years():
    result = profile(projects=[ProjectRecord("p1", "Legacy", None, None, ("Python",))])
    assert result["python"].months == 0 and result["python"].evidence[0].ref == "p1"


@given(st.lists(st.tuples(st.dates(date(2000, 1, 1), date(2026, 1, 1)), st.integers(0, 2000)), max_size=8))
def test_union_never_exceeds_the_sum_nor_the_span(pairs):
    from datetime import timedelta

    intervals = [(start, start + timedelta(days=days)) for start, days in pairs]
    union = merged_months(intervals)
    assert union <= sum(merged_months([i]) for i in intervals)
    if intervals:
        assert union <= merged_months([(min(s for s, _ in intervals), max(e for _, e in intervals))])
        assert union >= max(merged_months([i]) for i in intervals)


def test_two_short_projects_in_one_month_count_one_month():
    assert merged_months([(date(2000, 1, 1), date(2000, 1, 1)), (date(2000, 1, 2), date(2000, 1, 2))]) == 1
    assert merged_months([(date(2020, 1, 20), date(2020, 1, 21)), (date(2020, 2, 1), date(2020, 2, 2))]) == 2
