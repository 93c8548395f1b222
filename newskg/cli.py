"""The ``newskg`` command: one verb per job, each a thin wrapper over a library function.

Data goes to stdout, logs and errors to stderr; a user mistake is one clear line and exit 1.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from newskg import __version__
from newskg.settings import Settings, env_var

log = logging.getLogger("newskg")
DEFAULTS = Settings()

QUERY_FORMATS = ("table", "csv", "tsv", "json")
EXPORT_CHOICES = ("turtle", "ntriples", "nquads", "trig", "jsonld", "xml")


def _help(name: str) -> str:
    from dataclasses import fields

    f = next(f for f in fields(Settings) if f.name == name)
    return f"{f.metadata['help']} [env {env_var(name)}; default {f.default}]"


store_option = click.option(
    "-s",
    "--store",
    "store",
    envvar=env_var("store"),
    default=DEFAULTS.store,
    show_default=False,
    help=_help("store"),
    type=click.Path(file_okay=False),
)


def _open_store(path: str, *, read_only: bool = False, base: str | None = None) -> Any:
    from graph.store import KnowledgeStore, StoreError

    try:
        return KnowledgeStore(path, read_only=read_only, base=base or Settings.from_env().base_iri)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def main(verbose: int, quiet: bool) -> None:
    """Build a knowledge graph of who said and did what from English news, and query it."""
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    logging.basicConfig(level=level, stream=sys.stderr, format="newskg: %(levelname)s: %(message)s")
    # newskg's own progress lines show by default; -vv shows its debug lines too.
    logging.getLogger("newskg").setLevel(
        logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO
    )


def _load_nlp(model: str, gazetteer: tuple[str, ...]) -> Any:
    from extract.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model, gazetteer)
    except (ModelNotFound, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _preload(spec: Any) -> None:
    """Load the pipeline for in-process extraction now: a missing model is a clear error."""
    from extract.nlp import ModelNotFound
    from newskg.parallel import loaded

    try:
        loaded(spec)
    except (ModelNotFound, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _gazetteer(files: tuple[str, ...]) -> Any:
    from extract import gazetteer as gaz

    try:
        return gaz.load(files)
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"gazetteer: {exc}") from exc


def run_ingest(
    paths: tuple[str, ...],
    store: Any,
    *,
    model: str,
    date: dt.date | None,
    gazetteer_files: tuple[str, ...] = (),
    batch_size: int = DEFAULTS.batch_size,
    max_chars: int = 1_000_000,
    max_seconds: float | None = None,
    workers: int = 1,
    dask: str | None = None,
    shard_dir: str | None = None,
    link: Any = None,
    progress: bool = True,
) -> Any:
    """Ingest ``paths`` into an open store, with a progress bar on a terminal.

    ``workers`` extraction processes (1: in this process), or a Dask cluster with ``dask``.
    """
    from extract.nlp import ModelNotFound
    from newskg.distributed import DaskUnavailable, dask_extractor
    from newskg.parallel import ModelSpec, parallel_extractor
    from newskg.pipeline import ingest
    from newskg.progress import Progress
    from newskg.sources import InputError, read_inputs

    _gazetteer(gazetteer_files)  # a bad gazetteer file is an error before any work starts
    spec = ModelSpec(model, gazetteer_files)
    if dask:
        extractor = dask_extractor(
            dask,
            spec,
            shard_dir or f"{str(store.path or 'newskg').rstrip('/')}.shards",
            base=store.minter.base,
            partition_size=batch_size,
            batch_size=batch_size,
            max_seconds=max_seconds,
        )
    else:
        if workers <= 1:
            _preload(spec)
        extractor = parallel_extractor(
            spec, workers, batch_size=batch_size, max_seconds=max_seconds
        )
    bar = Progress(sys.stderr) if progress else None
    if bar:
        bar.count_in_background(paths)
    try:
        # Markup and JSON escapes make files bigger than their text; beyond this, not even read.
        sources = read_inputs(list(paths), default_date=date, max_bytes=10 * max_chars)
        summary = ingest(
            sources,
            store,
            extractor=extractor,
            max_chars=max_chars,
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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--model", envvar=env_var("model"), default=DEFAULTS.model, help=_help("model"))
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for plain-text files without a NAME.meta.json.",
)
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    envvar=env_var("gazetteer"),
    type=click.Path(dir_okay=False),
    help="Knowledge-base TSV: a full build (newskg gazetteer build --extracts) replaces the "
    "bundled core, another file extends it (repeatable).",
)
@click.option(
    "--batch-size",
    envvar=env_var("batch_size"),
    default=DEFAULTS.batch_size,
    show_default=True,
    type=click.IntRange(min=1),
    help=_help("batch_size"),
)
@click.option(
    "--max-chars",
    envvar=env_var("max_chars"),
    default=DEFAULTS.max_chars,
    show_default=True,
    type=click.IntRange(min=1),
    help=_help("max_chars"),
)
@click.option(
    "--max-seconds",
    envvar=env_var("max_seconds"),
    default=DEFAULTS.max_seconds,
    show_default=True,
    type=click.FloatRange(min=0),
    help=_help("max_seconds"),
)
@click.option(
    "-j",
    "--workers",
    envvar=env_var("workers"),
    default=DEFAULTS.workers,
    type=click.IntRange(min=0),
    help=_help("workers"),
)
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
    model: str,
    date: dt.datetime | None,
    gazetteer_files: tuple[str, ...],
    batch_size: int,
    max_chars: int,
    max_seconds: float,
    workers: int,
    dask: str | None,
    shard_dir: str | None,
    online_linking: bool,
) -> None:
    """Extract actors, statements, summits and policies from PATHS into the store.

    PATHS are .txt/.md/.html files (a NAME.meta.json beside one gives its title, date and
    source), folders of them, .jsonl(.gz/.bz2) files of {id, title, date, url, text}, or - for
    JSON lines on stdin. Documents already stored with the same id and text are skipped, so
    re-running an interrupted ingest finishes it.
    """
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
    link = _online_link_hook(Settings.from_env()) if online_linking else None
    with _open_store(store) as kstore:
        summary = run_ingest(
            paths,
            kstore,
            model=model,
            date=date.date() if date else None,
            gazetteer_files=gazetteer_files,
            batch_size=batch_size,
            max_chars=max_chars,
            max_seconds=max_seconds or None,
            workers=_workers(workers),
            dask=dask,
            shard_dir=shard_dir,
            link=link,
        )
    click.echo(summary.line(), err=True)
    if summary.failed and not summary.documents and not summary.skipped:
        raise click.ClickException("no document could be ingested")


def _read_query(query: str | None, file: str | None) -> str:
    if query and file:
        raise click.UsageError("give the query as an argument or with --file, not both")
    if file:
        try:
            return Path(file).read_text(encoding="utf-8") if file != "-" else sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"cannot read {file}: {exc}") from exc
    if query == "-" or (query is None and not sys.stdin.isatty()):
        return sys.stdin.read()
    if not query:
        raise click.UsageError("no query: give it as an argument, with --file, or on stdin")
    return query


@main.command()
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Read the SPARQL query from this file (- for stdin).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default="table",
    show_default=True,
    help="Output for SELECT results.",
)
@store_option
def query(query: str | None, file: str | None, fmt: str, store: str) -> None:
    """Run a SPARQL query against the store (the default graph is the union of all graphs)."""
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

    sparql = _read_query(query, file)
    with _open_store(store, read_only=True) as kstore:
        try:
            results = kstore.query(sparql)
        except SyntaxError as exc:
            raise click.ClickException(f"bad SPARQL: {exc}") from exc
        out = sys.stdout.buffer
        if isinstance(results, QueryBoolean):
            click.echo("true" if bool(results) else "false")
        elif isinstance(results, QuerySolutions):
            if fmt == "table":
                _print_table(results)
            else:
                kind = {
                    "csv": QueryResultsFormat.CSV,
                    "tsv": QueryResultsFormat.TSV,
                    "json": QueryResultsFormat.JSON,
                }[fmt]
                results.serialize(out, format=kind)
        else:
            results.serialize(out, format=RdfFormat.TURTLE)
        out.flush()


def _print_table(results: Any) -> None:
    names = [v.value for v in results.variables]
    rows = [[_cell(sol[name]) for name in names] for sol in results]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    widths = [min(w, 100) for w in widths]
    click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
    click.echo("  ".join("-" * w for w in widths))
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(term: Any) -> str:
    if term is None:
        return ""
    return " ".join(str(term.value).split())


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_CHOICES),
    default="turtle",
    show_default=True,
    help="RDF serialisation.",
)
@click.option("--document", help="Export only this document (its id) and the entities it names.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File to write (default: stdout).",
)
@store_option
def export(fmt: str, document: str | None, output: str, store: str) -> None:
    """Export the graph (without the ontology) as RDF."""
    from graph.store import StoreError

    with _open_store(store, read_only=True) as kstore:
        try:
            if output == "-":
                kstore.export(fmt, sys.stdout.buffer, document=document)
                sys.stdout.buffer.flush()
            else:
                with open(output, "wb") as f:
                    kstore.export(fmt, f, document=document)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@store_option
def stats(as_json: bool, store: str) -> None:
    """Count documents, quads, actors, statements, summits and policies."""
    with _open_store(store, read_only=True) as kstore:
        counts = kstore.stats().as_dict()
    if as_json:
        click.echo(json.dumps(counts))
    else:
        for k, v in counts.items():
            click.echo(f"{k}\t{v}")


@main.command()
@click.argument("paths", nargs=-1)
@store_option
@click.option(
    "--host", envvar=env_var("host"), default=DEFAULTS.host, show_default=True, help=_help("host")
)
@click.option(
    "--port",
    envvar=env_var("port"),
    default=DEFAULTS.port,
    show_default=True,
    type=int,
    help=_help("port"),
)
@click.option("--model", envvar=env_var("model"), default=DEFAULTS.model, help=_help("model"))
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for plain-text files without a NAME.meta.json.",
)
@click.option(
    "--query-timeout",
    envvar=env_var("query_timeout"),
    type=float,
    default=DEFAULTS.query_timeout,
    show_default=True,
    help=_help("query_timeout"),
)
@click.option(
    "--max-rows",
    envvar=env_var("max_rows"),
    type=int,
    default=DEFAULTS.max_rows,
    show_default=True,
    help=_help("max_rows"),
)
@click.option(
    "--update-token",
    envvar=env_var("update_token"),
    default=None,
    help=_help("update_token").replace("default None", "default unset"),
)
@click.option("--threads", default=8, show_default=True, help="HTTP worker threads (waitress).")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    help="Query worker processes (killed and replaced when a query times out).",
)
@click.option(
    "--allow-private-service",
    is_flag=True,
    help="Let SPARQL SERVICE reach loopback/private addresses (off: no proxying into "
    "the host's network).",
)
@click.option("--allow-load", is_flag=True, help="Let SPARQL Update LOAD fetch URLs (off).")
@click.option("--debug", is_flag=True, help="Flask's development server with debug pages.")
def serve(
    paths: tuple[str, ...],
    store: str,
    host: str,
    port: int,
    model: str,
    date: dt.datetime | None,
    query_timeout: float,
    max_rows: int,
    update_token: str | None,
    threads: int,
    workers: int,
    allow_private_service: bool,
    allow_load: bool,
    debug: bool,
) -> None:
    """Ingest PATHS (if any), then serve the store: SPARQL at /sparql, a query page at /,
    questions in plain English at /ask (read with --model, loaded on the first question)."""
    from server import create_app
    from server.config import ServerConfig
    from server.wsgi import serve as run_server

    settings = Settings.from_env()
    kstore = _open_store(store)
    if paths:
        summary = run_ingest(paths, kstore, model=model, date=date.date() if date else None)
        click.echo(summary.line(), err=True)
    try:
        config = ServerConfig(
            store_path=store,
            base_iri=settings.base_iri,
            query_timeout_s=query_timeout,
            max_rows=max_rows,
            update_token=update_token,
            workers=workers,
            debug=debug,
            allow_private_service=allow_private_service,
            allow_load=allow_load,
            model=model,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    app = create_app(config, store=kstore)
    click.echo(
        f"newskg: serving {store} at http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops",
        err=True,
    )
    try:
        run_server(app, host=host, port=port, threads=threads)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
    finally:
        kstore.close()


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text for people; json: {question, sparql, results, understood} for scripts.",
)
@store_option
@click.option("--model", envvar=env_var("model"), default=DEFAULTS.model, help=_help("model"))
def ask(question: tuple[str, ...], fmt: str, store: str, model: str) -> None:
    """Answer a QUESTION in plain English, showing the SPARQL it ran.

    e.g. newskg ask "what did Xi say about Taiwan"; "who met whom"; "which policies concern
    soybeans". A question no pattern fits gets the nearest supported ones and an example query.
    """
    from extract.questions import QuestionError
    from newskg.ask import ask as run_ask
    from newskg.ask import to_json, to_text

    with _open_store(store, read_only=True) as kstore:
        nlp = _load_nlp(model, ())
        try:
            result = run_ask(kstore, nlp, " ".join(question))
        except QuestionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(to_json(result) if fmt == "json" else to_text(result))


def _register_plugins() -> None:
    from newskg.evaluate import eval_command
    from newskg.gazetteer_build import gazetteer_group

    main.add_command(eval_command)
    main.add_command(gazetteer_group)


_register_plugins()


if __name__ == "__main__":
    main()
