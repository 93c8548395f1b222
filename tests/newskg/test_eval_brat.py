"""``newskg eval --format brat``: the BRAT reader and the attribution counting rule, on small
hand-written corpora (tests/data/brat) and statements built by hand, so no model is needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests_support import ROOT

from newskg.evaluation.attribution import Statement, score_document
from newskg.evaluation.brat import BratError, load_corpus, load_labels, parse_ann
from newskg.evaluation.brat_summary import summarize
from newskg.evaluation.brat_text import format_brat_report
from newskg.evaluation.corenlp import Parse, read_parse

DATA = ROOT / "tests" / "data" / "brat"
FLAT, POLNEAR = DATA / "flat", DATA / "polnear" / "dev"


def doc(folder: Path, name: str):
    return next(d for d in load_corpus(folder) if d.id == name)


def said(text: str, phrase: str, *, verb: str | None = "said", names=("Ana Lopes",), quote=None):
    """A statement whose evidence is ``phrase`` (its sentence: the phrase itself)."""
    start = text.index(phrase)
    end = start + len(phrase)
    return Statement(f"urn:s:{start}-{end}", start, end, (start, end), verb, quote, tuple(names))


# -- reading ---------------------------------------------------------------------------------


def test_flat_layout_reads_every_text_with_the_ann_beside_it():
    docs = load_corpus(FLAT)
    assert [d.id for d in docs] == ["harbour", "quiet"]
    assert docs[1].attributions == ()  # an empty .ann: a text with no attribution
    assert docs[1].date == dt.date(2025, 4, 2) and docs[1].title == "A quiet note"


def test_a_discontinuous_content_keeps_both_fragments():
    first = doc(FLAT, "harbour").attributions[0]
    assert first.content == ((1, 10), (41, 53))
    assert first.source == ((12, 33),) and first.cue == ((34, 38),)


def test_an_attribution_without_source_has_no_source_span():
    gold = doc(FLAT, "harbour").attributions
    assert [a.id for a in gold] == ["E1", "E2", "E3"]
    assert gold[2].source == () and gold[2].cue == ((117, 131),)


def test_a_span_text_going_on_over_a_newline_is_not_a_malformed_line():
    # T9 (a Discuss span) shows its text over two lines; the E3 after it is still read.
    assert doc(FLAT, "harbour").attributions[2].content == ((104, 116),)


def test_polnear_layout_takes_the_first_annotators_file_metadata_and_parse():
    d = doc(POLNEAR, "council-vote")
    assert d.ann_path.name == "council-vote_ab12.ann"
    assert len(d.attributions) == 3
    assert d.date == dt.date(2025, 3, 14) and d.title == "Council to vote on budget"
    assert d.corenlp_path is not None and d.corenlp_path.name == "council-vote.txt.xml"


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("T1\tSource 10 x\tthe mayor", "needs 'LABEL START END"),
        ("E1\tAttribution:T4 Source", "is not 'ROLE:ID'"),
        ("E1\tAttribution:T4 Source:T9", "names no text-bound line"),
        ("the mayor said", "not a BRAT annotation line"),
    ],
)
def test_a_malformed_line_is_an_error_naming_file_and_line(line, complaint):
    content = "T4\tAttribution 0 4\tsaid\n" + line + "\n"
    with pytest.raises(BratError, match=complaint) as err:
        parse_ann(content, "x.ann", load_labels())
    assert str(err.value).startswith("x.ann:2: ")


def test_a_span_beyond_the_text_is_an_error_naming_the_ann_file(tmp_path):
    (tmp_path / "a.txt").write_text("Short.")
    (tmp_path / "a.ann").write_text(
        "T1\tCue 0 40\tx\nT2\tContent 0 3\tSho\nE1\tAttribution:T1 Cue:T1 Content:T2\n"
    )
    with pytest.raises(BratError, match=r"a\.ann: attribution E1: span 0-40 is beyond"):
        load_corpus(tmp_path)


def test_a_text_without_ann_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Short.")
    with pytest.raises(BratError, match=r"a\.txt: no \.ann file"):
        load_corpus(tmp_path)


def test_a_numbered_repeat_of_an_argument_adds_to_its_part():
    content = (
        "T1\tCue 4 8\tsaid\nT2\tContent 9 11\thi\nT3\tContent 20 25\tthere\n"
        "E1\tAttribution:T1 Cue:T1 Content:T2 Content2:T3\n"
    )
    (a,) = parse_ann(content, "c.ann", load_labels())
    assert a.content == ((9, 11), (20, 25)) and a.source == ()


def test_other_corpora_map_their_labels_by_a_table(tmp_path):
    table = tmp_path / "labels.tsv"
    table.write_text(
        "#@ columns: label role\n#@ values role: source cue content attribution\n"
        "label\trole\nQuotation\tattribution\nWho\tsource\nVerb\tcue\nWhat\tcontent\n"
    )
    content = (
        "T1\tX 0 3\tAna\nT2\tX 4 8\tsaid\nT3\tX 9 11\thi\nE1\tQuotation:T2 Who:T1 Verb:T2 What:T3\n"
    )
    (a,) = parse_ann(content, "q.ann", load_labels(table))
    assert (a.source, a.cue, a.content) == (((0, 3),), ((4, 8),), ((9, 11),))
    assert parse_ann(content, "q.ann", load_labels()) == ()  # unknown event type: ignored


# -- counting --------------------------------------------------------------------------------


def council():
    d = doc(POLNEAR, "council-vote")
    return d, read_parse(d.corenlp_path)


def test_a_statement_matches_when_span_overlaps_content_and_verb_is_in_the_cue():
    d, parse = council()
    ok = said(d.text, "Ana Lopes said the council would vote on Tuesday.")
    s = score_document(d, parse, [ok])
    assert s.judged[0].statement == ok and s.judged[0].source_ok is True
    wrong_verb = said(d.text, "Ana Lopes said the council would vote on Tuesday.", verb="warn")
    assert score_document(d, parse, [wrong_verb]).judged[0].statement is None


def test_a_pronoun_source_is_judged_by_its_chains_proper_name():
    d, parse = council()
    told = said(d.text, 'She told reporters that the budget was "balanced and fair".', verb="tell")
    j = score_document(d, parse, [told]).judged[1]
    assert (j.source_form, j.antecedent, j.source_ok) == ("pronoun", "Ana Lopes", True)
    other = said(d.text, "She told reporters that", verb="told", names=("Ben Okafor",))
    assert score_document(d, parse, [other]).judged[1].source_ok is False


def test_a_pronoun_without_a_parse_is_unresolved_not_wrong():
    d, _ = council()
    told = said(d.text, "She told reporters that", verb="told", names=("Ben Okafor",))
    j = score_document(d, Parse(), [told]).judged[1]
    assert j.statement == told and j.source_ok is None  # lemma "tell" guessed from "told"
    assert summarize([score_document(d, Parse(), [told])])["speaker"]["pronoun"]["unresolved"] == 1


def test_speech_precision_leaves_out_statements_matching_only_cognition_cues():
    d, parse = council()
    believes = said(d.text, "The treasurer believes the plan will pass.", verb="believe")
    spoken = said(d.text, "Ana Lopes said the council would vote on Tuesday.")
    stray = said(d.text, "Ana Lopes said", verb="announce")  # matches no attribution's cue
    o = summarize([score_document(d, parse, [believes, spoken, stray])])
    assert o["all_cues"]["matched"] == 2 and o["all_cues"]["predicted"] == 3
    assert (o["speech"]["matched"], o["speech"]["predicted"]) == (1, 2)
    assert o["speech"]["gold"] == 2 and o["speech"]["recall"] == 0.5
    assert o["recall_by_cue"]["cognition"] == {"gold": 1, "found": 1, "recall": 1.0}


def test_the_statement_holding_the_cue_stands_for_the_attribution():
    d, parse = council()
    wide = said(d.text, "the council would vote on Tuesday.\nShe told")
    with_cue = said(d.text, "Ana Lopes said the council")
    assert score_document(d, parse, [wide, with_cue]).judged[0].statement == with_cue


def test_content_overlap_is_bag_of_words_f1_of_quote_and_span():
    d, parse = council()
    s = said(
        d.text, "Ana Lopes said the council would vote on Tuesday.", quote="the council would vote"
    )
    j = score_document(d, parse, [s]).judged[0]
    assert j.quote_f1 == pytest.approx(2 * 4 / (6 + 4))
    assert j.span_f1 == pytest.approx(2 * 6 / (6 + 9))


def test_a_named_source_without_parse_is_told_by_capitals_and_judged_by_shared_words():
    d = doc(FLAT, "harbour")
    s = said(
        d.text, '"The wall," Port chief Ben Okafor said, "is finished."', names=("Ben Okafor",)
    )
    j = score_document(d, Parse(), [s]).judged[0]
    assert (j.source_form, j.source_ok) == ("named", True)
    according = said(
        d.text, "Work stopped in March, according to the company.", verb="according to"
    )
    j2 = score_document(d, Parse(), [according]).judged[1]
    assert j2.cue_class == "according" and j2.source_form == "descriptive"


def test_the_text_report_lists_missed_speech_attributions():
    from newskg.evaluation.brat_eval import document_report

    d, parse = council()
    score = score_document(d, parse, [])
    report = {
        "measured_at": "now",
        "newskg_version": "0",
        "model": "m",
        "corpus_dir": "c",
        "coreference": 1,
        "failed_documents": {},
        "documents": {d.id: document_report(score)},
        "overall": summarize([score]),
    }
    text = format_brat_report(report)
    assert "speech cues recall               0.000  (0/2)" in text
    assert "council-vote: E2 speech attribution missed: She / 'told'" in text


def test_cli_reports_a_malformed_ann_line_as_one_error_line(tmp_path):
    from click.testing import CliRunner

    from newskg.cli import main

    (tmp_path / "a.txt").write_text("Ana said hi.\n")
    (tmp_path / "a.ann").write_text("T1\tCue 4 8\tsaid\nbogus line\n")
    result = CliRunner().invoke(main, ["eval", "--format", "brat", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.ann'}:2: not a BRAT annotation line" in result.output
    assert "Traceback" not in result.output


@pytest.mark.model
def test_cli_json_report_counts_the_gold_of_the_corpus():
    import json

    from click.testing import CliRunner

    from newskg.cli import main

    result = CliRunner().invoke(main, ["eval", "--format", "brat", str(POLNEAR), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["format"] == "brat" and report["coreference"] == 1
    assert report["overall"]["attributions"] == 3
    assert report["overall"]["speech"]["gold"] == 2
    assert set(report["documents"]) == {"council-vote"}
