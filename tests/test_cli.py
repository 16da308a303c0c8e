"""The `copilot` command as a user runs it: a fresh embedded database in its own data folder."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

COPILOT = [sys.executable, "-m", "service.cli"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment["COPILOT_DATA_DIR"] = str(tmp_path / "data")
    return environment


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COPILOT, *args], env=env, capture_output=True, text=True, timeout=180)


def test_seed_creates_the_data_folder_and_reuses_it(env):
    first = run(env, "seed")
    assert first.returncode == 0, first.stderr
    assert "'resumes': 45" in first.stdout
    assert (Path(env["COPILOT_DATA_DIR"]) / "pgdata" / "PG_VERSION").exists()
    second = run(env, "seed")
    assert second.returncode == 0, second.stderr
    assert "'resumes': 0" in second.stdout and "'customers': 0" in second.stdout


def test_database_url_is_used_instead_of_the_embedded_server(env, database):
    env["DATABASE_URL"] = database.engine.url.render_as_string(hide_password=False)
    result = run(env, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert "latest migration" in result.stdout
    assert not Path(env["COPILOT_DATA_DIR"]).exists(), "no embedded server is started"


def test_import_resumes_reports_each_rejected_line(env, tmp_path):
    lines = [
        {"resume": {"first_name": "Cli", "last_name": "Good"}},
        {"resume": {"first_name": "Cli", "last_name": "Bad"}, "projects": [{"teamSize": -3}]},
    ]
    path = tmp_path / "people.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    result = run(env, "import-resumes", str(path))
    assert result.returncode == 1
    assert "created 1, replaced 0, skipped 0, rejected 1" in result.stdout
    assert "#1 rejected" in result.stderr and "projects[0].teamSize" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_migrates_seeds_and_answers(env, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen([*COPILOT, "serve", "--port", str(port)], env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                    assert json.load(response) == {"status": "ok", "database": "ok"}
                    break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.3)
        with urllib.request.urlopen(f"{base}/api/v1/projects?status=open&pageSize=100", timeout=5) as response:
            assert json.load(response)["total"] == 8
        with urllib.request.urlopen(f"{base}/docs", timeout=5) as response:
            assert "swagger-ui-bundle.js" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode == 0, log.read_text()
    data_dir = env["COPILOT_DATA_DIR"]
    leftovers = [p for p in psutil.process_iter(["name", "cmdline"]) if p.info["name"] == "postgres" and data_dir in " ".join(p.info["cmdline"] or [])]
    assert leftovers == [], "the embedded PostgreSQL stops with the service"
