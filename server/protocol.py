"""SPARQL 1.1 Protocol as pure functions: reading a request, and content negotiation.

Nothing here touches Flask's request context or the store, so every rule is testable alone.
Formats travel as media-type strings (picklable) and become pyoxigraph formats where used.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from pyoxigraph import QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_options_header

from graph.sparql import declares_dataset
from server.errors import BadRequest, MethodNotAllowed, NotAcceptable, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

RESULTS_MEDIA_TYPES: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
"""SELECT/ASK formats in order of preference (the first is the default)."""

RDF_MEDIA_TYPES: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
)
"""CONSTRUCT/DESCRIBE (and GSP, resource) formats in order of preference."""

FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
"""Values of the ``format=`` parameter and the media type each selects."""

_ALIASES: tuple[tuple[str, str], ...] = (  # media types clients send that mean one of ours
    ("application/json", "application/sparql-results+json"),
    ("application/xml", "application/sparql-results+xml"),
    ("text/xml", "application/sparql-results+xml"),
    ("application/xml", "application/rdf+xml"),
    ("text/xml", "application/rdf+xml"),
    ("text/plain", "application/n-triples"),
    ("application/x-turtle", "text/turtle"),
)


@dataclass(frozen=True, slots=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None


@dataclass(frozen=True, slots=True)
class UpdateRequest:
    update: str
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Negotiated:
    """The media type to use for each kind of result; ``None``: the client accepts none."""

    results: str | None
    rdf: str | None


def _content_type(raw: str | None) -> tuple[str | None, dict[str, str]]:
    if not raw:
        return None, {}
    mimetype, options = parse_options_header(raw)
    return mimetype.lower(), {k.lower(): v for k, v in options.items()}


def _check_charset(options: dict[str, str]) -> None:
    charset = options.get("charset")
    if charset is not None and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"only UTF-8 is accepted, not charset={charset}")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the request body is not UTF-8: {exc}") from exc


def _form(body: bytes) -> MultiDict[str, str]:
    try:
        pairs = parse_qsl(_decode(body), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest(f"the form body is not valid: {exc}") from exc
    return MultiDict(pairs)


def _one(params: MultiDict[str, str], name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise BadRequest(f"the request has {len(values)} '{name}' parameters; send exactly one")
    return values[0] if values else None


def parse_query_request(method: str, args: MultiDict[str, str], content_type: str | None,
                        body: bytes) -> QueryRequest | None:
    """Read a SPARQL 1.1 Protocol query request.

    Returns ``None`` for a GET without a query (the caller serves the service description).

    Raises:
        BadRequest: duplicate or missing ``query``, an update sent to the query operation.
        UnsupportedMediaType: a POST body that is neither a form nor ``application/sparql-query``.
        MethodNotAllowed: any method other than GET and POST.

    >>> parse_query_request("GET", MultiDict([("query", "ASK {}")]), None, b"")
    QueryRequest(query='ASK {}', default_graphs=(), named_graphs=(), format=None)
    """
    if method == "GET":
        if "update" in args:
            raise BadRequest("updates are not accepted over GET; POST them to /update")
        params = args
        query = _one(params, "query")
        if query is None:
            return None
    elif method == "POST":
        mimetype, options = _content_type(content_type)
        if mimetype == FORM:
            _check_charset(options)
            params = MultiDict(list(args.items(multi=True)) + list(_form(body).items(multi=True)))
            if "update" in params:
                raise BadRequest("this is the query endpoint; POST updates to /update")
            query = _one(params, "query")
            if query is None:
                raise BadRequest("the form has no 'query' parameter")
        elif mimetype == SPARQL_QUERY:
            _check_charset(options)
            params = args
            if "query" in params:
                raise BadRequest("a direct POST carries the query in the body, not in 'query='")
            query = _decode(body)
        elif mimetype is None:
            raise UnsupportedMediaType(
                f"a POST needs a Content-Type: {FORM} or {SPARQL_QUERY}")
        else:
            raise UnsupportedMediaType(
                f"cannot read a query from {mimetype}; use {FORM} or {SPARQL_QUERY}")
    else:
        raise MethodNotAllowed(f"{method} is not a SPARQL query method; use GET or POST",
                               ["GET", "POST", "OPTIONS"])
    if not query.strip():
        raise BadRequest("the query is empty")
    return QueryRequest(
        query=query,
        default_graphs=tuple(params.getlist("default-graph-uri")),
        named_graphs=tuple(params.getlist("named-graph-uri")),
        format=_one(params, "format"),
    )


def parse_update_request(method: str, args: MultiDict[str, str], content_type: str | None,
                         body: bytes) -> UpdateRequest:
    """Read a SPARQL 1.1 Protocol update request (POST only).

    Raises:
        BadRequest: duplicate or missing ``update``.
        UnsupportedMediaType: a body that is neither a form nor ``application/sparql-update``.
        MethodNotAllowed: anything but POST.
    """
    if method != "POST":
        raise MethodNotAllowed("updates are accepted only with POST", ["POST", "OPTIONS"])
    mimetype, options = _content_type(content_type)
    if mimetype == FORM:
        _check_charset(options)
        params = MultiDict(list(args.items(multi=True)) + list(_form(body).items(multi=True)))
        if "query" in params:
            raise BadRequest("this is the update endpoint; send queries to /sparql")
        update = _one(params, "update")
        if update is None:
            raise BadRequest("the form has no 'update' parameter")
    elif mimetype == SPARQL_UPDATE:
        _check_charset(options)
        params = args
        if "update" in params:
            raise BadRequest("a direct POST carries the update in the body, not in 'update='")
        update = _decode(body)
    elif mimetype is None:
        raise UnsupportedMediaType(f"a POST needs a Content-Type: {FORM} or {SPARQL_UPDATE}")
    else:
        raise UnsupportedMediaType(
            f"cannot read an update from {mimetype}; use {FORM} or {SPARQL_UPDATE}")
    if not update.strip():
        raise BadRequest("the update is empty")
    return UpdateRequest(
        update=update,
        using_graphs=tuple(params.getlist("using-graph-uri")),
        using_named_graphs=tuple(params.getlist("using-named-graph-uri")),
    )


def _quality(accept: MIMEAccept, offer: str) -> float:
    """``offer``'s quality under ``accept``: the most specific matching range wins and media
    type parameters (``;charset=utf-8``) are ignored."""
    best_specificity, quality = -1, 0.0
    main, _, sub = offer.partition("/")
    for value, q in accept:
        mime = value.split(";", 1)[0].strip().lower()
        a_main, _, a_sub = mime.partition("/")
        if mime == offer:
            specificity = 2
        elif a_main == main and a_sub == "*":
            specificity = 1
        elif mime in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, float(q)
    return quality


def _best(accept: MIMEAccept, offers: tuple[str, ...]) -> str | None:
    """The offer with the highest q-value (ties: our order); aliases count as their target."""
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(accept, offer)
        for alias, target in _ALIASES:
            if target == offer:
                q = max(q, _exact_quality(accept, alias))
        if q > best_q:
            best, best_q = offer, q
    return best


def _exact_quality(accept: MIMEAccept, mimetype: str) -> float:
    for value, q in accept:
        if value.split(";", 1)[0].strip().lower() == mimetype:
            return float(q)
    return 0.0


def negotiate(accept: MIMEAccept, format_param: str | None = None) -> Negotiated:
    """Pick the result media types for this request; ``format=`` wins over ``Accept``.

    Without an ``Accept`` header the defaults are SPARQL JSON and Turtle.

    Raises:
        BadRequest: an unknown ``format=`` value.
        NotAcceptable: ``Accept`` allows none of our formats (the message lists them).

    >>> negotiate(MIMEAccept([("text/csv", 1), ("application/sparql-results+json", 0.5)]))
    Negotiated(results='text/csv', rdf=None)
    """
    if format_param:
        name = format_param.strip().lower()
        media = FORMAT_NAMES.get(name) or (name if name in RESULTS_MEDIA_TYPES + RDF_MEDIA_TYPES
                                           else None)
        if media is None:
            raise BadRequest(
                f"unknown format={format_param!r}; choose one of {', '.join(FORMAT_NAMES)}")
        if media in RESULTS_MEDIA_TYPES:
            # SELECT/ASK in the named format; a graph result falls back to Turtle.
            return Negotiated(results=media, rdf=RDF_MEDIA_TYPES[0])
        return Negotiated(results=RESULTS_MEDIA_TYPES[0], rdf=media)
    if not accept:
        return Negotiated(results=RESULTS_MEDIA_TYPES[0], rdf=RDF_MEDIA_TYPES[0])
    negotiated = Negotiated(results=_best(accept, RESULTS_MEDIA_TYPES),
                            rdf=_best(accept, RDF_MEDIA_TYPES))
    if negotiated.results is None and negotiated.rdf is None:
        raise NotAcceptable(
            "none of the accepted media types can be produced; offered: "
            + ", ".join(RESULTS_MEDIA_TYPES + RDF_MEDIA_TYPES))
    return negotiated


def negotiate_rdf(accept: MIMEAccept, format_param: str | None = None) -> str:
    """The RDF media type for a graph response (GSP, resources, service description).

    Raises:
        BadRequest: an unknown or non-RDF ``format=`` value.
        NotAcceptable: ``Accept`` allows no RDF format.
    """
    if format_param:
        media = FORMAT_NAMES.get(format_param.strip().lower())
        if media not in RDF_MEDIA_TYPES:
            raise BadRequest(f"format={format_param!r} is not an RDF format; choose one of "
                             "turtle, ntriples, jsonld, rdfxml")
        return media
    if not accept:
        return RDF_MEDIA_TYPES[0]
    media = _best(accept, RDF_MEDIA_TYPES)
    if media is None:
        raise NotAcceptable("offered: " + ", ".join(RDF_MEDIA_TYPES))
    return media


def results_format(media_type: str) -> QueryResultsFormat:
    fmt = QueryResultsFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover - our constants are all known to pyoxigraph
        raise ValueError(media_type)
    return fmt


def rdf_format(media_type: str) -> RdfFormat:
    fmt = RdfFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover
        raise ValueError(media_type)
    return fmt


def rdf_format_of_body(content_type: str | None) -> RdfFormat:
    """The RDF format of a request body (GSP PUT/POST).

    Raises:
        UnsupportedMediaType: missing or unknown Content-Type.
    """
    mimetype, options = _content_type(content_type)
    if mimetype is None:
        raise UnsupportedMediaType("send the graph with a Content-Type such as text/turtle")
    _check_charset(options)
    fmt = RdfFormat.from_media_type(mimetype)
    if fmt is None:
        raise UnsupportedMediaType(f"cannot read RDF from {mimetype}")
    return fmt


