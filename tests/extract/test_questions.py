"""Reading researcher questions: pattern, slots, linked names, dates, and what is left aside."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.question_records import Intent
from extract.questions import QuestionError, compile_pattern, parse_question, patterns

TODAY = dt.date(2026, 11, 26)


def test_pattern_slots_are_recovered_by_position() -> None:
    spec, slots = compile_pattern("what ~do {speaker} @speech about {topic}")
    assert slots == {2: "speaker", 5: "topic"}
    # A slot before more of the pattern holds no verb; the last slot may (a plan to lift ...).
    assert spec[2]["POS"] == {"NOT_IN": ["VERB", "AUX"]}
    assert "POS" not in spec[5]
    assert "say" in spec[3]["LEMMA"]["IN"] and "warn" in spec[3]["LEMMA"]["IN"]


def test_optional_elements_and_word_class_unions() -> None:
    spec, slots = compile_pattern("who @speech|~talk what? about {topic}")
    assert spec[2] == {"LOWER": {"IN": ["what"]}, "OP": "?"}
    assert {"talk", "say"} <= set(spec[1]["LEMMA"]["IN"])


def test_an_unknown_word_class_is_an_error() -> None:
    with pytest.raises(KeyError, match="@colour"):
        compile_pattern("what @colour {topic}")


@pytest.mark.model
@pytest.mark.parametrize("row", patterns(), ids=lambda p: p.example)
def test_every_pattern_reads_its_own_example(nlp, row) -> None:
    assert parse_question(nlp, row.example, today=TODAY).intent is row.intent


@pytest.mark.model
@pytest.mark.parametrize(
    "text, intent, slots",
    [
        (
            "what did Xi say about Taiwan",
            Intent.STATEMENTS,
            {"speaker": ["Xi"], "topic": ["Taiwan"]},
        ),
        (
            "What has Beijing said on tariffs?",
            Intent.STATEMENTS,
            {"speaker": ["Beijing"], "topic": ["tariffs"]},
        ),
        ("what did Trump tell reporters", Intent.STATEMENTS, {"speaker": ["Trump"]}),
        ("who said what about Taiwan", Intent.WHO_SAID, {"topic": ["Taiwan"]}),
        ("who talked about soybeans", Intent.WHO_SAID, {"topic": ["soybeans"]}),
        (
            "how many statements per speaker about China",
            Intent.STATEMENT_COUNTS,
            {"topic": ["China"]},
        ),
        ("who reported what Xi said", Intent.REPORTED_BY, {"speaker": ["Xi"]}),
        ("who met whom", Intent.MEETINGS, {}),
        (
            "which meetings did Trump and Xi both attend",
            Intent.MEETINGS,
            {"participant": ["Trump", "Xi"]},
        ),
        ("when did Trump and Xi meet", Intent.MEETINGS, {"participant": ["Trump", "Xi"]}),
        ("which summits are planned", Intent.PLANNED_SUMMITS, {}),
        ("which policies concern soybeans", Intent.POLICIES, {"target": ["soybeans"]}),
        ("which policies did China impose or pledge", Intent.POLICIES, {"actor": ["China"]}),
        ("what did Trump and Xi agree", Intent.AGREEMENTS, {"participant": ["Trump", "Xi"]}),
    ],
)
def test_questions_are_read_into_intent_and_slots(nlp, text, intent, slots) -> None:
    q = parse_question(nlp, text, today=TODAY)
    assert q.intent is intent
    assert {role: [n.text for n in q.role(role)] for role in slots} == slots
    assert {n.role for n in q.names} == set(slots)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, slots",
    [
        (
            "what did Anna Weber-Lindqvist say about the port",
            {"speaker": ["Anna Weber-Lindqvist"], "topic": ["port"]},
        ),
        (
            "what did Omar Al-Rashidi say about oil exports",
            {"speaker": ["Omar Al-Rashidi"], "topic": ["oil exports"]},
        ),
        (
            "what did Mr Tanaka say about long-term loans?",
            {"speaker": ["Mr Tanaka"], "topic": ["long-term loans"]},
        ),
    ],
)
def test_a_hyphen_inside_a_name_stays_in_its_slot(nlp, text, slots) -> None:
    q = parse_question(nlp, text, today=TODAY)
    assert q.intent is Intent.STATEMENTS
    assert {role: [n.text for n in q.role(role)] for role in slots} == slots


@pytest.mark.model
@pytest.mark.parametrize(
    "text, role, qid",
    [
        ("what did Xi say about Taiwan", "speaker", "Q15031"),
        ("what did xi say about taiwan", "speaker", "Q15031"),  # typed in lower case
        ("what did Xi say about Taiwan", "topic", "Q865"),
        ("what did Beijing say about tariffs", "speaker", "Q148"),  # an acting capital: the state
        ("what did the South Korean government say about tariffs", "speaker", "Q884"),  # demonym
        ("which policies concern soybeans", "target", "Q11006"),
    ],
)
def test_names_are_linked_as_the_extractors_link_them(nlp, text, role, qid) -> None:
    (name,) = parse_question(nlp, text, today=TODAY).role(role)
    assert name.qids == (qid,)


@pytest.mark.model
def test_a_phrase_is_about_the_concept_at_its_head(nlp) -> None:
    (topic,) = parse_question(
        nlp, "what did Stefan Johannesson say about the WTO talks on Russia", today=TODAY
    ).role("topic")
    assert topic.qids == ("Q7825",)  # the World Trade Organization, not Russia
    assert topic.ignored == "talks on Russia"


@pytest.mark.model
def test_policy_words_name_policy_kinds(nlp) -> None:
    (topic,) = parse_question(nlp, "what did Nakasone say about the sanctions", today=TODAY).role(
        "topic"
    )
    assert topic.policy_kinds == ("Sanction",)
    assert "sanction" in topic.forms  # the topic lexicon's label
    q = parse_question(nlp, "which tariffs did the US impose or pledge", today=TODAY)
    assert q.policy_kinds == ("Tariff",)
    assert q.statuses == ("imposed", "pledged")


@pytest.mark.model
@pytest.mark.parametrize(
    "text, forms",
    [
        (
            "what did the Chinese president say about Taiwan",
            {"Chinese president", "China president", "China's president"},
        ),
        (
            "what did Japan's trade minister say about rice",
            {"Japan's trade minister", "Japan trade minister", "Japanese trade minister"},
        ),
        ("what did the foreign minister say about Taiwan", {"foreign minister"}),  # no state
    ],
)
def test_a_title_with_a_state_is_read_as_a_role_in_all_its_state_forms(nlp, text, forms) -> None:
    (speaker,) = parse_question(nlp, text, today=TODAY).role("speaker")
    assert forms <= set(speaker.forms) and speaker.person
    assert speaker.forms[0] == speaker.text  # as typed first
    assert len(speaker.forms) > 1 or forms == {speaker.text}


@pytest.mark.model
@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        (
            "what did Xi say about Taiwan between March 2025 and December 2025",
            dt.date(2025, 3, 1),
            dt.date(2025, 12, 31),
        ),
        (
            "what did Trump say about China in November 2025",
            dt.date(2025, 11, 1),
            dt.date(2025, 11, 30),
        ),
        ("what did Nakasone say about the sanctions before May 1987", None, dt.date(1987, 4, 30)),
    ],
)
def test_dates_restrict_the_question_and_leave_the_slots(nlp, text, earliest, latest) -> None:
    q = parse_question(nlp, text, today=TODAY)
    assert q.dates is not None
    assert (q.dates.earliest, q.dates.latest) == (earliest, latest)
    (topic,) = q.role("topic")
    assert not any(ch.isdigit() for ch in topic.text)


@pytest.mark.model
def test_an_unsupported_question_keeps_what_it_recognised_and_the_nearest_patterns(nlp) -> None:
    q = parse_question(nlp, "what is the weather in Paris", today=TODAY)
    assert q.intent is None
    assert len(q.nearest) == 3 and len({p.intent for p in q.nearest}) == 3
    assert [(n.role, n.qids) for n in q.names] == [("mentioned", ("Q90",))]


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_empty_or_overlong_input_is_refused(nlp, text) -> None:
    with pytest.raises(QuestionError):
        parse_question(nlp, text)
