"""Fixtures of the summit tests: a hand-written parse -> the Site a rule reads; a text run
through the model -> the summits it finds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hand_docs import hand_doc
from spacy.tokens import Doc
from summit_sentences import token

from extract.actors import ActorIndex, find_actors
from extract.records import SummitKind
from extract.summits.roles import Site
from extract.syntax import governor
from extract.text import Layout


@pytest.fixture
def parsed(gazetteer) -> Callable[[str], tuple[Doc, ActorIndex]]:
    """Rows -> the Doc and its actor index (no model: the entities are the rows' own)."""

    def run(rows: str) -> tuple[Doc, ActorIndex]:
        doc = hand_doc(rows)
        return doc, find_actors(doc, gazetteer, Layout(doc.text))

    return run


@pytest.fixture
def site(parsed) -> Callable[..., Site]:
    """Rows, the trigger word, its kind -> the Site; ``here``/``latest`` name tokens whose
    actors are the dateline's place and the latest summit's parties."""

    def run(
        rows: str, head: str, kind: str, here: str | None = None, latest: tuple[str, ...] = ()
    ) -> Site:
        doc, actors = parsed(rows)
        tok = token(doc, head)
        gov = tok if tok.pos_ == "VERB" else governor(tok)
        pair = tuple(k for w in latest if (k := actors.at(token(doc, w)))) if latest else None
        where = actors.at(token(doc, here)) if here else None
        return Site(tok, gov, SummitKind(kind), actors, pair, where)

    return run


@pytest.fixture(scope="session")
def read_summits(extract_text) -> Callable[..., list[tuple[object, ...]]]:
    """Text (run through the model) -> each summit as (kind, its parties' labels sorted, its
    place's label, status), cut to the first ``fields`` of those."""

    def run(text: str, fields: int = 4) -> list[tuple[object, ...]]:
        ex = extract_text(text)
        labels = {a.key: a.label for a in ex.actors}
        return [
            (
                s.kind.value,
                sorted(labels[p] for p in s.participants),
                labels.get(s.location),
                s.status,
            )[:fields]
            for s in ex.summits
        ]

    return run
