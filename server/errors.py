"""Domain exceptions carrying an HTTP status, and the one error handler.

Every error response has the same shape whatever raised it: a status, a short title and a
message for the user, rendered as JSON, HTML or text/plain by the request's ``Accept`` header.
Tracebacks never reach the client; a 500 means a real fault and is logged.
"""

from __future__ import annotations

import json
import logging
import re
from html import escape

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ServerError(Exception):
    """A failure the client can act on; ``status`` is its HTTP status."""

    status = 500
    title = "Internal Server Error"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = dict(headers or {})


class BadRequest(ServerError):
    status, title = 400, "Bad Request"


class QuerySyntaxError(BadRequest):
    """The query or update does not parse; the message is the parser's (line and column)."""


class Unauthorized(ServerError):
    status, title = 401, "Unauthorized"

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": 'Bearer realm="newskg"'})


class Forbidden(ServerError):
    status, title = 403, "Forbidden"


class NotFound(ServerError):
    status, title = 404, "Not Found"


class MethodNotAllowed(ServerError):
    status, title = 405, "Method Not Allowed"

    def __init__(self, message: str, allowed: list[str]) -> None:
        super().__init__(message, headers={"Allow": ", ".join(allowed)})


class NotAcceptable(ServerError):
    status, title = 406, "Not Acceptable"


class PayloadTooLarge(ServerError):
    status, title = 413, "Payload Too Large"


class UriTooLong(ServerError):
    status, title = 414, "URI Too Long"


class RequestHeaderFieldsTooLarge(ServerError):
    status, title = 431, "Request Header Fields Too Large"


class UnsupportedMediaType(ServerError):
    status, title = 415, "Unsupported Media Type"


class QueryTimeout(ServerError):
    status, title = 503, "Service Unavailable"


class ServiceBusy(ServerError):
    status, title = 503, "Service Unavailable"


class QueryMemoryExceeded(ServerError):
    status, title = 503, "Service Unavailable"


MAX_HEADER_BYTES = 16384
"""Longest accepted header value (see ``server._refuse_long_headers``)."""


def _wants(mimetype: str) -> bool:
    if len(request.headers.get("Accept", "")) > MAX_HEADER_BYTES:  # refused unparsed: plain text
        return mimetype == "text/plain"
    accept = request.accept_mimetypes
    best = accept.best_match(["text/plain", "application/json", "text/html"], default="text/plain")
    return best == mimetype and accept[mimetype] > 0


def error_response(
    status: int, title: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The single error shape: ``{"status", "error", "message"}`` (or its text/HTML rendering)."""
    if _wants("application/json"):
        body = json.dumps({"status": status, "error": title, "message": message})
        resp = Response(body, status=status, mimetype="application/json")
    elif _wants("text/html") and (page := _styled_page(status, title, message)) is not None:
        resp = Response(page, status=status, mimetype="text/html")
    elif _wants("text/html"):
        page = (
            f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{status} "
            f"{escape(title)}</title></head><body><h1>{status} {escape(title)}</h1>"
            f'<pre>{escape(message)}</pre><p><a href="/">Back to the query page</a></p>'
            "</body></html>"
        )
        resp = Response(page, status=status, mimetype="text/html")
    else:
        resp = Response(f"{status} {title}: {message}\n", status=status, mimetype="text/plain")
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    resp.headers["Vary"] = "Accept"
    return resp


_POSITION = re.compile(r"\berror at (\d+):(\d+)")
_MAX_ECHO = 20000


def error_position(query: str, message: str) -> dict[str, object] | None:
    """Where a parser's ``error at LINE:COLUMN`` points in ``query`` (1-based, in characters):
    the text before it, the character there and the rest; None without a position.

    >>> error_position("SELECT *\\nWHERE { ?s }", "error at 2:12: expected")["at"]
    '}'
    """
    found = _POSITION.search(message)
    if not found:
        return None
    line, column = int(found.group(1)), int(found.group(2))
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return None
    offset = sum(len(x) + 1 for x in lines[: line - 1]) + min(column - 1, len(lines[line - 1]))
    return {
        "line": line,
        "column": column,
        "before": query[:offset],
        "at": query[offset : offset + 1],
        "after": query[offset + 1 :],
    }


def _request_query() -> str | None:
    """The SPARQL text of the failed request, to show it back (None when it has none)."""
    try:
        text = request.args.get("query") or request.args.get("update")
        if text is None and request.method == "POST":
            if request.mimetype in ("application/sparql-query", "application/sparql-update"):
                text = request.get_data(as_text=True)
            else:
                text = request.form.get("query") or request.form.get("update")
    except Exception:  # an unreadable body is no reason to fail the error page too
        return None
    return text if text and len(text) <= _MAX_ECHO else None


def _styled_page(status: int, title: str, message: str) -> str | None:
    """The error as a page like the others (search box, styles), echoing the query with the
    error's position marked; None if the page cannot be made (then a bare page is sent)."""
    from flask import render_template

    from server.page_tools import editor_href

    try:
        query = _request_query()
        return render_template(
            "error.html",
            status=status,
            title=title,
            message=message,
            query=query,
            position=error_position(query, message) if query else None,
            editor=editor_href(query) if query else None,
        )
    except Exception:
        log.exception("the error page could not be rendered")
        return None


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ServerError)
    def _domain(exc: ServerError) -> Response:
        if exc.status >= 500 and not isinstance(
            exc, QueryTimeout | ServiceBusy | QueryMemoryExceeded
        ):
            log.error("server fault: %s", exc.message)
        return error_response(exc.status, exc.title, exc.message, exc.headers)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        headers = {}
        if status == 405:
            allow = [h for k, h in exc.get_headers() if k.lower() == "allow"]
            if allow:
                headers["Allow"] = allow[0]
        message = exc.description or exc.name
        if status == 413:
            message = "the request body is larger than the server accepts"
        return error_response(status, exc.name, message, headers)

    @app.errorhandler(Exception)
    def _fault(exc: Exception) -> Response:
        log.exception("unhandled error while serving %s %s", request.method, request.path)
        return error_response(
            500,
            "Internal Server Error",
            "the server failed to answer this request; the fault is logged",
        )
