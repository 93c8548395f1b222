"""``kill -9`` of an ingest never loses a committed document nor leaves half of one, the store
holds what the log says was committed, and re-running the same command finishes the rest,
giving the graph an uninterrupted run gives.

The loop runs NEWSKG_KILL_LOOPS times (default 3; set it to 50 by hand for the long run).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests_support import ROOT

from graph.iris import ONTOLOGY_GRAPH
from graph.store import KnowledgeStore
from newskg.pipeline import ingest
from newskg.sources import read_inputs

pytestmark = [pytest.mark.model, pytest.mark.slow]

SENTENCES = (
    "Prime Minister Anna Berg said on Monday that Norway would buy {n},000 tonnes of wheat "
    "from Canada.",
    "China's foreign ministry said on Tuesday that it opposed new tariffs on steel imports.",
    '"We will respond firmly," spokesman Wang Wenbin told reporters in Beijing.',
    "The European Union agreed to send military aid to Ukraine, officials said.",
    "Japan and South Korea held a summit in Tokyo on Friday.",
    "Prime Minister Fumio Kishida said the two countries would deepen ties.",
)


def write_corpus(folder: Path, n: int) -> None:
    """``n`` distinct articles, each a rotation of the sentences above."""
    folder.mkdir()
    for i in range(n):
        k = i % len(SENTENCES)
        lines = [s.format(n=i + 1) for s in (*SENTENCES[k:], *SENTENCES[:k])]
        (folder / f"article-{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")


def graphs(store: KnowledgeStore) -> dict[str, set[str]]:
    """Each graph's quads (as text), by graph IRI, but the ontology's (its blank nodes differ)."""
    out: dict[str, set[str]] = {}
    for q in store.oxigraph.quads_for_pattern(None, None, None, None):
        if str(q.graph_name) == f"<{ONTOLOGY_GRAPH}>":
            continue
        out.setdefault(str(q.graph_name), set()).add(f"{q.subject} {q.predicate} {q.object}")
    return out


def newskg(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSKG_WORKERS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "newskg", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


STORED = b"DEBUG: stored "
BATCH = 4
"""Documents per transaction in the killed runs: small, so that a kill lands between commits."""


def wait_for_stored(run: subprocess.Popen, n: int) -> int:
    """Read the run's debug log until it says ``n`` more documents are stored (or ends)."""
    assert run.stderr is not None
    seen = 0
    for line in run.stderr:
        if STORED in line:
            seen += 1
            if seen == n:
                break
    return seen


def test_kill_9_at_random_moments_loses_nothing_committed_and_resume_finishes(
    nlp, gazetteer, tmp_path
):
    corpus, store_dir = tmp_path / "corpus", tmp_path / "store"
    write_corpus(corpus, 40)
    expected_store = KnowledgeStore()
    ingest(read_inputs([str(corpus)]), expected_store, nlp, gazetteer)
    expected = graphs(expected_store)
    doc_graphs = {g for g in expected if "/doc/" in g}
    assert len(doc_graphs) == 40

    rng = random.Random(7)
    logged = interrupted = 0
    for _ in range(int(os.environ.get("NEWSKG_KILL_LOOPS", "3"))):
        run = newskg(
            "-vv", "ingest", str(corpus), "--store", str(store_dir), "--batch-size", str(BATCH)
        )
        logged += wait_for_stored(run, rng.randint(1, 10))
        time.sleep(rng.uniform(0, 0.3))  # anywhere in the next document, or the next batch
        run.send_signal(signal.SIGKILL)
        # Read on through the buffer wait_for_stored read ahead into: communicate() reads the
        # pipe itself, and the lines already buffered would go uncounted.
        assert run.stderr is not None
        logged += run.stderr.read().count(STORED)
        run.communicate()
        with KnowledgeStore(store_dir) as store:
            found = graphs(store)
        for g in set(found) & doc_graphs:
            assert found[g] == expected[g], f"{g} is not whole after kill -9"
        # The log lines follow the commit of their batch, so a kill between them leaves up to
        # one batch more stored than logged.
        assert logged <= len(set(found) & doc_graphs) <= logged + BATCH
        logged = len(set(found) & doc_graphs)
        interrupted += run.returncode == -signal.SIGKILL
        if logged == len(doc_graphs):  # long loops: start over once everything is in
            shutil.rmtree(store_dir)
            logged = 0
    assert interrupted, "no kill landed while the ingest was running"

    finish = newskg("ingest", str(corpus), "--store", str(store_dir))
    _, err = finish.communicate(timeout=300)
    assert finish.returncode == 0, err.decode()
    assert "0 failed" in err.decode()
    with KnowledgeStore(store_dir) as store:
        assert graphs(store) == expected
