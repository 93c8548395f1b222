"""Summit status: which rule decides, on hand-written parses (no model)."""

from __future__ import annotations

import datetime as dt

import pytest
import summit_sentences as P
from hand_docs import hand_doc
from summit_sentences import token

from extract.records import TimeRef
from extract.summits.status import STATUS_RULES, When, in_future_time_clause, summit_status

PUBLISHED = dt.date(2023, 6, 7)
LATER = TimeRef("Friday", day=dt.date(2023, 6, 9))
EARLIER = TimeRef("Friday", day=dt.date(2023, 6, 2))


@pytest.mark.parametrize(
    ("rows", "head", "time", "status", "rule"),
    [
        (P.PLANNED_SUMMIT, "summit", None, "planned", "cue_modifier"),  # "plan" is a cue
        (P.WILL_MEET, "meet", None, "planned", "clause_chain"),
        (P.MET, "met", None, "held", "clause_chain"),
        (P.MEETS, "meets", None, "ongoing", "clause_chain"),
        (P.MEETS, "meets", LATER, "planned", "clause_chain"),
        (P.MEETS, "meets", EARLIER, "held", "clause_chain"),
        (P.DUE_TO_MEET, "meet", None, "planned", "clause_chain"),  # "due" is a cue
        (P.VISITING_PARTICIPLE, "visiting", None, "held", "clause_chain"),  # "spoke"
        (P.WHEN_LEADERS_GATHER, "summit", None, "planned", "clause_chain"),
        (P.SUMMIT_IN_MAY, "summit", LATER, "planned", "date_only"),
        (P.SUMMIT_IN_MAY, "summit", EARLIER, "held", "date_only"),
        (P.TALKS_ON_TRADE, "Talks", None, "ongoing", "talks_go_on"),
    ],
)
def test_the_status_and_the_rule_that_gives_it(rows, head, time, status, rule):
    when = When(token(hand_doc(rows), head), time, PUBLISHED)
    assert summit_status(when.head, time, PUBLISHED) == status
    assert STATUS_RULES[rule](when) == status


def test_a_summit_with_no_tense_date_or_cue_has_no_status():
    tok = token(hand_doc(P.SUMMIT_IN_MAY), "summit")
    assert summit_status(tok, None, PUBLISHED) is None


@pytest.mark.parametrize(
    ("rows", "verb", "future"),
    [(P.WHEN_LEADERS_GATHER, "gather", True), (P.MEETS, "meets", False)],
)
def test_a_present_tense_time_clause_of_a_modal_is_future(rows, verb, future):
    assert in_future_time_clause(token(hand_doc(rows), verb)) is future
