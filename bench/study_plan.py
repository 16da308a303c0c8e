"""Time to build a study plan with the full resource catalogue (every resource embedded).

Fills the `copilot_bench_plans` database with the seed (45 resumes, 12 projects, the whole
catalogue) and embeds what has no vector yet (the first run only, about a minute). Then, for
each seed project and the resumes it ranks first, middle and last, makes the analysis once and
times `build_plan`: the first build of the pair, then regenerations. The embedding cache is
cleared before every build so the items' query vectors are made each time, as for a new plan.

    .venv/bin/python -m bench.study_plan [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date, timedelta

import sqlalchemy as sa

from embeddings.model import default_model
from seed_data.load import is_empty, load_seed
from service.analysis.service import create_analysis, rank_bench
from service.config import Settings
from service.db import Database, resolve_database_url
from service.maintenance import embed_missing
from service.migrate import upgrade
from service.plans.models import StudyPlan
from service.plans.service import build_plan
from service.projects.models import InterviewProject
from service.resources.models import Resource


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="regenerations timed per pair")
    args = parser.parse_args()

    database = Database(resolve_database_url(Settings.from_env(), database_name="copilot_bench_plans"))
    upgrade(database.engine)
    model = default_model()
    with database.session_factory() as session:
        if is_empty(session):
            load_seed(session)
        started = time.perf_counter()
        embedded = embed_missing(session)
        if embedded:
            print(f"embedded {embedded} rows in {time.perf_counter() - started:.0f} s")
        session.execute(sa.delete(StudyPlan))
        session.commit()
        resources = session.scalar(sa.select(sa.func.count()).select_from(Resource).where(Resource.embedding.is_not(None)))
        first, again, items = [], [], []
        for project in session.scalars(sa.select(InterviewProject).order_by(InterviewProject.name)).all():
            ranked = rank_bench(session, project=project, limit=45)
            for row in {ranked[0]["resume_id"], ranked[len(ranked) // 2]["resume_id"], ranked[-1]["resume_id"]}:
                create_analysis(session, project=project, resume_id=row)
                # closed seed projects had their interview already: plan those for three weeks ahead
                upcoming = project.interview_date if project.interview_date and project.interview_date > date.today() else date.today() + timedelta(days=21)
                request = {"project_id": project.id, "resume_id": row, "hours_per_week": 8, "interview_date": upcoming}
                for run in range(args.runs + 1):
                    model._cache.clear()
                    started = time.perf_counter()
                    plan, _ = build_plan(session, request=request)
                    (first if run == 0 else again).append((time.perf_counter() - started) * 1000)
                items.append(len(plan.items))
    result = {
        "resources_embedded": resources,
        "plans": len(first),
        "items_per_plan": {"median": statistics.median(items), "max": max(items)},
        "first_build_ms": {"median": round(statistics.median(first), 1), "p95": round(_p95(first), 1), "max": round(max(first), 1)},
        "regeneration_ms": {"median": round(statistics.median(again), 1), "p95": round(_p95(again), 1), "max": round(max(again), 1)},
    }
    print(json.dumps(result, indent=2))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
