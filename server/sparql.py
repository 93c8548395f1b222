"""The SPARQL 1.1 Protocol endpoints: ``/sparql`` (query) and ``/update``.

Routing table (path, method, body) -> handler:

=================  =======  ===========================================  ======================
path               method   body / parameters                            answer
=================  =======  ===========================================  ======================
/sparql, /sparql/  GET      ``query=`` (+ dataset, ``format=``)          results, 400, 406, 503
/sparql, /sparql/  GET      ``query=``, Accept: text/html (a browser)    HTML result page
/sparql, /sparql/  GET      no ``query``                                 service description
/sparql, /sparql/  HEAD     as GET                                       GET's headers, no body
/sparql, /sparql/  POST     form ``query=`` or application/sparql-query  results; 415 otherwise
/sparql, /sparql/  OPTIONS  CORS preflight                               204
/update            POST     form ``update=`` or sparql-update body       204; 401/403 no token
anything else                                                            405
=================  =======  ===========================================  ======================
"""

from __future__ import annotations

import time

from flask import Blueprint, Response, request
from pyoxigraph import QueryResultsFormat, RdfFormat, Store, parse, serialize

from ontology.vocab import PREFIXES
from server.errors import (
    PayloadTooLarge,
    QuerySyntaxError,
    ServerError,
)
from server.executor import QueryJob
from server.methods import allow_header
from server.negotiation import (
    RDF_MEDIA_TYPES,
    RESULTS_MEDIA_TYPES,
    format_values,
    negotiate,
    negotiate_rdf,
    rdf_format,
)
from server.protocol import parse_query_request, parse_update_request, with_update_dataset
from server.result_page import result_page, wants_html
from server.sparql_text import declares_dataset
from server.state import get_state, require_update_token

bp = Blueprint("sparql", __name__)

TEXT_RDF = {"text/turtle", "application/n-triples"}


def _body() -> bytes:
    if request.method != "POST":
        return b""
    limit = get_state().config.max_request_bytes
    if request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge(f"the request body is larger than {limit} bytes")
    return request.get_data(cache=True)


def _check_query_string() -> None:
    limit = get_state().config.max_request_bytes
    if len(request.query_string) > limit:
        raise PayloadTooLarge(f"the query string is longer than {limit} bytes; POST the query")


def rdf_content_type(media: str) -> str:
    """The Content-Type header for an RDF media type (text formats say UTF-8)."""
    return f"{media}; charset=utf-8" if media in TEXT_RDF else media


@bp.route("/sparql/", methods=["GET", "POST", "OPTIONS"], endpoint="query", strict_slashes=False)
@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], endpoint="query", strict_slashes=False)
def query() -> Response:
    if request.method == "OPTIONS":
        return Response(status=204, headers={"Allow": allow_header()})
    _check_query_string()
    state = get_state()
    req = parse_query_request(
        request.method, request.args, request.headers.get("Content-Type"), _body()
    )
    if req is None:
        return service_description()
    if wants_html(request) and not (req.default_graphs or req.named_graphs):
        return result_page(req.query)  # a link opened in a browser: a page, not a download
    negotiated = negotiate(request.accept_mimetypes, req.formats)
    job = QueryJob(
        query=req.query,
        default_graphs=req.default_graphs,
        named_graphs=req.named_graphs,
        use_union=not declares_dataset(req.query),
        results_media=negotiated.results,
        rdf_media=negotiated.rdf,
        max_rows=state.config.max_rows,
        base_iri=request.base_url,
    )
    started = time.perf_counter()
    try:  # HEAD waits for the whole answer, so that its headers have the exact counts
        answer = state.start(job, whole=request.method == "HEAD")
    except ServerError as exc:  # a 400 or 503 says how long it took too
        exc.headers["X-Query-Time-Ms"] = f"{(time.perf_counter() - started) * 1000:.1f}"
        raise
    elapsed_ms = (time.perf_counter() - started) * 1000
    media = rdf_content_type(answer.media) if answer.kind == "graph" else answer.media
    response = Response(answer.chunks(), status=200, content_type=media)
    response.call_on_close(answer.close)
    if not answer.streamed:
        outcome = answer.outcome
        response.headers["Content-Length"] = str(answer.size)
        response.headers["X-Result-Rows"] = str(outcome.rows)
        response.headers["X-Result-Truncated"] = "true" if outcome.truncated else "false"
    else:  # counts come at the end of the body; X-Query-Time-Ms is the time to the first piece
        response.headers["X-Result-Streamed"] = "true"
    response.headers["X-Query-Time-Ms"] = f"{elapsed_ms:.1f}"
    response.headers["X-Result-Max-Rows"] = str(state.config.max_rows)
    response.headers["Server-Timing"] = f"query;dur={elapsed_ms:.1f}"
    response.headers["Cache-Control"] = "no-cache"
    response.vary.add("Accept")
    return response


_SD = "http://www.w3.org/ns/sparql-service-description#"
_SD_COMMENT = (
    "The default graph is the union of all graphs (one graph per news document, the shared "
    "entity descriptions and the ontology); default-graph-uri and named-graph-uri narrow it. "
    "Results are capped at {max_rows} rows (see X-Result-Truncated, or the end of a streamed "
    "result)."
)


def service_description() -> Response:
    """The SPARQL 1.1 Service Description of this endpoint (Turtle unless asked otherwise)."""
    media = negotiate_rdf(request.accept_mimetypes, format_values(request.args))
    endpoint = request.base_url
    formats = [QueryResultsFormat.from_media_type(m) for m in RESULTS_MEDIA_TYPES]
    formats_rdf = [RdfFormat.from_media_type(m) for m in RDF_MEDIA_TYPES]
    result_formats = ", ".join(f"<{f.iri}>" for f in formats + formats_rdf if f is not None)
    turtle = f"""
@prefix sd: <{_SD}> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{endpoint}#service> a sd:Service ;
    rdfs:label "newskg SPARQL endpoint" ;
    rdfs:comment "{_SD_COMMENT.format(max_rows=get_state().config.max_rows)}" ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {result_formats} ;
    sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:defaultDataset <{endpoint}#dataset> .
<{endpoint}#dataset> a sd:Dataset ; sd:defaultGraph <{endpoint}#default-graph> .
<{endpoint}#default-graph> a sd:Graph .
"""
    fmt = rdf_format(media)
    triples = [q.triple for q in parse(turtle.encode("utf-8"), format=RdfFormat.TURTLE)]
    prefixes = {"sd": _SD, "void": "http://rdfs.org/ns/void#", "rdfs": PREFIXES["rdfs"]}
    body = serialize(
        triples,
        format=fmt,
        prefixes=prefixes if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None,
    )
    response = Response(body, content_type=rdf_content_type(media))
    response.vary.add("Accept")
    return response


@bp.route("/update", methods=["POST", "OPTIONS"])
def update() -> Response:
    if request.method == "OPTIONS":  # no CORS headers: browsers may not write cross-origin
        return Response(status=204, headers={"Allow": allow_header()})
    require_update_token()
    state = get_state()
    req = parse_update_request(
        request.method, request.args, request.headers.get("Content-Type"), _body()
    )
    text = with_update_dataset(req.update, req.using_graphs, req.using_named_graphs)
    state.vet(text, request.base_url)
    store: Store = state.store.oxigraph
    with state.write_lock:
        try:
            store.update(text, base_iri=request.base_url, prefixes=dict(PREFIXES))
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None
        except OSError as exc:
            raise ServerError(f"the store failed while updating: {exc}") from None
        finally:
            state.after_write()
    return Response(status=204)


__all__ = ["bp", "rdf_content_type"]
