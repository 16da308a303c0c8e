"""Answer feedback on plain data, with the real embedding model for meaning."""

import pytest

from embeddings.model import default_model
from service.matching.feedback import KeyPoint, evaluate

QUESTION = "How would you add caching to a slow product-detail endpoint, and how do you keep the cache correct?"
POINTS = [
    KeyPoint("Cache-aside with Redis keyed by product id", ("redis|memcache", "cache-aside|cache aside|look up|lookup|miss"), "Where does the cache sit, and what happens on a miss?"),
    KeyPoint("Invalidate or expire entries when the product changes", ("invalidat|evict|delete the key", "ttl|expir|time to live"), "You mentioned caching: how do you invalidate it when a product changes?"),
    KeyPoint("Measure the hit rate and the latency before and after", ("hit rate|hit ratio", "latenc|p95|p99|millisecond|ms")),
]
MODEL = "Put Redis in front of the database with cache-aside, keyed by product id; evict the key on every product update and set a TTL as a safety net; watch hit rate and p95 latency."
STRONG = (
    "First, I would put Redis in front of the database using cache-aside: on a miss the service reads PostgreSQL and writes the "
    "product under its id. Because prices change, I delete the key whenever the product is updated and also set a TTL of ten "
    "minutes as a safety net. In my last project I did exactly this and measured it: the hit rate reached 92% and p95 latency "
    "dropped from 480 ms to 35 ms."
)
PARTIAL = "I would use Redis to cache the product by its id, so most reads never hit the database. I set this up in my last project and it was faster."
POOR = "Um, I think maybe we could, like, add some caching or something, basically it depends on the stuff the team uses."


@pytest.fixture(scope="module")
def embed():
    return default_model().embed


def run(answer, embed, **fields):
    return evaluate(question=QUESTION, answer=answer, key_points=POINTS, model_answer=MODEL, embed=embed, **fields)


def test_strong_partial_poor_and_empty_answers_are_ordered_and_explained(embed):
    strong, partial, poor, empty = (run(a, embed) for a in (STRONG, PARTIAL, POOR, ""))
    assert strong.score > partial.score > poor.score > empty.score == 0
    assert strong.score >= 75 and len(strong.content["covered"]) == 3
    assert partial.content["missed"] and "Invalidate or expire entries when the product changes" in partial.content["missed"]
    assert [p.follow_up for p in partial.key_points if p.status == "missed"][0].startswith("You mentioned caching")
    assert poor.confidence["hedges"] >= 2 and "maybe" in poor.confidence["hedgeWords"]
    assert poor.clarity["fillers"] >= 2 and poor.content["vague"]
    assert strong.confidence["numbers"] and "did" not in strong.confidence["assertiveVerbs"]
    assert empty.summary == "0/100: no answer was given." and empty.content["missed"] == [p.point for p in POINTS]


def test_an_off_topic_answer_scores_low_and_is_named(embed):
    feedback = run("On weekends I enjoy hiking with my family and cooking Vietnamese food for friends.", embed)
    assert feedback.off_topic and feedback.score <= 10 and "does not address" in feedback.summary


def test_repeating_the_question_earns_nothing(embed):
    question = "Our checkout page is slow under load. How would you add caching to a slow product-detail endpoint, and how do you keep the cache correct?"
    # the second sentence of the question, said back: nearly all its words are the question's
    echo = evaluate(question=question, answer="So, how would I add caching to a slow product-detail endpoint and keep the cache correct? It depends.", key_points=POINTS, model_answer=MODEL, embed=embed)
    assert echo.content["score"] == 0 and echo.score <= 15 and not echo.content["covered"] and not echo.content["partial"]
    assert echo.content["notes"][0].startswith("1 sentence only repeats the question")
    # a repeat in front of a real answer costs nothing: the rest is judged as it would be alone
    prefixed = evaluate(question=question, answer="How would I add caching to a slow product-detail endpoint? " + STRONG, key_points=POINTS, model_answer=MODEL, embed=embed)
    alone = evaluate(question=question, answer=STRONG, key_points=POINTS, model_answer=MODEL, embed=embed)
    assert prefixed.content["covered"] == alone.content["covered"] and len(alone.content["covered"]) == 3
    assert prefixed.content["score"] == alone.content["score"]


def test_feedback_describes_the_answer_and_is_the_same_for_the_same_answer(embed):
    first, second = run(PARTIAL, embed), run(PARTIAL, embed)
    assert first == second
    text = " ".join([first.summary, *first.outline, *first.content["notes"], *first.clarity["notes"], *first.confidence["notes"]]).lower()
    assert "you are" not in text and "you're" not in text


def test_pace_needs_a_duration(embed):
    assert run(STRONG, embed).confidence["wordsPerMinute"] is None
    fast = run(STRONG, embed, duration=20)
    assert fast.confidence["wordsPerMinute"] > 180 and any("fast" in note for note in fast.confidence["notes"])


STAR = {"situation": "a real project and what was at stake", "task": "what they had to achieve", "action": "their own steps", "result": "a measurable outcome"}


