"""Generate many varied, valid resume documents for benchmarks (deterministic for a seed)."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

FAMILY = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly", "Phan", "Trinh", "Vu"]
GIVEN = ["Minh", "Anh", "Huy", "Lan", "Thao", "Quang", "Duc", "Linh", "Trang", "Nam", "Phuong", "Tuan", "Hoa", "Khanh", "Long", "Mai", "Son", "Vy"]
STACKS = {
    "Java Backend Developer": ["Java 17", "Spring Boot", "Hibernate", "PostgreSQL", "Kafka", "Docker", "AWS"],
    ".NET Developer": ["C#", ".NET 8", "ASP.NET Core", "Entity Framework", "SQL Server", "Azure"],
    "Frontend Developer": ["TypeScript", "React", "Redux", "Next.js", "Jest", "Tailwind CSS"],
    "Python Developer": ["Python", "Django", "FastAPI", "Celery", "PostgreSQL", "Redis"],
    "Mobile Developer": ["Kotlin", "Android", "Swift", "iOS", "Flutter", "Firebase"],
    "QA Automation Engineer": ["Selenium", "Playwright", "Cypress", "Postman", "JMeter", "TestNG"],
    "DevOps Engineer": ["Kubernetes", "Terraform", "Jenkins", "GitLab CI", "AWS", "Prometheus", "Helm"],
    "Data Engineer": ["Python", "Apache Spark", "Airflow", "dbt", "Snowflake", "Kafka", "SQL"],
}
DOMAINS = ["Banking", "Insurance", "E-commerce", "Healthcare", "Logistics", "Automotive", "Telecom", "Education", "Retail", "Fintech"]


def resume_document(rng: random.Random, *, resume_id: uuid.UUID | None = None) -> dict[str, Any]:
    title, stack = rng.choice(list(STACKS.items()))
    start = datetime(2008, 1, 1) + timedelta(days=rng.randrange(0, 5000))
    projects = []
    cursor = start
    for index in range(rng.randint(1, 6)):
        length = timedelta(days=rng.randrange(90, 900))
        end = cursor + length
        ongoing = end > datetime(2026, 11, 1)
        projects.append(
            {
                "name": f"{rng.choice(DOMAINS)} platform {index + 1}",
                "company": f"Client {rng.randrange(1, 400)}",
                "technology": rng.sample(stack, k=rng.randint(2, len(stack))),
                "startDate": cursor.strftime("%Y-%m-%dT00:00:00"),
                "endDate": None if ongoing else end.strftime("%Y-%m-%dT00:00:00"),
                "status": "On-going" if ongoing else "Closed",
                "teamSize": rng.randint(3, 40),
                "projectDescription": f"Built and maintained a {title.lower()} workload for a {rng.choice(DOMAINS).lower()} client.",
                "responsibility": "- Implemented features\n- Reviewed code\n- Wrote tests",
                "projectRoles": [title],
                "contractType": rng.choice(["T&M", "Fixed Price"]),
                "type": "External",
            }
        )
        cursor = end - timedelta(days=rng.randrange(0, 60))
        if ongoing:
            break
    years = max(0, (min(cursor, datetime(2026, 11, 1)) - start).days // 365)
    return {
        "resume": {"id": str(resume_id or uuid.UUID(int=rng.getrandbits(128))), "first_name": rng.choice(GIVEN), "last_name": rng.choice(FAMILY)},
        "education": [{"school": "Hanoi University of Science and Technology", "degree": "Bachelor of Engineering", "major": "Computer Science", "start": "2004-09-01T00:00:00", "end": "2008-06-30T00:00:00", "completeDegree": True}],
        "certificates": [{"certificate": "TOEIC", "foreignLanguage": "English", "score": str(rng.randrange(500, 990, 5)), "issueDate": "2020-05-01T00:00:00", "status": 1}],
        "languages": [{"proficiency": rng.randint(2, 5), "language": {"name": "English"}}, {"proficiency": 6, "language": {"name": "Vietnamese"}}],
        "domain": [{"name": rng.choice(DOMAINS), "year": rng.randint(0, 8), "month": rng.randint(0, 11)}],
        "projects": projects,
        "professionalSkills": [{"jobTitleName": title, "experienceYear": min(years, 60), "experienceMonth": rng.randint(0, 11), "isMainSkill": True, "projectInfo": []}],
    }


def resume_documents(count: int, *, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [resume_document(rng) for _ in range(count)]
