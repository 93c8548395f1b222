"""The offline Wikidata gazetteer: names, aliases and demonyms to QIDs.

Loaded from a TSV file (the bundled ``data/gazetteer.tsv`` or one a user builds) into an index
keyed by normalised name. The index only answers look-ups; deciding which candidate a mention in
context means is :mod:`extract.linking`'s job.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

BUNDLED_GAZETTEER = Path(str(files("extract"))) / "data" / "gazetteer.tsv"

PLACE_TYPES = frozenset({"country", "territory", "former_country", "city"})
STATE_TYPES = frozenset({"country", "territory", "former_country"})
ORG_TYPES = frozenset(
    {"international_organisation", "government_body", "legislature", "news_agency", "company"}
)
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


_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(name: str) -> str:
    """The key names are looked up by: case, accents, curly quotes, dots and 'the' folded.

    >>> normalise("the  U.S.")
    'us'
    >>> normalise("People’s Republic of China")
    "people's republic of china"
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _SPACE.sub(" ", text.translate(_QUOTES).replace(".", "").strip().lower())
    if text.startswith("the "):
        text = text[4:]
    return text


class Gazetteer:
    """Look-ups over gazetteer entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_qid: dict[str, Entry] = {e.qid: e for e in entries}
        self._names: dict[str, list[Entry]] = defaultdict(list)
        self._demonyms: dict[str, list[Entry]] = defaultdict(list)
        self.capital_of: dict[str, Entry] = {}
        for e in entries:
            for name in (e.label, *e.aliases):
                key = normalise(name)
                if key and e not in self._names[key]:
                    self._names[key].append(e)
            for d in e.demonyms:
                self._demonyms[normalise(d)].append(e)
            if e.capital_qid and e.type == "country":
                self.capital_of[e.capital_qid] = e

    @classmethod
    def from_tsv(cls, path: str | Path) -> Gazetteer:
        """Read a gazetteer TSV (columns as in ``data/README.md``).

        Raises:
            ValueError: a required column is missing.
        """
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"qid", "label", "type"} - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path}: missing gazetteer columns {sorted(missing)}")
            entries = [
                Entry(
                    qid=row["qid"].strip(),
                    label=row["label"].strip(),
                    type=row["type"].strip(),
                    aliases=_split(row.get("aliases")),
                    demonyms=_split(row.get("demonyms")),
                    capital_qid=(row.get("capital_qid") or "").strip() or None,
                    country_qid=(row.get("country_qid") or "").strip() or None,
                    description=(row.get("description") or "").strip() or None,
                )
                for row in reader
                if row.get("qid", "").strip().startswith("Q")
            ]
        return cls(entries)

    @classmethod
    def merge(cls, *gazetteers: Gazetteer) -> Gazetteer:
        """Later gazetteers win on a shared QID."""
        by_qid: dict[str, Entry] = {}
        for g in gazetteers:
            by_qid.update(g.by_qid)
        return cls(list(by_qid.values()))

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose label or alias is ``name`` (normalised)."""
        return list(self._names.get(normalise(name), ()))

    def demonym(self, word: str) -> list[Entry]:
        """States whose demonym is ``word`` ("Chinese" -> China)."""
        return list(self._demonyms.get(normalise(word), ()))

    def names(self) -> dict[str, list[Entry]]:
        """Every normalised name with its entries (for building matchers)."""
        return self._names

    def demonym_names(self) -> dict[str, list[Entry]]:
        return self._demonyms


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@cache
def bundled() -> Gazetteer:
    """The gazetteer shipped with newskg (loaded once per process)."""
    return Gazetteer.from_tsv(BUNDLED_GAZETTEER)


def load(paths: tuple[str, ...] = (), *, include_bundled: bool = True) -> Gazetteer:
    """The bundled gazetteer, extended (or replaced) by user files."""
    parts = [bundled()] if include_bundled else []
    parts += [Gazetteer.from_tsv(p) for p in paths]
    if not parts:
        raise ValueError("no gazetteer: give a file or keep the bundled one")
    return parts[0] if len(parts) == 1 else Gazetteer.merge(*parts)
