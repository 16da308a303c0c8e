"""Instant feedback on an interview answer: content (key points covered and missed), clarity,
confidence as it reads, STAR completeness for behavioural questions, an outline of a stronger
answer, and a score from 0 to 100.

Pure: the question's key points come in as plain data and meaning is judged through an `embed`
function given by the caller (the same text always gives the same vector, so the same answer
always gets the same feedback). Feedback describes the answer, never the person.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Embed = Callable[[Sequence[str]], list[list[float]]]

WORD_RE = re.compile(r"[a-z0-9][a-z0-9+#.'%-]*", re.I)
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
POINT_MATCH, POINT_PARTIAL = 0.62, 0.5  # cosine of a key point and the closest answer sentence
OFF_TOPIC = 0.22  # cosine of the answer (its sentence vectors summed) and the question with its model answer
BESIDE = 0.3  # mean cosine of a technical question's key points and their closest answer sentences
RIVALS_AHEAD = 5  # an answer that more of the other questions fit better than the one asked is beside the point
SPECIFICS_ENOUGH = 8  # named tools, code and numbers that make an answer concrete
DEPTH_FLOOR = 0.8  # the share of the content score an answer without any specifics keeps
ECHO = 0.9  # an answer sentence this close to the question repeats it

FILLERS = ("um", "uh", "erm", "hmm", "basically", "actually", "you know", "i mean", "kind of", "sort of", "like,", "so yeah", "literally")
HEDGES = (
    "i think", "i guess", "maybe", "probably", "perhaps", "not sure", "i'm not sure", "i am not sure", "might", "i believe",
    "kind of", "sort of", "i suppose", "more or less", "if i remember", "i don't know", "hopefully",
)
ASSERTIVE = (
    "built", "designed", "led", "implemented", "reduced", "improved", "migrated", "owned", "decided", "delivered", "fixed",
    "automated", "created", "wrote", "introduced", "set up", "launched", "optimised", "optimized", "refactored", "proposed",
    "negotiated", "mentored", "measured", "shipped", "deployed", "resolved", "cut", "increased", "replaced", "drove",
)
SIGNPOSTS = ("first", "second", "then", "next", "finally", "because", "for example", "for instance", "so that", "as a result", "in short", "the reason")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|percent|ms|s\b|seconds|minutes|hours|days|weeks|months|x\b|times|k\b|users|requests|rps|tps|gb|mb|people|engineers)?", re.I)
_I_ACTION = re.compile(r"\bi\s+(?:(?:had|have|also|then|personally|quickly)\s+)?(" + "|".join(re.escape(v) for v in ASSERTIVE) + r")\b", re.I)
_WE = re.compile(r"\bwe\b", re.I)
_I = re.compile(r"\bi\b", re.I)

STAR_CUES = {
    "situation": re.compile(r"\b(when|at my (previous|last)|in (20\d\d|my last|our)|the project|our client|the client|we were|there was|last year|a few months ago|during)\b", re.I),
    "task": re.compile(r"\b(my (task|job|role|goal|responsibility)|i was (responsible|asked|in charge|assigned)|i needed to|i had to|the goal|we needed to|our goal|my aim)\b", re.I),
    "action": _I_ACTION,
    "result": re.compile(r"\b(as a result|result|in the end|outcome|reduced|increased|improved|saved|cut|passed|delivered|on time|learned|learnt|since then|afterwards|the client (was|said))\b|\d+\s*(%|percent)", re.I),
}
WEIGHTS = {
    "technical": {"content": 0.6, "clarity": 0.2, "confidence": 0.2},
    "behavioural": {"content": 0.4, "star": 0.3, "clarity": 0.15, "confidence": 0.15},
}


@dataclass(frozen=True)
class KeyPoint:
    point: str
    terms: tuple[str, ...]
    follow_up: str | None = None


@dataclass
class PointResult:
    point: str
    status: str  # covered, partial, missed
    evidence: str | None = None
    follow_up: str | None = None


@dataclass
class Feedback:
    score: int
    off_topic: bool
    content: dict[str, object]
    clarity: dict[str, object]
    confidence: dict[str, object]
    star: dict[str, object] | None
    outline: list[str]
    summary: str
    key_points: list[PointResult] = field(default_factory=list)


def words(text: str) -> list[str]:
    return [word.lower().strip(".'") for word in WORD_RE.findall(text)]


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_RE.split(text) if len(part.strip()) > 2]


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def _echoes(sentence: str, question: str, asked: set[str], vectors: dict[str, list[float]]) -> bool:
    """Whether an answer sentence just says (part of) the question again: nearly all its words
    are among the question's words (`asked`), or it means the same as the whole question."""
    said = [word for word in words(sentence) if len(word) > 2]
    if len(said) >= 3 and sum(word in asked for word in said) >= 0.8 * len(said):
        return True
    return _cosine(vectors[sentence], vectors[question]) >= ECHO


