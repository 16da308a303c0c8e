def test_health_reports_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_openapi_document_lists_operations_with_problem_responses(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["info"]["title"] == "Interview Co-Pilot API"
    paths = spec["paths"]
    for path in ("/api/v1/customers", "/api/v1/projects", "/api/v1/resumes", "/api/v1/resumes/import", "/health"):
        assert path in paths
    put_project = paths["/api/v1/projects/{project_id}"]["put"]
    assert {"200", "404", "412", "422"} <= set(put_project["responses"])
    error = spec["components"]["responses"]["PRECONDITION_FAILED"]
    assert "application/problem+json" in error["content"]


def test_swagger_ui_is_served_from_local_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    with client.get("/docs/assets/swagger-ui-bundle.js") as asset:
        assert asset.status_code == 200 and len(asset.data) > 100_000


def test_unknown_route_is_a_problem(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"


def test_every_operation_is_documented_with_its_errors(client):
    spec = client.get("/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert operation.get("summary"), (method, path)
            errors = [status for status in operation["responses"] if status.startswith(("4", "5"))]
            assert errors, f"{method.upper()} {path} documents no error response"
            if path.startswith("/api/"):
                params = [p.get("name") for p in item.get("parameters", []) + operation.get("parameters", [])]
                assert "X-User-Id" in params, (method, path)


def test_request_body_too_large_is_a_problem(client):
    response = client.post("/api/v1/resumes/import", data=b"[" + b" " * (21 * 1024 * 1024) + b"]", content_type="application/json")
    assert response.status_code == 413
    assert response.content_type == "application/problem+json"
