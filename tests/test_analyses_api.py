"""Gap reports through the API, against real PostgreSQL and the product's taxonomy."""

import uuid

from tests.helpers import assert_problem, make_customer, make_project, make_resume

REACT_JD = """Senior Frontend Engineer (React)

Requirements
- 4+ years of React and TypeScript
- Experience designing REST APIs with backend teams
- English: TOEIC 750 or above

Nice to have
- Java is a plus
- Japanese JLPT N2
"""

JAVA_CV = {
    "projects": [
        {
            "name": "Payments platform",
            "technology": ["Java 17", "Spring Boot", "Vue.js", "PostgreSQL"],
            "startDate": "2019-01-01",
            "endDate": "2023-12-31",
            "status": "Closed",
            "responsibility": "Built RESTful microservices with Spring for card payments and their admin screens",
        },
        {"name": "Loyalty app", "technology": ["Java", "Kafka"], "startDate": "2022-06-01", "status": "On-going"},
    ],
    "certificates": [{"certificate": "TOEIC", "score": "820", "foreignLanguage": "English", "status": 1}],
    "languages": [{"proficiency": 3, "language": {"name": "Japanese"}}],
    "education": [{"school": "HUST", "degree": "Bachelor of Engineering", "major": "Computer Science"}],
}


def setup_project(client, jd=REACT_JD):
    customer = make_customer(client, f"Client {uuid.uuid4().hex[:6]}")
    return make_project(client, customer["id"], jobDescription=jd)


def analyse(client, project_id, resume_id):
    response = client.post(f"/api/v1/projects/{project_id}/analyses", json={"resumeId": resume_id})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def by_text(report, fragment):
    return next(r for r in report["requirements"] if fragment in r["text"])


def test_java_spring_cv_against_a_react_jd(client):
    project = setup_project(client)
    resume = make_resume(client, "Hung", "Dang", **JAVA_CV)
    body = analyse(client, project["id"], resume["resume"]["id"])
    report = body["report"]
    assert body["score"] == report["score"] and 0 <= body["score"] <= 100

    react = by_text(report, "React and TypeScript")
    react_skill = next(s for s in react["skills"] if s["slug"] == "react")
    assert react_skill["status"] == "transferable" and react_skill["via"] == "Vue.js"
    assert react["status"] == "partial"

    rest = by_text(report, "REST APIs")
    assert rest["status"] == "matched"

    english = by_text(report, "TOEIC")
    assert english["status"] == "matched"
    japanese = by_text(report, "JLPT")
    assert japanese["importance"] == "nice" and japanese["status"] == "partial"
    assert "B1 on record, B2 asked" in [s["note"] for s in japanese["skills"] if s["slug"] == "japanese"]

    java = by_text(report, "Java is a plus")
    assert java["status"] == "matched" and java["skills"][0]["evidence"]
    assert "TypeScript" in report["missingSkills"] and "Java" in report["matchedSkills"]
    assert "Spring Boot" in report["extraSkills"]
    assert report["explanation"].startswith(f"Fit {report['score']}/100")


def test_a_missing_must_have_caps_the_score(client):
    project = setup_project(client, "Requirements\n- Kubernetes\n- 3+ years of Java\n- Spring Boot\n- PostgreSQL")
    resume = make_resume(client, "Lan", "Vo", **JAVA_CV)
    report = analyse(client, project["id"], resume["resume"]["id"])["report"]
    assert report["uncappedScore"] == 75, "three of four must-haves met"
    assert report["cap"] == 65 and report["score"] == 65
    assert "missing" in report["explanation"] and "Kubernetes" in report["explanation"]


def test_new_report_after_the_cv_changes_and_the_old_one_stays(client):
    project = setup_project(client)
    resume = make_resume(client, "Tam", "Bui", **JAVA_CV)
    resume_id = resume["resume"]["id"]
    first = analyse(client, project["id"], resume_id)
    again = analyse(client, project["id"], resume_id)
    assert again["report"] == first["report"], "the same inputs give the same report"

    document = client.get(f"/api/v1/resumes/{resume_id}").get_json()
    document["projects"].append({"name": "Storefront", "technology": ["React", "TypeScript"], "startDate": "2020-01-01", "endDate": "2025-06-30", "status": "Closed"})
    client.put(f"/api/v1/resumes/{resume_id}", json=document)
    second = analyse(client, project["id"], resume_id)
    assert second["resumeVersion"] > first["resumeVersion"]
    assert second["score"] > first["score"]
    assert by_text(second["report"], "React and TypeScript")["status"] == "matched"

    old = client.get(f"/api/v1/projects/{project['id']}/analyses/{first['id']}").get_json()
    assert old["report"] == first["report"]
    listed = client.get(f"/api/v1/projects/{project['id']}/analyses?resumeId={resume_id}").get_json()
    assert [item["id"] for item in listed["items"]][:1] == [second["id"]] and listed["total"] == 3
    assert client.get(f"/api/v1/resumes/{resume_id}/analyses").get_json()["total"] == 3


