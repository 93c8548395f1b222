"""SPARQL 1.1 Protocol as pure functions: reading a query, an update or a graph body from a
request (content negotiation is :mod:`server.negotiation`).

Nothing here touches Flask's request context or the store, so every rule is testable alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from pyoxigraph import RdfFormat
from werkzeug.datastructures import MultiDict
from werkzeug.http import parse_options_header

from server.errors import BadRequest, MethodNotAllowed, UnsupportedMediaType
from server.negotiation import format_values
from server.sparql_text import tokens

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


@dataclass(frozen=True, slots=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    """Every ``format=``/``output=``/``results=`` value sent (see
    :func:`server.negotiation.format_choice`)."""


@dataclass(frozen=True, slots=True)
class UpdateRequest:
    update: str
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


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


@dataclass(frozen=True, slots=True)
class _Operation:
    """How a query or an update is POSTed: ``name`` is its parameter, ``direct`` the media
    type of a body that is the operation itself, ``what`` its name in messages; ``refused``
    is the other operation's parameter and the message refusing it in a form."""

    name: str
    direct: str
    what: str
    refused: tuple[str, str]


_QUERY = _Operation(
    "query",
    SPARQL_QUERY,
    "a query",
    ("update", "this is the query endpoint; POST updates to /update"),
)
_UPDATE = _Operation(
    "update",
    SPARQL_UPDATE,
    "an update",
    ("query", "this is the update endpoint; send queries to /sparql"),
)


def _read_post(
    args: MultiDict[str, str], content_type: str | None, body: bytes, op: _Operation
) -> tuple[MultiDict[str, str], str]:
    """The parameters and the text of an operation POSTed as a form or alone as the body."""
    name, direct = op.name, op.direct
    mimetype, options = _content_type(content_type)
    if mimetype == FORM:
        _check_charset(options)
        params = MultiDict(list(args.items(multi=True)) + list(_form(body).items(multi=True)))
        if op.refused[0] in params:
            raise BadRequest(op.refused[1])
        text = _one(params, name)
        if text is None:
            raise BadRequest(f"the form has no '{name}' parameter")
        return params, text
    if mimetype == direct:
        _check_charset(options)
        if name in args:
            raise BadRequest(f"a direct POST carries the {name} in the body, not in '{name}='")
        return args, _decode(body)
    if mimetype is None:
        raise UnsupportedMediaType(f"a POST needs a Content-Type: {FORM} or {direct}")
    raise UnsupportedMediaType(f"cannot read {op.what} from {mimetype}; use {FORM} or {direct}")


def parse_query_request(
    method: str, args: MultiDict[str, str], content_type: str | None, body: bytes
) -> QueryRequest | None:
    """Read a SPARQL 1.1 Protocol query request (HEAD reads as GET).

    Returns ``None`` for a GET without a query (the caller serves the service description).

    Raises:
        BadRequest: duplicate or missing ``query``, an update sent to the query operation.
        UnsupportedMediaType: a POST body that is neither a form nor ``application/sparql-query``.
        MethodNotAllowed: any method other than GET, HEAD and POST.

    >>> parse_query_request("GET", MultiDict([("query", "ASK {}")]), None, b"")
    QueryRequest(query='ASK {}', default_graphs=(), named_graphs=(), formats=())
    """
    if method in ("GET", "HEAD"):
        if "update" in args:
            raise BadRequest("updates are not accepted over GET; POST them to /update")
        params = args
        query = _one(params, "query")
        if query is None:
            return None
    elif method == "POST":
        params, query = _read_post(args, content_type, body, _QUERY)
    else:
        raise MethodNotAllowed(
            f"{method} is not a SPARQL query method; use GET or POST",
            ["GET", "HEAD", "POST", "OPTIONS"],
        )
    if not query.strip():
        raise BadRequest("the query is empty")
    return QueryRequest(
        query=query,
        default_graphs=tuple(params.getlist("default-graph-uri")),
        named_graphs=tuple(params.getlist("named-graph-uri")),
        formats=format_values(params),
    )


def parse_update_request(
    method: str, args: MultiDict[str, str], content_type: str | None, body: bytes
) -> UpdateRequest:
    """Read a SPARQL 1.1 Protocol update request (POST only).

    Raises:
        BadRequest: duplicate or missing ``update``.
        UnsupportedMediaType: a body that is neither a form nor ``application/sparql-update``.
        MethodNotAllowed: anything but POST.
    """
    if method != "POST":
        raise MethodNotAllowed("updates are accepted only with POST", ["POST", "OPTIONS"])
    params, update = _read_post(args, content_type, body, _UPDATE)
    if not update.strip():
        raise BadRequest("the update is empty")
    return UpdateRequest(
        update=update,
        using_graphs=tuple(params.getlist("using-graph-uri")),
        using_named_graphs=tuple(params.getlist("using-named-graph-uri")),
    )


_IRI_CHARS = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def _graph_iri(value: str, parameter: str) -> str:
    if not _IRI_CHARS.fullmatch(value) or ":" not in value:
        raise BadRequest(f"{parameter}={value!r} is not an absolute IRI")
    return value


def with_update_dataset(update: str, using: tuple[str, ...], using_named: tuple[str, ...]) -> str:
    """The update with the protocol's ``using-graph-uri``/``using-named-graph-uri`` written
    into it as ``USING``/``USING NAMED`` clauses before each operation's ``WHERE``.

    pyoxigraph's ``Store.update`` takes no dataset, but a ``USING`` clause means the same
    (SPARQL 1.1 Protocol, 2.2.3).

    Raises:
        BadRequest: the update has its own ``USING`` or ``WITH`` (the protocol forbids both at
            once), a ``DELETE WHERE`` (which takes no dataset), or a parameter is no IRI.

    >>> with_update_dataset("INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }", ("http://g",), ())
    'INSERT { ?s a <x:T> } USING <http://g> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    clause = (
        " ".join(
            [f"USING <{_graph_iri(g, 'using-graph-uri')}>" for g in using]
            + [f"USING NAMED <{_graph_iri(g, 'using-named-graph-uri')}>" for g in using_named]
        )
        + " "
    )
    positions: list[int] = []
    toks = tokens(update)
    for i, token in enumerate(toks):
        if token.kind != "word" or token.depth != 0:
            continue
        keyword = token.text.upper()
        if keyword in ("USING", "WITH"):
            raise BadRequest(
                f"the update has its own {keyword} clause; it cannot be combined "
                "with using-graph-uri or using-named-graph-uri"
            )
        if keyword == "WHERE":
            if i and toks[i - 1].kind == "word" and toks[i - 1].text.upper() == "DELETE":
                raise BadRequest(
                    "DELETE WHERE takes no dataset; write DELETE { ... } WHERE "
                    "{ ... } to use using-graph-uri or using-named-graph-uri"
                )
            positions.append(token.start)
    for position in reversed(positions):
        update = update[:position] + clause + update[position:]
    return update


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
