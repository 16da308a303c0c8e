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

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = os.environ.get("COPILOT_DATA_DIR")
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
        )
