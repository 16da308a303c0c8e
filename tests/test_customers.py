import uuid

from tests.helpers import assert_problem, make_customer, make_project

USER = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"


def test_create_read_update_delete_customer(client):
    created = client.post(
        "/api/v1/customers",
        json={"name": "Kangaroo Insurance", "industry": "Insurance", "country": "Australia", "contactEmail": "it@kangaroo.example.au"},
        headers={"X-User-Id": USER},
    )
    assert created.status_code == 201
    body = created.get_json()
    assert body["name"] == "Kangaroo Insurance" and body["contactEmail"] == "it@kangaroo.example.au"
    assert body["createdBy"] == USER and body["createdOn"] and body["modifiedOn"] is None
    assert created.headers["Location"].endswith(body["id"])

    read = client.get(f"/api/v1/customers/{body['id']}")
    assert read.status_code == 200 and read.get_json()["industry"] == "Insurance"
    assert read.headers["ETag"]

    patched = client.patch(f"/api/v1/customers/{body['id']}", json={"phone": "+61 2 5550 1234"}, headers={"X-User-Id": USER})
    assert patched.status_code == 200
    assert patched.get_json()["phone"] == "+61 2 5550 1234"
    assert patched.get_json()["industry"] == "Insurance", "PATCH keeps fields it was not given"
    assert patched.get_json()["modifiedBy"] == USER and patched.get_json()["modifiedOn"]

    replaced = client.put(f"/api/v1/customers/{body['id']}", json={"name": "Kangaroo Insurance Group"})
    assert replaced.status_code == 200
    assert replaced.get_json()["phone"] is None, "PUT replaces the whole customer"

    assert client.delete(f"/api/v1/customers/{body['id']}").status_code == 204
    assert_problem(client.get(f"/api/v1/customers/{body['id']}"), 404)


def test_customer_validation_names_the_fields(client):
    response = client.post("/api/v1/customers", json={"name": "  ", "contactEmail": "not-an-email", "fax": "1"})
    body = assert_problem(response, 422)
    assert set(body["errors"]) == {"name", "contactEmail", "fax"}
    assert "Unknown field" in body["errors"]["fax"][0]


def test_customer_names_are_unique_ignoring_case_and_accents(client):
    make_customer(client, "Công ty Đại Việt")
    body = assert_problem(client.post("/api/v1/customers", json={"name": "cong ty dai viet"}), 409)
    assert "already exists" in body["detail"]


def test_customer_with_projects_cannot_be_deleted(client):
    customer = make_customer(client)
    make_project(client, customer["id"])
    body = assert_problem(client.delete(f"/api/v1/customers/{customer['id']}"), 409)
    assert "projects" in body["detail"]
    assert client.get(f"/api/v1/customers/{customer['id']}").status_code == 200


def test_customer_search_and_pagination(client):
    token = uuid.uuid4().hex[:8]
    for index in range(5):
        make_customer(client, f"Zeta {token} Client {index}")
    first = client.get(f"/api/v1/customers?q=zeta {token}&page=1&pageSize=2").get_json()
    assert first["total"] == 5 and first["page"] == 1 and first["pageSize"] == 2
    assert [c["name"] for c in first["items"]] == [f"Zeta {token} Client 0", f"Zeta {token} Client 1"]
    last = client.get(f"/api/v1/customers?q=zeta {token}&page=3&pageSize=2").get_json()
    assert [c["name"] for c in last["items"]] == [f"Zeta {token} Client 4"]


def test_page_size_is_capped(client):
    body = assert_problem(client.get("/api/v1/customers?pageSize=101"), 422, field="pageSize")
    assert "100" in body["errors"]["pageSize"][0]
    assert_problem(client.get("/api/v1/customers?page=0"), 422, field="page")


def test_bad_user_header_is_rejected(client):
    assert_problem(client.post("/api/v1/customers", json={"name": "X"}, headers={"X-User-Id": "bob"}), 400, field="X-User-Id")


def test_malformed_json_is_a_problem(client):
    response = client.post("/api/v1/customers", data="{not json", content_type="application/json")
    body = assert_problem(response, 400)
    assert "JSON" in body["detail"]
