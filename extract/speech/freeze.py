"""From working records to frozen ones: :class:`Found` -> Statement, cue -> NonStatement."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from extract.records import ActorKind, Evidence, NonStatement, Policy, Statement, Summit
from extract.speech.about import about, speaker_owners
from extract.speech.speakers import SUBJECT_DEPS
from extract.speech.state import Found, SpeechState


def evidence_of(span: Span, sent: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, sent.text, sent.start_char, sent.end_char)


def _quote_words(text: str, start: int, end: int) -> str:
    words = text[start:end].strip(' \u201c\u201d"')
    # The doubled apostrophe is a quotation mark too (extract.quotes); a single one is not.
    words = words.removeprefix("''").removesuffix("''")
    return words.strip(' \u201c\u201d"').strip()


def non_statement(st: SpeechState, speaker: str, verb: Token, sent: Span, cue: str) -> NonStatement:
    """Speech the text says did not happen; about what the verb's phrase names."""
    speaking = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    keys = about(st, [t for t in verb.subtree if t.i not in speaking], speaker, None, ())
    return NonStatement(
        speaker=speaker,
        evidence=evidence_of(sent, sent),
        cue=cue,
        about=tuple(keys),
        confidence=0.7,
    )


def freeze(
    st: SpeechState,
    f: Found,
    headline: list[str],
    events: Sequence[Summit | Policy],
    main: Sequence[str] = (),
) -> Statement:
    """The Statement of ``f``: evidence over its sentences, about what they name (but the
    speaker's own words), else what the title names; naming only actors, with the article's
    ``main`` topics too."""
    sents = f.sents or st.sents_over(f.start, f.end)
    s0, s1 = sents[0].start_char, sents[-1].end_char
    subjects = [c for c in f.verb.children if c.dep_ in SUBJECT_DEPS] if f.verb else []
    speaker_tokens = {t.i for c in subjects for t in c.subtree}
    content = [t for s in sents for t in s if t.i not in speaker_tokens]
    keys = about(st, content, f.speaker, f.reported_by, events)
    named = {ev.key for ev in events}
    if all(k in named or st.actors.kind(k) is ActorKind.PERSON for k in keys):
        # Words that name nothing ("there was still a lot of work to do"), only the meeting
        # they were said at ("insisted at the gathering that ...") or only people ("until the
        # talks with the Prime Minister are held"), are about what the article is about.
        keys += [k for k in headline if k not in (f.speaker, f.reported_by, *keys)]
    elif not any(st.topics.get(k) for k in keys):
        # Naming only who ("Peru will not back down") still speaks on what the article is
        # about: its main topics (not what the title names, which may be a detail).
        keys += [k for k in main if k not in keys]
    for c in subjects:
        keys += [k for k in speaker_owners(st, c, f.speaker) if k not in keys]
    quote = " ... ".join(_quote_words(st.text, s, e) for s, e in f.quotes) or None
    return Statement(
        speaker=f.speaker,
        evidence=Evidence(max(f.start, s0), min(f.end, s1), st.text[s0:s1], s0, s1),
        cue=f.cue,
        direct=f.direct,
        quote=quote,
        about=tuple(keys),
        reported_by=f.reported_by,
        time=f.time,
        confidence=f.confidence,
    )


__all__ = ["evidence_of", "freeze", "non_statement"]
