"""Knowledge-base entries: the types, the columns of a gazetteer TSV, one row as an
:class:`Entry`, and the positions held a person row carries (:func:`positions_held`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

COLUMNS = (
    "qid",
    "label",
    "type",
    "aliases",
    "demonyms",
    "capital_qid",
    "country_qid",
    "description",
    "sources",
    "enwiki",
    "birth_date",
    "population",
    "positions",
)
"""Columns of a gazetteer TSV, in this order (``data/README.md``); the last four are the
knowledge base's and may be missing from older files."""

PLACE_TYPES = frozenset({"country", "territory", "former_country", "city", "region"})
STATE_TYPES = frozenset({"country", "territory", "former_country"})
ORG_TYPES = frozenset(
    {
        "international_organisation",
        "government_body",
        "legislature",
        "news_agency",
        "company",
        "political_party",
        "newspaper",
    }
)
CLOSED_TYPES = STATE_TYPES | {
    "international_organisation",
    "government_body",
    "legislature",
    "news_agency",
}
"""Types whose names are matched in the text even where the NER found nothing (with
capitals): about 4,500 names. Persons, parties, cities, regions, positions and newspapers — the
open classes, 170k rows in the full knowledge base — are only looked up for NER spans (parties'
short names are too often someone else's initials: "IFF", "AL")."""
TOPIC_TYPES = frozenset({"event", "commodity", "chemical_group"})


@dataclass(frozen=True, slots=True)
class Entry:
    qid: str
    label: str
    type: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital_qid: str | None
    country_qid: str | None
    description: str | None
    enwiki: str | None = None
    birth_date: str | None = None
    population: int | None = None
    positions: str = ""
    """Positions held, as the knowledge base stores them (:func:`positions_held` reads them)."""


@dataclass(frozen=True, slots=True)
class Held:
    """A position a person held: its QID or the source's label, its country, ISO dates
    (a year, a month or a day; empty when unknown or ongoing), and whether it is an office
    (not a seat in a legislature)."""

    position: str
    country_qid: str | None
    start: str
    end: str
    office: bool


@cache
def _parse_positions(cell: str) -> tuple[Held, ...]:
    out = []
    for part in cell.split("|"):
        fields = part.split(";")
        if len(fields) == 5:
            label, country, start, end, kind = fields
            out.append(Held(label, country or None, start, end, kind == "o"))
    return tuple(out)


def positions_held(entry: Entry) -> tuple[Held, ...]:
    """The positions ``entry`` held (parsed on first use: most rows are never asked)."""
    return _parse_positions(entry.positions) if entry.positions else ()
