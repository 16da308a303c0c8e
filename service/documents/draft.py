"""A DRAFT resume document (docs/resume-schema.md) from the text of a CV, with a note per part
saying how sure the reading is and what the person should check.

Sections are found by their headings (English and Vietnamese), dates in the many ways CVs
write them, language levels mapped to the schema's 0–6 scale. Nothing is invented: a part
that is not found stays empty and gets a note instead."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypedDict

from service.text import fold

SkillFinder = Callable[[str], list[str]]
Confidence = Literal["high", "medium", "low"]

SHORT, MEDIUM, LONG = 200, 500, 20_000
MAX_TECHNOLOGIES = 100


class Note(TypedDict):
    part: str
    confidence: Confidence
    note: str


class Draft(TypedDict):
    document: dict[str, Any]
    notes: list[Note]


def draft_resume(text: str, *, find_skills: SkillFinder | None = None, today: date | None = None) -> Draft:
    """`find_skills(text)` returns the canonical skill names found in a text; given, it fills
    each project's technology list, otherwise only explicit "Technologies:" lines do."""
    reader = _Reader(today or date.today(), find_skills)
    return reader.read(text)


# --- headings --------------------------------------------------------------------------------

_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "profile", "professional summary", "career summary", "profile summary", "about me", "about",
        "objective", "career objective", "introduction", "gioi thieu", "gioi thieu ban than", "tom tat", "muc tieu",
        "muc tieu nghe nghiep", "tong quan",
    ),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "skill set", "skillset", "skills summary", "it skills",
        "competencies", "technical competencies", "technologies", "tech stack", "ky nang", "ki nang", "ky nang chuyen mon",
        "ky nang ky thuat", "cong nghe",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment history", "employment", "work history",
        "career history", "projects", "project experience", "project history", "relevant projects", "key projects",
        "experience and projects", "kinh nghiem", "kinh nghiem lam viec", "kinh nghiem du an", "du an", "du an tham gia",
        "du an da tham gia", "qua trinh lam viec", "qua trinh cong tac",
    ),
    "education": (
        "education", "academic background", "education and training", "educational background", "qualifications",
        "hoc van", "trinh do hoc van", "qua trinh hoc tap", "dao tao",
    ),
    "certificates": (
        "certificates", "certifications", "certificate", "certification", "licenses and certifications",
        "licences and certifications", "certificates and awards", "awards and certifications", "chung chi", "bang cap",
        "chung chi va giai thuong", "chung chi va bang cap",
    ),
    "languages": ("languages", "language", "language skills", "foreign languages", "ngoai ngu", "ngon ngu", "trinh do ngoai ngu"),
    "personal": (
        "personal information", "personal details", "personal info", "contact", "contacts", "contact information",
        "contact details", "thong tin ca nhan", "lien he", "thong tin lien he",
    ),
    "other": (
        "interests", "hobbies", "references", "activities", "awards", "achievements", "publications", "volunteering",
        "so thich", "hoat dong", "giai thuong", "nguoi tham chieu", "thanh tich",
    ),
}
_HEADING_OF = {keyword: section for section, keywords in _HEADINGS.items() for keyword in keywords}
# sections whose heading may carry its content on the same line ("Languages: English, Japanese")
_INLINE_SECTIONS = {"summary", "skills", "languages", "certificates", "education"}

# --- project labels --------------------------------------------------------------------------

_PROJECT_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("project", "project name", "project title", "ten du an", "du an"),
    "company": ("company", "employer", "client", "customer", "organization", "organisation", "cong ty", "khach hang"),
    "role": ("role", "roles", "position", "title", "job title", "vai tro", "vi tri", "chuc vu", "chuc danh"),
    "team": ("team size", "team", "size", "team members", "quy mo", "quy mo du an", "so thanh vien", "so luong thanh vien"),
    "duration": ("duration", "period", "time", "thoi gian", "date", "dates"),
    "domain": ("domain", "industry", "linh vuc", "business domain"),
    "description": ("description", "project description", "overview", "summary", "mo ta", "mo ta du an", "gioi thieu"),
    "responsibility": (
        "responsibilities", "responsibility", "tasks", "duties", "main tasks", "my tasks", "key responsibilities",
        "achievements", "nhiem vu", "trach nhiem", "cong viec", "vai tro va trach nhiem", "cong viec dam nhan",
    ),
    "technology": (
        "technologies", "technology", "tech stack", "technical stack", "stack", "environment", "tools",
        "tools and technologies", "technologies used", "skills used", "cong nghe", "cong nghe su dung", "moi truong",
        "ky thuat",
    ),
}
_PROJECT_FIELD_OF = {label: name for name, labels in _PROJECT_LABELS.items() for label in labels}
_LABEL_PATTERN = re.compile(
    r"(?:^|[,;|\t]\s*)(?P<label>[^\W\d_][^:：,;|\t]{0,40}?)\s*[:：]\s*",
)

