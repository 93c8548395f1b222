"""The ingest pipeline: one writer, failures reported and skipped, bounded memory, same graph
whatever extracts the documents (this process, worker processes, a Dask cluster)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import pytest

from graph.store import KnowledgeStore
from newskg.pipeline import Failed, IngestSummary, ingest
from newskg.sources import SourceDocument, SourceError

pytestmark = pytest.mark.model

ARTICLES = (
    "Prime Minister Anna Berg said on Monday that Norway would buy 200,000 tonnes of wheat "
    "from Canada.\nShe spoke after talks with Canada's trade minister in Oslo.",
    "China's foreign ministry said on Tuesday that it opposed new tariffs on steel imports.\n"
    '"We will respond firmly," spokesman Wang Wenbin told reporters in Beijing.',
    "The European Union agreed to send military aid to Ukraine, officials said.\n"
    "German Chancellor Olaf Scholz called the decision historic.",
    "Japan and South Korea held a summit in Tokyo on Friday.\n"
    "Prime Minister Fumio Kishida said the two countries would deepen ties.",
)


def sources(texts=ARTICLES, prefix="a") -> list[SourceDocument]:
    return [
        SourceDocument(id=f"{prefix}{i}", text=t, origin=f"gen:{i}") for i, t in enumerate(texts)
    ]


def nquads(store: KnowledgeStore) -> set[str]:
    """Every quad outside the ontology, as N-Quads lines (comparable across stores)."""
    out: set[str] = set()
    for q in store.oxigraph.quads_for_pattern(None, None, None, None):
        if "w3id.org/newskg/ontology" not in str(q.graph_name):
            out.add(f"{q.subject} {q.predicate} {q.object} {q.graph_name}")
    return out


@pytest.fixture(scope="module")
def reference(nlp, gazetteer) -> set[str]:
    """The graph of ARTICLES ingested in this process, one batch at a time."""
    store = KnowledgeStore()
    summary = ingest(sources(), store, nlp, gazetteer, batch_size=2)
    assert summary.documents == len(ARTICLES)
    return nquads(store)


def test_a_failing_document_is_reported_with_its_origin_and_the_run_goes_on(nlp, gazetteer):
    store = KnowledgeStore()
    reported: list[SourceError] = []
    stream = [
        sources()[0],
        SourceError("feed.jsonl:7", "malformed JSON line: Expecting value"),
        SourceDocument(id="long", text="Word. " * 50, origin="big.txt"),
        sources()[1],
    ]
    summary = ingest(stream, store, nlp, gazetteer, max_chars=200, on_failure=reported.append)
    assert (summary.documents, summary.failed) == (2, 2)
    assert [e.origin for e in reported] == ["feed.jsonl:7", "big.txt"]
    assert "longer than the limit of 200" in reported[1].reason
    assert {d.id for d in store.documents()} == {"a0", "a1"}


def test_extraction_past_the_time_limit_fails_that_document_only(nlp, gazetteer, monkeypatch):
    import newskg.pipeline as pipeline

    real = pipeline.extract_document

    def slow_for_one(doc, info, gaz):
        if info.id == "a1":
            import time

            time.sleep(2)
        return real(doc, info, gaz)

    monkeypatch.setattr(pipeline, "extract_document", slow_for_one)
    store = KnowledgeStore()
    reported: list[SourceError] = []
    summary = ingest(
        sources()[:3], store, nlp, gazetteer, max_seconds=0.5, on_failure=reported.append
    )
    assert summary.documents == 2
    assert [e.origin for e in reported] == ["gen:1"]
    assert "longer than 0.5 s" in reported[0].reason
    assert {d.id for d in store.documents()} == {"a0", "a2"}


def test_link_hook_sees_each_extraction_before_it_becomes_quads(nlp, gazetteer):
    import dataclasses

    seen: list[str] = []

    def link(extraction):
        seen.append(extraction.document.id)
        doc = dataclasses.replace(extraction.document, title="linked")
        return dataclasses.replace(extraction, document=doc)

    store = KnowledgeStore()
    ingest(sources()[:2], store, nlp, gazetteer, link=link)
    assert seen == ["a0", "a1"]
    titles = store.query("SELECT ?t WHERE { ?d a nkg:Document ; dcterms:title ?t }")
    assert [s["t"].value for s in titles] == ["linked", "linked"]


def test_a_link_hook_that_raises_fails_the_document_not_the_run(nlp, gazetteer):
    def link(extraction):
        if extraction.document.id == "a0":
            raise TimeoutError("Wikidata did not answer")
        return extraction

    store = KnowledgeStore()
    reported: list[SourceError] = []
    summary = ingest(sources()[:2], store, nlp, gazetteer, link=link, on_failure=reported.append)
    assert (summary.documents, summary.failed) == (1, 1)
    assert reported[0].reason == "linking failed: Wikidata did not answer"


def test_the_writer_stores_what_any_extractor_yields_and_reports_its_failures(nlp, gazetteer):
    """A custom extractor (worker processes, a cluster) plugs in; its Failed are reported."""
    from newskg.pipeline import extract_all

    def extractor(infos):
        for outcome in extract_all(nlp, gazetteer, infos):
            if outcome.document.id == "a1":
                yield Failed(outcome.document, "worker died")
            else:
                yield outcome

    store = KnowledgeStore()
    reported: list[SourceError] = []
    summary = ingest(sources()[:3], store, extractor=extractor, on_failure=reported.append)
    assert summary.documents == 2 and reported == [SourceError("gen:1", "worker died")]


def test_re_running_skips_unchanged_documents_and_replaces_changed_ones(nlp, gazetteer):
    store = KnowledgeStore()
    ingest(sources()[:2], store, nlp, gazetteer)
    changed = [sources()[0], SourceDocument(id="a1", text=ARTICLES[2], origin="gen:1")]
    summary = ingest(changed, store, nlp, gazetteer)
    assert (summary.documents, summary.skipped) == (1, 1)
    texts = store.query("SELECT ?id WHERE { ?d nkg:documentId ?id ; nkg:sha256 ?h }")
    assert sorted(s["id"].value for s in texts) == ["a0", "a1"]


def test_progress_callback_counts_every_document_whatever_its_fate(nlp, gazetteer):
    seen: list[int] = []
    store = KnowledgeStore()
    ingest(sources()[:1], store, nlp, gazetteer)
    stream = [*sources()[:2], SourceError("x", "binary file (not text)")]
    summary = ingest(
        stream,
        store,
        nlp,
        gazetteer,
        on_document=lambda s: seen.append(s.seen),
        on_failure=lambda e: None,
    )
    assert seen == [1, 2, 3]
    assert (summary.documents, summary.skipped, summary.failed) == (1, 1, 1)


def _titled(n: int, title_chars: int) -> Iterator[SourceDocument]:
    """Short texts with huge titles: each document is big, yet cheap for spaCy to process."""
    for i in range(n):
        yield SourceDocument(
            id=f"m{i}",
            origin=f"gen:{i}",
            title=f"{i:06d} " * (title_chars // 7),
            text=f"Minister Anna Berg said on Monday that Norway would buy {i} tonnes of wheat "
            f"from Canada.",
        )


@pytest.mark.slow
def test_memory_stays_bounded_by_the_batch_not_the_corpus(nlp, gazetteer, tmp_path):
    """A corpus of ~16 MB (80 documents of 200 kB) goes through with a peak far below that."""
    n, size = 80, 200_000
    with KnowledgeStore(tmp_path / "store") as store:
        ingest(_titled(4, size), store, nlp, gazetteer)  # warm caches before measuring
        tracemalloc.start()
        try:
            summary = ingest(_titled(n, size), store, nlp, gazetteer, batch_size=4)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert summary.documents == n - 4 and summary.skipped == 4
    assert peak < n * size / 4, f"peak {peak:,} bytes for a corpus of {n * size:,}"


@pytest.mark.slow
@pytest.mark.parametrize(("workers", "mapped_in_workers"), [(1, True), (2, True), (2, False)])
def test_worker_processes_give_the_same_graph_as_one_process(
    reference, tmp_path, workers, mapped_in_workers
):
    """Whether the workers send N-Quads (the CLI) or records (online linking), and with
    documents batched per transaction, the graph is the in-process one."""
    from newskg.parallel import ModelSpec, parallel_extractor

    with KnowledgeStore(tmp_path / "store") as store:
        base = store.minter.base if mapped_in_workers else None
        extractor = parallel_extractor(ModelSpec(), workers, batch_size=1, base=base)
        summary = ingest(sources(), store, extractor=extractor, batch_size=3)
        assert summary.documents == len(ARTICLES)
        assert nquads(store) == reference


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_graph_as_the_local_path(reference, tmp_path):
    from dask.distributed import LocalCluster

    from newskg.distributed import dask_extractor
    from newskg.parallel import ModelSpec

    shards = tmp_path / "shards"
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        with KnowledgeStore(tmp_path / "store") as store:
            extractor = dask_extractor(
                cluster.scheduler_address,
                ModelSpec(),
                shards,
                base=store.minter.base,
                partition_size=2,
            )
            summary = ingest(sources(), store, extractor=extractor)
            assert summary.documents == len(ARTICLES)
            assert nquads(store) == reference
    assert not shards.exists(), "loaded shards are removed"


def test_summary_line_says_what_happened():
    summary = IngestSummary(documents=3, skipped=1, failed=2, quads=120, words=900, seconds=2.0)
    assert summary.line() == ("3 documents ingested, 1 unchanged, 2 failed; 120 quads; 450 words/s")
