"""Mock interviews through the API: retrieval by the JD, follow-ups, feedback, the report."""

import uuid
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from embeddings.refresh import refresh_embeddings
from seed_data.load import load_questions
from service.interviews.models import Question
from tests.helpers import assert_problem, make_customer, make_project, make_resume

KAFKA_JD = """Senior Backend Engineer

Requirements
- 5+ years of Java and Spring Boot
- Apache Kafka for event streaming
- Strong communication with Japanese clients
"""

REACT_JD = """Frontend Engineer

Requirements
- 3+ years of React and TypeScript
- CSS and responsive layouts
"""

CV = {
    "projects": [
        {
            "name": "Card payments platform",
            "technology": ["Java", "Spring Boot", "PostgreSQL"],
            "startDate": "2018-01-01",
            "endDate": "2024-12-31",
            "status": "Closed",
            "responsibility": "Built the settlement services in Spring Boot",
        }
    ],
    "professionalSkills": [{"jobTitleName": "Backend developer", "isMainSkill": True, "experienceYear": 6}],
}


@pytest.fixture
def bank(session):
    load_questions(session)
    refresh_embeddings(session.scalars(sa.select(Question)).all())
    session.commit()


def start(client, jd, **fields):
    customer = make_customer(client, f"Client {uuid.uuid4().hex[:6]}", country="Japan")
    project = make_project(client, customer["id"], jobDescription=jd, interviewDate=(date.today() + timedelta(days=14)).isoformat())
    resume = make_resume(client, "Khoa", "Vo", **CV)
    response = client.post("/api/v1/interviews", json={"projectId": project["id"], "resumeId": resume["resume"]["id"], **fields})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def ask(client, interview_id):
    body = client.get(f"/api/v1/interviews/{interview_id}/next").get_json()
    return body["question"]


def test_questions_follow_the_jd(client, bank):
    kafka = start(client, KAFKA_JD, kind="technical", questions=4)
    react = start(client, REACT_JD, kind="technical", questions=4)
    kafka_skills = {slot.get("skill") for slot in kafka["plan"]}
    react_skills = {slot.get("skill") for slot in react["plan"]}
    assert "apache-kafka" in kafka_skills and "react" not in kafka_skills
    assert "react" in react_skills and "apache-kafka" not in react_skills
    texts = []
    for interview in (kafka, react):
        asked = []
        for _ in range(4):
            question = ask(client, interview["id"])
            asked.append(question)
            assert client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": "I would explain it with a concrete example from my project, measured in production with 30% fewer errors."}).status_code == 201
        texts.append(" ".join(q["text"] for q in asked if not q["followUp"]))
    assert "Kafka" in texts[0] and "React" not in texts[0]
    assert "React" in texts[1] and "Kafka" not in texts[1]
    # the candidate's own project is asked about
    assert "Card payments platform" in texts[0]


