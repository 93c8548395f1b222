"""``newskg eval --format brat DIR``: measure statements against a BRAT attribution corpus.

The texts are ingested into a fresh in-memory store (or ``--store``) exactly as ``newskg
ingest`` would (document id = file name without ``.txt``; title and date from the corpus's
metadata), the statements are read back by one SPARQL query, and each document is scored by
:mod:`newskg.evaluation.attribution`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extract import DEFAULT_MODEL
from newskg.evaluation.attribution import DocumentScore, Statement, score_document
from newskg.evaluation.brat import BratDocument, load_corpus, load_labels
from newskg.evaluation.brat_summary import summarize
from newskg.evaluation.corenlp import read_parse
from newskg.evaluation.running import ingest_missing, version

STATEMENTS_QUERY = """
SELECT ?id ?s ?start ?end ?ss ?se ?verb ?quote (SAMPLE(?label) AS ?name)
       (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001f") AS ?alts) WHERE {
  GRAPH ?g { ?d a nkg:Document ; nkg:documentId ?id .
    ?s a nkg:Statement ; prov:wasDerivedFrom ?d ; nkg:speaker ?sp ; nkg:charStart ?start ;
       nkg:charEnd ?end ; nkg:sentenceStart ?ss ; nkg:sentenceEnd ?se .
    OPTIONAL { ?s nkg:reportingVerb ?verb } OPTIONAL { ?s nkg:quote ?quote }
    OPTIONAL { ?sp skos:altLabel ?alt } }
  ?sp rdfs:label ?label .
} GROUP BY ?id ?s ?start ?end ?ss ?se ?verb ?quote ORDER BY ?id ?s
"""
"""Every statement of the store with its span, sentence, cue, quote and speaker names."""


def read_statements(store: Any) -> dict[str, list[Statement]]:
    """Statements by document id (the span widened to the sentence in ``start``/``end``)."""
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    results = store.query(STATEMENTS_QUERY)
    names = [v.value for v in results.variables]
    for row in results:
        v = {n: (row[n].value if row[n] is not None else None) for n in names}
        start, end = int(v["start"] or 0), int(v["end"] or 0)
        alts = [a for a in (v["alts"] or "").split("\x1f") if a]
        by_doc[v["id"] or ""].append(
            Statement(
                iri=v["s"] or "",
                start=min(start, int(v["ss"] or start)),
                end=max(end, int(v["se"] or end)),
                span=(start, end),
                verb=v["verb"],
                quote=v["quote"],
                names=(v["name"] or "", *alts),
            )
        )
    return by_doc


def _ingest(
    docs: Sequence[BratDocument],
    store: Any,
    nlp: Any,
    model: str,
    gazetteer_files: Sequence[str] = (),
) -> dict[str, str]:
    """Ingest the documents not yet in the store; returns the failed ones (id -> reason)."""
    from newskg.sources import SourceDocument

    sources = [
        SourceDocument(d.id, d.text, str(d.text_path), d.title, d.date, str(d.text_path))
        for d in docs
    ]
    by_origin = {s.origin: s.id for s in sources}
    failed = ingest_missing(sources, store, nlp, model, gazetteer_files)
    return {by_origin.get(origin, origin): why for origin, why in failed.items()}


def evaluate_brat(
    corpus_dir: str | Path,
    *,
    store: Any = None,
    model: str = DEFAULT_MODEL,
    only: Sequence[str] = (),
    nlp: Any = None,
    labels_path: Path | None = None,
    gazetteer_files: Sequence[str] = (),
) -> dict[str, Any]:
    """Ingest the corpus's texts and score their statements; returns the report.

    A document whose extraction fails is listed under ``failed_documents`` and scored with no
    statements (a crash must not look better than a poor extraction).

    Raises:
        newskg.evaluation.brat.BratError: the corpus cannot be read.
    """
    from graph.store import KnowledgeStore

    measured = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    docs = load_corpus(corpus_dir, labels=load_labels(labels_path), only=tuple(only))
    store = store if store is not None else KnowledgeStore(None)
    failed = _ingest(docs, store, nlp, model, gazetteer_files)
    statements = read_statements(store)
    scores: dict[str, DocumentScore] = {}
    for d in docs:
        preds = [] if d.id in failed else statements.get(d.id, [])
        scores[d.id] = score_document(d, read_parse(d.corenlp_path), preds)
    return {
        "measured_at": measured,
        "format": "brat",
        "corpus_dir": str(corpus_dir),
        "model": model,
        "newskg_version": version(),
        "coreference": sum(d.corenlp_path is not None for d in docs),
        "failed_documents": failed,
        "documents": {k: document_report(s) for k, s in scores.items()},
        "overall": summarize(list(scores.values())),
    }


def document_report(score: DocumentScore) -> dict[str, Any]:
    """One document's figures, with the speech attributions missed and the speakers judged
    wrong (the FAILURES of the text report)."""
    out = summarize([score])
    speech = [j for j in score.judged if j.cue_class == "speech"]
    out["missed"] = [
        {"gold": j.gold, "cue": j.cue, "source": j.source, "content": _snippet(j.content)}
        for j in speech
        if j.statement is None
    ]
    out["wrong_speaker"] = [
        {
            "gold": j.gold,
            "cue": j.cue,
            "source": j.source,
            "antecedent": j.antecedent,
            "speaker": j.statement.names[0],
        }
        for j in speech
        if j.statement is not None and j.source_ok is False
    ]
    return out


def _snippet(text: str, size: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"
