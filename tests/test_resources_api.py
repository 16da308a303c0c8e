"""The learning-resource catalogue: seeded, filtered, and found by meaning."""

import uuid

import pytest

from seed_data.load import load_resources
from tests.helpers import assert_problem


@pytest.fixture
def catalogue(session):
    load_resources(session)
    session.commit()


def test_filters_by_skill_type_language_and_price(client, catalogue):
    kubernetes = client.get("/api/v1/resources?skill=kubernetes&pageSize=100").get_json()
    assert kubernetes["total"] >= 3
    assert all("kubernetes" in item["skills"] for item in kubernetes["items"])
    docs = client.get("/api/v1/resources?skill=spring-boot&type=official_docs").get_json()["items"]
    assert docs and docs[0]["free"] is True
    vietnamese = client.get("/api/v1/resources?language=vi&pageSize=5").get_json()
    assert vietnamese["total"] > 0 and all(item["language"] == "vi" for item in vietnamese["items"])
    paid = client.get("/api/v1/resources?free=false&pageSize=100").get_json()["items"]
    assert paid and all(item["type"] == "certification" for item in paid)
    assert_problem(client.get("/api/v1/resources?skill=no-such-skill"), 422, field="skill")
    assert_problem(client.get("/api/v1/resources?type=video"), 422, field="type")


def test_most_staffed_skills_have_official_documentation(client, catalogue):
    for slug in ("java", "python", "javascript", "react", "spring-boot", "kubernetes", "aws", "postgresql", "docker", "typescript"):
        docs = client.get(f"/api/v1/resources?skill={slug}&type=official_docs").get_json()
        assert docs["total"] >= 1, slug


def test_found_by_meaning_without_the_exact_word(client, session):
    from embeddings.refresh import refresh_embeddings
    from service.resources.models import Resource

    token = uuid.uuid4().hex[:8]
    rows = [
        Resource(id=uuid.uuid4(), title=f"Apache Kafka for beginners {token}", url=f"https://example.org/{token}/kafka", type="course", provider="Example", language="en", free=True, level="beginner", hours=8, skills=["apache-kafka"]),
        Resource(id=uuid.uuid4(), title=f"Learning React hooks {token}", url=f"https://example.org/{token}/react", type="book", provider="Example", language="en", free=True, level="beginner", hours=12, skills=["react"]),
        Resource(id=uuid.uuid4(), title=f"Sourdough baking at home {token}", url=f"https://example.org/{token}/bread", type="book", provider="Example", language="en", free=True, level="beginner", hours=3, skills=["react"]),
    ]
    session.add_all(rows)
    refresh_embeddings(rows)
    session.commit()
    found = client.get("/api/v1/resources?q=event-driven messaging between microservices&pageSize=100").get_json()["items"]
    mine = [item for item in found if token in item["title"]]
    assert mine[0]["title"].startswith("Apache Kafka") and mine[0]["similarity"] > mine[-1]["similarity"]
