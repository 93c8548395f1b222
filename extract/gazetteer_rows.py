"""Knowledge-base TSV rows: parsing a line into an :class:`Entry`, reading files whose columns
are in another order, and the lazily parsed QID -> entry mapping over row numbers that
:class:`extract.gazetteer.Gazetteer` keeps (rows stay text until a look-up returns them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from extract.entries import COLUMNS, Entry


class RowMap(Mapping[str, Entry]):
    """A QID -> entry mapping over row numbers, parsing an entry when it is asked for:
    ``gazetteer.by_qid`` (every row) and ``gazetteer.capital_of`` (capital -> its country)."""

    def __init__(self, entry: Callable[[int], Entry], rows: dict[str, int]) -> None:
        self._entry = entry
        self._rows = rows

    def __getitem__(self, qid: str) -> Entry:
        return self._entry(self._rows[qid])

    def __contains__(self, qid: object) -> bool:
        return qid in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def append_row(index: dict[str, list[int]], key: str, i: int) -> None:
    """Add row ``i`` under ``key`` (once: rows are added in order)."""
    rows = index.get(key)
    if rows is None:
        index[key] = [i]
    elif not rows or rows[-1] != i:
        rows.append(i)


def reordered(lines: Iterable[str], at: list[int]) -> Iterator[str]:
    """Lines of a file whose columns are in another order, in :data:`COLUMNS` order."""
    for line in lines:
        cells = line.rstrip("\r\n").split("\t")
        yield "\t".join(cells[j] if 0 <= j < len(cells) else "" for j in at)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def parse_row(line: str) -> Entry:
    """An :class:`Entry` from a TSV line in :data:`COLUMNS` order."""
    c = line.split("\t")
    c += [""] * (len(COLUMNS) - len(c))
    population = c[11].strip()
    return Entry(
        qid=c[0].strip(),
        label=c[1].strip(),
        type=c[2].strip(),
        aliases=_split(c[3]),
        demonyms=_split(c[4]),
        capital_qid=c[5].strip() or None,
        country_qid=c[6].strip() or None,
        description=c[7].strip() or None,
        enwiki=c[9].strip() or None,
        birth_date=c[10].strip() or None,
        population=int(population) if population.isdigit() else None,
        positions=c[12].strip(),
    )
