"""The offline Wikidata gazetteer: names, aliases and demonyms to QIDs.

Loaded from a TSV file (the bundled ``data/gazetteer.tsv`` or one a user builds) into an index
keyed by normalised name. The index only answers look-ups; deciding which candidate a mention in
context means is :mod:`extract.linking`'s job.
"""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from extract.country_codes import initials, is_code, is_code_of
from extract.entries import (
    CLOSED_TYPES,
    COLUMNS,
    ORG_TYPES,
    PLACE_TYPES,
    STATE_TYPES,
    TOPIC_TYPES,
    Entry,
    Held,
    positions_held,
)
from extract.gazetteer_rows import RowMap, append_row, parse_row, reordered

# The key the index is built on (extract.normalise.name_key: quotes, accents, case, dots, 'the').
from extract.normalise import name_key as normalise

BUNDLED_BASE = Path(str(files("extract"))) / "data" / "gazetteer.tsv"
"""The sourced gazetteer (countries, capitals, organisations) the knowledge base is built on."""
BUNDLED_GAZETTEER = Path(str(files("extract"))) / "data" / "kb_core.tsv.gz"
"""The compact core of the knowledge base (``newskg gazetteer build --extracts DIR --core``)."""

# Look-up answers kept at most (a few articles' distinct words; see Gazetteer._remember).
_MEMO_SIZE = 4096


