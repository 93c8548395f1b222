"""The spaCy pipeline and its gazetteer component."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.nlp import ModelNotFound, load_pipeline

pytestmark = pytest.mark.model


def run_component(nlp, text: str, ents: list[tuple[str, str]] = ()):
    """Tokenise ``text``, set the given (words, label) entities, run only the component."""
    doc = nlp.make_doc(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return nlp.get_pipe("newskg_gazetteer")(doc)


def ents(doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_components_run_after_the_ner_the_dateline_cut_first(nlp):
    names = nlp.pipe_names
    assert names.index("newskg_datelines") == names.index("ner") + 1
    assert names.index("newskg_gazetteer") == names.index("newskg_datelines") + 1


def test_known_entities_get_their_qid(nlp):
    doc = nlp("China said on Tuesday it would buy more soybeans.")
    assert ("China", "GPE", "Q148") in ents(doc)


def test_a_country_the_ner_called_a_person_becomes_a_place(nlp):
    doc = run_component(nlp, "Georgia said it would join the talks.", [("Georgia", "PERSON")])
    assert ents(doc) == [("Georgia", "GPE", "Q230")]
    assert doc.user_data["newskg_gazetteer"]["retyped"] == 1


def test_a_capital_the_ner_called_an_organisation_becomes_a_place(nlp):
    doc = run_component(
        nlp, "Washington argues that the embargo should stay.", [("Washington", "ORG")]
    )
    assert ents(doc) == [("Washington", "GPE", "Q61")]


def test_a_real_organisation_keeps_its_label(nlp):
    doc = run_component(nlp, "Reuters reported the call.", [("Reuters", "ORG")])
    assert ents(doc) == [("Reuters", "ORG", "Q130879")]


def test_names_the_ner_missed_are_added_with_their_type(nlp):
    doc = run_component(nlp, "Talks between Taiwan and the EU resumed under the NPC.")
    assert ents(doc) == [("Taiwan", "GPE", "Q865"), ("EU", "ORG", "Q458"), ("NPC", "ORG", "Q19211")]
    assert doc.user_data["newskg_gazetteer"]["added"] == 3


def test_ordinary_words_are_not_names(nlp):
    doc = run_component(nlp, "They sold fine china in bulk to us.")
    assert ents(doc) == []


def test_codes_and_initialisms_in_capitals_headlines_are_not_added(nlp):
    doc = run_component(nlp, "U.S. TRADE DEFICIT WIDENS IN JANUARY, TELL US AL\n\nEC rules.")
    assert [t for t, _, _ in ents(doc)] == ["U.S."]  # dotted: a name even in capitals


def test_initialisms_in_running_text_are_added_only_as_written(nlp):
    doc = run_component(nlp, "The US and the UK signed it; the us of it all.")
    assert [(t, q) for t, _, q in ents(doc)] == [("US", "Q30"), ("UK", "Q145")]


def test_extra_gazetteer_files_reach_the_component(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("qid\tlabel\ttype\taliases\nQ990030\tZyxland\tcountry\t\n", encoding="utf-8")
    nlp = load_pipeline(gazetteer_files=[str(extra)])
    doc = nlp.get_pipe("newskg_gazetteer")(nlp.make_doc("Zyxland agreed."))
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("Zyxland", "GPE", "Q990030")]


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        load_pipeline("no_such_model_xyz")


def test_paragraph_breaks_end_sentences(nlp):
    doc = nlp("A headline without a stop\n\nChina said it would buy soybeans.")
    starts = [s.text.strip() for s in doc.sents]
    assert "China said it would buy soybeans." in starts


def test_span_helpers_are_not_needed_for_unlinked_text(nlp):
    doc = nlp("Nothing known is named here.")
    assert all(isinstance(e, Span) and not e.kb_id_ for e in doc.ents)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Rail strike ends\n\nUkraine and Russia have agreed to hold talks, officials said.",
            "Ukraine and Russia have agreed to hold talks, officials said.",
        ),
        ("Title here\n\nPrices rose. Exports fell.", "Prices rose."),
    ],
)
@pytest.mark.model
def test_body_sentences_start_at_paragraphs_and_never_at_a_lower_case_word(nlp, text, first):
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[1] == first


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Talks with U.N. envoys resumed.", "U.N.", ("ORG", "Q1065")),
        ("FARM TALKS WITH U.K. RESUME", "U.K.", ("GPE", "Q145")),
        ("Officials said U.S. tariffs would stay.", "U.S.", ("GPE", "Q30")),
    ],
)
def test_initialisms_written_with_stops_are_names_even_in_headlines(nlp, text, name, expected):
    """A dotted initialism is never the common word an all-capitals "US" may be."""
    found = {e.text: (e.label_, e.kb_id_) for e in run_component(nlp, text).ents}
    assert found[name] == expected


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ('The cartel heard NATO"s view on Monday.', ["NATO", '"s', "view"], "NATO"),
        ('Officials of Peru"s central bank met.', ["Peru", '"s', "central"], "Peru"),
    ],
)
def test_a_wire_possessive_with_a_double_mark_splits_like_an_apostrophe(nlp, text, words, name):
    doc = nlp(text)
    start = [t.text for t in doc].index(words[0])
    assert [t.text for t in doc[start : start + 3]] == words
    assert doc[start + 1].norm_ == "'s"
    assert name in [e.text for e in doc.ents]


def test_a_double_mark_that_quotes_is_not_split(nlp):
    doc = nlp('He said "so" and left.')
    assert '"s' not in [t.text for t in doc]
