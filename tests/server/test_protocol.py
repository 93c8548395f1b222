"""The pure protocol functions: request parsing and content negotiation."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MIMEAccept, MultiDict

from server.errors import BadRequest, MethodNotAllowed, NotAcceptable, UnsupportedMediaType
from server.negotiation import negotiate, negotiate_rdf
from server.protocol import parse_query_request, parse_update_request, with_update_dataset
from server.sparql_text import declares_dataset


def accept(*pairs: tuple[str, float]) -> MIMEAccept:
    return MIMEAccept(list(pairs))


def test_get_without_query_means_service_description() -> None:
    assert parse_query_request("GET", MultiDict(), None, b"") is None


def test_get_reads_query_and_dataset_parameters() -> None:
    args = MultiDict(
        [
            ("query", "ASK {}"),
            ("default-graph-uri", "http://a"),
            ("default-graph-uri", "http://b"),
            ("named-graph-uri", "http://c"),
        ]
    )
    req = parse_query_request("GET", args, None, b"")
    assert req is not None
    assert (req.query, req.default_graphs, req.named_graphs) == (
        "ASK {}",
        ("http://a", "http://b"),
        ("http://c",),
    )


def test_form_post_merges_url_and_body_parameters() -> None:
    req = parse_query_request(
        "POST",
        MultiDict([("default-graph-uri", "http://a")]),
        "application/x-www-form-urlencoded",
        b"query=ASK%20%7B%7D",
    )
    assert req is not None and req.query == "ASK {}" and req.default_graphs == ("http://a",)


def test_direct_post_reads_the_body() -> None:
    req = parse_query_request(
        "POST", MultiDict(), "application/sparql-query; charset=utf-8", b"SELECT * {}"
    )
    assert req is not None and req.query == "SELECT * {}"


@pytest.mark.parametrize(
    "args, content_type, body, error",
    [
        (MultiDict([("query", "ASK {}"), ("query", "ASK {}")]), None, b"", BadRequest),
        (MultiDict(), "text/plain", b"ASK {}", UnsupportedMediaType),
        (MultiDict(), None, b"query=ASK", UnsupportedMediaType),
        (MultiDict(), "application/sparql-query; charset=UTF-16", b"ASK {}", UnsupportedMediaType),
        (MultiDict(), "application/sparql-query", b"\xff\xfe", BadRequest),
        (MultiDict(), "application/x-www-form-urlencoded", b"update=CLEAR+ALL", BadRequest),
        (MultiDict(), "application/sparql-query", b"   ", BadRequest),
    ],
)
def test_bad_query_requests_raise_their_4xx(args, content_type, body, error) -> None:  # type: ignore[no-untyped-def]
    method = "GET" if content_type is None and not body else "POST"
    with pytest.raises(error):
        parse_query_request(method, args, content_type, body)


def test_query_with_put_is_method_not_allowed() -> None:
    with pytest.raises(MethodNotAllowed):
        parse_query_request("PUT", MultiDict([("query", "ASK {}")]), None, b"")


def test_update_via_get_is_refused() -> None:
    with pytest.raises(BadRequest):
        parse_query_request("GET", MultiDict([("update", "CLEAR ALL")]), None, b"")
    with pytest.raises(MethodNotAllowed):
        parse_update_request("GET", MultiDict([("update", "CLEAR ALL")]), None, b"")


def test_update_request_reads_form_and_direct_bodies() -> None:
    form = parse_update_request(
        "POST",
        MultiDict(),
        "application/x-www-form-urlencoded",
        b"update=CLEAR+ALL&using-graph-uri=http%3A%2F%2Fg",
    )
    assert form.update == "CLEAR ALL" and form.using_graphs == ("http://g",)
    direct = parse_update_request("POST", MultiDict(), "application/sparql-update", b"CLEAR ALL")
    assert direct.update == "CLEAR ALL"
    with pytest.raises(BadRequest):
        parse_update_request(
            "POST", MultiDict(), "application/x-www-form-urlencoded", b"update=A&update=B"
        )


def test_negotiation_follows_q_values() -> None:
    n = negotiate(
        accept(
            ("application/sparql-results+json", 0.5),
            ("text/csv", 0.9),
            ("application/n-triples", 1),
        )
    )
    assert n.results == "text/csv" and n.rdf == "application/n-triples"


def test_negotiation_defaults_without_accept() -> None:
    n = negotiate(MIMEAccept())
    assert n.results == "application/sparql-results+json" and n.rdf == "text/turtle"


def test_negotiation_understands_aliases_and_wildcards() -> None:
    assert negotiate(accept(("application/json", 1))).results == "application/sparql-results+json"
    assert negotiate(accept(("application/xml", 1))).rdf == "application/rdf+xml"
    assert negotiate(accept(("*/*", 1))).results == "application/sparql-results+json"


def test_format_parameter_wins_over_accept() -> None:
    n = negotiate(accept(("application/sparql-results+json", 1)), "tsv")
    assert n.results == "text/tab-separated-values"
    assert negotiate(MIMEAccept(), "jsonld").rdf == "application/ld+json"


def test_unknown_format_parameter_is_bad_request() -> None:
    with pytest.raises(BadRequest):
        negotiate(MIMEAccept(), "yaml")


@pytest.mark.parametrize(
    ("values", "results", "rdf"),
    [
        (["tsv", "text/tab-separated-values"], "text/tab-separated-values", "text/turtle"),
        (
            ["rdf+xml", "application/rdf+xml"],
            "application/sparql-results+json",
            "application/rdf+xml",
        ),
        (
            ["json-ld", "application/ld+json,application/x-json+ld"],
            "application/sparql-results+json",
            "application/ld+json",
        ),
        (["xml", "xml", "xml"], "application/sparql-results+xml", "application/rdf+xml"),
        (["json", ""], "application/sparql-results+json", "application/ld+json"),
    ],
)
def test_repeated_format_parameters_that_agree_are_accepted(
    values: list[str], results: str, rdf: str
) -> None:
    n = negotiate(MIMEAccept(), values)
    assert (n.results, n.rdf) == (results, rdf)


def test_format_parameters_that_disagree_are_bad_request() -> None:
    with pytest.raises(BadRequest, match="disagree"):
        negotiate(MIMEAccept(), ["csv", "json"])


def test_format_parameter_leaves_the_other_kind_to_accept() -> None:
    n = negotiate(accept(("application/n-triples", 1)), "csv")
    assert (n.results, n.rdf) == ("text/csv", "application/n-triples")


def test_output_and_results_parameters_name_the_format_too() -> None:
    req = parse_query_request(
        "GET",
        MultiDict(
            [("query", "ASK {}"), ("output", "xml"), ("results", "application/sparql-results+xml")]
        ),
        None,
        b"",
    )
    assert req is not None
    assert negotiate(MIMEAccept(), req.formats).results == "application/sparql-results+xml"


def test_unacceptable_accept_is_406_listing_offers() -> None:
    with pytest.raises(NotAcceptable, match="text/turtle"):
        negotiate(accept(("image/png", 1)))
    with pytest.raises(NotAcceptable):
        negotiate_rdf(accept(("application/sparql-results+json", 1)))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("SELECT * FROM <http://g> { ?s ?p ?o }", True),
        ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
        ('SELECT * { ?s ?p "FROM" }', False),
        ("SELECT * { ?s <http://x/FROM> ?o } # FROM <x>", False),
        ("SELECT ?from { ?from ?p ?o }", False),
    ],
)
def test_declares_dataset_ignores_strings_iris_and_comments(query: str, expected: bool) -> None:
    assert declares_dataset(query) is expected


def test_declares_dataset_sees_prefixed_graph_names() -> None:
    assert declares_dataset("PREFIX g: <http://g/> SELECT * FROM g:one { ?s ?p ?o }")


def test_negotiation_ignores_media_type_parameters() -> None:
    assert negotiate_rdf(accept(("text/turtle; charset=utf-8", 1))) == "text/turtle"


def test_most_specific_range_sets_the_quality() -> None:
    n = negotiate(accept(("*/*", 1), ("application/sparql-results+json", 0.1)))
    assert n.results == "application/sparql-results+xml"


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        (
            "INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }",
            "INSERT { ?s a <x:T> } USING <http://g/1> USING NAMED <http://g/2> WHERE { ?s ?p ?o }",
        ),
        (
            "DELETE { ?s ?p ?o } WHERE { { SELECT ?s WHERE { ?s ?p ?o } } } ; "
            "INSERT { ?a ?b 1 } WHERE { ?a ?b 2 }",
            "DELETE { ?s ?p ?o } USING <http://g/1> USING NAMED <http://g/2> WHERE { { SELECT ?s "
            "WHERE { ?s ?p ?o } } } ; INSERT { ?a ?b 1 } USING <http://g/1> "
            "USING NAMED <http://g/2> WHERE { ?a ?b 2 }",
        ),
        (
            'INSERT DATA { <x:a> <x:b> "WHERE" } # WHERE',
            'INSERT DATA { <x:a> <x:b> "WHERE" } # WHERE',
        ),
    ],
)
def test_update_dataset_becomes_using_clauses(update: str, expected: str) -> None:
    assert with_update_dataset(update, ("http://g/1",), ("http://g/2",)) == expected


@pytest.mark.parametrize(
    ("update", "using"),
    [
        ("WITH <http://w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ("http://g",)),
        ("DELETE { ?s ?p ?o } USING <http://u> WHERE { ?s ?p ?o }", ("http://g",)),
        ("DELETE WHERE { ?s ?p ?o }", ("http://g",)),
        ("INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", ("http://g> WHERE {} ; DROP ALL ; #",)),
        ("INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", ("relative",)),
    ],
)
def test_update_dataset_conflicts_and_bad_iris_are_400(update: str, using: tuple[str, ...]) -> None:
    with pytest.raises(BadRequest):
        with_update_dataset(update, using, ())
