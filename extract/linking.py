"""Deciding which gazetteer entry (if any) a mention means, from its type and context.

The rules, in order:

1. **Type.** A PERSON mention links only to a person item, a GPE/LOC/FAC mention only to a place
   or state, an ORG mention to an organisation (or to a place, the NER's usual mistyping of
   "Washington argues"), a NORP word ("Chinese") to the state it is the demonym of.
2. **Ambiguity.** The entry a name is the *label* of beats entries it is only an alias of
   ("Tunis" the city, not Tunisia's alias "Tūnis"); a country beats a city of the same name
   (Luxembourg, Djibouti), at lower confidence; organisations of the same name (a dozen
   "National Bureau of Statistics") are told apart by the one whose country the sentence or the
   document names. Whatever is left ambiguous is not linked.
3. **Sub-national context.** A country name used for a US state or another subdivision
   ("Georgia's governor", "the state of Georgia", "Washington state", "Atlanta, Georgia") is
   not linked: the gazetteer has no states, and a wrong QID is worse than none. A region of
   unknown size links only where the article names its country or one of its places
   (:func:`extract.place_context.country_placed`). A country named like a US state
   ("Georgia") in an article naming other US places is tied between the two
   (:func:`extract.place_context.namesake_region`). A region named like a city ("New
   York") is the city as a location ("traded in New York"), the region with a sub-national
   word ("New York state"), and tied elsewhere.
4. **Metonymy.** A capital that acts — the subject of a verb, a possessor, the object of a
   verb of influence or a partner "with" — stands for its state ("Beijing announced" -> People's
   Republic of China, "urged Taipei" -> Taiwan); a capital as a location ("visit to Washington",
   "in Beijing", "its Washington embassy", a dateline) stays the city; a dateline naming a
   state is its capital of that name ("KUWAIT, March 1 -" is Kuwait City).

5. **Written form.** A dotted abbreviation ("N.C.") means an entry written with those dots,
   not the code "NC"; an acronym the article spells out as another name ("Monetary
   Compensatory Amounts ... MCA") is not linked to an entry sharing the short name
   (:mod:`extract.name_forms`). Two entities the NER wrote side by side that together are an
   entry's label ("UK" + "Independence Party") are that one entry.

Each :class:`Link` carries a confidence; below :data:`MIN_CONFIDENCE` nothing is linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extract.gazetteer import (
    ORG_TYPES,
    PLACE_TYPES,
    STATE_TYPES,
    Entry,
    Gazetteer,
    positions_held,
    prominent,
)
from extract.name_forms import defined_otherwise, dotted_forms, joined_name
from extract.normalise import name_key as normalise
from extract.person_linking import choose_by_surname, choose_person
from extract.place_context import (
    acts,
    countries_in_context,
    countries_named,
    country_placed,
    followed_by,
    is_dateline,
    located,
    namesake_region,
    strip_possessive,
    subnational,
)

MIN_CONFIDENCE = 0.6
"""Links weaker than this are dropped: an unlinked actor keeps its own label."""

CONFIDENCE = {
    "kb": 0.95,  # the gazetteer component marked the span and the label fits
    "label": 0.95,  # the mention is the entry's label
    "alias": 0.9,  # the mention is one of its aliases
    "demonym": 0.85,  # "Chinese" -> China
    "metonym": 0.85,  # a capital acting for its state
    "country_over_city": 0.75,  # "Luxembourg": the country rather than its capital
    "by_country": 0.75,  # one of several same-named bodies, chosen by the country in context
    "prominence": 0.7,  # a city ten times larger than any other of its name
    "located": 0.7,  # "in New York": the city rather than the region of its name
}

_PERSON_TYPES = frozenset({"person"})
_ORG_TYPES = ORG_TYPES
_LABEL_TYPES = {
    "PERSON": _PERSON_TYPES,
    "GPE": PLACE_TYPES,
    "LOC": PLACE_TYPES,
    "FAC": PLACE_TYPES,
    "ORG": _ORG_TYPES | PLACE_TYPES,
}


@dataclass(frozen=True, slots=True)
class Link:
    entry: Entry
    confidence: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the rules make of a mention: a link, or the candidates left tied (with the
    confidence each has: one over their number) when none could be chosen."""

    link: Link | None
    candidates: tuple[tuple[str, float], ...] = ()


