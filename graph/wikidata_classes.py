"""The Wikidata classes newskg accepts, read from ``graph/data/wikidata_classes.tsv``.

Each class QID there names the public file that states its label, so no class is typed from
memory. The online linker accepts a candidate item only when one of its ``P31`` ("instance of")
values is a class of the mention's kind; ``newskg gazetteer build`` types dump items by them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CLASSES_TSV = Path(__file__).resolve().parent / "data" / "wikidata_classes.tsv"


@dataclass(frozen=True, slots=True)
class WikidataClass:
    qid: str
    label: str
    kinds: frozenset[str]
    """Mention groups of the online linker: person, country, city, place, organization."""
    gazetteer_type: str | None
    source: str


@cache
def wikidata_classes() -> tuple[WikidataClass, ...]:
    with open(CLASSES_TSV, encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return tuple(
            WikidataClass(
                qid=row["qid"],
                label=row["label"],
                kinds=frozenset(row["kinds"].split()),
                gazetteer_type=None if row["gazetteer_type"] == "-" else row["gazetteer_type"],
                source=row["source"],
            )
            for row in csv.DictReader(lines, delimiter="\t")
        )


def classes_by_kind() -> dict[str, frozenset[str]]:
    """Mention group -> the class QIDs a candidate of that group may be an instance of."""
    groups: dict[str, set[str]] = {}
    for c in wikidata_classes():
        for kind in c.kinds:
            groups.setdefault(kind, set()).add(c.qid)
    return {kind: frozenset(qids) for kind, qids in groups.items()}


def gazetteer_type_of_class() -> dict[str, str]:
    """Class QID -> gazetteer type, in the file's order (the first class found wins)."""
    return {c.qid: c.gazetteer_type for c in wikidata_classes() if c.gazetteer_type}
