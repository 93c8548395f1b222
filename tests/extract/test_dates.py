"""Relative news dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.dates import resolve

TUESDAY = dt.date(2025, 11, 25)
D = dt.date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on Monday", D(2025, 11, 24)),
        ("Monday\u2019s", D(2025, 11, 24)),
        ("Tuesday", D(2025, 11, 25)),  # the publication day itself
        ("last Tuesday", D(2025, 11, 18)),
        ("Friday night", D(2025, 11, 21)),
        ("today", TUESDAY),
        ("yesterday", D(2025, 11, 24)),
        ("three days ago", D(2025, 11, 22)),
        ("March 12, 1987", D(1987, 3, 12)),
    ],
)
def test_a_known_day_is_a_date(text, day):
    ref = resolve(text, TUESDAY)
    assert (ref.day, ref.earliest, ref.latest, ref.text) == (day, None, None, text)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("last month", D(2025, 10, 1), D(2025, 10, 31)),
        ("in April", D(2026, 4, 1), D(2026, 4, 30)),
        ("later in the year", TUESDAY, D(2025, 12, 31)),
        ("earlier this week", D(2025, 11, 24), TUESDAY),
        ("three weeks earlier", D(2025, 11, 1), D(2025, 11, 7)),
        ("in 1989", D(1989, 1, 1), D(1989, 12, 31)),
        ("this year", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_a_range_gets_bounds_not_a_day(text, earliest, latest):
    ref = resolve(text, TUESDAY)
    assert (ref.day, ref.earliest, ref.latest) == (None, earliest, latest)


def test_a_coming_weekday_when_the_event_lies_ahead():
    assert resolve("on Wednesday", D(1987, 4, 27), future=True).day == D(1987, 4, 29)


def test_a_month_before_publication_is_this_year_when_past():
    assert resolve("in March", D(1987, 4, 27), future=False).earliest == D(1987, 3, 1)


def test_without_a_publication_date_only_the_words_are_kept():
    assert resolve("on Monday", None) == resolve("on Monday", None).__class__(text="on Monday")


def test_words_that_are_not_dates_keep_only_their_text():
    ref = resolve("the round", TUESDAY)
    assert (ref.day, ref.earliest, ref.latest) == (None, None, None)
