"""Programme names and bracketed acronyms: names that are not actors."""

from __future__ import annotations

import pytest

from extract.names import bracketed_acronyms, is_programme, name_part


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "Delegates discussed the Clean Water Initiative (CWI) on Monday.",
            "Clean Water Initiative",
            "CWI",
        ),
        (
            "It joined the Organisation for Economic Co-operation and Development (OECD) in 1961.",
            "Organisation for Economic Co-operation and Development",
            "OECD",
        ),
        (
            "Ministers met at the Asian Development Bank (ADB) in Manila.",
            "Asian Development Bank",
            "ADB",
        ),
    ],
)
@pytest.mark.model
def test_acronym_in_brackets_is_paired_with_the_name_it_abbreviates(nlp, text, name, acronym):
    pairs = [(n.text, a.text) for n, a in bracketed_acronyms(nlp(text))]
    assert (name, acronym) in pairs


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose (EU figures show) last year.",
        "The ministers (all of them) agreed.",
    ],
)
@pytest.mark.model
def test_bracketed_words_that_are_no_initials_pair_with_nothing(nlp, text):
    assert bracketed_acronyms(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "name", "programme"),
    [
        (
            "Britain proposed the International Finance Facility to raise aid money.",
            "International Finance Facility",
            True,
        ),
        ("She was interviewed on the Newsnight programme last week.", "Newsnight", True),
        ("The World Bank said growth would slow.", "World Bank", False),
        ("France backed the Commission plan on Monday.", "Commission", False),
    ],
)
@pytest.mark.model
def test_programme_names_are_told_from_organisations(nlp, text, name, programme):
    ent = next(e for e in nlp(text).ents if name in e.text)
    assert is_programme(name_part(ent)) is programme


@pytest.mark.model
def test_possessor_is_not_part_of_the_name(nlp):
    doc = nlp("Critics attacked Mr Green's Rural Housing Scheme on Friday.")
    ent = next(e for e in doc.ents if "Scheme" in e.text)
    assert name_part(ent).text == "Rural Housing Scheme"
