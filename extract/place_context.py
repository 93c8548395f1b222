"""What a sentence and its document say about a place name: whether it acts or is a location,
whether it is a datelined city, whether context makes it sub-national ("the state of Georgia"),
and which states the sentence or the document names (rules "country" and "metonymy" of
:mod:`extract.linking`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.gazetteer import STATE_TYPES, Entry, Gazetteer
from extract.text import doc_ents, doc_text, ents_in

# Words that place a name inside a country (a US state, a province), not at the country level:
# "the state of Georgia", "governor of Georgia", "Washington state", "Georgia Gov. Brian Kemp",
# "Georgia's governor", "Fulton County, Georgia", "(R-Ga.)".
_SUBNATIONAL_BEFORE = ("state of", "governor of", "Governor of", "County,", "county,")
_SUBNATIONAL_AFTER = frozenset(
    {
        "county",
        "County",
        "Gov.",
        "Governor",
        "governor",
        "statehouse",
        "Statehouse",
    }
)
_US_PARTY_STATE = re.compile(r"\([RDI]-[A-Z][A-Za-z.]{0,5}\)")

# A capital as a location rather than an actor: after these prepositions, as the object of these
# verbs, or as a noun modifier ("the Beijing office").
_PLACE_PREPS = frozenset(
    {
        "in",
        "to",
        "from",
        "at",
        "into",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "via",
        "through",
        "toward",
        "towards",
        "throughout",
        "out",
        "back",
        "within",
        "beyond",
        "off",
        "of",
        "for",
        "over",
        "until",
        "till",
    }
)
_PLACE_VERBS = frozenset(
    {
        "visit",
        "leave",
        "reach",
        "tour",
        "arrive",
        "return",
        "fly",
        "travel",
        "enter",
        "host",
        "depart",
        "evacuate",
        "bomb",
        "attack",
        "shell",
        "strike",
        "hit",
        "flood",
        "base",
        "locate",
    }
)
_PLACE_SUBJECT_VERBS = frozenset({"host", "lie", "sit", "locate", "flood", "suffer", "freeze"})
_ACTOR_PREPS = frozenset({"with", "by", "between", "against", "on", "upon", "among"})


def located(span: Span) -> bool:
    """'in Luxembourg', 'to Kuwait': the object of a preposition of place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def countries_named(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """QIDs of the states the document names (by name or demonym), computed once per Doc."""
    cached = doc.user_data.get("newskg_countries")
    if cached is None:
        cached = doc.user_data["newskg_countries"] = states_in(doc[:], gazetteer)
    return set(cached)


def states_in(tokens: Span, gazetteer: Gazetteer) -> set[str]:
    """QIDs of the states the tokens name, by name or demonym, or their entities name."""
    by_token, by_ent = _states_named(tokens.doc, gazetteer)
    found: set[str] = set()
    for i in range(tokens.start, tokens.end):
        found.update(by_token[i])
    for ent in ents_in(tokens):
        found.update(by_ent[ent.start, ent.end])
    return found


_STATES_KEY = "newskg.states"


def _states_named(
    doc: Doc, gazetteer: Gazetteer
) -> tuple[list[tuple[str, ...]], dict[tuple[int, int], tuple[str, ...]]]:
    """The states each token and each entity names, in look-up order, once per Doc: linking
    asks again for the sentence of every place and person name, and a word repeats."""
    kept = doc.user_data.get(_STATES_KEY)
    if kept is not None and kept[0] is gazetteer:
        return kept[1], kept[2]
    words: dict[str, tuple[str, ...]] = {}
    for t in doc:
        if t.text not in words:
            found = (*gazetteer.demonym(t.text), *gazetteer.lookup(t.text))
            words[t.text] = tuple(e.qid for e in found if e.type in STATE_TYPES)
    by_token = [words[t.text] for t in doc]
    by_ent = {
        (ent.start, ent.end): tuple(
            e.qid for e in gazetteer.lookup(ent.text) if e.type in STATE_TYPES
        )
        for ent in doc_ents(doc)
    }
    doc.user_data[_STATES_KEY] = (gazetteer, by_token, by_ent)
    return by_token, by_ent


def acts(span: Span) -> bool:
    """Whether a place name is used as an actor (subject, possessor, partner), not a location."""
    root = span.root
    if is_dateline(span):
        return False
    dep = root.dep_
    head = root.head
    if dep in ("nsubj", "nsubjpass", "csubj"):
        return head.lemma_ not in _PLACE_SUBJECT_VERBS
    if dep == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return True
    if dep == "dobj":
        return head.lemma_ not in _PLACE_VERBS
    if dep == "pobj":
        prep = head.lower_
        if prep in _ACTOR_PREPS:
            return head.head.lemma_ not in _PLACE_VERBS
        return False
    if dep == "conj":
        # "Washington and Beijing agreed": as its first conjunct.
        first = head
        while first.dep_ == "conj":
            first = first.head
        return first.dep_ in ("nsubj", "nsubjpass", "poss") or (
            first.dep_ == "pobj" and first.head.lower_ in _ACTOR_PREPS
        )
    return False


def is_dateline(span: Span) -> bool:
    """'PEKING, March 3 -' or 'TOKYO (Reuters) -' at the start of a line."""
    doc = span.doc
    start = span.start
    line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space
    if not line_start:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return span.text.isupper() and nxt is not None and nxt.text in (",", "(", "-", "\u2014")


def subnational(span: Span) -> bool:
    """Context saying the name is a US state or province, not the country of that name."""
    doc = span.doc
    before = doc[max(0, span.start - 2) : span.start].text
    if any(before.endswith(w) for w in _SUBNATIONAL_BEFORE):
        return True
    after = span.end
    if after < len(doc) and doc[after].text in ("state", "State"):
        # "Washington state" (the noun the name modifies), not "China state media".
        state = doc[after]
        if (
            span.root.head == state
            and state.dep_ not in ("compound", "amod", "nmod")
            and (after + 1 >= len(doc) or doc[after + 1].text not in ("-", "\u2011"))
        ):
            return True
    if after < len(doc) and doc[after].tag_ == "POS":
        after += 1
    if after < len(doc) and doc[after].text in _SUBNATIONAL_AFTER:
        return True
    text = doc_text(doc)
    window = text[max(0, span.start_char - 40) : span.end_char + 40]
    return bool(_US_PARTY_STATE.search(window))


def followed_by(span: Span, word: str) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].text == word


