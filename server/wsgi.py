"""Running the app: waitress in production, Flask's development server only in debug mode."""

from __future__ import annotations

import logging

from flask import Flask

log = logging.getLogger(__name__)


def waitress_options(app: Flask) -> dict[str, object]:
    """Limits for waitress that refuse an oversized request as soon as its headers are read
    (413 from a too large ``Content-Length``, 431 from too long headers or URL) instead of
    buffering it first; a little above the app's own limit, so that the app, which says more,
    answers the requests near the limit."""
    limit = int(app.config.get("MAX_CONTENT_LENGTH") or 1_000_000)
    return {
        "ident": "newskg",
        "max_request_body_size": limit + 4096,
        "max_request_header_size": limit + 65536,
    }


def serve(app: Flask, host: str = "127.0.0.1", port: int = 8000, threads: int = 4) -> None:
    """Serve ``app`` until interrupted, then stop its query workers.

    Uses waitress (a production WSGI server) unless the app is in debug mode, where the Flask
    development server (with the reloader off, so the store is opened once) is used instead.
    """
    from server.state import EXTENSION

    try:
        if app.debug:
            app.run(host=host, port=port, debug=True, use_reloader=False, threaded=True)
        else:
            from waitress import serve as waitress_serve

            log.info("newskg serving on http://%s:%d/ with %d threads", host, port, threads)
            waitress_serve(app, host=host, port=port, threads=threads, **waitress_options(app))
    finally:
        state = app.extensions.get(EXTENSION)
        if state is not None:
            state.close()
