"""Actors: one per entity, titles kept out of labels, non-names kept out."""

from __future__ import annotations

import pytest

from extract.actors import one_edit_apart


@pytest.mark.model
def test_title_is_a_role_not_part_of_the_label(extract_text):
    ex = extract_text("U.S. Commerce Secretary Jane Holloway said exports rose.")
    person = next(a for a in ex.actors if "Holloway" in a.label)
    assert person.label == "Jane Holloway" and "Secretary" in (person.role or "")


@pytest.mark.model
def test_bare_surname_joins_the_full_name(extract_text):
    ex = extract_text("Prime Minister Yukio Tanabe arrived. Tanabe said trade was fair.")
    labels = [a.label for a in ex.actors]
    assert "Tanabe" not in labels and "Yukio Tanabe" in labels


@pytest.mark.model
def test_capitalised_word_after_country_abbreviation_is_not_an_actor(extract_text):
    ex = extract_text("Exports fell while U.S. Imports rose and U.S. Goods sold well.")
    labels = {a.label for a in ex.actors}
    assert not labels & {"U.S. Imports", "U.S. Goods"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She wrote for the Japan Herald before the war.", "Japan"),
        ("Shares of Canada Steel rose on Tuesday.", "Canada"),
    ],
)
def test_a_country_starting_an_organisation_name_is_no_mention_of_the_country(
    extract_text, text, name
):
    """Only the word after an abbreviation's stop is wire-style capitalisation ("U.S.
    Imports"); after a country written out it is the rest of a name ("Japan Herald")."""
    ex = extract_text(text)
    assert not [m for a in ex.actors for m in a.mentions if m.text == name]


@pytest.mark.model
def test_headline_is_not_an_actor(extract_text):
    ex = extract_text("Trade Momentum Builds\n\nJoe Biden said exports rose.")
    assert "Trade Momentum" not in {a.label for a in ex.actors}


@pytest.mark.parametrize(
    ("text", "not_actors"),
    [
        (
            "Ministers backed the Global Health Facility (GHF) on Monday. The GHF would lend $2bn.",
            {"Global Health Facility", "GHF"},
        ),
        (
            "Seoul wants to join the Generalised Scheme of Tariff Preferences, its minister said.",
            {"Generalised Scheme of Tariff Preferences"},
        ),
        ("The minister told the BBC's Money Box programme that rates would rise.", {"Money Box"}),
        ("Critics attacked Mrs Okafor's Rural Housing Scheme on Friday.", {"Rural Housing Scheme"}),
    ],
)
@pytest.mark.model
def test_programme_names_and_their_acronyms_are_not_actors(extract_text, text, not_actors):
    labels = {a.label for a in extract_text(text).actors}
    assert not labels & not_actors


@pytest.mark.model
def test_acronym_in_brackets_is_the_same_actor_as_the_name(extract_text):
    ex = extract_text(
        "The Caribbean Shipping Council (CSC) met in May. The CSC said freight rates fell."
    )
    council = [a for a in ex.actors if "Council" in a.label or a.label == "CSC"]
    assert len(council) == 1 and {"CSC"} <= {m.text for m in council[0].mentions}


@pytest.mark.model
def test_misspelt_word_derived_from_a_name_joins_that_actor(extract_text):
    ex = extract_text(
        "The bill went to the Senate on Monday. Ohio governor Jim Ladd met "
        "Senatorial leaders and Senate staff on Tuesday."
    )
    labels = {a.label for a in ex.actors}
    assert "Senatorial" not in labels


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Prime Minister Brian Mulroney met the premiers. Mulrony said talks went well.",
            "Mulrony",
        ),
        ("Finance Minister Anna Kowalska spoke first. Kowalksa said rates would fall.", "Kowalksa"),
        (
            "Agriculture Minister Ignaz Kiechle spoke in Bonn. Kiechl said the Commission erred.",
            "Kiechl",
        ),
    ],
)
@pytest.mark.model
def test_surname_misspelt_by_one_letter_joins_the_full_name(extract_text, text, absent):
    labels = {a.label for a in extract_text(text).actors}
    assert not any(absent in label.split() for label in labels)


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("mulrony", "mulroney", True),
        ("kowalksa", "kowalska", True),
        ("baker", "parker", False),
        ("brown", "brown", False),
        ("smith", "smyth", True),
        ("li", "lu", False),
    ],
)
def test_one_edit_apart(a, b, close):
    assert one_edit_apart(a, b) is close


@pytest.mark.model
def test_organisation_owning_a_plan_stays_an_actor(extract_text):
    ex = extract_text("France backed the Commission plan. The Commission said prices must fall.")
    assert "Commission" in {a.label for a in ex.actors}


@pytest.mark.model
def test_bracket_the_ner_ran_into_is_cut_and_its_acronym_kept(extract_text):
    ex = extract_text("The National Association of Dairy Farmers (NADF) said it was worried.")
    labels = {a.label for a in ex.actors}
    assert not any("(" in label for label in labels)
    assoc = next(a for a in ex.actors if "Association" in a.label)
    assert "NADF" in {m.text for m in assoc.mentions}


@pytest.mark.parametrize(
    ("text", "label", "forms"),
    [
        (
            "Sheikh Hamad al-Thani said output would rise. Sheikh Hamad added that prices held.",
            "Hamad al-Thani",
            {"Sheikh Hamad al-Thani", "Sheikh Hamad"},
        ),
        ("Sir Peter Carroway said the bill was fair.", "Peter Carroway", {"Sir Peter Carroway"}),
        ("Mr Ollander said the port would close.", "Mr Ollander", {"Mr Ollander"}),
        ("Dr. Ines Valcourt said the trial worked.", "Ines Valcourt", {"Dr. Ines Valcourt"}),
    ],
)
@pytest.mark.model
def test_a_form_of_address_stays_in_the_mention_but_not_the_label(extract_text, text, label, forms):
    person = next(a for a in extract_text(text).actors if a.kind.value == "Person")
    assert person.label == label and {m.text for m in person.mentions} == forms


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("According to the Times, the minister will resign next week.", "The Times"),
        ("The deal will collapse, the Times reported on Sunday.", "The Times"),
    ],
)
@pytest.mark.model
def test_a_name_several_tied_entries_bear_is_their_label(extract_text, text, label):
    ex = extract_text(text)
    assert label in {a.label for a in ex.actors}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Qatar oil minister Sheikh Hamad al-Thani said output would rise.", "Qatar oil minister"),
        ("Trade minister Sir Peter Carroway said the bill was fair.", "Trade minister"),
        ("Sheikh Hamad al-Thani said output would rise.", "Sheikh"),
        # A wire archive's straight mark for the apostrophe is read as one.
        ('Norway"s trade minister Ola Brekke said exports rose.', "Norway's trade minister"),
    ],
)
@pytest.mark.model
def test_an_office_before_a_form_of_address_is_the_role(extract_text, text, role):
    person = next(a for a in extract_text(text).actors if a.kind.value == "Person")
    assert person.role == role
