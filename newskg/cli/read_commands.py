"""The verbs that read the store: ``newskg query`` (SPARQL), ``stats`` and ``ask`` (plain
English)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from newskg.cli.options import load_nlp, model_option, open_store, store_option

QUERY_FORMATS = ("table", "csv", "tsv", "json")


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


@click.command()
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
    with open_store(store, read_only=True) as kstore:
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


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@store_option
def stats(as_json: bool, store: str) -> None:
    """Count documents, quads, actors, statements, summits and policies."""
    with open_store(store, read_only=True) as kstore:
        counts = kstore.stats().as_dict()
    if as_json:
        click.echo(json.dumps(counts))
    else:
        for k, v in counts.items():
            click.echo(f"{k}\t{v}")


@click.command()
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

    with open_store(store, read_only=True) as kstore:
        nlp = load_nlp(model, ())
        try:
            result = run_ask(kstore, nlp, " ".join(question))
        except QuestionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(to_json(result) if fmt == "json" else to_text(result))
