"""Rules "dotted", "acronym" and "US-state namesake" of extract.linking (needs the spaCy
model): what the written form of a name and the places beside it say about the entry."""

from __future__ import annotations

import pytest

from extract.linking import link, resolve

pytestmark = pytest.mark.model


def _span(nlp, text: str, words: str, label: str):
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), label=label)
    assert span is not None, words
    return span


def linked(nlp, gazetteer, text: str, words: str, label: str = "GPE") -> str | None:
    found = link(_span(nlp, text, words, label), gazetteer)
    return None if found is None else found.entry.qid


@pytest.mark.parametrize(
    ("text", "words", "qid"),
    [
        ("The mill stands outside Wilmington, N.C., the firm said.", "N.C.", "Q1454"),
        ("Voters in Columbia, S.C., went to the polls on Tuesday.", "S.C.", "Q1456"),
    ],
)
def test_a_dotted_abbreviation_means_the_entry_written_with_those_dots(
    nlp, gazetteer, text, words, qid
):
    assert linked(nlp, gazetteer, text, words) == qid


def test_an_acronym_the_article_spells_out_as_another_name_is_not_linked(nlp, gazetteer):
    text = (
        "The Malaysian Chinese Association said it would quit. The MCA has sat in "
        "Malaysia's government for decades."
    )
    assert linked(nlp, gazetteer, text, "MCA", "ORG") == "Q1886920"
    text = "The Motor Car Agreement was signed in Malaysia. Dealers said the MCA would lift prices."
    assert linked(nlp, gazetteer, text, "MCA", "ORG") is None


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("Georgia and Armenia signed a transit pact on Friday.", "Q230"),
        ("Regulators in Georgia and Texas approved the rate increase.", None),
    ],
)
def test_a_country_named_like_a_us_state_is_tied_beside_other_us_places(nlp, gazetteer, text, qid):
    span = _span(nlp, text, "Georgia", "GPE")
    found = resolve(span, gazetteer)
    assert (found.link.entry.qid if found.link else None) == qid
    if qid is None:
        assert {q for q, _ in found.candidates} == {"Q230", "Q1428"}


def test_a_name_the_ner_split_in_two_links_as_a_whole(nlp, gazetteer):
    text = "Members of the UK Independence Party voted against the plan."
    doc = nlp(text)
    first = doc.char_span(text.index("UK"), text.index("UK") + 2, label="GPE")
    start = text.index("Independence")
    rest = doc.char_span(start, start + len("Independence Party"), label="ORG")
    assert first is not None and rest is not None
    doc.ents = [first, rest]
    assert link(doc.ents[1], gazetteer).entry.qid == "Q10647"
    assert link(doc.ents[0], gazetteer) is None
