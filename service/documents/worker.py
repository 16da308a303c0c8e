"""Child-process entry point: read one request from stdin, write one JSON answer to stdout.

stdin is a JSON header line ({"filename", "contentType", "limits"}) followed by the file's bytes.
stdout is {"document": {...}} or {"error": {"status", "message"}}. The parent (`sandbox`) set
the resource limits before this process started, so a hostile file can only make it fail."""

from __future__ import annotations

import json
import logging
import os
import sys

from service.documents.extract import extract_document
from service.documents.model import DocumentError, Limits


def main() -> int:
    # pdfminer logs every oddity of a malformed file; the parent needs only the answer
    logging.disable(logging.CRITICAL)
    header, _, data = sys.stdin.buffer.read().partition(b"\n")
    request = json.loads(header)
    try:
        document = extract_document(
            data, filename=request["filename"], content_type=request["contentType"], limits=Limits(**request["limits"])
        )
        answer = {"document": document.to_json()}
    except DocumentError as exc:
        answer = {"error": {"status": exc.status, "message": exc.message}}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    # skip the interpreter's shutdown: after a memory-starved parse it can abort after answering
    os._exit(main())
