"""A job description read as requirements: each bullet or sentence with its skills, importance
(must or nice), minimum years, expected level and kind; plus the role's title and seniority."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.matching.extract import Extractor, FoundSkill
from service.matching.languages import LanguageLevel, find_level

LEVELS = ["junior", "mid", "senior", "expert"]
SENIORITIES = ["intern", "fresher", "junior", "mid", "senior", "lead", "principal"]

_BULLET = re.compile(r"^\s*(?:[-*•●▪◦·+]|\d{1,2}[.)]|[a-z][.)])\s+")
_SECTION_KINDS = [
    ("nice", re.compile(r"nice[\s-]to[\s-]have|preferred|bonus|\bplus\b|good[\s-]to[\s-]have|desirable|optional|advantage|should[\s-]have|ưu tiên", re.I)),
    ("must", re.compile(r"requirements?|qualifications?|must[\s-]have|required|mandatory|what you (?:bring|need|have)|looking for|who you are|you have|skills|experience|profile|yêu cầu", re.I)),
    ("responsibility", re.compile(r"responsibilit|what you(?:'ll| will) do|duties|your (?:role|tasks|day)|key tasks|the role|job description|mô tả công việc|nhiệm vụ", re.I)),
    ("ignore", re.compile(r"about|benefits?|we offer|why (?:join|us)|perks|compensation|salary|interview|process|how to apply|location|working (?:time|hours)|company|phúc lợi|quyền lợi", re.I)),
]
_NICE_WORDS = re.compile(r"nice[\s-]to[\s-]have|\ba plus\b|is a plus|\bplus\b|preferred|preferably|bonus|advantage|desirable|ideally|optional|good to have|is an asset", re.I)
_MUST_WORDS = re.compile(r"\bmust\b|\brequired\b|\bmandatory\b|\bessential\b", re.I)
_YEARS = re.compile(
    r"(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?(?P<low>\d{1,2}(?:\.\d)?)\s*(?:\+|plus)?\s*"
    r"(?:(?:-|–|to)\s*(?P<high>\d{1,2})\s*\+?\s*)?(?:years?|yrs?|năm)",
    re.I,
)
_TABLE_YEARS = re.compile(r"\byears?\s*[:|=]\s*(?P<low>\d{1,2}(?:\.\d)?)", re.I)
_LEVEL_WORDS = [
    ("expert", re.compile(r"\bexpert|deep (?:knowledge|expertise|understanding)|extensive|mastery|in-depth", re.I)),
    ("senior", re.compile(r"\bstrong|\bsolid|\badvanced|\bproven|\bexcellent", re.I)),
    ("mid", re.compile(r"\bproficien|\bhands-on|\bgood (?:knowledge|understanding|command)|experience (?:with|in|using)|working knowledge", re.I)),
    ("junior", re.compile(r"\bfamiliar|\bbasic|\bexposure|\bawareness|\bunderstanding of|knowledge of|\bsome experience", re.I)),
]
_METADATA_LINE = re.compile(
    r"^\s*(position|role|job title|title|seniority|level|location|work(ing)? (place|location|mode)|salary|contract|"
    r"start(ing)? date|duration|team size|headcount|positions?|type|employment|vị trí|địa điểm|mức lương)\s*[:\-–]",
    re.I,
)
_EDUCATION = re.compile(r"\b(degree|bachelor|master'?s?|ph\.?d|university|college|diploma|computer science|b\.?sc|m\.?sc)\b", re.I)
_TITLE_LABEL = re.compile(r"^\s*(?:position|role|job title|title|vị trí)\s*[:\-–]\s*(?P<title>.+)$", re.I | re.M)
_ROLE_WORDS = re.compile(
    r"\b(developer|engineer|architect|tester|qa|analyst|manager|lead|scientist|brse|bridge|consultant|specialist|administrator|designer|programmer|sre|devops)\b",
    re.I,
)
_SENIORITY_WORDS = [
    ("intern", re.compile(r"\bintern(ship)?\b", re.I)),
    ("fresher", re.compile(r"\bfresher|graduate\b", re.I)),
    ("principal", re.compile(r"\b(principal|staff|head of|architect)\b", re.I)),
    ("lead", re.compile(r"\b(lead|leader|manager)\b", re.I)),
    ("senior", re.compile(r"\b(senior|sr\.?)\b", re.I)),
    ("mid", re.compile(r"\b(mid(dle)?(-level)?|intermediate)\b", re.I)),
    ("junior", re.compile(r"\b(junior|jr\.?)\b", re.I)),
]


@dataclass
class RequiredSkill:
    slug: str
    name: str
    kind: str
    min_years: float | None = None
    language_level: LanguageLevel | None = None


@dataclass
class Requirement:
    text: str
    start: int
    end: int
    section: str | None
    kind: str
    importance: str
    min_years: float | None
    level: str | None
    skills: list[RequiredSkill] = field(default_factory=list)


@dataclass
class JobDescription:
    title: str | None
    seniority: str | None
    requirements: list[Requirement]


@dataclass
class _Line:
    text: str
    start: int
    bullet: bool


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        bullet = _BULLET.match(body)
        start = offset + (bullet.end() if bullet else len(body) - len(body.lstrip()))
        lines.append(_Line(text[start : offset + len(body)].rstrip(), start, bool(bullet)))
        offset += len(raw)
    return lines


def _heading_kind(line: _Line) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    text = line.text.strip().lstrip("#").strip()
    if line.bullet or not text or len(text) > 60 or len(text.split()) > 7 or text.endswith("."):
        return None
    if _YEARS.search(text) and not text.endswith(":"):
        return None
    for kind, pattern in _SECTION_KINDS:
        if pattern.search(text):
            return kind
    return "other" if text.endswith(":") else None


def _sentences(line: _Line) -> list[tuple[str, int]]:
    """A paragraph line split into sentences, each with its offset."""
    parts, start = [], 0
    for match in re.finditer(r"(?<=[.!?;])\s+(?=[A-Z])", line.text):
        parts.append((line.text[start : match.start()], line.start + start))
        start = match.end()
    parts.append((line.text[start:], line.start + start))
    return [(text.strip(), offset) for text, offset in parts if text.strip()]


def _years_by_skill(text: str, skills: list[FoundSkill], offset: int) -> dict[str, float]:
    """'5+ years of Java, 3 years with Spring Boot' -> {java: 5, spring-boot: 3}: each years
    phrase goes to the next skill after it, or to the one just before it ('Java: 5 years')."""
    years: dict[str, float] = {}
    positions = sorted(((mention.start - offset, found.skill.slug) for found in skills for mention in found.mentions))
    for pattern in (_YEARS, _TABLE_YEARS):
        for match in pattern.finditer(text):
            value = float(match.group("low"))
            following = [slug for position, slug in positions if position >= match.end()]
            preceding = [slug for position, slug in positions if position < match.start()]
            clause_end = re.search(r"[,;.]", text[match.end() :])
            limit = match.end() + (clause_end.start() if clause_end else len(text))
            near = [slug for position, slug in positions if match.end() <= position < limit]
            target = near[0] if near else (preceding[-1] if preceding else (following[0] if following else None))
            if target is not None:
                years[target] = max(years.get(target, 0.0), value)
    return years


def _level(text: str, min_years: float | None) -> str | None:
    for level, pattern in _LEVEL_WORDS:
        if pattern.search(text):
            return level
    if min_years is None:
        return None
    if min_years >= 8:
        return "expert"
    if min_years >= 5:
        return "senior"
    if min_years >= 2:
        return "mid"
    return "junior"


_CERTIFICATE_WORDS = re.compile(r"\bcertifi(cate|cation|ed)\b", re.I)


def _kind(text: str, skills: list[FoundSkill], section: str | None) -> str:
    kinds = {found.skill.kind for found in skills}
    if _CERTIFICATE_WORDS.search(text) and "spoken_language" not in kinds:
        return "certification"  # "AWS Certified Developer", "ISTQB ... certificate": the certificate is asked
    if any(found.skill.technical for found in skills):
        return "technical"
    if "spoken_language" in kinds:
        return "spoken_language"
    if "certification" in kinds:
        return "certification"
    if _EDUCATION.search(text):
        return "education"
    if "domain" in kinds:
        return "domain"
    if section == "responsibility":
        return "responsibility"
    if "soft_skill" in kinds or "methodology" in kinds:
        return "soft_skill"
    return "other"


def _seniority(text: str, title: str | None, years: list[float]) -> str | None:
    for source in (title or "", text[:400]):
        for seniority, pattern in _SENIORITY_WORDS:
            if pattern.search(source):
                return seniority
    if not years:
        return None
    most = max(years)
    return "senior" if most >= 5 else "mid" if most >= 2 else "junior"


def _title(text: str) -> str | None:
    labelled = _TITLE_LABEL.search(text)
    if labelled:
        return labelled.group("title").strip()[:200]
    for line in text.splitlines()[:5]:
        candidate = line.strip().lstrip("#").strip()
        is_sentence = candidate.endswith((".", "!", "?")) or _YEARS.search(candidate)
        if candidate and len(candidate.split()) <= 12 and _ROLE_WORDS.search(candidate) and not is_sentence:
            return candidate[:200]
    return None


def _within(found: list[FoundSkill], text: str, start: int, end: int) -> list[FoundSkill]:
    """The skills mentioned between `start` and `end`, with those mentions only."""
    inside = []
    for entry in found:
        mentions = [mention for mention in entry.mentions if start <= mention.start and mention.end <= end]
        if not mentions:
            continue
        level = None
        if entry.level is not None:
            level = next((lvl for m in mentions if (lvl := find_level(text, m.start, m.end))), entry.level)
        inside.append(FoundSkill(entry.skill, mentions, level))
    return inside


def parse_job_description(text: str, extractor: Extractor) -> JobDescription:
    # one pass over the whole text, so skills headings give context to the lines under them
    found = extractor.extract(text)
    title = _title(text)
    requirements: list[Requirement] = []
    section_kind: str | None = None
    section_title: str | None = None
    for line in _lines(text):
        if not line.text.strip():
            continue
        heading = _heading_kind(line)
        if heading is not None:
            section_kind, section_title = heading, line.text.strip().lstrip("#").strip().rstrip(":")
            continue
        if section_kind == "ignore" or (section_kind is None and (_METADATA_LINE.match(line.text) or line.text.strip() == title)):
            continue
        pieces = [(line.text, line.start)] if line.bullet else _sentences(line)
        for piece, offset in pieces:
            requirement = _requirement(piece, offset, section_kind, section_title, _within(found, text, offset, offset + len(piece)))
            if requirement is not None:
                requirements.append(requirement)
    years = [r.min_years for r in requirements if r.min_years is not None and r.importance == "must"]
    return JobDescription(title=title, seniority=_seniority(text, title, years), requirements=requirements)


def _requirement(
    text: str, offset: int, section_kind: str | None, section_title: str | None, found: list[FoundSkill]
) -> Requirement | None:
    kind = _kind(text, found, section_kind)
    if section_kind in (None, "other") and kind in ("other", "responsibility"):
        return None  # intro prose with nothing to prepare for
    if section_kind == "responsibility" and not found:
        kind = "responsibility"
    importance = "nice" if section_kind == "nice" else "must"
    if _MUST_WORDS.search(text):
        importance = "must"  # "N2 is required; N1 preferred": the requirement itself is a must
    elif _NICE_WORDS.search(text):
        importance = "nice"
    years = _years_by_skill(text, found, offset)
    min_years = max(years.values()) if years else None
    if min_years is None:
        loose = _YEARS.search(text)
        min_years = float(loose.group("low")) if loose else None
    return Requirement(
        text=text,
        start=offset,
        end=offset + len(text),
        section=section_title,
        kind=kind,
        importance=importance,
        min_years=min_years,
        level=_level(text, min_years),
        skills=[
            RequiredSkill(entry.skill.slug, entry.skill.name, entry.skill.kind, years.get(entry.skill.slug), entry.level)
            for entry in found
        ],
    )
