"""Hand-built parses for tests that must run without the spaCy model.

:func:`parse` turns a small table, one token a line, into a ``Doc`` with the dependency tree,
tags, lemmas and entities written in it (as spaCy's own tests build theirs)::

    Anna    PROPN NNP compound 1 -   B-PERSON
    Berg    PROPN NNP nsubj    2 -   I-PERSON
    said    VERB  VBD ROOT     2 say
    ...

Columns: word, coarse POS, fine tag, dependency, head (index of the head token, counted from 0
over the whole table; a root is its own head), lemma (``-``: the word in lower case), entity
(IOB; may be left out for ``O``). A word glues to the one before it when it is punctuation or a
clitic ("'s", "n't"), or follows an opening quotation mark; a blank line starts a new paragraph.
"""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from extract.context import DocContext, make_context
from extract.gazetteer import Gazetteer
from extract.records import DocumentInfo

_VOCAB = spacy.blank("en").vocab
_GLUE_BEFORE = {".", ",", ":", ";", "?", "!", "'s", "\u2019s", "n't", "\u201d", ")"}
_GLUE_AFTER = {"\u201c", "("}


def parse(table: str) -> Doc:
    """The ``Doc`` a token table describes (see the module docstring)."""
    rows: list[list[str]] = []
    breaks: set[int] = set()
    for line in table.strip("\n").splitlines():
        if not line.strip():
            breaks.add(len(rows))
            continue
        rows.append(line.split())
    words = [r[0] for r in rows]
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _GLUE_BEFORE and w not in _GLUE_AFTER)
    # A paragraph break is a newline token of its own, as the model's tokenizer makes one.
    out_words: list[str] = []
    out_spaces: list[bool] = []
    index: dict[int, int] = {}
    for i, (w, sp) in enumerate(zip(words, spaces, strict=True)):
        if i in breaks:
            out_spaces[-1] = False
            out_words.append("\n\n")
            out_spaces.append(False)
        index[i] = len(out_words)
        out_words.append(w)
        out_spaces.append(sp)
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    ents: list[str] = []
    for i, w in enumerate(out_words):
        if w == "\n\n":
            heads.append(i)
            deps.append("dep")
            pos.append("SPACE")
            tags.append("_SP")
            lemmas.append(w)
            ents.append("O")
            continue
        r = rows[next(k for k, v in index.items() if v == i)]
        heads.append(index[int(r[4])])
        deps.append(r[3])
        pos.append(r[1])
        tags.append(r[2])
        lemmas.append(r[0].lower() if r[5] == "-" else r[5])
        ents.append(r[6] if len(r) > 6 else "O")
    return Doc(
        _VOCAB,
        words=out_words,
        spaces=out_spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


def context(doc: Doc, gazetteer: Gazetteer, date: dt.date | None = None) -> DocContext:
    """The :class:`~extract.context.DocContext` of a hand-built ``doc``."""

    info = DocumentInfo(id="t", text=doc.text, sha256="0" * 64, date=date)
    return make_context(doc, info, gazetteer)


def said_that(subject: str) -> str:
    """The table of "<subject> said that talks resume.": ``subject`` is the subject's token
    rows, whose head column may say ``V`` for the verb "said"."""
    rows = [r for r in subject.strip("\n").splitlines() if r.strip()]
    n = len(rows)
    rows = [
        " ".join(str(n) if i == 4 and c == "V" else c for i, c in enumerate(r.split()))
        for r in rows
    ]
    tail = [
        f"said    VERB  VBD ROOT  {n} say",
        f"that    SCONJ IN  mark  {n + 3} -",
        f"talks   NOUN  NNS nsubj {n + 3} talk",
        f"resume  VERB  VBP ccomp {n} -",
        f".       PUNCT .   punct {n} -",
    ]
    return "\n".join(rows + tail)


ANNA_BERG = """
Anna  PROPN NNP compound 1 - B-PERSON
Berg  PROPN NNP nsubj    V - I-PERSON
"""


# "“Prices will rise,” Anna Berg said." (tokens 0-9)
QUOTE_THEN_SAID = """
\u201c     PUNCT ``  punct    3 -
Prices    NOUN  NNS nsubj    3 price
will      AUX   MD  aux      3 -
rise      VERB  VB  ccomp    8 -
,         PUNCT ,   punct    3 -
\u201d     PUNCT ''  punct    3 -
Anna      PROPN NNP compound 7 -      B-PERSON
Berg      PROPN NNP nsubj    8 -      I-PERSON
said      VERB  VBD ROOT     8 say
.         PUNCT .   punct    8 -
"""
