"""Pages for people and crawlers: the query page, resource pages, health, VoID."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from flask import Blueprint, Response, jsonify, render_template, request, url_for
from pyoxigraph import (
    RdfFormat,
    parse,
    serialize,
)

from graph.iris import ONTOLOGY_GRAPH
from ontology.vocab import PREFIXES
from server.errors import BadRequest, NotFound, UriTooLong
from server.negotiation import (
    RDF_MEDIA_TYPES,
    format_values,
    negotiate_rdf,
    rdf_format,
)
from server.page_tools import Cell, local_href, page_job, select, select_rows
from server.resource_view import render_resource
from server.result_page import run_for_page
from server.sparql import rdf_content_type
from server.state import get_state

__all__ = ["Cell", "local_href", "select", "bp"]

bp = Blueprint("pages", __name__)

EXAMPLE_QUERY = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?text WHERE {
  ?s a nkg:Statement ; nkg:speaker ?who ; nkg:about ?topic ; nkg:text ?text .
  ?who rdfs:label ?name . FILTER(CONTAINS(?name, "Xi"))
  ?topic rdfs:label ?t . FILTER(CONTAINS(?t, "Taiwan"))
}"""
"""The README's example: what did Xi say about Taiwan."""

_PREFIXES = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "Xi on Taiwan",
        _PREFIXES
        + """SELECT ?text WHERE {
  ?s a nkg:Statement ; nkg:speaker ?who ; nkg:about ?topic ; nkg:text ?text .
  ?who rdfs:label ?name . FILTER(CONTAINS(?name, "Xi"))
  ?topic rdfs:label ?t . FILTER(CONTAINS(?t, "Taiwan"))
}""",
    ),
    (
        "Statements per speaker",
        _PREFIXES
        + """SELECT ?speaker (COUNT(?s) AS ?statements) WHERE {
  ?s a nkg:Statement ; nkg:speaker/rdfs:label ?speaker .
} GROUP BY ?speaker ORDER BY DESC(?statements)""",
    ),
    (
        "Who said what",
        _PREFIXES
        + """SELECT ?speaker ?verb ?direct ?text WHERE {
  ?s a nkg:Statement ; nkg:speaker/rdfs:label ?speaker ; nkg:text ?text ; nkg:isDirect ?direct .
  OPTIONAL { ?s nkg:reportingVerb ?verb }
} ORDER BY ?speaker""",
    ),
    (
        "One article as Turtle",
        _PREFIXES
        + """# One article's graph (its IRI is the document's).
CONSTRUCT { ?s ?p ?o } WHERE {
  { SELECT ?g WHERE { ?g a nkg:Document } ORDER BY ?g LIMIT 1 }
  GRAPH ?g { ?s ?p ?o }
} LIMIT 200""",
    ),
    (
        "Trump–Xi meetings",
        _PREFIXES
        + """SELECT ?summit ?label WHERE {
  ?summit a nkg:Summit ; rdfs:label ?label ; nkg:participant ?a, ?b .
  ?a rdfs:label "Donald Trump" .
  ?b rdfs:label "Xi Jinping" .
}""",
    ),
    (
        "Soybean policies",
        _PREFIXES
        + """SELECT ?p ?label ?c WHERE {
  ?p a nkg:Policy ; nkg:commodity/rdfs:label ?c .
  OPTIONAL { ?p rdfs:label ?label }
  FILTER(CONTAINS(LCASE(?c), "soybean"))
}""",
    ),
)
"""The query editor's preloaded tabs (name, query): the README's questions and a few more."""

MAX_RESOURCE_PATH = 1024
_IRI_PATH = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


@bp.route("/", methods=["GET"])
def index() -> Response | str:
    """The query editor (YASGUI, with the examples as tabs) and a plain form as fallback.

    With ``?query=`` (what the plain form submits) or ``?plain=1`` the page is the plain,
    script-free form, and with a query it also shows the results as a server-rendered table.
    """
    query = request.args.get("query")
    base = get_state().config.base_iri
    context: dict[str, Any] = {
        "query": query or EXAMPLE_QUERY,
        "ran": query is not None,
        "plain": query is not None or bool(request.args.get("plain")),
        "examples": [{"name": n, "query": q} for n, q in EXAMPLES],
        "base_iri": base,
        "resource_root": url_for("pages.resource", rest="x")[:-1],
        "prefixes": dict(PREFIXES),
        "columns": [],
        "rows": [],
        "boolean": None,
        "graph": None,
        "error": None,
        "truncated": False,
        "elapsed_ms": None,
    }
    status = 200
    if query is not None:
        found, status = run_for_page(query)
        context.update(found)
    html = render_template("index.html", **context)
    return Response(html, status=status, mimetype="text/html")


