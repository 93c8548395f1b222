"""newskg's HTTP server: SPARQL 1.1 Protocol, Graph Store Protocol, linked-data pages.

Use :func:`create_app` to build the Flask app and :func:`server.wsgi.serve` to run it.
"""

from __future__ import annotations

import atexit
import gzip
import zlib
from collections.abc import Iterable, Iterator

from flask import Flask, Response, request

from graph.store import KnowledgeStore
from server.config import ServerConfig
from server.errors import MAX_HEADER_BYTES, RequestHeaderFieldsTooLarge, register_error_handlers
from server.methods import normalise
from server.state import EXTENSION, AppState
from server.workers import QueryPool

__all__ = ["ServerConfig", "create_app"]

_CORS_READ_ENDPOINTS = {
    "sparql.query",
    "graph_store.graph_store",
    "graph_store.graph",
    "pages.resource",
    "pages.void",
    "pages.healthz",
}
_CORS_EXPOSE = (
    "X-Query-Time-Ms, X-Result-Rows, X-Result-Truncated, X-Result-Max-Rows, X-Result-Streamed"
)
_GZIP_MIN_BYTES = 512
_COMPRESSIBLE = (
    "text/",
    "application/sparql-results",
    "application/json",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "application/n-quads",
    "application/trig",
)


def create_app(config: ServerConfig | None = None, *, store: KnowledgeStore | None = None) -> Flask:
    """Build the Flask app.

    Args:
        config: server settings; defaults to :class:`ServerConfig()` (in-memory store).
        store: an already opened store (the app then does not close it). Without one the app
            opens ``config.store_path`` (in memory when ``None``) and closes it in
            ``app.extensions["newskg"].close()``.

    With an on-disk store and ``config.workers > 0`` queries run in a pool of worker
    processes that are killed when a query exceeds ``config.query_timeout_s``.
    """
    config = config or ServerConfig()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_request_bytes
    app.config["MAX_FORM_MEMORY_SIZE"] = config.max_request_bytes
    app.config["DEBUG"] = config.debug
    app.json.sort_keys = False  # type: ignore[attr-defined]

    owns_store = store is None
    if store is None:
        store = KnowledgeStore(config.store_path, base=config.base_iri)
    pool = None
    if store.path is not None and config.workers > 0:
        pool = QueryPool(
            str(store.path),
            config.workers,
            config.query_timeout_s,
            memory_limit=config.query_memory_limit,
            long_lane=config.long_lane,
        )
    state = AppState(config=config, store=store, pool=pool, owns_store=owns_store)
    app.extensions[EXTENSION] = state
    if pool is not None:
        atexit.register(state.close)

    register_error_handlers(app)
    from server import ask, graph_store, pages, pictures, search, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(ask.bp)
    app.register_blueprint(pictures.bp)
    app.register_blueprint(search.bp)
    app.context_processor(_limits)
    app.after_request(_cors)
    app.after_request(_gzip)
    app.after_request(normalise)
    app.before_request(_refuse_long_headers)
    return app


def _limits() -> dict[str, object]:
    """What every page says about the limits every query runs under (base.html's footer)."""
    from server.state import get_state

    config = get_state().config
    return {"limits": {"max_rows": config.max_rows, "timeout_s": config.query_timeout_s}}


def _refuse_long_headers() -> None:
    """waitress lets the request line and headers together reach the request size limit (a GET
    may carry a long query); one header that long is refused before it is parsed, since parsing
    an ``Accept`` of a megabyte takes seconds."""
    for name, value in request.headers.items():
        if len(value) > MAX_HEADER_BYTES:
            raise RequestHeaderFieldsTooLarge(
                f"the {name} header is longer than {MAX_HEADER_BYTES} bytes"
            )


def _cors(response: Response) -> Response:
    from server.state import get_state

    origins = get_state().config.cors_origins.strip()
    if not origins or request.endpoint not in _CORS_READ_ENDPOINTS:
        return response
    reads = (
        ("GET", "HEAD", "POST", "OPTIONS")
        if request.endpoint == "sparql.query"
        else ("GET", "HEAD")
    )
    if request.method not in reads:
        return response
    if origins == "*":
        response.headers["Access-Control-Allow-Origin"] = "*"
    else:
        origin = request.headers.get("Origin", "")
        if origin in {o.strip() for o in origins.split(",")}:
            response.headers["Access-Control-Allow-Origin"] = origin
        response.vary.add("Origin")
    response.headers["Access-Control-Expose-Headers"] = _CORS_EXPOSE
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = ", ".join(reads)
        response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _gzip(response: Response) -> Response:
    """Compress a response when the client accepts gzip; a streamed body is compressed as it
    streams (chunk by chunk, never whole in memory)."""
    if (
        response.direct_passthrough
        or response.status_code != 200
        or "Content-Encoding" in response.headers
        or not (response.mimetype or "").startswith(_COMPRESSIBLE)
    ):
        return response
    response.vary.add("Accept-Encoding")
    if request.accept_encodings["gzip"] <= 0 or request.method == "HEAD":
        return response
    if response.is_streamed:
        response.response = _gzip_stream(response.response)  # type: ignore[arg-type]
        response.headers.pop("Content-Length", None)
    else:
        data = response.get_data()
        if len(data) < _GZIP_MIN_BYTES:
            return response
        response.set_data(gzip.compress(data, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    return response


def _gzip_stream(chunks: Iterable[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: gzip framing
    try:
        for chunk in chunks:
            if out := compressor.compress(chunk):
                yield out
        yield compressor.flush()
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
