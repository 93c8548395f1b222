"""``newskg eval GOLD_DIR``: measure the whole pipeline against hand-made gold annotations.

The texts beside the gold files (``ID.txt``, dates from ``ID.meta.json``) are ingested into a
fresh in-memory store (or ``--store``), and every number is computed from SPARQL queries over the
built graph, so extraction, mapping and storage are measured together. The gold format and the
counting rules are those of ``/work/shared/eval/README.md``:

* statements match on speaker (Wikidata QID, or a label/altLabel equal to the canonical name or
  one of its gold mentions) and on evidence (the statement's ``nkg:text`` contains the gold
  evidence, quotes and white space normalised), one to one; predictions matched to a gold item
  with ``required: false`` are dropped from both counts;
* summits and policies match on evidence overlap (character spans), kind and
  participants/actor;
* questions are asked as written, through ``newskg ask`` on the measured store (as a researcher
  gets them); the report also gives the count of one SPARQL query each from the gold speaker
  and topic labels, which measures the ``about`` labels instead.

The measuring logic is in small pure functions (:mod:`newskg.evaluation.gold_match`:
:func:`normalise`, :func:`locate`, :func:`ref_matches`, :func:`match_one_to_one`, :func:`prf`
...) so that it can be tested without a model; the graph is read only through the ``*_QUERY``
constants of :mod:`newskg.evaluation.gold_queries`. Statements, questions and non-entities are
scored in :mod:`~newskg.evaluation.gold_statements`, summits, policies and links in
:mod:`~newskg.evaluation.gold_events`, and summed and printed in
:mod:`~newskg.evaluation.gold_report`; this module reads the gold files, runs the ingest and
holds the command (``--format brat``: :mod:`newskg.evaluation.brat_eval`). The names below are
re-exported so that ``newskg.evaluate.X`` keeps working.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from extract import DEFAULT_MODEL
from newskg.evaluation.gold_events import score_linking, score_policies, score_summits
from newskg.evaluation.gold_graph import GraphView, Predicted, read_graph
from newskg.evaluation.gold_match import (
    ANONYMOUS,
    KNOWN_STATUSES,
    Counter,
    Entity,
    Ref,
    any_matches,
    contains,
    count_matches,
    judge_question,
    locate,
    match_one_to_one,
    name_key,
    normalise,
    overlaps,
    prf,
    qid_of,
    quantity_correct,
    ratio,
    ref_matches,
    resolve,
    status_correct,
)
from newskg.evaluation.gold_queries import bind_doc, question_query
from newskg.evaluation.gold_report import format_report, overall, score_document
from newskg.evaluation.gold_statements import (
    Asker,
    score_not_entities,
    score_questions,
    score_statements,
)
from newskg.evaluation.running import ingest_missing, load_model, version

__all__ = [
    "ANONYMOUS",
    "KNOWN_STATUSES",
    "Counter",
    "Entity",
    "GoldDoc",
    "GraphView",
    "Predicted",
    "Ref",
    "any_matches",
    "bind_doc",
    "contains",
    "count_matches",
    "eval_command",
    "evaluate",
    "format_report",
    "judge_question",
    "load_gold",
    "load_model",
    "locate",
    "match_one_to_one",
    "name_key",
    "normalise",
    "overall",
    "overlaps",
    "prf",
    "qid_of",
    "quantity_correct",
    "question_query",
    "ratio",
    "read_graph",
    "ref_matches",
    "resolve",
    "score_document",
    "score_linking",
    "score_not_entities",
    "score_policies",
    "score_questions",
    "score_statements",
    "score_summits",
    "status_correct",
]


@dataclass
class GoldDoc:
    id: str
    gold: dict[str, Any]
    text_path: Path


def load_gold(gold_dir: str | Path, only: Sequence[str] = ()) -> list[GoldDoc]:
    """The ``*.gold.json`` files of ``gold_dir`` (restricted to ``only`` ids), each with the
    text file beside it.

    Raises:
        click.ClickException: no gold file, an unreadable one, or a missing text.
    """
    root = Path(gold_dir)
    docs = []
    for path in sorted(root.glob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"{path}: unreadable gold file: {exc}") from exc
        doc_id = str(gold.get("doc") or path.name[: -len(".gold.json")])
        if only and doc_id not in only:
            continue
        text_path = root / (gold.get("file") or f"{doc_id}.txt")
        if not text_path.is_file():
            raise click.ClickException(f"{path}: no text file {text_path.name} beside it")
        docs.append(GoldDoc(doc_id, gold, text_path))
    if not docs:
        wanted = f" with id {', '.join(only)}" if only else ""
        raise click.ClickException(f"{root}: no *.gold.json files{wanted}")
    return docs


def evaluate(
    gold_dir: str | Path,
    *,
    store: Any = None,
    model: str = DEFAULT_MODEL,
    only: Sequence[str] = (),
    nlp: Any = None,
    gazetteer_files: Sequence[str] = (),
) -> dict[str, Any]:
    """Ingest the texts beside the gold files and measure everything; returns the report.

    ``store`` is an open :class:`graph.store.KnowledgeStore` (a fresh in-memory one if
    ``None``); ``nlp`` a loaded pipeline (loaded from ``model`` when needed). A document whose
    extraction fails is listed under ``failed_documents`` and scored as an empty graph.
    """
    from graph.store import KnowledgeStore
    from newskg.sources import SourceDocument, SourceError, read_inputs

    measured = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    golds = load_gold(gold_dir, only)
    store = store if store is not None else KnowledgeStore(None)
    sources: list[SourceDocument] = []
    for g in golds:
        for src in read_inputs([str(g.text_path)]):
            if isinstance(src, SourceError):
                raise click.ClickException(f"{src.origin}: {src.reason}")
            sources.append(src)
    if nlp is None and any(g.gold.get("questions") for g in golds):
        nlp = load_model(model, gazetteer_files)  # to read the questions as `newskg ask` does
    failed = ingest_missing(sources, store, nlp, model, gazetteer_files)
    asker = _asker(store, nlp) if nlp is not None else None
    docs = {}
    failures = {}
    empty = None
    for g, src in zip(golds, sources, strict=True):
        if src.origin in failed:
            # Scored as an empty graph: a crash must not look better than a poor extraction
            # (nor may a stale copy of the document in a --store be measured).
            failures[g.id] = failed[src.origin]
            empty = empty or KnowledgeStore(None)
            docs[g.id] = score_document(g.gold, empty, empty.document_iri(src.id), src.text)
        else:
            docs[g.id] = score_document(g.gold, store, store.document_iri(src.id), src.text, asker)
    return {
        "measured_at": measured,
        "gold_dir": str(gold_dir),
        "model": model,
        "newskg_version": version(),
        "failed_documents": failures,
        "documents": docs,
        "overall": overall(docs),
    }


def _asker(store: Any, nlp: Any) -> Asker:
    """Questions put as a researcher puts them: ``newskg ask`` on the measured store."""
    from extract.questions import QuestionError
    from newskg.ask import ask

    def asked(question: str) -> tuple[str, list[str]]:
        try:
            result = ask(store, nlp, question)
        except QuestionError:  # an empty or overlong question in the gold: refused
            return "refused", []
        return result.status, [str(r.get("text") or "") for r in result.results]

    return asked


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-s",
    "--store",
    "store_path",
    type=click.Path(file_okay=False),
    default=None,
    help="Ingest into (and measure) this on-disk store; default: a temporary in-memory store.",
)
@click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="spaCy pipeline to load (an installed package name or a path).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Knowledge-base TSV, as for ingest (a full build replaces the bundled core).",
)
@click.option(
    "--only",
    multiple=True,
    metavar="ID",
    help="Measure only the document with this id (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gold", "brat"]),
    default="gold",
    show_default=True,
    help="gold: ID.gold.json files; brat: a BRAT attribution corpus (text/ + attributions/, "
    "or NAME.ann beside NAME.txt), scored on speech cues, speakers and content.",
)
@click.option(
    "--labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="With --format brat: a TSV mapping the corpus's BRAT labels to source/cue/content/"
    "attribution (default: PolNeAR's labels and common spellings).",
)
def eval_command(
    gold_dir: str,
    store_path: str | None,
    model: str,
    as_json: bool,
    gazetteer_files: tuple[str, ...],
    only: tuple[str, ...],
    fmt: str,
    labels: Path | None,
) -> None:
    """Measure extraction against the gold annotations in GOLD_DIR.

    GOLD_DIR holds ID.gold.json files with ID.txt (and ID.meta.json) beside them. The texts are
    ingested, and statements, questions, summits, policies and entity links are scored from
    SPARQL queries over the built graph: per document and micro-averaged overall. With
    --format brat, GOLD_DIR is a BRAT attribution corpus (README, "How good is the extraction").
    """
    from graph.store import KnowledgeStore, StoreError

    try:
        store = KnowledgeStore(store_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        if fmt == "brat":
            report = _brat_report(gold_dir, store, model, only, labels, gazetteer_files)
        else:
            report = evaluate(
                gold_dir, store=store, model=model, only=only, gazetteer_files=gazetteer_files
            )
    finally:
        store.close()
    if as_json:
        json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    elif fmt == "brat":
        from newskg.evaluation.brat_text import format_brat_report

        click.echo(format_brat_report(report))
    else:
        click.echo(format_report(report))


def _brat_report(
    corpus: str,
    store: Any,
    model: str,
    only: tuple[str, ...],
    labels: Path | None,
    gazetteer_files: tuple[str, ...] = (),
) -> dict[str, Any]:
    from newskg.evaluation.brat import BratError
    from newskg.evaluation.brat_eval import evaluate_brat

    try:
        return evaluate_brat(
            corpus,
            store=store,
            model=model,
            only=only,
            labels_path=labels,
            gazetteer_files=gazetteer_files,
        )
    except BratError as exc:
        raise click.ClickException(str(exc)) from exc
