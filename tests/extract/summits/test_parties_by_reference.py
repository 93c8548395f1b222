"""Parties named by a title or a pronoun resolve as statement speakers do ("the Chancellor",
"their meeting" before its subject), and a later mention meeting someone else is another
summit ("his talks with Japan"); sentences written for the test, parsed by the model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title with "the" is the person named before who holds it
        (
            "Chancellor of the Exchequer Nigel Lawson met bankers on Monday. The Chancellor"
            " held talks with Emmanuel Macron.",
            [("Talks", ["Emmanuel Macron", "Nigel Lawson"])],
        ),
        # a pronoun is the latest subject of its sort, as for a statement's speaker (not the
        # state named last, which was no subject)
        (
            "NATO members have raised spending. Traders cheered a letter from Norway. Omar"
            " Khaled said the alliance would hold spending when it meets next week.",
            [("Meeting", ["North Atlantic Treaty Organisation"])],
        ),
        # a possessive pronoun in a phrase before its clause is the clause's subject
        (
            "At their meeting in Rome, NATO ministers backed the plan.",
            [("Meeting", ["North Atlantic Treaty Organisation"])],
        ),
        # both sides known: talks with a third party are other talks
        (
            "Joe Biden met Xi Jinping in Lima. Biden later said his talks with Japan had gone"
            " well.",
            [("Meeting", ["Joe Biden", "Xi Jinping"]), ("Talks", ["Japan", "Joe Biden"])],
        ),
        # ... but a party's own state is no one else: still the one meeting
        (
            "Joe Biden met Xi Jinping in Lima. The meeting between China and Biden went well.",
            [("Meeting", ["Joe Biden", "Xi Jinping"])],
        ),
    ],
)
def test_parties_named_by_reference(read_summits, text, expected):
    assert read_summits(text, 2) == expected
