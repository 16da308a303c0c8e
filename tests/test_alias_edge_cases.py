"""Every case of the reference's alias edge cases, run through the product's extractor and taxonomy."""

import pytest

from service.skills.service import extractor


def slugs(text):
    return [found.skill.slug for found in extractor().extract(text)]


def technical(text):
    return [found.skill.slug for found in extractor().extract(text) if found.skill.technical]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # C vs C#, C++; a bare C only in a skills context
        ("Skills: C, C#, C++", ["c", "csharp", "cplusplus"]),
        ("C-Sharp and C Sharp developer; .NET C#", ["csharp", "dotnet"]),
        # Go: Golang always, Go only as written and among technologies
        ("Golang microservices", ["go"]),
        ("Backend: Go, PostgreSQL", ["go", "postgresql"]),
        # R only as a technology
        ("Data science stack: R, Python, SQL", ["r", "python", "sql"]),
        # Java vs JavaScript, JS, ECMAScript: longest match, never a substring
        ("Java, JavaScript, JS and ECMAScript", ["java", "javascript"]),
        # React vs React Native vs Preact; Angular vs AngularJS
        ("React, React Native, Preact", ["react", "react-native", "preact"]),
        ("Angular 15 and AngularJS", ["angular", "angularjs"]),
        # Spring, Spring Boot, springboot, Spring Framework
        ("Spring Boot, springboot", ["spring-boot"]),
        ("Spring Framework with Java", ["spring", "java"]),
        # .NET umbrella, ASP.NET part of .NET
        (".NET, dotnet, .NET Core", ["dotnet"]),
        ("ASP.NET and ASP.NET Core MVC", ["aspnet", "aspnet-core"]),
        # k8s means Kubernetes; managed services are their own skills
        ("k8s, EKS, AKS, GKE", ["kubernetes", "amazon-eks", "azure-kubernetes-service", "google-kubernetes-engine"]),
        # Postgres, PostgreSQL, psql; PG only with context
        ("Postgres, PostgreSQL, psql", ["postgresql"]),
        ("Databases: PG, MySQL", ["postgresql", "mysql"]),
        # SQL is a language; the products are databases
        ("SQL, MySQL, MS SQL, SQL Server, T-SQL, PL/SQL", ["sql", "mysql", "sql-server", "t-sql", "pl-sql"]),
        # clouds and their services
        ("AWS, Amazon Web Services, GCP, Google Cloud, Azure, Microsoft Azure", ["aws", "gcp", "azure"]),
        ("AWS (EC2, S3, Lambda)", ["aws", "amazon-ec2", "amazon-s3", "aws-lambda"]),
        # Node only with context
        ("Node.js and NodeJS", ["nodejs"]),
        ("Runtime: Node, Express.js", ["nodejs", "express"]),
        # Swift (Apple) vs SWIFT (banking); Rust, Dart, Scala, Elixir by case
        ("iOS with Swift and SwiftUI", ["swift", "swiftui", "ios"]),
        ("Rust, Dart, Scala, Elixir", ["rust", "dart", "scala", "elixir"]),
    ],
)
def test_technologies_are_named_right(text, expected):
    found = technical(text)
    for slug in expected:
        assert slug in found, (slug, found)


@pytest.mark.parametrize(
    "text",
    [
        "Our office is on Java Street, next to Ruby's cafe; Friday is Go-Karting.",
        "Competitive salary and a flexible culture.",
        "Grade C, C-level stakeholders, Vitamin C",
        "We go to market in spring.",
        "Payments over the SWIFT network; rust on old bridges; a dart board; scala of prices",
        "Let's go! Node of the graph.",
        "Sales figures, R&D budget",
    ],
)
def test_ordinary_words_are_no_skill(text):
    assert technical(text) == []


def test_the_season_and_go_need_technology_around_them():
    assert "spring" not in slugs("Start date: Spring 2026")
    assert "go" not in slugs("Go")


@pytest.mark.parametrize(
    ("text", "language", "cefr"),
    [
        ("日本語: N2", "japanese", "B2"),
        ("JLPT N2", "japanese", "B2"),
        ("Tiếng Nhật N3", "japanese", "B1"),
        ("英語: ビジネスレベル", "english", "B2"),
        ("TOEIC 800", "english", "B2"),
        ("IELTS 6.5", "english", "B2"),
    ],
)
def test_spoken_languages_with_a_level(text, language, cefr):
    found = {f.skill.slug: f for f in extractor().extract(text)}
    assert language in found, found
    assert found[language].level is not None and found[language].level.cefr == cefr
