from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest.fields import Upload
from werkzeug.datastructures import FileStorage

from service.db import get_session
from service.documents.draft import Draft, Note, draft_resume
from service.documents.model import DocumentError, ExtractedDocument, Limits
from service.documents.sandbox import extract_in_sandbox
from service.errors import AppError, InvalidInput, invalid_input
from service.http import ETAG_HEADERS, Blueprint, CamelSchema, etag_headers
from service.resumes import service as resumes
from service.resumes.schemas import ResumeDocumentSchema
from service.skills import service as skills

blp = Blueprint(
    "documents",
    __name__,
    url_prefix="/api/v1/resumes",
    description="CV files (PDF, Word .docx, plain text, Markdown) read into draft resume documents, "
    "with text hidden in them (white, tiny, off-page) flagged and left out",
)

# app.config key holding the `Limits` for uploaded files; the defaults apply without it
LIMITS_CONFIG = "COPILOT_DOCUMENT_LIMITS"


class UnreadableDocument(AppError):
    status, slug, title = 400, "unreadable-document", "The document cannot be read"


class DocumentTooLarge(AppError):
    status, slug, title = 413, "document-too-large", "The document is too large"


class UnsupportedDocument(AppError):
    status, slug, title = 415, "unsupported-document", "This kind of file is not supported"


class UnreadableCv(AppError):
    status, slug, title = 422, "unreadable-cv", "The document cannot be read as a CV"


_PROBLEMS: dict[int, type[AppError]] = {400: UnreadableDocument, 413: DocumentTooLarge, 415: UnsupportedDocument, 422: UnreadableCv}


class CvFileSchema(CamelSchema):
    file = Upload(required=True, metadata={"description": "The CV: PDF, Word (.docx), plain text or Markdown, at most 10 MB"})


class NoteSchema(CamelSchema):
    part = ma.fields.String(metadata={"example": "projects[0].startDate"})
    confidence = ma.fields.String(metadata={"enum": ["high", "medium", "low"]})
    note = ma.fields.String(metadata={"description": "What was found and what to check"})


class HiddenTextSchema(CamelSchema):
    text = ma.fields.String(metadata={"description": "The hidden text; it is not part of the draft"})
    reason = ma.fields.String(metadata={"example": "white or near-white text"})
    page = ma.fields.Integer(allow_none=True, metadata={"description": "PDF page; null for other files"})


class DocumentInfoSchema(CamelSchema):
    type = ma.fields.String(metadata={"enum": ["pdf", "docx", "text", "markdown"], "description": "What the file is, whatever its name says"})
    pages = ma.fields.Integer(allow_none=True, metadata={"description": "PDF pages; null for other files"})
    characters = ma.fields.Integer(metadata={"description": "Characters of visible text read"})


class DraftDocument(ma.fields.Nested):
    """Documented as a ResumeDocument; the draft is already JSON in that schema, so it is passed through."""

    def _serialize(self, nested_obj: Any, attr: Any, obj: Any, **kwargs: Any) -> Any:
        return nested_obj


_NOTES = ma.fields.List(ma.fields.Nested(NoteSchema), metadata={"description": "How sure each part of the draft is, and what to check"})
_HIDDEN = ma.fields.List(
    ma.fields.Nested(HiddenTextSchema),
    data_key="hiddenText",
    metadata={"description": "Text a reader of the file would not see, such as instructions aimed at automated screening"},
)


class ParsedCvSchema(CamelSchema):
    resume = DraftDocument(
        ResumeDocumentSchema,
        metadata={
            "description": "Draft resume document, without identifiers; first_name/last_name are left out when no name was found. "
            "Check it against the notes, complete it and store it with POST /api/v1/resumes."
        },
    )
    notes = _NOTES
    hidden_text = _HIDDEN
    document = ma.fields.Nested(DocumentInfoSchema)


class StoredCvSchema(ResumeDocumentSchema):
    notes = _NOTES
    hidden_text = _HIDDEN


@blp.route("/parse")
class ParseCv(MethodView):
    @blp.arguments(CvFileSchema, location="files")
    @blp.response(200, ParsedCvSchema)
    @blp.problems(400, 413, 415)
    def post(self, args: dict[str, Any]):
        """Read a CV file into a draft resume document, storing nothing"""
        document, draft = _read_cv(args["file"])
        return {
            "resume": draft["document"],
            "notes": _notes(document, draft),
            "hidden_text": document.hidden,
            "document": {"type": document.type, "pages": document.pages, "characters": len(document.text)},
        }


@blp.route("/upload")
class UploadCv(MethodView):
    @blp.arguments(CvFileSchema, location="files")
    @blp.response(201, StoredCvSchema, headers=ETAG_HEADERS)
    @blp.problems(400, 413, 415)
    def post(self, args: dict[str, Any]):
        """Read a CV file and store it as a resume; refused (422) when its names are not found"""
        document, draft = _read_cv(args["file"])
        resume = resumes.create_resume(get_session(), document=_storable(draft))
        body = {**resumes.document_of(resume), "notes": _notes(document, draft), "hidden_text": document.hidden}
        return body, 201, {**etag_headers(resume), "Location": f"{blp.url_prefix}/{resume.id}"}


def _read_cv(upload: FileStorage) -> tuple[ExtractedDocument, Draft]:
    limits: Limits = current_app.config.get(LIMITS_CONFIG) or Limits()
    # one byte past the limit is enough to refuse the file
    data = upload.read(limits.max_bytes + 1)
    try:
        document = extract_in_sandbox(data, filename=upload.filename, content_type=upload.mimetype, limits=limits)
    except DocumentError as exc:
        raise _PROBLEMS[exc.status](exc.message) from None
    return document, draft_resume(document.text, find_skills=_technical_skills)


def _technical_skills(text: str) -> list[str]:
    """Canonical names of the technologies a project text mentions (its `technology` list);
    practices such as microservices or code review are not technologies."""
    return [found.skill.name for found in skills.extract_skills(text=text) if found.skill.technical and found.skill.kind != "practice"]


def _notes(document: ExtractedDocument, draft: Draft) -> list[Note]:
    return [Note(part="document", confidence="high", note=warning) for warning in document.warnings] + draft["notes"]


def _storable(draft: Draft) -> dict[str, Any]:
    """The draft loaded as a resume document, or a 422 naming what the CV lacks."""
    head = draft["document"]["resume"]
    missing = [f"resume.{key}" for key in ("first_name", "last_name") if not head.get(key)]
    if missing:
        raise InvalidInput(
            f"{' and '.join(missing)} could not be found in the CV, so nothing was stored. "
            "Read the draft with POST /api/v1/resumes/parse, complete it and store it with POST /api/v1/resumes.",
            errors={path: ["Not found in the CV."] for path in missing},
        )
    try:
        return ResumeDocumentSchema().load(draft["document"])
    except ma.ValidationError as exc:
        raise invalid_input(exc.messages) from None
