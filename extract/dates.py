"""Date expressions resolved against the publication date (first cut; see issue 4)."""

from __future__ import annotations

import datetime as dt

from extract.records import TimeRef


def resolve(text: str, published: dt.date | None) -> TimeRef:
    """A :class:`TimeRef` for ``text``; without a publication date only the words are kept."""
    return TimeRef(text=text)