if not Doc.has_extension("newskg_published"):
    # The article's date, set by extract.context.make_context: rule "time" reads it.
    Doc.set_extension("newskg_published", default=None)


def link(span: Span, gazetteer: Gazetteer, role: str | None = None) -> Link | None:
    """The gazetteer entry ``span`` names, if its type and context allow only one."""
    return resolve(span, gazetteer, role).link


def resolve(span: Span, gazetteer: Gazetteer, role: str | None = None) -> Resolution:
    """The link of ``span`` (``role``: a title written with a person's name), or its tied
    candidates."""
    label = span.label_
    text = strip_possessive(span.text)
    if label == "NORP":
        states = [e for e in gazetteer.demonym(text) if e.type in STATE_TYPES]
        if len(states) > 1:  # "American": the USA, not the Northern Mariana Islands
            states = [e for e in states if e.type == "country"]
        return _resolved(Link(states[0], CONFIDENCE["demonym"]) if len(states) == 1 else None)
    if label == "PERSON":
        return _person(span, text, gazetteer, role)
    allowed = _LABEL_TYPES.get(label)
    joined = joined_name(span, gazetteer)
    if joined is not None:
        # "UK" + "Independence Party", one name the NER split: the first part names nothing
        # of its own, the last links the whole name's entry (its type allowing).
        whole, is_first = joined
        if is_first:
            return Resolution(None)
        if allowed is None or whole.type in allowed:
            return _resolved(Link(whole, CONFIDENCE["label"]))
    marked = gazetteer.by_qid.get(span.kb_id_) if span.kb_id_ else None
    tied: list[Entry] = []
    dotted = dotted_forms(text, gazetteer.lookup(text)) if "." in text else None
    if marked is not None and dotted is not None and marked.qid not in {e.qid for e in dotted}:
        marked = None  # "N.C." (North Carolina) is not the "NC" code the matcher marked
    if (
        marked is not None
        and (allowed is None or marked.type in allowed)
        and _placed(marked, span, gazetteer)
    ):
        found: Link | None = Link(marked, CONFIDENCE["kb"])
    else:
        candidates = dotted if dotted is not None else gazetteer.lookup(text)
        if allowed is not None:
            candidates = [e for e in candidates if e.type in allowed]
        candidates = prominent(candidates, gazetteer)
        found = _choose(candidates, text, span, gazetteer)
        kinds = {e.type for e in candidates}
        if found is None and "region" in kinds and not kinds & STATE_TYPES:
            # "Prices in New York": a region of unknown size left unplaced, a city of its name
            # ("in Luxembourg", the country or its capital, stays tied).
            found = _located_city(text, span, gazetteer)
        if found is None and len(candidates) > 1:
            tied = candidates
    if found is None:
        return _tie(tied)
    entry = found.entry
    if not gazetteer.is_label(text, entry) and defined_otherwise(text, entry, span.doc):
        return Resolution(None)  # "Monetary Compensatory Amounts ... MCA": not a party "MCA"
    namesake = namesake_region(entry, span, gazetteer)
    if namesake is not None and not subnational(span):
        # "Georgia" in an article naming Atlanta: the country or the US state.
        return _tie([entry, namesake])
    city = _capital_named(entry, text, gazetteer) if is_dateline(span) else None
    if city is not None:
        # "KUWAIT, March 1 -": a dateline names the city the story was filed from.
        return _resolved(Link(city, found.confidence))
    if entry.type in STATE_TYPES | {"city"} and subnational(span):
        return Resolution(None)
    if entry.type == "region" and not subnational(span) and _city_named(text, gazetteer):
        # "New York": the state, or New York City? Only "New York state", "governor of
        # New York" ... say the state; "in New York" (where something happens) the city.
        in_city = _located_city(text, span, gazetteer)
        if in_city is not None:
            return _resolved(in_city)
        return _tie([entry, *(e for e in gazetteer.lookup(f"{text} City") if e.type == "city")])
    if entry.type == "city":
        state = gazetteer.state_of(entry)
        if state is not None and acts(span):
            return _resolved(Link(state, min(found.confidence, CONFIDENCE["metonym"])))
    return _resolved(found)


