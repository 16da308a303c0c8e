"""Spoken-language levels on one scale: JLPT, TOEIC, IELTS, CEFR and plain words, mapped to CEFR."""

from __future__ import annotations

import re
from dataclasses import dataclass

CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]
# JLPT levels as commonly equated with CEFR by staffing teams (N1 is near-fluent business Japanese)
JLPT_TO_CEFR = {"N5": "A1", "N4": "A2", "N3": "B1", "N2": "B2", "N1": "C1"}
# resume proficiency (0 not assessed, 1..6 = A1..C2), see docs/resume-schema.md
PROFICIENCY_TO_CEFR = {index + 1: level for index, level in enumerate(CEFR)}

_WORDS = {
    "native": "C2", "mother tongue": "C2", "bilingual": "C2", "fluent": "C1", "proficient": "C1", "advanced": "C1",
    "business level": "B2", "business-level": "B2", "upper-intermediate": "B2", "upper intermediate": "B2",
    "professional working": "B2", "intermediate": "B1", "conversational": "B1", "pre-intermediate": "A2",
    "basic": "A2", "elementary": "A2", "beginner": "A1",
    "ネイティブ": "C2", "ビジネスレベル": "B2", "日常会話": "B1", "bản ngữ": "C2", "thành thạo": "C1",
    "giao tiếp": "B1", "cơ bản": "A2",
}

_LEVEL = re.compile(
    r"(?P<jlpt>(?:JLPT|N[oō]ken)?\s*[-:]?\s*\bN(?P<n>[1-5])\b)"
    r"|(?P<toeic>TOEIC\b\D{0,30}?(?P<toeic_score>\d{3}))"
    r"|(?P<ielts>IELTS\b\D{0,30}?(?P<ielts_band>\d(?:[.,]\d)?))"
    r"|\b(?P<cefr>[ABC][12])\b"
    r"|(?P<word>" + "|".join(re.escape(word) for word in sorted(_WORDS, key=len, reverse=True)) + r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LanguageLevel:
    text: str
    scale: str  # jlpt, toeic, ielts, cefr, words
    cefr: str

    @property
    def rank(self) -> int:
        return CEFR.index(self.cefr) + 1


def toeic_cefr(score: int) -> str:
    if score >= 945:
        return "C1"
    if score >= 785:
        return "B2"
    if score >= 550:
        return "B1"
    if score >= 225:
        return "A2"
    return "A1"


def ielts_cefr(band: float) -> str:
    if band >= 8.5:
        return "C2"
    if band >= 7.0:
        return "C1"
    if band >= 5.5:
        return "B2"
    if band >= 4.0:
        return "B1"
    if band >= 3.0:
        return "A2"
    return "A1"


def level_of(match: re.Match[str]) -> LanguageLevel | None:
    text = match.group().strip(" -:")
    if match.group("n"):
        return LanguageLevel(text, "jlpt", JLPT_TO_CEFR[f"N{match.group('n')}"])
    if match.group("toeic_score"):
        score = int(match.group("toeic_score"))
        return LanguageLevel(text, "toeic", toeic_cefr(score)) if 10 <= score <= 990 else None
    if match.group("ielts_band"):
        band = float(match.group("ielts_band").replace(",", "."))
        return LanguageLevel(text, "ielts", ielts_cefr(band)) if band <= 9 else None
    if match.group("cefr"):
        return LanguageLevel(text, "cefr", match.group("cefr").upper())
    word = match.group("word")
    return LanguageLevel(text, "words", _WORDS[word.lower()]) if word else None


def find_level(text: str, start: int, end: int) -> LanguageLevel | None:
    """The level written next to a language mention on the same line: just after it
    ("Japanese N2", "English (TOEIC 850)"), or just before it ("N2 Japanese", "fluent English")."""
    line_end = text.find("\n", end)
    line_start = text.rfind("\n", 0, start) + 1
    rest_of_line = text[start : (line_end if line_end != -1 else len(text))]
    # "English: reading documents, basic conversation": a line about the language describes its level
    labelled = not text[line_start:start].strip(" \t-*•") and text[end:].lstrip(" \t").startswith((":", "-", "–"))
    # from the mention's start, so a certificate mention reads its own score ("TOEIC 800", "JLPT N2")
    after = rest_of_line if labelled else rest_of_line[: end - start + 48]
    for match in _LEVEL.finditer(after):
        level = level_of(match)
        # a test score may stand a little further away; a plain word ("basic") must be next to it
        if level and (labelled or level.scale != "words" or match.start() <= end - start + 16):
            return level
    before = text[max(line_start, start - 24) : start]
    levels = [level for match in _LEVEL.finditer(before) if (level := level_of(match))]
    return levels[-1] if levels else None
