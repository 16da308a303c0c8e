"""The optional LLM coach against a fake OpenAI-compatible server on 127.0.0.1: it adds a note to
answer feedback and changes nothing else; every failure answers offline; a failure pauses it;
no LLM means no request; bad settings are refused at start."""

from __future__ import annotations

import dataclasses
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from embeddings.refresh import refresh_embeddings
from seed_data.load import load_questions
from service.app import create_app
from service.config import Settings
from service.interviews.models import Question
from service.llm import LLM, get_llm, json_object
from tests.test_interviews_api import KAFKA_JD, ask, start

LLM_ENV = [
    "COPILOT_LLM_PROVIDER", "COPILOT_LLM_BASE_URL", "COPILOT_LLM_API_KEY", "COPILOT_LLM_MODEL", "COPILOT_LLM_TIMEOUT",
    "COPILOT_LLM_AZURE_ENDPOINT", "COPILOT_LLM_AZURE_DEPLOYMENT", "COPILOT_LLM_AZURE_API_VERSION", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY",
]

QUESTION = "How would you add caching to a slow product page?"
ANSWER = "I would cache the product in Redis keyed by id and set a TTL, then watch the hit rate in Grafana."
EVALUATE = {
    "question": QUESTION,
    "answer": ANSWER,
    "keyPoints": ["Cache in Redis keyed by the product id", "Evict or expire entries when the product changes", "Protect the database from a stampede"],
    "referenceAnswer": "Cache the rendered product in Redis by id, evict it on every update, and use a lock against stampedes.",
}
NOTE = {
    "notes": "The answer names Redis and a TTL but leaves out eviction on update. Say how stale data is avoided.",
    "strongerAnswer": "I would cache each product in Redis keyed by its id, evict the entry whenever the product changes, keep a TTL as a safety net and watch the hit rate in Grafana.",
}


class FakeLLMServer:
    """Answers POST .../chat/completions like an OpenAI-compatible server and records each request.
    `mode`: ok (the note as JSON), fenced (the note in a ```json fence), garbage (prose), wrong
    (JSON without the fields), empty (no content), error (HTTP 500), not-json (a 200 whose body is
    not JSON), slow (answers after 3 s)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.mode = "ok"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                fake.requests.append({"path": self.path, "headers": {name.lower(): value for name, value in self.headers.items()}, "body": body})
                if not self.path.split("?")[0].endswith("/chat/completions"):
                    return self._send(404, {"error": {"message": "not found"}})
                if fake.mode == "error":
                    return self._send(500, {"error": {"message": "the model fell over", "type": "server_error"}})
                if fake.mode == "not-json":
                    return self._send(200, b"<html>bad gateway</html>")
                if fake.mode == "slow":
                    time.sleep(3)
                content = {
                    "ok": json.dumps(NOTE),
                    "slow": json.dumps(NOTE),
                    "fenced": "Here you go:\n```json\n" + json.dumps(NOTE) + "\n```",
                    "garbage": "Great answer! Keep it up.",
                    "wrong": json.dumps({"feedback": "fine"}),
                    "empty": "",
                }[fake.mode]
                self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": 1_700_000_000, "model": body.get("model") or "deployment",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 50, "completion_tokens": 40, "total_tokens": 90},
                })

            def _send(self, status: int, payload: Any) -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def prompts(self) -> list[str]:
        return ["\n".join(message["content"] for message in request["body"]["messages"]) for request in self.requests]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeLLMServer]:
    fake = FakeLLMServer()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def fake(server: FakeLLMServer) -> FakeLLMServer:
    server.requests.clear()
    server.mode = "ok"
    return server


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def make_app(settings: Settings, database, connection):
    """A new app (its own LLM and circuit breaker) on the session's database, with LLM settings."""

    def build(**llm: Any) -> Flask:
        changed = dataclasses.replace(settings, **{"llm_provider": "none", "llm_base_url": None, "llm_api_key": None, "llm_model": None, **llm})
        return create_app(changed, database=database, config={"TESTING": True, "COPILOT_BACKGROUND_EMBEDDINGS": False})

    return build


def openai_app(make_app, url: str, **extra: Any) -> Flask:
    return make_app(**{"llm_provider": "openai", "llm_base_url": f"{url}/v1", "llm_api_key": "sk-test-secret", "llm_model": "fake-coach", "llm_timeout": 5, **extra})


def offline(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "coach"}