_BULLET = re.compile(r"^\s*(?:[-–—•●▪■◦○*+>➢➤✓✔√·]|\d{1,2}[.)])\s+")
_ROLE_WORDS = re.compile(
    r"\b(?:developer|engineer|architect|tester|qa|qc|analyst|consultant|manager|lead|leader|designer|administrator|"
    r"scientist|specialist|programmer|intern|trainee|fresher|devops|sre|brse|bridge|comtor|scrum\s*master|"
    r"product\s*owner|director|cto|head|coder|lap\s*trinh\s*vien|ky\s*su|truong\s*nhom|chuyen\s*vien|nhan\s*vien)\b"
)
_COMPANY_WORDS = re.compile(
    r"\b(?:software|jsc|corp|corporation|inc|ltd|llc|co|company|group|technologies|technology|solutions|systems|"
    r"bank|digital|labs|studio|gmbh|k\.?k|plc|cong\s*ty|tap\s*doan|vietnam|viet\s*nam|global|consulting)\b\.?"
)
_PLACES = re.compile(r"^(?:ha\s*noi|hanoi|ho\s*chi\s*minh(?:\s*city)?|hcmc?|da\s*nang|danang|tokyo|osaka|singapore|vietnam|viet\s*nam|japan|remote)$")
_NOT_NAMES = re.compile(r"\b(?:curriculum|vitae|resume|cv|so\s*yeu|ly\s*lich|profile|portfolio)\b")
_NAME_LABEL = re.compile(r"^\s*(?:full\s*name|name|ho\s*va\s*ten|ho\s*ten|ten)\s*[:：]\s*(.+)$")
_YEARS_OF_EXPERIENCE = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:years?|yrs?|nam)\s*(?:of\s+)?(?:\w+\s+){0,3}?(?:experience|exp|kinh\s*nghiem)"
)
# family names that lead a Vietnamese name (folded): "Nguyen Van Minh" is given name "Van Minh"
_VIETNAMESE_FAMILY_NAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong mai lam ha quach luong "
    "cao chu dao doan la luu ta thai trieu ton kieu lai mac nghiem phung quan tang thach to vuong hua diep giang khong "
    "lieu nong tong ung vi au tieu".split()
)

# --- dates -----------------------------------------------------------------------------------

_MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE_TOKEN = re.compile(
    rf"""(?<![\w/.])(?:
        (?P<month_name>{_MONTH_NAME})\s*,?\s*(?P<year_a>{_YEAR})
      | (?:thang|thg|th|t)\s*(?P<month_vn>\d{{1,2}})\s*(?:[/.,-]|\s+nam\s+|\s+)\s*(?P<year_vn>{_YEAR})
      | (?:\d{{1,2}}[/.-])?(?P<month_b>\d{{1,2}})\s*[/.-]\s*(?P<year_b>{_YEAR})
      | (?P<year_c>{_YEAR})\s*[/.-]\s*(?P<month_c>\d{{1,2}})(?:[/.-]\d{{1,2}})?
      | (?P<year_d>{_YEAR})
      | (?P<present>present|now|current(?:ly)?|today|to\s+date|ongoing|on-going|hien\s+tai|hien\s+nay|nay|現在)
    )(?![\w/])""",
    re.VERBOSE,
)
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|—|~|〜|～|->|→|to|till|until|den|-\s*den)\s*$")
_SINCE = re.compile(r"(?:since|from|tu)\s*$")


@dataclass(frozen=True)
class _Month:
    year: int
    month: int | None  # None: only the year is written

    def first_day(self) -> date:
        return date(self.year, self.month or 1, 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])


@dataclass(frozen=True)
class _Period:
    start: _Month
    end: _Month | None
    ongoing: bool
    span: tuple[int, int]  # where it is written in the line

    @property
    def year_only(self) -> bool:
        return self.start.month is None or (self.end is not None and self.end.month is None)


def _tokens(lowered: str, today: date) -> Iterator[tuple[_Month | None, tuple[int, int]]]:
    """Dates in a _lower()ed line: a _Month, or None for "present"."""
    for match in _DATE_TOKEN.finditer(lowered):
        groups = match.groupdict()
        if groups["present"]:
            yield None, match.span()
            continue
        if groups["month_name"]:
            year, month = int(groups["year_a"]), _MONTH_NUMBERS[groups["month_name"][:3]]
        elif groups["month_vn"]:
            year, month = int(groups["year_vn"]), int(groups["month_vn"])
        elif groups["month_b"]:
            year, month = int(groups["year_b"]), int(groups["month_b"])
        elif groups["month_c"]:
            year, month = int(groups["year_c"]), int(groups["month_c"])
        else:
            year, month = int(groups["year_d"]), 0
        if month > 12 or (month == 0 and groups["year_d"] is None) or year > today.year + 10:
            continue
        yield _Month(year, month or None), match.span()


def _periods(line: str, today: date) -> list[_Period]:
    """Every "start – end" (or "since start") written in `line`."""
    lowered = _lower(line)
    tokens = list(_tokens(lowered, today))
    periods: list[_Period] = []
    used: set[int] = set()
    for i, (start, (s0, s1)) in enumerate(tokens):
        if start is None or i in used:
            continue
        if i + 1 < len(tokens) and _RANGE_GLUE.match(lowered[s1 : tokens[i + 1][1][0]]):
            end, (_, e1) = tokens[i + 1]
            used.add(i + 1)
            periods.append(_Period(start, end, ongoing=end is None, span=(s0, e1)))
        elif _SINCE.search(lowered[:s0]):
            periods.append(_Period(start, None, ongoing=True, span=(s0, s1)))
    return periods


def _single_dates(line: str, today: date) -> list[_Month]:
    return [month for month, _ in _tokens(_lower(line), today) if month is not None]


