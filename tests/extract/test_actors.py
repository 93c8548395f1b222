"""Actors: one per entity, titles kept out of labels, non-names kept out."""

from __future__ import annotations

import pytest


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
def test_headline_is_not_an_actor(extract_text):
    ex = extract_text("Trade Momentum Builds\n\nJoe Biden said exports rose.")
    assert "Trade Momentum" not in {a.label for a in ex.actors}
