"""Ranking time for one project over 10,000 stored resumes, and the time of one full analysis.

Uses the `copilot_bench` database of bench/api_latency.py (fills it when it has fewer resumes),
computes the stored skill profiles that are missing, adds the seed's Kaede Java project, then
times GET-equivalent service calls (no HTTP).

    .venv/bin/python -m bench.ranking [--resumes 10000] [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import uuid

import sqlalchemy as sa

from bench.api_latency import fill
from embeddings.model import default_model
from embeddings.refresh import refresh_embeddings
from seed_data.load import SEED_DIR, _read
from service.analysis.service import create_analysis, rank_bench
from service.config import Settings
from service.customers.models import Customer
from service.customers.schemas import CustomerSchema
from service.customers.service import add_customer
from service.db import Database, resolve_database_url
from service.migrate import upgrade
from service.projects.models import InterviewProject
from service.projects.schemas import ProjectSchema
from service.projects.service import add_project
from service.resumes.models import Resume
from service.resumes.service import get_resume, refresh_stale_profiles


def bench_project(session) -> InterviewProject:
    raw = _read(next((SEED_DIR / "projects").glob("01-*.json")))
    project_id = uuid.UUID(raw.pop("id"))
    project = session.get(InterviewProject, project_id)
    if project is not None:
        return project
    customer_raw = next(c for c in _read(SEED_DIR / "customers.json") if c["id"] == raw["customerId"])
    if session.get(Customer, uuid.UUID(customer_raw["id"])) is None:
        customer_id = uuid.UUID(customer_raw.pop("id"))
        add_customer(session, data=CustomerSchema().load(customer_raw), customer_id=customer_id)
    raw.pop("interviewInDays", None)
    project = add_project(session, data=ProjectSchema().load(raw), project_id=project_id)
    session.commit()
    return project


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resumes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    database = Database(resolve_database_url(Settings.from_env(), database_name="copilot_bench"))
    upgrade(database.engine)
    fill(database, args.resumes, reload=False)
    with database.session_factory() as session:
        started = time.perf_counter()
        refreshed = refresh_stale_profiles(session)
        if refreshed:
            print(f"computed {refreshed} stored skill profiles in {time.perf_counter() - started:.0f} s")
        project = bench_project(session)
        total = session.scalar(sa.select(sa.func.count()).select_from(Resume))
        ranking = timed(lambda: rank_bench(session, project=project, limit=20), args.runs)
        top = rank_bench(session, project=project, limit=20)
        resume = get_resume(session, resume_id=top[0]["resume_id"])
        # the analysed resume's sections need vectors, as in the service
        refresh_embeddings([*resume.education, *resume.certificates, *resume.projects, *resume.professional_skills])
        session.commit()
        model = default_model()

        def one_analysis() -> None:
            model._cache.clear()  # measure the sentences' embedding too, not a warm cache
            create_analysis(session, project=project, resume_id=resume.id)
            session.rollback()

        analysis = timed(one_analysis, args.runs)
    result = {
        "resumes": total,
        "ranking_limit_20_ms": {"median": round(statistics.median(ranking), 1), "max": round(max(ranking), 1)},
        "full_analysis_ms": {"median": round(statistics.median(analysis), 1), "max": round(max(analysis), 1)},
        "top_score": top[0]["score"],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
