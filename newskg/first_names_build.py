"""Build ``extract/lexicons/first_names.tsv``: the sex most people of a first name have, from a
sourced list of politicians (Wikidata P21 via every-politician-scrapers), never guessed.

Run: ``python -m newskg.first_names_build ../shared/wikidata/sources/eps_persons.tsv.gz``.
Deterministic: a first name is kept when at least ``MIN_PEOPLE`` people carry it and at least
``MIN_SHARE`` of them have one sex; rows sorted by name. Pronoun resolution uses it so that
"she" skips a man named just before ("he" likewise).
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter
from pathlib import Path

MIN_PEOPLE = 5
MIN_SHARE = 0.97
OUT = Path(__file__).resolve().parent.parent / "extract" / "lexicons" / "first_names.tsv"
HEADER = (
    "# First names and the sex nearly all people of that name in the source have.\n"
    "# Source: every-politician-scrapers html/*.csv (Wikidata SPARQL results, P21 sex or gender,\n"
    "# CC0), merged in ../shared/wikidata/sources/eps_persons.tsv.gz (see its README).\n"
    "# Built by `python -m newskg.first_names_build PATH` (min {n} people, share >= {s}).\n"
    "#@ columns: name sex people\n"
    "#@ values sex: female male\n"
    "name\tsex\tpeople\n"
)


def first_name(full: str) -> str | None:
    """The first word of a Latin-script name, lower case, when it looks like a given name."""
    word = full.split(" ", 1)[0].strip(".,")
    return word.lower() if len(word) > 1 and word.isalpha() and word.isascii() else None


def build(src: Path) -> list[tuple[str, str, int]]:
    counts: dict[str, Counter[str]] = {}
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name, sex = first_name(row["name"]), row["gender"]
            if name and sex in ("male", "female"):
                counts.setdefault(name, Counter())[sex] += 1
    rows = []
    for name, c in sorted(counts.items()):
        total = sum(c.values())
        sex, n = c.most_common(1)[0]
        if total >= MIN_PEOPLE and n / total >= MIN_SHARE:
            rows.append((name, sex, total))
    return rows


def main(argv: list[str]) -> None:
    rows = build(Path(argv[0]))
    text = HEADER.format(n=MIN_PEOPLE, s=MIN_SHARE)
    OUT.write_text(text + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    print(f"{len(rows)} first names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
