"""The statements extractor: each sentence's cues through guards, constructions and speakers.

For each sentence (headings skipped), in order: remember its subjects (for pronouns later),
read each cue (:func:`read_cue`), nest and deduplicate the statements found, attach their
quotations; a sentence with none may continue the last speaker's quotation. Statements are
frozen once every sentence is read, so that what the later text resolves counts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

# The rules register themselves on import; the extractor runs the registries.
import extract.speech.constructions  # noqa: F401
import extract.speech.resolvers  # noqa: F401
from extract.context import DocContext
from extract.dates import resolve as resolve_date
from extract.records import NonStatement, Policy, Statement, Summit, TimeRef
from extract.speech.about import headline_keys, main_topics
from extract.speech.cues import Cue, cues_in
from extract.speech.freeze import freeze
from extract.speech.guards import guard
from extract.speech.nesting import dedupe, nest
from extract.speech.quotations import Quote, attach_quotes, continuation
from extract.speech.speakers import SUBJECT_DEPS, co_speakers
from extract.speech.state import Found, SpeechState
from extract.text import ents_in


def find_statements(
    ctx: DocContext, events: Sequence[Summit | Policy] = ()
) -> Iterator[Statement | NonStatement]:
    """Statements (and negated speech) of the document, in text order."""
    st = SpeechState(ctx)
    # Read before any speaker is resolved: what the title names, among the actors found, and
    # the topics the article keeps naming; a statement naming nothing is about these.
    main = main_topics(st)
    headline = list(dict.fromkeys([*headline_keys(st), *main]))
    for item in _run(st):
        yield freeze(st, item, headline, events, main) if isinstance(item, Found) else item


def _run(st: SpeechState) -> Iterator[Found | NonStatement]:
    """NonStatements as they are met, then the statements in text order."""
    found: list[Found] = []
    used: set[Quote] = set()
    for n, sent in enumerate(st.sents):
        st.memory.remember_subjects(sent, st.quoted)
        here: list[Found] = []
        for cue in cues_in(st, sent):
            read = read_cue(st, cue, sent)
            if isinstance(read, NonStatement):
                yield read
            elif read is not None:
                here.append(read)
                # "Ruiz and Berg said ...": each conjunct of the subject says it.
                here.extend(
                    replace(read, speaker=k, content=list(read.content), sents=list(read.sents))
                    for k in co_speakers(st, cue, read.speaker)
                )
        here = nest(st, here)
        for f in here:
            attach_quotes(st, f, sent, used)
            st.memory.add_speaker(f.verb.i if f.verb else sent.start, f.speaker)
        if not here:
            cont = continuation(st, sent, n, found, used)
            if cont is not None:
                here.append(cont)
        found.extend(dedupe(st, here))
    yield from sorted(found, key=lambda f: f.start)


def read_cue(st: SpeechState, cue: Cue, sent: Span) -> Found | NonStatement | None:
    """What one cue makes: a statement, a NonStatement, or nothing."""
    blocked = guard(st, cue, sent)
    if blocked is not None:
        return blocked.record
    content = cue.content(st, sent)
    if content is None:
        return None
    speaker = cue.speaker(st)
    if speaker is None:
        return None
    # What was said may lie outside the cue's sentence (a quotation just before it).
    start = min([sent.start_char, *(t.idx for t in content[:1])])
    end = max([sent.end_char, *(t.idx + len(t) for t in content[-1:])])
    return Found(
        speaker,
        cue.token,
        cue.phrase,
        start,
        end,
        st.sents_over(start, end),
        content=content,
        time=_time(st, cue.token),
        confidence=0.8,
        construction=cue.construction,
    )


def _time(st: SpeechState, verb: Token) -> TimeRef | None:
    """A date expression attached to the reporting verb itself ("said on Tuesday")."""
    for ent in ents_in(verb.sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        root = ent.root
        head = root.head
        if head == verb or (head.dep_ == "prep" and head.head == verb):
            if root.dep_ not in SUBJECT_DEPS and root.dep_ not in ("dobj", "ccomp"):
                return resolve_date(ent.text, st.published)
    return None


__all__ = ["find_statements", "read_cue"]
