import json
import uuid

import sqlalchemy as sa

from tests.helpers import assert_problem, make_customer, make_project, make_resume

JAVA_PROJECT = {
    "name": "Core banking API",
    "company": "Sakura Bank",
    "technology": ["Java 17", "Spring Boot", "PostgreSQL"],
    "startDate": "2021-03-01T00:00:00",
    "endDate": "2023-02-28T00:00:00",
    "status": "Closed",
    "teamSize": 12,
    "responsibility": "Designed REST APIs for payments.",
    "projectRoles": ["Backend Developer"],
}


def full_sections():
    return {
        "education": {"school": "Da Nang University of Science and Technology", "degree": "Bachelor of Engineering", "start": "2012-09-01", "end": "2017-06-30"},
        "certificates": [{"certificate": "JLPT N2", "foreignLanguage": "Japanese", "level": "N2", "issueDate": "2019-12-01T00:00:00", "status": 1}],
        "languages": [{"proficiency": 4, "language": {"name": "Japanese"}}, {"proficiency": 6, "language": {"name": "Vietnamese"}}],
        "domain": [{"name": "Banking", "year": 3, "month": 2}],
        "projects": [JAVA_PROJECT],
        "professionalSkills": [{"jobTitleName": "Java Developer", "experienceYear": 5, "experienceMonth": 0, "isMainSkill": True, "projectInfo": [{"note": "free form"}]}],
    }


def test_create_and_read_a_full_resume(client):
    created = make_resume(client, "Lan", "Pham", **full_sections())
    read = client.get(f"/api/v1/resumes/{created['resume']['id']}")
    assert read.status_code == 200
    body = read.get_json()
    assert body == created
    assert isinstance(body["education"], list) and body["education"][0]["start"] == "2012-09-01T00:00:00"
    assert body["projects"][0]["technology"] == ["Java 17", "Spring Boot", "PostgreSQL"]
    assert body["projects"][0]["projectRoles"] == ["Backend Developer"]
    assert body["professionalSkills"][0]["projectInfo"] == [{"note": "free form"}]
    assert [lang["language"]["name"] for lang in body["languages"]] == ["Japanese", "Vietnamese"]
    for section in ("education", "certificates", "languages", "domain", "projects", "professionalSkills"):
        for item in body[section]:
            assert item["resumeId"] == body["resume"]["id"] and item["id"] and item["createdOn"]


def test_client_chosen_resume_id_is_kept_and_unique(client):
    resume_id = str(uuid.uuid4())
    created = client.post("/api/v1/resumes", json={"resume": {"id": resume_id, "first_name": "An", "last_name": "Le"}})
    assert created.get_json()["resume"]["id"] == resume_id
    again = client.post("/api/v1/resumes", json={"resume": {"id": resume_id, "first_name": "An", "last_name": "Le"}})
    assert_problem(again, 409)


def test_put_of_a_read_document_keeps_child_rows(client):
    created = make_resume(client, "Hoa", "Vo", **full_sections())
    url = f"/api/v1/resumes/{created['resume']['id']}"
    document = client.get(url).get_json()
    document["projects"][0]["teamSize"] = 15
    document["domain"].append({"name": "Insurance", "year": 1, "month": 0})
    updated = client.put(url, json=document)
    assert updated.status_code == 200, updated.get_json()
    body = updated.get_json()
    project = body["projects"][0]
    assert project["id"] == created["projects"][0]["id"], "a row sent back with its id is the same row"
    assert project["createdOn"] == created["projects"][0]["createdOn"]
    assert project["teamSize"] == 15 and project["modifiedOn"]
    assert [d["name"] for d in body["domain"]] == ["Banking", "Insurance"]
    assert body["education"][0]["id"] == created["education"][0]["id"]
    assert body["education"][0]["modifiedOn"] is None, "unchanged rows are not touched"


