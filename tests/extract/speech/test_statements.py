"""Statements on small news-style sentences: speakers, quotes, nesting, negation."""

from __future__ import annotations

import pytest

from extract.quotes import find_quotes
from extract.records import ActorKind


def _label(ex, key):
    return next(
        (a.label for a in ex.actors if a.key == key),
        next((t.label for t in ex.topics if t.key == key), key),
    )


def _said(ex):
    return [(_label(ex, s.speaker), s.direct) for s in ex.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Angela Merkel met reporters.\n\n\u201cWe will not give in,\u201d Merkel said.",
            [("Angela Merkel", True)],
        ),
        (
            "Joe Biden spoke in Ohio.\n\nBiden said: \u201cThe economy is growing fast.\u201d",
            [("Joe Biden", True)],
        ),
        (
            'Emmanuel Macron arrived late. "Europe must act," he said, "and it must act now."',
            [("Emmanuel Macron", True)],
        ),
    ],
)
@pytest.mark.model
def test_direct_quote_with_speaker_before_after_or_inside(extract_text, text, expected):
    assert _said(extract_text(text)) == expected


@pytest.mark.model
def test_quote_running_into_next_sentence_keeps_the_speaker(extract_text):
    ex = extract_text(
        "\u201cTalks went well,\u201d Vladimir Putin said. "
        "\u201cWe agreed on most points. More will follow.\u201d"
    )
    assert [_label(ex, s.speaker) for s in ex.statements] == ["Vladimir Putin", "Vladimir Putin"]
    assert ex.statements[1].cue is None and ex.statements[1].direct


@pytest.mark.model
def test_partial_quote_inside_indirect_speech_is_indirect(extract_text):
    ex = extract_text("Joe Biden said Xi Jinping has \u201cbroadly agreed\u201d to buy more grain.")
    (st,) = ex.statements
    assert _label(ex, st.speaker) == "Joe Biden" and not st.direct
    assert st.quote == "broadly agreed" and st.cue == "say"


def test_unbalanced_quote_ends_with_its_paragraph():
    text = 'He said "this never ends.\n\nThe next paragraph is plain.'
    assert find_quotes(text) == [(8, 25)]


def test_straight_and_curly_quotes_are_both_found():
    text = 'A "one two" and \u201cthree four\u201d.'
    assert [text[s:e] for s, e in find_quotes(text)] == ['"one two"', "\u201cthree four\u201d"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Angela Merkel warned that tariffs would hurt growth.", "warn"),
        ("Joe Biden insisted the sanctions would stay.", "insist"),
        ("Sergey Lavrov denied that troops had crossed the border.", "deny"),
        ("Emmanuel Macron reiterated France's position that the deal must hold.", "reiterate"),
    ],
)
@pytest.mark.model
def test_indirect_speech_with_any_reporting_verb(extract_text, text, cue):
    (st,) = extract_text(text).statements
    assert st.cue == cue and not st.direct


@pytest.mark.model
def test_capital_as_speaker_is_the_state(extract_text):
    ex = extract_text("Moscow said the sanctions were illegal.")
    (st,) = ex.statements
    assert _label(ex, st.speaker) == "Russia"


@pytest.mark.model
def test_pronoun_speaker_resolves_to_the_last_person(extract_text):
    ex = extract_text("Angela Merkel visited Paris on Monday. She said the talks were useful.")
    assert [_label(ex, s.speaker) for s in ex.statements] == ["Angela Merkel"]


@pytest.mark.model
def test_anonymous_sources_are_typed_actors_one_per_description(extract_text):
    ex = extract_text(
        "Officials said the ban would be lifted. Diplomats said talks continue. "
        "Officials said the ban would be eased."
    )
    speakers = [s.speaker for s in ex.statements]
    assert len(speakers) == 3 and len(set(speakers)) == 2
    kinds = {a.kind for a in ex.actors if a.key in speakers}
    assert kinds == {ActorKind.ANONYMOUS}


@pytest.mark.model
def test_news_agency_relays_what_the_leader_said(extract_text):
    ex = extract_text("The Reuters news agency said Xi Jinping stressed cooperation with Russia.")
    (st,) = ex.statements
    assert _label(ex, st.speaker) == "Xi Jinping"
    assert _label(ex, st.reported_by) == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden did not mention the tariffs on steel in his speech.",
        "Angela Merkel declined to comment on the sanctions.",
        "Joe Biden has not committed to lifting the tariffs.",
    ],
)
@pytest.mark.model
def test_negated_speech_is_not_a_statement(extract_text, text):
    ex = extract_text(text)
    assert ex.statements == ()
    assert len(ex.non_statements) == 1


@pytest.mark.model
def test_about_links_actors_and_topics_of_the_content(extract_text):
    ex = extract_text("Angela Merkel said the tariffs on Chinese steel would hurt Japan.")
    (st,) = ex.statements
    about = {_label(ex, k) for k in st.about}
    assert {"tariff", "steel", "Japan"} <= about
    assert "Angela Merkel" not in about


