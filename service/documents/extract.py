"""Text from an uploaded CV file, with the text a reader would not see set apart.

The file's bytes decide what it is; its name and declared content type are only compared with
that, so a PDF named `cv.docx` is read as the PDF it is (and the mismatch is reported as a
warning). Every file is untrusted: sizes, pages and ZIP contents are bounded, XML is parsed
with defusedxml, and any failure of a parser becomes a `DocumentError` with a clear message."""

from __future__ import annotations

import codecs
import io
import itertools
import math
import re
import statistics
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
import pdfplumber
from defusedxml import DefusedXmlException
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from service.documents.model import MB, DocumentError, DocumentType, ExtractedDocument, HiddenText, Limits

LABELS: dict[str, str] = {"pdf": "a PDF", "docx": "a Word document (.docx)", "text": "a text file", "markdown": "a Markdown file"}
EXPORT_HINT = "Export the CV again as a text-based PDF or a Word document (.docx) and upload that."

_CLAIMED_BY_EXTENSION: dict[str, DocumentType] = {"pdf": "pdf", "docx": "docx", "txt": "text", "text": "text", "md": "markdown", "markdown": "markdown"}
_CLAIMED_BY_CONTENT_TYPE: dict[str, DocumentType] = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}

# Recognised only to say clearly what an unsupported file is.
_OTHER_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (.doc) or a password-protected Word document; save it as .docx or PDF without a password"),
    (b"{\\rtf", "an RTF document; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
]
_ZIP_KINDS: list[tuple[str, str]] = [
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file; save it as .docx or PDF"),
]


def extract_document(
    data: bytes, *, filename: str | None, content_type: str | None, limits: Limits | None = None
) -> ExtractedDocument:
    """Read `data` as what its bytes say it is: PDF, DOCX, or UTF-8 text/Markdown."""
    limits = limits or Limits()
    check_size(data, limits)
    if not data.strip():
        raise DocumentError(400, "The file is empty.")
    kind, text = detect_type(data)
    pages: int | None
    try:
        if kind == "pdf":
            raw_text, pages, hidden = _read_pdf(data, limits)
        elif kind == "docx":
            raw_text, pages, hidden = _read_docx(data, limits)
        else:
            raw_text, pages, hidden = _read_text(text or "", kind)
    except DocumentError:
        raise
    except Exception as exc:
        # Parsers meet arbitrary bytes here; whatever they fail with, the file is what is wrong.
        if _exhausted(exc):
            raise DocumentError(413, f"The file is too large or complex to read within the memory limit. {EXPORT_HINT}") from None
        raise DocumentError(400, f"The file is damaged and cannot be read as {LABELS[kind]}. {EXPORT_HINT}") from None

    text, invisible = _tidy(raw_text)
    hidden.extend(invisible)
    _check_readable(text, kind, limits)
    return ExtractedDocument(type=kind, text=text, pages=pages, hidden=hidden, warnings=_label_warnings(kind, filename, content_type))


def _exhausted(exc: BaseException | None) -> bool:
    """Whether running out of memory or stack caused `exc` (parsers often wrap the error)."""
    for _ in range(10):
        if exc is None:
            return False
        if isinstance(exc, MemoryError | RecursionError) or any(isinstance(arg, MemoryError | RecursionError) for arg in exc.args):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise DocumentError(413, f"The file is {len(data) / MB:.1f} MB; files of at most {limits.max_bytes / MB:g} MB are accepted.")


def detect_type(data: bytes) -> tuple[DocumentType, str | None]:
    """The real type of `data` from its first bytes (and, for text, the decoded text)."""
    # The PDF standard lets readers accept junk before the header within the first KiB.
    if b"%PDF-" in data[:1024]:
        return "pdf", None
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data), None
    for signature, what in _OTHER_SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(415, f"This file is {what}, not a CV document. Upload a PDF, a Word document (.docx), or a text or Markdown file.")
    text = _decode_text(data)
    if text is None:
        raise DocumentError(415, "This file is not a PDF, a Word document (.docx) or UTF-8 text. Upload the CV in one of those formats.")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise DocumentError(415, "This file is a web page (HTML). Save the CV as PDF or .docx and upload that.")
    return ("markdown" if _looks_like_markdown(text) else "text"), text


