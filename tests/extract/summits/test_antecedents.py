"""Antecedents and completion: later mentions join their summit; a new mention takes what the
discourse gives (hand-written parses, no model)."""

from __future__ import annotations

import pytest
import summit_sentences as P
from hand_docs import hand_doc
from summit_sentences import token

from extract.records import Evidence, Mention, SummitKind
from extract.summits.antecedents import antecedent, mention_is_new, merge_mention
from extract.summits.completion import COMPLETION_RULES, Candidate, Known, complete
from extract.summits.draft import Draft
from extract.syntax import governor

EVIDENCE = Evidence(start=0, end=4, sentence="text", sentence_start=0, sentence_end=4)


def draft(kind, group, participants, location=None):
    return Draft(SummitKind(kind), group, EVIDENCE, list(participants), location, "held", None)


@pytest.mark.parametrize(
    ("rows", "head", "kind", "group", "parts", "location", "earlier", "refers"),
    [
        # "They discussed the call": the latest call.
        (P.DISCUSSED_THE_CALL, "call", "PhoneCall", "call", [], None, 0, True),
        # "The next meeting": a new one.
        (P.NEXT_MEETING, "meeting", "Meeting", "gathering", [], None, 1, False),
        # "A meeting in Lima" after a meeting in Lima: the same one.
        (P.MEETING_IN_LIMA, "meeting", "Meeting", "gathering", [], "Lima", 1, True),
        # ... after a meeting in Quito: another.
        (P.MEETING_IN_LIMA, "meeting", "Meeting", "gathering", [], "Lima", 2, False),
        # A definite mention with parties none of the earlier summit's.
        (P.DISCUSSED_THE_CALL, "call", "PhoneCall", "call", ["P:c"], None, 0, False),
    ],
)
def test_a_mention_refers_back_to_the_latest_summit_it_fits(
    rows, head, kind, group, parts, location, earlier, refers
):
    drafts = [
        draft("PhoneCall", "call", ["P:a", "P:b"]),
        draft("Meeting", "gathering", ["P:a", "P:b"], "Lima"),
        draft("Meeting", "gathering", ["P:a", "P:b"], "Quito"),
    ]
    tok = token(hand_doc(rows), head)
    old = antecedent(tok, SummitKind(kind), group, parts, location, drafts[: earlier + 1])
    assert (old is drafts[earlier]) is refers


def test_next_and_further_make_a_mention_new():
    assert mention_is_new(token(hand_doc(P.NEXT_MEETING), "meeting"))
    assert not mention_is_new(token(hand_doc(P.LIMA_MEETING), "meeting"))


def test_a_later_mention_fills_what_its_summit_lacks_up_to_two_parties():
    old = draft("Meeting", "gathering", ["P:a"])
    tok = token(hand_doc(P.MEETING_IN_LIMA), "meeting")
    mention = Mention("meeting", tok.idx, tok.idx + 7)
    merge_mention(old, mention, tok, ["P:b", "P:c"], "Lima", None, "P:b")
    assert (old.participants, old.location, old.initiated_by, old.mentions) == (
        ["P:a", "P:b"],
        "Lima",
        "P:b",
        [mention],
    )


@pytest.fixture
def known(parsed):
    def run(rows, head, earlier=(), here=None):
        doc, actors = parsed(rows)
        tok = token(doc, head)
        place = actors.at(token(doc, here)) if here else None
        gov = tok if tok.pos_ == "VERB" else governor(tok)
        return Known(tok, gov, "gathering", actors, list(earlier), place)

    return run


def names(known, keys):
    return [known.actors.get(k).label for k in keys]


def test_discussions_someone_holds_are_a_meeting(known):
    k = known(P.HELD_DISCUSSIONS, "discussions")
    rule = COMPLETION_RULES["held_discussions"]
    assert rule(k, Candidate(SummitKind.TALKS, ("P:a",))).kind is SummitKind.MEETING
    k = known(P.HELD_TALKS_WITH, "talks")
    assert rule(k, Candidate(SummitKind.TALKS, ("P:a",))).kind is SummitKind.TALKS


def test_the_next_meeting_is_between_the_parties_of_the_latest_of_its_kind(known):
    earlier = [
        draft("Summit", "gathering", ["P:a"]),
        draft("Meeting", "gathering", ["P:b", "P:c"]),
        draft("Summit", "gathering", ["P:d"]),
    ]
    k = known(P.NEXT_MEETING, "meeting", earlier)
    rule = COMPLETION_RULES["meeting_again"]
    assert rule(k, Candidate(SummitKind.MEETING, ())).participants == ("P:b", "P:c")
    assert rule(k, Candidate(SummitKind.VISIT, ())).participants == ("P:d",)  # no visit: last


def test_a_call_without_parties_is_between_the_people_of_its_sentence(known):
    k = known(P.ABOUT_THE_CONVERSATION, "conversation")
    got = COMPLETION_RULES["call_in_sentence"](k, Candidate(SummitKind.PHONE_CALL, ()))
    assert names(k, got.participants) == ["Joe Biden", "Xi Jinping"]


def test_talks_with_one_state_are_held_by_the_datelines_state(known):
    k = known(P.TALKS_WITH_A_STATE, "talks", here="Ottawa")
    us = k.actors.at(token(k.head.doc, "States"))
    got = complete(k, Candidate(SummitKind.TALKS, (us,)))
    assert names(k, got.participants) == ["United States of America", "Canada"]


def test_leaders_on_a_visit_are_its_parties_not_the_host_state(known):
    k = known(P.INVITATION_TO_VISIT, "visit")
    doc = k.head.doc
    macron, biden, us = (k.actors.at(token(doc, w)) for w in ("Macron", "Biden", "Washington"))
    us = k.actors.agent(us)
    got = COMPLETION_RULES["leaders_on_a_visit"](
        k, Candidate(SummitKind.VISIT, (us, macron, biden))
    )
    assert names(k, got.participants) == ["Emmanuel Macron", "Joe Biden"]
