"""The pattern file of researcher questions, compiled to spaCy ``Matcher`` patterns.

Each row of ``lexicons/question_patterns.tsv`` is a pattern line such as
``what ~do {speaker} say about {topic}``: ``{slot}`` elements are names read by
:mod:`extract.question_names`, ``@class`` elements word classes from the lexicons, ``~lemma``
lemmas, other words literal. :func:`best_match` picks the pattern covering most tokens.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract import lexicons
from extract.question_records import Intent, Pattern

PATTERNS_FILE = "question_patterns.tsv"

_SLOT_END_TAGS = (",", ".", ":", "``", "''", "-LRB-", "-RRB-", "NFP")
"""Penn Treebank tags of the punctuation that ends a name slot (all but the hyphen, HYPH)."""


@cache
def patterns() -> tuple[Pattern, ...]:
    """Every supported pattern, in the order of the file (earlier rows win ties)."""
    return tuple(
        Pattern(Intent(r["intent"]), r["pattern"], r["example"])
        for r in lexicons.table(PATTERNS_FILE)
    )


@cache
def word_class(name: str) -> frozenset[str]:
    """The lemmas of a word class used by the patterns (``@speech``, ``@summit`` ...)."""
    if name == "speech":
        return frozenset(
            r["phrase"]
            for r in lexicons.table("reporting_verbs.tsv")
            if r["frame"] in ("speech", "act") and " " not in r["phrase"]
        )
    if name == "summit":
        return frozenset(
            r["form"] for r in lexicons.table("summit_triggers.tsv") if " " not in r["form"]
        )
    if name == "policy":
        return frozenset(policy_kinds_of_words())
    if name == "status":
        return frozenset(policy_statuses())
    raise KeyError(f"unknown word class @{name} in {PATTERNS_FILE}")


@cache
def policy_kinds_of_words() -> dict[str, tuple[str, ...]]:
    """One-word policy triggers that need no context ("tariff" -> Tariff) and their kinds."""
    kinds: dict[str, list[str]] = {}
    for r in lexicons.table("policy_triggers.tsv"):
        if " " not in r["form"] and r["pos"] == "NOUN" and r["needs"] == "-":
            kinds.setdefault(r["form"], []).append(r["kind"])
    return {w: tuple(k) for w, k in kinds.items()}


@cache
def policy_statuses() -> dict[str, str]:
    """Verb lemmas that state where a policy stands ("impose" -> imposed)."""
    return {
        r["cue"]: r["status"]
        for r in lexicons.table("status_cues.tsv")
        if r["applies"] in ("policy", "both")
    }


def compile_pattern(pattern: str) -> tuple[list[dict], dict[int, str]]:
    """A pattern line -> a spaCy Matcher pattern and which of its elements are which slot.

    >>> spec, slots = compile_pattern("what ~do {speaker} say")
    >>> spec[1], slots
    ({'LEMMA': {'IN': ['do']}}, {2: 'speaker'})
    """
    elements = pattern.split()
    spec: list[dict] = []
    slots: dict[int, str] = {}
    for i, element in enumerate(elements):
        optional = element.endswith("?")
        element = element.rstrip("?")
        if element.startswith("{"):
            name, _, cls = element.strip("{}").partition(":")
            slots[i] = name
            if cls:
                token: dict = {"LEMMA": {"IN": sorted(_lemmas(cls))}}
            else:
                # A hyphen inside a name stays in it ("Schulte-Strathaus", "short-range");
                # other punctuation ends the slot.
                token = {"TAG": {"NOT_IN": list(_SLOT_END_TAGS)}, "OP": "*" if optional else "+"}
                if i < len(elements) - 1:
                    # A name before more of the pattern holds no verb: the verb is the pattern's.
                    token["POS"] = {"NOT_IN": ["VERB", "AUX"]}
        elif element.startswith(("@", "~")):
            token = {"LEMMA": {"IN": sorted(_lemmas(element))}}
        else:
            token = {"LOWER": {"IN": element.split("|")}}
        if optional and "OP" not in token:
            token["OP"] = "?"
        spec.append(token)
    return spec, slots


def _lemmas(element: str) -> set[str]:
    """``@speech|~talk|speak``: the union of word classes and lemmas."""
    lemmas: set[str] = set()
    for alt in element.split("|"):
        lemmas |= word_class(alt[1:]) if alt.startswith("@") else {alt.lstrip("~")}
    return lemmas


@cache
def compiled_patterns() -> tuple[tuple[list[dict], dict[int, str]], ...]:
    """Every pattern of :func:`patterns` compiled, in the same order."""
    return tuple(compile_pattern(p.pattern) for p in patterns())


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """One Matcher of every pattern per vocabulary (the pattern row is the match id)."""
    key = id(vocab)
    if key not in _MATCHERS:
        matcher = Matcher(vocab)
        for i, (spec, _) in enumerate(compiled_patterns()):
            matcher.add(str(i), [spec], greedy="LONGEST")
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def best_match(doc: Doc) -> tuple[int, int, list[int]] | None:
    """(pattern row, start token, alignments) of the match covering most tokens."""
    best: tuple[int, int, int, list[int]] | None = None
    # Any: spaCy's stubs know only the (id, start, end) form, not with_alignments' 4-tuples.
    matches: Any = _matcher(doc.vocab)(doc, with_alignments=True)
    for match_id, start, end, alignments in matches:
        row = int(doc.vocab.strings[match_id])
        score = end - start
        if best is None or (score, -row) > (best[0], -best[1]):
            best = (score, row, start, list(alignments))
    return None if best is None else (best[1], best[2], best[3])


def nearest_patterns(text: str, limit: int = 3) -> tuple[Pattern, ...]:
    """The supported patterns whose examples read most like ``text`` (one per intent)."""
    low = text.lower().rstrip("?")
    scored = sorted(
        patterns(), key=lambda p: -difflib.SequenceMatcher(None, low, p.example.lower()).ratio()
    )
    seen: set[Intent] = set()
    out = []
    for p in scored:
        if p.intent not in seen:
            seen.add(p.intent)
            out.append(p)
    return tuple(out[:limit])