# ---------------------------------------------------------------------------------------------
# (a) the LLM adds a coaching note and changes nothing else


def test_the_llm_adds_a_coaching_note_and_the_offline_feedback_is_unchanged(make_app, fake):
    plain = make_app().test_client().post("/api/v1/answers/evaluate", json=EVALUATE)
    assert plain.status_code == 200
    assert plain.get_json()["coach"] is None

    response = openai_app(make_app, fake.url).test_client().post("/api/v1/answers/evaluate", json=EVALUATE)
    assert response.status_code == 200
    body = response.get_json()
    assert offline(body) == offline(plain.get_json())  # same score, same key points, same everything
    assert body["coach"] == {"source": "llm", "model": "fake-coach", "notes": NOTE["notes"], "strongerAnswer": NOTE["strongerAnswer"]}

    [request] = fake.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == "Bearer sk-test-secret"
    assert request["body"]["model"] == "fake-coach"
    assert 0 < (request["body"].get("max_completion_tokens") or request["body"].get("max_tokens")) <= 1000
    system, user = request["body"]["messages"]
    assert system["role"] == "system" and "JSON" in system["content"] and "invent" in system["content"]
    assert QUESTION in user["content"] and ANSWER in user["content"] and EVALUATE["referenceAnswer"] in user["content"]
    # the offline checker's verdict on each key point is in the prompt
    assert "[covered] Cache in Redis keyed by the product id" in user["content"]
    assert "[missed] Protect the database from a stampede" in user["content"]


def test_a_fenced_json_reply_is_read(make_app, fake):
    fake.mode = "fenced"
    body = openai_app(make_app, fake.url).test_client().post("/api/v1/answers/evaluate", json=EVALUATE).get_json()
    assert body["coach"]["notes"] == NOTE["notes"]


def test_the_same_answer_gets_the_same_score_with_or_without_the_llm(make_app, fake):
    client = openai_app(make_app, fake.url).test_client()
    scores = {client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["score"] for _ in range(2)}
    fake.mode = "error"
    scores.add(client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["score"])
    scores.add(make_app().test_client().post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["score"])
    assert len(scores) == 1


def test_an_empty_answer_is_not_sent(make_app, fake):
    body = openai_app(make_app, fake.url).test_client().post("/api/v1/answers/evaluate", json={**EVALUATE, "answer": "  "}).get_json()
    assert body["score"] == 0 and body["coach"] is None
    assert fake.requests == []


def test_azure_openai_is_called_on_its_deployment(make_app, fake):
    app = make_app(
        llm_provider="azure", llm_azure_endpoint=fake.url, llm_azure_deployment="coach-deployment", llm_azure_api_version="2024-10-21",
        llm_api_key="azure-secret", llm_timeout=5,
    )
    body = app.test_client().post("/api/v1/answers/evaluate", json=EVALUATE).get_json()
    assert body["coach"]["model"] == "coach-deployment" and body["coach"]["strongerAnswer"] == NOTE["strongerAnswer"]
    [request] = fake.requests
    assert request["path"].startswith("/openai/deployments/coach-deployment/chat/completions")
    assert "api-version=2024-10-21" in request["path"]
    assert request["headers"]["api-key"] == "azure-secret"


# ---------------------------------------------------------------------------------------------
# (b) every failure answers offline


@pytest.mark.parametrize("mode", ["error", "not-json", "garbage", "wrong", "empty"])
def test_a_failing_llm_leaves_the_offline_answer(make_app, fake, mode, caplog):
    expected = make_app().test_client().post("/api/v1/answers/evaluate", json=EVALUATE).get_json()
    fake.mode = mode
    response = openai_app(make_app, fake.url).test_client().post("/api/v1/answers/evaluate", json=EVALUATE)
    assert response.status_code == 200
    assert response.get_json() == expected  # coach null, everything else as offline
    assert len(fake.requests) == 1
    warnings = [record for record in caplog.records if record.name == "service.llm" and record.levelname == "WARNING"]
    assert warnings and all("sk-test-secret" not in record.getMessage() for record in caplog.records)


def test_an_unreachable_llm_leaves_the_offline_answer(make_app, caplog):
    app = make_app(llm_provider="openai", llm_base_url=f"http://127.0.0.1:{closed_port()}/v1", llm_model="fake-coach", llm_timeout=5)
    started = time.monotonic()
    response = app.test_client().post("/api/v1/answers/evaluate", json=EVALUATE)
    assert response.status_code == 200 and response.get_json()["coach"] is None
    assert time.monotonic() - started < 5
    assert any("ConnectionError" in record.getMessage() for record in caplog.records if record.name == "service.llm")


