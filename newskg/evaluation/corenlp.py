"""Tokens, lemmas and coreference chains of a corpus's own CoreNLP parse (``NAME.txt.xml``).

The attribution scorer reads the cue's lemmas ("reports" -> report) and, for a pronoun or a
description as source, the nearest proper-name mention of its coreference chain from here, so
that the measure does not depend on newskg's own parse. Without a parse file, lemmas are
guessed by suffix rules (:func:`guess`) and there are no chains.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from extract.lexicons import read_table

Span = tuple[int, int]
Token = tuple[str, str, str]  # (word, lemma, POS); POS "?" for a guessed lemma
CUE_WORDS = Path(str(files("newskg"))) / "evaluation" / "cue_words.tsv"
_UNUSED = re.compile(rb"<(dependencies|parse)\b.*?</\1>", re.S)
_SUFFIXES = ("s", "es", "ies", "d", "ed", "ied", "ing")


@cache
def word_class(name: str) -> frozenset[str]:
    """The words of one class of ``cue_words.tsv`` (speech, cognition, aux, pronoun, stop)."""
    return frozenset(r["word"] for r in read_table(CUE_WORDS) if r["class"] == name)


@cache
def irregular() -> dict[str, str]:
    return {r["word"]: r["lemma"] for r in read_table(CUE_WORDS) if r["class"] == "irregular"}


def words(text: str) -> list[str]:
    """Lower-cased word characters runs (a curly apostrophe read as a straight one)."""
    return re.findall(r"\w+", text.lower().replace("\u2019", "'"))


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in word_class("stop")}


def guess(text: str) -> list[Token]:
    """(word, lemma, "?") for every plausible lemma of each word: a suffix rule cannot tell
    "noted" (note) from "called" (call), so both "note" and "not" are offered for "noted"."""
    out = []
    for w in words(text):
        cands = {w, irregular().get(w, w)}
        for suf in _SUFFIXES:
            stem = w[: -len(suf)]
            if w.endswith(suf) and len(stem) > 1:  # "-tting" -> "t" too, undoubled
                undoubled = stem[:-1] if stem[-1] == stem[-2] else stem
                cands |= {stem, stem + "e", stem + "y", undoubled}
        out += [(w, c, "?") for c in sorted(cands)]
    return out


@dataclass
class Parse:
    """Tokens ((start, end, word, lemma, POS), lower-cased) and chains of mentions
    ((start, end, head is a proper noun)) of one document; empty without a parse file."""

    tokens: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    chains: list[list[tuple[int, int, bool]]] = field(default_factory=list)
    _token_ends: list[int] = field(default_factory=list, repr=False)

    def lemmas(self, spans: tuple[Span, ...], text: str) -> list[Token]:
        """(word, lemma, POS) of the tokens in spans; guessed for a token only partly inside
        ("self-described") and for all of them when there is no parse."""
        if not self.tokens:
            return [x for s, e in spans for x in guess(text[s:e])]
        ends = self._ends()
        out: list[Token] = []
        for s, t in spans:
            # Tokens are in text order and do not overlap: start at the first ending after s.
            for b, e, w, lemma, pos in self.tokens[bisect_right(ends, s) :]:
                if b >= t:
                    break
                inside = s <= b and e <= t
                out += [(w, lemma, pos)] if inside else guess(text[max(b, s) : min(e, t)])
        return out

    def _ends(self) -> list[int]:
        if len(self._token_ends) != len(self.tokens):
            self._token_ends = [tok[1] for tok in self.tokens]
        return self._token_ends

    def proper_antecedent(self, start: int, end: int) -> Span | None:
        """The nearest proper-name mention (its head a proper noun) before, else after, the
        mention at start..end in its coreference chain."""
        for ms in self.chains:
            if any(b < end and start < e for b, e, _ in ms):
                proper = [(b, e) for b, e, nnp in ms if nnp and not (b < end and start < e)]
                before = [m for m in proper if m[0] < start]
                return max(before) if before else min(proper) if proper else None
        return None


def read_parse(path: Path | None) -> Parse:
    """The CoreNLP XML file at ``path`` (an empty :class:`Parse` for ``None``)."""
    parse = Parse()
    if path is None:
        return parse
    # The parse trees and dependency graphs are most of the file and not needed here.
    root = ET.fromstring(_UNUSED.sub(b"", path.read_bytes()))
    sentences: dict[str, dict[str, tuple[int, int, str, str, str]]] = {}
    for s in root.iter("sentence"):
        if s.get("id") is None:  # a mention's <sentence> (its number), not a sentence
            continue
        sentences[s.get("id") or ""] = toks = {}
        for t in s.iter("token"):
            b, e, w, lemma, pos = (
                t.findtext(k) or ""
                for k in ("CharacterOffsetBegin", "CharacterOffsetEnd", "word", "lemma", "POS")
            )
            toks[t.get("id") or ""] = tok = (int(b), int(e), w.lower(), lemma.lower(), pos)
            parse.tokens.append(tok)
    chains = root.find("document/coreference")
    for chain in [] if chains is None else chains:
        mentions = []
        for m in chain.iter("mention"):
            toks = sentences[m.findtext("sentence") or ""]
            first = toks[m.findtext("start") or ""]
            last = toks[str(int(m.findtext("end") or 0) - 1)]
            head_pos = toks[m.findtext("head") or ""][4]
            mentions.append((first[0], last[1], head_pos.startswith("NNP")))
        parse.chains.append(mentions)
    return parse