def countries_in_context(span: Span, gazetteer: Gazetteer) -> set[str]:
    """QIDs of the states named (or adjectived) in the span's sentence, else in the document."""
    near = states_in(span.sent, gazetteer)
    return near or countries_named(span.doc, gazetteer)


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


_PLACE_LABELS = ("GPE", "LOC")
_LOCAL = ("city", "region")


def country_placed(entry: Entry, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the document names ``entry``'s country, by name or demonym, or another place
    all of whose namesakes are in that country ("Dallas" for "Texas", not "Portland" for a
    Jamaican parish)."""
    country = entry.country_qid
    if not country or country in countries_named(span.doc, gazetteer):
        return True
    return places_named_in(country, span, gazetteer)


def places_named_in(country: str, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the document names a place other than ``span`` all of whose namesakes are in
    ``country`` ("Atlanta" or "Texas" for the US)."""
    own = strip_possessive(span.text)
    for ent in doc_ents(span.doc):
        if ent.label_ not in _PLACE_LABELS or strip_possessive(ent.text) == own:
            continue
        places = [e for e in gazetteer.lookup(strip_possessive(ent.text)) if e.type in _LOCAL]
        if places and all(e.country_qid == country for e in places):
            return True
    return False


def namesake_region(state: Entry, span: Span, gazetteer: Gazetteer) -> Entry | None:
    """A US state named like ``state`` ("Georgia") when the document names other places of
    the US: the state may be meant as well. US states are the regions with an AP-style
    abbreviation ("Ga."): American news names them bare, as it names countries; a province
    named like a country elsewhere ("Luxembourg" in Belgium) is not taken for it."""
    if state.type not in STATE_TYPES:
        return None
    for e in gazetteer.lookup(strip_possessive(span.text)):
        if (
            e.type == "region"
            and any(a.endswith(".") for a in e.aliases)
            and e.country_qid
            and e.country_qid != state.qid
            and gazetteer.is_label(e.label, state)
            and places_named_in(e.country_qid, span, gazetteer)
        ):
            return e
    return None
