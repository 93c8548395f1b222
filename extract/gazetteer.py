"""The offline Wikidata gazetteer: names, aliases and demonyms to QIDs.

Loaded from a TSV file (the bundled ``data/gazetteer.tsv`` or one a user builds) into an index
keyed by normalised name. The index only answers look-ups; deciding which candidate a mention in
context means is :mod:`extract.linking`'s job.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

# The key the index is built on (extract.normalise.name_key: quotes, accents, case, dots, 'the').
from extract.normalise import name_key as normalise

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


_SHORT = re.compile(r"[A-Za-z]{2,3}")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "et"})


def initials(name: str) -> str:
    """'United Kingdom' -> 'UK', 'People's Republic of China' -> 'PRC' (minor words skipped)."""
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019]*", name)
    return "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()


def is_code(alias: str, entry: Entry) -> bool:
    """Whether ``alias`` of a place is a country code (ISO "IN", "EC", "ecu") and not a name.

    Sources list ISO 3166 codes among country aliases; written in a text they are ordinary
    words ("IN", "AL", "ME") or mean something else ("EC"). A short alias of a place counts as a
    name only when it is written in capitals and is the initials of the label or of a dotted
    alias ("UK" for United Kingdom, "US" beside "U.S.", "UAE", "PRC"); every other one is a code.
    """
    if entry.type not in PLACE_TYPES or not _SHORT.fullmatch(alias):
        return False
    if not alias.isupper():
        return True
    if initials(entry.label) == alias:
        return False
    dotted = {a.replace(".", "") for a in entry.aliases if "." in a}
    return alias not in dotted


class Gazetteer:
    """Look-ups over gazetteer entries.

    Country codes among the aliases (see :func:`is_code`) are kept apart in :attr:`codes`:
    :meth:`lookup` and :meth:`names` never return an entry for them.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_qid: dict[str, Entry] = {e.qid: e for e in entries}
        self._names: dict[str, list[Entry]] = defaultdict(list)
        self._labels: dict[str, list[Entry]] = defaultdict(list)
        self._demonyms: dict[str, list[Entry]] = defaultdict(list)
        self.codes: dict[str, list[Entry]] = defaultdict(list)
        self.capital_of: dict[str, Entry] = {}
        for e in entries:
            self._labels[normalise(e.label)].append(e)
            for name in (e.label, *e.aliases):
                key = normalise(name)
                if name != e.label and is_code(name, e):
                    if e not in self.codes[key.upper()]:
                        self.codes[key.upper()].append(e)
                    continue
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
        """Entries whose label or alias is ``name`` (normalised); those it is the label of first."""
        key = normalise(name)
        found = self._names.get(key, ())
        labelled = [e for e in found if e in self._labels.get(key, ())]
        return labelled + [e for e in found if e not in labelled]

    def is_label(self, name: str, entry: Entry) -> bool:
        """Whether ``name`` is ``entry``'s label (not only an alias)."""
        return entry in self._labels.get(normalise(name), ())

    def state_of(self, entry: Entry) -> Entry | None:
        """The state a capital stands for ("Beijing" -> People's Republic of China)."""
        return self.capital_of.get(entry.qid) if entry.type == "city" else None

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
