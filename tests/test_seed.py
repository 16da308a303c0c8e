import json
from pathlib import Path

import sqlalchemy as sa

from seed_data.load import SEED_DIR, load_seed, resume_documents
from service.models import Customer, InterviewProject, ProjectCandidate, Resume

SERVER_SET = {"id", "resumeId", "createdOn", "createdBy", "modifiedOn", "modifiedBy"}


def without_server_fields(value):
    if isinstance(value, dict):
        return {key: without_server_fields(item) for key, item in value.items() if key not in SERVER_SET}
    if isinstance(value, list):
        return [without_server_fields(item) for item in value]
    return value


def counts(session):
    return {model.__name__: session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Customer, InterviewProject, Resume, ProjectCandidate)}


def test_seed_loads_everything_and_loading_twice_changes_nothing(session):
    before = counts(session)
    first = load_seed(session)
    resources, questions = first.pop("resources"), first.pop("questions")
    assert first == {"customers": 8, "projects": 12, "resumes": 45, "candidates": 20}
    assert resources >= 1000 and questions >= 500
    after_first = counts(session)
    assert after_first["Resume"] - before["Resume"] == 45
    versions = dict(session.execute(sa.select(Resume.id, Resume.version)).all())

    second = load_seed(session)
    assert second == {"customers": 0, "projects": 0, "resumes": 0, "resources": 0, "questions": 0, "candidates": 0}
    assert counts(session) == after_first
    assert dict(session.execute(sa.select(Resume.id, Resume.version)).all()) == versions


def test_an_existing_database_gets_the_new_release_of_the_bank(session):
    from seed_data.load import load_reference_data
    from service.interviews.models import Question, ReferenceText

    load_reference_data(session)
    # as if stored by an older release: one question gone, another worded differently, no reference texts
    session.execute(sa.delete(Question).where(Question.code == "docker-senior-2"))
    session.execute(sa.update(Question).where(Question.code == "git-junior-2").values(text="An older wording.", embedded_hash="0" * 32))
    session.execute(sa.delete(ReferenceText))
    assert load_reference_data(session) == {"resources": 0, "questions": 2}
    assert session.scalar(sa.select(Question.text).where(Question.code == "git-junior-2")) != "An older wording."
    assert session.scalar(sa.select(Question.embedded_hash).where(Question.code == "git-junior-2")) is None  # embedded again
    assert session.scalar(sa.select(sa.func.count()).select_from(Question).where(Question.code == "docker-senior-2")) == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(ReferenceText)) > 2000
    assert load_reference_data(session) == {"resources": 0, "questions": 0}


def test_seed_has_the_variety_the_product_needs():
    documents = resume_documents()
    assert len(documents) >= 41
    technologies = {tech.lower() for doc in documents for project in doc["projects"] for tech in project.get("technology", [])}
    for expected in ("spring boot", "react", "django", "flutter", "playwright", "kubernetes", "apache spark"):
        assert any(expected in tech for tech in technologies), expected
    languages = {lang["language"]["name"] for doc in documents for lang in doc["languages"]}
    assert {"English", "Japanese", "Vietnamese"} <= languages
    overlapping = 0
    for doc in documents:
        spans = sorted((p["startDate"], p.get("endDate") or "9999") for p in doc["projects"] if p.get("startDate"))
        overlapping += any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:]))
    assert overlapping >= 8
    projects = [json.loads(path.read_text()) for path in (SEED_DIR / "projects").glob("*.json")]
    assert len(projects) >= 10 and all(len(p["jobDescription"].split()) >= 200 for p in projects)


def test_example_resume_round_trips(client):
    original = json.loads((Path(SEED_DIR) / "resumes" / "00-example-full.json").read_text())
    created = client.post("/api/v1/resumes", json=original)
    assert created.status_code == 201, created.get_json()
    exported = client.get(f"/api/v1/resumes/{original['resume']['id']}").get_json()

    expected = without_server_fields(original)
    expected["education"] = [expected["education"]] if isinstance(expected["education"], dict) else expected["education"]
    assert without_server_fields(exported) == expected
    assert exported["resume"]["id"] == original["resume"]["id"]

    # and the export imports again as the same document
    again = client.put(f"/api/v1/resumes/{original['resume']['id']}", json=exported)
    assert again.status_code == 200
    assert without_server_fields(again.get_json()) == expected
