"""Study plan core: gaps to items, prerequisite order, fitting to the time left, scheduling."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.matching import planning
from service.matching.taxonomy import default_taxonomy

TAXONOMY = default_taxonomy()


def skill(slug, status="missing", **fields):
    return {"slug": slug, "name": TAXONOMY.skills[slug].name, "status": status, **fields}


def requirement(text, *skills, importance="must", status=None, kind="technical", **fields):
    status = status or ("missing" if all(s["status"] == "missing" for s in skills) else "partial")
    return {"text": text, "kind": kind, "importance": importance, "status": status, "scored": True, "skills": list(skills), **fields}


def items_for(*requirements, known=()):
    items, unplannable = planning.gap_items({"requirements": list(requirements)}, set(known), TAXONOMY)
    return planning.in_order(items), unplannable


def keys(items):
    return [item.key for item in items]


def test_prerequisites_come_first_java_before_spring_boot_kubernetes_before_eks():
    ordered, _ = items_for(
        requirement("3+ years of Spring Boot", skill("spring-boot")),
        requirement("Run services on Amazon EKS", skill("amazon-eks")),
    )
    order = keys(ordered)
    assert order.index("java") < order.index("spring-boot")
    assert order.index("kubernetes") < order.index("amazon-eks") and order.index("aws") < order.index("amazon-eks")
    assert "spring" not in order  # Spring Boot is learnt as a part of Spring, not after it
    eks = next(item for item in ordered if item.key == "amazon-eks")
    assert set(eks.prerequisites) == {"aws", "kubernetes"}
    java = next(item for item in ordered if item.key == "java")
    assert java.kind == "prerequisite" and "Spring Boot builds on Java" in java.reason


def test_what_the_person_knows_is_not_studied_again_and_shortens_the_path():
    beginner, _ = items_for(requirement("React", skill("react")))
    vue_developer, _ = items_for(requirement("React", skill("react")), known={"vue", "javascript"})
    assert keys(beginner) == ["javascript", "react"]
    assert keys(vue_developer) == ["react"]
    react = vue_developer[0]
    assert react.kind == "bridge" and "Vue.js" in react.builds_on and "JavaScript" in react.builds_on
    assert sum(i.hours for i in vue_developer) < sum(i.hours for i in beginner) / 2


def test_must_haves_first_then_partial_then_nice_to_haves():
    ordered, _ = items_for(
        requirement("Docker is a plus", skill("docker"), importance="nice"),
        requirement("5 years of Java", skill("java", "partial", requiredYears=5, years=2, note="2 of the 5 years asked")),
        requirement("PostgreSQL", skill("postgresql")),
        known={"sql"},
    )
    assert keys(ordered) == ["postgresql", "java", "docker"]
    assert [item.tier for item in ordered] == [0, 1, 2]
    java = ordered[1]
    assert java.kind == "deepen" and java.hours < planning.BASE_HOURS["language"] and "2 of the 5 years" in java.reason


def test_a_prerequisite_is_as_urgent_as_what_needs_it():
    ordered, _ = items_for(
        requirement("Jest is a plus", skill("jest"), importance="nice"),
        requirement("Next.js", skill("nextjs")),
    )
    # JavaScript comes first: both need it, and Next.js (a must-have) needs it through React
    assert keys(ordered) == ["javascript", "react", "nextjs", "jest"]


def test_one_of_alternatives_is_enough_and_degrees_are_not_studied():
    ordered, unplannable = items_for(
        requirement("Kafka or RabbitMQ", skill("apache-kafka"), skill("rabbitmq")),
        requirement("Bachelor's degree in Computer Science", kind="education"),
        requirement("5+ years in software development", kind="other", note="2 years of project work on record, 5 asked"),
    )
    assert keys(ordered) == ["apache-kafka"]
    assert [entry.cause for entry in unplannable] == ["not_studyable", "not_studyable"]


def test_a_requirement_in_words_becomes_a_topic_found_by_its_words():
    ordered, _ = items_for(requirement("Experience leading client workshops", kind="other", status="partial"))
    assert ordered[0].kind == "topic" and ordered[0].key.startswith("req:") and ordered[0].query == "Experience leading client workshops"


def test_too_little_time_keeps_the_most_valuable_and_says_why():
    ordered, _ = items_for(
        requirement("Spring Boot", skill("spring-boot")),
        requirement("PostgreSQL", skill("postgresql")),
        requirement("Docker is a plus", skill("docker"), importance="nice"),
    )
    capacity = 7 * 60
    kept, left_out = planning.fit(ordered, capacity)
    assert sum(a.minutes for a in kept) <= capacity
    # must-haves first, each given at least its essentials
    assert [a.item.key for a in kept] == ["java", "spring-boot"]
    assert all(a.minutes >= round(a.item.minimum_hours * 60) for a in kept)
    reasons = {entry.key: entry.reason for entry in left_out}
    assert set(reasons) == {"sql", "postgresql", "docker"}
    assert "Needs at least" in reasons["sql"] and "prerequisite SQL" in reasons["postgresql"]
    # without its prerequisite an item cannot stay
    kept, left_out = planning.fit(ordered, 2 * 60)
    reasons = {entry.key: entry.reason for entry in left_out}
    assert "java" in reasons and "prerequisite Java" in reasons["spring-boot"]


def test_enough_time_gives_every_item_its_full_hours():
    ordered, _ = items_for(requirement("PostgreSQL", skill("postgresql")), requirement("Docker", skill("docker")))
    kept, left_out = planning.fit(ordered, 100 * 60)
    assert not left_out and all(a.minutes == round(a.item.hours * 60) for a in kept)


def test_done_items_need_no_time():
    ordered, _ = items_for(requirement("PostgreSQL", skill("postgresql")), requirement("Docker", skill("docker")))
    kept, _ = planning.fit(ordered, 100 * 60, settled={"postgresql"})
    assert {a.item.key: a.minutes for a in kept}["postgresql"] == 0


@settings(max_examples=60, deadline=None)
@given(
    hours=st.floats(min_value=2, max_value=40),
    horizon=st.integers(min_value=1, max_value=70),
    weekdays=st.sets(st.sampled_from(planning.WEEKDAYS), min_size=1),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
)
def test_the_schedule_never_exceeds_the_hours_per_week_nor_reaches_the_interview(hours, horizon, weekdays, start):
    ordered, _ = items_for(
        requirement("Spring Boot", skill("spring-boot")),
        requirement("Kubernetes", skill("kubernetes")),
        requirement("Docker is a plus", skill("docker"), importance="nice"),
    )
    interview = start + timedelta(days=horizon)
    days = planning.study_days(start, interview, weekdays)
    per_day = planning.daily_minutes(hours, weekdays)
    kept, _ = planning.fit(ordered, planning.capacity(days, per_day))
    sessions = planning.schedule(kept, days, per_day, 19 * 60)
    assert sum(s.minutes for s in sessions) == sum(a.minutes for a in kept)
    assert all(start <= s.day < interview and s.minutes % planning.SLOT == 0 for s in sessions)
    for first in range(horizon):
        window_start = start + timedelta(days=first)
        week = sum(s.minutes for s in sessions if window_start <= s.day < window_start + timedelta(days=7))
        assert week <= hours * 60
    if horizon >= 7:  # a full week offers the hours per week, to the slot
        assert hours * 60 - planning.SLOT < sum(planning.daily_minutes(hours, weekdays).values()) <= hours * 60
    # prerequisites are studied before what builds on them
    first_day = {}
    for s in sessions:
        first_day.setdefault(s.key, s.day)
    if "java" in first_day and "spring-boot" in first_day:
        assert first_day["java"] <= first_day["spring-boot"]


@pytest.mark.parametrize(("horizon", "granularity", "count"), [(10, "day", 8), (30, "week", 5)])
def test_short_horizons_day_by_day_longer_week_by_week(horizon, granularity, count):
    start = date(2026, 11, 30)  # a Monday
    days = planning.study_days(start, start + timedelta(days=horizon), ("mon", "tue", "wed", "thu", "fri"))
    found, grouped = planning.periods([], days, start, start + timedelta(days=horizon))
    assert found == granularity and len(grouped) == count
    assert grouped[-1]["end"] < start + timedelta(days=horizon)