def _person(span: Span, text: str, gazetteer: Gazetteer, role: str | None) -> Resolution:
    when = span.doc._.newskg_published
    candidates = [e for e in gazetteer.lookup(text) if e.type == "person"]
    titled = _role_countries(role, gazetteer)
    if titled:
        # "US Treasury Under-Secretary John Taylor": not a British John Taylor.
        candidates = [e for e in candidates if not _countries_of(e) or _countries_of(e) & titled]
    if candidates:
        countries = countries_named(span.doc, gazetteer)
        choice = choose_person(
            candidates,
            role=role,
            when=when,
            countries=countries,
            gazetteer=gazetteer,
            title_states=frozenset(titled),
        )
    elif " " not in text.strip():
        choice = choose_by_surname(
            gazetteer.surnamed(text), role=role, when=when, gazetteer=gazetteer
        )
    else:
        return Resolution(None)
    if choice.entry is not None:
        return _resolved(Link(choice.entry, choice.confidence))
    return _tie(list(choice.tied))


def _countries_of(person: Entry) -> set[str]:
    """The person's country and the countries of the positions it held."""
    found = {h.country_qid for h in positions_held(person) if h.country_qid}
    return found | ({person.country_qid} if person.country_qid else set())


def _role_countries(role: str | None, gazetteer: Gazetteer) -> set[str]:
    """The states a title names ("US Treasury Secretary", "French President")."""
    found: set[str] = set()
    for word in (role or "").replace("-", " ").split():
        if word[:1].isupper():
            for e in (*gazetteer.demonym(word), *gazetteer.lookup(word)):
                if e.type in STATE_TYPES:
                    found.add(e.qid)
    return found


def _resolved(found: Link | None) -> Resolution:
    return Resolution(_accept(found) if found is not None else None)


def _tie(tied: list[Entry]) -> Resolution:
    share = round(1 / len(tied), 3) if tied else 0.0
    return Resolution(None, tuple((e.qid, share) for e in tied))


def _accept(found: Link) -> Link | None:
    return found if found.confidence >= MIN_CONFIDENCE else None


def _choose(candidates: list[Entry], text: str, span: Span, gazetteer: Gazetteer) -> Link | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        e = candidates[0]
        if not _placed(e, span, gazetteer):
            return None
        kind = "label" if gazetteer.is_label(text, e) else "alias"
        return Link(e, CONFIDENCE[kind])
    labelled = [e for e in candidates if gazetteer.is_label(text, e)]
    if len(labelled) == 1 and _placed(labelled[0], span, gazetteer):
        return Link(labelled[0], CONFIDENCE["alias"])
    pool = labelled or candidates
    towns = [e for e in pool if e.type == "city" and _region_in_sentence(e, span)]
    if len(towns) == 1:
        # "Springfield, Illinois": of the towns of that name, the one whose state is named.
        return Link(towns[0], CONFIDENCE["by_country"])
    states = [e for e in pool if e.type in STATE_TYPES]
    cities = [e for e in pool if e.type in _LOCAL_TYPES]
    if len(states) == 1 and len(states) + len(cities) == len(pool):
        if followed_by(span, "City") or followed_by(span, "city"):
            return Link(cities[0], CONFIDENCE["by_country"]) if len(cities) == 1 else None
        if any(states[0].capital_qid == c.qid for c in cities) and (
            located(span) and not is_dateline(span)
        ):
            # "talks in Luxembourg": the country or its capital of the same name; tied. In a
            # dateline the state is kept: the dateline rule makes it the capital of its name.
            return None
        return Link(states[0], CONFIDENCE["country_over_city"])
    in_context = countries_in_context(span, gazetteer)
    chosen = [e for e in pool if e.country_qid and e.country_qid in in_context]
    if len(chosen) == 1 and _placed(chosen[0], span, gazetteer):
        return Link(chosen[0], CONFIDENCE["by_country"])
    return _largest(chosen or pool)


_LOCAL_TYPES = frozenset({"city", "region"})


