"""POST /api/v1/resumes/parse and /upload: CV files in, draft or stored resumes out, hostile
files refused with problem+json."""

from __future__ import annotations

import io
import json

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from service.documents.model import MB
from tests import cv_files
from tests.cv_files import INJECTION
from tests.helpers import assert_problem

PARSE = "/api/v1/resumes/parse"
UPLOAD = "/api/v1/resumes/upload"


def send(client, url: str, data: bytes, filename: str = "cv.pdf", content_type: str = "application/pdf"):
    # encoded in memory: the test client's own encoder spools big bodies to a file it never closes
    upload = FileStorage(io.BytesIO(data), filename=filename, content_type=content_type)
    body, length, boundary = stream_encode_multipart({"file": upload}, use_tempfile=False)
    return client.post(url, input_stream=body, content_length=length, content_type=f"multipart/form-data; boundary={boundary}")


def stored_total(client, name: str) -> int:
    return client.get("/api/v1/resumes", query_string={"q": name}).get_json()["total"]


def test_parse_answers_a_draft_and_stores_nothing(client):
    before = stored_total(client, "Van Minh Nguyen")
    response = send(client, PARSE, cv_files.text_pdf())
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert list(body) == ["resume", "notes", "hiddenText", "document"]
    assert body["document"] == {"type": "pdf", "pages": 1, "characters": body["document"]["characters"]}
    draft = body["resume"]
    assert draft["resume"] == {"first_name": "Van Minh", "last_name": "Nguyen"}
    project = draft["projects"][0]
    assert (project["startDate"], project["endDate"], project["status"]) == ("2021-03-01T00:00:00", None, "On-going")
    assert project["technology"] == ["Java", "Spring Boot", "PostgreSQL", "Apache Kafka"], "canonical names from the skill extractor"
    assert {entry["language"]["name"]: entry["proficiency"] for entry in draft["languages"]} == {"English": 5, "Japanese": 4, "Vietnamese": 6}
    on_going = next(note for note in body["notes"] if note["part"] == "projects[0].endDate")
    assert on_going["confidence"] == "high" and "on-going" in on_going["note"]
    assert body["hiddenText"] == []
    assert stored_total(client, "Van Minh Nguyen") == before


def test_hidden_text_is_flagged_and_kept_out_of_the_draft(client):
    body = send(client, PARSE, cv_files.hidden_text_pdf()).get_json()
    assert {"text": INJECTION, "reason": "white or near-white text", "page": 1} in body["hiddenText"]
    assert len(body["hiddenText"]) == 3
    assert "Ignore previous instructions" not in json.dumps(body["resume"])


def test_upload_stores_the_draft_and_answers_like_a_read(client):
    response = send(client, UPLOAD, cv_files.cv_docx(hidden_runs=True), "cv.docx", "application/octet-stream")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    location = response.headers["Location"]
    assert location == f"/api/v1/resumes/{body['resume']['id']}"
    stored = client.get(location)
    assert stored.headers["ETag"] == response.headers["ETag"]
    assert {key: value for key, value in body.items() if key not in ("notes", "hiddenText")} == stored.get_json()
    assert body["resume"]["first_name"] == "Van Minh" and body["resume"]["last_name"] == "Nguyen"
    assert [project["name"] for project in body["projects"]] == ["Core banking API modernisation", "Flash-sale order platform"]
    assert body["projects"][0]["status"] == "On-going" and body["projects"][0]["endDate"] is None
    assert [finding["text"] for finding in body["hiddenText"]][0] == INJECTION
    assert INJECTION not in json.dumps(stored.get_json())
    assert any(note["part"] == "projects[0].technology" for note in body["notes"])


def test_upload_without_a_name_is_refused_and_stores_nothing(client):
    text = b"Work experience\nPayments platform, 03/2019 - 02/2021\n- Built the payment APIs for a bank\n"
    before = client.get("/api/v1/resumes").get_json()["total"]
    body = assert_problem(send(client, UPLOAD, text, "cv.txt", "text/plain"), 422, field="resume.first_name")
    assert "resume.last_name" in body["errors"]
    assert "nothing was stored" in body["detail"]
    assert client.get("/api/v1/resumes").get_json()["total"] == before


def test_a_pdf_named_docx_is_read_as_a_pdf_and_the_note_says_so(client):
    body = send(client, PARSE, cv_files.text_pdf(), "cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document").get_json()
    assert body["document"]["type"] == "pdf"
    assert body["notes"][0]["part"] == "document"
    assert "labelled as a Word document (.docx) but is a PDF" in body["notes"][0]["note"]


def test_a_markdown_cv_is_parsed(client):
    markdown = b"# Minh Nguyen\n\n## Experience\n\n**Payments platform** | Mar 2021 - Present\n\nTech stack: Go, PostgreSQL\n"
    body = send(client, PARSE, markdown, "cv.md", "text/markdown").get_json()
    assert body["document"]["type"] == "markdown"
    project = body["resume"]["projects"][0]
    assert (project["name"], project["status"], project["technology"]) == ("Payments platform", "On-going", ["Go", "PostgreSQL"])


@pytest.mark.parametrize(
    ("build", "filename", "status", "phrase"),
    [
        (cv_files.encrypted_pdf, "cv.pdf", 400, "password-protected PDF"),
        (lambda: cv_files.text_pdf()[:900], "cv.pdf", 400, "incomplete"),
        (cv_files.billion_laughs_docx, "cv.docx", 400, "billion laughs"),
        (lambda: cv_files.zip_bomb_docx(60), "cv.docx", 413, "zip bomb"),
        (cv_files.image_only_pdf, "scan.pdf", 400, "text-based PDF"),
        (lambda: b"%PDF-1.7\n" + bytes(10 * MB), "big.pdf", 413, "at most 10 MB"),
        (lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.pdf", 415, "PNG image"),
    ],
    ids=["encrypted", "truncated", "billion laughs", "zip bomb", "image only", "oversized", "image named pdf"],
)
@pytest.mark.parametrize("url", [PARSE, UPLOAD])
def test_hostile_files_get_a_problem(client, url: str, build, filename: str, status: int, phrase: str):
    body = assert_problem(send(client, url, build(), filename), status)
    assert phrase in body["detail"]


def test_a_request_without_a_file_names_the_field(client):
    assert_problem(client.post(PARSE, data={}, content_type="multipart/form-data"), 422, field="file")


def test_the_operations_are_documented_with_a_file_upload(client):
    spec = client.get("/openapi.json").get_json()
    for url in (PARSE, UPLOAD):
        operation = spec["paths"][url]["post"]
        schema = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        assert (schema["properties"]["file"]["type"], schema["properties"]["file"]["format"]) == ("string", "binary")
        assert schema["required"] == ["file"]
        assert {"400", "413", "415", "422"} <= set(operation["responses"])
        assert operation["tags"] == ["documents"]
    assert "201" in spec["paths"][UPLOAD]["post"]["responses"]
