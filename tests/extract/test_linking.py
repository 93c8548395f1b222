"""Linking mentions to gazetteer entries by type and context (needs the spaCy model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.linking import MIN_CONFIDENCE, acts, link

pytestmark = pytest.mark.model


def mention(nlp, text: str, words: str, label: str | None = None) -> Span:
    """The entity ``words`` of ``text`` as the pipeline found it (or with ``label`` forced)."""
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), label=label or "GPE")
    assert span is not None, words
    if label is None:
        found = [e for e in doc.ents if e.start_char == start and e.end_char == span.end_char]
        assert found, f"{words!r} not an entity in {[(e.text, e.label_) for e in doc.ents]}"
        return found[0]
    return span


def linked(nlp, gazetteer, text: str, words: str, label: str | None = None):
    found = link(mention(nlp, text, words, label), gazetteer)
    return None if found is None else found.entry.qid


@pytest.mark.parametrize(
    ("text", "words", "qid"),
    [
        ("Last month, Beijing announced that it would resume purchases.", "Beijing", "Q148"),
        (
            "China's foreign ministry confirmed that Washington initiated the call.",
            "Washington",
            "Q30",
        ),
        ("Beijing's trade figures were questioned by officials.", "Beijing", "Q148"),
        ("His administration has urged Taipei to boost its defense spending.", "Taipei", "Q865"),
        ("Seoul wants to ease trade friction with Washington.", "Washington", "Q30"),
    ],
)
def test_a_capital_that_acts_stands_for_its_state(nlp, gazetteer, text, words, qid):
    assert linked(nlp, gazetteer, text, words) == qid


@pytest.mark.parametrize(
    ("text", "words", "qid"),
    [
        ("He hopes his visit to Washington later this week will help.", "Washington", "Q61"),
        ("Trump accepted an invitation to visit Beijing in April.", "Beijing", "Q956"),
        ("While in Washington, he said he hoped to meet officials.", "Washington", "Q61"),
        ("TOKYO, March 3 - Japan said it would cut tariffs.", "TOKYO", "Q1490"),
    ],
)
def test_a_capital_as_a_location_stays_the_city(nlp, gazetteer, text, words, qid):
    assert linked(nlp, gazetteer, text, words) == qid


def test_metonymic_links_are_less_certain_than_direct_ones(nlp, gazetteer):
    doc = nlp("Beijing announced new tariffs, and China said more would follow.")
    beijing, china = (link(e, gazetteer) for e in doc.ents if e.label_ == "GPE")
    assert beijing.entry.qid == china.entry.qid == "Q148"
    assert MIN_CONFIDENCE <= beijing.confidence < china.confidence


@pytest.mark.parametrize(
    "text",
    [
        "The governor of Georgia signed the bill on Tuesday.",
        "Voters in the state of Georgia went to the polls.",
        "Georgia Gov. Brian Kemp said the count was accurate.",
        "Senator Jon Ossoff (D-Ga.) said Georgia needed the money.",
    ],
)
def test_georgia_in_a_us_state_context_is_left_unlinked(nlp, gazetteer, text):
    assert linked(nlp, gazetteer, text, "Georgia", "GPE") is None


def test_georgia_beside_countries_is_the_country(nlp, gazetteer):
    text = "Russia and Georgia fought a brief war in 2008."
    assert linked(nlp, gazetteer, text, "Georgia", "GPE") == "Q230"


def test_washington_state_is_not_the_capital_nor_the_country(nlp, gazetteer):
    text = "Wildfires spread across Washington state on Sunday."
    assert linked(nlp, gazetteer, text, "Washington", "GPE") is None


def test_china_state_media_is_still_china(nlp, gazetteer):
    text = "China's state-run Xinhua news agency said Xi stressed cooperation."
    assert linked(nlp, gazetteer, text, "China", "GPE") == "Q148"


def test_a_person_mention_links_only_to_a_person(nlp, gazetteer):
    text = "Georgia told reporters she would run again."
    assert linked(nlp, gazetteer, text, "Georgia", "PERSON") is None
    assert linked(nlp, gazetteer, "Xi Jinping spoke.", "Xi Jinping", "PERSON") == "Q15031"


def test_a_place_mention_never_links_to_a_person(nlp, gazetteer):
    assert linked(nlp, gazetteer, "Trump is a town.", "Trump", "GPE") is None


def test_country_codes_never_link(nlp, gazetteer):
    assert linked(nlp, gazetteer, "EC officials met on Monday.", "EC", "ORG") is None
    assert linked(nlp, gazetteer, "Sales IN January rose.", "IN", "GPE") is None


def test_a_country_wins_over_its_capital_of_the_same_name(nlp, gazetteer):
    found = link(mention(nlp, "Talks were held with Luxembourg.", "Luxembourg", "GPE"), gazetteer)
    assert found.entry.qid == "Q32" and found.confidence < 0.9


def test_a_name_that_is_a_label_beats_an_alias(nlp, gazetteer):
    assert linked(nlp, gazetteer, "Protests spread in Tunis.", "Tunis", "GPE") == "Q3572"


def test_same_named_bodies_are_told_apart_by_the_country_in_the_sentence(nlp, gazetteer):
    candidates = gazetteer.lookup("National Bureau of Statistics")
    assert len(candidates) > 1
    target = next(e for e in candidates if e.country_qid == "Q1033")  # Nigeria's
    text = "Nigeria's National Bureau of Statistics said output rose."
    found = link(mention(nlp, text, "National Bureau of Statistics", "ORG"), gazetteer)
    assert found is not None and found.entry.qid == target.qid
    alone = "The National Bureau of Statistics said output rose."
    assert link(mention(nlp, alone, "National Bureau of Statistics", "ORG"), gazetteer) is None


@pytest.mark.parametrize(("word", "qid"), [("Chinese", "Q148"), ("American", "Q30")])
def test_demonyms_link_to_the_state(nlp, gazetteer, word, qid):
    assert linked(nlp, gazetteer, f"The {word} delegation arrived.", word, "NORP") == qid


def test_acts_tells_actors_from_locations(nlp):
    doc = nlp("Washington argues that the embargo should stay, and officials flew to Beijing.")
    wash = doc.char_span(0, 10, label="GPE")
    start = doc.text.index("Beijing")
    beijing = doc.char_span(start, start + 7, label="GPE")
    assert acts(wash) and not acts(beijing)


@pytest.mark.parametrize(
    ("text", "words", "qid"),
    [
        ("The parish council of Portland met on Monday.", "Portland", None),
        (
            "Farmers across Portland lost crops, the Jamaican farm ministry said.",
            "Portland",
            "Q125148",
        ),
        (
            "Farmers in Portland and St. Catherine, Jamaica, lost their crops.",
            "Portland",
            "Q125148",
        ),
        ("Rain fell across Delta overnight.", "Delta", None),
        ("Oil workers in Delta and Lagos went on strike.", "Delta", "Q503910"),
        ("Voters in Texas went to the polls on Tuesday.", "Texas", "Q1439"),
    ],
)
def test_a_region_of_unknown_size_links_only_beside_its_country_or_its_places(
    nlp, gazetteer, text, words, qid
):
    """Rule "country" for subdivisions: a region the knowledge base has no size for (the
    world's subdivisions list) needs its country, a demonym of it, or another of its places
    ("Lagos" for Nigeria's Delta) in the article; a region of known size (a US state) does not."""
    assert linked(nlp, gazetteer, text, words) == qid


@pytest.mark.parametrize(
    ("text", "words", "qid"),
    [
        ("KUWAIT, May 4 - The oil ministry said output would rise.", "KUWAIT", "Q35178"),
        ("PANAMA, May 4 - The canal authority said traffic grew.", "PANAMA", "Q3306"),
        ("SINGAPORE, May 4 - The port said traffic would rise.", "SINGAPORE", "Q334"),
        ("LUXEMBOURG, May 4 - The ministers said talks would resume.", "LUXEMBOURG", "Q1842"),
        ("Officials in Kuwait said output would rise.", "Kuwait", "Q817"),
    ],
)
def test_a_dateline_naming_a_state_is_its_capital_of_that_name(nlp, gazetteer, text, words, qid):
    """A dateline names the city a story was filed from: "KUWAIT" there is Kuwait City; a
    city-state stays itself, and outside a dateline the name is the state."""
    assert linked(nlp, gazetteer, text, words) == qid