def test_analysis_errors(client):
    project = setup_project(client)
    assert_problem(client.post(f"/api/v1/projects/{project['id']}/analyses", json={"resumeId": str(uuid.uuid4())}), 404)
    assert_problem(client.post(f"/api/v1/projects/{project['id']}/analyses", json={}), 422, field="resumeId")
    assert_problem(client.get(f"/api/v1/projects/{project['id']}/analyses/{uuid.uuid4()}"), 404)
    assert_problem(client.get(f"/api/v1/resumes/{uuid.uuid4()}/analyses"), 404)


def test_suggestions_and_tailored_resume(client):
    project = setup_project(client, "Requirements\n- Java\n- Kafka\n- AWS\n\nNice to have\n- PostgreSQL")
    cv = {**JAVA_CV, "professionalSkills": [{"jobTitleName": "Java Developer", "experienceYear": 5, "experienceMonth": 0, "isMainSkill": True}]}
    resume = make_resume(client, "Khanh", "Tran", **cv)
    analysis = analyse(client, project["id"], resume["resume"]["id"])
    suggestions = analysis["report"]["suggestions"]
    kinds = {s["type"] for s in suggestions}
    assert {"hidden_evidence", "order", "certificate"} <= kinds
    hidden = {s["skills"][0] for s in suggestions if s["type"] == "hidden_evidence"}
    assert "apache-kafka" in hidden and "java" not in hidden
    assert all(s["evidence"] for s in suggestions if s["type"] != "certificate")
    for suggestion in suggestions:
        assert "AWS" not in (suggestion.get("after") or "") or suggestion["type"] == "certificate", suggestion

    body = client.get(f"/api/v1/projects/{project['id']}/analyses/{analysis['id']}/tailored-resume").get_json()
    assert body["resumeChangedSince"] is False
    tailored = body["resume"]
    assert [p["name"] for p in tailored["projects"]] == ["Loyalty app", "Payments platform"], "Kafka's project first"
    assert any(skill["jobTitleName"] == "Apache Kafka" for skill in tailored["professionalSkills"])
    assert body["markdown"].startswith("# Khanh Tran") and "## Projects" in body["markdown"]
    stored = client.get(f"/api/v1/resumes/{resume['resume']['id']}").get_json()
    assert len(stored["professionalSkills"]) == 1, "tailoring stores nothing"


def test_ranking_orders_a_small_known_bench(client):
    token = uuid.uuid4().hex[:6]
    jd = "Requirements\n- 4+ years of Java\n- Spring Boot\n- Kafka\n\nNice to have\n- Docker"
    project = setup_project(client, jd)
    other = setup_project(client, "Requirements\n- Java")
    client.patch(f"/api/v1/projects/{other['id']}", json={"status": "open"})

    def person(last, technology, start="2018-01-01"):
        return make_resume(client, f"Rank{token}", last, projects=[{"name": "Work", "technology": technology, "startDate": start, "endDate": "2025-12-31", "status": "Closed"}])

    strong = person("Strong", ["Java", "Spring Boot", "Kafka", "Docker"])
    junior = person("Junior", ["Java", "Spring Boot"], start="2024-06-01")
    frontend = person("Front", ["React", "TypeScript"])
    body = client.get(f"/api/v1/projects/{project['id']}/ranking?limit=50").get_json()
    mine = [row for row in body["items"] if row["name"].startswith(f"Rank{token}")]
    assert [row["name"] for row in mine] == [f"Rank{token} Strong", f"Rank{token} Junior"], "no JD skill, no place in the ranking"
    assert mine[0]["score"] > mine[1]["score"]
    assert mine[0]["missingMustHaves"] == [] and "Kafka" in mine[1]["missingMustHaves"]
    assert mine[0]["analysisId"] is None

    analysis = analyse(client, project["id"], strong["resume"]["id"])
    again = client.get(f"/api/v1/projects/{project['id']}/ranking?limit=50").get_json()
    first = next(row for row in again["items"] if row["resumeId"] == strong["resume"]["id"])
    assert first["analysisId"] == analysis["id"] and first["analysisUrl"].endswith(analysis["id"])

    client.post(f"/api/v1/projects/{other['id']}/candidates", json={"resumeId": strong["resume"]["id"], "status": "preparing"})
    available = client.get(f"/api/v1/projects/{project['id']}/ranking?limit=50&available=true").get_json()
    assert strong["resume"]["id"] not in [row["resumeId"] for row in available["items"]]
    assert frontend["resume"]["id"] not in [row["resumeId"] for row in available["items"]]
    assert junior["resume"]["id"] in [row["resumeId"] for row in available["items"]]