@pytest.mark.model
def test_statement_keeps_sentence_evidence(extract_text):
    text = "Prices rose. Joe Biden said on Tuesday that inflation was falling."
    (st,) = extract_text(text).statements
    assert st.evidence.sentence == "Joe Biden said on Tuesday that inflation was falling."
    assert text[st.evidence.sentence_start : st.evidence.sentence_end] == st.evidence.sentence
    assert st.time is not None and st.time.text == "Tuesday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Content that names nothing is about what the title names.
        (
            "Chile copper talks stall\n\nChile met Peru on copper exports. Minister Ana Rojas "
            'warned that "much remains to be done".',
            {"Chile", "copper"},
        ),
        (
            "PERU SEEKS LOWER TARIFFS\n\nPeru asked for lower tariffs. Minister Luis Vega said "
            '"we are hopeful".',
            {"Peru", "tariff"},
        ),
        # Content that names something keeps only what it names.
        (
            "Chile copper talks stall\n\nChile met Peru on copper exports. Minister Ana Rojas "
            "said Peru was unhelpful.",
            {"Peru"},
        ),
    ],
)
@pytest.mark.model
def test_statement_naming_nothing_is_about_the_title(extract_text, text, expected):
    st = extract_text(text).statements[-1]
    assert {_label(extract_text(text), k) for k in st.about} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two clauses of their own: two speech acts.
        (
            "Mr Dupont denied any rift - he is flying to Rome today and says he would gladly meet "
            "Mr Rossi.",
            [("Dupont", "deny"), ("Dupont", "say")],
        ),
        # Coordinated cues share one speech act.
        (
            "Olaf Scholz said exports were rising and said the deal would hold.",
            [("Olaf Scholz", "say")],
        ),
        # The parser may hang the second cue on the reported clause; it is still the same act.
        (
            "Olaf Scholz said some voters were angry but predicted a calmer mood soon.",
            [("Olaf Scholz", "say")],
        ),
    ],
)
@pytest.mark.model
def test_one_speaker_may_make_two_statements_in_one_sentence(extract_text, text, expected):
    ex = extract_text(text)
    got = [(_label(ex, s.speaker), s.cue) for s in ex.statements]
    assert [(label.split()[-1], cue) for label, cue in got] == [
        (label.split()[-1], cue) for label, cue in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rui Costa said the unions would insist on higher pay.",
        "Rui Costa said the council will announce the result in May.",
    ],
)
@pytest.mark.model
def test_speech_still_to_come_is_not_a_statement(extract_text, text):
    ex = extract_text(text)
    assert [_label(ex, s.speaker) for s in ex.statements] == ["Rui Costa"]


@pytest.mark.model
def test_he_does_not_refer_back_to_plural_anonymous_sources(extract_text):
    ex = extract_text(
        "Boris Vance spoke on Monday. He said some people were in denial. "
        "Europe had to adapt, he said."
    )
    assert {_label(ex, s.speaker) for s in ex.statements} == {"Boris Vance"}


@pytest.mark.model
def test_they_refers_to_officials_not_to_a_state(extract_text):
    ex = extract_text(
        "Trade Ministry officials said Chile had bought more wheat. "
        "This meant Chile would buy less corn, they said."
    )
    kinds = [next(a.kind for a in ex.actors if a.key == s.speaker) for s in ex.statements]
    assert kinds == [ActorKind.ANONYMOUS, ActorKind.ANONYMOUS]


@pytest.mark.model
def test_plural_title_is_not_a_named_person(extract_text):
    ex = extract_text(
        "Nelson Okoro urged them to act. Finance ministers called for lower interest rates."
    )
    speakers = [_label(ex, s.speaker) for s in ex.statements]
    # The ministers are an unnamed group of their own, not the one person named before.
    assert speakers == ["Nelson Okoro", "finance ministers (unnamed)"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Chile said it would buy more cars. "This includes new buses," it added.', "Chile"),
        ('"Talks are moving on," commented Quebec Premier Luc Tremblay.', "Luc Tremblay"),
        ("Mr Green, speaking in Leeds, stressed this point.", "Green"),
        ("Washington has voiced concern that prices are rising.", "United States of America"),
    ],
)
@pytest.mark.model
def test_less_common_attributions_find_their_speaker(extract_text, text, speaker):
    ex = extract_text(text)
    assert ex.statements and speaker in _label(ex, ex.statements[-1].speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The US is bound by law to help Taiwan defend itself.",
        "Brazil had to defend itself in court.",
    ],
)
@pytest.mark.model
def test_verb_with_only_a_reflexive_object_reports_nothing(extract_text, text):
    assert extract_text(text).statements == ()


