"""Truthful CV suggestions on plain data (no database)."""

from datetime import date

from service.matching.experience import DeclaredSkill, ProjectRecord, skill_profile
from service.matching.gaps import analyse
from service.matching.suggestions import Suggestion, suggest, supported
from tests.mini_taxonomy import EXTRACTOR, TAXONOMY
from tests.test_gaps_core import need, requirement

TODAY = date(2026, 11, 27)
PROJECTS = [
    ProjectRecord("p1", "Intranet", date(2015, 1, 1), date(2016, 12, 31), ("Python", "Django"), "Maintained the staff portal."),
    ProjectRecord("p2", "Payments", date(2019, 1, 1), None, ("Java", "Spring Boot", "Kafka", "Kubernetes"), "Built payment services for 2 million users."),
]
PROFILE = skill_profile(projects=PROJECTS, declared=[DeclaredSkill("s1", "Java Developer", 60)], extractor=EXTRACTOR, today=TODAY)
REQUIREMENTS = [
    requirement("r1", "5+ years of Java", need("java", 5)),
    requirement("r2", "Kafka and Kubernetes", need("kafka"), need("kubernetes")),
    requirement("r3", "AWS", need("aws")),
]


def make():
    report = analyse(requirements=REQUIREMENTS, profile=PROFILE, closest={}, has_degree=True, taxonomy=TAXONOMY, today=TODAY)
    return suggest(report=report, profile=PROFILE, projects=PROJECTS, project_paths=["projects[0]", "projects[1]"], extractor=EXTRACTOR)


def of_type(suggestions, kind):
    return [s for s in suggestions if s.type == kind]


def test_hidden_evidence_for_skills_only_projects_show():
    hidden = of_type(make(), "hidden_evidence")
    assert {s.skills[0] for s in hidden} == {"kafka", "kubernetes"}, "Java is already declared"
    kafka = next(s for s in hidden if s.skills == ["kafka"])
    assert kafka.target == "professionalSkills" and kafka.evidence[0]["ref"] == "p2"
    assert kafka.after.startswith("Apache Kafka: 7 years")


def test_relevant_projects_first_and_rewrites_name_only_used_technologies():
    suggestions = make()
    order = of_type(suggestions, "order")[0]
    assert order.after == "Payments, Intranet"
    rewrite = of_type(suggestions, "rewrite")[0]
    assert rewrite.target == "projects[1].responsibility"
    assert rewrite.before == "Built payment services for 2 million users."
    assert "Java" in rewrite.after and "Kafka" in rewrite.after and "AWS" not in rewrite.after
    asks = of_type(suggestions, "ask_for_numbers")
    assert [s.target for s in asks] == [], "the relevant project already has numbers"


def test_certificates_for_missing_must_haves():
    certificate = of_type(make(), "certificate")[0]
    assert certificate.skills == ["aws"] and "Solutions Architect" in certificate.after


def test_a_suggestion_adding_an_unsupported_skill_is_refused():
    invented = Suggestion("rewrite", "projects[1].responsibility", "sounds better", before="Built payment services.", after="Built payment services in Rust on AWS.")
    assert not supported(invented, PROFILE, EXTRACTOR)
    honest = Suggestion("rewrite", "projects[1].responsibility", "names what was used", before="Built payment services.", after="Built payment services with Kafka.")
    assert supported(honest, PROFILE, EXTRACTOR)
    assert all(supported(s, PROFILE, EXTRACTOR) for s in make())
