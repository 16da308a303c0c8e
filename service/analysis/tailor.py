"""The resume with an analysis's suggestions applied, and a Markdown rendering for people.

Works on the resume document (the customer's schema) as plain JSON; nothing is stored."""

from __future__ import annotations

import copy
import re
from typing import Any

_PATH = re.compile(r"^projects\[(\d+)\]$")


def tailor(document: dict[str, Any], suggestions: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply rewrites, added skills and the project order; advice (numbers, certificates) stays
    advice. Only suggestions with a `change` are applied."""
    tailored = copy.deepcopy(document)
    projects = tailored.get("projects", [])
    for suggestion in suggestions:
        change = suggestion.get("change") or {}
        if suggestion["type"] == "rewrite" and (match := _PATH.match(str(change.get("path", "")))):
            index = int(match.group(1))
            if index < len(projects) and suggestion.get("after"):
                projects[index][change["field"]] = suggestion["after"]
        elif suggestion["type"] == "hidden_evidence" and change.get("jobTitleName"):
            tailored.setdefault("professionalSkills", []).append(
                {
                    "jobTitleName": change["jobTitleName"],
                    "experienceYear": change["experienceYear"],
                    "experienceMonth": change["experienceMonth"],
                    "isMainSkill": False,
                    "jobFillByUser": "From the person's project records",
                    "projectInfo": [],
                }
            )
    order = next((s["change"]["order"] for s in suggestions if s["type"] == "order" and (s.get("change") or {}).get("order")), None)
    if order:
        by_path = {f"projects[{index}]": project for index, project in enumerate(projects)}
        ordered = [by_path[path] for path in order if path in by_path]
        tailored["projects"] = ordered + [project for project in projects if project not in ordered]
    return tailored


def _period(project: dict[str, Any]) -> str:
    start = (project.get("startDate") or "")[:7]
    end = (project.get("endDate") or "")[:7] or ("now" if project.get("status") == "On-going" else "")
    return f"{start} – {end}" if start or end else ""


def markdown(document: dict[str, Any]) -> str:
    head = document.get("resume", {})
    lines = [f"# {head.get('first_name', '')} {head.get('last_name', '')}".strip(), ""]
    skills = document.get("professionalSkills") or []
    if skills:
        lines += ["## Skills", ""]
        for skill in skills:
            years = skill.get("experienceYear") or 0
            months = skill.get("experienceMonth") or 0
            lines.append(f"- {skill.get('jobTitleName')}: {years} years {months} months" if years or months else f"- {skill.get('jobTitleName')}")
        lines.append("")
    if document.get("projects"):
        lines += ["## Projects", ""]
        for project in document["projects"]:
            lines.append(f"### {project.get('name') or 'Project'}" + (f" ({_period(project)})" if _period(project) else ""))
            facts = [f"{key}: {project[field]}" for field, key in (("company", "Company"), ("domain", "Domain"), ("teamSize", "Team size")) if project.get(field)]
            if project.get("projectRoles"):
                facts.append("Role: " + ", ".join(str(role) for role in project["projectRoles"]))
            if facts:
                lines.append(" · ".join(facts))
            if project.get("technology"):
                lines.append("Technologies: " + ", ".join(project["technology"]))
            for field in ("projectDescription", "responsibility"):
                if project.get(field):
                    lines += ["", project[field]]
            lines.append("")
    if document.get("certificates"):
        lines += ["## Certificates", ""]
        lines += [f"- {c.get('certificate')}" + (f" ({c['score']})" if c.get("score") else "") for c in document["certificates"]]
        lines.append("")
    if document.get("languages"):
        lines += ["## Languages", ""]
        lines += [f"- {entry['language']['name']} (proficiency {entry.get('proficiency')})" for entry in document["languages"]]
        lines.append("")
    if document.get("education"):
        lines += ["## Education", ""]
        for education in document["education"]:
            parts = [education.get("degree"), education.get("major"), education.get("school")]
            lines.append("- " + ", ".join(part for part in parts if part))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