def test_a_slow_llm_times_out_to_the_offline_answer(make_app, fake):
    fake.mode = "slow"
    started = time.monotonic()
    response = openai_app(make_app, fake.url, llm_timeout=1).test_client().post("/api/v1/answers/evaluate", json=EVALUATE)
    assert response.status_code == 200 and response.get_json()["coach"] is None
    assert time.monotonic() - started < 2.9  # the timeout, not the server, ended the wait (no retry)
    assert len(fake.requests) == 1


# ---------------------------------------------------------------------------------------------
# (c) no LLM: no request, nothing imported


def test_without_an_llm_nothing_is_asked(make_app, fake):
    # a base URL alone does not turn the LLM on
    app = make_app(llm_base_url=f"{fake.url}/v1", llm_model="fake-coach")
    client = app.test_client()
    body = client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()
    assert body["coach"] is None and body["score"] > 0
    assert client.get("/health").get_json() == {"status": "ok", "database": "ok"}
    assert fake.requests == []


def test_langchain_is_not_imported_without_an_llm():
    code = (
        "import sys\n"
        "from service.config import Settings\n"
        "from service.llm import LLM\n"
        "import service.app, service.interviews.service\n"
        "llm = LLM(Settings())\n"
        "assert llm.complete('system', 'user', max_tokens=10) is None\n"
        "heavy = [name for name in ('langchain_core', 'langchain_openai', 'openai') if name in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------------------------
# (d) the circuit breaker


def test_after_a_failure_the_llm_is_skipped_for_a_while(make_app, fake):
    app = openai_app(make_app, fake.url)
    client = app.test_client()
    fake.mode = "error"
    assert client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["coach"] is None
    assert len(fake.requests) == 1
    fake.mode = "ok"
    assert client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["coach"] is None
    assert len(fake.requests) == 1  # skipped: no second request within the window
    assert client.get("/health").get_json()["llm"] == {"enabled": True, "provider": "openai", "model": "fake-coach", "coolingDown": True}

    llm: LLM = app.extensions["copilot.llm"]
    later = time.monotonic() + llm.cool_down + 1
    llm.clock = lambda: later
    assert client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["coach"]["source"] == "llm"
    assert len(fake.requests) == 2
    assert client.get("/health").get_json()["llm"]["coolingDown"] is False


def test_an_unusable_reply_does_not_pause_the_llm(make_app, fake):
    client = openai_app(make_app, fake.url).test_client()
    fake.mode = "garbage"
    assert client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["coach"] is None
    fake.mode = "ok"
    assert client.post("/api/v1/answers/evaluate", json=EVALUATE).get_json()["coach"] is not None
    assert len(fake.requests) == 2


def test_health_shows_the_llm_without_its_key(make_app, fake):
    response = openai_app(make_app, fake.url).test_client().get("/health")
    assert response.get_json() == {
        "status": "ok", "database": "ok", "llm": {"enabled": True, "provider": "openai", "model": "fake-coach", "coolingDown": False},
    }
    assert "sk-test-secret" not in response.get_data(as_text=True) and fake.url not in response.get_data(as_text=True)
    assert fake.requests == []


# ---------------------------------------------------------------------------------------------
# interview turns keep the note


def test_an_interview_turn_stores_the_note(make_app, fake, bank):
    client = openai_app(make_app, fake.url).test_client()
    interview = start(client, KAFKA_JD, kind="technical", questions=2)
    question = ask(client, interview["id"])
    answer = "I keep the consumer offsets committed after processing, so a restart replays instead of losing messages."
    turn = client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": answer}).get_json()
    assert turn["feedback"]["coach"] == {"source": "llm", "model": "fake-coach", "notes": NOTE["notes"], "strongerAnswer": NOTE["strongerAnswer"]}
    assert question["text"] in fake.prompts()[0] and answer in fake.prompts()[0]
    stored = client.get(f"/api/v1/interviews/{interview['id']}").get_json()
    assert stored["turns"][0]["feedback"]["coach"] == turn["feedback"]["coach"]
    # a failure: the turn is answered offline, with no note
    fake.mode = "error"
    ask(client, interview["id"])
    second = client.post(f"/api/v1/interviews/{interview['id']}/answers", json={"answer": answer})
    assert second.status_code == 201 and second.get_json()["feedback"]["coach"] is None


@pytest.fixture
def bank(session):
    # as in test_interviews_api: the question bank, embedded, inside the test's transaction
    load_questions(session)
    refresh_embeddings(session.scalars(sa.select(Question)).all())
    session.commit()


# ---------------------------------------------------------------------------------------------
# (e) settings


@pytest.fixture
def env(monkeypatch):
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_llm_is_off_by_default(env):
    settings = Settings.from_env()
    assert settings.llm_provider == "none" and settings.llm_timeout == 20 and not LLM(settings).enabled
    assert not get_llm().enabled  # outside an app (a script calling the use cases) there is none


def test_openai_settings_are_read_with_the_usual_key_as_fallback(env):
    env.setenv("COPILOT_LLM_PROVIDER", "OpenAI")
    env.setenv("COPILOT_LLM_MODEL", "gpt-4o-mini")
    env.setenv("OPENAI_API_KEY", "sk-from-openai-env")
    env.setenv("COPILOT_LLM_TIMEOUT", "7")
    settings = Settings.from_env()
    assert (settings.llm_provider, settings.llm_model, settings.llm_api_key, settings.llm_timeout) == ("openai", "gpt-4o-mini", "sk-from-openai-env", 7)
    assert "sk-from-openai-env" not in repr(settings)
    env.setenv("COPILOT_LLM_API_KEY", "sk-own")
    assert Settings.from_env().llm_api_key == "sk-own"


def test_a_local_server_needs_no_key(env):
    env.setenv("COPILOT_LLM_PROVIDER", "openai")
    env.setenv("COPILOT_LLM_BASE_URL", "http://localhost:11434/v1")
    env.setenv("COPILOT_LLM_MODEL", "llama3.1")
    settings = Settings.from_env()
    assert settings.llm_base_url == "http://localhost:11434/v1" and settings.llm_api_key is None


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"COPILOT_LLM_PROVIDER": "anthropic"}, "COPILOT_LLM_PROVIDER must be one of none, openai, azure"),
        ({"COPILOT_LLM_TIMEOUT": "soon"}, "COPILOT_LLM_TIMEOUT must be an integer"),
        ({"COPILOT_LLM_TIMEOUT": "2.5"}, "COPILOT_LLM_TIMEOUT must be an integer"),
        ({"COPILOT_LLM_TIMEOUT": "0"}, "COPILOT_LLM_TIMEOUT must be a whole number of seconds of at least 1"),
        ({"COPILOT_LLM_PROVIDER": "openai", "COPILOT_LLM_API_KEY": "sk-x"}, "needs COPILOT_LLM_MODEL"),
        ({"COPILOT_LLM_PROVIDER": "openai", "COPILOT_LLM_MODEL": "gpt-4o-mini"}, "needs COPILOT_LLM_API_KEY or OPENAI_API_KEY"),
        ({"COPILOT_LLM_PROVIDER": "openai", "COPILOT_LLM_MODEL": "m", "COPILOT_LLM_BASE_URL": "localhost:11434/v1"}, "COPILOT_LLM_BASE_URL must be an http"),
        (
            {"COPILOT_LLM_PROVIDER": "azure", "COPILOT_LLM_AZURE_ENDPOINT": "https://example.openai.azure.com", "COPILOT_LLM_API_KEY": "k"},
            "needs COPILOT_LLM_AZURE_DEPLOYMENT, COPILOT_LLM_AZURE_API_VERSION",
        ),
    ],
)
def test_bad_llm_settings_are_refused_at_start(env, variables, message):
    for name, value in variables.items():
        env.setenv(name, value)
    with pytest.raises(ValueError, match=message):
        Settings.from_env()


def test_settings_made_in_code_are_checked_too(settings):
    with pytest.raises(ValueError, match="COPILOT_LLM_PROVIDER"):
        dataclasses.replace(settings, llm_provider="claude")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"notes": "a"}', {"notes": "a"}),
        ('Sure!\n```json\n{"notes": "a"}\n```', {"notes": "a"}),
        ('Here: {"notes": "a"} hope it helps', {"notes": "a"}),
        ("[1, 2]", None),
        ("{not json}", None),
        ("", None),
        (None, None),
    ],
)
def test_json_object_reads_what_models_write(text, expected):
    assert json_object(text) == expected
