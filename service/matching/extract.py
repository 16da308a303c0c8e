"""Skill extraction: every taxonomy skill a text mentions, with character offsets.

Matching is on whole tokens, longest alias first ("React Native" before "React", "Spring Boot"
before "Spring"), case-insensitive and accent-insensitive unless an alias is case-sensitive.
Ambiguous aliases (context "tech": Go, R, C, Node, PG …) count only on a line that names other
technologies or under a skills heading. A few neighbouring words cancel a match ("Java Street",
"Ruby's cafe", "Go-Karting", "C-level", "Grade C", "Spring 2026").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from service.matching.languages import LanguageLevel, find_level
from service.matching.taxonomy import CJK_RE, Alias, Skill, Taxonomy, _Node, fold, tokens_of

# separators that may sit between the words of one alias ("CI/CD", "Spring-Boot", "React Native")
_JOINERS = re.compile(r"[ \t\-–—/_]{1,3}")
# words after a match that show it is a place, a food or an event, not a technology
_NOT_A_SKILL_AFTER = {
    "street", "st", "road", "avenue", "ave", "island", "islands", "cafe", "café", "coffee", "tea",
    "karting", "kart", "festival", "season", "beach", "park", "restaurant", "bar", "hotel", "resort",
}
# words around an ambiguous alias that make it ordinary English ("Grade C", "C-level", "C-suite")
_AMBIGUOUS_NOT_BEFORE = {
    "grade", "vitamin", "class", "type", "plan", "option", "section", "part", "level", "team",
    "series", "model", "category", "tier", "building", "block", "zone", "row", "room", "exhibit", "appendix",
}
_AMBIGUOUS_NOT_AFTER = {"level", "suite", "grade", "class", "section"}
# a spoken-language name is a language skill only with a level or a word about using the language
# nearby; otherwise it is a nationality ("Japanese architects", "a Japanese client")
_LANGUAGE_CUE_AFTER = {
    "language", "languages", "speaking", "speaker", "speakers", "skill", "skills", "communication", "proficiency",
    "ability", "abilities", "level", "writing", "written", "reading", "listening", "conversation", "certificate", "native", "fluent",
}
_LANGUAGE_CUE_BEFORE = {
    "speak", "speaks", "speaking", "fluent", "in", "native", "business", "read", "write", "written", "spoken",
    "conversational", "and", "or", "good", "excellent", "strong",
}
_YEAR = re.compile(r"(19|20)\d\d$")
_VERSION = re.compile(r"v?\d+(\.\d+)*(\.x)?\+?$", re.IGNORECASE)
_SKILL_HEADING = re.compile(
    r"\b(skills?|technolog(y|ies)|tech(nical)? stack|stack|tools?|environment|languages?|frameworks?|"
    r"platforms?|databases?|requirements?|qualifications?|must[- ]haves?|nice[- ]to[- ]haves?|preferred|"
    r"k[yỹ] n[aă]ng|c[oô]ng ngh[eệ]|y[eê]u c[aầ]u)\b",
    re.IGNORECASE,
)
_DIGIT_SUFFIX = re.compile(r"^([a-z][a-z.+#]*?)(\d[\d.x]*)$")


@dataclass
class Mention:
    text: str
    start: int
    end: int
    version: str | None = None


@dataclass
class FoundSkill:
    skill: Skill
    mentions: list[Mention] = field(default_factory=list)
    level: LanguageLevel | None = None


@dataclass
class _Resolved:
    alias: Alias
    candidate: _Candidate


@dataclass
class _Candidate:
    options: list[Alias]  # every alias the longest match can be, case rules passed
    start: int
    end: int
    first_token: int
    last_token: int

    @cached_property
    def alias(self) -> Alias:
        """The reading that needs no context when there is one (resolution may pick another)."""
        return next((option for option in self.options if not option.context), self.options[0])


@lru_cache(maxsize=65_536)
def _variants(token: str) -> tuple[str, ...]:
    """Keys a text token may match: itself, its singular, its name without a version suffix."""
    key = fold(token)
    keys = [key]
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        keys.append(key[:-1])
    version = _DIGIT_SUFFIX.match(key)
    if version and len(version.group(1)) >= 3:
        keys.append(version.group(1).rstrip("."))
    return tuple(keys)


class Extractor:
    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy

    def extract(self, text: str) -> list[FoundSkill]:
        tokens = tokens_of(text)
        candidates = self._candidates(text, tokens)
        accepted = self._resolve(text, tokens, candidates)
        found: dict[str, FoundSkill] = {}
        for resolved in accepted:
            candidate = resolved.candidate
            skill = self.taxonomy.skills[resolved.alias.slug]
            entry = found.setdefault(skill.slug, FoundSkill(skill))
            entry.mentions.append(
                Mention(text[candidate.start : candidate.end], candidate.start, candidate.end, self._version(tokens, resolved))
            )
        for alias in self.taxonomy.cjk_aliases if CJK_RE.search(text) else ():
            for match in re.finditer(re.escape(alias.text), text):
                entry = found.setdefault(alias.slug, FoundSkill(self.taxonomy.skills[alias.slug]))
                entry.mentions.append(Mention(match.group(), match.start(), match.end()))
        for entry in found.values():
            entry.mentions.sort(key=lambda mention: mention.start)
            if entry.skill.kind == "spoken_language" or self._certifies_language(entry.skill):
                entry.level = next(
                    (level for mention in entry.mentions if (level := find_level(text, mention.start, mention.end))), None
                )
        self._add_certified_languages(found)
        return sorted(found.values(), key=lambda entry: entry.mentions[0].start)

    def _certifies_language(self, skill: Skill) -> bool:
        return any(
            (target := self.taxonomy.get(slug)) is not None and target.kind == "spoken_language"
            for slug in skill.targets("certifies")
        )

    def _add_certified_languages(self, found: dict[str, FoundSkill]) -> None:
        """'JLPT N2' also says 'Japanese at N2': add the language with the certificate's level."""
        for entry in list(found.values()):
            if entry.skill.kind != "certification" or entry.level is None:
                continue
            for slug in entry.skill.targets("certifies"):
                language = self.taxonomy.get(slug)
                if language is None or language.kind != "spoken_language":
                    continue
                target = found.setdefault(slug, FoundSkill(language, mentions=list(entry.mentions)))
                if target.level is None or entry.level.rank > target.level.rank:
                    target.level = entry.level

    def _candidates(self, text: str, tokens: list[tuple[str, int, int]]) -> list[_Candidate]:
        """Longest alias match starting at each token, left to right, without overlaps."""
        root = self.taxonomy.root.children
        keys = [_variants(token) for token, _, _ in tokens]
        candidates = []
        index = 0
        while index < len(tokens):
            # most words start no alias at all: check before walking the trie
            best = self._longest(text, tokens, keys, index) if any(key in root for key in keys[index]) else None
            if best is None:
                index += 1
                continue
            candidates.append(best)
            index = best.last_token + 1
        return candidates

    def _longest(
        self, text: str, tokens: list[tuple[str, int, int]], keys: list[tuple[str, ...]], first: int
    ) -> _Candidate | None:
        best: _Candidate | None = None
        frontier: list[tuple[_Node, bool]] = [(self.taxonomy.root, True)]
        position = first
        while frontier and position < len(tokens):
            _, start, end = tokens[position]
            if position > first and not _JOINERS.fullmatch(text[tokens[position - 1][2] : start]):
                break
            next_frontier = []
            for node, exact_so_far in frontier:
                for rank, key in enumerate(keys[position]):
                    child = node.children.get(key)
                    if child is None:
                        continue
                    exact = exact_so_far and rank == 0
                    next_frontier.append((child, exact))
                    # ambiguous words match only as written: "nodes" is not Node, "Lambdas" not Lambda
                    options = [
                        alias
                        for alias in child.aliases
                        if (exact or not alias.context)
                        and (not alias.case_sensitive or (exact and self._same_case(tokens, first, position, alias)))
                    ]
                    if not options:
                        continue
                    if best is None or position > best.last_token:
                        best = _Candidate(options, tokens[first][1], end, first, position)
                    elif position == best.last_token:
                        best.options.extend(option for option in options if option not in best.options)
            frontier = next_frontier
            position += 1
        return best

    @staticmethod
    def _same_case(tokens: list[tuple[str, int, int]], first: int, last: int, alias: Alias) -> bool:
        return tuple(token for token, _, _ in tokens[first : last + 1]) == alias.tokens

    def _resolve(self, text: str, tokens: list[tuple[str, int, int]], candidates: list[_Candidate]) -> list[_Resolved]:
        """Pick each candidate's reading from what else its line names, and drop the ones that
        are ordinary words here."""
        kept = [c for c in candidates if not self._cancelled(tokens, c)]
        newlines = [match.start() for match in re.finditer("\n", text)]
        technology_lines: set[int] = set()
        platforms_by_line: dict[int, set[str]] = {}
        for candidate in kept:
            alias = candidate.alias
            skill = self.taxonomy.skills[alias.slug]
            if alias.context or not skill.technical:
                continue
            line = bisect_left(newlines, candidate.start)
            technology_lines.add(line)
            platforms_by_line.setdefault(line, set()).update(self.taxonomy.bases(skill.slug))
        accepted = []
        for candidate in kept:
            line = bisect_left(newlines, candidate.start)
            alias = self._reading(candidate, platforms_by_line.get(line, set()))
            if alias is None:
                continue
            if alias.context == "tech" and not self._tech_context(text, candidate, line in technology_lines):
                continue
            if self.taxonomy.skills[alias.slug].kind == "spoken_language" and not self._used_as_language(text, tokens, candidate, alias):
                continue
            accepted.append(_Resolved(alias, candidate))
        return accepted

    @staticmethod
    def _reading(candidate: _Candidate, platforms: set[str]) -> Alias | None:
        """A cloud service's short name when its provider is on the line ('API Gateway' next to
        AWS), else the plain reading, else an ambiguous one (checked for context by the caller)."""
        for option in candidate.options:
            if option.context and option.context.startswith("provider:") and option.context[9:] in platforms:
                return option
        for option in candidate.options:
            if not option.context:
                return option
        return next((option for option in candidate.options if option.context == "tech"), None)

    def _used_as_language(self, text: str, tokens: list[tuple[str, int, int]], candidate: _Candidate, alias: Alias) -> bool:
        if not alias.text.isascii() or alias.text != self.taxonomy.skills[alias.slug].name:
            return True  # "tiếng Nhật", "Business English" name the language itself
        if find_level(text, candidate.start, candidate.end):
            return True  # a level says it is one
        after = fold(tokens[candidate.last_token + 1][0]) if candidate.last_token + 1 < len(tokens) else ""
        before = fold(tokens[candidate.first_token - 1][0]) if candidate.first_token > 0 else ""
        if after in _LANGUAGE_CUE_AFTER or before in _LANGUAGE_CUE_BEFORE:
            return True
        line_start = text.rfind("\n", 0, candidate.start) + 1
        line = text[line_start : text.find("\n", candidate.end) if "\n" in text[candidate.end :] else len(text)]
        return bool(re.search(r"\blanguages?\b|ngoại ngữ|ngôn ngữ|語学", line, re.I)) or self._under_heading(
            text, line_start, re.compile(r"languages?|ngoại ngữ|語学", re.I)
        )

    @staticmethod
    def _cancelled(tokens: list[tuple[str, int, int]], candidate: _Candidate) -> bool:
        after = candidate.last_token + 1
        if after < len(tokens) and fold(tokens[after][0]) == "s" and tokens[after][1] - candidate.end <= 1:
            after += 1  # possessive: "Ruby's cafe"
        next_word = fold(tokens[after][0]) if after < len(tokens) else ""
        if next_word in _NOT_A_SKILL_AFTER:
            return True
        if not candidate.alias.context:
            return False
        previous = fold(tokens[candidate.first_token - 1][0]) if candidate.first_token > 0 else ""
        return previous in _AMBIGUOUS_NOT_BEFORE or next_word in _AMBIGUOUS_NOT_AFTER or bool(_YEAR.match(next_word))

    def _tech_context(self, text: str, candidate: _Candidate, line_has_technology: bool) -> bool:
        if line_has_technology:
            return True
        line_start = text.rfind("\n", 0, candidate.start) + 1
        label = text[line_start : candidate.start]
        if ":" in label and _SKILL_HEADING.search(label):
            return True
        return self._under_heading(text, line_start, _SKILL_HEADING)

    @staticmethod
    def _under_heading(text: str, line_start: int, heading: re.Pattern[str]) -> bool:
        """Whether the nearest heading above the line (skipping bullet lines) matches `heading`."""
        for previous in reversed(text[max(0, line_start - 800) : line_start].splitlines()[-8:]):
            stripped = previous.strip()
            if not stripped:
                continue
            if stripped.startswith(("-", "*", "•")):
                continue
            return len(stripped) <= 40 and bool(heading.search(stripped))
        return False

    @staticmethod
    def _version(tokens: list[tuple[str, int, int]], resolved: _Resolved) -> str | None:
        candidate = resolved.candidate
        after = candidate.last_token + 1
        if after < len(tokens) and tokens[after][1] - candidate.end <= 1 and _VERSION.match(tokens[after][0]):
            return tokens[after][0]
        written = tokens[candidate.last_token][0]
        suffix = _DIGIT_SUFFIX.match(fold(written))
        if suffix and fold(resolved.alias.text) != fold(written):
            return suffix.group(2)
        return None