def _has_term(alternatives: str, tokens: Sequence[str], text: str) -> bool:
    for alternative in alternatives.lower().split("|"):
        alternative = alternative.strip()
        if not alternative:
            continue
        if " " in alternative or not alternative[0].isalnum():
            if alternative in text:
                return True
        elif any(token.startswith(alternative) for token in tokens):
            return True
    return False


def _count(phrases: Sequence[str], text: str) -> list[str]:
    found = []
    for phrase in phrases:
        hits = len(re.findall(r"(?<![a-z])" + re.escape(phrase.rstrip(",")) + (r"(?=,)" if phrase.endswith(",") else r"(?![a-z])"), text))
        found += [phrase.rstrip(",")] * hits
    return found


def _content(key_points: Sequence[KeyPoint], answer: str, answer_sentences: list[str], vectors: dict[str, list[float]]) -> tuple[float, float, list[PointResult]]:
    """The share of the key points covered (a partial one counts half), how close in meaning the
    answer comes to its key points on average (each point's closest sentence), and each point's result."""
    lowered = " ".join(words(answer))
    tokens = lowered.split()
    results = []
    credit = closeness = 0.0
    for point in key_points:
        hits = [group for group in point.terms if _has_term(group, tokens, lowered)]
        needed = max(1, math.ceil(len(point.terms) / 2))
        closest, similarity = None, 0.0
        for sentence in answer_sentences:
            value = _cosine(vectors[point.point], vectors[sentence])
            if value > similarity:
                closest, similarity = sentence, value
        if len(hits) >= needed or similarity >= POINT_MATCH:
            status, earned = "covered", 1.0
        elif hits or similarity >= POINT_PARTIAL:
            status, earned = "partial", 0.5
        else:
            status, earned = "missed", 0.0
        credit += earned
        closeness += similarity
        evidence = closest if status != "missed" else None
        results.append(PointResult(point.point, status, evidence, point.follow_up if status != "covered" else None))
    if not key_points:
        return 0.0, 0.0, results
    return credit / len(key_points), closeness / len(key_points), results


def _clarity(answer: str, answer_sentences: list[str], kind: str) -> dict[str, object]:
    tokens = words(answer)
    count = len(tokens)
    lengths = [len(words(sentence)) for sentence in answer_sentences] or [0]
    lowered = " " + answer.lower() + " "
    fillers = _count(FILLERS, lowered)
    signposts = sorted(set(_count(SIGNPOSTS, lowered)))
    low, high = (120, 320) if kind == "behavioural" else (50, 220)
    repeated = len(answer_sentences) - len({sentence.lower() for sentence in answer_sentences})
    rambling = count > high * 1.5 or repeated > 0
    notes = []
    score = 100.0
    if count < low:
        notes.append(f"Short: {count} words, where {low}–{high} usually give room for the key points and an example.")
        score -= min(40, (low - count) / low * 50)
    elif count > high:
        notes.append(f"Long: {count} words; {low}–{high} keep the listener with you.")
        score -= min(30, (count - high) / high * 40)
    if max(lengths) > 40:
        notes.append(f"The longest sentence runs {max(lengths)} words; split it so each sentence makes one point.")
        score -= 10
    filler_rate = len(fillers) / max(count, 1)
    if fillers:
        notes.append(f"Filler words: {', '.join(sorted(set(fillers)))} ({len(fillers)} in all).")
        score -= min(25, filler_rate * 400)
    if not signposts and count >= 60:
        notes.append("No signposts (first, then, because, for example, as a result) to show the structure.")
        score -= 10
    if rambling:
        notes.append("It repeats itself or runs long: lead with the answer, then the example, then stop.")
        score -= 10
    return {
        "score": max(0, round(score)),
        "words": count,
        "sentences": len(answer_sentences),
        "averageSentenceWords": round(sum(lengths) / len(lengths), 1),
        "longestSentenceWords": max(lengths),
        "fillers": len(fillers),
        "fillerWords": sorted(set(fillers)),
        "signposts": signposts,
        "rambling": rambling,
        "notes": notes,
    }


