"""Trigger acceptance: which uses of an ambiguous trigger word are summits (no model)."""

from __future__ import annotations

import pytest
import summit_sentences as P
from hand_docs import hand_doc
from summit_sentences import token

from extract.records import Evidence, SummitKind
from extract.summits.accept import ACCEPT_RULES, accepts
from extract.summits.draft import Draft

EARLIER_CALL = Draft(
    kind=SummitKind.PHONE_CALL,
    group="call",
    evidence=Evidence(start=0, end=4, sentence="call", sentence_start=0, sentence_end=4),
    participants=["Q1", "Q2"],
    location=None,
    status="held",
    time=None,
)


@pytest.mark.parametrize(
    ("rule", "kind", "rows", "head", "earlier", "accepted"),
    [
        ("phone_call_noun", "PhoneCall", P.PHONE_CALL_WITH, "call", (), True),
        ("phone_call_noun", "PhoneCall", P.CALL_FOR_CALM, "call", (), False),
        ("phone_call_noun", "PhoneCall", P.DISCUSSED_THE_CALL, "call", (), False),
        ("phone_call_noun", "PhoneCall", P.DISCUSSED_THE_CALL, "call", (EARLIER_CALL,), True),
        ("plural_talks", "Talks", P.TALKS_BETWEEN, "Talks", (), True),
        ("plural_talks", "Talks", P.THE_TALK, "talk", (), False),
        ("meeting_verb", "Meeting", P.MET, "met", (), True),
        ("meeting_verb", "Meeting", P.COOL_RECEPTION, "met", (), False),
        ("meeting_verb", "Meeting", P.CRITERIA_MET, "met", (), False),
    ],
)
def test_an_ambiguous_trigger_is_a_summit_only_in_its_construction(
    rule, kind, rows, head, earlier, accepted
):
    tok = token(hand_doc(rows), head)
    assert ACCEPT_RULES[kind].__name__ == rule
    assert ACCEPT_RULES[kind](tok, earlier) is accepted
    assert accepts(tok, kind, earlier) is accepted


def test_a_kind_without_an_acceptance_rule_is_always_accepted():
    tok = token(hand_doc(P.MACRONS_VISIT), "visit")
    assert accepts(tok, "Visit", ())
