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


@cache
def _numbers(cls: str) -> dict[str, str]:
    """``lexicons/numbers.tsv`` rows of one class: form -> value."""
    return {r["form"]: r["value"] for r in lexicons.table("numbers.tsv") if r["class"] == cls}


@cache
def _counts() -> dict[str, int]:
    """Number words: "two" -> 2, "a dozen" -> 12."""
    return {form: int(value) for form, value in _numbers("count").items()}


@cache
def _scales() -> dict[str, int]:
    """Scale words: "mln" -> 10**6, "bn" -> 10**9."""
    return {form: int(value) for form, value in _numbers("scale").items()}


def _alternation(forms: list[str]) -> str:
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


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
def _unit_goods() -> dict[str, str]:
    return {r["unit"]: r["goods"] for r in lexicons.table("units.tsv") if r["goods"] != "-"}


def goods_of_unit(unit: str | None) -> str | None:
    """The goods a unit measures when nothing else is named ("barrel per day" -> crude oil),
    from the ``goods`` column of ``lexicons/units.tsv``."""
    return _unit_goods().get(unit) if unit else None


@cache
def _currencies() -> frozenset[str]:
    return frozenset(r["unit"] for r in lexicons.table("units.tsv") if r["kind"] == "currency")


@cache
def _pattern() -> re.Pattern[str]:
    symbols = sorted({f for f, _ in _units() if not f[0].isalpha()}, key=len, reverse=True)
    words = sorted({f for f, _ in _units() if f[0].isalpha()}, key=len, reverse=True)
    sym = "|".join(re.escape(s) for s in symbols)
    word = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    number_word = _alternation(list(_counts()))
    scale = _alternation(list(_scales()))
    # Scale words written apart from the number ("300 mln"); one letter ("m") only glued to it.
    scale_word = _alternation([f for f in _scales() if len(f) > 1])
    period = _alternation(list(_numbers("period")))
    rate = _alternation(list(_numbers("rate")))
    return re.compile(
        rf"(?P<pre>(?:US|U\.S\.)?(?:{sym}))?\s?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{number_word})\b)"
        # "$120m": a one-letter scale only glued to the number; words after a space.
        # A compound modifier is hyphenated throughout: "a 1.3-billion-dlr loan".
        rf"(?:(?P<scale>(?<=\d)(?:{scale})\b)|(?:\s+|-)(?P<scalew>{scale_word})\b)?"
        rf"(?:(?:\s*|-)(?P<post>(?:{sym})|\b(?:{word})\b))?"
        rf"(?:\s+(?:{rate})\s+(?P<per>{period})\b)?",
        re.IGNORECASE,
    )


def _value(num: str) -> Decimal | None:
    low = num.lower()
    if low in _counts():
        return Decimal(_counts()[low])
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
            value *= _scales()[scale.lower()]
        start = m.start("pre") if m["pre"] else m.start("num")
        # Whole amounts stay plain integers (never "1.2E+7"): they become xsd:decimal literals.
        value = value.to_integral_value() if value == value.to_integral_value() else value
        found.append(
            Quantity(
                offset + start,
                offset + m.end(),
                value,
                unit,
                _numbers("period").get((m["per"] or "").lower()),
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
