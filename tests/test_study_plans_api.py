"""Study plans through the API: made from the latest analysis, scheduled, exported, and kept
across regenerations."""

import uuid
from datetime import date, timedelta

import pytest

from embeddings.refresh import refresh_embeddings
from seed_data.load import load_questions, load_resources
from service.resources.models import Resource
from service.resources.service import Need, for_needs
from tests.helpers import assert_problem, make_customer, make_project, make_resume

JD = """Backend Engineer (Spring Boot)

Requirements
- 3+ years of Spring Boot
- Deploy services on Amazon EKS
- PostgreSQL

Nice to have
- Redis
"""

VUE_CV = {
    "projects": [
        {
            "name": "Shop front",
            "technology": ["Vue.js", "JavaScript", "Java", "PostgreSQL", "SQL"],
            "startDate": "2021-01-01",
            "endDate": "2024-06-30",
            "status": "Closed",
            "responsibility": "Built the storefront and its Java order service",
        }
    ]
}


@pytest.fixture
def catalogue(session):
    load_resources(session)
    load_questions(session)
    session.commit()


def setup(client, jd=JD, cv=VUE_CV, interview_in=60):
    customer = make_customer(client, f"Client {uuid.uuid4().hex[:6]}")
    project = make_project(client, customer["id"], jobDescription=jd, interviewDate=(date.today() + timedelta(days=interview_in)).isoformat())
    resume = make_resume(client, "Lan", "Bui", **cv)
    return project["id"], resume["resume"]["id"]


def plan_for(client, project_id, resume_id, expected=201, **fields):
    response = client.post("/api/v1/study-plans", json={"projectId": project_id, "resumeId": resume_id, **fields})
    assert response.status_code == expected, response.get_json()
    return response


def test_a_plan_covers_the_gaps_in_order_with_resources_goals_and_a_schedule(client, catalogue):
    project_id, resume_id = setup(client, interview_in=90)
    response = plan_for(client, project_id, resume_id)
    plan = response.get_json()
    assert response.headers["Location"] == f"/api/v1/study-plans/{plan['id']}" and response.headers["ETag"]
    assert plan["notes"] == ["A new gap analysis was made: there was none yet."] and plan["analysisId"]
    keys = [item["key"] for item in plan["items"]]
    # Java and PostgreSQL are on record: no item for them; Kubernetes and AWS before EKS; the nice-to-have last
    assert "java" not in keys and "postgresql" not in keys
    assert keys.index("kubernetes") < keys.index("amazon-eks") and keys.index("aws") < keys.index("amazon-eks")
    assert keys[-1] == "redis" and plan["items"][-1]["importance"] == "nice"
    spring = next(item for item in plan["items"] if item["key"] == "spring-boot")
    assert "Java" in spring["buildsOn"]
    # self-check questions from the bank, easiest first
    assert [q["level"] for q in spring["selfCheck"]["questions"]] == ["junior", "junior", "mid"]
    for item in plan["items"]:
        assert item["resources"] and item["selfCheck"]["goals"] and item["hours"] > 0
        assert any(resource["why"].startswith("teaches") for resource in item["resources"])
    assert plan["fits"] is True and plan["granularity"] == "week" and not plan["leftOut"]
    assert plan["progress"] == {
        "doneItems": 0, "skippedItems": 0, "totalItems": len(keys), "doneHours": 0, "remainingHours": plan["neededHours"], "percent": 0, "behindHours": 0,
    }
    sessions = [s for period in plan["schedule"] for s in period["sessions"]]
    assert all(s["date"] < plan["interviewDate"] for s in sessions)
    assert all(period["hours"] <= 8 for period in plan["schedule"])
    assert client.get(f"/api/v1/study-plans/{plan['id']}").get_json()["items"] == plan["items"]
    listed = client.get(f"/api/v1/study-plans?resumeId={resume_id}").get_json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == plan["id"]


