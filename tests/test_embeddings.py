"""Embeddings: the packaged model offline, vectors kept in pgvector and refreshed on change."""

import sqlalchemy as sa

from embeddings.model import DIMENSIONS, cosine, default_model
from tests.helpers import make_customer, make_project, make_resume


def test_packaged_model_embeds_by_meaning():
    model = default_model()
    rest, api, bread = model.embed(["built RESTful microservices with Spring", "experience designing REST APIs", "baking sourdough bread"])
    assert len(rest) == DIMENSIONS
    assert abs(cosine(rest, rest) - 1) < 1e-5
    assert cosine(rest, api) > cosine(rest, bread) + 0.2


def test_sections_are_embedded_and_reembedded_only_when_text_changes(client, session):
    from service.models import ResumeProject

    resume = make_resume(client, projects=[{"name": "Shop", "projectDescription": "Online shop in Django"}, {"name": "Bank", "projectDescription": "Core banking in Java"}])
    resume_id = resume["resume"]["id"]
    rows = lambda: {name: digest for name, digest in session.execute(sa.select(ResumeProject.name, ResumeProject.embedded_hash).where(ResumeProject.resume_id == resume_id))}
    before = rows()
    assert all(before.values())
    document = client.get(f"/api/v1/resumes/{resume_id}").get_json()
    document["projects"][1]["projectDescription"] = "Core banking in Kotlin"
    client.put(f"/api/v1/resumes/{resume_id}", json=document)
    session.expire_all()
    after = rows()
    assert after["Shop"] == before["Shop"] and after["Bank"] != before["Bank"]


def test_closest_sections_find_evidence_by_meaning(client):
    resume = make_resume(
        client,
        projects=[
            {"name": "Order service", "projectDescription": "Built RESTful microservices with Spring Boot for an online retailer"},
            {"name": "Data warehouse", "projectDescription": "Nightly ETL jobs loading sales data into Snowflake"},
        ],
        education=[{"school": "FPT University", "degree": "Bachelor", "major": "Software Engineering"}],
    )
    body = client.get(f"/api/v1/resumes/{resume['resume']['id']}/closest-sections?text=experience designing REST APIs&limit=2").get_json()
    first = body["sections"][0]
    assert first["section"] == "project" and "RESTful" in first["text"]
    assert first["similarity"] > body["sections"][1]["similarity"]

    customer = make_customer(client)
    project = make_project(client, customer["id"], jobDescription="Requirements\n- Experience designing REST APIs\n- Data pipelines into a cloud warehouse")
    requirements = client.get(f"/api/v1/projects/{project['id']}/requirements").get_json()["requirements"]
    url = f"/api/v1/projects/{project['id']}/requirements/{requirements[1]['id']}/closest-sections?resumeId={resume['resume']['id']}"
    answer = client.get(url).get_json()
    assert answer["requirement"]["text"] == "Data pipelines into a cloud warehouse"
    assert "Snowflake" in answer["sections"][0]["text"]


def test_rows_stored_without_vectors_are_embedded_later(client, session):
    from service.maintenance import embed_missing
    from service.models import Education, ResumeProject

    resume = make_resume(client, projects=[{"name": "Shop", "projectDescription": "Online shop in Django"}], education=[{"school": "HUST"}])
    resume_id = resume["resume"]["id"]
    session.execute(sa.update(ResumeProject).where(ResumeProject.resume_id == resume_id).values(embedding=None, embedded_hash=None))
    session.commit()
    assert embed_missing(session) >= 1
    project = session.scalars(sa.select(ResumeProject).where(ResumeProject.resume_id == resume_id)).one()
    assert project.embedded_hash is not None and project.embedding is not None
    assert session.scalar(sa.select(sa.func.count()).select_from(Education).where(Education.embedded_hash.is_(None))) == 0


def test_bulk_import_gives_every_section_a_vector(client, session):
    from service.models import ResumeProject

    response = client.post(
        "/api/v1/resumes/import",
        json=[{"resume": {"first_name": "Bulk", "last_name": "One"}, "projects": [{"name": "ETL", "projectDescription": "Airflow pipelines"}]}],
    )
    resume_id = response.get_json()["items"][0]["id"]
    digest = session.scalar(sa.select(ResumeProject.embedded_hash).where(ResumeProject.resume_id == resume_id))
    assert digest is not None


def test_background_embedder_fills_missing_vectors(database):
    """The thread the service runs after imports and at start, on its own committed data."""
    import time

    from service.db import Database
    from service.maintenance import BackgroundEmbedder
    from service.models import Resume, ResumeProject
    from service.resumes import service as resumes

    own = Database(database.engine.url)
    with own.session_factory() as session:
        resume = resumes.add_resume(
            session,
            document={"resume": {"first_name": "Background", "last_name": "Job"}, "projects": [{"name": "Kiosk", "project_description": "Self-service kiosk app in Flutter"}]},
            embed=False,
        )
        session.commit()
        resume_id = resume.id
    try:
        embedder = BackgroundEmbedder(own)
        embedder.request()
        deadline = time.monotonic() + 120
        while embedder._running and time.monotonic() < deadline:
            time.sleep(0.2)
        with own.session_factory() as session:
            assert session.scalar(sa.select(ResumeProject.embedded_hash).where(ResumeProject.resume_id == resume_id)) is not None
    finally:
        with own.session_factory() as session:
            session.delete(session.get(Resume, resume_id))
            session.commit()
        own.engine.dispose()
