"""Build seed_data/taxonomy/skills.json from the public reference data and curated.toml.

    python -m seed_data.taxonomy.build [--reference DIR] [--check]

The reference folder defaults to $COPILOT_REFERENCE_DIR, else the `shared/reference` folder next to
the repository. The script uses the standard library only and is deterministic: running it twice
gives byte-identical output. What it takes from each source (facts only, never description text):

- GitHub Linguist (languages.yml, popular.yml): language names, aliases, the "popular" flag.
- GitHub Explore (topics.jsonl): display names, aliases (topic slugs), official-site URLs.
- O*NET 29.2 Technology Skills: technology names (to link them), Hot Technology / In Demand flags and
  how many computer occupations list them (a demand signal).
- ESCO v1.2.0: preferred and alternative labels of transversal (soft) skills, language skills and a
  few ICT knowledge concepts (methodologies), linked by hand.

curated.toml always wins: it gives every skill its kind and category, canonical names and slugs,
relations, alias flags, demand, and the deny lists. Every Explore topic must be either used by a
curated skill or denied, and so must every O*NET technology flagged Hot or In Demand, and every
Linguist "popular" language: nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
CURATED_PATH = HERE / "curated.toml"
OUTPUT_PATH = HERE / "skills.json"

KINDS = (
    "language", "framework", "library", "database", "platform", "service", "tool", "practice",
    "methodology", "domain", "soft_skill", "spoken_language", "certification",
)
TECHNICAL_KINDS = ("language", "framework", "library", "database", "platform", "service", "tool", "practice")
CATEGORIES = (
    "backend", "frontend", "mobile", "data", "ai_ml", "devops", "cloud", "testing", "database",
    "architecture", "security", "embedded", "project_management", "business", "collaboration",
    "language", "general",
)
RELATION_TYPES = ("part_of", "built_on", "related", "certifies")
HIERARCHY_TYPES = ("part_of", "built_on")
SOURCE_ORDER = ("github-linguist", "github-explore", "onet", "esco", "curated")
CONTEXTS = ("tech",)
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s]+$")

# Explore aliases are GitHub topic slugs; these words mark a slug that names a kind of repository
# (a tutorial, a plugin, an API client ...) rather than another way of writing the skill.
REPOSITORY_WORDS = frozenset("""
    action actions addon addons algorithm algorithms answer answers api apis app application
    applications apps awesome bot bots boilerplate challenge challenges cheatsheet cli client code
    config configuration configurations demo demos example examples experiments extension extensions
    guide guides library libraries list lists model models module modules package packages papers
    plugin plugins project projects questions resource resources sample samples script scripts
    snippet snippets solutions starter template templates theme themes tool tools tutorial tutorials
    website widget widgets
""".split())

SKILL_KEYS = frozenset({
    "name", "kind", "category", "aliases", "doc", "demand", "boost", "part_of", "built_on",
    "related", "certifies", "explore", "linguist", "onet", "esco", "esco_alt", "drop_aliases",
})


class BuildError(Exception):
    """The reference data and curated.toml do not add up to a valid taxonomy."""


# --------------------------------------------------------------------------------------------
# reference loaders


def load_explore(reference: Path) -> dict[str, dict[str, Any]]:
    topics: dict[str, dict[str, Any]] = {}
    with (reference / "github-explore-topics" / "topics.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            aliases = [a.strip() for a in (row.get("aliases") or "").split(",") if a.strip()]
            topics[row["topic"]] = {
                "name": (row.get("display_name") or row["topic"]).strip(),
                "aliases": aliases,
                "url": (row.get("url") or "").strip() or None,
            }
    return topics


def _yaml_scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return text


def load_linguist(reference: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The small subset of languages.yml we need: name, type, aliases, group (a line parser)."""
    languages: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    field: str | None = None
    with (reference / "github-linguist" / "languages.yml").open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#") or line == "---":
                continue
            if not line.startswith(" "):
                name = _yaml_scalar(line[:-1] if line.endswith(":") else line)
                current = languages.setdefault(name, {"aliases": []})
                field = None
                continue
            if current is None:
                continue
            match = re.match(r"^  ([a-z_]+):\s*(.*)$", line)
            if match:
                field, value = match.group(1), match.group(2)
                if value:
                    current[field] = _yaml_scalar(value)
                elif field == "aliases":
                    current["aliases"] = []
                continue
            match = re.match(r"^  - (.*)$", line)
            if match and field == "aliases":
                current["aliases"].append(_yaml_scalar(match.group(1)))
    popular: list[str] = []
    with (reference / "github-linguist" / "popular.yml").open(encoding="utf-8") as handle:
        for raw in handle:
            match = re.match(r"^- (.*)$", raw.strip())
            if match:
                popular.append(_yaml_scalar(match.group(1)))
    return languages, popular


