"""Outcomes: the policies agreed within a summit's own clause ("a meeting ..., during which the
two leaders agreed on a framework for a trade deal")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.records import Evidence, Mention, Policy
from extract.summits.draft import Draft
from extract.summits.lexicon import words


def _clause_end(head: Token, hi: int) -> int:
    """Where the summit's clause ends: its subtree, or the sentence end when a relative word
    soon after the summit word opens a clause about it (the parse may hang that clause
    elsewhere: "a meeting ... several weeks ago, during which ...")."""
    relative = words("relative")
    rest = head.doc[head.i + 1 : head.sent.end]
    rel = next(
        (
            t
            for t in rest
            if t.lower_ in relative and t.i - head.i <= 14 and t.tag_ in ("WDT", "WRB")
        ),
        None,
    )
    return max(hi, head.sent.end_char) if rel is not None else hi


def add_outcomes(draft: Draft, head: Token, policies: Sequence[Policy]) -> None:
    """Add to ``draft`` each policy mentioned inside the clause of its trigger ``head`` (not on
    the trigger word itself), once."""
    sub = list(head.subtree)
    lo = sub[0].idx
    hi = _clause_end(head, sub[-1].idx + len(sub[-1].text))
    for p in policies:
        marks: tuple[Evidence | Mention, ...] = (p.evidence, *p.mentions)
        for m in marks:
            if lo <= m.start < hi and not (head.idx <= m.start < head.idx + len(head.text)):
                if p.key not in draft.outcomes:
                    draft.outcomes.append(p.key)
                break
