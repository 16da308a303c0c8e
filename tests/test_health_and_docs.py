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
