"""What both kinds of ``newskg eval`` share to build the graph they measure: the model, the
ingest of the documents a store does not hold yet, and the version stamp of a report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click


def load_model(model: str, gazetteer_files: Sequence[str] = ()) -> Any:
    """The spaCy pipeline of ``newskg ingest`` (model plus newskg components)."""
    from extract.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model, tuple(gazetteer_files))
    except (ModelNotFound, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def version() -> str:
    from newskg import __version__

    return __version__


def ingest_missing(
    sources: Sequence[Any],
    store: Any,
    nlp: Any,
    model: str,
    gazetteer_files: Sequence[str] = (),
) -> dict[str, str]:
    """Ingest the :class:`newskg.sources.SourceDocument` s that the store does not hold with
    the same id and text (as ``newskg ingest`` would: the bundled knowledge base, or
    ``gazetteer_files``); returns the failed ones, origin -> reason. ``nlp`` is loaded from
    ``model`` only if something is ingested."""
    from newskg.pipeline import ingest, sha256

    todo = [
        s
        for s in sources
        if not any(d.sha256 == sha256(s.text) for d in store.find_document(doc_id=s.id))
    ]
    if not todo:
        return {}
    from extract import gazetteer as gaz

    nlp = nlp if nlp is not None else load_model(model, gazetteer_files)
    summary = ingest(todo, store, nlp, gaz.load(tuple(gazetteer_files)))
    return {f.origin: f.reason for f in summary.failures}