def test_a_full_session_with_a_follow_up_feedback_and_a_report(client, bank):
    interview = start(client, KAFKA_JD, questions=5)
    assert interview["difficulty"] == "senior" and interview["notes"] == ["A new gap analysis was made: there was none yet."]
    assert_problem(client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": "too early"}), 409)
    first = ask(client, interview["id"])
    assert ask(client, interview["id"])["id"] == first["id"]  # the open question until it is answered
    # what Kafka is for, and honest about having no practice, but nothing on when teams choose it
    partial = (
        "Kafka is a distributed log for event streaming: services publish events to topics and other services read them "
        "at their own pace, so they stay decoupled. I have only read the documentation and tried the quick start; I have not "
        "used it in production yet."
    )
    weak = client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": partial, "durationSeconds": 20}).get_json()
    missed = weak["feedback"]["content"]["missed"]
    assert weak["score"] < 75 and missed and weak["feedback"]["content"]["covered"] and weak["feedback"]["outline"]
    follow_up = ask(client, interview["id"])
    assert follow_up["followUp"] and follow_up["text"] != first["text"]
    assert follow_up["reason"] == f"Follow-up: the answer did not cover: {missed[0]}."
    point = next(p for p in weak["feedback"]["keyPoints"] if p["point"] == missed[0])
    assert follow_up["text"] == point["followUp"]
    seen = 1
    while ask(client, interview["id"]) is not None:
        seen += 1
        answer = (
            "In my last project I owned this. First I measured the problem, then I designed the fix with the team lead, "
            "because the client needed it before the release. As a result latency fell by 40% and we passed the audit."
        )
        response = client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": answer})
        assert response.status_code == 201
        assert seen < 15
    finished = client.post(f"/api/v1/interviews/{interview['id']}/finish")
    assert finished.status_code == 200
    report = finished.get_json()["report"]
    assert report["answered"] == report["asked"] >= 6
    assert set(report["dimensions"]) == {"content", "clarity", "confidence", "star"}
    assert report["readiness"]["label"] in {"ready", "nearly ready", "not ready yet"} and 0 <= report["readiness"]["score"] <= 100
    assert 1 <= len(report["workOnFirst"]) <= 3 and report["strengths"]
    assert report["progress"][-1]["interviewId"] == interview["id"]
    assert_problem(client.get(f"/api/v1/interviews/{interview['id']}/next"), 409)
    listed = client.get(f"/api/v1/interviews?resumeId={interview['resumeId']}").get_json()
    assert listed["items"][0]["score"] == report["score"]


def test_evaluate_any_answer(client, bank):
    bank_question = client.post("/api/v1/answers/evaluate", json={
        "question": "How would you add caching to a slow product page?",
        "answer": "I would cache the product in Redis keyed by id, evict it on every update and set a TTL, then watch hit rate.",
        "keyPoints": ["Cache in Redis keyed by the product id", "Evict or expire entries when the product changes"],
    }).get_json()
    assert bank_question["score"] > 50 and bank_question["content"]["covered"] and not bank_question["content"]["missed"]
    assert [point["point"] for point in bank_question["keyPoints"]] == ["Cache in Redis keyed by the product id", "Evict or expire entries when the product changes"]
    assert bank_question["keyPoints"][0]["status"] == "covered" and bank_question["offTopic"] is False and bank_question["bankQuestion"] is None
    # a question of the bank, in other words: its key points and model answer are used
    from seed_data.load import question_records

    record = next(entry for entry in question_records() if entry["id"] == "docker-senior-2")
    reworded = client.post("/api/v1/answers/evaluate", json={"question": record["text"], "answer": record["modelAnswer"]}).get_json()
    assert reworded["bankQuestion"] == {"id": "docker-senior-2", "text": record["text"]} and reworded["modelAnswer"] == record["modelAnswer"]
    assert [point["point"] for point in reworded["keyPoints"]] == [point["point"] for point in record["keyPoints"]]
    assert reworded["score"] >= 75 and reworded["coach"] is None
    star = client.post("/api/v1/answers/evaluate", json={
        "question": "Tell me about a conflict in your team.", "kind": "behavioural",
        "answer": "We argued. It was fine in the end.",
    }).get_json()
    assert star["star"] and not star["star"]["complete"]
    assert_problem(client.post("/api/v1/answers/evaluate", json={"answer": "x"}), 422, field="question")


def test_bank_reference_texts_are_stored_and_used_instead_of_the_model(session):
    from embeddings.model import default_model, text_hash
    from seed_data.load import question_records
    from service.interviews.models import ReferenceText
    from service.interviews.service import stored_vectors
    from service.matching.feedback import KeyPoint, reference_texts

    load_questions(session)
    record = next(entry for entry in question_records() if entry["kind"] == "technical")
    texts = reference_texts(record["text"], [KeyPoint(point["point"], ()) for point in record["keyPoints"]], record["modelAnswer"])
    stored = {row.id: row for row in session.scalars(sa.select(ReferenceText).where(ReferenceText.id.in_([text_hash(t) for t in texts])))}
    assert len(stored) == len(texts) == 2 + len(record["keyPoints"])
    assert all(stored[text_hash(text)].text == text for text in texts)
    templates = [text_hash(entry["text"]) for entry in question_records() if entry["kind"] in ("project", "gap")]
    assert not session.scalar(sa.select(sa.func.count()).select_from(ReferenceText).where(ReferenceText.id.in_(templates)))

    # a stored vector wins over the model's; a text without one is embedded as usual
    marker = [0.0] * 383 + [1.0]
    stored[text_hash(texts[1])].embedding = marker
    session.flush()
    vectors = stored_vectors(session)([texts[1], "An answer nobody stored."])
    assert vectors[0] == pytest.approx(marker)
    assert vectors[1] == pytest.approx(default_model().embed_one("An answer nobody stored."))


def test_project_templates_fit_the_kind_of_technology(session, bank):
    from service.interviews.models import Interview
    from service.interviews.service import _pick

    interview = Interview(current_difficulty="mid")

    def every_pick(kind):
        slot = {"kind": "project", "project": "Shop", "technology": "Some technology", "technologyKind": kind, "role": "Backend developer"}
        used, codes = set(), []
        while (question := _pick(session, interview, slot, used)[0]) is not None and question.id not in used:
            used.add(question.id)
            codes.append(question.code)
        return set(codes)

    framework, database = every_pick("framework"), every_pick("database")
    # the tables of a database, and tuning a server, are asked about databases, not about a framework
    assert "project-10" not in framework and "project-22" not in framework and "project-18" in framework
    assert {"project-10", "project-22"} <= database and "project-18" not in database
    assert len(framework) >= 20 and len(database) >= 20
