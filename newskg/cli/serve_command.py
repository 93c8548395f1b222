"""``newskg serve``: ingest, then serve the store over HTTP (see :mod:`server`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from newskg.cli.ingest_command import run_ingest
from newskg.cli.options import (
    BYTE_SIZE,
    date_option,
    model_option,
    open_store,
    server_option,
    setting_option,
    settings_of_run,
    store_option,
)
from server.config import ServerConfig


@click.command()
@click.argument("paths", nargs=-1)
@store_option
@setting_option("host", "--host")
@setting_option("port", "--port", type=int)
@model_option
@date_option
@setting_option("query_timeout", "--query-timeout", type=float)
@setting_option("max_rows", "--max-rows", type=int)
@setting_option("max_query_memory", "--max-query-memory", type=BYTE_SIZE)
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
    settings = settings_of_run(store=store, host=host, port=port, model=params["model"])
    try:
        config = replace(settings.server, store_path=store, **server_values)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    kstore = open_store(store, base=config.base_iri)
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