@pytest.mark.model
def test_pronoun_in_the_content_is_about_the_person_it_stands_for(extract_text):
    ex = extract_text(
        "Jack Moreno flew to Asia on Monday. While he was in Tokyo, Foreign "
        "Minister Kenji Sato told reporters that the plan was worrying."
    )
    st = ex.statements[-1]
    assert _label(ex, st.speaker) == "Kenji Sato"
    assert "Jack Moreno" in {_label(ex, k) for k in st.about}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("China claims Taiwan. Premier Li Wen said Beijing would protect the island.", "Taiwan"),
        (
            "Peru raised copper output. Minister Ana Rojas said the country would export more.",
            "Peru",
        ),
    ],
)
@pytest.mark.model
def test_the_island_or_the_country_is_about_the_place_just_named(extract_text, text, place):
    ex = extract_text(text)
    assert place in {_label(ex, k) for k in ex.statements[-1].about}


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # A dateline the parser reads as a subject does not speak for the person named after it.
        (
            "LIMA, May 2 - Trade minister Ana Rojas said on Monday that talks were going well.",
            ["Ana Rojas"],
        ),
        # "said it welcomed": the pronoun is the body that speaks, not a new speaker.
        (
            "Brazil's foreign ministry said it welcomed the progress. It added that the deal must "
            "protect forests. The ministry also said Brazil would not accept new tariffs.",
            ["Brazil's foreign ministry"] * 3,
        ),
        # A name the NER missed, in apposition to a title, is that person; a person with another
        # known role is not "the minister".
        (
            "French President Emmanuel Macron spoke first. Its economy minister, Pablo Ruiz, said "
            "exports would rise.",
            ["Pablo Ruiz"],
        ),
        # A named appositive beats a noun that usually marks an unnamed source.
        (
            "Chile's chief negotiator, Pedro Soto, told reporters that tariffs would fall.",
            ["Pedro Soto"],
        ),
    ],
)
@pytest.mark.model
def test_speakers_in_wire_and_agency_constructions(extract_text, text, speakers):
    ex = extract_text(text)
    assert [_label(ex, s.speaker) for s in ex.statements] == speakers


@pytest.mark.model
def test_negated_speech_with_only_an_object_is_a_non_statement(extract_text):
    ex = extract_text("Russian President Boris Orlov has not commented on the gas tariffs.")
    assert ex.statements == ()
    (ns,) = ex.non_statements
    about = {_label(ex, k) for k in ns.about}
    assert "tariff" in about and "Russia" not in about


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # Agreeing to do something is a deed; the officials who report it speak.
        ("Chile and Peru have agreed to hold new talks, officials in Lima said.", ["anonymous"]),
        ('Alberta Premier Don Kellner agreed, "Things are moving fast."', ["Don Kellner"]),
    ],
)
@pytest.mark.model
def test_agreeing_to_act_is_not_speech(extract_text, text, speakers):
    ex = extract_text(text)
    got = [
        "anonymous"
        if any(a.key == s.speaker and a.kind is ActorKind.ANONYMOUS for a in ex.actors)
        else _label(ex, s.speaker)
        for s in ex.statements
    ]
    assert got == speakers


@pytest.mark.model
def test_appositive_modifier_does_not_speak_for_the_subject(extract_text):
    ex = extract_text("Vostok, the Russian oil giant, said it hoped for a quick deal.")
    assert "Russia" not in {_label(ex, s.speaker) for s in ex.statements}


@pytest.mark.model
def test_unnamed_officer_of_a_body_speaks_for_the_body(extract_text):
    ex = extract_text(
        "Italian Prime Minister Mario Conti met bankers. An ECB spokesman said "
        "the bond programme remained in place."
    )
    assert _label(ex, ex.statements[-1].speaker) == "European Central Bank"


@pytest.mark.model
def test_person_in_the_title_is_not_what_a_quote_naming_nothing_is_about(extract_text):
    ex = extract_text(
        "Okafor rejects Chile copper plan\n\nNigerian minister Ada Okafor met "
        'Chile. Trade minister Ana Rojas said "we are still hopeful".'
    )
    about = {_label(ex, k) for k in ex.statements[-1].about}
    assert "Chile" in about and "Ada Okafor" not in about


@pytest.mark.parametrize(
    ("text", "speakers", "cues"),
    [
        (
            "Nissan will cut 800 jobs at its Leeds plant, the carmaker said on Monday.",
            ["Nissan"],
            ["say"],
        ),
        # Who was asked does not speak by being asked.
        ("Rosa Diaz spoke in Lima. Asked about a plant in Cusco, she declined to comment.", [], []),
    ],
)
@pytest.mark.model
def test_company_nouns_and_reduced_passives(extract_text, text, speakers, cues):
    ex = extract_text(text)
    assert [_label(ex, s.speaker) for s in ex.statements] == speakers
    assert [s.cue for s in ex.statements] == cues