def _strip_dates(line: str, today: date) -> str:
    """`line` without its periods and dates (and the brackets and words around them)."""
    spans = [period.span for period in _periods(line, today)]
    spans += [span for month, span in _tokens(_lower(line), today) if month is not None and not any(a <= span[0] < b for a, b in spans)]
    text = line
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + " " + text[b:]
    # a word left behind by a cut date: "(issued 03/2023)", "Since 2020"
    text = re.sub(r"(?i)\b(?:issued(?: on)?|since|from|valid until|expires?|cấp ngày|ngày cấp|từ)\s*[:：]?(?=\s*(?:[)\]]|$))", " ", text)
    text = re.sub(r"\(\s*[-–—~,/]*\s*\)|\[\s*\]", " ", text)
    return " ".join(text.split()).strip(" -–—~,:|()\t")


def _iso(day: date) -> str:
    return f"{day.isoformat()}T00:00:00"


def _lower(text: str) -> str:
    """fold() one character at a time, so positions found in the result apply to `text`."""
    return "".join(_lower_char(ch) for ch in text)


def _lower_char(ch: str) -> str:
    folded = fold(ch)
    if len(folded) == 1:
        return folded
    return " " if not ch.strip() else ch.lower()[0]


# --- languages -------------------------------------------------------------------------------

_LANGUAGE_NAMES: dict[str, str] = {
    "english": "English", "tieng anh": "English", "anh van": "English",
    "japanese": "Japanese", "tieng nhat": "Japanese", "nihongo": "Japanese",
    "korean": "Korean", "tieng han": "Korean",
    "chinese": "Chinese", "mandarin": "Chinese", "tieng trung": "Chinese", "tieng hoa": "Chinese",
    "french": "French", "tieng phap": "French",
    "german": "German", "tieng duc": "German",
    "vietnamese": "Vietnamese", "tieng viet": "Vietnamese",
    "spanish": "Spanish", "tieng tay ban nha": "Spanish",
    "russian": "Russian", "tieng nga": "Russian",
    "thai": "Thai", "tieng thai": "Thai",
}
_LANGUAGE_PATTERN = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _LANGUAGE_NAMES), key=len, reverse=True)) + r")\b")
_TEST_LANGUAGE = [
    (re.compile(r"\b(?:jlpt|nat-?test|n[1-5])\b"), "Japanese"),
    (re.compile(r"\b(?:toeic|ielts|toefl|cambridge)\b"), "English"),
    (re.compile(r"\btopik\b"), "Korean"),
    (re.compile(r"\bhsk\b"), "Chinese"),
]
_CEFR = {"a1": 1, "a2": 2, "b1": 3, "b2": 4, "c1": 5, "c2": 6}
_LEVEL_WORDS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(?:native|mother\s*tongue|tieng\s*me\s*de|ban\s*ngu)\b"), 6),
    (re.compile(r"\b(?:fluent|fluently|proficient|advanced|excellent|business\s*level|thanh\s*thao|luu\s*loat)\b"), 5),
    (re.compile(r"\b(?:upper[-\s]?intermediate|good|kha|tot)\b"), 4),
    (re.compile(r"\b(?:intermediate|conversational|communicative|trung\s*binh|giao\s*tiep)\b"), 3),
    (re.compile(r"\b(?:elementary|pre[-\s]?intermediate)\b"), 2),
    (re.compile(r"\b(?:basic|beginner|limited|co\s*ban)\b"), 1),
]


def _proficiency(folded: str) -> tuple[int, Confidence, str] | None:
    """The 0–6 level written in a folded text: a test score, a CEFR level, or words."""
    if match := re.search(r"\bn\s?([1-5])\b", folded):
        level = int(match.group(1))
        return {1: 5, 2: 4, 3: 3, 4: 2, 5: 1}[level], "high", f"JLPT N{level}"
    if match := re.search(r"\btoeic\D{0,12}?(\d{2,3})\b", folded):
        score = int(match.group(1))
        level = 5 if score >= 945 else 4 if score >= 785 else 3 if score >= 550 else 2 if score >= 225 else 1
        return level, "high", f"TOEIC {score}"
    if match := re.search(r"\bielts\D{0,12}?(\d(?:[.,]\d)?)\b", folded):
        band = float(match.group(1).replace(",", "."))
        level = 5 if band >= 7.0 else 4 if band >= 5.5 else 3 if band >= 4.0 else 2
        return level, "high", f"IELTS {match.group(1)}"
    if match := re.search(r"\btoefl\D{0,12}?(\d{2,3})\b", folded):
        score = int(match.group(1))
        level = 5 if score >= 95 else 4 if score >= 72 else 3 if score >= 42 else 2
        return level, "high", f"TOEFL iBT {score}"
    if match := re.search(r"\b(?:topik|hsk)\s*(?:level\s*)?([1-6])\b", folded):
        return int(match.group(1)), "high", f"level {match.group(1)} of its test"
    if match := re.search(r"\b([abc][12])\b", folded):
        return _CEFR[match.group(1)], "high", f"CEFR {match.group(1).upper()}"
    for pattern, level in _LEVEL_WORDS:
        if match := pattern.search(folded):
            confidence: Confidence = "high" if level == 6 else "medium"
            return level, confidence, f"“{match.group(0)}”"
    return None


# --- education and certificates --------------------------------------------------------------

_SCHOOL_WORDS = re.compile(r"\b(?:university|college|institute|academy|school|polytechnic|dai\s*hoc|cao\s*dang|hoc\s*vien|truong)\b")
_DEGREE_WORDS = re.compile(
    r"\b(?:bachelor|master|phd|ph\.d|doctor|engineer|engineering|b\.?sc|m\.?sc|b\.?eng|m\.?eng|mba|associate|diploma|ky\s*su|cu\s*nhan|thac\s*si|tien\s*si)\b"
)

