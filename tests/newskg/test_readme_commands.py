"""The README's command table lists every verb `newskg --help` offers, and nothing else."""

from __future__ import annotations

import re

import click
from tests_support import ROOT

from newskg.cli import main


def _command_lines(group: click.Group, prefix: str = "newskg") -> set[str]:
    """``newskg VERB`` for each verb, ``newskg GROUP VERB`` for the verbs of a group."""
    out: set[str] = set()
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out |= _command_lines(command, f"{prefix} {name}")
        else:
            out.add(f"{prefix} {name}")
    return out


def _readme_table() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(newskg [a-z ]+?)(?: [A-Z\[]|`)", section, re.MULTILINE)
    return set(rows)


def test_the_command_table_lists_every_verb_and_only_those() -> None:
    verbs = _command_lines(main)
    assert "newskg ask" in verbs and "newskg gazetteer build" in verbs
    assert _readme_table() == verbs
