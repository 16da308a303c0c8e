"""The skills API over the product's taxonomy."""

from tests.helpers import assert_problem, make_customer, make_project, make_resume


def test_search_autocompletes_by_name_and_alias(client):
    body = client.get("/api/v1/skills?q=spring").get_json()
    slugs = [item["slug"] for item in body["items"]]
    assert "spring-boot" in slugs[:5] and "spring" in slugs[:5]
    assert client.get("/api/v1/skills?q=k8s").get_json()["items"][0]["slug"] == "kubernetes"
    languages = client.get("/api/v1/skills?kind=spoken_language&pageSize=100").get_json()
    assert {"english", "japanese", "vietnamese"} <= {item["slug"] for item in languages["items"]}
    assert_problem(client.get("/api/v1/skills?kind=gadget"), 422, field="kind")


def test_skill_detail_shows_relations_both_ways(client):
    boot = client.get("/api/v1/skills/spring-boot").get_json()
    relations = {(r["type"], r["slug"]) for r in boot["relations"]}
    assert ("part_of", "spring") in relations and ("built_on", "java") in relations
    java = client.get("/api/v1/skills/java").get_json()
    assert any(r["type"] == "base_of" and r["slug"] == "spring-boot" for r in java["relations"])
    assert_problem(client.get("/api/v1/skills/no-such-skill"), 404)


def test_extract_gives_each_skill_once_with_offsets(client):
    text = "5+ years of Java/Kotlin and Spring Boot; AWS (EC2, S3, Lambda); k8s. Japanese JLPT N2. Competitive salary."
    response = client.post("/api/v1/skills/extract", json={"text": text, "kind": "jd"})
    assert response.status_code == 200
    skills = {s["slug"]: s for s in response.get_json()["skills"]}
    for slug in ("java", "kotlin", "spring-boot", "aws", "kubernetes", "japanese"):
        assert slug in skills, slug
    for skill in skills.values():
        for mention in skill["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    assert skills["japanese"]["level"]["cefr"] == "B2"
    assert skills["kubernetes"]["mentions"][0]["text"] == "k8s"
    assert_problem(client.post("/api/v1/skills/extract", json={"text": ""}), 422, field="text")
    assert_problem(client.post("/api/v1/skills/extract", json={"text": "x", "kind": "memo"}), 422, field="kind")


def test_parse_job_description_without_storing(client):
    jd = "Senior Java Developer\n\nRequirements\n- 5+ years of Java\n- Spring Boot, Kafka\n\nNice to have\n- JLPT N2"
    body = client.post("/api/v1/job-descriptions/parse", json={"text": jd}).get_json()
    assert body["title"] == "Senior Java Developer" and body["seniority"] == "senior"
    java = body["requirements"][0]
    assert java["importance"] == "must" and java["minYears"] == 5.0 and java["skills"][0]["slug"] == "java"
    assert body["requirements"][-1]["importance"] == "nice"


def test_project_requirements_follow_the_jd(client):
    customer = make_customer(client)
    project = make_project(client, customer["id"], jobDescription="Requirements\n- 3+ years of Python and Django\n- English B2")
    url = f"/api/v1/projects/{project['id']}/requirements"
    first = client.get(url).get_json()
    assert [r["text"] for r in first["requirements"]] == ["3+ years of Python and Django", "English B2"]
    assert first["requirements"][1]["kind"] == "spoken_language"

    client.patch(f"/api/v1/projects/{project['id']}", json={"jobDescription": "Requirements\n- React and TypeScript"})
    second = client.get(url).get_json()
    assert [s["slug"] for s in second["requirements"][0]["skills"]] == ["react", "typescript"]
    assert_problem(client.get("/api/v1/projects/00000000-0000-0000-0000-000000000000/requirements"), 404)


def test_resume_skill_profile(client):
    resume = make_resume(
        client,
        projects=[
            {"name": "Bank API", "technology": ["Java 11", "Spring Boot"], "startDate": "2020-01-01", "endDate": "2021-12-31T00:00:00", "status": "Closed"},
            {"name": "Payments", "technology": ["Java 17", "Kafka"], "startDate": "2021-06-01", "endDate": "2022-05-31", "status": "Closed",
             "responsibility": "Built REST APIs with Spring Boot and PostgreSQL"},
        ],
        professionalSkills=[{"jobTitleName": "Java Developer", "experienceYear": 5, "experienceMonth": 0, "isMainSkill": True}],
        certificates=[{"certificate": "JLPT N2", "foreignLanguage": "Japanese", "level": "N2", "status": 1}],
        languages=[{"proficiency": 4, "language": {"name": "English"}}],
    )
    body = client.get(f"/api/v1/resumes/{resume['resume']['id']}/skills").get_json()
    skills = {s["slug"]: s for s in body["skills"]}
    java = skills["java"]
    assert java["months"] == 29, "2020-01..2022-05 with the overlap counted once"
    assert java["declaredMonths"] == 60 and java["years"] == 5.0
    assert java["lastUsed"] == "2022-05-31"
    assert {e["source"] for e in java["evidence"]} == {"project", "professional_skill"}
    assert skills["postgresql"]["evidence"][0]["text"].startswith("Built REST APIs")
    assert skills["japanese"]["level"]["cefr"] == "B2"
    assert skills["english"]["level"]["cefr"] == "B2"
