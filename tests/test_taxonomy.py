"""The generated skill taxonomy (seed_data/taxonomy/skills.json): shape, uniqueness of aliases,
relations and the facts the gap analysis relies on. Plain functions, no database."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from seed_data.taxonomy import build

SKILLS_PATH = Path(build.__file__).with_name("skills.json")
SKILLS: list[dict] = json.loads(SKILLS_PATH.read_text(encoding="utf-8"))
BY_SLUG: dict[str, dict] = {skill["slug"]: skill for skill in SKILLS}

KINDS = {
    "language", "framework", "library", "database", "platform", "service", "tool", "practice",
    "methodology", "domain", "soft_skill", "spoken_language", "certification",
}
TECHNICAL_KINDS = {"language", "framework", "library", "database", "platform", "service", "tool", "practice"}
CATEGORIES = {
    "backend", "frontend", "mobile", "data", "ai_ml", "devops", "cloud", "testing", "database",
    "architecture", "security", "embedded", "project_management", "business", "collaboration",
    "language", "general",
}
RELATION_TYPES = {"built_on", "part_of", "related", "certifies"}
SOURCES = {"github-linguist", "github-explore", "onet", "esco", "curated"}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def matchable_entries(skill: dict) -> list[dict]:
    """The name (unless an alias entry with the same text re-flags it) and every alias."""
    entries = list(skill["aliases"])
    if not any(fold(entry["text"]) == fold(skill["name"]) for entry in entries):
        entries.insert(0, {"text": skill["name"]})
    return entries


def entry(slug: str, text: str) -> dict | None:
    return next((e for e in matchable_entries(BY_SLUG[slug]) if e["text"] == text), None)


def relations(slug: str, relation_type: str) -> set[str]:
    return {r["target"] for r in BY_SLUG[slug]["relations"] if r["type"] == relation_type}


# -------------------------------------------------------------------------------------------
# shape


def test_there_are_at_least_1500_skills():
    assert len(SKILLS) >= 1500


def test_file_is_sorted_by_slug_and_slugs_are_unique_and_well_formed():
    slugs = [skill["slug"] for skill in SKILLS]
    assert slugs == sorted(slugs)
    assert len(slugs) == len(set(slugs))
    assert [slug for slug in slugs if not SLUG_RE.match(slug)] == []


def test_every_skill_has_a_valid_kind_category_demand_and_sources():
    for skill in SKILLS:
        assert skill["kind"] in KINDS, skill["slug"]
        assert skill["category"] in CATEGORIES, skill["slug"]
        assert skill["name"].strip() == skill["name"] and skill["name"], skill["slug"]
        assert isinstance(skill["demand"], int) and 0 <= skill["demand"] <= 100, skill["slug"]
        assert skill["sources"] and set(skill["sources"]) <= SOURCES, skill["slug"]
        assert "curated" in skill["sources"], skill["slug"]
        if "docUrl" in skill:
            assert re.match(r"^https?://\S+$", skill["docUrl"]), skill["slug"]
        for alias in skill["aliases"]:
            assert set(alias) <= {"text", "caseSensitive", "context"}, (skill["slug"], alias)
            assert alias["text"].strip() == alias["text"] and alias["text"], skill["slug"]
            assert alias.get("caseSensitive", True) is True, (skill["slug"], alias)
            assert alias.get("context", "tech") == "tech", (skill["slug"], alias)


def test_sources_cover_every_reference_we_credit_in_the_notice():
    used = {source for skill in SKILLS for source in skill["sources"]}
    assert used == SOURCES
    notice = (Path(build.__file__).parent.parent / "NOTICE").read_text(encoding="utf-8")
    for phrase in ("github/explore", "O*NET 29.2", "ESCO", "Linguist"):
        assert phrase in notice
    assert (Path(build.__file__).with_name("LICENSE-linguist")).is_file()


# -------------------------------------------------------------------------------------------
# relations


def test_every_relation_has_a_known_type_and_an_existing_target():
    for skill in SKILLS:
        for relation in skill["relations"]:
            assert relation["type"] in RELATION_TYPES, skill["slug"]
            assert relation["target"] in BY_SLUG, (skill["slug"], relation)
            assert relation["target"] != skill["slug"]
            if relation["type"] == "certifies":
                assert skill["kind"] == "certification", skill["slug"]


def test_no_cycle_along_built_on_and_part_of():
    graph = {
        skill["slug"]: [r["target"] for r in skill["relations"] if r["type"] in ("built_on", "part_of")]
        for skill in SKILLS
    }
    state: dict[str, int] = {}
    for start in graph:
        if start in state:
            continue
        stack = [(start, iter(graph[start]))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                pytest.fail(f"cycle through {child}: {[n for n, _ in stack]}")
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(graph[child])))


@pytest.mark.parametrize(
    ("slug", "relation_type", "targets"),
    [
        ("django", "built_on", {"python"}),
        ("spring-boot", "part_of", {"spring"}),
        ("spring-boot", "built_on", {"java"}),
        ("spring", "built_on", {"java"}),
        ("kotlin", "related", {"java"}),
        ("amazon-eks", "built_on", {"kubernetes"}),
        ("amazon-eks", "part_of", {"aws"}),
        ("azure-kubernetes-service", "built_on", {"kubernetes"}),
        ("azure-kubernetes-service", "part_of", {"azure"}),
        ("google-kubernetes-engine", "built_on", {"kubernetes"}),
        ("google-kubernetes-engine", "part_of", {"gcp"}),
        ("aspnet", "part_of", {"dotnet"}),
        ("aspnet-core", "part_of", {"dotnet"}),
        ("aspnet-core", "built_on", {"csharp"}),
        ("react-native", "built_on", {"react"}),
        ("nextjs", "built_on", {"react"}),
        ("nuxt", "built_on", {"vue"}),
        ("nestjs", "built_on", {"nodejs", "typescript"}),
        ("express", "built_on", {"nodejs"}),
        ("flask", "built_on", {"python"}),
        ("fastapi", "built_on", {"python"}),
        ("laravel", "built_on", {"php"}),
        ("ruby-on-rails", "built_on", {"ruby"}),
        ("flutter", "built_on", {"dart"}),
        ("jetpack-compose", "built_on", {"kotlin"}),
        ("swiftui", "built_on", {"swift"}),
        ("hibernate", "built_on", {"java"}),
        ("entity-framework", "part_of", {"dotnet"}),
        ("pandas", "built_on", {"python"}),
        ("numpy", "built_on", {"python"}),
        ("pytorch", "built_on", {"python"}),
        ("tensorflow", "built_on", {"python"}),
        ("apache-spark", "related", {"scala", "python"}),
        ("apache-airflow", "built_on", {"python"}),
        ("dbt", "built_on", {"sql"}),
        ("mysql", "built_on", {"sql"}),
        ("postgresql", "built_on", {"sql"}),
        ("sql-server", "built_on", {"sql"}),
        ("oracle-database", "built_on", {"sql"}),
        ("t-sql", "part_of", {"sql-server"}),
        ("pl-sql", "part_of", {"oracle-database"}),
        ("helm", "built_on", {"kubernetes"}),
        ("kubernetes", "related", {"docker"}),
        ("react", "related", {"vue", "angular"}),
    ],
)
def test_important_relations(slug, relation_type, targets):
    assert targets <= relations(slug, relation_type)


def test_every_aws_azure_and_gcp_service_is_part_of_its_cloud():
    for skill in SKILLS:
        if skill["kind"] == "service" and skill["slug"].startswith(("amazon-", "aws-")):
            assert "aws" in relations(skill["slug"], "part_of"), skill["slug"]
    for slug in ("amazon-ec2", "amazon-s3", "aws-lambda", "amazon-rds", "amazon-dynamodb", "amazon-ecs",
                 "amazon-sqs", "amazon-sns", "aws-cloudformation", "amazon-api-gateway"):
        assert "aws" in relations(slug, "part_of"), slug
    for slug in ("azure-app-service", "azure-functions", "azure-cosmos-db"):
        assert "azure" in relations(slug, "part_of"), slug
    assert "azure-devops" in relations("azure-pipelines", "part_of")
    for slug in ("bigquery", "google-cloud-run", "google-cloud-pubsub"):
        assert "gcp" in relations(slug, "part_of"), slug


@pytest.mark.parametrize("slug", ["selenium", "playwright", "cypress"])
def test_browser_automation_tools_are_testing_tools(slug):
    assert (BY_SLUG[slug]["kind"], BY_SLUG[slug]["category"]) == ("tool", "testing")


# -------------------------------------------------------------------------------------------
# aliases


def test_every_alias_belongs_to_exactly_one_skill_unless_it_needs_context():
    """Case-folded texts must be unique; a case-sensitive entry clashes with a case-insensitive
    entry of the same folded text or with a case-sensitive entry of the same exact text."""
    holders: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for skill in SKILLS:
        for item in matchable_entries(skill):
            if "context" not in item:
                holders[fold(item["text"])].append((skill["slug"], item))
    clashes = []
    for key, items in holders.items():
        if len({slug for slug, _ in items}) < 2:
            continue
        if any(not item.get("caseSensitive") for _, item in items):
            clashes.append(key)
            continue
        exact: dict[str, set[str]] = defaultdict(set)
        for slug, item in items:
            exact[item["text"]].add(slug)
        if any(len(owners) > 1 for owners in exact.values()):
            clashes.append(key)
    assert clashes == []


def test_no_skill_repeats_an_alias():
    for skill in SKILLS:
        texts = [fold(a["text"]) for a in skill["aliases"]]
        assert len(texts) == len(set(texts)), skill["slug"]


# ordinary words (and letters) that must never match on their own: they are either absent or
# carry a caseSensitive/context flag
ORDINARY_WORDS = """
    go r c d io red hack pony spring rest express swift ruby rails flask spark unity ionic ember meteor
    mocha jasmine chef puppet salt ant gulp grunt bamboo jest office excel word teams access shell
    make scala julia crystal elm dart node next nest lambda glue athena aurora helm vault consul packer
    sentry kong room flow combine backlog hive presto snowflake celery requests behave poetry tornado
    pyramid razor blade twig composer gin echo fiber cobra cargo phoenix jackson camel eureka spock
    polly dapper expo capacitor remix astro lit stimulus sketch slack notion karma enzyme detox espresso
    realm torch transformer yolo copilot claude chroma pinecone ray zephyr security network mobile
    support canvas desktop monitor metrics privacy backbone mac case motion material growth math less
    safe lean hibernate babel bootstrap retrofit storybook workday subversion rancher jetty tomcat
    electron feathers recoil guava looker cubit rollup quasar superset hotwire livewire tableau
    testing documentation communication polish education travel energy
    media government construction reliability integrity delegation ownership confidentiality
