import uuid

from tests.helpers import assert_problem, make_customer, make_project, make_resume


def test_project_with_inline_customer_then_crud(client):
    created = client.post(
        "/api/v1/projects",
        json={
            "name": "Payments platform - Go engineer",
            "jobDescription": "We need a Go engineer.\nRequirements\n- 3+ years of Go",
            "customer": {"name": "Lion City Payments", "country": "Singapore"},
            "status": "open",
            "interviewDate": "2026-12-20",
            "positions": 2,
        },
    )
    assert created.status_code == 201, created.get_json()
    project = created.get_json()
    assert project["customer"]["name"] == "Lion City Payments"
    assert project["customerId"] == project["customer"]["id"]
    assert project["interviewDate"] == "2026-12-20" and project["positions"] == 2

    # the inline customer is a customer of its own, reusable for the next project
    second = make_project(client, project["customerId"], name="Payments platform - QA")
    assert second["customer"]["name"] == "Lion City Payments"

    url = f"/api/v1/projects/{project['id']}"
    patched = client.patch(url, json={"status": "closed", "notes": "filled"})
    assert patched.status_code == 200
    assert patched.get_json()["status"] == "closed" and patched.get_json()["positions"] == 2

    assert client.delete(url).status_code == 204
    assert_problem(client.get(url), 404)


def test_project_needs_exactly_one_customer_reference(client):
    body = {"name": "X", "jobDescription": "JD"}
    assert_problem(client.post("/api/v1/projects", json=body), 422, field="customerId")
    customer = make_customer(client)
    both = {**body, "customerId": customer["id"], "customer": {"name": "Other"}}
    assert_problem(client.post("/api/v1/projects", json=both), 422, field="customer")
    missing = {**body, "customerId": str(uuid.uuid4())}
    problem = assert_problem(client.post("/api/v1/projects", json=missing), 422, field="customerId")
    assert "No customer" in problem["detail"]


def test_project_validation_errors(client):
    customer = make_customer(client)
    body = {
        "name": "",
        "jobDescription": "x" * 50_001,
        "customerId": customer["id"],
        "status": "archived",
        "interviewDate": "next week",
        "positions": 0,
    }
    problem = assert_problem(client.post("/api/v1/projects", json=body), 422)
    assert set(problem["errors"]) == {"name", "jobDescription", "status", "interviewDate", "positions"}
    assert "draft, open, closed" in problem["errors"]["status"][0]


def test_inline_customer_failure_leaves_nothing_behind(client):
    make_customer(client, "Taken Name Ltd")
    before = client.get("/api/v1/customers?pageSize=100").get_json()["total"]
    body = {"name": "P", "jobDescription": "JD", "customer": {"name": "Taken Name Ltd"}}
    assert_problem(client.post("/api/v1/projects", json=body), 409)
    assert client.get("/api/v1/customers?pageSize=100").get_json()["total"] == before


def test_job_description_of_50000_characters_is_accepted(client):
    customer = make_customer(client)
    project = make_project(client, customer["id"], jobDescription="Java " * 10_000)
    assert len(project["jobDescription"]) == 50_000


def test_list_search_and_filter(client):
    token = uuid.uuid4().hex[:6]
    acme = make_customer(client, f"Acme {token}")
    zen = make_customer(client, f"Zen {token}")
    make_project(client, acme["id"], name=f"Java backend {token}", status="open")
    make_project(client, acme["id"], name=f"React frontend {token}", status="draft")
    make_project(client, zen["id"], name=f"Data pipeline {token}", status="open")

    by_customer_name = client.get(f"/api/v1/projects?q=acme {token}").get_json()
    assert by_customer_name["total"] == 2
    assert all(item["customerName"] == f"Acme {token}" for item in by_customer_name["items"])
    assert "jobDescription" not in by_customer_name["items"][0], "lists stay light"

    by_name = client.get(f"/api/v1/projects?q=pipeline {token}").get_json()
    assert [p["name"] for p in by_name["items"]] == [f"Data pipeline {token}"]

    open_ones = client.get(f"/api/v1/projects?q={token}&status=open").get_json()
    assert open_ones["total"] == 2
    filtered = client.get(f"/api/v1/projects?customerId={zen['id']}").get_json()
    assert filtered["total"] == 1
    assert_problem(client.get("/api/v1/projects?status=archived"), 422, field="status")


def test_candidates_pipeline_and_outcomes(client):
    customer = make_customer(client, f"Outcome Co {uuid.uuid4().hex[:6]}")
    project = make_project(client, customer["id"])
    other = make_project(client, customer["id"], name="Second opening")
    people = [make_resume(client, f"Person{i}", "Tran") for i in range(4)]
    url = f"/api/v1/projects/{project['id']}/candidates"

    for person in people[:3]:
        created = client.post(url, json={"resumeId": person["resume"]["id"]})
        assert created.status_code == 201
        assert created.get_json()["status"] == "proposed"
        assert created.get_json()["firstName"] == person["resume"]["first_name"]
    client.post(f"/api/v1/projects/{other['id']}/candidates", json={"resumeId": people[3]["resume"]["id"], "status": "failed"})

    assert_problem(client.post(url, json={"resumeId": people[0]["resume"]["id"]}), 409)
    assert_problem(client.post(url, json={"resumeId": str(uuid.uuid4())}), 422, field="resumeId")
    assert_problem(client.post(url, json={"resumeId": people[0]["resume"]["id"], "status": "hired"}), 422, field="status")

    first, second = (f"{url}/{people[i]['resume']['id']}" for i in range(2))
    passed = client.patch(first, json={"status": "passed", "clientFeedback": "Clear answers on Spring transactions."})
    assert passed.status_code == 200 and passed.get_json()["clientFeedback"].startswith("Clear")
    client.patch(second, json={"status": "failed"})

    listed = client.get(url).get_json()
    assert listed["total"] == 3
    assert client.get(f"{url}?status=passed").get_json()["total"] == 1

    stats = client.get(f"/api/v1/projects/outcomes?customerId={customer['id']}").get_json()
    assert stats["overall"] == {
        "proposed": 1, "preparing": 0, "interviewed": 0, "passed": 1, "failed": 2, "total": 4, "successRate": 0.3333,
    }
    by_project = {row["projectName"]: row for row in stats["byProject"]}
    assert by_project["Senior Java developer"]["successRate"] == 0.5
    assert by_project["Second opening"]["successRate"] == 0.0
    assert stats["byCustomer"][0]["total"] == 4

    assert client.delete(second).status_code == 204
    assert client.get(url).get_json()["total"] == 2


def test_deleting_a_project_removes_its_candidates(client, session):
    from service.projects.models import ProjectCandidate

    customer = make_customer(client)
    project = make_project(client, customer["id"])
    resume = make_resume(client)
    client.post(f"/api/v1/projects/{project['id']}/candidates", json={"resumeId": resume["resume"]["id"]})
    assert client.delete(f"/api/v1/projects/{project['id']}").status_code == 204
    assert session.query(ProjectCandidate).filter_by(project_id=uuid.UUID(project["id"])).count() == 0
    assert client.get(f"/api/v1/resumes/{resume['resume']['id']}").status_code == 200