class Gazetteer:
    """A normalised name index over knowledge-base rows, with candidate lists.

    Rows are kept as their TSV lines and turned into :class:`Entry` objects only when a
    look-up returns them: loading the 170k-row knowledge base builds the index (name -> row
    numbers) and nothing else. Country codes among the aliases (see :func:`is_code`) are kept
    apart in :attr:`codes`: :meth:`lookup` never returns an entry for them.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._rows: list[str | Entry] = []
        self._qids: list[str] = []
        self._types: list[str] = []
        self._row_of: dict[str, int] = {}
        self._names: dict[str, list[int]] = {}
        self._labels: dict[str, list[int]] = {}
        self._demonyms: dict[str, list[int]] = {}
        self._surnames: dict[str, list[int]] | None = None
        # Extraction asks for the same words thousands of times per article (every token of
        # a document, when collecting the states it names): answers are kept per raw name
        # until the index changes.
        self._memo: dict[tuple[str, str], tuple[Entry, ...]] | None = None
        self._codes: dict[str, list[int]] = {}
        self._capitals: dict[str, int] = {}
        self._closed: dict[str, list[Entry]] | None = None
        for e in entries:
            self._add(e, e.qid, e.label, e.type, e.aliases, e.demonyms, e.capital_qid)
        self.by_qid: Mapping[str, Entry] = RowMap(self._entry, self._row_of)
        self.capital_of: Mapping[str, Entry] = RowMap(self._entry, self._capitals)

    # -- building --------------------------------------------------------------------------

    def _add(
        self,
        row: str | Entry,
        qid: str,
        label: str,
        kind: str,
        aliases: Iterable[str],
        demonyms: Iterable[str],
        capital: str | None,
    ) -> None:
        # The hot loop of loading 170k rows: plain dict operations, no helper calls.
        i = self._row_of.get(qid, -1)
        if i >= 0:  # a later row of the same QID replaces it
            self._forget(i)
            self._rows[i] = row
            self._types[i] = kind
        else:
            i = len(self._rows)
            self._rows.append(row)
            self._qids.append(qid)
            self._types.append(kind)
            self._row_of[qid] = i
        key = normalise(label)
        append_row(self._labels, key, i)
        keys = {key: None}
        place = kind in PLACE_TYPES
        for name in aliases:
            alias_key = normalise(name)
            if place and is_code_of(name.strip(), kind, label, aliases):
                append_row(self._codes, alias_key.upper(), i)
            elif alias_key:
                keys[alias_key] = None
        names = self._names
        for k in keys:
            if k:
                rows = names.get(k)
                if rows is None:
                    names[k] = [i]
                elif not rows or rows[-1] != i:
                    rows.append(i)
        for d in demonyms:
            if d.strip():
                append_row(self._demonyms, normalise(d), i)
        if capital and kind == "country":
            self._capitals.setdefault(capital, i)
        self._surnames = None
        self._memo = None

    def _forget(self, i: int) -> None:
        """Take row ``i``'s names, demonyms and codes out of the index (it is being replaced)."""
        old = self._entry(i)
        keys = [normalise(n) for n in (old.label, *old.aliases)]
        for index, names in (
            (self._names, keys),
            (self._labels, keys[:1]),
            (self._codes, [k.upper() for k in keys]),
            (self._demonyms, [normalise(d) for d in old.demonyms]),
        ):
            for k in names:
                if i in index.get(k, ()):
                    index[k].remove(i)
        if old.capital_qid and self._capitals.get(old.capital_qid) == i:
            del self._capitals[old.capital_qid]

    def _read(self, lines: Iterator[str], path: str | Path) -> None:
        header = next(lines, "").rstrip("\r\n").split("\t")
        missing = {"qid", "label", "type"} - set(header)
        if missing:
            raise ValueError(f"{path}: missing gazetteer columns {sorted(missing)}")
        at = [header.index(c) if c in header else -1 for c in COLUMNS]
        canonical = header[: len(COLUMNS)] == list(COLUMNS[: len(header)])
        q, lb, ty, al, de, ca = at[:6]
        if not canonical:
            lines = reordered(lines, at)
            q, lb, ty, al, de, ca = range(6)
        for line in lines:
            cells = line.rstrip("\r\n").split("\t", 6)
            cells += [""] * (7 - len(cells))
            qid = cells[q].strip()
            if not qid.startswith("Q"):
                continue
            self._add(
                line,
                qid,
                cells[lb].strip(),
                cells[ty].strip(),
                # Unstripped: normalise() strips the keys; entries strip when parsed.
                cells[al].split("|") if cells[al] else (),
                cells[de].split("|") if cells[de] else (),
                cells[ca].strip() or None,
            )

    @classmethod
    def from_tsv(cls, path: str | Path) -> Gazetteer:
        """Read a gazetteer TSV (columns as in ``data/README.md``; ``.gz`` read as gzip).

        Raises:
            ValueError: a required column is missing.
        """
        g = cls()
        g._read_file(path)
        return g

    def _read_file(self, path: str | Path) -> None:
        """Add the rows of a TSV file (later rows win on a shared QID)."""
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            # Comment lines come first (a full build's mark); data rows start with a QID.
            first = next(f, "")
            while first.startswith("#"):
                first = next(f, "")
            self._read(itertools.chain([first], f), path)

    @classmethod
    def merge(cls, *gazetteers: Gazetteer) -> Gazetteer:
        """Later gazetteers win on a shared QID (every row is parsed: for a few thousand)."""
        merged = cls()
        for g in gazetteers:
            for e in g.entries:
                merged._add(e, e.qid, e.label, e.type, e.aliases, e.demonyms, e.capital_qid)
        return merged

    # -- rows ------------------------------------------------------------------------------

    def _entry(self, i: int) -> Entry:
        row = self._rows[i]
        if isinstance(row, Entry):
            return row
        entry = self._rows[i] = parse_row(row)
        return entry

    def _entries(self, rows: Iterable[int]) -> list[Entry]:
        return [self._entry(i) for i in rows]

    @property
    def entries(self) -> list[Entry]:
        """Every entry (parses every row: use :meth:`of_types` for a few types)."""
        return self._entries(range(len(self._rows)))

    def __len__(self) -> int:
        return len(self._rows)

    def of_types(self, types: frozenset[str]) -> list[Entry]:
        return self._entries(i for i, t in enumerate(self._types) if t in types)

    # -- look-ups --------------------------------------------------------------------------

    def _remembered(self, kind: str, name: str) -> tuple[Entry, ...] | None:
        if self._memo is None:
            self._memo = {}
        return self._memo.get((kind, name))

    def _remember(self, kind: str, name: str, found: list[Entry]) -> list[Entry]:
        assert self._memo is not None
        # Bounded: a long ingest asks for every word of its corpus, and the memo only needs to
        # outlive an article's repeats, not the corpus (memory stays bounded by the batch).
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[kind, name] = tuple(found)
        return found

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose label or alias is ``name`` (normalised); those it is the label of first."""
        hit = self._remembered("name", name)
        if hit is not None:
            return list(hit)
        key = normalise(name)
        found = self._names.get(key, ())
        labels = set(self._labels.get(key, ()))
        rows = [i for i in found if i in labels] + [i for i in found if i not in labels]
        return self._remember("name", name, self._entries(rows))

    def knows(self, name: str) -> bool:
        """Whether ``name`` surely names a known entity: the label of an entry, or a name of a
        closed-class one (a state, capital or public body). A short name of a party or a town
        ("IFF", "AL") is too often something else to count."""
        key = normalise(name)
        if self._labels.get(key):
            return True
        return any(self.is_closed(e) for e in self.lookup(name))

    def is_label(self, name: str, entry: Entry) -> bool:
        """Whether ``name`` is ``entry``'s label (not only an alias)."""
        return self._row_of.get(entry.qid, -1) in self._labels.get(normalise(name), ())

    def state_of(self, entry: Entry) -> Entry | None:
        """The state a capital stands for ("Beijing" -> People's Republic of China)."""
        return self.capital_of.get(entry.qid) if entry.type == "city" else None

    def demonym(self, word: str) -> list[Entry]:
        """States whose demonym is ``word`` ("Chinese" -> China)."""
        hit = self._remembered("demonym", word)
        if hit is not None:
            return list(hit)
        found = self._entries(self._demonyms.get(normalise(word), ()))
        return self._remember("demonym", word, found)

    def surnamed(self, word: str) -> list[Entry]:
        """Persons whose label or an alias ends in ``word`` ("Lawson" -> Nigel Lawson, ...),
        from an index built on first use."""
        if self._surnames is None:
            self._surnames = {}
            types = self._types
            for key, rows in self._names.items():
                people = [i for i in rows if types[i] == "person"]
                if people:
                    self._surnames.setdefault(key.rsplit(" ", 1)[-1], []).extend(people)
        hit = self._remembered("surname", word)
        if hit is not None:
            return list(hit)
        found = self._entries(dict.fromkeys(self._surnames.get(normalise(word), ())))
        return self._remember("surname", word, found)

    @property
    def codes(self) -> dict[str, list[Entry]]:
        """Country codes ("IN", "EC") with the places they are codes of."""
        return {k: self._entries(rows) for k, rows in self._codes.items()}

    def names(self) -> dict[str, list[Entry]]:
        """Every normalised name with its entries (parses every row)."""
        return {k: self._entries(rows) for k, rows in self._names.items()}

    def demonym_names(self) -> dict[str, list[Entry]]:
        return {k: self._entries(rows) for k, rows in self._demonyms.items()}

    def is_closed(self, entry: Entry) -> bool:
        """Whether ``entry`` is of a closed class (:data:`CLOSED_TYPES`, or a capital)."""
        return entry.type in CLOSED_TYPES or entry.qid in self._capitals

    def closed_names(self) -> dict[str, list[Entry]]:
        """The normalised names of closed-class entries (for the matcher), built once."""
        if self._closed is None:
            closed = {
                i
                for i, t in enumerate(self._types)
                if t in CLOSED_TYPES or self._qids[i] in self._capitals
            }
            self._closed = {}
            for key, rows in self._names.items():
                mine = [i for i in rows if i in closed]
                if mine:
                    self._closed[key] = self._entries(mine)
        return self._closed


