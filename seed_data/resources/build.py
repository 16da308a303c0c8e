"""Build seed_data/resources/resources.json, the learning-resource catalogue.

    python -m seed_data.resources.build [--reference DIR]

The reference folder defaults to $COPILOT_REFERENCE_DIR, else the `shared/reference` folder next to
the repository. Standard library only; deterministic (running it twice gives byte-identical output).

Sources, in the order they are merged (deduplication by URL keeps the first entry and merges skills):

1. Official documentation: one `official_docs` entry for every skill among the top 300 by `demand`
   (ties at the cut-off demand are all included) that has a `docUrl` in taxonomy/skills.json.
2. Certifications: one `certification` entry per certification skill with a `docUrl`; its skills are
   the certification itself plus the skills it `certifies`.
3. curated.json: our own hand-written `practice` entries (facts only: title, URL, provider, skills).
4. free-programming-books (EbookFoundation, CC BY 4.0): `* [Title](URL) - Author (Platform)` bullets
   under technology headings. Only facts are taken: title, URL, author and platform. Each heading is
   mapped to taxonomy slugs by matching it against skill names and aliases (case-insensitive, after
   stripping words such as "programming" and "language"); HEADING_OVERRIDES maps the few headings
   written in Japanese or Vietnamese, or worded unlike any alias. Unmappable sections are skipped.

Estimates (documented, deliberately simple):
- hours by type: see DEFAULT_HOURS; a duration in the title or note ("(1 hour)", "6 HOURS",
  "Video length 7:13:56") overrides it for courses and tutorials.
- level: "advanced" if the title says advanced / expert / deep dive / internals (or nâng cao, 上級),
  "intermediate" if it says intermediate (or 中級), else "beginner"; a title that also says
  beginner / basics / from zero ("for beginners to advanced") stays "beginner".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
SKILLS_PATH = REPOSITORY / "seed_data" / "taxonomy" / "skills.json"
CURATED_PATH = HERE / "curated.json"
OUTPUT_PATH = HERE / "resources.json"

TYPES = ("official_docs", "course", "book", "tutorial", "cheat_sheet", "certification", "practice")
LANGUAGES = ("en", "vi", "ja")
LEVELS = ("beginner", "intermediate", "advanced")
TOP_N = 300

DEFAULT_HOURS = {
    "official_docs": 6,
    "course": 10,
    "book": 20,
    "tutorial": 4,
    "cheat_sheet": 0.5,
    "certification": 40,
    "practice": 8,
}

# free-programming-books files, in merge order: (file name, type, language).
FPB_FILES = (
    ("free-courses-en.md", "course", "en"),
    ("free-courses-vi.md", "course", "vi"),
    ("free-courses-ja.md", "course", "ja"),
    ("free-programming-books-langs.md", "book", "en"),
    ("free-programming-books-subjects.md", "book", "en"),
    ("free-programming-books-ja.md", "book", "ja"),
    ("free-programming-interactive-tutorials-en.md", "tutorial", "en"),
    ("free-programming-cheatsheets.md", "cheat_sheet", "en"),
)

# Headings that matching cannot map (other scripts, or worded unlike any name or alias), mapped by
# hand. Keys are the normalised heading (lower case, anchors and escapes removed).
HEADING_OVERRIDES: dict[str, list[str]] = {
    "algorithms & data structures": ["data-structures-algorithms"],
    "data structures and algorithms": ["data-structures-algorithms"],
    "cấu trúc dữ liệu và giải thuật": ["data-structures-algorithms"],
    "機械学習": ["machine-learning"],
    "人工知能": ["artificial-intelligence"],
    "セキュリティ": ["cybersecurity"],
    "コンテナ": ["containerization"],
    "正規表現": ["regex"],
    "ネットワーキング": ["computer-networking"],
    "ソフトウェアアーキテクチャ": ["software-architecture"],
    "ソフトウェア品質": ["software-testing"],
    "組み込みシステム": ["embedded-systems"],
    "並列プログラミング": ["concurrency"],
    "アクセシビリティ": ["web-accessibility"],
    "information security": ["cybersecurity"],
    "bash / shell": ["bash"],
    "shell": ["bash"],
    "containers": ["containerization"],
    "networking": ["computer-networking"],
    "computer science": ["computer-science"],
    "theoretical computer science": ["computer-science"],
    "理論計算機科学": ["computer-science"],
    "security & privacy": ["cybersecurity"],
    "numpy pandas": ["numpy", "pandas"],
    "dbms": ["rdbms"],
    "database": ["database-design"],
    "competitive programming": ["data-structures-algorithms"],
    "web performance": ["performance-optimization"],
    "ゲーム開発": ["game-development"],
}

# Headings that would match a skill by name but mean something else in that list.
HEADING_DENY = {
    "ml",  # the ML language family (free-programming-books-ja.md), not machine learning
}

# Words stripped from headings before matching.
STRIP_WORDS = re.compile(
    r"\b(programming|program|languages?|lập trình|ngôn ngữ|tutorials?|books?|courses?)\b", re.I
)

# Parenthesised notes in a bullet's tail that are formats, licences or remarks, not platforms.
NOT_PLATFORM = re.compile(
    r"^(pdf|html|epub|mobi|kindle|azw3|odt|docx?|markdown|md|latex|tex|txt|rst|ipynb|jupyter|"
    r"web|online|video|videos|slides?|zip|gitbook|leanpub account or valid email requested|"
    r"cc|cc[ -].*|text|gfdl.*|gpl.*|mit|apache.*|bsd.*|public domain|creative commons.*|"
    r"email address.*|account.*required.*|.*\*?requires?\*?.*|.*in process.*|.*archived.*|"
    r"video length.*|\d+(\.\d+)?\s*(h|hours?|mins?|minutes?)|first \d+ chapters|draft|"
    r"interactive|course|book|ebook|free|\?+|v?\d+(\.[\dx]+)*\+?|(python|ruby|java|php) ?\d.*)$",
    re.I,
)

BULLET = re.compile(
    r"^\s*[*-]\s+\[(?P<title>(?:\\.|[^\]\\])+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)(?P<rest>.*)$"
)
HEADING = re.compile(r"^(?P<hashes>#{2,4})\s+(?P<text>.+?)\s*$")

ADVANCED = re.compile(r"\b(advanced|expert|deep[ -]dives?|internals)\b|nâng cao|上級", re.I)
INTERMEDIATE = re.compile(r"\bintermediate\b|trung cấp|中級", re.I)
BEGINNER = re.compile(
    r"\b(beginners?|basics?|easy|zero|scratch|fundamentals?|introduction|intro)\b|cơ bản|căn bản|入門|初心者",
    re.I,
)
HOURS_HINT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:\+\s*)?(hours?|hrs?|h)\b", re.I)
MINUTES_HINT = re.compile(r"\b(\d+)\s*(?:minutes?|mins?)\b", re.I)
VIDEO_LENGTH = re.compile(r"video length\s*(\d+):(\d{2}):(\d{2})", re.I)


def default_reference_dir() -> Path:
    env = os.environ.get("COPILOT_REFERENCE_DIR")
    if env:
        return Path(env)
    return REPOSITORY.parent / "shared" / "reference"


def norm_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def compact_key(text: str) -> str:
    """Looser key: only letters, digits, '+' and '#' ("React.js" -> "reactjs")."""
    return re.sub(r"[^\w+#]|_", "", text.lower())


class SkillIndex:
    def __init__(self, skills: list[dict[str, Any]]) -> None:
        self.by_slug = {s["slug"]: s for s in skills}
        # key -> list of (priority, -demand, slug); priority 0 for names, 1 for aliases.
        self.exact: dict[str, list[tuple[int, int, str]]] = {}
        self.compact: dict[str, list[tuple[int, int, str]]] = {}
        for s in skills:
            if s["kind"] == "certification":
                continue
            texts = [(0, s["name"])] + [(1, a["text"]) for a in s.get("aliases", [])]
            for prio, text in texts:
                cand = (prio, -s.get("demand", 0), s["slug"])
                self.exact.setdefault(norm_key(text), []).append(cand)
                ck = compact_key(text)
                if ck:
                    self.compact.setdefault(ck, []).append(cand)

    def lookup(self, text: str) -> str | None:
        for table, key in ((self.exact, norm_key(text)), (self.compact, compact_key(text))):
            if key and key in table:
                return min(table[key])[2]
        return None

    def map_heading(self, heading: str) -> list[str]:
        key = norm_key(heading)
        if key in HEADING_OVERRIDES:
            return list(HEADING_OVERRIDES[key])
        if key in HEADING_DENY:
            return []
        variants = [heading, STRIP_WORDS.sub(" ", heading)]
        variants += [re.sub(r"\s*\(.*?\)\s*", " ", v) for v in variants]
        for v in variants:
            v = re.sub(r"\s+", " ", v).strip(" -")
            if v:
                slug = self.lookup(v)
                if slug:
                    return [slug]
        # Compound headings: "HTML and CSS", "Bash / Shell", "Java, Kotlin".
        parts = re.split(r"\s*(?:/|,|&|\band\b|\bvà\b|・)\s*", STRIP_WORDS.sub(" ", heading))
        if len(parts) > 1:
            slugs: list[str] = []
            parts = [p for p in (re.sub(r"\s+", " ", p).strip(" -") for p in parts) if p]
            found = [self.lookup(p) for p in parts]
            if parts and all(found):  # every part must map, else the heading is skipped
                for slug in found:
                    if slug not in slugs:
                        slugs.append(slug)
                return slugs
        return []


def clean_heading(text: str) -> str:
    text = re.sub(r"<a\s+[^>]*>\s*</a>", "", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def parse_tail(rest: str) -> tuple[str | None, str | None]:
    """Return (author, platform) from the text after the link: ` - Author (Platform) (PDF)`."""
    rest = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", rest)  # inline links: keep their text
    rest = re.sub(r":[a-z_]+:", "", rest)  # emoji codes
    rest = rest.replace("*", "").replace("`", "")
    rest = re.sub(r"\btrl:\s*", "", rest)
    rest = rest.strip()
    if rest.startswith("-") or rest.startswith("–"):
        rest = rest[1:].strip()
    elif rest and not rest.startswith("("):
        return None, None
    platform = None
    for group in re.findall(r"\(([^()]*)\)", rest):
        for token in group.split(","):
            token = token.strip()
            if token and not NOT_PLATFORM.match(token):
                platform = token
                break
        if platform:
            break
    author = re.sub(r"\([^()]*\)", "", rest)
    author = re.sub(r"\s+", " ", author).strip(" -–,;:")
    return (author or None), platform


def estimate_hours(rtype: str, text: str) -> float:
    hours: float = DEFAULT_HOURS[rtype]
    if rtype in ("course", "tutorial"):
        m = VIDEO_LENGTH.search(text)
        if m:
            h, mi, _ = (int(x) for x in m.groups())
            hours = h + mi / 60
        else:
            m = HOURS_HINT.search(text)
            if m:
                hours = float(m.group(1))
            else:
                m = MINUTES_HINT.search(text)
                if m:
                    hours = int(m.group(1)) / 60
        hours = min(max(round(hours * 2) / 2, 0.5), 200)
    return int(hours) if float(hours).is_integer() else hours


def estimate_level(title: str) -> str:
    if ADVANCED.search(title):
        return "beginner" if BEGINNER.search(title) else "advanced"
    if INTERMEDIATE.search(title):
        return "beginner" if BEGINNER.search(title) else "intermediate"
    return "beginner"


def parse_fpb_file(path: Path, rtype: str, language: str, index: SkillIndex, stats: Counter,
                   unmapped: list[str]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    stack: dict[int, tuple[str, list[str]]] = {}
    current: list[str] = []
    current_heading = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        h = HEADING.match(line)
        if h:
            level = len(h.group("hashes"))
            text = clean_heading(h.group("text"))
            for deeper in [k for k in stack if k >= level]:
                del stack[deeper]
            slugs = [] if text.lower() == "index" else index.map_heading(text)
            stack[level] = (text, slugs)
            current, current_heading = slugs, text
            if level >= 3 and text.lower() != "index":
                stats["headings"] += 1
                if not slugs:
                    stats["headings_unmapped"] += 1
                    unmapped.append(f"{path.name}: {text}")
            continue
        b = BULLET.match(line)
        if not b or not current_heading or current_heading.lower() == "index":
            continue
        url = b.group("url").strip()
        if not re.match(r"^https?://", url, re.I):
            continue
        if not current:
            stats["bullets_skipped_unmapped"] += 1
            continue
        title = unescape_md(b.group("title"))
        author, platform = parse_tail(b.group("rest"))
        entries.append({
            "title": title,
            "url": url,
            "type": rtype,
            "provider": platform or author,
            "language": language,
            "free": True,
            "level": estimate_level(title),
            "hours": estimate_hours(rtype, title + " " + b.group("rest")),
            "skills": list(current),
        })
    return entries


def top_skills(skills: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ranked = sorted(skills, key=lambda s: (-s.get("demand", 0), s["slug"]))
    if len(ranked) <= TOP_N:
        return ranked
    cutoff = ranked[TOP_N - 1].get("demand", 0)
    return [s for s in ranked if s.get("demand", 0) >= cutoff]


def official_docs(skills: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    entries, missing = [], []
    for s in top_skills(skills):
        if not s.get("docUrl"):
            missing.append(s["slug"])
            continue
        entries.append({
            "title": f"{s['name']} official documentation",
            "url": s["docUrl"],
            "type": "official_docs",
            "provider": s["name"],
            "language": "en",
            "free": True,
            "level": "beginner",
            "hours": DEFAULT_HOURS["official_docs"],
            "skills": [s["slug"]],
        })
    return entries, missing


# Certification issuers by the host of the certification's docUrl.
CERT_ISSUERS = {
    "aws.amazon.com": "Amazon Web Services",
    "cloud.google.com": "Google Cloud",
    "developer.hashicorp.com": "HashiCorp",
    "education.oracle.com": "Oracle",
    "ielts.org": "IELTS",
    "itpec.org": "ITPEC",
    "learn.microsoft.com": "Microsoft",
    "training.linuxfoundation.org": "The Linux Foundation",
    "www.ets.org": "ETS",
    "www.istqb.org": "ISTQB",
    "www.jlpt.jp": "Japan Foundation / JEES",
    "www.pmi.org": "PMI",
    "www.scrum.org": "Scrum.org",
    "www.scrumalliance.org": "Scrum Alliance",
}


def certifications(skills: list[dict[str, Any]]) -> list[dict[str, Any]]:
    entries = []
    for s in sorted(skills, key=lambda s: s["slug"]):
        if s["kind"] != "certification" or not s.get("docUrl"):
            continue
        slugs = [s["slug"]]
        for r in s.get("relations", []):
            if r["type"] == "certifies" and r["target"] not in slugs:
                slugs.append(r["target"])
        entries.append({
            "title": s["name"],
            "url": s["docUrl"],
            "type": "certification",
            "provider": CERT_ISSUERS.get(s["docUrl"].split("/")[2].lower()),
            "language": "en",
            "free": False,
            "level": "intermediate",
            "hours": DEFAULT_HOURS["certification"],
            "skills": slugs,
        })
    return entries


def curated() -> list[dict[str, Any]]:
    entries = []
    for e in json.loads(CURATED_PATH.read_text(encoding="utf-8")):
        entries.append({
            "title": e["title"],
            "url": e["url"],
            "type": e.get("type", "practice"),
            "provider": e.get("provider"),
            "language": e.get("language", "en"),
            "free": e.get("free", True),
            "level": e.get("level", "beginner"),
            "hours": e.get("hours", DEFAULT_HOURS[e.get("type", "practice")]),
            "skills": list(e["skills"]),
        })
    return entries


def url_key(url: str) -> str:
    m = re.match(r"^(https?)://([^/?#]+)(.*)$", url.strip(), re.I)
    if not m:
        return url.strip()
    return f"{m.group(2).lower()}{m.group(3).rstrip('/')}"


def validate(resources: list[dict[str, Any]], slugs: set[str]) -> list[str]:
    errors = []
    fields = ("id", "title", "url", "type", "provider", "language", "free", "level", "hours", "skills")
    for r in resources:
        where = r.get("url")
        if tuple(r) != fields:
            errors.append(f"{where}: fields {list(r)}")
        if not isinstance(r["title"], str) or not r["title"].strip():
            errors.append(f"{where}: empty title")
        if not re.match(r"^https?://", r["url"]):
            errors.append(f"{where}: not http(s)")
        if r["id"] != str(uuid.uuid5(uuid.NAMESPACE_URL, r["url"])):
            errors.append(f"{where}: bad id")
        if r["type"] not in TYPES:
            errors.append(f"{where}: type {r['type']}")
        if r["language"] not in LANGUAGES:
            errors.append(f"{where}: language {r['language']}")
        if r["level"] not in LEVELS:
            errors.append(f"{where}: level {r['level']}")
        if not isinstance(r["free"], bool):
            errors.append(f"{where}: free")
        if r["provider"] is not None and not isinstance(r["provider"], str):
            errors.append(f"{where}: provider")
        if isinstance(r["hours"], bool) or not isinstance(r["hours"], (int, float)) or r["hours"] <= 0:
            errors.append(f"{where}: hours {r['hours']}")
        if not r["skills"] or any(s not in slugs for s in r["skills"]):
            errors.append(f"{where}: skills {r['skills']}")
    return errors


def build(reference: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    skills = json.loads(SKILLS_PATH.read_text(encoding="utf-8"))
    slugs = {s["slug"] for s in skills}
    index = SkillIndex(skills)
    stats: Counter = Counter()
    unmapped: list[str] = []

    docs, missing_docs = official_docs(skills)
    candidates = docs + certifications(skills) + curated()
    fpb_dir = reference / "free-programming-books"
    for name, rtype, language in FPB_FILES:
        candidates += parse_fpb_file(fpb_dir / name, rtype, language, index, stats, unmapped)

    merged: dict[str, dict[str, Any]] = {}
    for c in candidates:
        url = c["url"].strip()
        if not re.match(r"^https?://", url, re.I):
            stats["dropped_non_http"] += 1
            continue
        key = url_key(url)
        if key in merged:
            stats["duplicates_merged"] += 1
            for s in c["skills"]:
                if s not in merged[key]["skills"]:
                    merged[key]["skills"].append(s)
            continue
        merged[key] = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, url)), **c, "url": url}

    resources = sorted(merged.values(), key=lambda r: (r["id"], r["url"]))
    errors = validate(resources, slugs)
    if errors:
        raise SystemExit("invalid resources:\n  " + "\n  ".join(errors[:50]))
    report = {"stats": stats, "unmapped": unmapped, "missing_docs": missing_docs,
              "top_n_size": len(top_skills(skills))}
    return resources, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=None,
                        help="reference data folder (default: $COPILOT_REFERENCE_DIR or ../shared/reference)")
    parser.add_argument("--verbose", action="store_true", help="list unmapped headings")
    args = parser.parse_args(argv)
    reference = args.reference or default_reference_dir()
    if not (reference / "free-programming-books").is_dir():
        print(f"reference folder not found: {reference}", file=sys.stderr)
        return 2
    resources, report = build(reference)
    text = json.dumps(resources, indent=2, ensure_ascii=False) + "\n"
    OUTPUT_PATH.write_text(text, encoding="utf-8")

    stats = report["stats"]
    print(f"wrote {len(resources)} resources to {OUTPUT_PATH.relative_to(REPOSITORY)}")
    print(f"headings: {stats['headings']} seen, {stats['headings_unmapped']} unmapped "
          f"({stats['bullets_skipped_unmapped']} bullets skipped); "
          f"{stats['duplicates_merged']} duplicate URLs merged; {stats['dropped_non_http']} non-http dropped")
    print(f"top-{TOP_N} skills by demand (with ties): {report['top_n_size']}; without docUrl "
          f"({len(report['missing_docs'])}): {', '.join(report['missing_docs'])}")
    if args.verbose:
        for h in report["unmapped"]:
            print(f"  unmapped heading: {h}")
    by_type = Counter(r["type"] for r in resources)
    by_lang = Counter(r["language"] for r in resources)
    print("by type: " + ", ".join(f"{t}={by_type[t]}" for t in TYPES))
    print("by language: " + ", ".join(f"{l}={by_lang[l]}" for l in LANGUAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
