"""Modal and future auxiliaries, from one lexicon (``lexicons/modals.tsv``).

Each row gives a word, its sense and the named sets it belongs to. The sets are what the
extractors test an ``aux`` child against:

* :data:`HEDGES` — a verb under one of them is not a fact yet ("would impose", "may meet");
* :data:`FUTURE` — it puts the event after the time of writing ("will meet", "'ll sign");
* :data:`SPEECH` — a speech act under it is not reported as made ("would say", "won't say").

>>> sorted(FUTURE)
["'ll", 'shall', 'will', 'would', '’ll']
"""

from __future__ import annotations

from extract import lexicons


def modal_set(name: str) -> frozenset[str]:
    """The words of ``lexicons/modals.tsv`` whose ``sets`` column names ``name``."""
    return frozenset(
        r["word"] for r in lexicons.table("modals.tsv") if name in r["sets"].split("|")
    )


def by_sense(sense: str) -> frozenset[str]:
    """The words of one sense (future, possibility, obligation, ambiguous)."""
    return frozenset(r["word"] for r in lexicons.table("modals.tsv") if r["sense"] == sense)


HEDGES = modal_set("hedge")
FUTURE = modal_set("future")
SPEECH = modal_set("speech")

__all__ = ["FUTURE", "HEDGES", "SPEECH", "by_sense", "modal_set"]