def _confidence(answer: str, duration: float | None) -> dict[str, object]:
    lowered = " " + answer.lower() + " "
    count = max(len(words(answer)), 1)
    hedges = _count(HEDGES, lowered)
    mine = len(_I.findall(answer))
    ours = len(_WE.findall(answer))
    actions = sorted({match.group(1).lower() for match in _I_ACTION.finditer(answer)})
    numbers = [match.group(0).strip() for match in _NUMBER.finditer(answer)]
    notes = []
    score = 60.0
    if hedges:
        notes.append(f"Hedging: {', '.join(sorted(set(hedges)))} ({len(hedges)}). State what you know plainly.")
        score -= min(35, len(hedges) / count * 600)
    if actions:
        score += min(20, 7 * len(actions))
    if ours > mine and ours >= 2:
        notes.append(f"\"We\" ({ours}) outnumbers \"I\" ({mine}): say what you did yourself.")
        score -= 10
    elif mine:
        score += 5
    if numbers:
        score += min(15, 5 * len(numbers))
    else:
        notes.append("No concrete numbers (scale, time, results).")
    pace = None
    if duration:
        pace = round(count / (duration / 60))
        if pace < 90:
            notes.append(f"Pace {pace} words a minute: slow; long pauses read as uncertainty.")
            score -= 5
        elif pace > 180:
            notes.append(f"Pace {pace} words a minute: fast; slow down for a listener in a second language.")
            score -= 5
    return {
        "score": max(0, min(100, round(score))),
        "hedges": len(hedges),
        "hedgeWords": sorted(set(hedges)),
        "ownership": {"i": mine, "we": ours},
        "assertiveVerbs": actions,
        "numbers": numbers[:10],
        "wordsPerMinute": pace,
        "notes": notes,
    }


def _star(answer: str, answer_sentences: list[str], rubric: dict[str, str] | None) -> dict[str, object]:
    parts = {}
    for part, cue in STAR_CUES.items():
        evidence = next((sentence for sentence in answer_sentences if cue.search(sentence)), None)
        parts[part] = {"present": evidence is not None, "evidence": evidence, "strong": (rubric or {}).get(part)}
    present = sum(1 for part in parts.values() if part["present"])
    return {"score": round(100 * present / 4), "complete": present == 4, **parts}


def reference_texts(question: str, key_points: Sequence[KeyPoint], model_answer: str | None) -> list[str]:
    """What an answer's sentences are compared with: the question with its model answer, the
    question alone, and each key point. They depend on the question only, so their vectors can
    be made once, ahead of any answer; per answer only its sentences are embedded (the answer as
    a whole is the sum of its sentences' vectors)."""
    return list(dict.fromkeys([question + (" " + model_answer if model_answer else ""), question, *(point.point for point in key_points)]))


