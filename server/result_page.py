"""A query's results as an HTML page: the plain query form's table, and what a browser sees
when it opens a ``/sparql?query=`` link (``Accept: text/html``, no ``format=``) instead of a
download. The query runs as any other (query workers, time limit, row cap); a cut result and
the limits are said on the page, and an error shows the query with its position marked."""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Request, Response, render_template

from server.errors import ServerError, error_position
from server.executor import QueryJob
from server.negotiation import FORMAT_PARAMETERS
from server.page_tools import editor_href, json_cell
from server.sparql_text import declares_dataset
from server.state import get_state

_RESULT_MEDIA = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
)


def wants_html(request: Request) -> bool:
    """A browser following a link: HTML preferred to every results format, and no format=."""
    if request.method != "GET" or any(p in request.args for p in FORMAT_PARAMETERS):
        return False
    accept = request.accept_mimetypes
    best = accept.best_match(["text/html", *_RESULT_MEDIA])
    # Named, not only matched by */*: a client that accepts anything gets results, as before.
    named = any(media in ("text/html", "application/xhtml+xml") for media, _ in accept)
    return best == "text/html" and named


def run_for_page(query: str) -> tuple[dict[str, Any], int]:
    """Run ``query`` for a page: the template context of its results (or its error), and the
    HTTP status (200, or the error's 4xx/503)."""
    state = get_state()
    job = QueryJob(
        query=query,
        default_graphs=(),
        named_graphs=(),
        use_union=not declares_dataset(query),
        results_media="application/sparql-results+json",
        rdf_media="text/turtle",
        max_rows=state.config.max_rows,
    )
    context: dict[str, Any] = {"columns": [], "rows": [], "boolean": None, "graph": None}
    started = time.perf_counter()
    try:
        answer = state.run(job)
    except ServerError as exc:
        if exc.status >= 500 and exc.status != 503:
            raise
        position = error_position(query, exc.message)
        return {**context, "error": exc.message, "position": position}, exc.status
    body = answer.read()
    context["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
    context["truncated"] = answer.outcome.truncated
    context["error"] = None
    if answer.outcome.kind == "graph":
        context["graph"] = body.decode("utf-8")
    else:
        doc = json.loads(body)
        if "boolean" in doc:
            context["boolean"] = doc["boolean"]
        else:
            context["columns"] = doc["head"]["vars"]
            context["rows"] = [
                [json_cell(b.get(v)) for v in context["columns"]]
                for b in doc["results"]["bindings"]
            ]
    return context, 200


def result_page(query: str) -> Response:
    """The HTML page of ``/sparql?query=`` for a browser."""
    context, status = run_for_page(query)
    config = get_state().config
    html = render_template(
        "results.html",
        query=query,
        editor=editor_href(query),
        max_rows=config.max_rows,
        timeout_s=config.query_timeout_s,
        **context,
    )
    response = Response(html, status=status, mimetype="text/html")
    response.vary.add("Accept")
    return response
