"""Gender agreement: whether "he" or "she" may refer to a person of the document.

A person's sex is read from what the text and the lexicons say of them: a first name of their
label (``lexicons/first_names.tsv``), a form of address before one of their mentions ("Mrs
Berg") or a gendered title ("the spokeswoman", ``lexicons/gendered_words.tsv``). Unknown is
the usual answer and agrees with both pronouns: only a clear conflict (two signs of one sex,
none of the other) keeps "she" from a man.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from extract import lexicons
from extract.records import ActorKind

if TYPE_CHECKING:
    from extract.actors import ActorIndex
    from extract.actors.index import _Draft


@cache
def _first_names() -> dict[str, str]:
    return {r["name"]: r["sex"] for r in lexicons.table("first_names.tsv")}


@cache
def _gendered_words() -> dict[str, str]:
    return {r["word"]: r["sex"] for r in lexicons.table("gendered_words.tsv")}


@cache
def _pronoun_sex() -> dict[str, str]:
    return {r["word"]: r["sex"] for r in lexicons.table("pronouns.tsv") if r["sex"] != "-"}


def pronoun_sex(word: str) -> str | None:
    """``male`` for "he", "him", "his"; ``female`` for "she", "her"; else None."""
    return _pronoun_sex().get(word.lower())


_SIGNS_KEY = "newskg.signs"


def _signs(actors: ActorIndex, key: str) -> set[str]:
    """The sexes the document's words say the person ``key`` has, kept per Doc while the
    person's label, role and mentions stay as they were: pronoun resolution asks again for
    every pronoun and candidate, and each answer reads all the person's mentions."""
    d = actors.get(key)
    if d is None or d.kind is not ActorKind.PERSON:
        return set()
    kept = actors.doc.user_data.setdefault(_SIGNS_KEY, {})
    state = (d.label, d.role, len(d.mentions))
    hit = kept.get(key)
    if hit is not None and hit[0] is d and hit[1] == state:
        return set(hit[2])
    signs = _read_signs(actors, d)
    kept[key] = (d, state, frozenset(signs))
    return signs


def _read_signs(actors: ActorIndex, d: _Draft) -> set[str]:
    names, words = _first_names(), _gendered_words()
    label = d.label.lower().replace(".", " ").split()
    signs = {names[label[0]]} if len(label) > 1 and label[0] in names else set()
    signs |= {words[w] for w in label[:1] if w in words}
    for w in (d.role or "").lower().split():
        if w in words:
            signs.add(words[w])
    doc = actors.doc
    for m in d.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        before = [doc[span.start - 1].lower_] if span.start > 0 else []
        for w in [*before, span[0].lower_]:
            if w in words:
                signs.add(words[w])
            elif w.rstrip(".") in words:
                signs.add(words[w.rstrip(".")])
    return signs


def _said_of_self(actors: ActorIndex, key: str) -> set[str]:
    """The sexes of the pronoun subjects of what the person says, in sentences naming no other
    person ("Olsen said she would run": Olsen is a woman)."""
    d = actors.get(key)
    signs: set[str] = set()
    doc = actors.doc
    for m in d.mentions if d else ():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj":
            continue
        others = {k for t in span.sent if (k := actors.at(t)) and k != key}
        if any(actors.kind(k) is ActorKind.PERSON for k in others):
            continue
        for clause in span.root.head.children:
            if clause.dep_ != "ccomp":
                continue
            for subj in clause.children:
                if subj.dep_ == "nsubj" and (sex := pronoun_sex(subj.lower_)):
                    signs.add(sex)
    return signs


def person_sex(actors: ActorIndex, key: str) -> str | None:
    """The sex of a person when the document's words say one and only one; the pronouns of
    what they say of themselves count only when nothing else does."""
    signs = _signs(actors, key) or _said_of_self(actors, key)
    return next(iter(signs)) if len(signs) == 1 else None


def agrees(actors: ActorIndex, key: str, pronoun: str) -> bool:
    """Whether ``pronoun`` may refer to the actor ``key``: False only on a clear conflict of
    sex ("she" and a Mr); unknown sex, and every non-gendered pronoun, agree."""
    want = pronoun_sex(pronoun)
    if want is None:
        return True
    have = person_sex(actors, key)
    return have is None or have == want


__all__ = ["agrees", "person_sex", "pronoun_sex"]
