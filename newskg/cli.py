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
from newskg.settings import Settings, declaration, env_var
from server.config import ServerConfig, declared

log = logging.getLogger("newskg")

QUERY_FORMATS = ("table", "csv", "tsv", "json")
EXPORT_CHOICES = ("turtle", "ntriples", "nquads", "trig", "jsonld", "xml")
NETWORK_CHOICES = ("graphml", "edges-csv")


def _help(name: str) -> str:
    d = declaration(name)
    shown = "unset" if d.default is None else d.default
    return f"{d.help} [env {env_var(name)}; default {shown}]"


def setting_option(name: str, *flags: str, **kwargs: Any) -> Any:
    """A click option for the declared setting ``name``: its environment variable, default and
    help come from the declaration, and the command receives it under the setting's field name
    (so the values go straight into :meth:`Settings.from_env`, never mapped by hand)."""
    d = declaration(name)
    # The help already names the default (and the variable): click need not repeat it.
    return click.option(
        *flags, d.field, envvar=env_var(name), default=d.default, help=_help(name), **kwargs
    )


class _ByteSizeType(click.ParamType):
    """Bytes, or a size such as 800M or 1.5G (:func:`server.config.parse_size`)."""

    name = "size"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from server.config import ByteSize, parse_size

        if value is None or isinstance(value, int):
            return value
        try:
            return ByteSize(parse_size(str(value)))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


_BYTE_SIZE = _ByteSizeType()

store_option = setting_option(
    "store", "-s", "--store", show_default=False, type=click.Path(file_okay=False)
)
model_option = setting_option("model", "--model")