def load_onet(reference: Path) -> dict[str, dict[str, Any]]:
    technologies: dict[str, dict[str, Any]] = {}
    path = reference / "onet-29.2-technology-skills" / "Technology_Skills.txt"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = row["Example"].strip()
            entry = technologies.setdefault(
                name, {"hot": False, "in_demand": False, "occupations": set(), "computer": set()}
            )
            entry["hot"] |= row["Hot Technology"].strip() == "Y"
            entry["in_demand"] |= row["In Demand"].strip() == "Y"
            soc = row["O*NET-SOC Code"].strip()
            entry["occupations"].add(soc)
            if soc.startswith("15-12"):
                entry["computer"].add(soc)
    return technologies


def _split_labels(text: str) -> list[str]:
    return [label.strip() for label in re.split(r"\s\|\s|\n", text or "") if label.strip()]


def load_esco(reference: Path) -> dict[str, dict[str, Any]]:
    concepts: dict[str, dict[str, Any]] = {}
    folder = reference / "esco-v1.2.0-en"
    for filename in (
        "transversalSkillsCollection_en.csv",
        "languageSkillsCollection_en.csv",
        "digitalSkillsCollection_en.csv",
    ):
        with (folder / filename).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                label = row["preferredLabel"].strip()
                if label and label not in concepts:
                    concepts[label] = {"uri": row["conceptUri"].strip(), "alt": _split_labels(row["altLabels"])}
    return concepts


