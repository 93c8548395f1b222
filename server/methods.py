"""The methods each route answers, said the same way everywhere (one ``Allow`` per route)."""

from __future__ import annotations

from flask import Response, current_app, request

_ORDER = ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS")


def allow_header(path: str | None = None) -> str:
    """``Allow`` for ``path`` (default: this request's), from the URL map: every method some
    route of that path answers, HEAD and OPTIONS included, in one fixed order."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    methods = set(adapter.allowed_methods(request.path if path is None else path))
    return ", ".join(sorted(methods, key=lambda m: (_ORDER + (m,)).index(m)))


def normalise(response: Response) -> Response:
    """After every request: an ``Allow`` (OPTIONS, 405) names the route's methods as
    :func:`allow_header` does, and a 204 has no body, so no body type."""
    if "Allow" in response.headers:
        response.headers["Allow"] = allow_header()
    if response.status_code == 204:
        response.headers.pop("Content-Type", None)
    return response
