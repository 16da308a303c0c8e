from tests.helpers import assert_problem, make_customer, make_project, make_resume


def test_stale_if_match_is_refused_and_nothing_changes(client):
    customer = make_customer(client)
    url = f"/api/v1/customers/{customer['id']}"
    etag = client.get(url).headers["ETag"]

    first = client.patch(url, json={"notes": "first editor"}, headers={"If-Match": etag})
    assert first.status_code == 200
    assert first.headers["ETag"] != etag

    second = client.patch(url, json={"notes": "second editor"}, headers={"If-Match": etag})
    body = assert_problem(second, 412)
    assert "Read it again" in body["detail"]
    assert client.get(url).get_json()["notes"] == "first editor"


def test_current_if_match_and_star_are_accepted(client):
    customer = make_customer(client)
    url = f"/api/v1/customers/{customer['id']}"
    etag = client.get(url).headers["ETag"]
    assert client.patch(url, json={"notes": "ok"}, headers={"If-Match": etag}).status_code == 200
    assert client.patch(url, json={"notes": "any"}, headers={"If-Match": "*"}).status_code == 200


def test_project_and_resume_updates_honour_if_match(client):
    customer = make_customer(client)
    project = make_project(client, customer["id"])
    project_url = f"/api/v1/projects/{project['id']}"
    old = client.get(project_url).headers["ETag"]
    client.patch(project_url, json={"status": "open"})
    assert_problem(client.put(project_url, json={"name": "x", "jobDescription": "y", "customerId": customer["id"]}, headers={"If-Match": old}), 412)
    assert_problem(client.delete(project_url, headers={"If-Match": old}), 412)
    assert client.get(project_url).status_code == 200

    resume = make_resume(client)
    resume_url = f"/api/v1/resumes/{resume['resume']['id']}"
    old = client.get(resume_url).headers["ETag"]
    changed = client.patch(resume_url, json={"domain": [{"name": "Banking", "year": 2}]})
    assert changed.status_code == 200 and changed.headers["ETag"] != old
    assert_problem(client.patch(resume_url, json={"domain": []}, headers={"If-Match": old}), 412)
    assert client.get(resume_url).get_json()["domain"][0]["name"] == "Banking"


def test_unchanged_resource_keeps_its_etag(client):
    customer = make_customer(client)
    url = f"/api/v1/customers/{customer['id']}"
    assert client.get(url).headers["ETag"] == client.get(url).headers["ETag"]
