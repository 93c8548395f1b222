"""The researcher's pages: entity pages by section (counts, paging, the SPARQL behind each),
document pages with the text marked, search suggestions, the browser view of /sparql, styled
error pages and the network/timeline data."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from urllib.parse import unquote

import pytest
import researcher_seed as seed
from flask.testing import FlaskClient

from graph.store import KnowledgeStore

HTML = {"Accept": "text/html"}


@pytest.fixture
def rich_store() -> KnowledgeStore:
    s = KnowledgeStore()
    seed.load(s)
    return s


@pytest.fixture
def rich(rich_store: KnowledgeStore, make_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_app(store=rich_store).test_client()


def _page(client: FlaskClient, iri: str, query: str = "") -> str:
    r = client.get("/resource/" + iri[len(seed.BASE) :] + query, headers=HTML)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return r.get_data(as_text=True)


def _section(html: str, key: str) -> str:
    found = re.search(rf'<section class="block" id="{key}">(.*?)</section>', html, re.S)
    assert found, f"no section {key}"
    return found.group(1)


def test_actor_page_has_sections_with_counts_by_role(rich: FlaskClient) -> None:
    html = _page(rich, seed.XI)
    assert "<h1>Xi Jinping</h1>" in html
    assert "General Secretary of the CCP" in html
    assert 'href="http://www.wikidata.org/entity/Q15031"' in html
    said = _section(html, "said")
    assert "(1)" in said and seed.XI_SENTENCE in said and seed.TITLE in said
    about = _section(html, "said_about")
    assert "(0)" in about
    summits = _section(html, "summits")
    # kind from the ontology's label, with whom, where and status
    assert "Meeting" in summits and "Donald Trump" in summits and "Geneva" in summits
    assert "held" in summits and "2025-05-12" in summits
    names = _section(html, "names")
    assert "<td>Xi</td>" in names


def test_policies_section_says_which_side_the_actor_was_on(rich: FlaskClient) -> None:
    china = _section(_page(rich, seed.CHINA), "policies")
    assert "Tariff" in china and "targeted" in china and "United States" in china
    usa = _section(_page(rich, seed.USA), "policies")
    assert "took it" in usa and "China" in usa


def test_property_names_are_the_ontology_labels_not_iris(rich: FlaskClient) -> None:
    props = _section(_page(rich, seed.DOC + "/statement/1"), "properties")
    assert "<td>speaker</td>" in props and "<td>about</td>" in props
    assert "<td>derived from</td>" in props  # prov:wasDerivedFrom, a standard term
    assert "https://w3id.org/newskg/ontology#speaker" not in props
    assert ">Donald Trump</a>" in props and ">China</a>" in props  # values by their labels


def test_actor_pages_link_their_raw_triples_instead_of_listing_them(rich: FlaskClient) -> None:
    html = _page(rich, seed.XI)
    assert 'id="properties"' not in html and 'href="?format=turtle"' in html
    r = rich.get("/resource/entity/person/Q15031?format=turtle")
    assert r.status_code == 200 and "Xi Jinping" in r.get_data(as_text=True)


def test_sections_page_through_their_rows(rich_store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=rich_store, page_rows=1).test_client()
    first = _section(_page(client, seed.DOC), "statements")
    assert "Rows 1–1 of 2" in first and 'rel="next"' in first and 'rel="prev"' not in first
    assert seed.TRUMP_SENTENCE[:30] in first and seed.XI_SENTENCE[:30] not in first
    second = _section(_page(client, seed.DOC, "?statements=2"), "statements")
    assert "Rows 2–2 of 2" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert seed.XI_SENTENCE[:30] in second


def test_section_csv_link_downloads_the_sections_rows(rich: FlaskClient) -> None:
    said = _section(_page(rich, seed.TRUMP), "said")
    href = unescape(re.search(r'<a href="([^"]+)">CSV</a>', said).group(1))
    r = rich.get(href)
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert [row["text"] for row in rows] == [seed.TRUMP_SENTENCE]


def test_open_in_editor_link_carries_the_sections_sparql(rich: FlaskClient) -> None:
    said = _section(_page(rich, seed.TRUMP), "said")
    href = unescape(re.search(r'<a href="([^"]+)" class="open-editor"', said).group(1))
    assert href.startswith("/#query=")
    sparql = unquote(href[len("/#query=") :])
    assert f"nkg:speaker <{seed.TRUMP}>" in sparql and sparql.startswith("PREFIX")
    r = rich.get("/sparql", query_string={"query": sparql, "format": "json"})
    assert r.status_code == 200 and seed.TRUMP_SENTENCE in r.get_data(as_text=True)


def test_document_page_shows_title_date_and_marked_text_not_a_local_path(
    rich: FlaskClient,
) -> None:
    html = _page(rich, seed.DOC)
    assert seed.LOCAL_SOURCE not in html
    assert "no source URL recorded" in html and "2025-05-12" in html
    text = re.search(r'<div class="article" id="article-text">(.*?)</div>', html, re.S).group(1)
    statement = re.search(
        r'<mark class="hl hl-statement" id="x-statement-2"[^>]*><a href="([^"]+)">', text
    )
    assert statement and statement.group(1) == "/resource/doc/r1/statement/2"
    assert re.search(r'<mark class="hl hl-summit"[^>]*><a href="/resource/doc/r1/summit/1">', text)
    assert re.search(r'<mark class="hl hl-policy"[^>]*><a href="/resource/doc/r1/policy/1">', text)
    # the actor's mention inside the meeting sentence links to the actor
    assert '<a href="/resource/entity/person/Q15031">Xi Jinping</a>' in text
    assert unescape(re.sub(r"<[^>]+>", "", text)) == seed.TEXT


def test_statement_page_links_to_its_place_in_the_article(rich: FlaskClient) -> None:
    html = _page(rich, seed.DOC + "/statement/2")
    link = re.search(r'<a href="([^"]+)" id="in-article">', html).group(1)
    assert link == "/resource/doc/r1#x-statement-2"
    assert 'id="x-statement-2"' in _page(rich, seed.DOC)
    assert '<blockquote class="evidence">' + seed.XI_SENTENCE in html


def test_summit_page_names_its_kind_and_participants(rich: FlaskClient) -> None:
    html = _page(rich, seed.DOC + "/summit/1")
    assert 'id="main-type">Meeting<' in html
    props = _section(html, "properties")
    assert "<td>participant</td>" in props and ">Donald Trump</a>" in props
    assert "<td>location</td>" in props and ">Geneva</a>" in props


def test_suggestions_rank_labels_that_start_with_the_text_first(rich: FlaskClient) -> None:
    r = rich.get("/suggest?q=tr")
    labels = [m["label"] for m in r.get_json()]
    assert labels[0] == "Donald Trump" or labels == ["Donald Trump"]
    r = rich.get("/suggest?q=in")  # "Xi Jinping" contains it, "China" too
    assert {m["label"] for m in r.get_json()} == {"Xi Jinping", "China"}
    assert r.get_json()[0]["href"].startswith("/resource/")


def test_suggest_with_quotes_and_braces_is_a_plain_search(rich: FlaskClient) -> None:
    r = rich.get("/suggest", query_string={"q": '"} } DROP ALL #'})
    assert r.status_code == 200 and r.get_json() == []


def test_every_page_has_the_search_box_and_the_limits(rich: FlaskClient) -> None:
    for url in ("/", "/?plain=1", "/resource/doc/r1", "/search?q=xi", "/network"):
        html = rich.get(url, headers=HTML).get_data(as_text=True)
        assert 'id="newskg-search"' in html and 'data-suggest="/suggest"' in html, url
        assert "at most 10000 rows" in html and "stops after" in html, url


def test_sparql_link_opened_in_a_browser_is_a_result_page(rich: FlaskClient) -> None:
    query = "SELECT ?l WHERE { ?x a nkg:Person ; rdfs:label ?l } ORDER BY ?l"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    r = rich.get("/sparql", query_string={"query": query}, headers={"Accept": browser})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "<td>Donald Trump</td>" in html and 'id="open-in-editor"' in html
    assert 'id="draw-network"' not in html  # one column: no pairs to draw
    # machine clients are unchanged
    r = rich.get("/sparql", query_string={"query": query}, headers={"Accept": "*/*"})
    assert r.mimetype == "application/sparql-results+json"
    r = rich.get("/sparql", query_string={"query": query, "format": "csv"}, headers=HTML)
    assert r.mimetype == "text/csv"


def test_row_cap_is_said_on_the_result_page(rich_store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=rich_store, max_rows=2).test_client()
    r = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"}, headers=HTML)
    html = r.get_data(as_text=True)
    assert "Truncated:" in html and "cap of 2" in html and "at most 2 rows" in html


def test_syntax_error_page_echoes_the_query_with_the_position_marked(rich: FlaskClient) -> None:
    query = "SELECT * WHERE {\n  ?s ?p }\nLIMIT 1"
    r = rich.get("/sparql", query_string={"query": query}, headers=HTML)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and r.mimetype == "text/html"
    assert "pages.css" in html  # styled like every page
    line, column = map(int, re.search(r"error at (\d+):(\d+)", html).groups())
    expected = query.split("\n")[line - 1][column - 1]  # where the parser says it failed
    marked = re.search(r'<pre class="query">(.*?)</pre>', html, re.S).group(1)
    assert f'<span class="at" id="error-at">{expected}</span>' in marked
    assert unescape(re.sub(r"<[^>]+>", "", marked)) == query
    assert f"line {line}, column {column}" in html


def test_error_page_of_a_posted_query_is_styled_and_marks_the_position(
    rich: FlaskClient,
) -> None:
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    r = rich.post("/sparql", data={"query": "SELEC x y z"}, headers=browser)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "pages.css" in html and 'id="newskg-search"' in html
    assert '<span class="at" id="error-at">' in html and "Open it in the editor" in html


def test_network_json_weights_ties_by_reports(rich: FlaskClient) -> None:
    r = rich.get("/pictures/network.json", query_string={"around": seed.XI})
    data = r.get_json()
    ties = {(e["from"], e["to"], e["kind"]): e["weight"] for e in data["edges"]}
    assert ties == {(seed.XI, seed.TRUMP, "summit"): 1, (seed.XI, seed.TRUMP, "statement"): 1}
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[seed.TRUMP]["href"] == "/resource/entity/person/Q22686"
    assert nodes[seed.XI]["centre"] is True
    assert set(data["queries"]) == {"summit", "statement", "policy"}


def test_timeline_json_dates_statements_and_summits(rich: FlaskClient) -> None:
    data = rich.get("/pictures/timeline.json", query_string={"around": seed.XI}).get_json()
    groups = sorted((i["group"], i["start"]) for i in data["items"])
    assert groups == [("said", "2025-05-12"), ("summit", "2025-05-12")]


def test_pictures_refuse_an_around_that_is_no_iri(rich: FlaskClient) -> None:
    r = rich.get("/pictures/network.json", query_string={"around": "x> } DROP ALL"})
    assert r.status_code == 400


def test_network_page_draws_any_query_of_actor_pairs(rich: FlaskClient) -> None:
    query = "SELECT ?speaker ?topic WHERE { ?s nkg:speaker ?speaker ; nkg:about ?topic }"
    r = rich.get("/network", query_string={"query": query}, headers=HTML)
    html = r.get_data(as_text=True)
    data = re.search(r'id="newskg-network-data">(.*?)</script>', html, re.S).group(1)
    assert seed.TRUMP in data and seed.CHINA in data and "2 ties" in html


def test_result_page_of_pairs_links_their_network(rich: FlaskClient) -> None:
    query = "SELECT ?speaker ?topic WHERE { ?s nkg:speaker ?speaker ; nkg:about ?topic }"
    html = rich.get("/sparql", query_string={"query": query}, headers=HTML).get_data(as_text=True)
    href = unescape(re.search(r'<a href="([^"]+)" id="draw-network">', html).group(1))
    r = rich.get(href, headers=HTML)
    assert r.status_code == 200 and seed.CHINA in r.get_data(as_text=True)


def test_network_page_refuses_rows_without_two_iris(rich: FlaskClient) -> None:
    r = rich.get("/network", query_string={"query": "SELECT ?l { ?x rdfs:label ?l }"}, headers=HTML)
    assert r.status_code == 400 and "two columns of IRIs" in r.get_data(as_text=True)


def test_a_small_row_cap_does_not_cut_a_pages_sections(
    rich_store: KnowledgeStore, make_app
) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=rich_store, max_rows=1).test_client()
    html = _page(client, seed.DOC)
    statements = _section(html, "statements")
    assert "Rows 1–2 of 2" in statements and "Rows 1–4 of 4" in _section(html, "actors")
    # the section's CSV would be cut, and says so
    assert "stop at the server's cap of 1 rows: this section has 2" in statements


def test_page_numbers_that_are_no_page_fall_back_or_stay_bounded(rich: FlaskClient) -> None:
    for query in ("?statements=abc", "?statements=-3", "?statements=" + "9" * 40):
        html = _page(rich, seed.DOC, query)
        assert 'id="statements"' in html, query
