"""The reporting constructions, in the order they are tried on each token.

Each is a :class:`~extract.speech.cues.Construction`: a ``match`` saying which token cues it,
a ``content`` and a ``speaker``. To add one, see "Adding a reporting construction" in
:mod:`extract.speech`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.speech.content import verb_content
from extract.speech.cues import Construction, Cue, construction, phrase_of
from extract.speech.speakers import np_actor, verb_speaker
from extract.speech.state import SpeechState

# -- "according to X" ---------------------------------------------------------------------------


def _according_match(st: SpeechState, tok: Token) -> str | None:
    if tok.lower_ != "according":
        return None
    if tok.lemma_.lower() == "accord":
        nxt = tok.nbor(1) if tok.i + 1 < len(st.doc) else None
        return "according to" if nxt is not None and nxt.lower_ == "to" else None
    # Where the lemmatiser keeps "according", the parser must hang "to" on it.
    found = phrase_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    return found if found == "according to" else None


def _according_source(cue: Cue) -> Token | None:
    """X in "according to X"."""
    return next((t for t in cue.token.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"), None)


def _according_content(st: SpeechState, cue: Cue, sent: Span) -> list[Token] | None:
    # The whole sentence but the attribution is what X said.
    if _according_source(cue) is None:
        return None
    skip = {t.i for t in cue.token.subtree}
    return [t for t in sent if t.i not in skip]


def _according_speaker(st: SpeechState, cue: Cue) -> str | None:
    source = _according_source(cue)
    return np_actor(st, source, cue.token) if source is not None else None


according_to = construction(
    Construction(
        name="according to",
        reads="X in 'according to X' speaks; the rest of the sentence is what X said",
        example="Prices will rise, according to Anna Berg.",
        match=_according_match,
        content=_according_content,
        speaker=_according_speaker,
        # "X said prices, according to Y, rose": Y's words are part of X's statement.
        nested="drop",
    )
)


# -- "X was quoted as saying ...", "the paper quoted X as saying ..." ------------------------------


def quoting_verb(tok: Token) -> Token | None:
    """The verb "quote" of "quoted as saying", if ``tok`` is the verb quoted."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.lemma_.lower() == "quote" else None


def _quoted_match(st: SpeechState, tok: Token) -> str | None:
    if tok.pos_ not in ("VERB", "AUX") or quoting_verb(tok) is None:
        return None
    return phrase_of(tok)


def _quoted_speaker(st: SpeechState, cue: Cue) -> str | None:
    # Who is quoted: the passive subject ("X was quoted"), else the object ("quoted X").
    quote = quoting_verb(cue.token)
    assert quote is not None
    quoted = [c for c in quote.children if c.dep_ == "nsubjpass"] or [
        c for c in quote.children if c.dep_ == "dobj"
    ]
    return np_actor(st, quoted[0], cue.token) if quoted else None


quoted_as = construction(
    Construction(
        name="quoted as saying",
        reads="'X was quoted as saying ...': X speaks what the verb after 'as' reports",
        example="Anna Berg was quoted as saying that talks would resume.",
        match=_quoted_match,
        content=verb_content,
        speaker=_quoted_speaker,
    )
)


# -- "Prices, X said, will rise" -----------------------------------------------------------------


def _parenthetical_match(st: SpeechState, tok: Token) -> str | None:
    # The parser hangs a reporting verb set off by commas inside the clause it reports on that
    # clause's verb, which comes after it.
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "parataxis" or tok.head.i < tok.i:
        return None
    words = [t.i for t in tok.subtree if not t.is_punct]
    first, after = words[0], words[-1] + 1
    if first == 0 or after >= len(st.doc):
        return None
    return phrase_of(tok) if st.doc[first - 1].is_punct and st.doc[after].is_punct else None


def _parenthetical_content(st: SpeechState, cue: Cue, sent: Span) -> list[Token] | None:
    inner = {t.i for t in cue.token.subtree}
    tokens = [t for t in cue.token.head.subtree if t.i not in inner and not t.is_punct]
    return tokens or None


parenthetical = construction(
    Construction(
        name="parenthetical",
        reads="a reporting verb set off by commas inside what was said: the clause around it",
        example="Prices, Anna Berg said, will rise.",
        match=_parenthetical_match,
        content=_parenthetical_content,
        speaker=verb_speaker,
    )
)


# -- "X said (that) ...", "'...,' X said", "X stressed cooperation" -------------------------------


def _verb_match(st: SpeechState, tok: Token) -> str | None:
    return phrase_of(tok) if tok.pos_ in ("VERB", "AUX") else None


reporting_verb = construction(
    Construction(
        name="reporting verb",
        reads="a reporting verb: its subject speaks, its clause, quote or object is what was said",
        example="Anna Berg said that talks would resume.",
        match=_verb_match,
        content=verb_content,
        speaker=verb_speaker,
    )
)


__all__ = ["according_to", "parenthetical", "quoted_as", "quoting_verb", "reporting_verb"]
