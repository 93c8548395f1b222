"""The disambiguation rules of the knowledge base, one test (or more) per rule.

The knowledge base here is a handful of made-up rows; the sentences are written for the tests
and parsed by hand-built Docs (no model): the rules need entities, not a parse.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.gazetteer import Entry, Gazetteer
from extract.linking import resolve


def person(qid, label, *, country=None, born=None, positions="", aliases=()):
    return Entry(
        qid,
        label,
        "person",
        tuple(aliases),
        (),
        None,
        country,
        None,
        birth_date=born,
        positions=positions,
    )


def place(qid, label, kind, *, country=None, population=None, capital=None, demonyms=()):
    return Entry(
        qid, label, kind, (), tuple(demonyms), capital, country, None, population=population
    )


KB = Gazetteer(
    [
        place("Q1", "Ruritania", "country", demonyms=("Ruritanian",), capital="Q2"),
        place("Q3", "Borduria", "country", demonyms=("Bordurian",)),
        place("Q2", "Strelsau", "city", country="Q1"),
        # Two presidents of Ruritania called Kowal, years apart.
        person(
            "Q10",
            "Jan Kowal",
            country="Q1",
            born="1930",
            positions="President;Q1;1980-01-01;1988-12-31;o",
        ),
        person(
            "Q11",
            "Piotr Kowal",
            country="Q1",
            born="1955",
            positions="President;Q1;2000-01-01;2005-12-31;o",
        ),
        # Two legislators called Anna Berg, of two countries.
        person("Q20", "Anna Berg", country="Q1", positions="legislator;Q1;1990;2010;l"),
        person("Q21", "Anna Berg", country="Q3", positions="legislator;Q3;1995;2015;l"),
        # A minister and a legislator called Ali Demir, of the same country.
        person("Q30", "Ali Demir", country="Q3", positions="Minister of Finance;Q3;2010;2014;o"),
        person("Q31", "Ali Demir", country="Q3", positions="legislator;Q3;2001;2006;l"),
        # Two people called Lena Ost: one born long after the other.
        person("Q40", "Lena Ost", country="Q1", born="1940", positions="legislator;Q1;1970;1990;l"),
        person("Q41", "Lena Ost", country="Q1", born="1992", positions="legislator;Q1;2019;;l"),
        # A legislator whose country nothing in a text may name.
        person("Q50", "Karl Sand", country="Q3", positions="legislator;Q3;2004;2008;l"),
        # A member of an international assembly: the sources give no country.
        person("Q55", "Olaf Brenn", positions="legislator;;1995;2003;l"),
        # A town that shares a name with a person.
        place("Q60", "Sandford", "city", country="Q1", population=5000),
        person("Q61", "Sandford", country="Q1", positions="Governor;Q1;2000;2004;o"),
    ]
)


def mention(words: list[str], start: int, end: int, label: str, date=None) -> Span:
    """The entity ``words[start:end]`` of a one-sentence Doc whose other words carry no
    entity, except the country names of the knowledge base (as the NER would find them)."""
    ents = [
        f"B-{label}" if i == start else f"I-{label}" if start < i < end else "O"
        for i in range(len(words))
    ]
    for i, w in enumerate(words):
        if ents[i] == "O" and w in ("Ruritania", "Borduria"):
            ents[i] = "B-GPE"
    doc = Doc(Vocab(), words=words, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc._.newskg_published = date
    return Span(doc, start, end, label=label)


def chosen(span: Span, role: str | None = None) -> str | None:
    found = resolve(span, KB, role).link
    return None if found is None else found.entry.qid


# -- rule 1: type ---------------------------------------------------------------------------


def test_a_person_mention_never_links_to_a_town_of_that_name():
    span = mention(["Governor", "Sandford", "spoke", "in", "Ruritania"], 1, 2, "PERSON")
    assert chosen(span, "Governor") == "Q61"


def test_a_place_mention_never_links_to_a_person_of_that_name():
    span = mention(["Talks", "in", "Sandford", ",", "Ruritania", "ended"], 2, 3, "GPE")
    assert chosen(span) == "Q60"


# -- rule 2: time ---------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "qid"), [(1986, "Q10"), (2003, "Q11")])
def test_a_title_and_surname_link_to_the_holder_on_the_article_date(year, qid):
    span = mention(["President", "Kowal", "said", "no"], 1, 2, "PERSON", dt.date(year, 6, 1))
    assert chosen(span, "President") == qid


def test_a_title_and_surname_with_nobody_holding_it_that_day_stay_unlinked():
    span = mention(["President", "Kowal", "said", "no"], 1, 2, "PERSON", dt.date(1995, 6, 1))
    assert chosen(span, "President") is None


def test_a_person_too_young_on_the_article_date_is_no_candidate():
    span = mention(["Lena", "Ost", "of", "Ruritania", "voted"], 0, 2, "PERSON", dt.date(1985, 1, 1))
    assert chosen(span) == "Q40"


def test_the_candidate_serving_on_the_date_wins():
    span = mention(["Lena", "Ost", "voted"], 0, 2, "PERSON", dt.date(2021, 3, 1))
    assert chosen(span) == "Q41"


# -- rule 3: country ------------------------------------------------------------------------


def test_the_namesake_whose_country_the_article_names_wins():
    words = ["Anna", "Berg", "said", "Borduria", "would", "wait"]
    assert chosen(mention(words, 0, 2, "PERSON")) == "Q21"
    words = ["Anna", "Berg", "said", "Ruritania", "would", "wait"]
    assert chosen(mention(words, 0, 2, "PERSON")) == "Q20"


def test_a_lone_legislator_links_only_when_the_article_names_the_country():
    assert chosen(mention(["Karl", "Sand", "voted", "in", "Borduria"], 0, 2, "PERSON")) == "Q50"
    resolution = resolve(mention(["Karl", "Sand", "voted", "again"], 0, 2, "PERSON"), KB)
    assert resolution.link is None
    assert resolution.candidates == (("Q50", 1.0),)


@pytest.mark.parametrize(
    ("role", "qid"),
    [
        ("Ruritanian Finance Minister", "Q55"),  # a state's office title: linked
        ("Finance Minister", None),  # an office, but of no state
        ("Ruritanian", None),  # a state, but no office
        (None, None),
    ],
)
def test_a_lone_candidate_of_no_known_country_links_with_a_state_office_title(role, qid):
    words = ["Ruritanian", "Finance", "Minister", "Olaf", "Brenn", "spoke"]
    assert chosen(mention(words, 3, 5, "PERSON"), role) == qid


# -- rule 4: prominence ---------------------------------------------------------------------


def test_an_office_holder_wins_over_a_legislator_of_the_same_name():
    assert chosen(mention(["Ali", "Demir", "said", "so"], 0, 2, "PERSON")) == "Q30"


def test_a_large_city_wins_over_a_town_of_the_same_name():
    kb = Gazetteer(
        [
            place("Q70", "Porto Alto", "city", country="Q1", population=1_200_000),
            place("Q71", "Porto Alto", "city", country="Q3", population=9_000),
        ]
    )
    span = mention(["Flights", "to", "Porto", "Alto", "resumed"], 2, 4, "GPE")
    found = resolve(span, kb).link
    assert found is not None and found.entry.qid == "Q70"


TOWNS = Gazetteer(
    [
        Entry("Q80", "Fairview", "city", (), (), None, "Q1", "place in Ruritania East"),
        Entry("Q81", "Fairview", "city", (), (), None, "Q1", "place in Lowland"),
        Entry("Q82", "Fairview", "city", (), (), None, "Q3", None, population=40_000),
    ]
)


@pytest.mark.parametrize(
    ("words", "qid"),
    [
        (["FAIRVIEW", ",", "LOWLAND", ",", "May", "4", "-", "Rain", "fell"], "Q81"),
        (["Rain", "fell", "in", "Fairview", ",", "Ruritania", "East"], "Q80"),
        (["Rain", "fell", "in", "Fairview", "again"], None),
    ],
)
def test_of_the_towns_of_a_name_the_one_whose_state_the_sentence_names_wins(words, qid):
    """Rule "country" for towns of unknown size: the sentence names the town's state, in any
    case (a dateline writes it in capitals); with no state named, the name stays unlinked."""
    start = next(i for i, w in enumerate(words) if w.lower() == "fairview")
    found = resolve(mention(words, start, start + 1, "GPE"), TOWNS).link
    assert (found.entry.qid if found else None) == qid


# -- rule 5: surnames -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, "Mr"])
def test_a_lone_surname_without_an_office_title_is_not_linked(role):
    span = mention(["Mr", "Kowal", "said", "no"], 1, 2, "PERSON", dt.date(1986, 6, 1))
    assert chosen(span, role) is None


# -- ties -----------------------------------------------------------------------------------


def test_tied_candidates_are_kept_with_their_share_of_confidence():
    span = mention(["Anna", "Berg", "said", "no"], 0, 2, "PERSON")
    resolution = resolve(span, KB)
    assert resolution.link is None
    assert sorted(resolution.candidates) == [("Q20", 0.5), ("Q21", 0.5)]


def test_a_title_naming_another_country_rules_the_namesake_out():
    words = ["Ruritanian", "envoy", "Karl", "Sand", "spoke", "in", "Borduria"]
    assert chosen(mention(words, 2, 4, "PERSON"), "Ruritanian envoy") is None
    assert chosen(mention(words, 2, 4, "PERSON"), "Bordurian envoy") == "Q50"


@pytest.mark.parametrize(
    ("words", "start", "qid"),
    [
        (["In", "Ruritania", ",", "the", "Courier", "reported", "it"], 4, "Q90"),
        (["Courier", "vans", "were", "sold", "in", "Ruritania"], 0, None),
        (["A", "Strelsau", "Evening", "Courier", "reporter", "in", "Ruritania"], 1, "Q91"),
    ],
)
def test_a_newspaper_called_the_and_one_word_is_named_with_its_article(words, start, qid):
    kb = Gazetteer(
        [
            place("Q1", "Ruritania", "country"),
            Entry("Q90", "The Courier", "newspaper", (), (), None, "Q1", None),
            Entry("Q91", "The Strelsau Evening Courier", "newspaper", (), (), None, "Q1", None),
        ]
    )
    end = words.index("Courier") + 1
    found = resolve(mention(words, start, end, "ORG"), kb).link
    assert (found.entry.qid if found else None) == qid


def test_a_party_named_by_its_short_name_links_only_where_its_country_is_named():
    kb = Gazetteer(
        [
            place("Q1", "Ruritania", "country"),
            Entry(
                "Q80", "Ruritanian Unity Party", "political_party", ("RUP",), (), None, "Q1", None
            ),
        ]
    )
    here = mention(["The", "RUP", "won", "in", "Ruritania"], 1, 2, "ORG")
    elsewhere = mention(["The", "RUP", "fund", "was", "set", "up"], 1, 2, "ORG")
    assert resolve(here, kb).link.entry.qid == "Q80"
    assert resolve(elsewhere, kb).link is None
