"""Date expressions resolved against the publication date.

News dates are relative ("on Monday", "last month", "three weeks earlier", "later in the year");
:func:`resolve` turns the words into a :class:`TimeRef`: a ``day`` when one day is meant, or
``earliest``/``latest`` bounds when only a range is known. The rules below cover the relative forms
agencies use; absolute dates ("March 12, 1987") go through dateparser with the publication date
as its ``RELATIVE_BASE`` (dateparser never downloads anything). Without a publication date only
the words are kept: a relative date cannot be placed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from extract.records import TimeRef

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_NUMBERS = {
    "a": 1,
    "an": 1,
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
}
# "several"/"a few"/"some" weeks: a span of counts rather than one count.
_VAGUE = {
    "several": (2, 8),
    "a few": (2, 4),
    "few": (2, 4),
    "some": (2, 8),
    "many": (3, 12),
    "a couple of": (2, 2),
    "couple of": (2, 2),
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}

_AGO = re.compile(
    r"(?:(?:nearly|almost|about|some|around|more than|over|just)\s+)?"
    r"(?P<n>\d+|a couple of|couple of|a few|few|several|some|many|" + "|".join(_NUMBERS) + r")\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+(?P<dir>ago|earlier|before|previously|later"
    r"|from now|hence)",
    re.IGNORECASE,
)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _week(day: dt.date, weeks: int = 0) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def _near_month(month: int, published: dt.date, future: bool | None) -> int:
    """The year of a month named without one: the next such month when the event lies ahead,
    the last one when it is past, otherwise the nearest to the publication date."""
    year = published.year
    if future is True:
        return year if month >= published.month else year + 1
    if future is False:
        return year if month <= published.month else year - 1
    diff = month - published.month
    if diff > 6:
        return year - 1
    if diff < -6:
        return year + 1
    return year


def resolve(text: str, published: dt.date | None, *, future: bool | None = None) -> TimeRef:
    """A :class:`TimeRef` for ``text``; without a publication date only the words are kept.

    ``future`` says whether the event lies ahead (True), is past (False) or is not known (None):
    it places weekday and month names ("leaves on Wednesday" is the coming Wednesday). With no
    hint, a weekday is the most recent one on or before the publication date, as in news.
    """
    words = " ".join(text.split())
    if published is None:
        return TimeRef(text=words)
    low = words.lower().replace("\u2019", "'")
    low = re.sub(r"^(?:on|in|at|by|during|since|from|until|till|of)\s+", "", low)
    low = re.sub(r"'s$", "", low)
    found = _relative(low, published, future)
    if found is None:
        found = _absolute(low, published, future)
    if found is None:
        return TimeRef(text=words)
    earliest, latest = found
    if earliest == latest:
        return TimeRef(text=words, day=earliest)
    return TimeRef(text=words, earliest=earliest, latest=latest)


_Bounds = tuple[dt.date, dt.date]
"""First and last day of a date's span (equal for one day)."""


def _fixed_phrases(p: dt.date) -> dict[str, _Bounds]:
    """Set phrases anchored on the publication day ("yesterday", "last month", "recently")."""
    one = dt.timedelta(days=1)
    return {
        "today": (p, p),
        "tonight": (p, p),
        "this morning": (p, p),
        "this afternoon": (p, p),
        "this evening": (p, p),
        "yesterday": (p - one, p - one),
        "last night": (p - one, p - one),
        "tomorrow": (p + one, p + one),
        "this week": _week(p),
        "last week": _week(p, -1),
        "next week": _week(p, 1),
        "earlier this week": (_week(p)[0], p),
        "later this week": (p, _week(p)[1]),
        "this month": _month_range(p.year, p.month),
        "last month": _month_range(*_add_months(p, -1)),
        "next month": _month_range(*_add_months(p, 1)),
        "earlier this month": (dt.date(p.year, p.month, 1), p),
        "later this month": (p, _month_range(p.year, p.month)[1]),
        "this year": (dt.date(p.year, 1, 1), dt.date(p.year, 12, 31)),
        "last year": (dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31)),
        "next year": (dt.date(p.year + 1, 1, 1), dt.date(p.year + 1, 12, 31)),
        "earlier this year": (dt.date(p.year, 1, 1), p),
        "earlier in the year": (dt.date(p.year, 1, 1), p),
        "later this year": (p, dt.date(p.year, 12, 31)),
        "later in the year": (p, dt.date(p.year, 12, 31)),
        "recently": (p - dt.timedelta(days=60), p),
        "in recent weeks": (p - dt.timedelta(weeks=8), p),
    }


