"""Amounts in news text: "12 million metric tonnes", "300 mln dlrs", "$120m", "40,000 per year".

:func:`find_quantities` reads a string (a sentence or a whole text) and returns every amount with
its character offsets, its value as a :class:`~decimal.Decimal` with the scale words applied
("2.6 billion" -> 2600000000), its unit (canonical names from ``lexicons/units.tsv``) and the
period of a rate ("a year" -> "year"). It is plain text in, values out, so policies can ask for
the amounts inside an argument span and tests need no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from extract import lexicons

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "dozen": 12,
    "a dozen": 12,
}
_PERIODS = {
    "year": "year",
    "annum": "year",
    "yr": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "quarter": "quarter",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: Decimal
    unit: str | None = None
    per: str | None = None

    @property
    def is_money(self) -> bool:
        return self.unit in _currencies()


@cache
def _units() -> tuple[tuple[str, str], ...]:
    """(form, unit) pairs, longest form first so "metric tonnes" wins over "tonnes"."""
    rows = [(r["form"].lower(), r["unit"]) for r in lexicons.table("units.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _currencies() -> frozenset[str]:
    return frozenset(r["unit"] for r in lexicons.table("units.tsv") if r["kind"] == "currency")


@cache
def _pattern() -> re.Pattern[str]:
    symbols = sorted({f for f, _ in _units() if not f[0].isalpha()}, key=len, reverse=True)
    words = sorted({f for f, _ in _units() if f[0].isalpha()}, key=len, reverse=True)
    sym = "|".join(re.escape(s) for s in symbols)
    word = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    number_word = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
    scale = "|".join(sorted(_SCALES, key=len, reverse=True))
    return re.compile(
        rf"(?P<pre>(?:US|U\.S\.)?(?:{sym}))?\s?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{number_word})\b)"
        # "$120m": a one-letter scale only glued to the number; words after a space.
        rf"(?:(?P<scale>(?<=\d)(?:{scale})\b)|\s+(?P<scalew>thousand|million|mln|mn|billion|bln"
        rf"|bn|trillion|tn|trn)\b)?"
        rf"(?:\s*(?P<post>(?:{sym})|\b(?:{word})\b))?"
        rf"(?:\s+(?:a|an|per|each|every)\s+(?P<per>year|annum|month|week|day|quarter)\b)?",
        re.IGNORECASE,
    )


def _value(num: str) -> Decimal | None:
    low = num.lower()
    if low in _WORDS:
        return Decimal(_WORDS[low])
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


def _unit(form: str | None) -> str | None:
    if not form:
        return None
    key = " ".join(form.lower().split())
    if key.startswith(("us", "u.s.")) and key not in dict(_units()):
        key = key[4:] if key.startswith("u.s.") else key[2:]
    return dict(_units()).get(key)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every amount in ``text`` (offsets shifted by ``offset``), in order.

    A bare number counts only with a scale word, a unit or a rate ("40,000 per year"): years
    ("in 1989") and list numbers are not amounts.
    """
    found: list[Quantity] = []
    for m in _pattern().finditer(text):
        value = _value(m["num"])
        if value is None:
            continue
        scale = m["scale"] or m["scalew"]
        unit = _unit(m["pre"]) or _unit(m["post"])
        if scale is None and unit is None and m["per"] is None:
            continue
        if m["num"].isalpha() and scale is None and unit is None:
            continue
        if scale:
            value *= _SCALES[scale.lower()]
        start = m.start("pre") if m["pre"] else m.start("num")
        # Whole amounts stay plain integers (never "1.2E+7"): they become xsd:decimal literals.
        value = value.to_integral_value() if value == value.to_integral_value() else value
        found.append(
            Quantity(
                offset + start,
                offset + m.end(),
                value,
                unit,
                _PERIODS.get((m["per"] or "").lower()),
            )
        )
    return _carry_units(found, text, offset)


def _carry_units(found: list[Quantity], text: str, offset: int) -> list[Quantity]:
    """In a list ("1.13 billion dlrs of capital goods, 700 mln of farm products") an amount with
    a scale but no unit takes the unit of the amount before it in the same sentence."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            q.unit is None
            and prev is not None
            and prev.unit is not None
            and "." not in text[prev.end - offset : q.start - offset].rstrip(".")
            and q.value >= 1000
        ):
            q = Quantity(q.start, q.end, q.value, prev.unit, q.per)
        out.append(q)
    return out


def parse_quantity(text: str) -> Quantity | None:
    """The first amount in ``text``, if any."""
    found = find_quantities(text)
    return found[0] if found else None
