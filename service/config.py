"""Settings read from the environment; each one has a safe default and a row in the README."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name} must be an integer, got {raw!r}") from exc


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"environment variable {name} must be true or false, got {raw!r}")


LLM_PROVIDERS = ("none", "openai", "azure")


def _text(name: str) -> str | None:
    raw = os.environ.get(name)
    return raw.strip() if raw and raw.strip() else None


def _default_data_dir() -> Path:
    return Path.cwd() / "instance"


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None
    data_dir: Path = field(default_factory=_default_data_dir)
    database_name: str = "copilot"
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 8
    seed_on_start: bool = True
    max_request_mb: int = 20
    log_level: str = "INFO"
    # the optional LLM coach (service/llm.py): off unless a provider is named
    llm_provider: str = "none"
    llm_base_url: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)  # never in a repr or a log line
    llm_model: str | None = None
    llm_timeout: int = 20
    llm_azure_endpoint: str | None = None
    llm_azure_deployment: str | None = None
    llm_azure_api_version: str | None = None

    def __post_init__(self) -> None:
        _check_llm(self)

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = os.environ.get("COPILOT_DATA_DIR")
        provider = (_text("COPILOT_LLM_PROVIDER") or "none").lower()
        return cls(
            database_url=os.environ.get("DATABASE_URL") or None,
            data_dir=Path(data_dir).expanduser() if data_dir else _default_data_dir(),
            database_name=os.environ.get("COPILOT_DB_NAME", "copilot"),
            host=os.environ.get("COPILOT_HOST", "127.0.0.1"),
            port=_int("COPILOT_PORT", 8000),
            threads=_int("COPILOT_THREADS", 8),
            seed_on_start=_bool("COPILOT_SEED_ON_START", True),
            max_request_mb=_int("COPILOT_MAX_REQUEST_MB", 20),
            log_level=os.environ.get("COPILOT_LOG_LEVEL", "INFO").upper(),
            llm_provider=provider,
            llm_base_url=_text("COPILOT_LLM_BASE_URL"),
            llm_api_key=_llm_api_key(provider),
            llm_model=_text("COPILOT_LLM_MODEL"),
            llm_timeout=_int("COPILOT_LLM_TIMEOUT", 20),
            llm_azure_endpoint=_text("COPILOT_LLM_AZURE_ENDPOINT"),
            llm_azure_deployment=_text("COPILOT_LLM_AZURE_DEPLOYMENT"),
            llm_azure_api_version=_text("COPILOT_LLM_AZURE_API_VERSION"),
        )


def _llm_api_key(provider: str) -> str | None:
    """COPILOT_LLM_API_KEY, else the provider's usual variable (OPENAI_API_KEY, AZURE_OPENAI_API_KEY)."""
    fallback = {"openai": "OPENAI_API_KEY", "azure": "AZURE_OPENAI_API_KEY"}.get(provider)
    return _text("COPILOT_LLM_API_KEY") or (_text(fallback) if fallback else None)


def _check_llm(settings: Settings) -> None:
    """Refuse at start an LLM configuration that could never answer, naming the variable to fix."""
    provider = settings.llm_provider
    if provider not in LLM_PROVIDERS:
        raise ValueError(f"environment variable COPILOT_LLM_PROVIDER must be one of {', '.join(LLM_PROVIDERS)}, got {provider!r}")
    if settings.llm_timeout < 1:
        raise ValueError(f"environment variable COPILOT_LLM_TIMEOUT must be a whole number of seconds of at least 1, got {settings.llm_timeout}")
    for name, url in (("COPILOT_LLM_BASE_URL", settings.llm_base_url), ("COPILOT_LLM_AZURE_ENDPOINT", settings.llm_azure_endpoint)):
        if url and not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"environment variable {name} must be an http:// or https:// URL, got {url!r}")
    if provider == "openai":
        if not settings.llm_model:
            raise ValueError("COPILOT_LLM_PROVIDER=openai needs COPILOT_LLM_MODEL (e.g. gpt-4o-mini, or the model name your Ollama or vLLM serves)")
        if not settings.llm_base_url and not settings.llm_api_key:
            raise ValueError("COPILOT_LLM_PROVIDER=openai without COPILOT_LLM_BASE_URL talks to api.openai.com and needs COPILOT_LLM_API_KEY or OPENAI_API_KEY")
    if provider == "azure":
        missing = [
            name
            for name, value in (
                ("COPILOT_LLM_AZURE_ENDPOINT", settings.llm_azure_endpoint),
                ("COPILOT_LLM_AZURE_DEPLOYMENT", settings.llm_azure_deployment),
                ("COPILOT_LLM_AZURE_API_VERSION", settings.llm_azure_api_version),
                ("COPILOT_LLM_API_KEY (or AZURE_OPENAI_API_KEY)", settings.llm_api_key),
            )
            if not value
        ]
        if missing:
            raise ValueError(f"COPILOT_LLM_PROVIDER=azure needs {', '.join(missing)}")
