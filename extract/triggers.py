"""Trigger words: lexicon rows (summit and policy triggers) matched on the tokens of a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from extract import lexicons
from extract.text import doc_lemmas, doc_lowers


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon row matched in the text: tokens ``start``..``end`` (exclusive), ``head`` last."""

    start: int
    end: int
    kind: str
    extra: str

    def head(self, doc: Doc) -> Token:
        return doc[self.end - 1]


@cache
def _rows(name: str) -> tuple[tuple[tuple[str, ...], str, str, str], ...]:
    rows = []
    for r in lexicons.table(name):
        words = tuple(re.findall(r"[\w$%£€']+|[^\w\s]", r["form"].lower()))
        rows.append((words, r["pos"], r["kind"], r.get("needs") or r.get("group") or "-"))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _index(name: str) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Row positions by first word: rows of several words (their first word matches by lower
    form only), and single-word rows (matched by lower form or lemma). Looking rows up by the
    token's own forms instead of trying every row at every token keeps matching linear in the
    text whatever the lexicon's size."""
    several: dict[str, list[int]] = {}
    single: dict[str, list[int]] = {}
    for pos, (words, *_rest) in enumerate(_rows(name)):
        (several if len(words) > 1 else single).setdefault(words[0], []).append(pos)
    return ({w: tuple(v) for w, v in several.items()}, {w: tuple(v) for w, v in single.items()})


def _candidates(name: str, lower: str, lemma: str) -> list[int]:
    several, single = _index(name)
    rows = (several.get(lower, ()), single.get(lower, ()), single.get(lemma, ()))
    if not any(rows):  # most tokens start no row: skip building and sorting a set
        return []
    # The rows' own order: longest first, then as listed.
    return sorted({*rows[0], *rows[1], *rows[2]})


def find_triggers(doc: Doc, lexicon: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Lexicon rows matched on tokens: every word by lower form, the last also by lemma (plurals);
    several rows may match the same tokens (a restriction on exports or on imports)."""
    end = len(doc) if end is None else end
    rows = _rows(lexicon)
    # Forms read once per Doc (summit and policy triggers scan the same tokens).
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    found: list[Trigger] = []
    taken: set[int] = set()
    for i in range(start, end):
        best: list[Trigger] = []
        for row in _candidates(lexicon, lowers[i], lemmas[i]):
            words, pos, kind, extra = rows[row]
            n = len(words)
            if i + n > end or (best and n < best[0].end - best[0].start):
                continue
            if not all(lowers[i + k] == words[k] for k in range(n - 1)):
                continue
            if lowers[i + n - 1] != words[-1] and lemmas[i + n - 1] != words[-1]:
                continue
            last = doc[i + n - 1]
            if (
                n == 1
                and pos
                and last.pos_ != pos
                and not (pos == "NOUN" and last.pos_ == "PROPN")
                and not verb_read_as_modifier(last, pos, words[-1])
            ):
                continue
            best.append(Trigger(i, i + n, kind, extra))
        if best and not any(t in taken for t in range(best[0].start, best[0].end)):
            found.extend(best)
            taken.update(range(best[0].start, best[0].end))
    return found


def verb_read_as_modifier(token: Token, pos: str, form: str) -> bool:
    """A lexicon verb in its bare form that the tagger read as an adjective of the next noun
    ("voluntarily restrain exports" tagged like "voluntary exports"): still the verb."""
    return (
        pos == "VERB"
        and token.pos_ == "ADJ"
        and token.lower_ == form
        and token.dep_ == "amod"
        and token.head.i == token.i + 1
    )


__all__ = ["Trigger", "find_triggers", "verb_read_as_modifier"]
