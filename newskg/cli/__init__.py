"""The ``newskg`` command: one verb per job, each a thin wrapper over a library function.

Data goes to stdout, logs and errors to stderr; a user mistake is one clear line and exit 1.
The verbs live by concern: :mod:`~newskg.cli.ingest_command`, :mod:`~newskg.cli.read_commands`
(query, stats, ask), :mod:`~newskg.cli.export_command`, :mod:`~newskg.cli.serve_command`, with
eval and gazetteer beside their libraries; :mod:`~newskg.cli.options` is what they share.
"""

from __future__ import annotations

import logging
import sys

import click

from newskg import __version__
from newskg.cli.export_command import export
from newskg.cli.ingest_command import ingest, run_ingest
from newskg.cli.read_commands import ask, query, stats
from newskg.cli.serve_command import serve


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


def _register() -> None:
    from newskg.evaluate import eval_command
    from newskg.gazetteer_build import gazetteer_group

    for command in (ingest, query, export, stats, serve, ask, eval_command, gazetteer_group):
        main.add_command(command)


_register()

__all__ = ["main", "run_ingest"]
