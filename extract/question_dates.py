"""The date restriction of a researcher question ("since March", "between May and June 2019")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from extract.dates import resolve
from extract.question_records import DateRange

_DATE_PREPS = {
    "between": "range",
    "from": "from",
    "since": "from",
    "after": "after",
    "before": "before",
    "until": "to",
    "till": "to",
    "in": "in",
    "on": "in",
    "during": "in",
    "of": "in",
}


def question_dates(doc: Doc, today: dt.date) -> tuple[DateRange | None, set[int], list[str]]:
    """The date restriction of a question, the tokens that state it, and notes."""
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    tokens: set[int] = set()
    notes: list[str] = []
    lows: list[dt.date] = []
    highs: list[dt.date] = []
    texts: list[str] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        prep = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        mode = _DATE_PREPS.get(prep, "in")
        first = ent.start - 1 if prep in _DATE_PREPS else ent.start
        last = ent
        if (
            mode == "range"
            and i + 1 < len(ents)
            and ents[i + 1].start == ent.end + 1
            and doc[ent.end].lower_ == "and"
        ):
            last = ents[i + 1]
            i += 1
        i += 1
        a, b = resolve(ent.text, today), resolve(last.text, today)
        lo, hi = a.day or a.earliest, b.day or b.latest
        if lo is None and hi is None:
            notes.append(f"could not place the date {ent.text!r}; it is not used")
            continue
        if mode in ("from", "after"):
            hi = None
            if (after := b.day or b.latest) is not None and mode == "after":
                lo = after + dt.timedelta(days=1)
        elif mode in ("before", "to"):
            lo = None
            if (before := a.day or a.earliest) is not None and mode == "before":
                hi = before - dt.timedelta(days=1)
        tokens.update(range(first, last.end))
        texts.append(doc[first : last.end].text)
        if lo:
            lows.append(lo)
        if hi:
            highs.append(hi)
    if not texts:
        return None, tokens, notes
    return (
        DateRange(" ".join(texts), max(lows, default=None), min(highs, default=None)),
        tokens,
        notes,
    )