def evaluate(
    *,
    question: str,
    answer: str,
    kind: str = "technical",
    key_points: Sequence[KeyPoint] = (),
    model_answer: str | None = None,
    star: dict[str, str] | None = None,
    duration: float | None = None,
    rivals: Sequence[str] = (),
    embed: Embed,
) -> Feedback:
    """Feedback on one answer. `rivals` are other questions the answer might be answering instead
    (for a filled-in template: the other templates, filled in the same way); an answer that more
    than RIVALS_AHEAD of them fit better than the question asked is beside the point."""
    specific = kind == "technical"  # key points of templates and behavioural rubrics are worded in general terms
    kind = "behavioural" if kind == "behavioural" else "technical"
    answer = answer.strip()
    if not words(answer):
        return _empty(kind, key_points, model_answer, star)
    answer_sentences = sentences(answer) or [answer]
    reference, *_ = references = reference_texts(question, key_points, model_answer)
    texts = list(dict.fromkeys([*answer_sentences, *references, *rivals]))
    vectors = dict(zip(texts, embed(texts), strict=True))
    # a sentence that only says the question again earns nothing
    asked = set(words(question))
    own = [sentence for sentence in answer_sentences if not _echoes(sentence, question, asked, vectors)]
    own_text = " ".join(own)
    meaning = [sum(values) for values in zip(*(vectors[sentence] for sentence in own))]
    relevance = _cosine(meaning, vectors[reference]) if own else 0.0
    coverage, closeness, points = _content(key_points, own_text, own, vectors)
    # beside the point: far from the question as a whole; for a technical question with its own
    # key points, talking around the topic without coming near any of them; or answering other
    # questions better than this one
    asked = _cosine(meaning, vectors[question]) if own else 0.0
    better = sum(1 for rival in rivals if own and _cosine(meaning, vectors[rival]) > asked)
    beside = relevance < OFF_TOPIC or (specific and bool(key_points) and closeness < BESIDE)
    # the rivals' test stands even when loose terms covered a point: those words were said about something else
    off_topic = bool(own) and ((beside and not any(point.status == "covered" for point in points)) or better > RIVALS_AHEAD)
    if not key_points:
        coverage = max(0.0, min(1.0, (relevance - 0.2) / 0.5))
    detail = _specifics(own)
    depth = DEPTH_FLOOR + (1 - DEPTH_FLOOR) * min(1.0, len(detail) / SPECIFICS_ENOUGH)
    content_score = 0 if off_topic else round(100 * depth * (0.85 * coverage + 0.15 * max(0.0, min(1.0, relevance / 0.7))))
    vague = _vague(answer)
    content = {
        "score": content_score,
        "relevance": round(relevance, 3),
        "covered": [p.point for p in points if p.status == "covered"],
        "partial": [p.point for p in points if p.status == "partial"],
        "missed": [p.point for p in points if p.status == "missed"],
        "vague": vague,
        "specifics": detail,
        "notes": _content_notes(off_topic, points, vague, echoed=len(answer_sentences) - len(own), specifics=len(detail), kind=kind),
    }
    clarity = _clarity(answer, answer_sentences, kind)
    confidence = _confidence(answer, duration)
    star_result = _star(answer, answer_sentences, star) if kind == "behavioural" else None
    parts = {"content": content_score, "clarity": clarity["score"], "confidence": confidence["score"]}
    if star_result is not None:
        parts["star"] = star_result["score"]
    score = round(sum(WEIGHTS[kind][name] * value for name, value in parts.items()))
    if off_topic:
        score = min(score, 10)
    elif content_score < 30:
        score = min(score, content_score + 15)  # delivery cannot make up for missing substance
    return Feedback(
        score=score,
        off_topic=off_topic,
        content=content,
        clarity=clarity,
        confidence=confidence,
        star=star_result,
        outline=_outline(kind, points, star_result, star, confidence),
        summary=_summary(score, off_topic, content, star_result),
        key_points=points,
    )


_NAMED = re.compile(r"[A-Za-z][\w.+#/-]*")


def _specifics(answer_sentences: Sequence[str]) -> list[str]:
    """The concrete things an answer names: tools and products (capitalised after a sentence's
    first word), code-like tokens (camelCase, dotted, with digits) and numbers."""
    found: dict[str, str] = {}
    for sentence in answer_sentences:
        for token in _NAMED.findall(sentence)[1:]:
            if (token[0].isupper() and token != "I" and not token.startswith("I'")) or re.search(r"[a-z][A-Z]|\w\.\w|\d", token):
                found.setdefault(token.lower().rstrip("."), token.rstrip("."))
        for match in _NUMBER.finditer(sentence):
            found.setdefault(match.group(0).strip().lower(), match.group(0).strip())
    return list(found.values())


