"""Policies: tariffs, sanctions, purchase pledges and other measures (first cut; see issue 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc

from extract.actors import ActorIndex
from extract.records import Policy
from extract.text import Layout
from extract.topics import TopicIndex


def find_policies(doc: Doc, actors: ActorIndex, topics: TopicIndex, layout: Layout,
                  published: dt.date | None) -> Iterator[Policy]:
    """Policies mentioned in ``doc``: none are found yet."""
    return iter(())
