"""Dates, labels, places from context and the rule registries (hand-written parses, no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import summit_sentences as P
from summit_sentences import token

from extract.records import Evidence, SummitKind
from extract.summits.accept import ACCEPT_RULES
from extract.summits.completion import COMPLETION_RULES
from extract.summits.dates import summit_time
from extract.summits.draft import Draft
from extract.summits.labels import label
from extract.summits.places import places_from_context
from extract.summits.roles import ROLE_RULES, TRIGGER_DEPENDENT_RULES, VERB_DEPENDENT_RULES
from extract.summits.status import STATUS_RULES
from extract.syntax import argument_tokens

EVIDENCE = Evidence(start=0, end=4, sentence="text", sentence_start=0, sentence_end=4)
REGISTRIES = (
    ACCEPT_RULES,
    TRIGGER_DEPENDENT_RULES,
    ROLE_RULES,
    VERB_DEPENDENT_RULES,
    COMPLETION_RULES,
    STATUS_RULES,
)


def draft(kind, participants, location=None, status="held"):
    return Draft(SummitKind(kind), "x", EVIDENCE, list(participants), location, status, None)


def test_a_weekday_after_a_past_tense_meeting_is_the_last_one(parsed):
    doc, _ = parsed(P.MET_ON_FRIDAY)
    met = token(doc, "met")
    time = summit_time(argument_tokens(met, limit=10), met, dt.date(2023, 6, 7))
    assert (time.text, time.day) == ("Friday", dt.date(2023, 6, 2))


def test_a_label_names_the_kind_the_parties_and_the_place(parsed):
    doc, actors = parsed(P.INVITATION_TO_VISIT)
    macron, biden, dc = (actors.at(token(doc, w)) for w in ("Macron", "Biden", "Washington"))
    assert label(draft("PhoneCall", [macron, biden]), actors) == (
        "phone call between Emmanuel Macron and Joe Biden"
    )
    assert label(draft("StateVisit", [macron], dc), actors) == (
        "state visit of Emmanuel Macron in Washington, D.C."
    )


@pytest.mark.parametrize(
    ("name", "parties", "expected"),
    [
        ("Washington meeting", ("Macron",), "Washington meeting of Emmanuel Macron"),
        (
            "Emmanuel Macron meeting",
            ("Macron", "Biden"),
            "Emmanuel Macron meeting with Joe Biden in Washington, D.C.",
        ),
        ("Joe Biden meeting", ("Biden",), "Joe Biden meeting in Washington, D.C."),
    ],
)
def test_a_named_summit_adds_the_parties_and_place_its_name_leaves_out(
    parsed, name, parties, expected
):
    doc, actors = parsed(P.INVITATION_TO_VISIT)
    dc = actors.at(token(doc, "Washington"))
    keys = [actors.at(token(doc, w)) for w in parties]
    named = dataclasses.replace(draft("Meeting", keys, dc), name=name)
    assert label(named, actors) == expected


def test_a_meeting_during_a_held_visit_is_at_the_visited_place_else_at_the_dateline(parsed):
    doc, actors = parsed(P.INVITATION_TO_VISIT)
    macron, biden, dc = (actors.at(token(doc, w)) for w in ("Macron", "Biden", "Washington"))
    visit = draft("Visit", [macron], dc)
    during = draft("Meeting", [macron, biden])
    elsewhere = draft("Meeting", [biden])
    planned = draft("Meeting", [biden], status="planned")
    places_from_context([visit, during, elsewhere, planned], actors, "Q90")
    assert (during.location, elsewhere.location, planned.location) == (dc, "Q90", None)


@pytest.mark.parametrize(
    ("kind", "status", "at_dateline"),
    [
        ("Talks", "held", True),
        ("Talks", "failed", True),
        ("Talks", "ongoing", True),  # "opened talks with ...": the reporter is there now
        ("Meeting", "ongoing", True),
        ("Talks", "planned", False),
        ("Summit", "ongoing", False),  # a summit names its own city; none is a guess
    ],
)
def test_a_placeless_meeting_going_on_or_over_is_at_the_dateline(parsed, kind, status, at_dateline):
    doc, actors = parsed(P.INVITATION_TO_VISIT)
    biden = actors.at(token(doc, "Biden"))
    d = draft(kind, [biden], status=status)
    places_from_context([d], actors, "Q90")
    assert d.location == ("Q90" if at_dateline else None)


@pytest.mark.parametrize("rules", REGISTRIES)
def test_every_rule_says_what_it_reads_with_an_example(rules):
    for name, rule in rules.items():
        first = " ".join((rule.__doc__ or "").strip().split("\n\n")[0].split())
        assert '"' in first, f"{name}: no quoted example in {first!r}"


def test_the_role_stages_run_the_trigger_words_before_the_clause():
    names = ROLE_RULES.names()
    assert names[0] == "trigger_dependents"
    assert names.index("visitor_by_on_verb") < names.index("verb_subject")