def _raw_rest(rest: str) -> str:
    """The part of the request path after /resource/, still percent-encoded as sent."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    prefix = request.script_root + "/resource/"
    if raw:
        path = urlsplit(raw).path
        if path.startswith(prefix):
            return path[len(prefix) :]
    return quote(rest, safe="/:@!$&'()*+,;=~-._")


def resource_iri(raw_rest: str, base: str) -> str:
    """The IRI a /resource/ path names, refusing path tricks.

    Raises:
        UriTooLong: the path is longer than :data:`MAX_RESOURCE_PATH`.
        BadRequest: characters not allowed in an IRI path, broken escapes, or empty, ``.``
            or ``..`` segments (also when percent-encoded).

    >>> resource_iri("entity/Q15031", "https://w3id.org/newskg/id/")
    'https://w3id.org/newskg/id/entity/Q15031'
    """
    if len(raw_rest) > MAX_RESOURCE_PATH:
        raise UriTooLong(f"resource paths are at most {MAX_RESOURCE_PATH} characters")
    if not _IRI_PATH.match(raw_rest) or _BAD_ESCAPE.search(raw_rest):
        raise BadRequest("the resource path has characters not allowed in an IRI")
    decoded = unquote(raw_rest)
    if any(ord(c) < 0x20 or c == "\\" for c in decoded):
        raise BadRequest("the resource path has control characters or backslashes")
    if any(seg in ("", ".", "..") for seg in decoded.split("/")):
        raise BadRequest("the resource path has empty, '.' or '..' segments")
    return base + raw_rest


@bp.route("/resource/<path:rest>", methods=["GET"])
def resource(rest: str) -> Response:
    state = get_state()
    iri = resource_iri(_raw_rest(rest), state.config.base_iri)
    node = f"<{iri}>"
    wanted = request.accept_mimetypes.best_match(
        ["text/html", *RDF_MEDIA_TYPES], default="text/html"
    )
    if format_values(request.args):
        wanted = negotiate_rdf(request.accept_mimetypes, format_values(request.args))
    if wanted != "text/html":
        known = select_rows(
            f"SELECT ?x WHERE {{ {{ {node} ?p ?x }} UNION {{ ?x ?p {node} }} }} LIMIT 1"
        )
        if not known:
            raise NotFound(f"nothing is known about <{iri}>")
        return _resource_rdf(iri, wanted)
    response = Response(render_resource(iri), mimetype="text/html")
    response.vary.add("Accept")
    return response


def _resource_rdf(iri: str, media: str) -> Response:
    node = f"<{iri}>"
    answer = get_state().run(
        page_job(
            f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION "
            f"{{ ?s ?q {node} }} }}",
            rdf=media,
        )
    )
    response = Response(answer.chunks(), content_type=rdf_content_type(media))
    response.call_on_close(answer.close)
    response.headers["X-Result-Truncated"] = "true" if answer.outcome.truncated else "false"
    response.vary.add("Accept")
    return response


@bp.route("/healthz", methods=["GET"])
def healthz() -> Response:
    state = get_state()
    pool = state.pool
    return jsonify(
        {
            "status": "ok",
            "store": "memory" if state.store.path is None else "disk",
            "query_workers": len(pool.pids()) if pool is not None else 0,
            "writes": "enabled" if state.config.update_token else "disabled",
            "uptime_s": round(time.time() - state.started, 1),
        }
    )


@bp.route("/.well-known/void", methods=["GET"])
def void() -> Response:
    state = get_state()
    stats = state.store.stats()
    media = negotiate_rdf(request.accept_mimetypes, format_values(request.args))
    base = state.config.base_iri
    root = request.url_root
    ds = f"<{root}.well-known/void#dataset>"
    nkg = PREFIXES["nkg"]
    partitions = [
        ("Document", stats.documents),
        ("Actor", stats.actors),
        ("Statement", stats.statements),
        ("Summit", stats.summits),
        ("Policy", stats.policies),
        ("Topic", stats.topics),
    ]
    parts = " , ".join(f"<{root}.well-known/void#{c}>" for c, _ in partitions)
    modified = dt.datetime.fromtimestamp(state.last_update, dt.UTC).isoformat(timespec="seconds")
    described = "".join(
        f"<{root}.well-known/void#{c}> void:class <{nkg}{c}> ; void:entities {n} .\n"
        for c, n in partitions
    )
    turtle = f"""@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
{ds} a void:Dataset ;
    dcterms:title "newskg: who said and did what in the news" ;
    void:sparqlEndpoint <{root}sparql> ;
    void:uriSpace "{base}" ;
    void:vocabulary <{nkg}> , <{ONTOLOGY_GRAPH}> ;
    void:triples {stats.quads} ;
    void:documents {stats.documents} ;
    dcterms:modified "{modified}"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
    void:classPartition {parts} .
{described}"""
    fmt = rdf_format(media)
    triples = [q.triple for q in parse(turtle.encode("utf-8"), format=RdfFormat.TURTLE)]
    body = serialize(
        triples,
        format=fmt,
        prefixes={"void": "http://rdfs.org/ns/void#", "dcterms": PREFIXES["dcterms"], "nkg": nkg}
        if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML)
        else None,
    )
    response = Response(body or b"", content_type=rdf_content_type(media))
    response.vary.add("Accept")
    return response
