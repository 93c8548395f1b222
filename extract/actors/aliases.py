"""Alias merging: one actor per entity however the text writes it.

Run by :func:`extract.actors.find_actors` once every mention is an actor: an acronym in
brackets joins its name, a word derived from a name joins it ("Senatorial" -> "Senate"), and a
surname misspelt by one letter joins the person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from extract.names import bracketed_acronyms
from extract.records import ActorKind

if TYPE_CHECKING:
    from extract.actors.index import ActorIndex


def merge_aliases(index: ActorIndex, doc: Doc) -> None:
    """One actor per entity however it is written.

    - An acronym in brackets after a name ("World Trade Organisation (WTO)") is that name; the
      one of the two the gazetteer links is kept.
    - A single capitalised word that extends another actor's name with lower-case letters is a
      word derived from it ("Congressional leaders" beside "Congress"), even misspelt; one a
      letter away from a person's surname is that person, misspelt.
    """
    _merge_acronyms(index, doc)
    words: dict[str, str] = {}
    for d in index._drafts.values():
        if d.kind is ActorKind.PERSON:
            continue
        for m in (d.label, *(m.text for m in d.mentions)):
            for w in m.split():
                if len(w) >= 5 and w[:1].isupper() and w[1:].islower():
                    words.setdefault(w.lower(), d.key)
    for d in list(index._drafts.values()):
        if d.qid or d.kind in (ActorKind.PERSON, ActorKind.ANONYMOUS) or " " in d.label:
            continue
        label = d.label
        if not (label[:1].isupper() and label[1:].islower() and label.isalpha()):
            continue
        base = _derived_from(label, d.key, words) or _misspelt_surname(index, label)
        if base is not None and base in index._drafts:
            index._merge(base, d.key)


def _merge_acronyms(index: ActorIndex, doc: Doc) -> None:
    for name, acronym in bracketed_acronyms(doc):
        a, b = index.at(name[-1]), index.at(acronym[0])
        if a and not b and a in index._drafts:
            index._add(index._drafts[a], acronym)
        elif a and b and a != b and a in index._drafts and b in index._drafts:
            keep, drop = (b, a) if index._drafts[b].qid and not index._drafts[a].qid else (a, b)
            index._merge(keep, drop)


def _derived_from(label: str, key: str, words: dict[str, str]) -> str | None:
    """The actor whose name ``label`` extends ("Senate" -> "Senatorial": a final e drops before
    a suffix)."""
    return next(
        (
            k
            for w, k in words.items()
            if k != key
            and len(label) >= len(w) + 2
            and label.lower().startswith(w[:-1] if w.endswith("e") else w)
        ),
        None,
    )


def _misspelt_surname(index: ActorIndex, label: str) -> str | None:
    """ "Kiechl" beside "Ignaz Kiechle": a surname misspelt, and then mistyped by the NER."""
    people = {
        p.key
        for p in index._drafts.values()
        if p.kind is ActorKind.PERSON
        and " " in p.label
        and one_edit_apart(label.lower(), p.label.lower().split()[-1])
    }
    return people.pop() if len(people) == 1 else None


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words of five letters or more differ by one letter added,
    dropped, changed, or two neighbours swapped.

    >>> one_edit_apart("mulrony", "mulroney"), one_edit_apart("baker", "parker")
    (True, False)
    """
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


__all__ = ["merge_aliases", "one_edit_apart"]