# --------------------------------------------------------------------------------------------
# helpers


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def compact(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", text.casefold())


def alias_entry(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, str):
        entry: dict[str, Any] = {"text": value}
    elif isinstance(value, dict):
        unknown = set(value) - {"text", "caseSensitive", "context"}
        if unknown or "text" not in value:
            raise BuildError(f"{where}: bad alias {value!r}")
        entry = {"text": value["text"]}
        if value.get("caseSensitive"):
            entry["caseSensitive"] = True
        if value.get("context"):
            if value["context"] not in CONTEXTS:
                raise BuildError(f"{where}: unknown alias context {value['context']!r}")
            entry["context"] = value["context"]
    else:
        raise BuildError(f"{where}: bad alias {value!r}")
    entry["text"] = " ".join(str(entry["text"]).split())
    if not entry["text"]:
        raise BuildError(f"{where}: empty alias")
    return entry


def as_list(value: Any) -> list[Any]:
    if value is None or value is False:
        return []
    return list(value) if isinstance(value, list) else [value]


# --------------------------------------------------------------------------------------------
# curated file


def load_curated(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    deny = data.get("deny", {})
    skills: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for bundle_id, bundle in data.get("bundles", {}).items():
        defaults = bundle.get("defaults", {})
        for slug, spec in bundle.get("skills", {}).items():
            where = f"curated.toml bundles.{bundle_id}.skills.{slug}"
            if slug in skills:
                raise BuildError(f"{where}: slug defined twice")
            unknown = (set(spec) | set(defaults)) - SKILL_KEYS
            if unknown:
                raise BuildError(f"{where}: unknown keys {sorted(unknown)}")
            merged = dict(defaults)
            merged.update(spec)
            merged["_where"] = where
            merged["_explicit_demand"] = "demand" in spec or "demand" in defaults
            skills[slug] = merged
            order.append(slug)
    return {
        "skills": skills,
        "order": order,
        "deny_explore": set(deny.get("explore", [])),
        "deny_onet": set(deny.get("onet", [])),
        "deny_alias": {fold(a) for a in deny.get("alias", [])},
        "deny_linguist": set(deny.get("linguist", [])),
    }


# --------------------------------------------------------------------------------------------
# build


def build(reference: Path, curated_path: Path = CURATED_PATH) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    explore = load_explore(reference)
    linguist, popular = load_linguist(reference)
    onet = load_onet(reference)
    esco = load_esco(reference)
    curated = load_curated(curated_path)
    specs: dict[str, dict[str, Any]] = curated["skills"]
    errors: list[str] = []
    report: dict[str, Any] = {"dropped_aliases": Counter(), "conflicts": []}

    # ---- link reference entries to curated skills
    explore_link: dict[str, str] = {}
    linguist_link: dict[str, str] = {}
    onet_link: dict[str, str] = {}
    for slug in curated["order"]:
        spec = specs[slug]
        where = spec["_where"]
        if "explore" in spec:
            topics = as_list(spec["explore"])
        else:
            topics = [slug] if slug in explore else []
        for topic in topics:
            if topic not in explore:
                errors.append(f"{where}: unknown Explore topic {topic!r}")
            elif topic in curated["deny_explore"]:
                errors.append(f"{where}: Explore topic {topic!r} is also denied")
            elif topic in explore_link:
                errors.append(f"{where}: Explore topic {topic!r} already used by {explore_link[topic]}")
            else:
                explore_link[topic] = slug
        spec["_explore"] = [topic for topic in topics if topic in explore]
        if spec.get("linguist"):
            language = spec["linguist"]
            if language not in linguist:
                errors.append(f"{where}: unknown Linguist language {language!r}")
            elif language in linguist_link:
                errors.append(f"{where}: Linguist language {language!r} already used by {linguist_link[language]}")
            else:
                linguist_link[language] = slug
        for name in as_list(spec.get("onet")):
            if name not in onet:
                errors.append(f"{where}: unknown O*NET technology {name!r}")
            elif name in curated["deny_onet"]:
                errors.append(f"{where}: O*NET technology {name!r} is also denied")
            elif name in onet_link:
                errors.append(f"{where}: O*NET technology {name!r} already used by {onet_link[name]}")
            else:
                onet_link[name] = slug
        for label in as_list(spec.get("esco")):
            if label not in esco:
                errors.append(f"{where}: unknown ESCO concept {label!r}")
        for label in as_list(spec.get("esco_alt")):
            if not any(label in esco.get(concept, {}).get("alt", []) for concept in as_list(spec.get("esco"))):
                errors.append(f"{where}: {label!r} is not an alternative label of its ESCO concept")

    # automatic links by exact (case-folded) name: Linguist languages, O*NET technologies
    by_name: dict[str, str] = {}
    for slug in curated["order"]:
        spec = specs[slug]
        name = spec.get("name") or (explore[spec["_explore"][0]]["name"] if spec["_explore"] else None)
        if name:
            by_name.setdefault(fold(name), slug)
    for language in sorted(linguist):
        slug = by_name.get(fold(language))
        if slug and language not in linguist_link and "linguist" not in specs[slug]:
            linguist_link[language] = slug
            specs[slug]["linguist"] = language
    for technology in sorted(onet):
        slug = by_name.get(fold(technology))
        if slug and technology not in onet_link and technology not in curated["deny_onet"]:
            onet_link[technology] = slug

    for topic in sorted(explore):
        if topic not in explore_link and topic not in curated["deny_explore"]:
            errors.append(f"Explore topic {topic!r} ({explore[topic]['name']}) is neither used nor denied")
    for topic in sorted(curated["deny_explore"] - set(explore)):
        errors.append(f"deny.explore: unknown topic {topic!r}")
    for technology in sorted(onet):
        flagged = onet[technology]["hot"] or onet[technology]["in_demand"]
        if flagged and technology not in onet_link and technology not in curated["deny_onet"]:
            errors.append(f"O*NET Hot/In Demand technology {technology!r} is neither used nor denied")
    for technology in sorted(curated["deny_onet"] - set(onet)):
        errors.append(f"deny.onet: unknown technology {technology!r}")
    for language in popular:
        if language not in linguist_link and language not in curated["deny_linguist"]:
            errors.append(f"Linguist popular language {language!r} is neither used nor denied")
    if errors:
        raise BuildError("\n".join(errors))

    onet_by_skill: dict[str, list[str]] = defaultdict(list)
    for technology, slug in onet_link.items():
        onet_by_skill[slug].append(technology)

    # ---- assemble skills
    skills: dict[str, dict[str, Any]] = {}
    for slug in curated["order"]:
        spec = specs[slug]
        where = spec["_where"]
        sources: set[str] = {"curated"}
        topics = spec["_explore"]
        language = spec.get("linguist") or None
        technologies = sorted(onet_by_skill.get(slug, []))
        if topics:
            sources.add("github-explore")
        if language:
            sources.add("github-linguist")
        if technologies:
            sources.add("onet")
        if spec.get("esco"):
            sources.add("esco")

        name = spec.get("name") or (explore[topics[0]]["name"] if topics else None) or language
        if not name:
            errors.append(f"{where}: no name")
            continue
        name = " ".join(name.split())

        # aliases: curated first (they win on flags), then reference aliases, filtered
        drop = {fold(a) for a in as_list(spec.get("drop_aliases"))}
        entries: list[dict[str, Any]] = []
        seen: set[str] = set()
        for value in as_list(spec.get("aliases")):
            entry = alias_entry(value, where)
            key = fold(entry["text"])
            if key in seen:
                errors.append(f"{where}: alias {entry['text']!r} given twice")
                continue
            if key == fold(name) and "context" not in entry and "caseSensitive" not in entry:
                errors.append(f"{where}: alias {entry['text']!r} repeats the name")
                continue
            seen.add(key)
            entry["_origin"] = "curated"
            entries.append(entry)

        candidates: list[tuple[str, str]] = []
        for topic in topics:
            display = explore[topic]["name"]
            match = re.fullmatch(r"(.+?)\s*\((.+)\)", display)
            for part in (match.groups() if match else (display,)):
                if fold(part) not in ("disambiguation", "software"):
                    candidates.append((part, "github-explore"))
            candidates += [(alias.replace("-", " ").replace("_", " "), "github-explore") for alias in explore[topic]["aliases"]]
        if language:
            candidates += [(alias, "github-linguist") for alias in linguist[language]["aliases"]]
            if fold(language) != fold(name):
                candidates.append((language, "github-linguist"))
        for label in as_list(spec.get("esco")):
            if fold(label) != fold(name):
                candidates.append((label, "esco"))
        for label in as_list(spec.get("esco_alt")):
            candidates.append((label, "esco"))

        bases = {compact(name), compact(slug)} | {compact(topic) for topic in topics}
        bases |= {compact(c) for c, _ in candidates if not re.search(r"\d$", c)}
        bases |= {compact(e["text"]) for e in entries}
        for text, origin in candidates:
            text = " ".join(text.split())
            key = fold(text)
            reason = None
            if key in seen or key == fold(name):
                continue  # already there (curated flags win)
            if key in drop:
                reason = "curated drop"
            elif key in curated["deny_alias"]:
                reason = "ordinary word"
            elif len(compact(text)) <= 2:
                reason = "too short"
            elif origin == "github-explore" and set(key.split()) & REPOSITORY_WORDS:
                reason = "repository-type slug"
            else:
                match = re.fullmatch(r"(.+?)v?\d+", compact(text))
                if match and match.group(1) in bases:
                    reason = "version variant"
            if reason:
                report["dropped_aliases"][reason] += 1
                continue
            seen.add(key)
            entries.append({"text": text, "_origin": origin})

        doc = spec.get("doc") or next((explore[t]["url"] for t in topics if explore[t]["url"]), None)
        if doc and not URL_RE.match(doc):
            errors.append(f"{where}: bad doc URL {doc!r}")

        relations: list[dict[str, str]] = []
        for relation in RELATION_TYPES:
            for target in as_list(spec.get(relation)):
                item = {"type": relation, "target": target}
                if item not in relations:
                    relations.append(item)

        if spec["_explicit_demand"]:
            demand = spec["demand"]
        else:
            signals = [onet[t] for t in technologies]
            demand = {"methodology": 25, "domain": 25, "spoken_language": 15}.get(spec.get("kind"), 20)
            if topics:
                demand += 3
            if language and language in popular:
                demand += 8
            if any(s["hot"] for s in signals):
                demand += 10
            if any(s["in_demand"] for s in signals):
                demand += 6
            demand += min(10, max((len(s["computer"]) for s in signals), default=0) // 2)
            demand = max(1, min(59, demand + int(spec.get("boost", 0))))

        skills[slug] = {
            "slug": slug,
            "name": name,
            "kind": spec.get("kind"),
            "category": spec.get("category"),
            "aliases": entries,
            "docUrl": doc,
            "relations": relations,
            "demand": demand,
            "sources": [s for s in SOURCE_ORDER if s in sources],
            "_where": where,
        }

    if errors:
        raise BuildError("\n".join(errors))

    resolve_alias_conflicts(skills, report)
    validate(skills)

    output = []
    for slug in sorted(skills):
        skill = skills[slug]
        record: dict[str, Any] = {
            "slug": slug,
            "name": skill["name"],
            "kind": skill["kind"],
            "category": skill["category"],
            "aliases": [{k: v for k, v in e.items() if not k.startswith("_")} for e in skill["aliases"]],
        }
        if skill["docUrl"]:
            record["docUrl"] = skill["docUrl"]
        record["relations"] = skill["relations"]
        record["demand"] = skill["demand"]
        record["sources"] = skill["sources"]
        output.append(record)

    report["alias_origins"] = {slug: [(e["text"], e["_origin"]) for e in skill["aliases"]] for slug, skill in skills.items()}
    report["explore_used"] = len(explore_link)
    report["explore_denied"] = len(curated["deny_explore"])
    report["explore_total"] = len(explore)
    report["linguist_used"] = len(linguist_link)
    report["onet_used"] = len(onet_link)
    report["onet_denied"] = len(curated["deny_onet"])
    report["onet_flagged"] = sum(1 for t in onet.values() if t["hot"] or t["in_demand"])
    report["esco_used"] = sum(len(as_list(s.get("esco"))) for s in specs.values())
    return output, report


def entry_keys(skill: dict[str, Any]) -> list[dict[str, Any]]:
    """Every matchable text of a skill: the name (unless an alias entry re-flags it) and its aliases."""
    entries = list(skill["aliases"])
    if not any(fold(e["text"]) == fold(skill["name"]) for e in entries):
        entries.insert(0, {"text": skill["name"], "_origin": "name"})
    return entries


def clashing(holders: list[tuple[str, dict[str, Any]]]) -> bool:
    """Do these entries (one case-folded text, no context flag) make the text ambiguous?"""
    slugs = {slug for slug, _ in holders}
    if len(slugs) < 2:
        return False
    if any(not entry.get("caseSensitive") for _, entry in holders):
        return True
    by_text: dict[str, set[str]] = defaultdict(set)
    for slug, entry in holders:
        by_text[entry["text"]].add(slug)
    return any(len(owners) > 1 for owners in by_text.values())


def resolve_alias_conflicts(skills: dict[str, dict[str, Any]], report: dict[str, Any]) -> None:
    """An alias (case-folded, or exact when case-sensitive) must belong to one skill, unless it carries
    a context flag. Reference aliases lose to names and curated aliases; other clashes are errors."""
    # a reference alias may not even share its text with another skill's context-flagged entry
    owners: dict[str, set[str]] = defaultdict(set)
    for slug, skill in skills.items():
        for entry in entry_keys(skill):
            owners[fold(entry["text"])].add(slug)
    for slug in sorted(skills):
        for entry in list(skills[slug]["aliases"]):
            if entry["_origin"] not in ("curated", "name") and owners[fold(entry["text"])] - {slug}:
                skills[slug]["aliases"].remove(entry)
                report["conflicts"].append(f"{entry['text']!r} dropped from {slug}")
    for _ in range(3):
        index: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for slug in sorted(skills):
            for entry in entry_keys(skills[slug]):
                if "context" not in entry:
                    index[fold(entry["text"])].append((slug, entry))
        changed = False
        errors = []
        for key in sorted(index):
            holders = index[key]
            if not clashing(holders):
                continue
            weak = [(slug, e) for slug, e in holders if e["_origin"] not in ("curated", "name")]
            if weak:
                for slug, entry in weak:
                    skills[slug]["aliases"].remove(entry)
                    report["conflicts"].append(f"{entry['text']!r} dropped from {slug}")
                changed = True
            else:
                names = ", ".join(f"{slug} ({e['_origin']})" for slug, e in holders)
                errors.append(f"alias {key!r} is claimed by {names}")
        if errors:
            raise BuildError("\n".join(errors))
        if not changed:
            return
    raise BuildError("alias conflicts did not settle")


def validate(skills: dict[str, dict[str, Any]]) -> None:
    errors: list[str] = []
    for slug, skill in skills.items():
        where = skill["_where"]
        if not SLUG_RE.match(slug):
            errors.append(f"{where}: bad slug")
        if skill["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {skill['kind']!r}")
        if skill["category"] not in CATEGORIES:
            errors.append(f"{where}: bad category {skill['category']!r}")
        if not isinstance(skill["demand"], int) or not 0 <= skill["demand"] <= 100:
            errors.append(f"{where}: bad demand {skill['demand']!r}")
        for relation in skill["relations"]:
            target = relation["target"]
            if target not in skills:
                errors.append(f"{where}: {relation['type']} target {target!r} does not exist")
            elif target == slug:
                errors.append(f"{where}: relation to itself")
            if relation["type"] == "certifies" and skill["kind"] != "certification":
                errors.append(f"{where}: only certifications certify")
            if relation["type"] == "related" and target in skills and any(
                r["type"] == "related" and r["target"] == slug for r in skills[target]["relations"]
            ) and slug > target:
                errors.append(f"{where}: related to {target} is written on both sides")
        if skill["kind"] == "certification" and not any(r["type"] == "certifies" for r in skill["relations"]):
            errors.append(f"{where}: a certification must certify a skill")
    if errors:
        raise BuildError("\n".join(errors))

    # no cycle along built_on + part_of
    state: dict[str, int] = {}

    def visit(slug: str, path: list[str]) -> None:
        state[slug] = 1
        for relation in skills[slug]["relations"]:
            if relation["type"] not in HIERARCHY_TYPES:
                continue
            target = relation["target"]
            if state.get(target) == 1:
                raise BuildError("cycle: " + " -> ".join(path + [slug, target]))
            if target not in state:
                visit(target, path + [slug])
        state[slug] = 2

    for slug in sorted(skills):
        if slug not in state:
            visit(slug, [])


def render(skills: list[dict[str, Any]]) -> str:
    return json.dumps(skills, indent=2, ensure_ascii=False) + "\n"


def default_reference() -> Path:
    env = os.environ.get("COPILOT_REFERENCE_DIR")
    return Path(env) if env else REPOSITORY.parent / "shared" / "reference"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seed_data.taxonomy.build", description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=None, help="reference data folder (default: $COPILOT_REFERENCE_DIR or ../shared/reference)")
    parser.add_argument("--check", action="store_true", help="exit 1 if skills.json is not what the build produces")
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    reference = args.reference or default_reference()
    if not (reference / "github-explore-topics" / "topics.jsonl").is_file():
        print(f"reference data not found in {reference}", file=sys.stderr)
        return 2
    try:
        skills, report = build(reference)
    except BuildError as error:
        print(f"taxonomy build failed:\n{error}", file=sys.stderr)
        return 1
    text = render(skills)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python -m seed_data.taxonomy.build", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(skills)} skills)")
        return 0
    args.output.write_text(text, encoding="utf-8")

    kinds = Counter(s["kind"] for s in skills)
    sources = Counter(source for s in skills for source in s["sources"])
    print(f"wrote {args.output} with {len(skills)} skills")
    print("by kind: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    print("skills with facts from: " + ", ".join(f"{s} {sources[s]}" for s in SOURCE_ORDER))
    print(
        f"Explore topics used {report['explore_used']}, denied {report['explore_denied']} of {report['explore_total']}; "
        f"Linguist languages used {report['linguist_used']}; O*NET technologies linked {report['onet_used']}, "
        f"denied {report['onet_denied']} (of {report['onet_flagged']} flagged Hot/In Demand); ESCO concepts {report['esco_used']}"
    )
    dropped = report["dropped_aliases"]
    print("reference aliases dropped: " + ", ".join(f"{reason} {n}" for reason, n in sorted(dropped.items())))
    if report["conflicts"]:
        print(f"reference aliases dropped as clashing with another skill: {len(report['conflicts'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
