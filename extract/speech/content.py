"""Content: the tokens of what a reporting verb says was said.

:func:`verb_content` reads the clause a reporting verb governs ("said that ...", "warned:
..."), for some frames its object ("stressed cooperation"), the quotation a verb follows ("'...,'
he said") or, failing all, the quoted words of the sentence.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from extract import lexicons
from extract.speech.cues import Cue
from extract.speech.state import SpeechState

# Dependents of a reporting verb that are what was said.
_CLAUSE_DEPS = ("ccomp", "parataxis", "xcomp")
# Dependents that are the content of a verb whose frame lets an object be what was said.
_OBJECT_DEPS = ("dobj", "prep", "dative", "oprd")


@cache
def _reflexives() -> frozenset[str]:
    return lexicons.words("reflexives.txt")


def verb_content(st: SpeechState, cue: Cue, sent: Span) -> list[Token] | None:
    """The tokens of what was said, or None when the verb reports no content."""
    verb, frame = cue.token, cue.frame
    clauses = [
        c
        for c in verb.children
        if c.dep_ in _CLAUSE_DEPS
        or (c.dep_ == "advcl" and c.i > verb.i and c.pos_ in ("VERB", "AUX"))
    ]
    if frame == "assent":
        # "agreed to hold talks", "continued his tour, visiting ...": deeds, not words.
        clauses = [c for c in clauses if c.dep_ not in ("xcomp", "advcl")]
    if any(c.dep_ == "dobj" and c.lower_ in _reflexives() for c in verb.children):
        return None  # "defend itself": an action, not speech
    if frame == "act":
        clauses += [c for c in verb.children if c.i > verb.i and _object_content(c)]
    # Only "say" takes what was said as its object: other verbs of speech take another sense
    # with one ("maintained its ceiling", "told him").
    if cue.phrase == "say" and not clauses:
        clauses = [c for c in verb.children if c.i > verb.i and _said_object(c)]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and after_break(st, verb):
        clauses.append(verb.head)  # "“...,” he said": the quote is the verb's head
    tokens = [t for c in clauses for t in c.subtree]
    # Quoted words, not a lone quote mark the parser left at the sentence's edge ("she said.
    # ''" opening the next sentence's quotation).
    if not tokens and any(st.in_quote(t) and not t.is_punct for t in sent):
        tokens = [t for t in sent if st.in_quote(t)]
    if not tokens:
        tokens = _clause_after_adjunct(verb) or _paragraph_after_colon(st, verb)
    if not tokens and (q := quote_before(st, verb)) is not None:
        tokens = list(st.doc.char_span(*q, alignment_mode="expand") or [])
    return tokens or None


def _clause_after_adjunct(verb: Token) -> list[Token]:
    """ "said in a statement that ...": the parser hangs the that-clause on the noun of the
    adjunct between it and the verb."""
    for p in verb.children:
        if p.dep_ != "prep" or p.i < verb.i:
            continue
        for t in p.subtree:
            if t.dep_ in ("acl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children
            ):
                return list(t.subtree)
    return []


def _paragraph_after_colon(st: SpeechState, verb: Token) -> list[Token]:
    """ "He said:" ending a paragraph: what was said is the next paragraph."""
    sent = verb.sent
    if not st.text[sent.start_char : sent.end_char].rstrip().endswith(":"):
        return []
    if (
        not any(c.lower_ == ":" for c in verb.children)
        or "\n" not in st.text[verb.idx : sent.end_char]
    ):
        return []
    start = sent.end_char + len(st.text[sent.end_char :]) - len(st.text[sent.end_char :].lstrip())
    end = st.text.find("\n", start)
    span = st.doc.char_span(start, end if end >= 0 else len(st.text), alignment_mode="expand")
    return list(span) if span is not None else []


def quote_before(st: SpeechState, verb: Token) -> tuple[int, int] | None:
    """The quotation just before a sentence that is only its attribution (“...?” Trump said.):
    the parser ends a sentence at a question or exclamation mark inside the quotation, so what
    was said is in the sentence before, in the same paragraph. The parser may keep the quote
    marks that close that quotation, or open the next, in the attribution's sentence
    (“''Why wait?'' she said. ''...''”)."""
    sent = verb.sent
    if verb.dep_ != "ROOT" or any(st.in_quote(t) and not t.is_punct for t in sent):
        return None
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    if any(t.i < verb.i and not t.is_punct and t.i not in subject for t in sent):
        return None
    first = next((t.idx for t in sent if not t.is_punct), sent.start_char)
    gap = st.text[:first]
    for s, e in st.quotes:
        if s < sent.start_char and e <= first and not gap[e:].strip() and "\n" not in gap[e:]:
            return s, e
    return None


# Adverbs standing for a clause said before ("said so").
_PROFORMS = frozenset({"so", "otherwise"})


def _said_object(c: Token) -> bool:
    """What "say" says in a word or phrase rather than a clause: "said no",
    "said the same", "said that", "said so", or a clause the parser split at its subject ("said
    his polls show ...", the subject taken for an object)."""
    if c.dep_ == "dobj":
        return c.lower_ not in _reflexives()
    return c.dep_ == "intj" or (c.dep_ == "advmod" and c.lower_ in _PROFORMS)


def _object_content(c: Token) -> bool:
    """An object that is what was said ("stressed cooperation", "called for talks"), not a
    named date or place ("said Monday")."""
    return c.dep_ in _OBJECT_DEPS or (c.dep_ == "npadvmod" and c.pos_ == "NOUN" and not c.ent_type_)


def after_break(st: SpeechState, verb: Token) -> bool:
    """Whether the clause of ``verb`` starts after a comma or quote mark ("..., he said"),
    not inside the clause it hangs on ("help Taiwan defend itself")."""
    # The parser may hang the comma or closing quote mark itself on the verb ("..., he said,"):
    # the clause starts at its first word.
    first = min((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    return first > 0 and (st.doc[first - 1].is_punct or st.in_quote(st.doc[first - 1]))


__all__ = ["after_break", "quote_before", "verb_content"]