_AUTHORITIES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\baws\b|\bamazon\b"), "Amazon Web Services"),
    (re.compile(r"\bazure\b|\bmicrosoft\b"), "Microsoft"),
    (re.compile(r"\bgoogle\b|\bgcp\b"), "Google"),
    (re.compile(r"\boracle\b"), "Oracle"),
    (re.compile(r"\bcisco\b|\bccna\b|\bccnp\b"), "Cisco"),
    (re.compile(r"\bpmp\b|\bcapm\b|\bpmi\b"), "Project Management Institute"),
    (re.compile(r"\bpsm\b|\bpspo\b|scrum\.org"), "Scrum.org"),
    (re.compile(r"\bistqb\b"), "ISTQB"),
    (re.compile(r"\bcka\b|\bckad\b|\bcks\b|linux foundation"), "The Linux Foundation"),
    (re.compile(r"\bjlpt\b"), "Japan Foundation"),
    (re.compile(r"\btoeic\b|\btoefl\b"), "ETS"),
]
_SCORE = re.compile(r"\b(?:score|diem|result)\s*[:：]?\s*(\d[\d.,/]*%?)|\b(?:toeic|ielts|toefl)\s*[:：]?\s*(\d[\d.,]*)")


# --- the reader ------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One block of the experience section: its lines, and which one carries the dates."""

    lines: list[str]
    anchor: int  # the line with the dates (the first line when none has dates)
    period: _Period | None


@dataclass
class _DraftedProject:
    project: dict[str, Any]
    # whether the entry says anything beyond its title line
    has_body: bool
    # where the name came from: "label", "title", "employer" or None
    name_source: str | None
    technology_labelled: bool
    period: _Period | None


