"""``newskg export``: the graph as RDF, its entity mentions as NIF, or its actor network."""

from __future__ import annotations

import sys

import click

from newskg.cli.options import open_store, store_option

EXPORT_CHOICES = ("turtle", "ntriples", "nquads", "trig", "jsonld", "xml")
NETWORK_CHOICES = ("graphml", "edges-csv")


@click.command()
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
    with open_store(store, read_only=True) as kstore:
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
    with open_store(store, read_only=True) as kstore:
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
