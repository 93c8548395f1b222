"""A region named like a city ("New York"): where the text sets the name as a location, the
city; where it says "state", the region; elsewhere tied (needs the spaCy model)."""

from __future__ import annotations

import pytest

from extract.linking import resolve

pytestmark = pytest.mark.model


def _resolution(nlp, gazetteer, text: str, words: str):
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), label="GPE")
    assert span is not None, words
    return resolve(span, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Copper futures traded in New York fell on Monday.",
        "Dealers in New York said the dollar was steady.",
    ],
)
def test_a_region_named_like_a_city_is_the_city_as_a_location(nlp, gazetteer, text):
    found = _resolution(nlp, gazetteer, text, "New York")
    assert found.link is not None and found.link.entry.qid == "Q60"


@pytest.mark.parametrize(
    "text",
    [
        "New York passed a budget that raises the tax on cigarettes.",
        "Farmers in New York state lost much of the apple harvest.",
    ],
)
def test_a_region_named_like_a_city_is_not_the_city_elsewhere(nlp, gazetteer, text):
    found = _resolution(nlp, gazetteer, text, "New York")
    assert found.link is None or found.link.entry.qid != "Q60"
