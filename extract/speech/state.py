"""The working state of one document's statement extraction, and the draft records it builds.

:class:`SpeechState` is what every rule reads: the :class:`~extract.context.DocContext`, the
tokens inside quotation marks, the sentences that are not headings, and the discourse memory
of subjects and speakers so far (which grows as the sentences are read, in order).
:class:`Found` is a statement still being assembled; :func:`extract.speech.freeze.freeze` makes
it a frozen :class:`~extract.records.Statement`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.context import DocContext
from extract.discourse import SubjectMemory
from extract.records import TimeRef
from extract.text import span_text

if TYPE_CHECKING:
    from extract.speech.cues import Construction


class SpeechState:
    """One document as the statement rules see it."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc, self.actors, self.topics = ctx.doc, ctx.actors, ctx.topics
        self.layout, self.published, self.text = ctx.layout, ctx.published, ctx.text
        self.quotes: list[tuple[int, int]] = list(ctx.quotes)
        quoted: set[int] = set()
        for s, e in self.quotes:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                quoted.update(range(span.start, span.end))
        self.quoted = frozenset(quoted)
        self.memory = SubjectMemory(self.doc, self.actors)
        self.sents = [
            s
            for s in self.doc.sents
            if not self.layout.in_heading(s.start_char) and span_text(s).strip()
        ]

    def in_quote(self, tok: Token) -> bool:
        return tok.i in self.quoted

    def sents_over(self, start: int, end: int) -> list[Span]:
        """The sentences that overlap characters ``start`` to ``end``."""
        return [s for s in self.sents if s.end_char > start and s.start_char < end]


@dataclass
class Found:
    """A statement being assembled: who, by which cue, over which characters and sentences."""

    speaker: str
    verb: Token | None
    cue: str | None
    start: int
    end: int
    sents: list[Span]
    content: list[Token] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    reported_by: str | None = None
    time: TimeRef | None = None
    confidence: float = 0.8
    construction: Construction | None = None


__all__ = ["Found", "SpeechState"]
