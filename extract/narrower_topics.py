"""Narrower topics the text builds out of words: noun compounds narrowing a topic ("oil
prices": oil price) and things a country or body owns that the text refers back to ("the UK's
rebate" ... "the rebate": UK rebate). :func:`extract.topics.find_topics` records them as
narrower topics beside the topics their words name."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.text import Layout, doc_ents

# Determiners of a noun phrase that refers back to something named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@functools.cache
def _not_topic_heads() -> frozenset[str]:
    """Nouns for people, bodies and publications, never a topic however modified ("oil
    minister", "trade group", "news agency"): the role and speaker lexicons."""
    words = set(lexicons.words("titles.txt")) | set(lexicons.words("anonymous_sources.txt"))
    words |= set(lexicons.words("institutions.txt"))
    words |= {row["word"] for row in lexicons.table("nominal_speakers.tsv")}
    return frozenset(w for w in words if " " not in w)


def compounds(doc: Doc, seen: list[tuple[Span, str]], layout: Layout) -> list[tuple[Span, str]]:
    """Noun compounds that narrow a topic already found: "oil prices" (oil), "debt strategy"
    (debt), "farm imports" (import). The label is the head with the noun next to it ("crude oil
    prices" is oil price): the narrower topic, whatever further words qualify it."""
    one_word = {sp.start: key for sp, key in seen if len(sp) == 1}
    # A name of several words whose last word is its topic's own word ("crude oil" is oil)
    # narrows like that word: "crude oil prices" is oil price too.
    one_word |= {
        sp.end - 1: key
        for sp, key in seen
        if len(sp) > 1 and key.rsplit(" ", 1)[-1].endswith(sp[-1].lemma_.lower())
    }
    longer = {
        i for sp, _ in seen if len(sp) > 1 for i in range(sp.start, sp.end) if i not in one_word
    }
    heads = _not_topic_heads()
    out: list[tuple[Span, str]] = []
    for head in doc:
        if head.pos_ != "NOUN" or not head.is_alpha or head.i in longer or head.ent_type_:
            continue
        mod = doc[head.i - 1] if head.i > 0 else None
        if (
            mod is None
            or mod.head != head
            or mod.dep_ != "compound"
            or mod.pos_ != "NOUN"
            or not mod.is_alpha
            or mod.ent_type_
            or head.lemma_.lower() in heads
            or layout.in_heading(head.idx)
        ):
            continue
        if mod.i in longer or (mod.i not in one_word and head.i not in one_word):
            continue  # neither word is a topic of its own: no topic to narrow
        out.append((doc[mod.i : head.i + 1], f"{mod.lemma_.lower()} {head.lemma_.lower()}"))
    return out


# Names that own a thing the article goes on about: a country, place or body, not a person
# ("Obama's decision" is what he did, not a standing topic).
_OWNER_LABELS = frozenset({"GPE", "ORG"})


def owned(doc: Doc, seen: list[tuple[Span, str]], layout: Layout) -> list[tuple[Span, str, int]]:
    """A thing a country or body owns that the article refers back to: "the UK's rebate" (and
    later "the rebate") is the topic UK rebate, "the EU budget" (and "the budget") EU budget.
    The body must name the noun again on its own ("the rebate"): a thing named once is a
    detail, and "the Berlin man" is seldom "the man" again. Each comes with its owner's token.
    """
    taken = {i for sp, _ in seen for i in range(sp.start, sp.end)}
    nouns = [t for t in doc if t.pos_ == "NOUN"]
    count: dict[str, int] = {}
    for t in nouns:
        if _bare_definite(t) and not layout.in_heading(t.idx):
            count[t.lemma_.lower()] = count.get(t.lemma_.lower(), 0) + 1
    heads: frozenset[str] | None = None  # read only once a noun has an owner: most have none
    out: list[tuple[Span, str, int]] = []
    for head in nouns:
        lemma = head.lemma_.lower()
        if (
            count.get(lemma, 0) < 1
            or not head.is_alpha
            or head.ent_type_
            or head.i in taken
            or layout.in_heading(head.idx)
        ):
            continue
        owner = next(
            (
                c
                for c in head.children
                if c.dep_ in ("poss", "compound") and c.i < head.i and c.ent_type_ in _OWNER_LABELS
            ),
            None,
        )
        if owner is None:
            continue
        if heads is None:
            heads = _not_topic_heads() | _person_nouns(doc)
        if lemma in heads:
            continue
        name = next((e for e in doc_ents(doc) if e.start <= owner.i < e.end), None)
        if name is not None and name.end - 1 == owner.i:
            out.append((doc[name.start : head.i + 1], f"{name.text} {lemma}", owner.i))
    return out


_WHO = frozenset({"who", "whom", "whose"})


def _person_nouns(doc: Doc) -> set[str]:
    """Nouns the document itself shows to be people: "the candidate who ...", "the nominee,
    Ann Lee", "candidate Ann Lee". A thing owned is a topic; a person is not."""
    out: set[str] = set()
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        person = (
            any(c.dep_ == "relcl" and any(w.lower_ in _WHO for w in c.children) for c in t.children)
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)
            or (t.dep_ in ("appos", "compound") and t.head.ent_type_ == "PERSON")
        )
        if person:
            out.add(t.lemma_.lower())
    return out


def _bare_definite(tok: Token) -> bool:
    """Whether ``tok`` is "the <noun>" with no modifier of its own: a reference back."""
    children = list(tok.children)
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children) and not any(
        c.dep_ in ("compound", "poss", "nummod", "amod") for c in children
    )


__all__ = ["DEFINITE", "compounds", "owned"]