def test_too_little_time_says_so_and_lists_what_was_left_out(client, catalogue):
    project_id, resume_id = setup(client, interview_in=6)
    plan = plan_for(client, project_id, resume_id, hoursPerWeek=5, studyDays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"]).get_json()
    assert plan["fits"] is False and plan["granularity"] == "day"
    assert "Not enough time" in plan["summary"] and plan["leftOut"]
    assert all(entry["reason"] and entry["cause"] == "time" for entry in plan["leftOut"])
    assert plan["items"] and plan["items"][0]["importance"] == "must"
    assert plan["items"][0]["scheduledHours"] < plan["items"][0]["hours"]  # cut to its essentials
    assert sum(period["hours"] for period in plan["schedule"]) <= plan["capacityHours"] <= 5


def test_progress_is_kept_when_the_plan_is_made_again(client, catalogue):
    project_id, resume_id = setup(client)
    plan = plan_for(client, project_id, resume_id).get_json()
    redis = next(item for item in plan["items"] if item["key"] == "redis")
    kubernetes = next(item for item in plan["items"] if item["key"] == "kubernetes")
    marked = client.patch(f"/api/v1/study-plans/{plan['id']}/items/{kubernetes['id']}", json={"status": "done"}, headers={"If-Match": f'"v{plan["version"]}"'})
    assert marked.status_code == 200, marked.get_json()
    after = marked.get_json()
    assert after["progress"]["doneItems"] == 1 and after["progress"]["percent"] > 0 and after["version"] == plan["version"] + 1
    assert_problem(client.patch(f"/api/v1/study-plans/{plan['id']}/items/{redis['id']}", json={"status": "done"}, headers={"If-Match": f'"v{plan["version"]}"'}), 412)

    # the CV gains Redis: a new analysis, and a plan made again keeps Kubernetes done and drops Redis
    resume = client.get(f"/api/v1/resumes/{resume_id}").get_json()
    resume["projects"][0]["technology"].append("Redis")
    assert client.put(f"/api/v1/resumes/{resume_id}", json=resume).status_code == 200
    again = plan_for(client, project_id, resume_id, expected=200, hoursPerWeek=10).get_json()
    assert again["id"] == plan["id"] and again["hoursPerWeek"] == 10
    assert "the project or the resume changed" in again["notes"][0] and again["analysisId"] != plan["analysisId"]
    items = {item["key"]: item for item in again["items"]}
    assert "redis" not in items
    assert items["kubernetes"]["status"] == "done" and items["kubernetes"]["id"] == kubernetes["id"]
    assert not any(s["itemKey"] == "kubernetes" for period in again["schedule"] for s in period["sessions"])
    undo = client.patch(f"/api/v1/study-plans/{plan['id']}/items/{kubernetes['id']}", json={"status": "todo"}).get_json()
    assert undo["progress"]["doneItems"] == 0


def test_exports_markdown_and_icalendar(client, catalogue):
    project_id, resume_id = setup(client, interview_in=20)
    plan = plan_for(client, project_id, resume_id).get_json()
    markdown = client.get(f"/api/v1/study-plans/{plan['id']}/plan.md")
    assert markdown.status_code == 200 and markdown.mimetype == "text/markdown"
    text = markdown.get_data(as_text=True)
    assert text.startswith("# Study plan: Lan Bui for") and "## Schedule" in text and "Amazon EKS" in text
    calendar = client.get(f"/api/v1/study-plans/{plan['id']}/plan.ics")
    assert calendar.status_code == 200 and calendar.mimetype == "text/calendar"
    raw = calendar.get_data()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), [line for line in raw.split(b"\r\n") if len(line) > 75]
    sessions = [s for period in plan["schedule"] for s in period["sessions"]]
    assert raw.count(b"BEGIN:VEVENT") == len(sessions) > 0
    first = sessions[0]
    assert f"DTSTART:{first['date'].replace('-', '')}T{first['start'].replace(':', '')}00".encode() in raw


def test_bad_requests_are_refused_and_nothing_is_written(client, catalogue):
    project_id, resume_id = setup(client)
    today = date.today()
    assert_problem(client.post("/api/v1/study-plans", json={"projectId": project_id}), 422, field="resumeId")
    assert_problem(client.post("/api/v1/study-plans", json={"projectId": str(uuid.uuid4()), "resumeId": resume_id}), 404)
    bad = {"projectId": project_id, "resumeId": resume_id}
    assert_problem(client.post("/api/v1/study-plans", json={**bad, "interviewDate": today.isoformat()}), 422, field="interviewDate")
    assert_problem(client.post("/api/v1/study-plans", json={**bad, "hoursPerWeek": 0}), 422, field="hoursPerWeek")
    assert_problem(client.post("/api/v1/study-plans", json={**bad, "studyDays": ["mon", "mon"]}), 422, field="studyDays")
    assert_problem(client.post("/api/v1/study-plans", json={**bad, "languages": ["fr"]}), 422, field="languages[0]")
    assert_problem(client.post("/api/v1/study-plans", json={**bad, "sessionStart": "23:30", "hoursPerWeek": 20}), 422, field="sessionStart")
    assert client.get(f"/api/v1/study-plans?projectId={project_id}").get_json()["total"] == 0
    assert client.get(f"/api/v1/projects/{project_id}/analyses").get_json()["total"] == 0
    plan = plan_for(client, project_id, resume_id).get_json()
    assert_problem(client.patch(f"/api/v1/study-plans/{plan['id']}/items/{uuid.uuid4()}", json={"status": "done"}), 404)
    assert_problem(client.patch(f"/api/v1/study-plans/{plan['id']}/items/{plan['items'][0]['id']}", json={"status": "finished"}), 422, field="status")
    assert_problem(client.get(f"/api/v1/study-plans/{uuid.uuid4()}/plan.ics"), 404)
    assert client.delete(f"/api/v1/study-plans/{plan['id']}").status_code == 204
    assert_problem(client.get(f"/api/v1/study-plans/{plan['id']}"), 404)


def test_resources_for_a_gap_worded_without_the_skill_are_found_by_meaning(session):
    token = uuid.uuid4().hex[:8]
    rows = [
        Resource(id=uuid.uuid4(), title=f"Kafka streams and topics in practice {token}", url=f"https://example.org/{token}/kafka", type="course", provider="Example", language="en", free=True, level="beginner", hours=6, skills=["apache-kafka"]),
        Resource(id=uuid.uuid4(), title=f"CSS grid layouts {token}", url=f"https://example.org/{token}/css", type="tutorial", provider="Example", language="en", free=True, level="beginner", hours=3, skills=["css"]),
        Resource(id=uuid.uuid4(), title=f"Watercolour painting for beginners {token}", url=f"https://example.org/{token}/paint", type="book", provider="Example", language="en", free=True, level="beginner", hours=3, skills=["css"]),
    ]
    session.add_all(rows)
    refresh_embeddings(rows)
    session.commit()
    need = Need(None, "services that publish events to a message broker and react to them asynchronously", "beginner", 4)
    [found] = for_needs(session, [need], languages=["en"], per_need=3)
    mine = [resource for resource in found if token in resource["title"]]
    assert mine and mine[0]["title"].startswith("Kafka") and mine[0]["why"].startswith("close in meaning")


def test_preferred_language_comes_first(session, catalogue):
    [found] = for_needs(session, [Need("java", "Java", "beginner", 24)], languages=["vi"], per_need=3)
    assert found[0]["language"] == "vi" and "java" in found[0]["skills"]
