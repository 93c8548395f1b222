"""Run the statements extractor over hand-built parses (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from handparse import context, parse

from extract.records import Actor, NonStatement, Statement
from extract.speech import find_statements


@dataclass
class Speech:
    statements: list[Statement]
    non_statements: list[NonStatement]
    actors: dict[str, Actor]

    def label(self, key: str | None) -> str | None:
        return self.actors[key].label if key in self.actors else key

    def said(self) -> list[tuple[str | None, str | None]]:
        """(speaker label, cue) of each statement."""
        return [(self.label(s.speaker), s.cue) for s in self.statements]


@pytest.fixture
def speech(gazetteer):
    """Token table (see ``handparse``) -> what the statements extractor finds in it."""

    def run(table: str) -> Speech:
        ctx = context(parse(table), gazetteer)
        out = list(find_statements(ctx))
        return Speech(
            [s for s in out if isinstance(s, Statement)],
            [s for s in out if isinstance(s, NonStatement)],
            {a.key: a for a in ctx.actors.actors},
        )

    return run
