"""List and get latency of the resume API with 10,000 resumes stored.

Serves the app with waitress on 127.0.0.1 and times real HTTP requests (one client thread).
The bench database (`copilot_bench` on the embedded server, or DATABASE_URL) is filled once and
reused; pass --reload to fill it anew.

    .venv/bin/python -m bench.api_latency [--resumes 10000] [--requests 400]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import threading
import time

import sqlalchemy as sa
from waitress.server import create_server

from bench.generate import resume_documents
from service.app import create_app
from service.config import Settings
from service.db import Database, resolve_database_url
from service.migrate import upgrade
from service.resumes.models import Resume
from service.resumes.service import import_resumes


def fill(database: Database, count: int, reload: bool) -> None:
    with database.session_factory() as session:
        stored = session.scalar(sa.select(sa.func.count()).select_from(Resume))
        if stored >= count and not reload:
            print(f"reusing {stored} stored resumes")
            return
    if reload:
        with database.engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE resume CASCADE"))
    started = time.perf_counter()
    documents = resume_documents(count)
    for offset in range(0, count, 500):
        with database.session_factory() as session:
            report = import_resumes(session, items=documents[offset : offset + 500], on_existing="skip")
            assert report["rejected"] == 0, report
    elapsed = time.perf_counter() - started
    print(f"imported {count} resumes in {elapsed:.1f} s ({count / elapsed:.0f} per second)")


def timed_gets(port: int, paths: list[str]) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    timings = []
    for path in paths:
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, (path, response.status)
    conn.close()
    return timings


def summary(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"| {name} | {len(ordered)} | {statistics.median(ordered):.1f} | {p95:.1f} | {ordered[-1]:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resumes", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()

    settings = Settings.from_env()
    database = Database(resolve_database_url(settings, database_name="copilot_bench"))
    upgrade(database.engine)
    fill(database, args.resumes, args.reload)

    app = create_app(settings, database=database)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    port = server.effective_port

    with database.session_factory() as session:
        ids = [str(i) for i in session.scalars(sa.select(Resume.id).limit(5000))]
        total = session.scalar(sa.select(sa.func.count()).select_from(Resume))
    rng = random.Random(1)
    pages = max(1, total // 20)
    warm = timed_gets(port, ["/api/v1/resumes?page=1&pageSize=20", f"/api/v1/resumes/{ids[0]}"] * 10)
    del warm
    results = {
        "list, page of 20 (random page)": timed_gets(port, [f"/api/v1/resumes?page={rng.randint(1, pages)}&pageSize=20" for _ in range(args.requests)]),
        "list, name search, page of 20": timed_gets(port, [f"/api/v1/resumes?q={rng.choice(['nguyen', 'thao', 'minh%20tran', 'le'])}&pageSize=20" for _ in range(args.requests)]),
        "get one resume (full document)": timed_gets(port, [f"/api/v1/resumes/{rng.choice(ids)}" for _ in range(args.requests)]),
    }
    server.close()
    print(f"\n{total} resumes stored; {args.requests} sequential requests per row over HTTP on 127.0.0.1\n")
    print("| request | n | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, timings in results.items():
        print(summary(name, timings))
    print(json.dumps({name: round(sorted(t)[int(len(t) * 0.95) - 1], 1) for name, t in results.items()}))


if __name__ == "__main__":
    main()