def test_star_parts_are_detected_in_a_behavioural_answer(embed):
    story = (
        "In 2024 our client in Osaka was unhappy because releases kept slipping. My task was to get the sprint plan back on track "
        "before the audit. I split the backlog with the product owner, I set up a daily risk review and I negotiated moving two "
        "features to the next release. As a result we delivered the audit release on time and escaped defects fell by 40%."
    )
    full = evaluate(question="Tell me about a time a client was unhappy with delivery.", answer=story, kind="behavioural", star=STAR, embed=embed)
    assert full.star["complete"] and full.star["score"] == 100
    assert full.star["result"]["evidence"].startswith("As a result")
    vague = evaluate(question="Tell me about a time a client was unhappy with delivery.", answer="We usually talk to the client and fix things together as a team.", kind="behavioural", star=STAR, embed=embed)
    assert not vague.star["complete"] and vague.score < full.score
    assert any(line.startswith("Result (add)") for line in vague.outline)


def test_an_answer_that_fits_other_questions_better_is_beside_the_point(embed):
    from seed_data.load import question_records
    from service.interviews.service import filled, rival_texts

    values = {"skill": "Playwright", "known": "Selenium", "project": "Internet banking portal", "technology": "Selenium", "role": "QA engineer"}
    templates = {record["id"]: record for record in question_records() if record["kind"] in ("gap", "project")}
    asked = filled(templates["gap-1"]["text"], templates["gap-1"]["keyPoints"], templates["gap-1"]["modelAnswer"], values)
    rivals = rival_texts({code: record["text"] for code, record in templates.items()}, "gap-1", values)
    points = [KeyPoint(point["point"], tuple(point["terms"]), point.get("followUp")) for point in asked["key_points"]]

    def score(answer, **extra):
        return evaluate(question=asked["text"], answer=answer, kind="gap", key_points=points, model_answer=asked["model_answer"], embed=embed, **extra)

    # asked how they would ramp up on Playwright, they describe the project they test today
    elsewhere = (
        "On the internet banking portal I automate the regression suite with Selenium and TestNG. There are about 450 "
        "cases and they run every night in Jenkins against the UAT environment. I wrote most of the page objects and "
        "the Allure reports, and I review the pull requests of two junior testers."
    )
    assert score(elsewhere, rivals=rivals).off_topic and score(elsewhere, rivals=rivals).score <= 10
    on_point = (
        "I have not used Playwright on a project yet. In the first days I would follow the official getting-started "
        "guide and write a few small tests against our staging site to practise locators and auto-waiting. Then I "
        "would run the team's existing suite locally, read how the specs are organised, and ask for a small real "
        "ticket in the first week. I would ask a senior tester to review my first pull requests closely."
    )
    assert not score(on_point, rivals=rivals).off_topic and score(on_point, rivals=rivals).score >= 60


def test_the_rivals_test_stands_even_when_a_loose_term_covers_a_point(embed):
    question = "You haven't used Playwright yet. How would you get productive with it in your first two weeks?"
    points = [KeyPoint("Learns in the project's real code", ("project|codebase",))]
    answer = "In my current project I automate the regression suite with Selenium and TestNG: about 450 cases run every night in Jenkins, and I wrote most of the page objects."
    rivals = [
        "How was your current project tested?",
        "Which automated tests did you write yourself in your project?",
        "How do your automated tests run in the pipeline every night?",
        "How did you structure the Selenium page objects in your test suite?",
        "What does your nightly regression suite cover?",
        "How many automated test cases does your project have, and who maintains them?",
    ]
    alone = evaluate(question=question, answer=answer, kind="gap", key_points=points, embed=embed)
    assert not alone.off_topic and alone.content["covered"]  # "project" covers the point
    compared = evaluate(question=question, answer=answer, kind="gap", key_points=points, rivals=rivals, embed=embed)
    assert compared.off_topic and compared.score <= 10
    # one rival fewer than needed is not enough: five questions fitting better do not make it off-topic
    assert not evaluate(question=question, answer=answer, kind="gap", key_points=points, rivals=rivals[:5], embed=embed).off_topic


def test_specifics_make_an_answer_concrete(embed):
    strong, partial = run(STRONG, embed), run(PARTIAL, embed)
    assert {"Redis", "PostgreSQL", "TTL"} <= set(strong.content["specifics"]) and any("92" in item for item in strong.content["specifics"])
    assert not any(note.startswith("Few specifics") for note in strong.content["notes"])
    assert len(partial.content["specifics"]) < 4 and any(note.startswith("Few specifics") for note in partial.content["notes"])
    # the same points with the names and numbers taken out keep at most four fifths of the content score
    plain = run(
        "First, I would put a cache in front of the database using cache-aside: on a miss the service reads the database and "
        "writes the product under its id. Because prices change, I delete the key whenever the product is updated and also set "
        "an expiry as a safety net. In my last project I did exactly this and measured it: the hit rate went up a lot and "
        "latency dropped a lot.",
        embed,
    )
    assert plain.content["covered"] == strong.content["covered"]
    assert plain.content["score"] < strong.content["score"] and plain.content["score"] >= 0.8 * strong.content["score"] - 1