@dataclass
class _Reader:
    today: date
    find_skills: SkillFinder | None
    notes: list[Note] = field(default_factory=list)

    def note(self, part: str, confidence: Confidence, note: str) -> None:
        self.notes.append(Note(part=part, confidence=confidence, note=note))

    def read(self, text: str) -> Draft:
        sections = _sections(text)
        header = sections.get("header", []) + sections.get("personal", [])
        # read in the order the notes should come in, then laid out in the schema's order
        head = self.names(header)
        projects = self.projects(sections.get("experience", []))
        education = self.education(sections.get("education", []))
        certificates = self.certificates(sections.get("certificates", []))
        languages = self.languages(sections.get("languages", []), sections.get("certificates", []))
        document: dict[str, Any] = {
            "resume": head,
            "education": education,
            "certificates": certificates,
            "languages": languages,
            "domain": self.domains(projects, sections),
            "projects": projects,
            "professionalSkills": self.professional_skills(header, sections.get("summary", []), projects),
        }
        return Draft(document=document, notes=self.notes)

    # names ---------------------------------------------------------------------------------

    def names(self, header: list[str]) -> dict[str, str]:
        full_name: str | None = None
        confidence: Confidence = "low"
        source = ""
        for line in header[:40]:
            if match := _NAME_LABEL.match(_lower(line)):
                full_name, confidence, source = line[match.start(1) :].strip(), "high", "the “Name” line"
                break
        if full_name is None:
            for line in header[:8]:
                candidate = _name_candidate(line)
                if candidate:
                    full_name, confidence, source = candidate, "medium", "the top of the CV"
                    break
        if not full_name:
            self.note("resume.first_name", "low", "No name was found at the top of the CV: fill in first_name and last_name.")
            return {}
        given, family = _split_name(full_name)
        head: dict[str, str] = {"first_name": given[:SHORT]}
        if family:
            head["last_name"] = family[:SHORT]
            self.note(
                "resume.first_name",
                confidence,
                f"Name “{full_name}” read from {source}: first_name “{given}”, last_name (family name) “{family}”. "
                "Check the spelling and which part is the family name.",
            )
        else:
            self.note("resume.last_name", "low", f"Only “{full_name}” was found as the name: fill in the family name (last_name).")
        return head

    # projects ------------------------------------------------------------------------------

    def projects(self, lines: list[str]) -> list[dict[str, Any]]:
        if not any(line.strip() for line in lines):
            self.note("projects", "low", "No work experience or projects section was found: add the projects by hand.")
            return []
        drafted = [self.project(entry) for entry in _entries(lines, self.today)]
        kept: list[_DraftedProject] = []
        employer: dict[str, Any] | None = None
        for n, current in enumerate(drafted):
            project = current.project
            following = drafted[n + 1].project if n + 1 < len(drafted) else None
            if not current.has_body and following is not None and _within(following, project):
                # an employer's line whose projects follow, each with its own dates
                employer = project
                continue
            if employer is not None and _within(project, employer):
                project["company"] = project["company"] or employer["company"] or employer["name"]
                project["projectRoles"] = project["projectRoles"] or employer["projectRoles"]
            else:
                employer = None
            kept.append(current)
        kept = kept[:200]
        for index, current in enumerate(kept):
            self.project_notes(index, current)
        return [current.project for current in kept]

    def project(self, entry: _Entry) -> _DraftedProject:
        fields: dict[str, list[str]] = {name: [] for name in _PROJECT_LABELS}
        title_parts: list[str] = []
        block: str | None = None
        for index, raw in enumerate(entry.lines):
            is_bullet, line = _strip_bullet(raw)
            if not line:
                continue
            pairs = _labelled_pairs(line)
            if pairs:
                for field_name, value in pairs:
                    if value:
                        fields[field_name].append(value)
                    block = field_name if field_name in ("description", "responsibility", "technology") else None
                continue
            if index <= entry.anchor and not is_bullet:
                title_parts.append(line)
            elif block == "technology" and not is_bullet:
                fields["technology"].append(line)
            elif is_bullet:
                fields["description" if block == "description" else "responsibility"].append(line)
            else:
                fields[block or "description"].append(line)

        period = entry.period
        if period is None or fields["duration"]:
            for value in fields["duration"]:
                if found := _periods(value, self.today):
                    period = found[0]
                    break
        title = " | ".join(_strip_dates(part, self.today) for part in title_parts)
        parts = [part for part in _title_parts(title) if part]
        roles_from_title = [part for part in parts if _ROLE_WORDS.search(fold(part))]
        others = [part for part in parts if part not in roles_from_title and not _PLACES.match(fold(part))]
        companies = [part for part in others if _COMPANY_WORDS.search(fold(part))]
        plain = [part for part in others if part not in companies]

        name = _first(fields["name"]) or _first(plain) or _first(companies)
        company = _first(fields["company"]) or _first(companies) or (_first(plain) if fields["name"] else None)
        roles = [role for value in fields["role"] for role in re.split(r"\s*[,/;]\s*", value) if role] or roles_from_title
        team = _team_size(" ".join(entry.lines))
        start, end, status = self.dates(period)
        project: dict[str, Any] = {
            "name": _clip(_strip_dates(name, self.today) if name else None, SHORT),
            "company": _clip(company, SHORT),
            "startDate": start,
            "endDate": end,
            "status": status,
            "teamSize": team,
            "domain": _clip(_first(fields["domain"]), SHORT),
            "technology": self.technologies(fields["technology"], "\n".join(entry.lines)),
            "projectDescription": _clip(" ".join(fields["description"]), LONG),
            "responsibility": _clip("\n".join(fields["responsibility"]), LONG),
            "projectRoles": [_clip(role, SHORT) for role in roles[:20]],
        }
        return _DraftedProject(
            project=project,
            has_body=bool(fields["name"] or fields["description"] or fields["responsibility"] or fields["technology"]),
            name_source="label" if fields["name"] else "title" if plain else "employer" if companies else None,
            technology_labelled=bool(fields["technology"]),
            period=period,
        )

    def dates(self, period: _Period | None) -> tuple[str | None, str | None, str | None]:
        if period is None:
            return None, None, None
        start = period.start.first_day()
        if period.ongoing or period.end is None:
            return _iso(start), None, "On-going"
        end = period.end.last_day()
        if end < start:
            return _iso(start), None, None
        return _iso(start), _iso(end), "Closed" if end <= self.today else "On-going"

    def technologies(self, explicit_lines: list[str], entry_text: str) -> list[str]:
        explicit = [item for line in explicit_lines for item in _split_items(line)]
        found = list(self.find_skills(entry_text)) if self.find_skills is not None else []
        if self.find_skills is not None:
            # an explicit item the finder names ("Java 17" is Java) is already in `found`
            explicit = [item for item in explicit if not self.find_skills(item)]
        seen: set[str] = set()
        result: list[str] = []
        for item in [*found, *explicit]:
            key = fold(item)
            if key and key not in seen and len(item) <= SHORT:
                seen.add(key)
                result.append(item)
        return result[:MAX_TECHNOLOGIES]

    def project_notes(self, index: int, drafted: _DraftedProject) -> None:
        part = f"projects[{index}]"
        project, period = drafted.project, drafted.period
        label = f"“{project['name']}”" if project["name"] else f"project {index + 1}"
        if drafted.name_source == "label":
            self.note(f"{part}.name", "high", f"Project name {label} read from its “Project:” line.")
        elif drafted.name_source == "title":
            self.note(f"{part}.name", "medium", f"Project name {label} taken from the entry's title line; check it is the project, not the employer.")
        elif drafted.name_source == "employer":
            self.note(f"{part}.name", "low", f"No project name was found, so the entry is named after the employer ({label}): write the project's name.")
        else:
            self.note(f"{part}.name", "low", "No project name was found: write the project's name.")
        if period is None:
            self.note(f"{part}.startDate", "low", f"No dates were found for {label}: fill in startDate and endDate.")
        else:
            when = "only the year is written, so the first month of it is assumed" if period.start.month is None else "month and year written"
            self.note(f"{part}.startDate", "medium" if period.start.month is None else "high", f"Start of {label}: {when}.")
            if project["status"] == "On-going" and project["endDate"] is None:
                self.note(f"{part}.endDate", "high" if period.ongoing else "medium", f"{label} is marked on-going (“present”/“now”), so endDate is empty.")
            elif project["endDate"] is None:
                self.note(f"{part}.endDate", "low", f"The end of {label} is written before its start; fill in endDate.")
            elif period.end is not None and period.end.month is None:
                self.note(f"{part}.endDate", "medium", f"End of {label}: only the year is written, so its last month is assumed.")
        if project["technology"] and self.find_skills is None:
            self.note(f"{part}.technology", "high", f"Technologies of {label} from its “Technologies” line.")
        elif project["technology"]:
            also = " and its “Technologies” line" if drafted.technology_labelled else ""
            self.note(f"{part}.technology", "medium", f"Technologies of {label} matched by the skill list in the project's text{also}; check them.")
        else:
            self.note(f"{part}.technology", "low", f"No technologies were found for {label}: add them.")

    # education -----------------------------------------------------------------------------

    def education(self, lines: list[str]) -> list[dict[str, Any]]:
        blocks: list[list[str]] = []
        for raw in lines:
            _, line = _strip_bullet(raw)
            if not line:
                continue
            if _SCHOOL_WORDS.search(fold(line)) and (not blocks or any(_SCHOOL_WORDS.search(fold(seen)) for seen in blocks[-1])):
                blocks.append([line])
            elif blocks:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        result = []
        for index, block in enumerate(blocks[:50]):
            result.append(self.school(index, block))
        return result

    def school(self, index: int, block: list[str]) -> dict[str, Any]:
        part = f"education[{index}]"
        period = next((found[0] for line in block if (found := _periods(line, self.today))), None)
        school = degree = major = grade = None
        for line in block:
            lowered = _lower(line)
            if match := re.match(r"^\s*(?:gpa|cpa|grade|xep loai|diem trung binh)\s*[:：]?\s*", lowered):
                grade = line[match.end() :].strip()
                continue
            if match := re.match(r"^\s*(?:major|chuyen nganh|nganh)\s*[:：]\s*", lowered):
                major = line[match.end() :].strip()
                continue
            for piece in _title_parts(_strip_dates(line, self.today)):
                lowered_piece = _lower(piece)
                if school is None and _SCHOOL_WORDS.search(lowered_piece):
                    school = piece
                elif degree is None and _DEGREE_WORDS.search(lowered_piece):
                    degree = piece
                    # "Bachelor of Engineering in Computer Science"
                    if match := re.search(r"\s(?:in|major in|chuyen nganh|nganh)\s+", lowered_piece):
                        degree, major = piece[: match.start()].strip(), major or piece[match.end() :].strip()
        if school is None and block:
            school = _strip_dates(block[0], self.today) or None
            self.note(f"{part}.school", "low", "No university or school name was recognised; the first line is used: check it.")
        else:
            self.note(f"{part}.school", "high", f"School “{school}”.")
        start = end = None
        if period is not None:
            start = _iso(period.start.first_day())
            end_day = period.end.last_day() if period.end is not None and not period.ongoing else None
            end = _iso(end_day) if end_day is not None and end_day >= period.start.first_day() else None
            confidence: Confidence = "medium" if period.year_only else "high"
            self.note(f"{part}.start", confidence, "Study dates read from the CV" + (" (only years written: check the months)." if period.year_only else "."))
        elif singles := [month for line in block for month in _single_dates(line, self.today)]:
            end = _iso(singles[-1].last_day())
            self.note(f"{part}.end", "medium", "Only one date was found; it is taken as the graduation date.")
        if degree is None:
            self.note(f"{part}.degree", "low", "No degree was recognised: fill it in.")
        return {
            "school": _clip(school, SHORT),
            "degree": _clip(degree, SHORT),
            "major": _clip(major, SHORT),
            "start": start,
            "end": end,
            "grade": _clip(grade, SHORT),
        }

    # certificates --------------------------------------------------------------------------

    def certificates(self, lines: list[str]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for raw in lines:
            _, line = _strip_bullet(raw)
            lowered = _lower(line)
            if not line or len(result) >= 200:
                continue
            # "Credential ID: …" and links belong to the certificate above
            if result and (match := re.match(r"^\s*(?:credential id|license(?: no)?|licence(?: no)?|id)\s*[:：#]\s*", lowered)):
                result[-1]["licenseNo"] = _clip(line[match.end() :], SHORT)
                continue
            if result and re.match(r"^\s*https?://\S+$", line):
                result[-1]["certificateUrl"] = _clip(line, 500)
                continue
            name = _strip_dates(line, self.today)
            if not name:
                continue
            period = next(iter(_periods(line, self.today)), None)
            dates = _single_dates(line, self.today)
            issue = period.start if period else (dates[0] if dates else None)
            expiry = period.end if period and not period.ongoing else None
            score = _SCORE.search(lowered)
            authority = next((who for pattern, who in _AUTHORITIES if pattern.search(lowered)), None)
            language = next((language for pattern, language in _TEST_LANGUAGE if pattern.search(lowered)), None)
            index = len(result)
            result.append(
                {
                    "certificate": _clip(name, SHORT),
                    "certificateAuthority": authority,
                    "issueDate": _iso(issue.first_day()) if issue else None,
                    "expirationDate": _iso(expiry.last_day()) if expiry and issue and expiry.last_day() >= issue.first_day() else None,
                    "score": _clip(score.group(1) or score.group(2), SHORT) if score else None,
                    "foreignLanguage": language,
                    # read from a CV, not checked against the certificate itself
                    "status": 0,
                }
            )
            when = "no issue date written" if issue is None else f"issued {issue.first_day():%m/%Y}" if issue.month else f"issued {issue.year}"
            who = f"; issuer “{authority}” guessed from its name" if authority else ""
            self.note(
                f"certificates[{index}]",
                "medium",
                f"Certificate “{name}” ({when}{who}). Marked pending review (status 0): attach the certificate to confirm it.",
            )
        return result

    # languages -----------------------------------------------------------------------------

    def languages(self, lines: list[str], certificate_lines: list[str]) -> list[dict[str, Any]]:
        found: dict[str, tuple[int, Confidence, str]] = {}
        order: list[str] = []
        for line in [*lines, *certificate_lines]:
            _, text = _strip_bullet(line)
            for language, segment in _language_segments(fold(text)):
                written = _proficiency(segment)
                if language not in found:
                    order.append(language)
                if written is not None and (language not in found or written[0] > found[language][0]):
                    found[language] = written
                elif language not in found:
                    found[language] = (0, "low", "")
        result = []
        for index, language in enumerate(order[:50]):
            level, confidence, evidence = found[language]
            result.append({"proficiency": level, "language": {"name": language}})
            if evidence:
                self.note(f"languages[{index}].proficiency", confidence, f"{language}: {evidence} read as level {level} of 6.")
            else:
                self.note(f"languages[{index}].proficiency", "low", f"{language}: no level was written, so it is 0 (not assessed): set it.")
        return result

    # domains and job title -----------------------------------------------------------------

    def domains(self, projects: list[dict[str, Any]], sections: dict[str, list[str]]) -> list[dict[str, Any]]:
        months: dict[str, int | None] = {}
        names: dict[str, str] = {}
        for project in projects:
            if project["domain"]:
                for name in _split_items(project["domain"]):
                    key = fold(name)
                    names.setdefault(key, name)
                    length = _months(project, self.today)
                    previous = months.get(key, 0)
                    months[key] = None if length is None or previous is None else previous + length
        for line in sections.get("summary", []) + sections.get("skills", []) + sections.get("header", []):
            if match := re.match(r"^\s*(?:domains?|industr(?:y|ies)|linh vuc)\s*[:：]\s*", _lower(line)):
                for name in _split_items(line[match.end() :]):
                    names.setdefault(fold(name), name)
                    months.setdefault(fold(name), None)
        result = []
        for index, (key, name) in enumerate(list(names.items())[:100]):
            total = months.get(key)
            result.append(
                {"name": _clip(name, SHORT), "year": min(total // 12, 60) if total else None, "month": total % 12 if total else None}
            )
            how = "summed from the projects' dates" if total else "no duration could be computed"
            self.note(f"domain[{index}]", "medium", f"Domain “{name}” from the CV ({how}).")
        return result

    def professional_skills(self, header: list[str], summary: list[str], projects: list[dict[str, Any]]) -> list[dict[str, Any]]:
        title_line = next((line for line in header[:10] + summary[:5] if _ROLE_WORDS.search(fold(line)) and len(line.split()) <= 10), None)
        if title_line is None:
            self.note("professionalSkills", "low", "No job title was found near the name: add the main professional skill.")
            return []
        # "Position: Java developer" or "Java developer | Hanoi"
        pairs = _labelled_pairs(title_line)
        written = pairs[0][1] if pairs and pairs[0][0] == "role" and pairs[0][1] else title_line
        title = _clip(next(iter(_title_parts(written)), written), SHORT)
        years: int | None = None
        months: int | None = None
        confidence: Confidence = "low"
        how = "not written and not computable from the projects"
        total = _total_months(projects, self.today)
        if match := _YEARS_OF_EXPERIENCE.search(fold(" ".join(header + summary))):
            years, months, how, confidence = min(int(match.group(1)), 60), 0, "as written in the CV", "high"
        elif total is not None:
            years, months, how, confidence = min(total // 12, 60), total % 12, "computed from the projects' dates", "medium"
        self.note("professionalSkills[0]", confidence, f"Main job title “{title}”; years of experience {how}.")
        return [{"jobTitleName": title, "experienceYear": years, "experienceMonth": months, "jobFillByUser": _clip(title_line, MEDIUM), "isMainSkill": True}]


# --- text helpers ----------------------------------------------------------------------------


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"header": []}
    current = "header"
    for raw in text.splitlines():
        line = re.sub(r"[ \u00a0]+", " ", raw).strip()
        key, rest = _heading(line, current)
        if key is not None:
            current = key
            sections.setdefault(key, [])
            if sections[key]:
                sections[key].append("")
            if rest:
                sections[key].append(rest)
            continue
        sections[current].append(line)
    return sections


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text).replace("&", " and ")).split())


