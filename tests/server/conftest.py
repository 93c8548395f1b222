"""Fixtures for the server tests: small hand-built stores, apps and clients (no spaCy)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import RdfFormat

from graph.store import KnowledgeStore
from server import ServerConfig, create_app

BASE = "https://w3id.org/newskg/id/"
DOC1 = BASE + "doc/d1"
TOKEN = "s3cret-token-for-tests"

SEED_NQUADS = f"""
<{DOC1}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Document> <{DOC1}> .
<{DOC1}> <https://w3id.org/newskg/ontology#documentId> "d1" <{DOC1}> .
<{DOC1}/statement/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Statement> <{DOC1}> .
<{DOC1}/statement/1> <https://w3id.org/newskg/ontology#speaker> <{BASE}entity/Q15031> <{DOC1}> .
<{DOC1}/statement/1> <https://w3id.org/newskg/ontology#about> <{BASE}entity/Q865> <{DOC1}> .
<{DOC1}/statement/1> <https://w3id.org/newskg/ontology#text> "Xi said Taiwan's return to China is an integral part of the post-war order." <{DOC1}> .
<{DOC1}/statement/1> <http://www.w3.org/ns/prov#wasDerivedFrom> <{DOC1}> <{DOC1}> .
<{BASE}entity/Q15031> <https://w3id.org/newskg/ontology#mentionedIn> <{DOC1}> <{DOC1}> .
<{BASE}entity/Q15031> <http://www.w3.org/2000/01/rdf-schema#label> "Xi Jinping" <{BASE}graph/entities> .
<{BASE}entity/Q15031> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Person> <{BASE}graph/entities> .
<{BASE}entity/Q15031> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q15031> <{BASE}graph/entities> .
<{BASE}entity/Q865> <http://www.w3.org/2000/01/rdf-schema#label> "Taiwan" <{BASE}graph/entities> .
<{BASE}entity/Q865> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Topic> <{BASE}graph/entities> .
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
