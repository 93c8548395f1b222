"""Lexicons kept as data files under ``lexicons/``: loaded once, read-only."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files
from pathlib import Path

LEXICON_DIR = Path(str(files("extract"))) / "lexicons"


@cache
def words(name: str) -> frozenset[str]:
    """A one-entry-per-line list (``#`` starts a comment), lower-cased."""
    path = LEXICON_DIR / name
    with open(path, encoding="utf-8") as f:
        return frozenset(
            line.strip().lower() for line in f if line.strip() and not line.startswith("#")
        )


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV lexicon with a header row; ``#`` lines before the header are comments."""
    path = LEXICON_DIR / name
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))
