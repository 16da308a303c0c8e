"""`extract_document` in a confined child process, so a hostile file (a decompression bomb, a
parser bug, a pathological layout) costs at most the limits and never the service itself.

The child gets hard limits on address space, CPU time, open files and file writes, a
wall-clock timeout after which it is killed, and an environment without the service's
settings (no DATABASE_URL). Every way it can fail becomes a `DocumentError`."""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import subprocess
import sys
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import cast

from service.documents.extract import EXPORT_HINT, check_size
from service.documents.model import MB, STATUSES, DocumentError, ExtractedDocument, Limits, Status

log = logging.getLogger(__name__)

WORKER = [sys.executable, "-B", "-m", "service.documents.worker"]
# the folder `service` is imported from, whatever the server's working directory
_IMPORT_ROOT = Path(__file__).resolve().parents[2]
_PASSED_ENV = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR")


def extract_in_sandbox(
    data: bytes, *, filename: str | None, content_type: str | None, limits: Limits | None = None
) -> ExtractedDocument:
    limits = limits or Limits()
    check_size(data, limits)
    header = json.dumps({"filename": filename, "contentType": content_type, "limits": asdict(limits)}).encode()
    try:
        completed = subprocess.run(
            WORKER,
            input=header + b"\n" + data,
            capture_output=True,
            timeout=limits.wall_seconds,
            preexec_fn=partial(_set_limits, _rlimits(limits)),
            env={name: os.environ[name] for name in _PASSED_ENV if name in os.environ},
            cwd=_IMPORT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # subprocess.run has killed and reaped the child before raising
        raise DocumentError(413, f"Reading the document took longer than {limits.wall_seconds:g} seconds, so it was stopped. {EXPORT_HINT}") from None
    return outcome(completed, limits)


def _rlimits(limits: Limits) -> list[tuple[int, tuple[int, int]]]:
    memory = limits.memory_mb * MB
    return [
        (resource.RLIMIT_AS, (memory, memory)),
        # SIGXCPU at the soft limit, SIGKILL a second later
        (resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1)),
        (resource.RLIMIT_NOFILE, (64, 64)),
        (resource.RLIMIT_FSIZE, (0, 0)),
        (resource.RLIMIT_CORE, (0, 0)),
    ]


def _set_limits(rlimits: list[tuple[int, tuple[int, int]]]) -> None:
    # Runs in the child between fork and exec, where only simple calls are safe: the values were
    # computed in the parent. If the child ever hung here, the wall-clock timeout still kills it.
    for which, values in rlimits:
        resource.setrlimit(which, values)


def outcome(completed: subprocess.CompletedProcess[bytes], limits: Limits) -> ExtractedDocument:
    """The worker's answer, or the DocumentError that explains how it failed."""
    # A complete answer stands even if the worker died after writing it; a cut-off one does not parse.
    try:
        answer = json.loads(completed.stdout)
        if "document" in answer:
            return ExtractedDocument.from_json(answer["document"])
        error = answer["error"]
        status = cast(Status, error["status"] if error["status"] in STATUSES else 400)
        raise DocumentError(status, str(error["message"]))
    except (ValueError, KeyError, TypeError):
        pass  # no answer: the exit status and stderr tell what happened
    stderr = completed.stderr[-4000:]
    log.warning("document worker failed with exit status %s: %s", completed.returncode, stderr.decode("utf-8", "replace"))
    if completed.returncode == -signal.SIGXCPU:
        raise DocumentError(413, f"Reading the document needed more processing time than allowed ({limits.cpu_seconds} s), so it was stopped. {EXPORT_HINT}")
    if completed.returncode == -signal.SIGKILL:
        raise DocumentError(413, f"Reading the document needed more time or memory than allowed, so it was stopped. {EXPORT_HINT}")
    # out of address space: a MemoryError, or a library that could not even be mapped
    if b"MemoryError" in stderr or b"failed to map segment" in stderr or b"Cannot allocate memory" in stderr:
        raise DocumentError(413, f"Reading the document needed more than {limits.memory_mb} MB of memory, so it was stopped. {EXPORT_HINT}")
    raise DocumentError(400, f"The document could not be read: the reader stopped on it, so it is probably damaged. {EXPORT_HINT}")