_GENERIC = re.compile(r"\b(stuff|things|etc|and so on|something like that|various|some kind of|in general|it depends)\b", re.I)


def _vague(answer: str) -> list[str]:
    """Phrases that stand in for specifics."""
    return sorted({match.group(0).lower() for match in _GENERIC.finditer(answer)})


def _content_notes(off_topic: bool, points: Sequence[PointResult], vague: Sequence[str], *, echoed: int, specifics: int, kind: str) -> list[str]:
    notes = []
    if echoed:
        notes.append(f"{echoed} sentence{'s' if echoed > 1 else ''} only repeat{'' if echoed > 1 else 's'} the question and count for nothing: answer it instead.")
    if off_topic:
        return [*notes, "What is left does not address the question." if echoed else "The answer does not address the question."]
    notes += [f"Missed: {p.point}" for p in points if p.status == "missed"]
    notes += [f"Touched on but not explained: {p.point}" for p in points if p.status == "partial"]
    if vague:
        notes.append(f"Vague wording stands in for specifics: {', '.join(vague)}.")
    if specifics < SPECIFICS_ENOUGH // 2:
        what = "the project, the tools and the numbers" if kind == "behavioural" else "the tools, versions, settings and numbers you actually worked with"
        notes.append(f"Few specifics ({specifics}): name {what}.")
    return notes


def _outline(kind: str, points: Sequence[PointResult], star_result: dict[str, object] | None, rubric: dict[str, str] | None, confidence: dict[str, object]) -> list[str]:
    outline = []
    if kind == "behavioural":
        labels = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}
        for part, label in labels.items():
            strong = (rubric or {}).get(part) or {
                "situation": "the project, the client and what was at stake, in a sentence or two",
                "task": "what you personally had to achieve",
                "action": "the steps you took yourself, in order, with the reasons",
                "result": "a measurable outcome and what you learned",
            }[part]
            present = bool(star_result and star_result[part]["present"])  # type: ignore[index]
            outline.append(f"{label}{' (keep)' if present else ' (add)'}: {strong}")
    else:
        outline.append("Open with a one-sentence direct answer.")
        outline += [f"{'Keep' if p.status == 'covered' else 'Add'}: {p.point}" for p in points]
        outline.append("Close with an example from your own project: what you did and a number that shows the result.")
    if not confidence["numbers"]:
        outline.append("Put in one true number: scale, time saved, error rate, users.")
    return outline


def _summary(score: int, off_topic: bool, content: dict[str, object], star_result: dict[str, object] | None) -> str:
    if off_topic:
        return f"{score}/100: the answer does not address the question."
    covered, missed = len(content["covered"]), len(content["missed"])  # type: ignore[arg-type]
    text = f"{score}/100: the answer covers {covered} of {covered + missed + len(content['partial'])} key points"  # type: ignore[arg-type]
    if star_result is not None:
        absent = [part for part in ("situation", "task", "action", "result") if not star_result[part]["present"]]  # type: ignore[index]
        text += "; STAR complete" if not absent else f"; STAR lacks {', '.join(absent)}"
    return text + "."


def _empty(kind: str, key_points: Sequence[KeyPoint], model_answer: str | None, star: dict[str, str] | None) -> Feedback:
    points = [PointResult(point.point, "missed", None, point.follow_up) for point in key_points]
    content = {"score": 0, "relevance": 0.0, "covered": [], "partial": [], "missed": [p.point for p in points], "vague": [], "specifics": [], "notes": ["No answer was given."]}
    clarity = {"score": 0, "words": 0, "sentences": 0, "averageSentenceWords": 0, "longestSentenceWords": 0, "fillers": 0, "fillerWords": [], "signposts": [], "rambling": False, "notes": ["No answer was given."]}
    confidence = {"score": 0, "hedges": 0, "hedgeWords": [], "ownership": {"i": 0, "we": 0}, "assertiveVerbs": [], "numbers": [], "wordsPerMinute": None, "notes": []}
    star_result = _star("", [], star) if kind == "behavioural" else None
    return Feedback(0, False, content, clarity, confidence, star_result, _outline(kind, points, star_result, star, confidence), "0/100: no answer was given.", points)
