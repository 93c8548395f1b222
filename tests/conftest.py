"""Fixtures shared by every test folder (Flask-tutorial style: small, explicit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from tests_support import SEEDS


def pytest_addoption(parser):
    parser.addoption(
        "--update-floor",
        action="store_true",
        help="tests/test_score_floor.py: raise the figures of tests/data/score_floor.json that "
        "improved (never lowers one; ignored when CI is set)",
    )


@pytest.fixture(scope="session")
def gazetteer():
    from extract import gazetteer as gaz

    return gaz.bundled()


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with newskg's components (loaded once per session)."""
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp, gazetteer) -> Callable[..., object]:
    """Text (and optional publication date) -> :class:`extract.records.Extraction`."""
    from extract.document import extract_document
    from extract.records import DocumentInfo
    from newskg.pipeline import sha256

    def run(text: str, date: dt.date | None = None, doc_id: str = "t"):
        info = DocumentInfo(id=doc_id, text=text, sha256=sha256(text), date=date)
        return extract_document(nlp(text), info, gazetteer)

    return run


@pytest.fixture
def store():
    """An empty in-memory store."""
    from graph.store import KnowledgeStore

    return KnowledgeStore()


@pytest.fixture(scope="session")
def seed_store(nlp, gazetteer):
    """An in-memory store holding the seed article (shared: do not write to it)."""
    from graph.store import KnowledgeStore
    from newskg.pipeline import ingest
    from newskg.sources import read_inputs

    kstore = KnowledgeStore()
    summary = ingest(read_inputs([str(SEEDS)]), kstore, nlp, gazetteer)
    assert summary.documents == 1, summary
    return kstore