def _heading(line: str, current: str) -> tuple[str | None, str]:
    if not line or len(line) > 80 or _BULLET.match(line):
        return None, ""
    line = re.sub(r"^(?:#+\s*|(?:\d{1,2}|[IVX]{1,4})[.)]\s+)", "", line)
    match = re.match(r"^([^:：]*)[:：]\s*(.*)$", line)
    head, rest = (match.group(1), match.group(2)) if match else (line, "")
    key = _HEADING_OF.get(_norm(head))
    if key is None:
        return None, ""
    if current == "experience" and _norm(head) in _PROJECT_FIELD_OF:
        return None, ""  # "Technologies:", "Summary:" … inside a project
    rest = rest.strip()
    # inside a project, "Skills: Java" is the project's, not a new section
    if rest and (key not in _INLINE_SECTIONS or current == "experience"):
        return None, ""
    return key, rest


def _strip_bullet(line: str) -> tuple[bool, str]:
    match = _BULLET.match(line)
    return (True, line[match.end() :].strip()) if match else (False, line.strip())


def _labelled_pairs(line: str) -> list[tuple[str, str]]:
    """("technology", "Java, Spring") pairs of a project line like "Role: Dev, Team size: 5"."""
    matches = [m for m in _LABEL_PATTERN.finditer(line) if _norm(m.group("label")) in _PROJECT_FIELD_OF]
    if not matches or matches[0].start() != 0:
        return []
    pairs = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        pairs.append((_PROJECT_FIELD_OF[_norm(match.group("label"))], line[match.end() : end].strip(" ,;|\t")))
    return pairs