""".split()


def test_ordinary_words_never_match_without_a_flag():
    offenders = []
    for skill in SKILLS:
        for item in matchable_entries(skill):
            if fold(item["text"]) in ORDINARY_WORDS and not (item.get("caseSensitive") or item.get("context")):
                offenders.append((skill["slug"], item["text"]))
    assert offenders == []


@pytest.mark.parametrize(
    ("slug", "text", "case_sensitive", "context"),
    [
        ("c", "C", True, "tech"),
        ("go", "Go", True, "tech"),
        ("r", "R", True, "tech"),
        ("swift", "Swift", True, None),
        ("rust", "Rust", True, None),
        ("dart", "Dart", True, None),
        ("scala", "Scala", True, None),
        ("elixir", "Elixir", True, None),
        ("ruby", "Ruby", True, None),
        ("postgresql", "PG", True, "tech"),
        ("nodejs", "Node", None, "tech"),
        ("rest", "REST", True, None),
        ("express", "Express", True, "tech"),
        ("ruby-on-rails", "Rails", True, "tech"),
        ("flask", "Flask", True, "tech"),
        ("apache-spark", "Spark", True, "tech"),
        ("unity", "Unity", True, "tech"),
        ("spring", "Spring", True, "tech"),
        ("microsoft-excel", "Excel", True, "tech"),
        ("jest", "Jest", True, None),
    ],
)
def test_ambiguous_names_carry_flags(slug, text, case_sensitive, context):
    item = entry(slug, text)
    assert item is not None, (slug, text)
    assert item.get("caseSensitive") == case_sensitive
    assert item.get("context") == context


@pytest.mark.parametrize(
    ("slug", "aliases"),
    [
        ("csharp", {"C Sharp", "C-Sharp", "csharp"}),
        ("cplusplus", {"cpp"}),
        ("go", {"Golang"}),
        ("javascript", {"JS", "ECMAScript"}),
        ("spring-boot", {"springboot"}),
        ("spring", {"Spring Framework"}),
        ("dotnet", {"dotnet", ".NET Core"}),
        ("aspnet-core", {"ASP.NET Core MVC"}),
        ("kubernetes", {"k8s", "kube"}),
        ("postgresql", {"Postgres", "psql"}),
        ("sql-server", {"MS SQL", "MSSQL", "Microsoft SQL Server"}),
        ("aws", {"Amazon Web Services"}),
        ("gcp", {"Google Cloud Platform", "GCP"}),
        ("azure", {"Azure"}),
        ("nodejs", {"NodeJS", "node js"}),
        ("express", {"Express.js", "ExpressJS"}),
        ("ruby-on-rails", {"Ruby on Rails", "RoR"}),
        ("rest", {"RESTful"}),
    ],
)
def test_edge_case_aliases(slug, aliases):
    texts = {item["text"] for item in matchable_entries(BY_SLUG[slug])}
    assert aliases <= texts, aliases - texts


def test_distinct_skills_stay_distinct():
    for pair in [("java", "javascript"), ("react", "react-native"), ("react", "preact"), ("angular", "angularjs"),
                 ("sql", "mysql"), ("c", "csharp"), ("c", "cplusplus"), ("spring", "spring-boot"),
                 ("dotnet", "dotnet-framework"), ("aspnet", "aspnet-core"), ("apache-spark", "pyspark")]:
        assert all(slug in BY_SLUG for slug in pair), pair
    angular_texts = {fold(item["text"]) for item in matchable_entries(BY_SLUG["angular"])}
    assert "angularjs" not in angular_texts
    java_texts = {fold(item["text"]) for item in matchable_entries(BY_SLUG["java"])}
    assert not java_texts & {"javascript", "js", "jvm"}


# -------------------------------------------------------------------------------------------
# spoken languages and certifications


@pytest.mark.parametrize(
    ("slug", "aliases"),
    [
        ("japanese", {"日本語", "tiếng Nhật", "Nihongo"}),
        ("english", {"tiếng Anh", "英語"}),
        ("vietnamese", {"tiếng Việt", "ベトナム語"}),
        ("korean", {"한국어", "tiếng Hàn"}),
        ("chinese", {"中文", "tiếng Trung"}),
        ("french", {"tiếng Pháp"}),
        ("german", {"tiếng Đức"}),
        ("spanish", {"tiếng Tây Ban Nha"}),
        ("thai", {"tiếng Thái"}),
    ],
)
def test_spoken_languages_have_native_and_vietnamese_aliases(slug, aliases):
    skill = BY_SLUG[slug]
    assert skill["kind"] == "spoken_language"
    assert aliases <= {item["text"] for item in skill["aliases"]}


def test_every_certification_certifies_a_skill():
    certifications = [skill for skill in SKILLS if skill["kind"] == "certification"]
    assert len(certifications) >= 60
    for skill in certifications:
        assert relations(skill["slug"], "certifies"), skill["slug"]


# every row of shared/reference/certifications.md, by exam code or short name, and what it proves
CERTIFICATION_FACTS = [
    ("CLF-C02", "aws"), ("AIF-C01", "aws"), ("SAA-C03", "aws"), ("AWS SAA", "aws"), ("DVA-C02", "aws"),
    ("SOA-C03", "aws"), ("DEA-C01", "aws"), ("MLA-C01", "aws"), ("SAP-C02", "aws"), ("DOP-C02", "aws"),
    ("ANS-C01", "aws"), ("SCS-C02", "aws"),
    ("AZ-900", "azure"), ("AI-900", "azure"), ("DP-900", "azure"), ("SC-900", "cybersecurity"),
    ("AZ-104", "azure"), ("AZ-204", "azure"), ("AZ-500", "azure"), ("AI-102", "azure"),
    ("DP-300", "azure-sql-database"), ("AZ-305", "azure"), ("AZ-400", "azure-devops"),
    ("Cloud Digital Leader", "gcp"), ("Associate Cloud Engineer", "gcp"), ("Professional Cloud Architect", "gcp"),
    ("Professional Cloud Developer", "gcp"), ("Professional Data Engineer", "gcp"),
    ("Professional Cloud DevOps Engineer", "gcp"), ("Professional Cloud Security Engineer", "gcp"),
    ("Professional Machine Learning Engineer", "gcp"),
    ("1Z0-811", "java"), ("1Z0-819", "java"), ("1Z0-829", "java"), ("1Z0-830", "java"),
    ("OCP Java SE 11", "java"), ("OCP Java SE 17", "java"), ("OCP Java SE 21", "java"),
    ("KCNA", "kubernetes"), ("KCSA", "kubernetes"), ("CKA", "kubernetes"), ("CKAD", "kubernetes"), ("CKS", "kubernetes"),
    ("CTFL", "software-testing"), ("ISTQB CTFL", "software-testing"), ("CTAL-TA", "software-testing"),
    ("CTAL-TTA", "software-testing"), ("CTAL-TM", "test-management"), ("CTFL-AT", "agile"),
    ("CTAL-TAE", "test-automation"), ("CT-PT", "performance-testing"), ("CTAL-SEC", "security-testing"),
    ("CAPM", "project-management"), ("PMP", "project-management"),
    ("PSM I", "scrum"), ("PSM II", "scrum"), ("PSM III", "scrum"), ("PSPO", "scrum"), ("CSM", "scrum"), ("CSPO", "scrum"),
    ("JLPT", "japanese"), ("TOEIC", "english"), ("IELTS", "english"),
    ("ITPEC FE", "computer-science"), ("ITPEC AP", "computer-science"),
]


@pytest.mark.parametrize(("text", "certified"), CERTIFICATION_FACTS)
def test_certifications_from_the_reference_table(text, certified):
    owners = [skill for skill in SKILLS if any(fold(e["text"]) == fold(text) for e in matchable_entries(skill))]
    assert len(owners) == 1, (text, [o["slug"] for o in owners])
    assert owners[0]["kind"] == "certification"
    assert certified in relations(owners[0]["slug"], "certifies")


def test_aws_solutions_architect_associate_has_its_real_name():
    skill = BY_SLUG["aws-certified-solutions-architect-associate"]
    assert skill["name"] == "AWS Certified Solutions Architect – Associate"
    assert {"SAA-C03", "AWS SAA"} <= {a["text"] for a in skill["aliases"]}


# -------------------------------------------------------------------------------------------
# demand


def test_the_300_most_demanded_skills_are_technical_and_include_the_core_stack():
    top = sorted(SKILLS, key=lambda skill: (-skill["demand"], skill["slug"]))[:300]
    assert [s["slug"] for s in top if s["kind"] not in TECHNICAL_KINDS] == []
    # no tie at the cut decides it: everything outside the top 300 ranks strictly lower or is technical
    cut = top[-1]["demand"]
    assert all(s["kind"] in TECHNICAL_KINDS for s in SKILLS if s["demand"] >= cut)
    slugs = {s["slug"] for s in top}
    core = {
        "java", "python", "javascript", "typescript", "react", "angular", "vue", "spring-boot", "dotnet", "csharp",
        "nodejs", "docker", "kubernetes", "aws", "azure", "postgresql", "mysql", "selenium", "playwright",
        "apache-kafka", "terraform",
    }
    assert core <= slugs, core - slugs


def test_the_most_staffed_skills_rank_at_60_or_more():
    assert sum(1 for s in SKILLS if s["demand"] >= 60) >= 350
    for slug in ("scrum", "agile", "english", "japanese", "jlpt"):
        assert BY_SLUG[slug]["demand"] >= 60, slug
    assert BY_SLUG["java"]["demand"] > BY_SLUG["cobol"]["demand"] > BY_SLUG["fortran"]["demand"]


# -------------------------------------------------------------------------------------------
# the committed file is what the build produces


def test_skills_json_is_what_the_build_produces():
    reference = build.default_reference()
    if not (reference / "github-explore-topics" / "topics.jsonl").is_file():
        pytest.skip(f"reference data not found in {reference}")
    skills, _ = build.build(reference)
    assert build.render(skills) == SKILLS_PATH.read_text(encoding="utf-8")
