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


__all__ = ["according_to", "reporting_verb"]
