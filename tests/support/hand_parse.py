"""Parses written by hand, so a rule's test needs no spaCy model (as spaCy's own tests do).

One token a line: ``word TAG dep head [lemma [ENT]]``; ``head`` is the 0-based index of the
head token (a root points at itself), ``lemma`` defaults to the lower-cased word (``-`` keeps
the default), ``ENT`` is an entity label (consecutive tokens with the same label form one
entity). The coarse part of speech follows from the tag; write ``TAG:POS`` to set it (``VBZ:AUX``).
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

_POS = {
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "NN": "NOUN",
    "NNS": "NOUN",
    "MD": "AUX",
    "IN": "ADP",
    "DT": "DET",
    "PDT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WDT": "PRON",
    "WP": "PRON",
    "WRB": "ADV",
    "CD": "NUM",
    "TO": "PART",
    "POS": "PART",
    "RP": "ADP",
    "CC": "CCONJ",
    "HYPH": "PUNCT",
    ".": "PUNCT",
    ",": "PUNCT",
    ":": "PUNCT",
}
_NO_SPACE_BEFORE = (".", ",", ":", ";", "'s", "\u2019s", "?", "!")
# A blank English vocabulary: lexical attributes (lower_, is_punct, like_num) as the model's.
_VOCAB = spacy.blank("en").vocab


def _pos(tag: str) -> str:
    if tag in _POS:
        return _POS[tag]
    if tag.startswith("VB"):
        return "VERB"
    if tag.startswith("JJ"):
        return "ADJ"
    if tag.startswith("RB"):
        return "ADV"
    return "X"


def hand_doc(rows: str) -> Doc:
    """A Doc with the tags, parse, lemmas and entities written in ``rows``."""
    words, tags, pos, deps, heads, lemmas, ents = [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        word, tag, dep, head, *rest = line.split()
        tag, _, coarse = tag.partition(":")
        lemma = rest[0] if rest and rest[0] != "-" else word.lower()
        label = rest[1] if len(rest) > 1 else None
        prev = ents[-1] if ents else "O"
        if label is None:
            ents.append("O")
        else:
            ents.append(f"I-{label}" if prev[2:] == label else f"B-{label}")
        words.append(word)
        tags.append(tag)
        pos.append(coarse or _pos(tag))
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma)
    spaces = [nxt not in _NO_SPACE_BEFORE for nxt in words[1:]] + [False]
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=ents,
    )


def token(doc: Doc, word: str) -> Token:
    """The first token of ``doc`` spelled ``word``."""
    return next(t for t in doc if t.text == word)
