"""Study plans: the gaps of a gap report turned into study items in prerequisite order, cut to
the time left before the interview, and scheduled as sessions within the hours per week.

Pure: the report comes in as its stored JSON, the person's known skills as slugs.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from service.matching.gaps import ALTERNATIVES, substitutes
from service.matching.taxonomy import TECHNICAL_KINDS, Taxonomy

SLOT = 15  # minutes: every allotment and session is a multiple of this
# hours to reach interview-ready basics from zero, by the skill's kind
BASE_HOURS = {
    "language": 24, "framework": 20, "platform": 16, "database": 12, "library": 8, "practice": 8,
    "service": 6, "tool": 6, "domain": 6, "methodology": 4, "soft_skill": 2, "spoken_language": 4,
    "certification": 20,
}
TOPIC_HOURS = 4
# share of the base hours an item needs by what the person brings; new skills and prerequisites take them whole
FACTORS = {"bridge": 0.5, "deepen": 0.4, "refresh": 0.3}
# when time is short an item keeps its essentials: this share of it, and no more than an
# overview of this many hours that the person can speak to in the interview
ESSENTIALS, OVERVIEW_HOURS = 0.4, 3.0
TIERS = {0: "missing must-have", 1: "must-have met in part", 2: "nice-to-have"}
DAY_BY_DAY_UP_TO = 14  # horizons up to this many days are scheduled day by day
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_GOALS = {
    "language": (
        "You can write and run a small {name} program that reads input, uses the standard collections and handles errors.",
        "You can explain {name}'s type system and memory model, and how they differ from a language you know.",
        "You can name the build, test and packaging tools a {name} team uses day to day.",
    ),
    "framework": (
        "You can build a small {name} application end to end: set-up, one feature backed by data, and a test.",
        "You can explain step by step how {name} handles a request or renders a view.",
        "You can name common mistakes with {name} and how to avoid them.",
    ),
    "library": (
        "You can add {name} to a project and use its main API in a worked example.",
        "You can say when {name} is the right choice and what you would use instead.",
    ),
    "database": (
        "You can design a small schema in {name} and write queries that join, filter and aggregate it.",
        "You can add an index for a slow query and read the query plan to show it helps.",
        "You can explain transactions, isolation and backups in {name}.",
    ),
    "platform": (
        "You can deploy a small service on {name} and explain each piece you used.",
        "You can explain {name}'s core concepts and how they fit together.",
        "You can describe how you would monitor it and find the cause of a failure.",
    ),
    "service": (
        "You can set up {name} for a small use case and explain its limits and cost model.",
        "You can say when to use {name} and what the alternatives are.",
    ),
    "tool": (
        "You can use {name} for the daily tasks of the client's team.",
        "You can configure {name} for a small project and fix a typical failure.",
    ),
    "practice": (
        "You can explain {name} in your own words with an example.",
        "You can apply {name} in a small exercise and name the trade-offs it brings.",
    ),
    "methodology": (
        "You can describe the roles, events and artefacts of {name} and your part in them.",
        "You can tell how a sprint or release went in a {name} team, with a real example.",
    ),
    "domain": (
        "You can explain the main concepts and vocabulary of {name} and the typical systems in it.",
        "You can name the rules or regulations that shape software in {name}.",
    ),
    "soft_skill": ("You can tell a true STAR story (situation, task, action, result) that shows {name}.",),
    "spoken_language": (
        "You can introduce yourself and your latest project in {name} in two minutes.",
        "You can answer three common interview questions in {name} without notes.",
    ),
    "certification": (
        "You know the {name} exam's format, topics and price, and have a date to sit it.",
        "You can answer sample questions on its two heaviest topics.",
    ),
}
_DEEPEN_GOAL = "You can tell how you used {name} in your projects with numbers: scale, time saved, results."


@dataclass
class PlanItem:
    key: str
    title: str
    skill: str | None
    kind: str  # learn, bridge, deepen, refresh, prerequisite, practice, topic
    importance: str
    tier: int
    reason: str
    hours: float
    requirements: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    builds_on: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    query: str = ""

    @property
    def minimum_hours(self) -> float:
        return _to_hours(_slots(min(self.hours * ESSENTIALS, OVERVIEW_HOURS)) * SLOT)


@dataclass
class LeftOut:
    key: str
    title: str
    hours: float
    reason: str
    cause: str = "time"  # or "not_studyable": a degree, years of experience


@dataclass
class Allotment:
    item: PlanItem
    minutes: int


@dataclass
class Session:
    day: date
    start_minute: int  # minutes after midnight
    minutes: int
    key: str
    title: str


def requirement_key(text: str) -> str:
    return "req:" + hashlib.sha1(text.strip().lower().encode()).hexdigest()[:12]


def _slots(hours: float) -> int:
    return max(1, round(hours * 60 / SLOT))


def _to_hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def _goals(kind: str, name: str, requirement: str | None = None) -> list[str]:
    goals = [goal.format(name=name) for goal in _GOALS.get(kind, _GOALS["practice"])]
    if requirement:
        goals.append(f"You can explain how you meet {_quote(requirement)}, with an example.")
    return goals


class _Builder:
    def __init__(self, known: Collection[str], taxonomy: Taxonomy):
        self.known = set(known)
        self.taxonomy = taxonomy
        self.items: dict[str, PlanItem] = {}
        self.left_out: list[LeftOut] = []

    def add(self, item: PlanItem) -> PlanItem:
        existing = self.items.get(item.key)
        if existing is None:
            self.items[item.key] = item
            return item
        # the same skill asked twice: keep the most urgent reading of it, and all its requirements
        if (item.tier, -item.hours) < (existing.tier, -existing.hours):
            item.requirements = _merge(item.requirements, existing.requirements)
            self.items[item.key] = item
            return item
        existing.requirements = _merge(existing.requirements, item.requirements)
        return existing

    def skill_item(self, entry: Mapping[str, Any], requirement: Mapping[str, Any], tier: int) -> None:
        skill = self.taxonomy.get(entry["slug"])
        if skill is None:
            return
        status, text = entry["status"], requirement["text"]
        base = BASE_HOURS.get(skill.kind, TOPIC_HOURS)
        goals = _goals(skill.kind, skill.name)
        builds_on: list[str] = []
        if skill.kind == "spoken_language":
            kind, hours = "practice", base
            reason = (entry.get("note") or f"{skill.name} is asked") + (
                "; a level takes months to raise, so this prepares the interview itself in the language"
            )
        elif status == "transferable":
            kind, hours = "bridge", base * FACTORS["bridge"]
            builds_on = [entry["via"]] if entry.get("via") else []
            reason = f"{entry.get('via') or 'A related skill'} is on record: learn what {skill.name} does differently"
        elif status == "partial":
            stale = "last used" in (entry.get("note") or "")
            kind = "refresh" if stale and not entry.get("requiredYears") else "deepen"
            hours = base * FACTORS[kind]
            reason = entry.get("note") or f"{skill.name} is met in part"
            goals = [_DEEPEN_GOAL.format(name=skill.name), *goals[1:]]
        else:
            kind, hours = "learn", base
            near = self._known_substitute(skill.slug)
            if near:
                kind, hours, builds_on = "bridge", base * FACTORS["bridge"], [near]
                reason = f"No {skill.name} on record; you know {near}: learn what differs"
            else:
                reason = f"No {skill.name} on record"
        if kind in ("learn", "bridge"):
            builds_on += [self.taxonomy.skills[slug].name for slug in self._bases(skill.slug) if slug in self.known]
        item = self.add(
            PlanItem(
                key=skill.slug,
                title=skill.name,
                skill=skill.slug,
                kind=kind,
                importance=requirement["importance"],
                tier=tier,
                reason=f"{reason} ({TIERS[tier]}).",
                hours=_to_hours(_slots(hours) * SLOT),
                requirements=[text],
                builds_on=_merge(builds_on, []),
                goals=goals + [f"You can explain how you would meet {_quote(text)}."],
                query=f"{skill.name}: {text}",
            )
        )
        if item.kind in ("learn", "bridge"):
            self.prerequisites(item, depth=0)

    def _bases(self, slug: str) -> list[str]:
        """What must come first: what the skill is built on, and the platform it is part of
        (Kubernetes and AWS before EKS; Java before Spring Boot, but not Spring before it)."""
        skill = self.taxonomy.skills[slug]
        bases = skill.targets("built_on")
        bases += [t for t in skill.targets("part_of") if t in self.taxonomy.skills and self.taxonomy.skills[t].kind == "platform"]
        return [slug for slug in bases if slug in self.taxonomy.skills and self.taxonomy.skills[slug].kind in TECHNICAL_KINDS]

    def _known_substitute(self, slug: str) -> str | None:
        wanted = self.taxonomy.skills[slug]
        for related in sorted(self.taxonomy.related(slug)):
            if related in self.known and substitutes(wanted, self.taxonomy.get(related)):
                return self.taxonomy.skills[related].name
        return None

    def prerequisites(self, item: PlanItem, depth: int) -> None:
        if depth >= 3 or item.skill is None:
            return
        for slug in self._bases(item.skill):
            if slug in self.known:
                continue
            base = self.taxonomy.skills[slug]
            existing = self.items.get(slug)
            if existing is None:
                existing = self.add(
                    PlanItem(
                        key=slug,
                        title=base.name,
                        skill=slug,
                        kind="prerequisite",
                        importance=item.importance,
                        tier=item.tier,
                        reason=f"{item.title} builds on {base.name}, which is not on record.",
                        hours=_to_hours(_slots(BASE_HOURS.get(base.kind, TOPIC_HOURS)) * SLOT),
                        goals=_goals(base.kind, base.name),
                        query=f"{base.name} fundamentals for {item.title}",
                    )
                )
                self.prerequisites(existing, depth + 1)
            if slug not in item.prerequisites:
                item.prerequisites.append(slug)

    def topic_item(self, requirement: Mapping[str, Any], tier: int) -> None:
        text = requirement["text"]
        self.add(
            PlanItem(
                key=requirement_key(text),
                title=text if len(text) <= 80 else text[:77].rstrip() + "…",
                skill=None,
                kind="topic",
                importance=requirement["importance"],
                tier=tier,
                reason=f"{requirement.get('note') or 'Not clearly shown in the CV'} ({TIERS[tier]}).",
                hours=TOPIC_HOURS,
                requirements=[text],
                goals=_goals("practice", "it", text)[1:],
                query=text,
            )
        )


def _merge(first: Sequence[str], second: Sequence[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _tier(requirement: Mapping[str, Any], status: str) -> int:
    if requirement["importance"] != "must":
        return 2
    return 0 if status == "missing" else 1


def gap_items(report: Mapping[str, Any], known: Collection[str], taxonomy: Taxonomy) -> tuple[list[PlanItem], list[LeftOut]]:
    """Study items for the gaps of a stored gap report (camelCase JSON), and the gaps no study
    can close before an interview (a degree, years of experience)."""
    builder = _Builder(known, taxonomy)
    for requirement in report.get("requirements", []):
        if not requirement.get("scored") or requirement["status"] not in ("missing", "partial"):
            continue
        tier = _tier(requirement, requirement["status"])
        gaps = [entry for entry in requirement.get("skills", []) if entry["status"] != "matched"]
        if requirement["kind"] == "education":
            builder.left_out.append(
                LeftOut(requirement_key(requirement["text"]), requirement["text"], 0,
                        "A degree cannot be earned before the interview: be ready to show equivalent experience.", "not_studyable")
            )
        elif gaps:
            if len(gaps) > 1 and requirement["status"] == "missing" and ALTERNATIVES.search(requirement["text"]):
                gaps = gaps[:1]  # "Kafka or RabbitMQ": one of them is enough
            for entry in gaps:
                builder.skill_item(entry, requirement, tier)
        elif requirement.get("skills"):
            continue  # every skill is met: the requirement is partial only by its combination
        elif requirement["kind"] in ("certification",):
            builder.topic_item(requirement, tier)
        elif _years_only(requirement):
            builder.left_out.append(
                LeftOut(requirement_key(requirement["text"]), requirement["text"], 0,
                        "Years of experience cannot be studied: be ready to present the years you have, with results.", "not_studyable")
            )
        else:
            builder.topic_item(requirement, tier)
    return list(builder.items.values()), builder.left_out


def _years_only(requirement: Mapping[str, Any]) -> bool:
    return "years of project work on record" in (requirement.get("note") or "")


def in_order(items: Sequence[PlanItem]) -> list[PlanItem]:
    """Most urgent first (missing must-haves, then must-haves met in part, then nice-to-haves),
    each after what it builds on; a prerequisite is as urgent as the most urgent item needing it."""
    by_key = {item.key: item for item in items}
    urgency = {item.key: item.tier for item in items}
    changed = True
    while changed:
        changed = False
        for item in items:
            for before in item.prerequisites:
                if before in urgency and urgency[before] > urgency[item.key]:
                    urgency[before] = urgency[item.key]
                    changed = True
    waiting = {item.key: sum(1 for key in item.prerequisites if key in by_key) for item in items}
    needed_by: dict[str, list[str]] = {}
    for item in items:
        for before in item.prerequisites:
            needed_by.setdefault(before, []).append(item.key)
    position = {item.key: index for index, item in enumerate(items)}
    ready = [(urgency[key], position[key], key) for key, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    ordered: list[PlanItem] = []
    while ready:
        _, _, key = heapq.heappop(ready)
        ordered.append(by_key[key])
        for after in needed_by.get(key, []):
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, (urgency[after], position[after], after))
    return ordered


def study_days(start: date, end: date, weekdays: Collection[str]) -> list[date]:
    """The study days from `start` up to the day before `end` (the interview)."""
    wanted = {WEEKDAYS.index(day) for day in weekdays}
    return [start + timedelta(days=n) for n in range((end - start).days) if (start + timedelta(days=n)).weekday() in wanted]


def daily_minutes(hours_per_week: float, weekdays: Collection[str]) -> dict[int, int]:
    """Minutes for each study weekday (0 is Monday): the week's whole slots shared out, the
    earlier days taking one more when they do not divide evenly, so any seven days add up to
    the hours per week and never more."""
    chosen = sorted(WEEKDAYS.index(day) for day in weekdays)
    slots = int(hours_per_week * 60 // SLOT)
    share, extra = divmod(slots, len(chosen))
    return {day: (share + (1 if n < extra else 0)) * SLOT for n, day in enumerate(chosen)}


def fit(items: Sequence[PlanItem], capacity: int, settled: Collection[str] = ()) -> tuple[list[Allotment], list[LeftOut]]:
    """Minutes for each item within `capacity` minutes, in order: first each item's essentials,
    then the rest of each in turn. An item whose essentials do not fit, or whose prerequisite was
    left out, is left out with the reason. `settled` items (done or skipped) need no time."""
    kept: dict[str, Allotment] = {}
    left_out: list[LeftOut] = []
    remaining = capacity
    for item in items:
        if item.key in settled:
            kept[item.key] = Allotment(item, 0)
            continue
        missing = [key for key in item.prerequisites if key not in kept and any(other.key == key for other in items)]
        need = _slots(item.minimum_hours) * SLOT
        if missing:
            names = ", ".join(next(other.title for other in items if other.key == key) for key in missing)
            left_out.append(LeftOut(item.key, item.title, item.hours, f"Its prerequisite {names} did not fit before the interview."))
        elif need > remaining:
            left_out.append(
                LeftOut(item.key, item.title, item.hours,
                        f"Needs at least {_to_hours(need):g} h and only {_to_hours(remaining):g} h were left before the interview.")
            )
        else:
            kept[item.key] = Allotment(item, need)
            remaining -= need
    for allotment in kept.values():
        if allotment.item.key in settled:
            continue
        more = min(_slots(allotment.item.hours) * SLOT - allotment.minutes, remaining)
        allotment.minutes += more
        remaining -= more
    return list(kept.values()), left_out


def capacity(days: Sequence[date], per_day: Mapping[int, int]) -> int:
    return sum(per_day[day.weekday()] for day in days)


def schedule(allotments: Sequence[Allotment], days: Sequence[date], per_day: Mapping[int, int], start_minute: int) -> list[Session]:
    """Sessions day by day in the allotments' order, within each weekday's minutes."""
    sessions: list[Session] = []
    queue = [[allotment.item, allotment.minutes] for allotment in allotments if allotment.minutes > 0]
    for day in days:
        free, clock = per_day[day.weekday()], start_minute
        while queue and free >= SLOT:
            item, left = queue[0]
            minutes = min(left, free)
            sessions.append(Session(day, clock, minutes, item.key, item.title))
            clock, free = clock + minutes, free - minutes
            queue[0][1] -= minutes
            if queue[0][1] == 0:
                queue.pop(0)
        if not queue:
            break
    return sessions


def periods(sessions: Sequence[Session], days: Sequence[date], start: date, end: date) -> tuple[str, list[dict[str, Any]]]:
    """The sessions grouped by study day for short horizons, week by week from the start otherwise."""
    horizon = (end - start).days
    if horizon <= DAY_BY_DAY_UP_TO:
        spans = [(day, day) for day in days]
        granularity = "day"
    else:
        spans = [(start + timedelta(days=n), min(start + timedelta(days=n + 6), end - timedelta(days=1))) for n in range(0, horizon, 7)]
        granularity = "week"
    grouped = []
    for number, (first, last) in enumerate(spans, start=1):
        inside = [session for session in sessions if first <= session.day <= last]
        grouped.append(
            {
                "label": first.strftime("%a %d %b") if granularity == "day" else f"Week {number}",
                "start": first,
                "end": last,
                "hours": _to_hours(sum(session.minutes for session in inside)),
                "items": _merge([session.title for session in inside], []),
                "sessions": inside,
            }
        )
    return granularity, grouped
