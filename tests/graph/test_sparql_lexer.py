"""The SPARQL lexer shared by the store and the server: keywords outside strings, IRIs and
comments, prefixed names told from words, and every input read in one pass (a quadratic scan
would make the large inputs below hang)."""

from __future__ import annotations

import pytest

from graph.sparql import declares_dataset, iri_value, tokens

MB = 1_000_000


@pytest.mark.parametrize(
    "query, expected",
    [
        ("SELECT * FROM <http://g> { ?s ?p ?o }", True),
        ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
        ("PREFIX g: <http://g/> SELECT * FROM g:one { ?s ?p ?o }", True),
        ("SELECT * FROM :one { ?s ?p ?o }", True),
        ("SELECT * FROM g.h:one { ?s ?p ?o }", True),
        ('SELECT * { ?s ?p "FROM <g>" }', False),
        ("SELECT * { ?s ?p '''x\nFROM <g>''' }", False),
        ("SELECT * { ?s <http://x/FROM> ?o } # FROM <x>", False),
        ("SELECT ?from { ?from ?p ?o }", False),
        ("SELECT * { ?s nkg:from ?o }", False),
        ('SELECT * { ?s ?p "never closed FROM <g> }', False),
    ],
)
def test_declares_dataset_ignores_strings_iris_comments_and_names(
    query: str, expected: bool
) -> None:
    assert declares_dataset(query) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "?s a nkg:Actor .",
            [("var", "?s"), ("word", "a"), ("pname", "nkg:Actor"), ("other", ".")],
        ),
        ("g.h:x a.b", [("pname", "g.h:x"), ("word", "a"), ("other", "."), ("word", "b")]),
        ("_:b1 :x", [("word", "_"), ("pname", ":b1"), ("pname", ":x")]),
        ("_a.b:c", [("word", "_a"), ("other", "."), ("pname", "b:c")]),
        ("ex:a\\/b", [("pname", "ex:a\\/b")]),
        ("<a b>", [("other", "<"), ("word", "a"), ("word", "b"), ("other", ">")]),
        ("12", [("other", "1"), ("other", "2")]),
    ],
)
def test_token_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.text) for t in tokens(text)] == expected


def test_braces_set_the_depth_and_strings_hide_them() -> None:
    toks = tokens('ASK { ?s "}" { ?o } }')
    assert [(t.text, t.depth) for t in toks] == [
        ("ASK", 0),
        ("{", 0),
        ("?s", 1),
        ("{", 1),
        ("?o", 2),
        ("}", 1),
        ("}", 0),
    ]


def test_token_offsets_point_into_the_text() -> None:
    text = "SELECT  # c\n ?x"
    assert [(t.text, text[t.start : t.start + len(t.text)]) for t in tokens(text)] == [
        ("SELECT", "SELECT"),
        ("?x", "?x"),
    ]


def test_iri_escapes_are_decoded() -> None:
    assert iri_value("<http://x/\\u0041\\U00000042>") == "http://x/AB"


@pytest.mark.parametrize(
    "name, query, expected",
    [
        # An unclosed long string of escaped quotes: the old single regex rescanned from each quote.
        ("escaped quotes", "SELECT * FROM <g> { ?s ?p '''\n\\" + "'''\n\\" * (MB // 5), True),
        ("double quotes", '"' * MB, False),
        ("closed strings, then FROM", "SELECT * " + "'x' " * (MB // 4) + "FROM <g> {}", True),
        (
            "FROM inside one long string",
            'ASK { ?s ?p """' + "FROM <g> " * (MB // 9) + '""" }',
            False,
        ),
        # Words joined by dots: asking at each word whether the run is a prefixed name rescanned it.
        ("dotted words, then FROM", "SELECT * " + "a." * (MB // 10) + " FROM <g> {}", True),
        ("dotted run ending in a prefix", "SELECT * FROM " + "a." * (MB // 10) + "a:x {}", True),
        ("unclosed IRIs", "SELECT * " + "<a" * (MB // 10) + " FROM <g> {}", True),
    ],
)
def test_large_adversarial_inputs_get_the_right_answer(
    name: str, query: str, expected: bool
) -> None:
    assert declares_dataset(query) is expected


def test_a_long_dotted_run_before_a_colon_is_one_prefixed_name() -> None:
    run = "a." * 100_000 + "a"
    assert [(t.kind, t.text) for t in tokens(run + ":x")] == [("pname", run + ":x")]
