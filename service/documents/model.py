"""The types shared by the extractor, the sandbox and the worker: limits, results and errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

MB = 1024 * 1024

DocumentType = Literal["pdf", "docx", "text", "markdown"]
Status = Literal[400, 413, 415, 422]
STATUSES: tuple[Status, ...] = (400, 413, 415, 422)


@dataclass(frozen=True)
class Limits:
    """How much an uploaded file may cost. Files come from anyone, so every dimension is bounded."""

    max_bytes: int = 10 * MB
    max_pages: int = 30
    # about 30 dense pages; more text than that is not a CV
    max_characters: int = 200_000
    # DOCX is a ZIP: bounds against zip bombs
    max_unzipped_bytes: int = 50 * MB
    max_zip_entries: int = 1_000
    max_compression_ratio: int = 100
    # the child process that reads the file
    memory_mb: int = 768
    cpu_seconds: int = 20
    wall_seconds: float = 30.0


class HiddenText(TypedDict):
    """Text a reader of the document would not see (white, tiny, off the page, hidden in Word)."""

    text: str
    reason: str
    page: int | None


@dataclass
class ExtractedDocument:
    type: DocumentType
    text: str
    # PDF only: DOCX and text files have no fixed pages
    pages: int | None
    hidden: list[HiddenText] = field(default_factory=list)
    # things the person uploading should know, e.g. a file named .docx that is a PDF
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExtractedDocument:
        return cls(
            type=data["type"],
            text=data["text"],
            pages=data["pages"],
            hidden=[HiddenText(text=h["text"], reason=h["reason"], page=h["page"]) for h in data["hidden"]],
            warnings=list(data["warnings"]),
        )


class DocumentError(Exception):
    """A file that cannot be read, with the HTTP status it answers: 400 damaged, encrypted or
    without text, 413 too large or too costly, 415 not a supported kind of file, 422 text that
    cannot be read as a CV."""

    def __init__(self, status: Status, message: str):
        super().__init__(message)
        self.status = status
        self.message = message
