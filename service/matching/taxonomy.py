"""The skill taxonomy in memory: skills by slug and an alias index for the extractor.

Pure: reads plain records (the JSON of seed_data/taxonomy/skills.json, see docs/taxonomy.md).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

TECHNICAL_KINDS = frozenset({"language", "framework", "library", "database", "platform", "service", "tool", "practice"})
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "seed_data" / "taxonomy" / "skills.json"

# Latin letters (Vietnamese included) and digits start a token; + # & . continue it (C++, C#, R&D, Node.js)
TOKEN_RE = re.compile(r"\.?[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF][0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF+#&.]*")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Tiếng Nhật' -> 'tieng nhat'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) with trailing dots dropped ('Java.' at a sentence end is 'Java')."""
    found = []
    for match in TOKEN_RE.finditer(text):
        token, start = match.group(), match.start()
        stripped = token.rstrip(".")
        if stripped and stripped != ".":
            found.append((stripped, start, start + len(stripped)))
    return found


_PROVIDER_PREFIX = re.compile(r"^(?:Amazon Web Services|Amazon|AWS|Microsoft Azure|Azure|Google Cloud Platform|Google|GCP)\s+")


def _written_tokens(text: str) -> tuple[str, ...]:
    return tuple(token for token, _, _ in tokens_of(text))


@dataclass(frozen=True)
class Relation:
    type: str
    target: str


@dataclass(frozen=True)
class Skill:
    slug: str
    name: str
    kind: str
    category: str
    doc_url: str | None = None
    relations: tuple[Relation, ...] = ()
    demand: int = 0
    aliases: tuple[str, ...] = ()

    @property
    def technical(self) -> bool:
        return self.kind in TECHNICAL_KINDS

    @cached_property
    def search_keys(self) -> tuple[str, ...]:
        """Folded name and aliases, for search."""
        return (fold(self.name), *(fold(alias) for alias in self.aliases))

    def targets(self, *types: str) -> list[str]:
        return [relation.target for relation in self.relations if relation.type in types]


@dataclass(frozen=True)
class Alias:
    slug: str
    text: str
    case_sensitive: bool = False
    context: str | None = None
    tokens: tuple[str, ...] = ()  # the alias's own tokens, as written


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)


class Taxonomy:
    def __init__(self, records: Iterable[Mapping[str, Any]]):
        self.skills: dict[str, Skill] = {}
        self._root = _Node()
        self.cjk_aliases: list[Alias] = []
        for record in records:
            self._add(record)
        self._add_provider_short_names()
        self._bases: dict[str, tuple[str, ...]] = {}
        self._related: dict[str, set[str]] = {}
        for skill in self.skills.values():
            for relation in skill.relations:
                if relation.type == "related":
                    self._related.setdefault(skill.slug, set()).add(relation.target)
                    self._related.setdefault(relation.target, set()).add(skill.slug)

    def _add_provider_short_names(self) -> None:
        """'Lambda', 'S3', 'API Gateway' mean the AWS services on a line that names AWS: each cloud
        service also answers to its name without the provider, in the provider's context."""
        for skill in list(self.skills.values()):
            if skill.kind != "service":
                continue
            platforms = [slug for slug in skill.targets("part_of") if slug in self.skills and self.skills[slug].kind == "platform"]
            for platform in platforms:
                for written in (skill.name, *skill.aliases):
                    short = _PROVIDER_PREFIX.sub("", written, count=1)
                    if short == written or not short or CJK_RE.search(short):
                        continue
                    # a plain word ("Lambda", "Functions") only as written; "S3", "API Gateway" in any case
                    loose = any(ch.isdigit() for ch in short) or " " in short or short.isupper()
                    self._index(Alias(skill.slug, short, not loose, f"provider:{platform}", _written_tokens(short)))

    def _index(self, alias: Alias) -> None:
        if CJK_RE.search(alias.text):
            self.cjk_aliases.append(alias)
            return
        if not alias.tokens:
            return
        node = self._root
        for key in alias.tokens:
            node = node.children.setdefault(fold(key), _Node())
        if alias not in node.aliases:
            node.aliases.append(alias)

    def _add(self, record: Mapping[str, Any]) -> None:
        entries = [dict(alias) for alias in record.get("aliases", [])]
        if not any(entry["text"] == record["name"] for entry in entries):
            entries.insert(0, {"text": record["name"]})
        skill = Skill(
            slug=record["slug"],
            name=record["name"],
            kind=record["kind"],
            category=record["category"],
            doc_url=record.get("docUrl"),
            relations=tuple(Relation(r["type"], r["target"]) for r in record.get("relations", [])),
            demand=int(record.get("demand", 0)),
            aliases=tuple(entry["text"] for entry in entries if entry["text"] != record["name"]),
        )
        self.skills[skill.slug] = skill
        for entry in entries:
            self._index(Alias(skill.slug, entry["text"], bool(entry.get("caseSensitive")), entry.get("context"), _written_tokens(entry["text"])))

    @property
    def root(self) -> _Node:
        return self._root

    def bases(self, slug: str) -> tuple[str, ...]:
        """The skill and what it is directly part of or built on (EKS: EKS, AWS, Kubernetes)."""
        if slug not in self._bases:
            self._bases[slug] = (slug, *self.skills[slug].targets("part_of", "built_on"))
        return self._bases[slug]

    def get(self, slug: str) -> Skill | None:
        return self.skills.get(slug)

    def related(self, slug: str) -> set[str]:
        return self._related.get(slug, set())

    def ancestors(self, slug: str) -> list[str]:
        """Everything `slug` is built on or part of, transitively (Spring Boot -> Spring, Java)."""
        seen: list[str] = []
        stack = list(self.skills[slug].targets("built_on", "part_of")) if slug in self.skills else []
        while stack:
            current = stack.pop()
            if current in seen or current not in self.skills:
                continue
            seen.append(current)
            stack.extend(self.skills[current].targets("built_on", "part_of"))
        return seen

    def lookup(self, text: str) -> Skill | None:
        """The skill a short label names exactly ('k8s', 'Spring Boot'), ignoring context flags."""
        node = self._root
        for token, _, _ in tokens_of(text):
            node = node.children.get(fold(token))
            if node is None:
                return None
        for alias in node.aliases:
            if not alias.case_sensitive or alias.text == text.strip():
                return self.skills[alias.slug]
        return self.skills[node.aliases[0].slug] if node.aliases else None

    @classmethod
    def from_file(cls, path: Path) -> Taxonomy:
        return cls(json.loads(path.read_text(encoding="utf-8")))


@cache
def default_taxonomy() -> Taxonomy:
    """The product's taxonomy, read once per process."""
    return Taxonomy.from_file(DEFAULT_PATH)
