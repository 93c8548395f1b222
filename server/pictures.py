"""The pictures: an actor's network (who met whom, who spoke about whom, who took a policy
against whom) and timeline as JSON for the page's scripts, and ``/network?query=`` drawing any
query's (actor, actor) rows.

The data comes from the queries of :mod:`graph.network`, run like every page's queries; each
answer names its SPARQL so that the picture can be checked in the editor. Drawing is
``static/newskg/pictures.js`` with the vendored vis-network and vis-timeline.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request

from graph.network import DIRECTED, KINDS, Edge, NetworkError, edges_from_rows, network_sparql
from ontology.vocab import sparql_prefixes
from server.errors import BadRequest
from server.page_tools import editor_href, is_iri, local_href, select, select_rows, value
from server.state import get_state

bp = Blueprint("pictures", __name__)

MAX_EDGES = 300
"""Most ties /network draws."""
MAX_TIES_AROUND = 40
"""Most ties of each kind an actor's network draws (the heaviest): more is a hairball."""
MAX_ITEMS = 300


def _around() -> str:
    around = request.args.get("around", "").strip()
    if not around.startswith(("http://", "https://")) or any(c in around for c in '<>"{} '):
        raise BadRequest("around= must be the IRI of a resource")
    return around


def graph_json(edges: list[Edge], centre: str | None = None) -> dict[str, Any]:
    """vis-network's ``{nodes, edges}``: one node per actor (its page as ``href``), one edge per
    tie with its weight (the number of reports) as width and title."""
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for iri, label in ((e.source, e.source_label), (e.target, e.target_label)):
            nodes.setdefault(
                iri, {"id": iri, "label": label, "href": local_href(iri), "centre": iri == centre}
            )
    return {
        "nodes": list(nodes.values()),
        "edges": [
            {
                "from": e.source,
                "to": e.target,
                "kind": e.kind,
                "weight": e.weight,
                "arrows": "to" if DIRECTED.get(e.kind, False) else "",
                "title": f"{e.source_label} {KINDS.get(e.kind, e.kind)} {e.target_label}: "
                f"{e.weight} report(s)",
            }
            for e in edges
        ],
    }


@bp.route("/pictures/network.json", methods=["GET"])
def network_json() -> Response:
    around = _around()
    edges: list[Edge] = []
    queries = {}
    for kind in KINDS:
        sparql = network_sparql(kind, around=around, limit=MAX_TIES_AROUND)
        queries[kind] = {"sparql": sparql, "editor": editor_href(sparql)}
        edges += edges_from_rows(select_rows(sparql), kind)
    return jsonify({**graph_json(edges, centre=around), "queries": queries})


def timeline_sparql(around: str) -> str:
    node = f"<{around}>"
    return (
        sparql_prefixes()
        + f"""SELECT ?x ?label ?group ?day ?published WHERE {{
  {{ ?x a nkg:Statement ; nkg:speaker {node} BIND("said" AS ?group) }}
  UNION {{ ?x a nkg:Summit ; nkg:participant {node} BIND("summit" AS ?group) }}
  UNION {{ ?x a nkg:Policy ; nkg:actor|nkg:target {node} BIND("policy" AS ?group) }}
  ?x prov:wasDerivedFrom ?document .
  OPTIONAL {{ ?document dcterms:date ?published }}
  OPTIONAL {{ ?x nkg:date ?day }}
  OPTIONAL {{ ?x rdfs:label ?label }}
  FILTER(BOUND(?day) || BOUND(?published))
}} ORDER BY DESC(COALESCE(?day, ?published)) ?x LIMIT {MAX_ITEMS}"""
    )


@bp.route("/pictures/timeline.json", methods=["GET"])
def timeline_json() -> Response:
    sparql = timeline_sparql(_around())
    items = []
    for r in select_rows(sparql):
        day = r["day"] if r["day"] is not None else r["published"]
        items.append(
            {
                "id": value(r["x"]),
                "content": value(r["label"]) if r["label"] is not None else value(r["group"]),
                "start": value(day),
                "group": value(r["group"]),
                "href": local_href(value(r["x"])),
                "dated": "event" if r["day"] is not None else "publication",
            }
        )
    groups = [{"id": g, "content": g} for g in ("said", "summit", "policy")]
    return jsonify(
        {"items": items, "groups": groups, "sparql": sparql, "editor": editor_href(sparql)}
    )


def _pair_rows(sparql: str) -> tuple[list[dict[str, Any]], bool]:
    """A query's rows as (a, b, weight) for :func:`edges_from_rows`: its first two columns
    holding IRIs are the ends, a numeric ``?weight`` (or ``?count``) column the weight."""
    results, truncated = select(sparql)
    names = [v.value for v in results.variables]
    solutions = [{n: s[n] for n in names} for s in results]
    ends = [n for n in names if any(is_iri(row[n]) for row in solutions)][:2]
    if solutions and len(ends) < 2:
        raise BadRequest("draw a network from a SELECT with two columns of IRIs (actor pairs)")
    weight = next((n for n in names if n in ("weight", "count", "reports")), None)
    if not solutions:
        return [], truncated
    rows = [
        {
            "a": row[ends[0]],
            "b": row[ends[1]],
            "aLabel": row.get(ends[0] + "Label"),
            "bLabel": row.get(ends[1] + "Label"),
            "weight": row[weight] if weight else None,
        }
        for row in solutions
        if is_iri(row[ends[0]]) and is_iri(row[ends[1]])
    ]
    return rows, truncated


@bp.route("/network", methods=["GET"])
def network_page() -> Response:
    """Any query's actor pairs as a network; without ``query=`` the whole summit network."""
    sparql = request.args.get("query") or network_sparql(
        request.args.get("kind", "summit") if request.args.get("kind") in KINDS else "summit",
        limit=MAX_EDGES,
    )
    try:
        rows, truncated = _pair_rows(sparql)
        edges = edges_from_rows(rows, "query")
    except NetworkError as exc:
        raise BadRequest(str(exc)) from None
    html = render_template(
        "network.html",
        sparql=sparql,
        editor=editor_href(sparql),
        data=graph_json(edges),
        truncated=truncated,
        max_rows=get_state().config.max_rows,
        kinds=KINDS,
    )
    return Response(html, mimetype="text/html")
