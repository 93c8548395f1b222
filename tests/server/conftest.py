"""Fixtures for the server tests: small hand-built stores, apps and clients (no spaCy)."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import RdfFormat
from waitress import wasyncore

from graph.store import KnowledgeStore
from server import ServerConfig, create_app

BASE = "https://w3id.org/newskg/id/"
DOC1 = BASE + "doc/d1"
TOKEN = "s3cret-token-for-tests"

# Terms of the hand-written N-Quads below (kept short so each quad fits on a line).
NKG = "https://w3id.org/newskg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
DERIVED_FROM = "<http://www.w3.org/ns/prov#wasDerivedFrom>"

SEED_STATEMENT = "Xi said Taiwan's return to China is an integral part of the post-war order."
SEED_NQUADS = f"""
<{DOC1}> {A} <{NKG}Document> <{DOC1}> .
<{DOC1}> <{NKG}documentId> "d1" <{DOC1}> .
<{DOC1}/statement/1> {A} <{NKG}Statement> <{DOC1}> .
<{DOC1}/statement/1> <{NKG}speaker> <{BASE}entity/Q15031> <{DOC1}> .
<{DOC1}/statement/1> <{NKG}about> <{BASE}entity/Q865> <{DOC1}> .
<{DOC1}/statement/1> <{NKG}text> "{SEED_STATEMENT}" <{DOC1}> .
<{DOC1}/statement/1> {DERIVED_FROM} <{DOC1}> <{DOC1}> .
<{BASE}entity/Q15031> <{NKG}mentionedIn> <{DOC1}> <{DOC1}> .
<{BASE}entity/Q15031> {LABEL} "Xi Jinping" <{BASE}graph/entities> .
<{BASE}entity/Q15031> {A} <{NKG}Person> <{BASE}graph/entities> .
<{BASE}entity/Q15031> {SAME_AS} <http://www.wikidata.org/entity/Q15031> <{BASE}graph/entities> .
<{BASE}entity/Q865> {LABEL} "Taiwan" <{BASE}graph/entities> .
<{BASE}entity/Q865> {A} <{NKG}Topic> <{BASE}graph/entities> .
"""


def load_seed(store: KnowledgeStore) -> None:
    store.oxigraph.load(io.BytesIO(SEED_NQUADS.encode("utf-8")), format=RdfFormat.N_QUADS)


@pytest.fixture
def store() -> KnowledgeStore:
    """An in-memory store holding one document: a statement by Xi Jinping about Taiwan."""
    s = KnowledgeStore()
    load_seed(s)
    return s


@pytest.fixture
def make_app() -> Iterator[object]:
    """``make_app(store=..., **config)``: an app whose query workers are stopped afterwards."""
    apps: list[Flask] = []

    def make(store: KnowledgeStore | None = None, **settings: object) -> Flask:
        app = create_app(ServerConfig(**settings), store=store)  # type: ignore[arg-type]
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["newskg"].close()


@pytest.fixture
def app(store: KnowledgeStore, make_app) -> Flask:  # type: ignore[no-untyped-def]
    return make_app(store=store)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def writable_app(store: KnowledgeStore, make_app) -> Flask:  # type: ignore[no-untyped-def]
    return make_app(store=store, update_token=TOKEN)


@pytest.fixture
def writable_client(writable_app: Flask) -> FlaskClient:
    return writable_app.test_client()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def disk_store_path(tmp_path: Path) -> str:
    """An on-disk store with the seed data, closed again so that workers can open it."""
    path = tmp_path / "store"
    with KnowledgeStore(path) as s:
        load_seed(s)
    return str(path)


@pytest.fixture
def big_disk_store(tmp_path: Path) -> str:
    """An on-disk store with the seed and 3,000 triples ``<http://ex/N> <http://ex/p> "N"``:
    enough for cross joins that run for hours or take gigabytes."""
    path = tmp_path / "big"
    with KnowledgeStore(path) as s:
        load_seed(s)
        nt = "".join(f'<http://ex/{i}> <http://ex/p> "{i}" .\n' for i in range(3000))
        s.oxigraph.load(io.BytesIO(nt.encode()), format=RdfFormat.N_TRIPLES)
    return str(path)


BROWSER_STATEMENT = (
    "Xi also reiterated China’s long-held position that Taiwan’s return to the "
    "mainland is part of the post-war international order."
)
"""The README's Xi/Taiwan sentence, held by the live server's second statement."""

LIVE_NQUADS = (
    SEED_NQUADS
    + f"""
<{DOC1}/statement/2> {A} <{NKG}Statement> <{DOC1}> .
<{DOC1}/statement/2> <{NKG}speaker> <{BASE}entity/Q15031> <{DOC1}> .
<{DOC1}/statement/2> <{NKG}about> <{BASE}entity/Q865> <{DOC1}> .
<{DOC1}/statement/2> <{NKG}text> "{BROWSER_STATEMENT}" <{DOC1}> .
<{DOC1}/statement/2> <{NKG}isDirect> "false"^^<{XSD}boolean> <{DOC1}> .
<{DOC1}/statement/2> <{NKG}reportingVerb> "reiterate" <{DOC1}> .
<{DOC1}/statement/2> {DERIVED_FROM} <{DOC1}> <{DOC1}> .
"""
)


@dataclass(frozen=True)
class LiveServer:
    """A newskg server listening on 127.0.0.1 (waitress, as in production)."""

    url: str  # the root, with a trailing slash
    app: Flask

    @property
    def sparql(self) -> str:
        return self.url + "sparql"


@contextmanager
def running(app: Flask, threads: int = 4) -> Iterator[int]:
    """``app`` served by waitress on a free port of 127.0.0.1 with the limits `newskg serve`
    uses; yields the port, and stops the server (not the app) afterwards."""
    from waitress import create_server

    from server.wsgi import waitress_options

    server = create_server(app, host="127.0.0.1", port=0, threads=threads, **waitress_options(app))
    thread = threading.Thread(target=server.run, name="newskg-live-server", daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        # Close every socket from the server's own loop thread, which then ends (its map is
        # empty), then stop the request threads.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(timeout=10)
        server.task_dispatcher.shutdown()


@contextmanager
def serving(store: KnowledgeStore, **settings: object) -> Iterator[LiveServer]:
    """``store`` served by a real HTTP server on a free port of 127.0.0.1; the server, the app
    and the store are closed afterwards."""
    app = create_app(ServerConfig(**settings), store=store)  # type: ignore[arg-type]
    try:
        with running(app) as port:
            yield LiveServer(f"http://127.0.0.1:{port}/", app)
    finally:
        app.extensions["newskg"].close()
        store.close()


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    """A real HTTP server on a free port of 127.0.0.1, over an in-memory store holding the seed
    plus the README's Xi/Taiwan sentence; stopped (and its store closed) after the module."""
    s = KnowledgeStore()
    s.oxigraph.load(io.BytesIO(LIVE_NQUADS.encode("utf-8")), format=RdfFormat.N_QUADS)
    with serving(s) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Selenium (see tests/support/chromium.py), one per module."""
    import selenium  # noqa: F401 - in the [test] extra: a missing one is an error, not a skip
    from chromium import CHROMEDRIVER, CHROMIUM, chromium

    if not CHROMEDRIVER.exists():
        pytest.fail(
            f"{CHROMIUM} is installed but {CHROMEDRIVER} is not (apt-get install chromium-driver)"
        )
    with chromium() as driver:
        yield driver
