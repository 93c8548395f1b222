"""Amounts with units: wire-copy and modern styles, as Decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.quantities import find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("agreed to buy 12 million metric tonnes of wheat", "12000000", "metric tonne", None),
        ("tariffs of 300 mln dlrs a year", "300000000", "US dollar", "year"),
        ("bringing $120m in revenue", "120000000", "US dollar", None),
        ("a package worth $2.5bn", "2500000000", "US dollar", None),
        ("about two billion dlrs of purchases", "2000000000", "US dollar", None),
        ("a loan of £5.38bn", "5380000000", "pound sterling", None),
        ("an extra 40,000 per year", "40000", None, "year"),
        ("cut by 15 pct", "15", "percent", None),
        ("up to 100% of the debts", "100", "percent", None),
        ("shipments of 500,000 barrels", "500000", "barrel", None),
        # A rate of barrels written out is the one unit "bpd" stands for.
        ("a ceiling of 1.5 mln barrels per day", "1500000", "barrel per day", None),
        ("pumping 300,000 barrels a day", "300000", "barrel per day", None),
        # Plain tonnes are the Wikidata "tonne"; "metric tonnes" keep their words (above).
        ("a ceiling of 155 mln tonnes", "155000000", "tonne", None),
    ],
)
def test_amounts_are_parsed_with_scale_and_unit(text, value, unit, per):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.per) == (Decimal(value), unit, per)
    assert text[q.start : q.end].strip()


@pytest.mark.parametrize("text", ["in 1989 the ban began", "the 10 provinces", "two leaders met"])
def test_bare_numbers_are_not_amounts(text):
    assert find_quantities(text) == []


def test_a_list_of_amounts_shares_the_first_unit():
    found = find_quantities("It includes 1.5 billion dlrs of machinery, 300 mln of grain.")
    assert [(q.value, q.unit) for q in found] == [
        (Decimal("1500000000"), "US dollar"),
        (Decimal("300000000"), "US dollar"),
    ]


def test_offsets_are_shifted_into_the_document():
    q = find_quantities("$5m", offset=100)[0]
    assert (q.start, q.end) == (100, 103)


def test_whole_amounts_print_as_plain_decimals():
    assert str(parse_quantity("12 million tonnes").value) == "12000000"


@pytest.mark.parametrize(
    ("unit", "goods"),
    [("barrel per day", "crude oil"), ("barrel", "crude oil"), ("tonne", None), (None, None)],
)
def test_a_barrel_measures_crude_oil_and_other_units_no_goods(unit, goods):
    from extract.quantities import goods_of_unit

    assert goods_of_unit(unit) == goods
