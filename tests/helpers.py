"""Small helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int, *, field: str | None = None) -> dict[str, Any]:
    """The response is a problem+json of `status`, naming `field` among its errors when given."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == PROBLEM
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    if field is not None:
        assert field in body.get("errors", {}), body
    return body


def make_customer(client: Any, name: str = "Sakura Financial Systems", **fields: Any) -> dict[str, Any]:
    response = client.post("/api/v1/customers", json={"name": name, **fields})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_project(client: Any, customer_id: Any, name: str = "Senior Java developer", **fields: Any) -> dict[str, Any]:
    body = {"name": name, "jobDescription": "Requirements\n- 5+ years of Java", "customerId": customer_id, **fields}
    response = client.post("/api/v1/projects", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_resume(client: Any, first_name: str = "Minh", last_name: str = "Nguyen", **sections: Any) -> dict[str, Any]:
    response = client.post("/api/v1/resumes", json={"resume": {"first_name": first_name, "last_name": last_name}, **sections})
    assert response.status_code == 201, response.get_json()
    return response.get_json()