def _capital_named(state: Entry, name: str, gazetteer: Gazetteer) -> Entry | None:
    """The state's capital when it bears the state's name ("Kuwait City")."""
    if state.type not in STATE_TYPES or not state.capital_qid or state.capital_qid == state.qid:
        return None
    capital = gazetteer.by_qid.get(state.capital_qid)
    if capital is None:
        return None
    named = {normalise(name), normalise(f"{name} City")}
    return capital if named & {normalise(n) for n in (capital.label, *capital.aliases)} else None


def _city_named(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a city is called ``name`` or "``name`` City" (the region's namesake)."""
    return bool(_cities_named(name, gazetteer))


def _located_city(text: str, span: Span, gazetteer: Gazetteer) -> Link | None:
    """The city named like a region, for a location phrase ("in New York") that no
    sub-national word ("New York state") makes the region."""
    if not located(span) or subnational(span):
        return None
    cities = _cities_named(text, gazetteer)
    if len(cities) > 1:
        largest = _largest(cities)
        cities = [largest.entry] if largest is not None else []
    return Link(cities[0], CONFIDENCE["located"]) if cities else None


def _cities_named(name: str, gazetteer: Gazetteer) -> list[Entry]:
    found = (*gazetteer.lookup(name), *gazetteer.lookup(f"{name} City"))
    return list({e.qid: e for e in found if e.type == "city"}.values())


def _largest(pool: list[Entry]) -> Link | None:
    """Prominence: a city (or region) ten times larger than every other candidate of the name,
    all of them places; towns of unknown size count as small."""
    if not all(e.type in _LOCAL_TYPES for e in pool):
        return None
    sizes = sorted(((e.population or 0, e.qid) for e in pool), reverse=True)
    if len(sizes) < 2:
        return None  # one candidate the context chose but could not place: no prominence test
    (first, qid), (second, _) = sizes[0], sizes[1]
    if first >= 100_000 and first >= 10 * second:
        return Link(next(e for e in pool if e.qid == qid), CONFIDENCE["prominence"])
    return None


def _placed(entry: Entry, span: Span, gazetteer: Gazetteer) -> bool:
    """A town of unknown size (the US places list) links only when the sentence names its
    state ("Springfield, Illinois"): thousands of them share names with better-known places.
    A party or newspaper named by an alias ("IFF", "the Star") only when the article names its
    country. A region of unknown size (the world's subdivisions list) only when the article
    names its country or another of its country's places: they share names with better-known
    cities ("Portland" is also a parish of Jamaica, "Aurora" a province of the Philippines).
    A newspaper called "The" and one word only with its article (:func:`_with_its_article`)."""
    if entry.type == "region" and not entry.population:
        return country_placed(entry, span, gazetteer)
    if entry.type == "newspaper" and not _with_its_article(entry, span):
        return False
    if entry.type in ("political_party", "newspaper"):
        text = strip_possessive(span.text)
        return gazetteer.is_label(text, entry) or entry.country_qid in countries_named(
            span.doc, gazetteer
        )
    if entry.type != "city" or entry.population or gazetteer.is_closed(entry):
        return True
    return _region_in_sentence(entry, span)


def _with_its_article(paper: Entry, span: Span) -> bool:
    """A newspaper called "The" and one word ("The Mercury", "The Star") is named with its
    article: a bare "Mercury" is a planet, a car or a metal ("the Mercury reported" is the
    paper). A longer name is distinctive without it ("Wall Street Journal reporter")."""
    words = paper.label.split()
    if len(words) != 2 or words[0].lower() != "the":
        return True
    if span.text.lower().startswith("the "):
        return True
    return span.start > 0 and span.doc[span.start - 1].text.lower() == "the"


def _region_in_sentence(town: Entry, span: Span) -> bool:
    """Whether the sentence names the state of a US place ("place in Texas"), in any case: a
    dateline writes it in capitals ("SAN ANTONIO, TEXAS, March 3 -")."""
    region = (town.description or "").removeprefix("place in ")
    if not region or region == town.description:
        return False
    return re.search(rf"\b{re.escape(region)}\b", span.sent.text, re.IGNORECASE) is not None
