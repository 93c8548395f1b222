"""A wire dateline's dash is a hard boundary: no entity crosses it, its place never speaks."""

from __future__ import annotations

import pytest

from extract.text import Layout


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("LIMA, Jan 9 - Peru said it would sell copper.", "LIMA", "Jan 9"),
        ("SAN JOSE, COSTA RICA, Aug 3 - Officials said so.", "SAN JOSE, COSTA RICA", "Aug 3"),
        ("QUITO, Nov. 21 (Reuters) - Ecuador said it would cut output.", "QUITO", "Nov. 21"),
        (
            "ACCRA, Ghana, July 7 (UPI) \u2014 Ghana said it would export cocoa.",
            "ACCRA, Ghana",
            "July 7",
        ),
        ("HANOI (AP) \u2014 Vietnam said it would cut rice exports.", "HANOI", ""),
        ("OSLO \u2014 Norway said it would buy gas.", "OSLO", ""),
        ("ST. PAUL, Minn. -- The governor said the plan was dead.", "ST. PAUL, Minn.", ""),
    ],
)
def test_wire_datelines_of_every_style_give_their_place_and_date(text, place, date):
    layout = Layout(f"TRADE TALKS RESUME\n\n{text}")
    assert [(p, d) for _s, _e, p, d in layout.datelines] == [(place, date)]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. SHOULD REVIEW GRAIN POLICY - ECONOMIST",  # a headline, not a dateline
        "The EU - Japan accord was signed on Friday.",
        "Talks resumed in Lima on Jan 9 - and failed.",
    ],
)
def test_headlines_and_sentences_with_a_dash_are_not_datelines(text):
    assert Layout(text).datelines == []


def test_the_dash_of_a_dateline_is_found_in_its_text():
    text = "RABAT, May 2 (Reuters) \u2014 Morocco said so."
    layout = Layout(text)
    assert [text[s:e] for s, e in layout.dateline_dashes(text)] == ["\u2014"]


def _crossing(doc) -> list[str]:
    text = doc.text
    dashes = list(Layout(text).dateline_dashes(text))
    return [e.text for e in doc.ents for s, end in dashes if e.start_char < s and e.end_char > end]


@pytest.mark.model
@pytest.mark.parametrize(
    ("dateline", "sentence", "actor"),
    [
        # Lines the statistical NER reads as one DATE ("May 4 - China"): written for the test.
        ("BEIJING, May 4 -", "China said it would cut tariffs on soybeans.", "China"),
        ("TOKYO, Sept 8 -", "New Zealand has imposed sanctions on Fiji.", "New Zealand"),
        ("CANBERRA, Oct 12 -", "South Korea has lifted its ban on beef imports.", "South Korea"),
        ("MOSCOW, Dec 1 -", "Britain and France said they would oppose the plan.", "Britain"),
        ("BEIJING, May 4 -", "Egypt said it would raise wheat imports.", "Egypt"),
    ],
)
def test_an_entity_never_crosses_the_datelines_dash(nlp, dateline, sentence, actor):
    """The date stays a DATE; the name after the dash is the entity it is without the
    dateline (label and proposed QID alike)."""
    doc = nlp(f"{dateline} {sentence}")
    ents = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    alone = {e.text: (e.label_, e.kb_id_) for e in nlp(sentence).ents}
    assert not _crossing(doc)
    assert ents[dateline.split(", ")[1].rstrip(" -")] == ("DATE", "")
    assert ents[actor] == alone[actor]
    assert ents[actor][0] == "GPE"


@pytest.mark.model
def test_a_person_after_the_dash_is_read_again_as_a_person(nlp):
    doc = nlp("TOKYO, Sept 8 - Donald Trump said on Tuesday that the deal was bad.")
    assert not _crossing(doc)
    assert ("Donald Trump", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("BEIJING, May 4 - China said it would cut tariffs on soybeans.", "Q148"),
        ("NAIROBI, March 3 (Reuters) - Kenya said on Monday it would raise sugar tariffs.", "Q114"),
        ("HANOI (AP) \u2014 Vietnam said on Monday it would cut rice exports.", "Q881"),
        ("OSLO \u2014 Norway said on Friday that it would buy more gas from Qatar.", "Q20"),
        ("TOKYO, Sept 8 - Egypt said it would raise wheat imports.", "Q79"),
    ],
)
def test_the_actor_after_the_dateline_speaks_not_the_datelines_place(extract_text, text, speaker):
    assert [s.speaker for s in extract_text(text).statements] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The parser makes the dateline's place the subject and the speaker its apposition.
        (
            "LONDON, May 2 - Chile's Finance Minister Jorge Mena said the banks were stalling.",
            "Person:jorge mena",
        ),
        (
            "MADRID, Jan 8 (Reuters) - Brazil's Economy Minister Luis Prado said talks had failed.",
            "Person:luis prado",
        ),
    ],
)
def test_a_speaker_the_parser_hangs_on_the_datelines_place_still_speaks(
    extract_text, text, speaker
):
    assert [s.speaker for s in extract_text(text).statements] == [speaker]