def test_put_replaces_missing_sections_patch_keeps_them(client):
    created = make_resume(client, "Quang", "Bui", **full_sections())
    url = f"/api/v1/resumes/{created['resume']['id']}"

    patched = client.patch(url, json={"resume": {"last_name": "Bùi"}, "domain": []})
    assert patched.status_code == 200
    body = patched.get_json()
    assert body["resume"]["first_name"] == "Quang" and body["resume"]["last_name"] == "Bùi"
    assert body["domain"] == [] and len(body["projects"]) == 1 and len(body["certificates"]) == 1

    replaced = client.put(url, json={"resume": {"first_name": "Quang", "last_name": "Bui"}, "projects": [JAVA_PROJECT]})
    body = replaced.get_json()
    assert body["certificates"] == [] and body["languages"] == [] and body["education"] == []
    assert len(body["projects"]) == 1


def test_put_with_another_resume_id_is_refused(client):
    created = make_resume(client)
    url = f"/api/v1/resumes/{created['resume']['id']}"
    other = {"resume": {"id": str(uuid.uuid4()), "first_name": "X", "last_name": "Y"}}
    assert_problem(client.put(url, json=other), 422, field="resume.id")


def test_delete_removes_every_child_row(client, session):
    from service.models import Certificate, Education, ProfessionalSkill, ProjectCandidate, ProjectTechnology, ResumeDomain, ResumeLanguage, ResumeProject

    created = make_resume(client, "Duc", "Ngo", **full_sections())
    resume_id = uuid.UUID(created["resume"]["id"])
    customer = make_customer(client)
    project = make_project(client, customer["id"])
    client.post(f"/api/v1/projects/{project['id']}/candidates", json={"resumeId": str(resume_id)})

    project_row_ids = session.scalars(sa.select(ResumeProject.id).where(ResumeProject.resume_id == resume_id)).all()
    assert session.scalar(sa.select(sa.func.count()).select_from(ProjectTechnology).where(ProjectTechnology.project_ref_id.in_(project_row_ids))) == 3

    assert client.delete(f"/api/v1/resumes/{resume_id}").status_code == 204
    assert_problem(client.get(f"/api/v1/resumes/{resume_id}"), 404)
    session.expire_all()
    for model in (Education, Certificate, ResumeLanguage, ResumeDomain, ResumeProject, ProfessionalSkill, ProjectCandidate):
        assert session.scalar(sa.select(sa.func.count()).select_from(model).where(model.resume_id == resume_id)) == 0, model
    assert session.scalar(sa.select(sa.func.count()).select_from(ProjectTechnology).where(ProjectTechnology.project_ref_id.in_(project_row_ids))) == 0


def test_resume_validation_names_each_bad_field_and_stores_nothing(client):
    bad_project = {**JAVA_PROJECT, "startDate": "2023-01-01T00:00:00", "endDate": "2022-01-01T00:00:00", "contractType": "Retainer", "teamsize": 3}
    response = client.post(
        "/api/v1/resumes",
        json={
            "resume": {"first_name": "Bad", "last_name": "Data"},
            "education": [{"school": "X", "start": "2015-13-01"}],
            "certificates": [{"certificate": "CKA", "status": 7, "certificateCatalogId": "string-uuid"}],
            "languages": [{"proficiency": 8, "language": {"name": "English"}}],
            "domain": [{"name": "Retail", "month": 12}],
            "projects": [bad_project],
            "professionalSkills": [{"experienceYear": "five"}],
            "hobbies": ["chess"],
        },
    )
    body = assert_problem(response, 422)
    assert set(body["errors"]) == {
        "education[0].start",
        "certificates[0].status",
        "certificates[0].certificateCatalogId",
        "languages[0].proficiency",
        "domain[0].month",
        "projects[0].endDate",
        "projects[0].contractType",
        "projects[0].teamsize",
        "professionalSkills[0].experienceYear",
        "hobbies",
    }
    assert "startDate" in body["errors"]["projects[0].endDate"][0]
    assert client.get("/api/v1/resumes?q=bad data").get_json()["total"] == 0


def test_names_are_required(client):
    body = assert_problem(client.post("/api/v1/resumes", json={"resume": {"first_name": "Only"}}), 422)
    assert "resume.last_name" in body["errors"]
    assert_problem(client.post("/api/v1/resumes", json={"education": []}), 422, field="resume")


