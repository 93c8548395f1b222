"""Speakers that refer back: "he" and "she" take the nearest person they agree with, a
main-clause subject or speaker before a subject of the clause it reported; "the German group"
is the firm named before, not Germany."""

from __future__ import annotations

import pytest


def _speakers(ex):
    labels = {a.key: a.label for a in ex.actors}
    return [labels.get(s.speaker, s.speaker) for s in ex.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Gender agreement skips the subject of the other sex.
        ("Maria Olsen met Peter Brandt on Monday. He said the plan would fail.", "Peter Brandt"),
        ("Peter Brandt met Maria Olsen on Monday. She said the plan would fail.", "Maria Olsen"),
        ("Mr. Brandt thanked Mrs. Olsen for the visit. She said the talks went well.", "Olsen"),
        # What a person says of themselves tells their sex when nothing else does.
        (
            "Robin Brandt met voters. Kim Olsen said that she would run. He said polls were wrong.",
            "Robin Brandt",
        ),
        # Unknown sex agrees with both: the latest subject speaks.
        ("Robin Brandt met Kim Olsen on Monday. He said the plan would fail.", "Robin Brandt"),
    ],
)
@pytest.mark.model
def test_he_and_she_take_the_nearest_person_they_agree_with(extract_text, text, speaker):
    assert speaker in _speakers(extract_text(text))[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Robin Brandt said Kim Olsen would win the vote. He added that the party was united.",
        "Robin Brandt predicted that Kim Olsen would lose. He said the polls were wrong.",
    ],
)
@pytest.mark.model
def test_a_pronoun_prefers_the_speaker_to_a_subject_he_reported(extract_text, text):
    assert _speakers(extract_text(text))[-1] == "Robin Brandt"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Vexacorp cut jobs in Berlin. The German group said demand was weak.", "Vexacorp"),
        ("Vexacorp cut 300 jobs. The French carmaker said sales fell.", "Vexacorp"),
    ],
)
@pytest.mark.model
def test_a_company_noun_with_a_nationality_is_the_firm_not_its_state(extract_text, text, speaker):
    assert _speakers(extract_text(text)) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The subject of a verb of issuing speaks through the text it issued.
        ("Ruth Dolan released a new radio ad saying the war must end.", "Ruth Dolan"),
        ("Vexacorp published a statement on Monday saying sales fell.", "Vexacorp"),
        ("Greenpeace sued the agency. The lawsuit says the rule is illegal.", "Greenpeace"),
        ("Vexacorp filed a complaint. The complaint argues the rule is unfair.", "Vexacorp"),
    ],
)
@pytest.mark.model
def test_a_document_speaks_for_whoever_issued_it(extract_text, text, speaker):
    assert _speakers(extract_text(text)) == [speaker]


@pytest.mark.model
def test_a_persons_document_speaks_for_the_person_not_the_state(extract_text):
    text = "Senator Ruth Dolan of Ohio spoke on Monday. The Dolan memo says the plan would fail."
    assert _speakers(extract_text(text)) == ["Ruth Dolan"]


@pytest.mark.model
def test_a_communique_signed_is_no_signers_statement(extract_text):
    text = "Pierre Lemaire signed a communiqué stressing the need for peace talks."
    assert _speakers(extract_text(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The sentence before names one new person of the pronoun's sex outside its subject.
        (
            "Kim Olsen said the plan would fail. The study was written by Dr. Maria Berg, a "
            "surgeon in Oslo. She said the data were clear.",
            "Maria Berg",
        ),
        # Its main subject is a pronoun: the chain of the person before goes on.
        (
            "Kim Olsen met voters on Monday. She praised Dr. Maria Berg, a surgeon in Oslo. "
            "She said the data were clear.",
            "Kim Olsen",
        ),
        # Two new people of that sex: neither is sure, the speaker before stays.
        (
            "Kim Olsen said the plan would fail. The study was written by Maria Berg and "
            "Anna Lund. She said the data were clear.",
            "Kim Olsen",
        ),
    ],
)
@pytest.mark.model
def test_a_pronoun_takes_the_one_new_person_of_its_sex_named_outside_the_subject(
    extract_text, text, speaker
):
    assert speaker in _speakers(extract_text(text))[-1]