def _fixed(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """A set phrase: "today", "last week", "later this year"."""
    return _fixed_phrases(p).get(low)


_WEEKDAY = re.compile(
    r"(?:(?P<rel>last|this|next|this coming|coming)\s+)?(?P<wd>"
    + "|".join(_WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?"
)


def _weekday(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """A weekday: "Monday", "Monday night", "last Friday", "next Tuesday"."""
    m = _WEEKDAY.fullmatch(low)
    if not m:
        return None
    target = _WEEKDAYS[m["wd"]]
    ahead = m["rel"] in ("next", "coming", "this coming") or future is True
    if ahead:
        delta = (target - p.weekday()) % 7 or 7
        day = p + dt.timedelta(days=delta)
    else:
        delta = (p.weekday() - target) % 7
        if m["rel"] == "last" and delta == 0:
            delta = 7
        day = p - dt.timedelta(days=delta)
    return day, day


def _ago(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """A count of units from the publication day: "three weeks ago", "two months later"."""
    m = _AGO.search(low)
    if not m:
        return None
    n = m["n"].lower()
    if n in _VAGUE:
        lo, hi = _VAGUE[n]
    else:
        lo = hi = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
    sign = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
    unit = m["unit"].lower()
    if unit in _UNIT_DAYS:
        approximate = bool(re.match(r"(?:nearly|almost|about|some|around|more than|over)\b", low))
        return _ago_days(p, sign, lo, hi, unit, approximate)
    if unit == "month":
        first = _month_range(*_add_months(p, sign * hi))[0]
        last = _month_range(*_add_months(p, sign * lo))[1]
        return min(first, last), max(first, last)
    years = sorted((p.year + sign * lo, p.year + sign * hi))
    return dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)


def _ago_days(p: dt.date, sign: int, lo: int, hi: int, unit: str, approximate: bool) -> _Bounds:
    """The span ``lo``..``hi`` days, weeks or fortnights before (-1) or after (+1) ``p``."""
    a = p + sign * dt.timedelta(days=lo * _UNIT_DAYS[unit])
    b = p + sign * dt.timedelta(days=hi * _UNIT_DAYS[unit])
    if unit == "day" and lo == hi and not approximate:
        return a, a
    if unit != "day" and lo == hi:
        # "three weeks earlier": a week's width around the point, not one exact day.
        a, b = a - dt.timedelta(days=3), a + dt.timedelta(days=3)
    return min(a, b), max(a, b)


_MONTH = re.compile(
    r"(?:(?P<part>early|mid|late|end of|the end of|beginning of)[- ])?"
    r"(?:(?P<rel>last|next|this)\s+)?(?P<mon>[a-z]+)\.?"
    r"(?:\s+(?P<year>\d{4}))?"
)


def _month(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """A month name, maybe with a part or year: "April", "early December", "late March 1987"."""
    m = _MONTH.fullmatch(low)
    if not m or m["mon"] not in _MONTHS:
        return None
    # A bare "may" is the modal verb far more often than the month.
    if m["mon"].startswith("may") and not (
        m["mon"] == "may" and (m["year"] or m["rel"] or m["part"])
    ):
        return None
    month = _MONTHS[m["mon"]]
    if m["year"]:
        year = int(m["year"])
    elif m["rel"] == "next":
        year = _near_month(month, p, True)
    elif m["rel"] == "last":
        year = _near_month(month, p, False)
    else:
        year = _near_month(month, p, future)
    first, last = _month_range(year, month)
    if m["part"] in ("early", "beginning of"):
        last = first + dt.timedelta(days=9)
    elif m["part"] == "mid":
        first, last = first + dt.timedelta(days=10), first + dt.timedelta(days=19)
    elif m["part"] in ("late", "end of", "the end of"):
        first = first + dt.timedelta(days=20)
    return first, last


_YEAR = re.compile(
    r"(?:the\s+)?(?:(?P<part>early|late|end of|the end of)\s+)?(?P<year>1[89]\d\d|20\d\d)"
)


def _year(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """A year, maybe with a part: "1987", "early 2019", "the end of 2020"."""
    m = _YEAR.fullmatch(low)
    if not m:
        return None
    year = int(m["year"])
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m["part"] == "early":
        last = dt.date(year, 4, 30)
    elif m["part"]:
        first = dt.date(year, 9, 1)
    return first, last


RELATIVE_FORMS: tuple[Callable[[str, dt.date, bool | None], _Bounds | None], ...] = (
    _fixed,
    _weekday,
    _ago,
    _month,
    _year,
)
"""The relative-date rules in the order they are tried; the first that reads the words wins.
To add a form, write a ``(low, published, future) -> (first, last) | None`` function and list it."""


def _relative(low: str, p: dt.date, future: bool | None) -> _Bounds | None:
    """The first of :data:`RELATIVE_FORMS` that reads ``low``, else None."""
    for rule in RELATIVE_FORMS:
        found = rule(low, p, future)
        if found is not None:
            return found
    return None


def _absolute(low: str, p: dt.date, future: bool | None) -> tuple[dt.date, dt.date] | None:
    """Day-and-month dates ("March 12", "12 March 1987") via dateparser, year from context."""
    m = re.fullmatch(
        r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]+)\.?|(?P<m2>[a-z]+)\.?\s+"
        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?",
        low,
    )
    if not m:
        return None
    month = _MONTHS.get(m["m1"] or m["m2"] or "")
    if month is None:
        return None
    import dateparser  # imported here: it is slow to load and most texts never need it

    year = int(m["y"]) if m["y"] else _near_month(month, p, future)
    base = dt.datetime(year, month, 1)
    parsed = dateparser.parse(
        low,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    if parsed is None:
        return None
    day = parsed.date().replace(year=year) if not m["y"] else parsed.date()
    return day, day