def _zip_kind(data: bytes) -> DocumentType:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocumentError(400, f"The file is a damaged ZIP or Word document and cannot be opened. {EXPORT_HINT}") from None
    if "word/document.xml" in names:
        return "docx"
    for part, what in _ZIP_KINDS:
        if part in names:
            raise DocumentError(415, f"This file is {what}, not a CV document. Upload a PDF or a Word document (.docx).")
    raise DocumentError(415, "This file is a ZIP archive, not a Word document. Upload the CV itself as PDF or .docx.")


def _decode_text(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode" encoding
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return None if controls > len(text) / 100 else text


def _label_warnings(kind: DocumentType, filename: str | None, content_type: str | None) -> list[str]:
    extension = filename.rsplit(".", 1)[-1].lower() if filename and "." in filename else ""
    media_type = (content_type or "").split(";")[0].strip().lower()
    claimed = _CLAIMED_BY_EXTENSION.get(extension) or _CLAIMED_BY_CONTENT_TYPE.get(media_type)
    text_kinds = {"text", "markdown"}
    if claimed is None or claimed == kind or {claimed, kind} <= text_kinds:
        return []
    name = f"“{filename}”" if filename else "The file"
    return [f"{name} is labelled as {LABELS[claimed]} but is {LABELS[kind]}; it was read as {LABELS[kind]}."]


# --- PDF -------------------------------------------------------------------------------------

MIN_VISIBLE_PT = 4.0
# the gap between two columns (points), and how many rows may cross it (headers spanning both)
MIN_GUTTER_PT = 8
TAB_GAP_PT = 15.0

_HIDDEN_REASONS = {
    "tiny": f"text smaller than {MIN_VISIBLE_PT:g} pt",
    "offpage": "text outside the page",
    "white": "white or near-white text",
}


def _read_pdf(data: bytes, limits: Limits) -> tuple[str, int, list[HiddenText]]:
    # A complete PDF ends with %%EOF; without it the file was cut off in transfer, and pdfminer's
    # recovery would quietly return only the pages it could salvage.
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError(400, "The PDF is incomplete (it was cut off: its end marker is missing). Upload the complete file again.")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise DocumentError(400, "This is a password-protected PDF. Remove the password (or save an unprotected copy) and upload it again.") from None
        raise DocumentError(400, f"The PDF is damaged and cannot be read. {EXPORT_HINT}") from None
    with pdf:
        # count from the page tree before pdfplumber lays out every page
        count = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limits.max_pages + 1))
        if count > limits.max_pages:
            raise DocumentError(413, f"The PDF has more than {limits.max_pages} pages; a CV of at most {limits.max_pages} pages is accepted.")
        texts: list[str] = []
        hidden: list[HiddenText] = []
        for page in pdf.pages:
            reason_of = _hidden_classifier(page)

            def shown(obj: dict[str, Any], reason_of: Callable[[dict[str, Any]], str | None] = reason_of) -> bool:
                return obj.get("object_type") != "char" or reason_of(obj) is None

            words = page.filter(shown).extract_words(x_tolerance=2, y_tolerance=2, keep_blank_chars=False, use_text_flow=False)
            texts.append(_page_text(words, float(page.width)))
            hidden.extend(_hidden_findings(page, reason_of))
            page.close()  # drop the page's cached characters before the next one
    return "\n\n".join(texts), count, hidden


