"""Summits: meetings, calls, talks and visits between actors (first cut; see issue 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from extract.actors import ActorIndex
from extract.records import Policy, Summit
from extract.text import Layout
from extract.topics import TopicIndex


def find_summits(doc: Doc, actors: ActorIndex, topics: TopicIndex, layout: Layout,
                 published: dt.date | None, policies: Sequence[Policy] = ()) -> Iterator[Summit]:
    """Summits mentioned in ``doc``: none are found yet."""
    return iter(())
