"""Which person of the knowledge base a PERSON mention names, or none.

A name shared by several politicians (5,158 names in the full knowledge base) is decided by
these rules, in order; whatever stays tied is left unlinked, its candidates kept:

1. **Type.** Only person entries are candidates (:mod:`extract.linking` gates the span type).
2. **Time.** With the article's date, a title written with the name ("President Reagan",
   "Chancellor Kohl") picks the one candidate who held a position of that title on that date;
   a candidate born less than :data:`MIN_AGE` years before the date is no candidate; among
   several, the one who held any position on that date wins.
3. **Country.** The candidate whose country the article names.
4. **Prominence.** An office-holder (minister, head of state or government, governor) over
   people who only sat in a legislature.
5. **Surnames.** A lone surname ("Reagan", "Mr Lawson") is linked only through rule 2: to an
   office-holder named by the title. A surname the article introduced with the full name is
   joined to it before linking (:mod:`extract.actors`).

A single candidate is linked when it held an office or its country is named in the article;
a legislator of a country the article never names is only a candidate (a wrong link is worse
than none). A single candidate the knowledge base knows no country of at all (a member of an
international assembly, "world" in the sources) is linked when the article writes the name with
an office title of a state ("Belgian Finance Minister X"): nothing contradicts it, and the
article says the person is a politician of that state's name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.gazetteer import STATE_TYPES, Entry, Gazetteer, Held, positions_held

MIN_AGE = 18
"""Nobody younger is taken to be the person a news article names by an office or a seat."""

CONFIDENCE = {
    "title_at_date": 0.9,  # the only candidate holding the title on the article's date
    "office": 0.9,  # the only candidate, and an office-holder
    "title_ever": 0.8,  # no date: the only candidate who ever held the title
    "in_country": 0.8,  # the only candidate, a legislator of a country the article names
    "at_date": 0.85,  # the only candidate holding any position on the date
    "by_country": 0.75,  # the only candidate of a country the article names
    "prominence": 0.7,  # the only office-holder among legislators
    "titled_unplaced": 0.7,  # the only candidate, of no known country, with a state's title
    "unknown": 0.5,  # the only candidate, but nothing in the article confirms it
}

_NOT_OFFICES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mister", "prof"}
)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """The entry chosen (or ``None``) with its confidence, and the candidates left tied."""

    entry: Entry | None
    confidence: float
    tied: tuple[Entry, ...] = ()


def title_words(role: str | None) -> frozenset[str]:
    """The words of a title that name an office ("U.S. President" -> {"president"});
    courtesy titles ("Mr", "Dr") name none."""
    words = {w for w in _WORD.findall((role or "").lower()) if len(w) > 2}
    return frozenset(words - _NOT_OFFICES)


def held_on(held: Held, when: dt.date) -> bool:
    """Whether a position was held on ``when`` (ISO dates of any precision; no end: ongoing)."""
    day = when.isoformat()
    return bool(held.start) and held.start <= day and (not held.end or day <= held.end + "~")


def _title_matches(held: Held, words: frozenset[str], gazetteer: Gazetteer) -> bool:
    item = gazetteer.by_qid.get(held.position)
    label = item.label if item is not None else held.position
    return bool(words & set(_WORD.findall(label.lower())))


def _adult_on(entry: Entry, when: dt.date) -> bool:
    year = (entry.birth_date or "")[:4]
    return not year.isdigit() or int(year) <= when.year - MIN_AGE


def _office_words(role: str | None, gazetteer: Gazetteer) -> frozenset[str]:
    """The words of a title naming an office, not a state ("Ruritanian" names none)."""
    return frozenset(
        w
        for w in title_words(role)
        if not any(e.type in STATE_TYPES for e in (*gazetteer.demonym(w), *gazetteer.lookup(w)))
    )


def _has_country(entry: Entry) -> bool:
    return bool(entry.country_qid) or any(h.country_qid for h in positions_held(entry))


def _office_holder(entry: Entry) -> bool:
    return any(h.office for h in positions_held(entry))


def by_title(
    candidates: list[Entry], role: str | None, when: dt.date | None, gazetteer: Gazetteer
) -> PersonChoice | None:
    """Rule 2: the one candidate who held the title written with the name (on the date)."""
    words = title_words(role)
    if not words:
        return None
    holders = [
        e
        for e in candidates
        if any(
            _title_matches(h, words, gazetteer) and (when is None or held_on(h, when))
            for h in positions_held(e)
        )
    ]
    if len(holders) != 1:
        return None
    return PersonChoice(holders[0], CONFIDENCE["title_at_date" if when else "title_ever"])


def choose_person(
    candidates: list[Entry],
    *,
    role: str | None,
    when: dt.date | None,
    countries: set[str],
    gazetteer: Gazetteer,
    title_states: frozenset[str] = frozenset(),
) -> PersonChoice:
    """Apply rules 2-4 to the person entries a full name is the label or alias of
    (``title_states``: the states the title written with the name names)."""
    if when is not None:
        candidates = [e for e in candidates if _adult_on(e, when)]
    if not candidates:
        return PersonChoice(None, 0.0)
    titled = by_title(candidates, role, when, gazetteer)
    if titled is not None:
        return titled
    if len(candidates) == 1:
        e = candidates[0]
        if _office_holder(e):
            return PersonChoice(e, CONFIDENCE["office"])
        if e.country_qid in countries:
            return PersonChoice(e, CONFIDENCE["in_country"])
        if title_states and _office_words(role, gazetteer) and not _has_country(e):
            return PersonChoice(e, CONFIDENCE["titled_unplaced"])
        return PersonChoice(None, 0.0, (e,))
    if when is not None:
        serving = [e for e in candidates if any(held_on(h, when) for h in positions_held(e))]
        if len(serving) == 1:
            return PersonChoice(serving[0], CONFIDENCE["at_date"])
    local = [e for e in candidates if e.country_qid and e.country_qid in countries]
    if len(local) == 1:
        return PersonChoice(local[0], CONFIDENCE["by_country"])
    pool = local or candidates
    offices = [e for e in pool if _office_holder(e)]
    if len(offices) == 1:
        return PersonChoice(offices[0], CONFIDENCE["prominence"])
    return PersonChoice(None, 0.0, tuple(pool))


def choose_by_surname(
    candidates: list[Entry], *, role: str | None, when: dt.date | None, gazetteer: Gazetteer
) -> PersonChoice:
    """Rule 5: a lone surname links only to the office-holder its title names."""
    if when is not None:
        candidates = [e for e in candidates if _adult_on(e, when)]
    found = by_title(candidates, role, when, gazetteer)
    return found if found is not None else PersonChoice(None, 0.0)
