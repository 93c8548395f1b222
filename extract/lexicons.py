"""Lexicons kept as data files under ``lexicons/``: loaded once, read-only, validated on load.

Every TSV lexicon declares its schema in its own header, in lines that start with ``#@``::

    #@ columns: form pos kind needs
    #@ values pos: NOUN VERB
    #@ values needs: - export import quantity trade
    #@ values-list variants|: ...      (not needed: a column without a values line is free text)

``columns`` must equal the header row; ``values COLUMN`` lists what that column may hold (a
cell holding anything else is a :class:`LexiconError` naming the file and line), and
``values-list COLUMN`` does the same for a ``|``-separated column, item by item. A row with
more or fewer cells than the header is an error too. So a typo in a lexicon stops the program
with the place to fix it instead of silently disabling a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

LEXICON_DIR = Path(str(files("extract"))) / "lexicons"


class LexiconError(ValueError):
    """A lexicon file breaks its declared schema; the message names file and line."""


@dataclass(frozen=True)
class Schema:
    """What a TSV lexicon declares about itself in its ``#@`` lines."""

    columns: tuple[str, ...]
    values: dict[str, frozenset[str]] = field(default_factory=dict)
    list_values: dict[str, frozenset[str]] = field(default_factory=dict)


def _parse_directive(schema: dict[str, object], text: str, where: str) -> None:
    key, sep, rest = text.partition(":")
    if not sep:
        raise LexiconError(f"{where}: a '#@' line needs 'name: values'")
    words = rest.split()
    match key.split():
        case ["columns"]:
            schema["columns"] = tuple(words)
        case ["values", column]:
            schema.setdefault("values", {})[column] = frozenset(words)  # type: ignore[index]
        case ["values-list", column]:
            schema.setdefault("list_values", {})[column] = frozenset(words)  # type: ignore[index]
        case _:
            raise LexiconError(f"{where}: unknown schema line '#@ {text.strip()}'")


def read_table(path: Path) -> tuple[dict[str, str], ...]:
    """Read and validate one TSV lexicon (see the module docstring for the schema lines)."""
    declared: dict[str, object] = {}
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            where = f"{path.name}:{number}"
            line = raw.rstrip("\n")
            if line.startswith("#@"):
                _parse_directive(declared, line[2:], where)
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                schema = _schema_for(declared, header, path.name)
                continue
            if len(cells) != len(header):
                raise LexiconError(
                    f"{where}: {len(cells)} cells where the header has {len(header)}"
                )
            row = dict(zip(header, cells, strict=True))
            _check_row(schema, row, where)
            rows.append(row)
    if header is None:
        raise LexiconError(f"{path.name}: no header row")
    return tuple(rows)


def _schema_for(declared: dict[str, object], header: list[str], name: str) -> Schema:
    columns = declared.get("columns")
    if columns is None:
        raise LexiconError(f"{name}: no '#@ columns:' line declares the schema")
    if list(columns) != header:  # type: ignore[call-overload]
        raise LexiconError(f"{name}: header {header} is not the declared columns {list(columns)}")  # type: ignore[call-overload]
    schema = Schema(
        columns=tuple(columns),  # type: ignore[arg-type]
        values=dict(declared.get("values", {})),  # type: ignore[call-overload]
        list_values=dict(declared.get("list_values", {})),  # type: ignore[call-overload]
    )
    for column in (*schema.values, *schema.list_values):
        if column not in schema.columns:
            raise LexiconError(f"{name}: values declared for unknown column '{column}'")
    return schema


def _check_row(schema: Schema, row: dict[str, str], where: str) -> None:
    for column, allowed in schema.values.items():
        if row[column] not in allowed:
            raise LexiconError(
                f"{where}: {column} '{row[column]}' is not one of {' '.join(sorted(allowed))}"
            )
    for column, allowed in schema.list_values.items():
        for item in row[column].split("|"):
            if item and item not in allowed:
                raise LexiconError(
                    f"{where}: {column} item '{item}' is not one of {' '.join(sorted(allowed))}"
                )


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
    """A TSV lexicon with a header row, validated against the schema it declares."""
    return read_table(LEXICON_DIR / name)


@cache
def schema(name: str) -> Schema:
    """The schema a TSV lexicon declares in its ``#@`` lines (so code can check its own rules
    against the values the file allows)."""
    declared: dict[str, object] = {}
    with open(LEXICON_DIR / name, encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.rstrip("\n")
            if line.startswith("#@"):
                _parse_directive(declared, line[2:], f"{name}:{number}")
            elif line.strip() and not line.startswith("#"):
                return _schema_for(declared, line.split("\t"), name)
    raise LexiconError(f"{name}: no header row")


@cache
def word_class(name: str, cls: str) -> frozenset[str]:
    """The ``word`` cells of the rows of a ``word class`` TSV lexicon whose class is ``cls``;
    a class the file does not declare is an error, so a misspelt class is never an empty set."""
    if cls not in schema(name).values.get("class", frozenset()):
        raise LexiconError(f"{name}: no class '{cls}' is declared")
    return frozenset(r["word"] for r in table(name) if r["class"] == cls)