def _entries(lines: list[str], today: date) -> list[_Entry]:
    """The experience section cut into entries, each around a line with its dates."""
    anchors = [(i, found[0]) for i, line in enumerate(lines) if line.strip() and (found := _periods(line, today))]
    if not anchors:
        blocks: list[list[str]] = [[]]
        for line in lines:
            if not line.strip():
                if blocks[-1]:
                    blocks.append([])
            else:
                blocks[-1].append(line)
        return [_Entry(block, 0, None) for block in blocks if block]
    starts = []
    previous_anchor = -1
    for index, _ in anchors:
        start = index
        while start - 1 > previous_anchor and index - (start - 1) <= 3 and _title_like(lines[start - 1]):
            start -= 1
        starts.append(start)
        previous_anchor = index
    entries = []
    for n, ((index, period), start) in enumerate(zip(anchors, starts, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        entries.append(_Entry(lines[start:end], index - start, period))
    return entries


def _title_like(line: str) -> bool:
    """A line that can head an entry above its dates: short, not a bullet, not a sentence,
    not a description or responsibilities line."""
    is_bullet, text = _strip_bullet(line)
    if is_bullet or not text or text.endswith(".") or len(text.split()) > 12:
        return False
    pairs = _labelled_pairs(text)
    return not pairs or pairs[0][0] in ("name", "company", "role", "team", "domain", "duration")


def _title_parts(title: str) -> list[str]:
    parts = re.split(r"\s*(?:\t|\|| [-–—] | @ | at |, )\s*", title)
    return [part.strip(" -–—,:|()") for part in parts if part.strip(" -–—,:|()")]


def _split_items(line: str) -> list[str]:
    """Items of a list line, split on commas, semicolons and slashes, but not inside short
    upper-case pairs such as CI/CD, PL/SQL or TCP/IP."""
    protected = re.sub(r"\b([A-Z]{1,4})/([A-Z]{1,4})\b", "\\1\u2044\\2", line)
    items = re.split(r"\s*(?:[,;|]|/|\s+and\s+)\s*", protected)
    return [item.replace("\u2044", "/").strip(" .") for item in items if item.strip(" .")]


def _language_segments(folded: str) -> Iterator[tuple[str, str]]:
    """(language, the text about it) for each language a folded line mentions."""
    matches = list(_LANGUAGE_PATTERN.finditer(folded))
    if not matches:
        language = next((language for pattern, language in _TEST_LANGUAGE if pattern.search(folded)), None)
        if language is not None:
            yield language, folded
        return
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(folded)
        yield _LANGUAGE_NAMES[match.group(0)], folded[match.end() : end]


def _name_candidate(line: str) -> str | None:
    for piece in _title_parts(line):
        words = piece.split()
        folded = fold(piece)
        if not 2 <= len(words) <= 6 or _NOT_NAMES.search(folded) or _ROLE_WORDS.search(folded) or _HEADING_OF.get(_norm(piece)):
            continue
        if all(re.fullmatch(r"[^\W\d_][^\W\d_'’.-]*\.?", word) for word in words):
            return piece.title() if piece.isupper() else piece
    return None


def _split_name(full_name: str) -> tuple[str, str | None]:
    words = full_name.split()
    if len(words) < 2:
        return full_name, None
    if fold(words[0]) in _VIETNAMESE_FAMILY_NAMES:
        return " ".join(words[1:]), words[0]
    return " ".join(words[:-1]), words[-1]


def _team_size(text: str) -> int | None:
    folded = fold(text)
    match = re.search(r"(?:team\s*size|team|quy\s*mo(?:\s*du\s*an)?|so\s*thanh\s*vien)\s*[:：]?\s*(\d{1,5})\b", folded) or re.search(
        r"\b(\d{1,5})\s*(?:members|people|persons|nguoi|thanh\s*vien)\b", folded
    )
    if match is None:
        return None
    size = int(match.group(1))
    return size if 0 < size <= 10_000 else None


def _month_span(project: dict[str, Any], today: date) -> tuple[int, int]:
    """A dated project's first and last month as year * 12 + month; an on-going one runs to today."""
    start = date.fromisoformat(project["startDate"][:10])
    end = date.fromisoformat(project["endDate"][:10]) if project["endDate"] else today
    return start.year * 12 + start.month, end.year * 12 + end.month


def _months(project: dict[str, Any], today: date) -> int | None:
    if not project["startDate"]:
        return None
    first, last = _month_span(project, today)
    return max(last - first + 1, 0)


def _total_months(projects: list[dict[str, Any]], today: date) -> int | None:
    """Months covered by the projects' periods, overlaps counted once."""
    spans = sorted(_month_span(project, today) for project in projects if project["startDate"])
    if not spans:
        return None
    total = 0
    first, last = spans[0]
    for start, end in spans[1:]:
        if start > last + 1:
            total += last - first + 1
            first, last = start, end
        else:
            last = max(last, end)
    return total + max(last - first + 1, 0)


def _within(inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    """Whether `inner`'s dates lie within `outer`'s (ISO dates compare as text)."""
    if not inner["startDate"] or not outer["startDate"] or inner["startDate"] < outer["startDate"]:
        return False
    return outer["endDate"] is None or (inner["endDate"] is not None and inner["endDate"] <= outer["endDate"])


def _first(values: list[str]) -> str | None:
    return next((value for value in values if value), None)


def _clip(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value[:limit] if value else None
