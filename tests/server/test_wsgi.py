"""serve(): waitress in production, the Flask development server only in debug mode."""

from __future__ import annotations

import pytest
from flask import Flask

from server import wsgi


def test_serve_uses_waitress_and_closes_the_app(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr("waitress.serve", lambda a, **kw: calls.append({"app": a, **kw}))
    closed: list[bool] = []
    monkeypatch.setattr(app.extensions["newskg"], "close", lambda: closed.append(True))
    wsgi.serve(app, host="127.0.0.1", port=8123, threads=3)
    assert calls[0]["app"] is app and calls[0]["port"] == 8123 and calls[0]["threads"] == 3
    assert closed == [True]


def test_serve_uses_flask_dev_server_only_in_debug(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[dict[str, object]] = []
    app.debug = True
    monkeypatch.setattr(app, "run", lambda **kw: ran.append(kw))
    monkeypatch.setattr("waitress.serve", lambda *a, **kw: pytest.fail("waitress in debug"))
    wsgi.serve(app, port=8124)
    assert ran and ran[0]["use_reloader"] is False
