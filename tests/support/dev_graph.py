"""The graph built from the dev evaluation articles, once per test session (as ``newskg eval``
builds it: every ``ID.txt`` beside an ``ID.gold.json``, dates from ``ID.meta.json``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from tests_support import EVAL_DEV


def dev_available() -> bool:
    return EVAL_DEV.is_dir() and any(EVAL_DEV.glob("*.gold.json"))


@cache
def _built(nlp: Any, gazetteer: Any) -> Any:
    from graph.store import KnowledgeStore
    from newskg.evaluate import load_gold
    from newskg.pipeline import ingest
    from newskg.sources import read_inputs

    store = KnowledgeStore()
    paths = [str(g.text_path) for g in load_gold(EVAL_DEV)]
    summary = ingest(read_inputs(paths), store, nlp, gazetteer)
    assert summary.failed == 0, summary.failures
    return store


def dev_store(nlp: Any, gazetteer: Any) -> Any:
    """An in-memory store holding every dev article (shared: do not write to it)."""
    return _built(nlp, gazetteer)


def gold_questions() -> list[tuple[str, dict[str, Any]]]:
    """(document id, question) for every ``questions`` entry of the dev gold files."""
    if not dev_available():
        return []
    out = []
    for path in sorted(EVAL_DEV.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out += [(gold["doc"], q) for q in gold.get("questions") or ()]
    return out
