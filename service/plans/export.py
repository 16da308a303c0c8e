"""A study plan as people use it outside the API: Markdown to read, iCalendar for their calendar."""

from __future__ import annotations

from datetime import datetime, timezone

from service.plans.models import StudyPlan

_STATUS = {"todo": "[ ]", "done": "[x]", "skipped": "[-]"}


def markdown(plan: StudyPlan, *, project_name: str, person: str) -> str:
    lines = [
        f"# Study plan: {person} for {project_name}",
        "",
        f"Interview on **{plan.interview_date.isoformat()}**; study from {plan.start_date.isoformat()}, "
        f"{plan.hours_per_week:g} h a week ({', '.join(plan.study_days)}, from {plan.session_start}).",
        "",
        plan.summary,
        "",
    ]
    progress = plan.progress
    lines += [f"Progress: {progress['percent']}% ({progress['done_items']} of {progress['total_items']} items done).", ""]
    lines += [f"> {note}" for note in plan.notes] + ([""] if plan.notes else [])
    lines += ["## Items", ""]
    for number, item in enumerate(plan.items, start=1):
        when = f", {item.first_session.isoformat()} to {item.last_session.isoformat()}" if item.first_session else ""
        lines.append(f"### {number}. {_STATUS[item.status]} {item.title} ({item.scheduled_hours:g} h{when})")
        lines += ["", item.reason]
        if item.builds_on:
            lines.append(f"Builds on: {', '.join(item.builds_on)}.")
        lines.append("")
        for resource in item.resources:
            price = "free" if resource["free"] else "paid"
            lines.append(f"- [{resource['title']}]({resource['url']}) ({resource['type'].replace('_', ' ')}, {resource['language']}, {price}, ~{resource['hours']:g} h)")
        lines += ["", "Check yourself:", ""]
        lines += [f"- {goal}" for goal in item.self_check.get("goals", [])]
        lines += [f"- Q: {question['text']}" for question in item.self_check.get("questions", [])]
        lines.append("")
    if plan.left_out:
        lines += ["## Left out", ""]
        lines += [f"- **{entry['title']}**: {entry['reason']}" for entry in plan.left_out]
        lines.append("")
    lines += ["## Schedule", ""]
    for period in plan.schedule:
        if not period["sessions"]:
            continue
        lines.append(f"**{period['label']}** ({period['start']} to {period['end']}, {period['hours']:g} h)")
        lines += [f"- {s['date']} {s['start']}–{s['end']}: {s['title']}" for s in period["sessions"]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 content lines are at most 75 octets; longer ones continue after CRLF and a space."""
    encoded, parts = line.encode(), []
    while len(encoded) > (cut := 75 if not parts else 74):
        while cut > 0 and (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return [parts[0], *(" " + part for part in parts[1:])]


def icalendar(plan: StudyPlan, *, project_name: str) -> str:
    """One event per study session, in floating local time (the person's own clock)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    items = {item.key: item for item in plan.items}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Interview Co-Pilot//Study plan//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(f'Study plan: {project_name}')}"]
    number = 0
    for period in plan.schedule:
        for session in period["sessions"]:
            number += 1
            item = items.get(session["item_key"])
            day = session["date"].replace("-", "")
            details = [item.reason] if item else []
            if item:
                details += [f"{r['title']}: {r['url']}" for r in item.resources]
                details += item.self_check.get("goals", [])[:2]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{plan.id}-{number}@interview-copilot",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{day}T{session['start'].replace(':', '')}00",
                f"DTEND:{day}T{session['end'].replace(':', '')}00",
                f"SUMMARY:{_escape('Study: ' + session['title'])}",
                f"DESCRIPTION:{_escape(chr(10).join(details))}",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
