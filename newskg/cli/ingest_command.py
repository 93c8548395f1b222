"""``newskg ingest``, and :func:`run_ingest`, which ``newskg serve`` uses too."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from newskg.cli.options import (
    date_option,
    model_option,
    open_store,
    setting_option,
    settings_of_run,
    store_option,
)
from newskg.settings import Settings, env_var


def _gazetteer(files: tuple[str, ...]) -> Any:
    from extract import gazetteer as gaz

    try:
        return gaz.load(files)
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"gazetteer: {exc}") from exc


def run_ingest(
    paths: tuple[str, ...],
    store: Any,
    settings: Settings,
    *,
    date: dt.date | None,
    gazetteer_files: tuple[str, ...] = (),
    dask: str | None = None,
    shard_dir: str | None = None,
    link: Any = None,
    progress: bool = True,
) -> Any:
    """Ingest ``paths`` into an open store, with a progress bar on a terminal.

    The model, batch size and per-document limits are the ``settings``; extraction runs in
    ``settings.workers`` worker processes, or on a Dask cluster with ``dask``.
    """
    from extract.nlp import ModelNotFound
    from newskg.distributed import DaskUnavailable
    from newskg.pipeline import ingest
    from newskg.progress import Progress
    from newskg.sources import InputError, read_inputs

    if gazetteer_files:  # a bad file is an error before any work starts (the bundled one is not)
        _gazetteer(gazetteer_files)
    extractor = _extractor(store, settings, gazetteer_files, dask, shard_dir, link)
    bar = Progress(sys.stderr) if progress else None
    if bar:
        bar.count_in_background(paths)
    try:
        # Markup and JSON escapes make files bigger than their text; beyond this, not even read.
        sources = read_inputs(list(paths), default_date=date, max_bytes=10 * settings.max_chars)
        summary = ingest(
            sources,
            store,
            extractor=extractor,
            batch_size=settings.batch_size,
            max_chars=settings.max_chars,
            link=link,
            on_document=bar.update if bar else None,
            on_failure=lambda e: _say(bar, f"skipped {e.origin}: {e.reason}"),
        )
    except (InputError, ModelNotFound, DaskUnavailable) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar:
            bar.close()
    return summary


def _extractor(
    store: Any,
    settings: Settings,
    gazetteer_files: tuple[str, ...],
    dask: str | None,
    shard_dir: str | None,
    link: Any,
) -> Any:
    """Where extraction runs: ``settings.workers`` processes, or the Dask cluster ``dask``."""
    from newskg.distributed import dask_extractor
    from newskg.parallel import ModelSpec, parallel_extractor

    spec = ModelSpec(settings.server.model, gazetteer_files)
    batch_size = settings.batch_size
    max_seconds = settings.max_seconds or None  # 0: no time limit
    if dask:
        return dask_extractor(
            dask,
            spec,
            shard_dir or f"{str(store.path or 'newskg').rstrip('/')}.shards",
            base=store.minter.base,
            partition_size=batch_size,
            batch_size=batch_size,
            max_seconds=max_seconds,
        )
    # Online linking runs in this process, on records: then the workers do not map.
    base = None if link else store.minter.base
    return parallel_extractor(
        spec, _workers(settings.workers), batch_size=batch_size, max_seconds=max_seconds, base=base
    )


def _say(bar: Any, line: str) -> None:
    """A line on stderr, above the progress bar if there is one."""
    if bar:
        bar.write(line)
    else:
        click.echo(line, err=True)


def _workers(value: int) -> int:
    from newskg.parallel import default_workers

    return value if value > 0 else default_workers()


def _online_link_hook(settings: Settings) -> Any:
    from graph.linking import online_link_hook

    return online_link_hook(
        cache_dir=Path(settings.cache_dir) / "wikidata",
        endpoint=settings.wikidata_api,
        user_agent=settings.wikidata_user_agent,
    )


@click.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@model_option
@date_option
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    envvar=env_var("gazetteer"),
    type=click.Path(dir_okay=False),
    help="Knowledge-base TSV: a full build (newskg gazetteer build --extracts) replaces the "
    "bundled core, another file extends it (repeatable).",
)
@setting_option("batch_size", "--batch-size", type=click.IntRange(min=1))
@setting_option("max_chars", "--max-chars", type=click.IntRange(min=1))
@setting_option("max_seconds", "--max-seconds", type=click.FloatRange(min=0))
@setting_option("workers", "-j", "--workers", type=click.IntRange(min=0))
@click.option(
    "--dask",
    "dask",
    metavar="SCHEDULER",
    help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786), or "
    "local[:N] for a local cluster of N processes; needs newskg[dask].",
)
@click.option(
    "--shard-dir",
    type=click.Path(file_okay=False),
    help="With --dask: folder for the N-Quads shards, seen by the workers and this "
    "machine [default: STORE.shards].",
)
@click.option(
    "--online-linking",
    is_flag=True,
    help="Also link entities the bundled gazetteer misses through the Wikidata API "
    "(network; answers cached under the cache_dir setting).",
)
def ingest(
    paths: tuple[str, ...],
    store: str,
    date: dt.datetime | None,
    gazetteer_files: tuple[str, ...],
    dask: str | None,
    shard_dir: str | None,
    online_linking: bool,
    **setting_values: Any,
) -> None:
    """Extract actors, statements, summits and policies from PATHS into the store.

    PATHS are .txt/.md/.html files (a NAME.meta.json beside one gives its title, date and
    source), folders of them, .jsonl(.gz/.bz2) files of {id, title, date, url, text}, or - for
    JSON lines on stdin. Documents already stored with the same id and text are skipped, so
    re-running an interrupted ingest finishes it.
    """
    _check_dask(dask, online_linking)
    # The other options are named after their settings (model, batch_size, ...): in as they are.
    settings = settings_of_run(store=store, **setting_values)
    link = _online_link_hook(settings) if online_linking else None
    with open_store(store) as kstore:
        summary = run_ingest(
            paths,
            kstore,
            settings,
            date=date.date() if date else None,
            gazetteer_files=gazetteer_files,
            dask=dask,
            shard_dir=shard_dir,
            link=link,
        )
    click.echo(summary.line(), err=True)
    if summary.failed and not summary.documents and not summary.skipped:
        raise click.ClickException("no document could be ingested")


def _check_dask(dask: str | None, online_linking: bool) -> None:
    """Refuse, before any work, a --dask that is malformed or that --online-linking excludes."""
    if dask and online_linking:
        raise click.UsageError(
            "--online-linking runs in this process; it cannot be combined with --dask"
        )
    if dask:
        from newskg.distributed import parse_scheduler

        try:
            parse_scheduler(dask)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