def test_list_search_is_accent_insensitive_and_paginated(client):
    token = uuid.uuid4().hex[:6]
    make_resume(client, "Thảo", f"Nguyễn{token}", professionalSkills=[{"jobTitleName": "QA Engineer", "isMainSkill": True}])
    make_resume(client, "Thao", f"Tran{token}")
    make_resume(client, "Minh", f"Do{token}")
    found = client.get(f"/api/v1/resumes?q=thao nguyen{token}").get_json()
    assert found["total"] == 1
    assert found["items"][0]["last_name"] == f"Nguyễn{token}" and found["items"][0]["mainSkill"] == "QA Engineer"
    assert client.get(f"/api/v1/resumes?q={token}&pageSize=2").get_json()["total"] == 3
    assert len(client.get(f"/api/v1/resumes?q={token}&pageSize=2&page=2").get_json()["items"]) == 1


def resume_doc(first, last, **extra):
    return {"resume": {"first_name": first, "last_name": last}, **extra}


def test_bulk_import_with_a_bad_item_in_the_middle(client):
    token = uuid.uuid4().hex[:6]
    items = [
        resume_doc("Good", f"One{token}", projects=[JAVA_PROJECT]),
        resume_doc("Bad", f"Two{token}", projects=[{**JAVA_PROJECT, "status": "Paused"}], extraField=1),
        resume_doc("Good", f"Three{token}", languages=[{"proficiency": 5, "language": {"name": "English"}}]),
    ]
    response = client.post("/api/v1/resumes/import", json=items)
    assert response.status_code == 200
    report = response.get_json()
    assert (report["created"], report["rejected"]) == (2, 1)
    assert [item["status"] for item in report["items"]] == ["created", "rejected", "created"]
    bad = report["items"][1]
    assert bad["index"] == 1 and bad["id"] is None and bad["name"] == f"Bad Two{token}"
    assert set(bad["errors"]) == {"projects[0].status", "extraField"}
    stored = client.get(f"/api/v1/resumes?q={token}").get_json()
    assert sorted(item["last_name"] for item in stored["items"]) == [f"One{token}", f"Three{token}"]
    third = client.get(f"/api/v1/resumes/{report['items'][2]['id']}").get_json()
    assert third["languages"][0]["language"]["name"] == "English"


def test_bulk_import_json_lines_with_broken_line(client):
    token = uuid.uuid4().hex[:6]
    lines = [json.dumps(resume_doc("Line", f"A{token}")), "{broken", "", json.dumps(resume_doc("Line", f"B{token}"))]
    response = client.post("/api/v1/resumes/import", data="\n".join(lines), content_type="application/x-ndjson")
    report = response.get_json()
    assert [item["status"] for item in report["items"]] == ["created", "rejected", "created"]
    assert "Line 2 is not valid JSON" in report["items"][1]["detail"]


def test_bulk_import_existing_ids_reject_skip_or_replace(client):
    resume_id = str(uuid.uuid4())
    doc = {"resume": {"id": resume_id, "first_name": "Same", "last_name": "Person"}, "domain": [{"name": "Retail"}]}
    assert client.post("/api/v1/resumes/import", json=[doc]).get_json()["created"] == 1
    assert client.post("/api/v1/resumes/import", json=[doc]).get_json()["rejected"] == 1
    assert client.post("/api/v1/resumes/import?onExisting=skip", json=[doc]).get_json()["skipped"] == 1
    changed = {**doc, "domain": [{"name": "Healthcare"}]}
    assert client.post("/api/v1/resumes/import?onExisting=replace", json=[changed]).get_json()["replaced"] == 1
    assert client.get(f"/api/v1/resumes/{resume_id}").get_json()["domain"][0]["name"] == "Healthcare"


def test_bulk_import_rejects_bodies_that_are_not_lists(client):
    assert_problem(client.post("/api/v1/resumes/import", json={"resume": {}}), 400)
    assert_problem(client.post("/api/v1/resumes/import", data=""), 400)
    assert_problem(client.post("/api/v1/resumes/import?onExisting=merge", json=[]), 422, field="onExisting")


def test_a_new_resume_is_unmodified_at_version_1(client):
    created = make_resume(client, **full_sections())
    response = client.get(f"/api/v1/resumes/{created['resume']['id']}")
    assert response.headers["ETag"] == '"v1"'
    assert response.get_json()["resume"]["modifiedOn"] is None
