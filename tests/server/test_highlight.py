"""Marking extractions in an article's text: nesting, overlaps, escaping, anchors."""

from __future__ import annotations

import re
from html import unescape

from server.highlight import Span, highlight
from server.labels import most_specific, term_label

NKG = "https://w3id.org/newskg/ontology#"


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_a_mention_inside_a_sentence_links_to_the_mention() -> None:
    text = "Ana Ruiz said rates would fall. Then she left."
    sentence = Span(0, 31, "/st/1", "a statement", "statement", "x-st-1")
    mention = Span(0, 8, "/ana", "Ana Ruiz", "actor", "m-ana")
    html = str(highlight(text, [sentence, mention]))
    assert _plain(html) == text
    assert '<a href="/ana">Ana Ruiz</a>' in html
    assert '<a href="/st/1"> said rates would fall.</a>' in html
    # both anchors are in the page, once each, where their spans start
    assert html.count('id="x-st-1"') == 1 and html.count('id="m-ana"') == 1
    # the mention's mark names both extractions
    assert 'title="statement: a statement; actor: Ana Ruiz"' in html


def test_overlapping_spans_cut_the_text_without_losing_characters() -> None:
    text = "abcdefghij"
    html = str(
        highlight(
            text,
            [Span(1, 6, "/p", "P", "policy", "p"), Span(4, 9, "/s", "S", "summit", "s")],
        )
    )
    assert _plain(html) == text
    assert '<a href="/p">bcd</a>' in html and '<a href="/s">ghi</a>' in html
    assert re.search(r'<mark class="hl hl-(policy|summit)"[^>]*><a href="/[ps]">ef</a>', html)


def test_text_and_labels_are_escaped_and_bad_spans_dropped() -> None:
    text = "<b>Tom & Jerry</b>"
    html = str(
        highlight(
            text,
            [
                Span(3, 6, "/t?a=1&b=2", 'Tom "the cat"', "actor", "m-t"),
                Span(5, 99, "/x", "past the end", "actor", "m-x"),
                Span(4, 4, "/y", "empty", "actor", "m-y"),
            ],
        )
    )
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; Jerry" in html
    assert 'href="/t?a=1&amp;b=2"' in html and "&quot;the cat&quot;" in html
    assert "/x" not in html and "/y" not in html
    assert _plain(html) == text


def test_terms_are_named_by_the_ontology_else_by_prefixed_name() -> None:
    assert term_label(NKG + "participant") == "participant"
    assert term_label(NKG + "StateVisit") == "State visit"
    assert term_label("http://www.w3.org/2000/01/rdf-schema#comment") == "rdfs:comment"
    assert term_label("http://example.org/p") == "http://example.org/p"


def test_the_most_specific_class_wins() -> None:
    kinds = [NKG + "Summit", NKG + "Visit", NKG + "StateVisit"]
    assert most_specific(kinds) == NKG + "StateVisit"
    assert most_specific([NKG + "Policy", NKG + "Aid", NKG + "MilitaryAid"]) == NKG + "MilitaryAid"
