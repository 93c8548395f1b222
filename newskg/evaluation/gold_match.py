"""Matching and counting rules of ``newskg eval`` (gold JSON): pure functions, testable without
a model. Names compare by :func:`name_key`, evidence by :func:`contains`/:func:`locate`, gold
names resolve to :class:`Ref` and predicted entities are :class:`Entity`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from extract.normalise import plain_text as normalise
from extract.normalise import straight_quotes
from extract.records import PolicyStatus, SummitStatus

POLICY_STATUSES = frozenset(s.value for s in PolicyStatus)
SUMMIT_STATUSES = frozenset(s.value for s in SummitStatus)
KNOWN_STATUSES = POLICY_STATUSES | SUMMIT_STATUSES
"""The status vocabulary (the ontology's, as in ``extract.records``); other gold strings are
judged leniently."""

ANONYMOUS = "anonymous"
"""The gold speaker name of unnamed sources; it matches an ``nkg:AnonymousSource``."""

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


def unit_key(unit: str) -> str:
    """The comparison key of a unit, each side of a rate singular: "barrels per day" and
    "barrel per day" are one unit.

    >>> unit_key("barrels per day") == unit_key("barrel per day")
    True
    """
    return " per ".join(name_key(part, plural=True) for part in name_key(unit).split(" per "))


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
    for i, ch in enumerate(straight_quotes(text)):
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


def required(item: dict[str, Any]) -> bool:
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