def _open_store(path: str, *, read_only: bool = False, base: str | None = None) -> Any:
    from graph.store import KnowledgeStore, StoreError

    try:
        return KnowledgeStore(
            path, read_only=read_only, base=base or Settings.from_env().server.base_iri
        )
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
    from newskg.distributed import DaskUnavailable, dask_extractor
    from newskg.parallel import ModelSpec, parallel_extractor
    from newskg.pipeline import ingest
    from newskg.progress import Progress
    from newskg.sources import InputError, read_inputs

    if gazetteer_files:  # a bad file is an error before any work starts (the bundled one is not)
        _gazetteer(gazetteer_files)
    spec = ModelSpec(settings.server.model, gazetteer_files)
    batch_size, max_chars = settings.batch_size, settings.max_chars
    max_seconds = settings.max_seconds or None  # 0: no time limit
    workers = _workers(settings.workers)
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
        # Online linking runs in this process, on records: then the workers do not map.
        base = None if link else store.minter.base
        extractor = parallel_extractor(
            spec, workers, batch_size=batch_size, max_seconds=max_seconds, base=base
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
            batch_size=batch_size,
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


def _settings(**values: Any) -> Settings:
    """The settings of this run: declared defaults, NEWSKG_* variables, then these options."""
    try:
        return Settings.from_env(**values)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


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
@model_option
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
    settings = _settings(
        store=store,
        model=model,
        batch_size=batch_size,
        max_chars=max_chars,
        max_seconds=max_seconds,
        workers=workers,
    )
    link = _online_link_hook(settings) if online_linking else None
    with _open_store(store) as kstore:
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
    type=click.Choice((*EXPORT_CHOICES, "nif", *NETWORK_CHOICES)),
    default="turtle",
    show_default=True,
    help="RDF serialisation, nif (the entity mentions as NIF 2.0 Turtle, for GERBIL), or a "
    "network of actors for Gephi (graphml, edges-csv).",
)
@click.option(
    "--kind",
    type=click.Choice(("summit", "statement", "policy")),
    default="summit",
    show_default=True,
    help="With graphml/edges-csv: who met whom (summit), who spoke about whom (statement), "
    "who took a policy against whom (policy).",
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
def export(fmt: str, kind: str, document: str | None, output: str, store: str) -> None:
    """Export the graph (without the ontology) as RDF, or its actor network for Gephi."""
    from graph.store import StoreError

    if fmt == "nif":
        _export_nif(store, document, output)
        return
    if fmt in NETWORK_CHOICES:
        if document is not None:
            raise click.UsageError("--document exports RDF only, not a network")
        _export_network(store, fmt, kind, output)
        return
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


def _export_nif(store: str, document: str | None, output: str) -> None:
    from graph.nif import write_nif

    if document is not None:
        raise click.UsageError("--document exports RDF only; nif exports every document")
    with _open_store(store, read_only=True) as kstore:
        if output == "-":
            n = write_nif(kstore, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open(output, "wb") as f:
                n = write_nif(kstore, f)
    click.echo(f"{n} mentions written as NIF 2.0", err=True)


def _export_network(store: str, fmt: str, kind: str, output: str) -> None:
    from graph.network import write_edges_csv, write_graphml
    from graph.store import StoreError
    from newskg.notebook import KnowledgeGraph

    try:
        kg = KnowledgeGraph(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with kg:
        edges = kg.edges(kind)
    write = write_graphml if fmt == "graphml" else write_edges_csv
    with click.open_file(output, "w", encoding="utf-8") as f:
        write(edges, f)  # type: ignore[arg-type]  # a text file: TextIO to the writers
    click.echo(f"newskg: {len(edges)} {kind} ties written", err=True)


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


def server_option(name: str, *flags: str, **kwargs: Any) -> Any:
    """A click option for the ServerConfig field ``name`` that has no environment variable:
    default and help from its declaration, received under the field's name."""
    d = next(d for d in declared(ServerConfig) if d.field == name)
    return click.option(*flags, name, default=d.default, help=d.help, **kwargs)


@main.command()
@click.argument("paths", nargs=-1)
@store_option
@setting_option("host", "--host")
@setting_option("port", "--port", type=int)
@model_option
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for plain-text files without a NAME.meta.json.",
)
@setting_option("query_timeout", "--query-timeout", type=float)
@setting_option("max_rows", "--max-rows", type=int)
@setting_option("max_query_memory", "--max-query-memory", type=_BYTE_SIZE)
@setting_option("update_token", "--update-token")
@click.option(
    "--threads",
    default=32,
    show_default=True,
    help="HTTP worker threads (waitress); each waits on a query or a slow client, so "
    "more threads than concurrent clients keeps cheap queries from queueing.",
)
@server_option("workers", "--workers", show_default=True, type=click.IntRange(min=0))
@server_option("allow_private_service", "--allow-private-service", is_flag=True)
@server_option("allow_load", "--allow-load", is_flag=True)
@server_option("debug", "--debug", is_flag=True)
def serve(
    paths: tuple[str, ...], store: str, host: str, port: int, date: dt.datetime | None, **_: Any
) -> None:
    """Ingest PATHS (if any), then serve the store: SPARQL at /sparql, a query page at /,
    questions in plain English at /ask (read with --model, loaded on the first question).

    PATHS are ingested with the ingest settings (NEWSKG_MAX_SECONDS, NEWSKG_BATCH_SIZE, ...)."""
    from dataclasses import fields, replace

    from server import create_app
    from server.wsgi import serve as run_server

    # Every other option is named after its ServerConfig field: they go in as they are.
    params = click.get_current_context().params
    server_values = {f.name: params[f.name] for f in fields(ServerConfig) if f.name in params}
    settings = _settings(store=store, host=host, port=port, model=params["model"])
    try:
        config = replace(settings.server, store_path=store, **server_values)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    kstore = _open_store(store, base=config.base_iri)
    if paths:
        summary = run_ingest(paths, kstore, settings, date=date.date() if date else None)
        click.echo(summary.line(), err=True)
    app = create_app(config, store=kstore)
    click.echo(
        f"newskg: serving {store} at http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops",
        err=True,
    )
    try:
        run_server(app, host=host, port=port, threads=params["threads"])
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
@model_option
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