def test_recomputing_derived_data_is_not_an_edit(client, session):
    """After a parser upgrade the stored profiles and JD requirements are computed again at start;
    that must not change any ETag or modifiedOn (nobody edited the records)."""
    import sqlalchemy as sa

    from service.models import InterviewProject, Resume
    from service.projects.service import reread_stale_requirements
    from service.resumes.service import refresh_stale_profiles

    project = setup_project(client)
    resume = make_resume(client, "Derived", "Data", **JAVA_CV)
    resume_url, project_url = f"/api/v1/resumes/{resume['resume']['id']}", f"/api/v1/projects/{project['id']}"
    etags = client.get(resume_url).headers["ETag"], client.get(project_url).headers["ETag"]
    session.execute(sa.update(Resume).values(profile_version="old"))
    session.execute(sa.update(InterviewProject).values(parser_version="old"))
    session.commit()
    assert refresh_stale_profiles(session) >= 1 and reread_stale_requirements(session) >= 1
    assert (client.get(resume_url).headers["ETag"], client.get(project_url).headers["ETag"]) == etags
    assert client.get(resume_url).get_json()["resume"]["modifiedOn"] is None
    skills = client.get(f"{resume_url}/skills").get_json()["skills"]
    assert any(s["slug"] == "java" for s in skills)


def test_ranking_counts_career_years(client):
    token = uuid.uuid4().hex[:6]
    project = setup_project(client, "Requirements\n- 6+ years in software development\n- Java")
    veteran = make_resume(client, f"Career{token}", "Veteran", projects=[
        {"name": "A", "technology": ["PHP"], "startDate": "2015-01-01", "endDate": "2019-12-31", "status": "Closed"},
        {"name": "B", "technology": ["Java"], "startDate": "2019-06-01", "endDate": "2023-12-31", "status": "Closed"},
    ])
    newcomer = make_resume(client, f"Career{token}", "Newcomer", projects=[
        {"name": "C", "technology": ["Java"], "startDate": "2023-01-01", "endDate": "2024-12-31", "status": "Closed"},
    ])
    rows = {row["resumeId"]: row for row in client.get(f"/api/v1/projects/{project['id']}/ranking?limit=100").get_json()["items"]}
    assert rows[veteran["resume"]["id"]]["score"] == 100
    assert "6+ years in software development" in rows[newcomer["resume"]["id"]]["missingMustHaves"]
    report = analyse(client, project["id"], veteran["resume"]["id"])["report"]
    assert by_text(report, "6+ years")["status"] == "matched"


def test_a_must_have_found_only_by_meaning(client):
    project = setup_project(client, "Requirements\n- Experience designing APIs consumed by mobile apps\n- Python")
    resume = make_resume(client, "Meaning", "Only", projects=[{
        "name": "Patient portal",
        "technology": ["Python", "Django"],
        "startDate": "2021-01-01",
        "endDate": "2024-06-30",
        "status": "Closed",
        "projectDescription": "Appointment booking for a hospital group.",
        "responsibility": "Built RESTful services consumed by the patient mobile app.\nKept the test suite green.",
    }])
    report = analyse(client, project["id"], resume["resume"]["id"])["report"]
    apis = by_text(report, "designing APIs")
    assert apis["status"] == "matched" and apis["scored"]
    assert apis["byMeaning"]["text"] == "Built RESTful services consumed by the patient mobile app."
    assert apis["byMeaning"]["similarity"] >= 0.5 and "by meaning" in apis["note"]
