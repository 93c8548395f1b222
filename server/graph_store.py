"""SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graphs`` (indirect graph identification).

``?graph=<IRI>`` names a graph, ``?default`` the store's real default graph (not the union
that ``/sparql`` queries see: what is PUT there must come back from GET). Reads are open; PUT,
POST and DELETE need the update token. POST without a graph creates a new graph
``<server>/rdf-graphs/<id>`` and answers 201 with that IRI in ``Location``; graphs under
``/rdf-graphs/`` are also identified directly (graph IRI = request URL), so the ``Location``
dereferences. newskg's own graph IRIs live under the w3id.org base and need ``?graph=``.
"""

from __future__ import annotations

import uuid

from flask import Blueprint, Response, request, url_for
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse

from server.errors import BadRequest, NotFound
from server.negotiation import format_values, negotiate_rdf, rdf_format
from server.protocol import rdf_format_of_body
from server.sparql import rdf_content_type
from server.state import get_state, require_update_token

bp = Blueprint("graph_store", __name__)

Target = NamedNode | DefaultGraph


def _target(*, required: bool = True) -> Target | None:
    if request.endpoint == "graph_store.graph":  # direct identification: the URL is the IRI
        if "default" in request.args or "graph" in request.args:
            raise BadRequest("this URL names its graph itself; drop ?graph= and ?default")
        return NamedNode(request.base_url)
    has_default = "default" in request.args
    graphs = request.args.getlist("graph")
    if has_default and graphs:
        raise BadRequest("give either ?graph=<IRI> or ?default, not both")
    if len(graphs) > 1:
        raise BadRequest("give one ?graph= parameter")
    if has_default:
        return DefaultGraph()
    if graphs:
        try:
            node = NamedNode(graphs[0])
        except ValueError as exc:
            raise BadRequest(f"?graph= is not a valid IRI: {exc}") from None
        if ":" not in graphs[0]:
            raise BadRequest("?graph= must be an absolute IRI")
        return node
    if required:
        raise BadRequest("name the graph with ?graph=<IRI> or ?default")
    return None


def _exists(target: Target) -> bool:
    if isinstance(target, DefaultGraph):
        return True
    return bool(get_state().store.oxigraph.contains_named_graph(target))


def _read_body(target_iri: str | None) -> list[Quad]:
    """Parse the request body (or each part of a multipart/form-data body) into triples."""
    state = get_state()
    limit = state.config.max_request_bytes
    if request.content_length is not None and request.content_length > limit:
        from server.errors import PayloadTooLarge

        raise PayloadTooLarge(f"the request body is larger than {limit} bytes")
    parts: list[tuple[bytes, RdfFormat]] = []
    if (request.mimetype or "") == "multipart/form-data":
        for storage in request.files.values():
            parts.append((storage.read(), rdf_format_of_body(storage.content_type)))
        if not parts:
            raise BadRequest("the multipart body has no RDF parts")
    else:
        parts.append((request.get_data(), rdf_format_of_body(request.headers.get("Content-Type"))))
    quads: list[Quad] = []
    for data, fmt in parts:
        try:
            quads.extend(parse(data, format=fmt, base_iri=target_iri or request.base_url))
        except SyntaxError as exc:
            raise BadRequest(f"the RDF body does not parse: {exc}") from None
    return quads


def _into(quads: list[Quad], target: Target) -> list[Quad]:
    if any(not isinstance(q.graph_name, DefaultGraph) for q in quads):
        raise BadRequest("send triples (a graph), not quads, to the graph store")
    return [Quad(q.subject, q.predicate, q.object, target) for q in quads]


@bp.route("/rdf-graphs", methods=["GET", "HEAD", "PUT", "POST", "DELETE"], endpoint="graph_store")
@bp.route(
    "/rdf-graphs/<path:name>", methods=["GET", "HEAD", "PUT", "POST", "DELETE"], endpoint="graph"
)
def graph_store(name: str | None = None) -> Response:
    if request.method in ("GET", "HEAD"):
        return _get()
    require_update_token()
    if request.method == "PUT":
        return _put()
    if request.method == "POST":
        return _post()
    return _delete()


def _get() -> Response:
    target = _target()
    assert target is not None
    if not _exists(target):
        raise NotFound(f"there is no graph <{target.value}>")  # type: ignore[union-attr]
    media = negotiate_rdf(request.accept_mimetypes, format_values(request.args))
    store = get_state().store.oxigraph
    body = store.dump(format=rdf_format(media), from_graph=target)
    response = Response(body or b"", content_type=rdf_content_type(media))
    response.vary.add("Accept")
    return response


def _put() -> Response:
    target = _target()
    assert target is not None
    existed = _write_body(target, replace=True)
    return Response(status=204 if existed else 201)


def _post() -> Response:
    target = _target(required=False)
    created_location = None
    if target is None:
        iri = url_for("graph_store.graph", name=uuid.uuid4().hex, _external=True)
        target = NamedNode(iri)
        created_location = iri
    existed = _write_body(target, replace=False)
    if created_location is not None:
        return Response(status=201, headers={"Location": created_location})
    return Response(status=204 if existed else 201)


def _write_body(target: Target, *, replace: bool) -> bool:
    """Add the request body's triples to ``target`` (after emptying it, with ``replace``),
    under the write lock; returns whether the graph existed before."""
    iri = None if isinstance(target, DefaultGraph) else target.value
    quads = _into(_read_body(iri), target)
    state = get_state()
    store = state.store.oxigraph
    with state.write_lock:
        existed = _exists(target)
        try:
            if replace and (existed or isinstance(target, DefaultGraph)):
                store.clear_graph(target)
            elif not existed:
                store.add_graph(target)
            store.extend(quads)
        finally:
            state.after_write()
    return existed


def _delete() -> Response:
    target = _target()
    assert target is not None
    state = get_state()
    store = state.store.oxigraph
    with state.write_lock:
        if not _exists(target):
            raise NotFound(f"there is no graph <{target.value}>")  # type: ignore[union-attr]
        try:
            if isinstance(target, DefaultGraph):
                store.clear_graph(target)
            else:
                store.remove_graph(target)
        finally:
            state.after_write()
    return Response(status=204)