def _hidden_classifier(page: Page) -> Callable[[dict[str, Any]], str | None]:
    """Why a character would not be seen on `page` (a key of _HIDDEN_REASONS), or None."""
    x0, top, x1, bottom = page.cropbox
    # White text on a dark shape or picture is visible (sidebar templates), so it is not flagged.
    backgrounds = [
        (r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects if r.get("fill") and not _is_white(r.get("non_stroking_color"))
    ] + [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]

    def reason_of(char: dict[str, Any]) -> str | None:
        if char["size"] < MIN_VISIBLE_PT:
            return "tiny"
        cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            return "offpage"
        if _is_white(char.get("non_stroking_color")) and not any(bx0 <= cx <= bx1 and bt <= cy <= bb for bx0, bt, bx1, bb in backgrounds):
            return "white"
        return None

    return reason_of


def _is_white(color: Any) -> bool:
    if not isinstance(color, tuple | list) or not all(isinstance(c, int | float) for c in color):
        return False
    if len(color) in (1, 3):  # gray, RGB
        return all(c >= 0.95 for c in color)
    if len(color) == 4:  # CMYK
        return all(c <= 0.05 for c in color)
    return False


def _hidden_findings(page: Page, reason_of: Callable[[dict[str, Any]], str | None]) -> Iterator[HiddenText]:
    reasons = {reason for char in page.chars if (reason := reason_of(char)) is not None}
    for reason in sorted(reasons):

        def hidden_for(obj: dict[str, Any], reason: str = reason) -> bool:
            return obj.get("object_type") == "char" and reason_of(obj) == reason

        for line in page.filter(hidden_for).extract_text(x_tolerance=2).splitlines():
            if line.strip():
                yield HiddenText(text=line.strip(), reason=_HIDDEN_REASONS[reason], page=page.page_number)


@dataclass
class _Row:
    top: float
    bottom: float
    words: list[dict[str, Any]]


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words grouped into visual rows (same height on the page), each row left to right."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if rows and rows[-1].top <= middle <= rows[-1].bottom:
            rows[-1].words.append(word)
        else:
            rows.append(_Row(word["top"], word["bottom"], [word]))
    for row in rows:
        row.words.sort(key=lambda w: w["x0"])
    return rows


def _page_text(words: list[dict[str, Any]], width: float) -> str:
    """The page's text in reading order: in a two-column layout each band between full-width
    rows (a header, a heading across both columns) gives its left column, then its right."""
    rows = _rows(words)
    gutter = _gutter(rows, width)
    if gutter is None:
        return _lines_text(rows)
    g0, g1 = gutter
    # each row: (full-width row, left part, right part)
    split: list[tuple[_Row | None, _Row | None, _Row | None]] = []
    for row in rows:
        if any(w["x0"] < g1 and w["x1"] > g0 for w in row.words):
            split.append((row, None, None))
            continue
        lefts = [w for w in row.words if w["x1"] <= g0]
        rights = [w for w in row.words if w["x0"] >= g1]
        split.append((None, _Row(row.top, row.bottom, lefts) if lefts else None, _Row(row.top, row.bottom, rights) if rights else None))
    if not _are_columns([left for _, left, _ in split if left], [right for _, _, right in split if right]):
        return _lines_text(rows)
    # rows above the left column (a name set right of the gutter) are the page's header
    first_left = next(i for i, (_, left, _) in enumerate(split) if left is not None)
    split = [(parts[0] or parts[2], None, None) if i < first_left else parts for i, parts in enumerate(split)]
    blocks: list[str] = []
    band_left: list[_Row] = []
    band_right: list[_Row] = []
    # an empty full-width row at the end flushes the last band
    for full, left, right in [*split, (_Row(math.inf, math.inf, []), None, None)]:
        if full is not None:
            blocks.extend(text for text in (_lines_text(band_left), _lines_text(band_right)) if text)
            band_left, band_right = [], []
            if full.words:
                blocks.append(_lines_text([full]))
            continue
        if left is not None:
            band_left.append(left)
        if right is not None:
            band_right.append(right)
    return "\n\n".join(blocks)


def _gutter(rows: list[_Row], width: float) -> tuple[float, float] | None:
    """The widest vertical band in the middle of the page that (almost) no row crosses."""
    lo, hi = int(width * 0.2), int(width * 0.8)
    if len(rows) < 6 or hi - lo < MIN_GUTTER_PT:
        return None
    crossing = [0] * (hi - lo)
    for row in rows:
        covered: set[int] = set()
        for word in row.words:
            covered.update(range(max(lo, math.floor(word["x0"])), min(hi, math.ceil(word["x1"]))))
        for x in covered:
            crossing[x - lo] += 1
    # a few rows may cross the gutter (a centred name, a heading across both columns), but a
    # gutter that none crosses is the better one
    for allowed in range(max(1, len(rows) // 10) + 1):
        best: tuple[int, int] | None = None
        start: int | None = None
        for x, count in enumerate([*crossing, allowed + 1]):
            if count <= allowed:
                start = x if start is None else start
            elif start is not None:
                if best is None or x - start > best[1] - best[0]:
                    best = (start, x)
                start = None
        if best is not None and best[1] - best[0] >= MIN_GUTTER_PT:
            return lo + best[0], lo + best[1]
    return None


def _are_columns(left: list[_Row], right: list[_Row]) -> bool:
    """Two columns, rather than one column whose rows end in right-aligned dates or places:
    those right-hand pieces are short and each sits on a row of the left side."""
    if len(left) < 3 or len(right) < 3:
        return False
    left_tops = [(r.top, r.bottom) for r in left]
    paired = sum(1 for r in right if any(top <= (r.top + r.bottom) / 2 <= bottom for top, bottom in left_tops))
    short = statistics.median(len(r.words) for r in right) <= 4
    return not (paired >= 0.8 * len(right) and short)


def _lines_text(rows: list[_Row]) -> str:
    lines: list[str] = []
    previous: _Row | None = None
    for row in rows:
        # a gap taller than a line separates paragraphs
        if previous is not None and row.top - previous.bottom > previous.bottom - previous.top:
            lines.append("")
        parts: list[str] = []
        for i, word in enumerate(row.words):
            if i:
                parts.append("\t" if word["x0"] - row.words[i - 1]["x1"] > TAB_GAP_PT else " ")
            parts.append(word["text"])
        lines.append("".join(parts))
        previous = row
    return "\n".join(lines)


# --- DOCX ------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word writes text boxes twice: as a drawing, and as a legacy fallback that must be skipped
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MIN_VISIBLE_HALF_POINTS = 8
# entries larger than this must not be compressed beyond the ratio limit
_RATIO_CHECK_BYTES = 1 * MB


@dataclass(frozen=True)
class _Look:
    """The run properties that decide whether Word shows text (None: not set at this level)."""

    vanish: bool | None = None
    color: str | None = None
    half_points: int | None = None

    def over(self, base: _Look) -> _Look:
        return _Look(
            self.vanish if self.vanish is not None else base.vanish,
            self.color if self.color is not None else base.color,
            self.half_points if self.half_points is not None else base.half_points,
        )


def _read_docx(data: bytes, limits: Limits) -> tuple[str, None, list[HiddenText]]:
    archive = _open_zip(data, limits)
    styles = _Styles(_xml(archive, "word/styles.xml", limits)) if "word/styles.xml" in archive.namelist() else _Styles(None)
    # CV templates often put the name in the page header, so headers come first
    parts = sorted(name for name in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", name))
    paragraphs: list[list[tuple[str, str | None]]] = []
    for part in [*parts, "word/document.xml"]:
        root = _xml(archive, part, limits)
        if root is not None:
            _walk(root, styles, shaded=False, out=paragraphs)
    lines: list[str] = []
    hidden: list[HiddenText] = []
    for segments in paragraphs:
        lines.append("".join(text for text, reason in segments if reason is None))
        for reason, group in itertools.groupby(segments, key=lambda segment: segment[1]):
            text = "".join(t for t, _ in group).strip()
            if reason is not None and text:
                hidden.append(HiddenText(text=text, reason=reason, page=None))
    return "\n".join(lines), None, hidden


def _open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(io.BytesIO(data))
    entries = archive.infolist()
    if len(entries) > limits.max_zip_entries:
        raise DocumentError(413, f"The Word document holds {len(entries)} parts (at most {limits.max_zip_entries} are accepted).")
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_unzipped_bytes:
        raise DocumentError(
            413, f"The Word document would unpack to {total / MB:.0f} MB (at most {limits.max_unzipped_bytes / MB:g} MB); it may be a zip bomb."
        )
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise DocumentError(400, "The Word document is password-protected. Save a copy without a password and upload that.")
        if entry.file_size > _RATIO_CHECK_BYTES and entry.file_size > limits.max_compression_ratio * max(entry.compress_size, 1):
            raise DocumentError(
                413,
                f"A part of the Word document is compressed more than {limits.max_compression_ratio}:1, as in a zip bomb; it was not unpacked.",
            )
    return archive


def _xml(archive: zipfile.ZipFile, name: str, limits: Limits) -> Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    with archive.open(info) as part:
        # the header's size was checked, but read no more than the limit whatever it claimed
        raw = part.read(limits.max_unzipped_bytes + 1)
    if len(raw) > limits.max_unzipped_bytes:
        raise DocumentError(413, "The Word document unpacks to more than the size limit; it may be a zip bomb.")
    try:
        return SafeET.fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise DocumentError(
            400,
            "The Word document contains XML declarations (DTD or entities, as used by “billion laughs” and external-entity attacks) "
            "that Word never writes; it was rejected.",
        ) from None
    except ParseError:
        raise DocumentError(400, f"The Word document is damaged (its XML is invalid). {EXPORT_HINT}") from None


class _Styles:
    """Run properties of the document defaults and of named styles, following `basedOn`."""

    def __init__(self, root: Element | None):
        self._elements: dict[str, Element] = {}
        self.defaults = _Look()
        # the style of paragraphs that name none ("Normal")
        self.default_paragraph: str | None = None
        if root is None:
            return
        self.defaults = _look(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for style in root.findall(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id:
                self._elements[style_id] = style
                if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                    self.default_paragraph = style_id

    def look(self, style_id: str | None) -> _Look:
        result = _Look()
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._elements:
            seen.add(style_id)
            style = self._elements[style_id]
            result = result.over(_look(style.find(f"{W}rPr")))
            based_on = style.find(f"{W}basedOn")
            style_id = based_on.get(f"{W}val") if based_on is not None else None
        return result


def _look(rpr: Element | None) -> _Look:
    if rpr is None:
        return _Look()
    vanish = rpr.find(f"{W}vanish")
    color = rpr.find(f"{W}color")
    size = rpr.find(f"{W}sz")
    size_value = size.get(f"{W}val", "") if size is not None else ""
    return _Look(
        vanish=None if vanish is None else vanish.get(f"{W}val", "true").lower() not in ("false", "0", "off"),
        color=color.get(f"{W}val") if color is not None else None,
        half_points=int(size_value) if size_value.isdigit() else None,
    )


def _has_fill(properties: Element | None) -> bool:
    """Shading or highlighting in a non-white colour: white text on it is readable."""
    if properties is None:
        return False
    shading = properties.find(f"{W}shd")
    if shading is not None and _is_hex_colour(shading.get(f"{W}fill")) and not _is_white_hex(shading.get(f"{W}fill")):
        return True
    highlight = properties.find(f"{W}highlight")
    return highlight is not None and highlight.get(f"{W}val", "none") not in ("none", "white")


def _is_hex_colour(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"[0-9A-Fa-f]{6}", value or "") is not None


def _is_white_hex(value: str | None) -> bool:
    return _is_hex_colour(value) and all(int(value[i : i + 2], 16) >= 0xF0 for i in (0, 2, 4))  # type: ignore[index]


def _walk(element: Element, styles: _Styles, *, shaded: bool, out: list[list[tuple[str, str | None]]]) -> None:
    """Paragraphs in document order (table cells row by row, text boxes after their anchor)."""
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == f"{W}p":
            _paragraph(child, styles, shaded=shaded, out=out)
        elif child.tag == f"{W}tc":
            _walk(child, styles, shaded=shaded or _has_fill(child.find(f"{W}tcPr")), out=out)
        else:
            _walk(child, styles, shaded=shaded, out=out)


def _paragraph(paragraph: Element, styles: _Styles, *, shaded: bool, out: list[list[tuple[str, str | None]]]) -> None:
    properties = paragraph.find(f"{W}pPr")
    style = properties.find(f"{W}pStyle") if properties is not None else None
    base = styles.look(style.get(f"{W}val") if style is not None else styles.default_paragraph).over(styles.defaults)
    shaded = shaded or _has_fill(properties)
    segments: list[tuple[str, str | None]] = []
    out.append(segments)
    nested: list[list[tuple[str, str | None]]] = []

    def visit(element: Element) -> None:
        for child in element:
            if child.tag in (MC_FALLBACK, f"{W}pPr", f"{W}del", f"{W}moveFrom"):
                continue  # deleted tracked changes are not shown
            if child.tag == f"{W}r":
                run(child)
            elif child.tag == f"{W}p":
                _paragraph(child, styles, shaded=shaded, out=nested)
            else:
                visit(child)

    def run(element: Element) -> None:
        rpr = element.find(f"{W}rPr")
        run_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        look = _look(rpr).over(styles.look(run_style.get(f"{W}val") if run_style is not None else None)).over(base)
        reason = _hidden_run_reason(look, shaded=shaded or _has_fill(rpr))
        for child in element:
            if child.tag == f"{W}t":
                segments.append((child.text or "", reason))
            elif child.tag == f"{W}tab":
                segments.append(("\t", reason))
            elif child.tag in (f"{W}br", f"{W}cr"):
                segments.append(("\n", None))
            elif child.tag == f"{W}noBreakHyphen":
                segments.append(("-", reason))
            elif child.tag != f"{W}rPr":
                _walk(child, styles, shaded=shaded, out=nested)  # text boxes inside drawings

    visit(paragraph)
    out.extend(nested)


def _hidden_run_reason(look: _Look, *, shaded: bool) -> str | None:
    if look.vanish:
        return "hidden text (Word's “hidden” font setting)"
    if look.half_points is not None and look.half_points < MIN_VISIBLE_HALF_POINTS:
        return f"text smaller than {MIN_VISIBLE_HALF_POINTS / 2:g} pt"
    if _is_white_hex(look.color) and not shaded:
        return "white or near-white text"
    return None


# --- text and Markdown -----------------------------------------------------------------------

_MARKDOWN_HINTS = re.compile(r"^\s{0,3}#{1,6}\s+\S|\*\*\S[^*\n]*\*\*|\[[^\]\n]+\]\([^)\n]+\)|<!--", re.MULTILINE)
_MARKDOWN_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_MARKDOWN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)[ #]*$", re.MULTILINE), r"\1"),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),
    (re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$", re.MULTILINE), ""),
    (re.compile(r"^(\s*)[*+]\s+", re.MULTILINE), r"\1- "),
]


def _looks_like_markdown(text: str) -> bool:
    return _MARKDOWN_HINTS.search(text) is not None


def _read_text(text: str, kind: DocumentType) -> tuple[str, None, list[HiddenText]]:
    hidden: list[HiddenText] = []
    if kind == "markdown":
        # comments are not shown when Markdown is displayed, so they are hidden text
        for comment in _MARKDOWN_COMMENT.findall(text):
            if comment.strip():
                hidden.append(HiddenText(text=" ".join(comment.split()), reason="HTML comment (not shown when the Markdown is displayed)", page=None))
        text = _MARKDOWN_COMMENT.sub("", text)
        for pattern, replacement in _MARKDOWN_RULES:
            text = pattern.sub(replacement, text)
    return text, None, hidden


# --- every type ------------------------------------------------------------------------------

# Unicode "tag" characters render as nothing but spell ASCII: a known way to smuggle instructions.
_TAG_RUN = re.compile("[\U000e0020-\U000e007e]+")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f]")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


def _tidy(text: str) -> tuple[str, list[HiddenText]]:
    hidden = [
        HiddenText(text=decoded, reason="invisible Unicode tag characters", page=None)
        for run in _TAG_RUN.findall(text)
        if (decoded := "".join(chr(ord(ch) - 0xE0000) for ch in run).strip())
    ]
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text).translate(_LIGATURES))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), hidden


def _check_readable(text: str, kind: DocumentType, limits: Limits) -> None:
    unmapped = len(_UNMAPPED_GLYPH.findall(text))
    text = _UNMAPPED_GLYPH.sub("", text)
    unreadable = unmapped + sum(1 for ch in text if ch == "\ufffd" or unicodedata.category(ch) == "Co")
    letters = sum(1 for ch in text if ch.isalnum())
    if unreadable > 0.3 * (unreadable + letters):
        raise DocumentError(
            422,
            "The text of this document cannot be read: its fonts do not say which letters they draw, so it copies as gibberish. "
            f"{EXPORT_HINT}",
        )
    if letters < 20:
        what = "scanned pages or pictures" if kind == "pdf" else "no visible text"
        raise DocumentError(400, f"The document has no text to read (it looks like {what}). {EXPORT_HINT}")
    if len(text) > limits.max_characters:
        raise DocumentError(413, f"The document has {len(text):,} characters of text; a CV of at most {limits.max_characters:,} is accepted.")
