"""Finding a resource by its name: ``/suggest?q=`` (JSON, for the search box on every page)
and ``/search?q=`` (a page of matches). A name matches when it is part of an entity's label
(any case); labels that start with it rank first, shorter ones before longer."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request

from graph.iris import Minter
from ontology.vocab import sparql_prefixes
from server.errors import BadRequest
from server.labels import most_specific, term_label
from server.page_tools import local_href, select_rows, value
from server.state import get_state

bp = Blueprint("search", __name__)

MAX_TEXT = 200
SUGGESTIONS = 10
RESULTS = 50


def sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal (quotes, backslashes and line breaks escaped).

    >>> sparql_string('say "hi"\\\\')
    '"say \\\\"hi\\\\"\\\\\\\\"'
    """
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def search_sparql(text: str, limit: int) -> str:
    entities = Minter(get_state().config.base_iri).entities_graph
    needle = sparql_string(text.lower())
    return (
        sparql_prefixes()
        + f"""SELECT ?x (SAMPLE(?l) AS ?label)
       (GROUP_CONCAT(DISTINCT STR(?k); separator=" ") AS ?kinds)
       (MIN(?rank) AS ?best) (MIN(STRLEN(?l)) AS ?length) WHERE {{
  GRAPH <{entities}> {{ ?x rdfs:label ?l ; a ?k }}
  FILTER(CONTAINS(LCASE(?l), {needle}))
  BIND(IF(STRSTARTS(LCASE(?l), {needle}), 0, 1) AS ?rank)
}} GROUP BY ?x ORDER BY ?best ?length ?x LIMIT {int(limit)}"""
    )


def matches(text: str, limit: int) -> list[dict[str, Any]]:
    text = " ".join(text.split())
    if not text:
        return []
    if len(text) > MAX_TEXT:
        raise BadRequest(f"search for at most {MAX_TEXT} characters")
    found = []
    for r in select_rows(search_sparql(text, limit)):
        kind = most_specific(value(r["kinds"]).split())
        found.append(
            {
                "label": value(r["label"]),
                "iri": value(r["x"]),
                "href": local_href(value(r["x"])),
                "kind": term_label(kind) if kind else "",
            }
        )
    return found


@bp.route("/suggest", methods=["GET"])
def suggest() -> Response:
    return jsonify(matches(request.args.get("q", ""), SUGGESTIONS))


@bp.route("/search", methods=["GET"])
def search() -> Response:
    text = request.args.get("q", "")
    html = render_template("search.html", q=text, results=matches(text, RESULTS), limit=RESULTS)
    return Response(html, mimetype="text/html")
