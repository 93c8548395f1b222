"""Names of a question -> the graph resources they mean (:func:`resolve`): by the Wikidata QIDs
the extractors' linking gave them through ``owl:sameAs``, else by ``rdfs:label``,
``skos:altLabel`` or ``nkg:role``, with the fallbacks (surname, title and surname, initials,
given name and surname) and when a name stays ambiguous."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract import lexicons
from extract.gazetteer import initials
from extract.question_records import NameRef
from graph.question_sparql import NAME_KEY, Queryable, lit, name_key, prefix_lines, rows
from ontology.vocab import WIKIDATA_ENTITY


@dataclass(frozen=True, slots=True)
class Match:
    """A graph resource a name was found to mean, and how."""

    iri: str
    label: str
    how: str  # one of _HOW
    qid: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    name: NameRef
    matches: tuple[Match, ...]

    @property
    def ambiguous(self) -> bool:
        """Several different things answer to the name (not one thing found several ways)."""
        primary = [m for m in self.matches if m.how not in _SECONDARY]
        if len({m.iri for m in primary}) < 2:
            return False
        asked = {name_key(f) for f in self.name.forms}
        known = [m for m in primary if not (m.how == "label" and m.qid is None)]
        if len(known) == 1 and all(name_key(m.label) in asked for m in primary if m not in known):
            # A bare record labelled with just the name asked ("EC") beside the one resource
            # that has the name as an alias (European Community): the record is what an
            # article wrote for that resource, not a rival.
            return False
        if any(m.how == "Wikidata" for m in primary):
            # Found by identity: a same-named resource without a QID is another record of it;
            # only a resource linked to another item is a rival.
            return any(m.qid and m.qid not in self.name.qids for m in primary)
        return True


def resolve(store: Queryable, name: NameRef) -> Resolved:
    """The actors, places and topics of the graph that ``name`` means."""
    whole = _whole_phrase(store, name) if name.ignored and not name.person else None
    if whole is not None:
        return whole
    found: dict[str, Match] = {}
    for m in sorted(_lookup(store, name.qids, name.forms), key=lambda m: _HOW.index(m.how)):
        found.setdefault(m.iri, m)
    words = name_key(name.forms[0]).split() if name.forms else []
    if name.person and len(words) == 1:
        # A lone surname means the one person whose full name ends with it, as in an article.
        for m in _full_names(store, words[0]):
            found.setdefault(m.iri, m)
    elif name.person and len(words) > 1:
        for m in _surname_matches(store, words[-1], set(name.qids)):
            found.setdefault(m.iri, m)
        if not found:
            for m in _given_and_surname(store, words[0], words[-1]):
                found.setdefault(m.iri, m)
    if name.forms and _is_long_name(name.forms[0]):
        # "International Finance Facility" is often written "IFF" after its first mention.
        for m in _lookup(store, (), [initials(name.forms[0])]):
            found.setdefault(m.iri, Match(m.iri, m.label, "initials", m.qid))
    return Resolved(
        name, tuple(sorted(found.values(), key=lambda m: (m.how != "Wikidata", m.label, m.iri)))
    )


_ARTICLES = frozenset({"the", "a", "an"})


def _whole_phrase(store: Queryable, name: NameRef) -> Resolved | None:
    """A phrase the graph holds whole ("the UK rebate": the topic UK rebate) means that, not
    the thing its main word names (the UK) with the other words left unused."""
    words = name.text.split()
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    phrase = " ".join(words)
    found: dict[str, Match] = {}
    for m in _lookup(store, (), [phrase]) if phrase else ():
        found.setdefault(m.iri, m)
    if not found:
        return None
    exact = replace(name, forms=(phrase,), qids=(), ignored=None)
    return Resolved(exact, tuple(sorted(found.values(), key=lambda m: (m.label, m.iri))))


def _lookup(store: Queryable, qids: Sequence[str], forms: Sequence[str]) -> list[Match]:
    """Resources with one of these QIDs, or a label, alias or role equal to one of the forms.

    Names written exactly as stored are found through the store's index; only when none is
    does the query compare every name by :func:`name_key` (case, dots, quotes), which reads
    all labels.
    """
    exact = sorted({v for f in forms for v in (f, f.lower(), f.title(), f.upper())})
    found = rows(store, _lookup_query(qids, "VALUES ?n { " + " ".join(map(lit, exact)) + " }"))
    if not any(r["how"] != "Wikidata" for r in found):
        keys = " ".join(lit(k) for k in dict.fromkeys(name_key(f) for f in forms) if k)
        key = NAME_KEY.format(v="?n")
        test = f'FILTER({key} = ?key || {key} = CONCAT("the ", ?key))'
        found += rows(store, _lookup_query((), f"VALUES ?key {{ {keys} }}", test))
    return [Match(r["r"], r.get("label") or r["r"], r["how"], _qid(r.get("same"))) for r in found]


def _lookup_query(qids: Sequence[str], names: str, test: str = "") -> str:
    qid_values = " ".join(f"wd:{q}" for q in qids)
    return f"""{prefix_lines()}SELECT DISTINCT ?r ?label ?how ?same WHERE {{
  {{ VALUES ?q {{ {qid_values} }} ?r owl:sameAs ?q . BIND("Wikidata" AS ?how) }}
  UNION {{
    {names}
    {{ ?r rdfs:label ?n . BIND("label" AS ?how) }}
    UNION {{ ?r skos:altLabel ?n . BIND("alias" AS ?how) }}
    UNION {{ ?r nkg:role ?n . BIND("role" AS ?how) }}
    {test}
  }}
  VALUES ?type {{ nkg:Actor nkg:Person nkg:Organization nkg:Country nkg:Place nkg:Topic }}
  ?r a ?type .
  OPTIONAL {{ ?r rdfs:label ?label }}
  OPTIONAL {{ ?r owl:sameAs ?same }}
}}"""


_HOW = (
    "Wikidata",
    "label",
    "alias",
    "role",
    "surname",
    "given and surname",
    "title and surname",
    "initials",
)
_SECONDARY = frozenset({"title and surname", "initials"})
"""Ways of matching that find more forms of the same thing, never a rival candidate."""


def _is_long_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 3


def _full_names(store: Queryable, surname: str) -> list[Match]:
    """Persons whose label ends with ``surname`` ("Machimura" -> Nobutaka Machimura)."""
    query = f"""{prefix_lines()}SELECT DISTINCT ?r ?label ?same WHERE {{
  ?r a nkg:Person ; rdfs:label ?label .
  FILTER(STRENDS({NAME_KEY.format(v="?label")}, {lit(" " + surname)}))
  OPTIONAL {{ ?r owl:sameAs ?same }}
}}"""
    return [Match(r["r"], r["label"], "surname", _qid(r.get("same"))) for r in rows(store, query)]


def _surname_matches(store: Queryable, surname: str, qids: set[str]) -> list[Match]:
    """Persons known only by a title and this surname ("President Bush" for George W Bush)."""
    titles = lexicons.words("titles.txt")
    query = f"""{prefix_lines()}SELECT DISTINCT ?r ?label ?same WHERE {{
  ?r a nkg:Person ; rdfs:label ?label .
  FILTER(STRENDS(LCASE(STR(?label)), {lit(" " + surname)}))
  OPTIONAL {{ ?r owl:sameAs ?same }}
}}"""
    out = []
    for r in rows(store, query):
        first = name_key(r["label"]).rsplit(" ", 1)[0]
        qid = _qid(r.get("same"))
        if first in titles and (qid is None or not qids or qid in qids):
            out.append(Match(r["r"], r["label"], "title and surname", qid))
    return out


_PARTICLE = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|ibn|bin|ben|van|von|de|da|di|du|la|le)-")


def _given_and_surname(store: Queryable, given: str, surname: str) -> list[Match]:
    """Persons with this given name and surname, whatever stands between or how the particle
    is written: "Ali Khalifa Al-Sabah" is the "Ali al-Khalifa al-Sabah" of the article."""
    core = _PARTICLE.sub("", surname)
    if len(core) < 3:
        return []
    key = NAME_KEY.format(v="?label")
    query = f"""{prefix_lines()}SELECT DISTINCT ?r ?label ?same WHERE {{
  ?r a nkg:Person ; rdfs:label ?label .
  FILTER(STRSTARTS({key}, {lit(given + " ")}) && STRENDS({key}, {lit(core)}))
  OPTIONAL {{ ?r owl:sameAs ?same }}
}}"""
    out = []
    for r in rows(store, query):
        last = name_key(r["label"]).rsplit(" ", 1)[-1]
        if _PARTICLE.sub("", last) == core:
            out.append(Match(r["r"], r["label"], "given and surname", _qid(r.get("same"))))
    return out


def _qid(iri: str | None) -> str | None:
    return iri[len(WIKIDATA_ENTITY) :] if iri and iri.startswith(WIKIDATA_ENTITY) else None


__all__ = ["Match", "Resolved", "resolve"]