def prominent(entries: list[Entry], gazetteer: Gazetteer) -> list[Entry]:
    """The most prominent tier of ``entries``: states, capitals and public bodies first, then
    parties, then the rest — the capital called Washington before every town of that name,
    the UN before a party abbreviated "UN"."""
    closed = [e for e in entries if gazetteer.is_closed(e)]
    public = [e for e in closed if e.type != "political_party"]
    return public or closed or entries


@cache
def bundled() -> Gazetteer:
    """The gazetteer shipped with newskg (loaded once per process)."""
    return Gazetteer.from_tsv(BUNDLED_GAZETTEER)


FULL_KB_MARK = "# newskg knowledge base: full build (contains the bundled core)"
"""First line of a full build (``newskg gazetteer build --extracts DIR``): :func:`load` then
reads it instead of the bundled core rather than merging the two."""


@cache
def load(paths: tuple[str, ...] = (), *, include_bundled: bool = True) -> Gazetteer:
    """The bundled gazetteer, extended (or replaced) by user files (loaded once per process)."""
    if include_bundled and any(_is_full_kb(p) for p in paths):
        include_bundled = False
    if not paths:
        if not include_bundled:
            raise ValueError("no gazetteer: give a file or keep the bundled one")
        return bundled()
    if not include_bundled and len(paths) == 1:
        return Gazetteer.from_tsv(paths[0])
    g = Gazetteer()
    for p in ([BUNDLED_GAZETTEER] if include_bundled else []) + [Path(p) for p in paths]:
        g._read_file(p)
    return g


def _is_full_kb(path: str | Path) -> bool:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.readline().rstrip("\r\n") == FULL_KB_MARK


__all__ = [
    "BUNDLED_BASE",
    "BUNDLED_GAZETTEER",
    "CLOSED_TYPES",
    "COLUMNS",
    "ORG_TYPES",
    "PLACE_TYPES",
    "STATE_TYPES",
    "TOPIC_TYPES",
    "Entry",
    "Gazetteer",
    "Held",
    "bundled",
    "initials",
    "is_code",
    "load",
    "normalise",
    "positions_held",
    "prominent",
]
