"""The optional LLM: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM)
through langchain-openai. It only ever adds to an offline answer, so every way it can fail
(not configured, unreachable, slow, an HTTP error, an empty or malformed reply) ends in None and
a warning, never an exception. langchain is imported on the first call, not at start, and after
a failure the LLM is skipped for a while so that a dead endpoint does not add its timeout to
every request."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import current_app, has_app_context

from service.config import Settings

log = logging.getLogger(__name__)

COOL_DOWN_SECONDS = 60.0  # after a failure, no call for this long
EXTENSION = "copilot.llm"


class LLM:
    """One chat model made lazily from the settings, with a circuit breaker."""

    def __init__(self, settings: Settings, *, cool_down: float = COOL_DOWN_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.provider = settings.llm_provider
        self.model = settings.llm_model or (settings.llm_azure_deployment if self.provider == "azure" else None)
        self.cool_down = cool_down
        self.clock = clock
        self._settings = settings
        self._chat: Any = None
        self._lock = threading.Lock()
        self._paused_until = 0.0  # monotonic time before which calls are skipped

    @property
    def enabled(self) -> bool:
        return self.provider != "none"

    @property
    def cooling_down(self) -> bool:
        return self.clock() < self._paused_until

    def info(self) -> dict[str, Any]:
        """What /health shows: never the key or the endpoint (a URL may carry credentials)."""
        return {"enabled": self.enabled, "provider": self.provider, "model": self.model, "cooling_down": self.enabled and self.cooling_down}

    def complete(self, system: str, user: str, *, max_tokens: int) -> str | None:
        """The model's reply to one system and one user message, or None when the LLM is off,
        cooling down after a failure, or fails now (logged as a warning)."""
        if not self.enabled:
            return None
        if self.cooling_down:
            log.debug("LLM skipped: cooling down after a failure")
            return None
        try:
            from langchain_core.messages import HumanMessage, SystemMessage

            reply = self._model().invoke([SystemMessage(content=system), HumanMessage(content=user)], max_tokens=max_tokens)
            text = _text_of(reply.content)
            if not text.strip():
                raise ValueError("the LLM answered with no text")
            return text
        except Exception as exc:  # any failure means: answer offline
            with self._lock:
                self._paused_until = self.clock() + self.cool_down
            status = getattr(exc, "status_code", None)
            log.warning(
                "LLM call to %s model %s failed (%s%s); answering offline and skipping the LLM for %.0f s",
                self.provider, self.model, type(exc).__name__, f", HTTP {status}" if status else "", self.cool_down,
            )
            return None

    def complete_json(self, system: str, user: str, *, fields: tuple[str, ...], max_tokens: int) -> dict[str, str] | None:
        """`complete`, read as a JSON object whose `fields` are all non-empty strings (trimmed),
        or None. A reply that is not such an object is dropped with a warning; it does not stop
        later calls (the endpoint answered)."""
        text = self.complete(system, user, max_tokens=max_tokens)
        if text is None:
            return None
        found = json_object(text)
        values = {name: found.get(name) for name in fields} if found else {}
        if not found or not all(isinstance(value, str) and value.strip() for value in values.values()):
            log.warning("LLM reply from %s model %s was not the JSON object asked for (%d characters); answering without it", self.provider, self.model, len(text))
            return None
        return {name: value.strip() for name, value in values.items()}

    def _model(self) -> Any:
        with self._lock:
            if self._chat is None:
                self._chat = _chat_model(self._settings)
            return self._chat


def _chat_model(settings: Settings) -> Any:
    # imported here, on the first call, so that an app without an LLM never pays for langchain
    from langchain_openai import AzureChatOpenAI, ChatOpenAI

    common: dict[str, Any] = {"timeout": settings.llm_timeout, "max_retries": 0}
    if settings.llm_provider == "azure":
        return AzureChatOpenAI(
            azure_endpoint=settings.llm_azure_endpoint,
            azure_deployment=settings.llm_azure_deployment,
            api_version=settings.llm_azure_api_version,
            api_key=settings.llm_api_key,
            **({"model": settings.llm_model} if settings.llm_model else {}),
            **common,
        )
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,  # None: api.openai.com
        # local servers (Ollama, vLLM) take any key, but the client insists on one
        api_key=settings.llm_api_key or "not-needed",
        use_responses_api=False,  # /chat/completions is what every OpenAI-compatible server speaks
        **common,
    )


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else "" for part in content)
    return ""


def json_object(text: str | None) -> dict[str, Any] | None:
    """The JSON object in a model's reply (bare, in a ```json fence, or amid a few words), or None."""
    if not text:
        return None
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    candidates = [fenced.group(1)] if fenced else []
    start, end = text.find("{"), text.rfind("}")
    if start != -1 and end > start:
        candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict):
            return value
    return None


_OFF = LLM(Settings())


def get_llm() -> LLM:
    """The app's LLM, made from its settings on first use (this imports nothing heavy); outside
    an app (a script calling the use cases directly) there is none."""
    if not has_app_context():
        return _OFF
    extensions = current_app.extensions
    llm = extensions.get(EXTENSION)
    if llm is None:
        llm = extensions.setdefault(EXTENSION, LLM(current_app.config["COPILOT_SETTINGS"]))
    return llm
