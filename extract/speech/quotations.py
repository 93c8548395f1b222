"""Quotation attachment: which quotations a statement holds, and quotations that go on alone.

:func:`attach_quotes` gives a statement the quotations of its sentence (and makes it direct
speech when a quotation is the whole of what was said); :func:`continuation` makes a sentence
that is all quotation, with no cue, a statement of the last speaker.
"""

from __future__ import annotations

from spacy.tokens import Span

from extract.speech.cues import cues_in
from extract.speech.state import Found, SpeechState

Quote = tuple[int, int]


def attach_quotes(st: SpeechState, f: Found, sent: Span, used: set[Quote]) -> None:
    """Give ``f`` the unused quotations of its sentence (not one its cue is inside)."""
    text = st.text
    lo, hi = min(sent.start_char, f.start), max(sent.end_char, f.end)
    for q in st.quotes:
        s, e = q
        if e <= lo or s >= hi or q in used:
            continue
        if f.verb is not None and s <= f.verb.idx < e:
            continue
        used.add(q)
        f.quotes.append(q)
        f.start, f.end = min(f.start, s), max(f.end, e)
        before = text[sent.start_char : s].strip()
        after = text[e : sent.end_char].strip()
        # Verbatim speech: the quote is the whole content, not a phrase inside a clause.
        if (
            not before
            or before.endswith((":", ","))
            or after[:1] in (",", "")
            or text[s:e].rstrip('\u201d"').endswith((",", ".", "?", "!"))
        ):
            f.direct = True
    if f.direct:
        f.confidence = 0.9
    f.sents = st.sents_over(f.start, f.end)


def continuation(
    st: SpeechState, sent: Span, n: int, found: list[Found], used: set[Quote]
) -> Found | None:
    """A sentence that is all quotation, with no attribution: the last speaker goes on."""
    text = sent.text.strip()
    if sum(t.is_alpha for t in sent) < 2:
        return None
    qs = [q for q in st.quotes if q[0] < sent.end_char and q[1] > sent.start_char]
    if not qs or not found:
        return None
    covered = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in qs)
    if covered < 0.6 * len(text):
        return None
    last = found[-1]
    last_sent = max(i for i, s in enumerate(st.sents) if s.start_char < last.end)
    if n - last_sent > 1 or not last.quotes:
        return None
    fresh = [q for q in qs if q not in used]
    if not fresh and sent.start_char < last.end:
        return None
    if _attributed_later(st, sent, fresh) or _attributed_next(st, n):
        return None
    start = min([sent.start_char, *(q[0] for q in fresh)])
    end = max([sent.end_char, *(q[1] for q in fresh)])
    used.update(fresh)
    return Found(
        last.speaker,
        None,
        None,
        start,
        end,
        st.sents_over(start, end),
        content=list(sent),
        quotes=fresh or qs,
        direct=True,
        reported_by=last.reported_by,
        confidence=0.7,
    )


def _attributed_later(st: SpeechState, sent: Span, fresh: list[Quote]) -> bool:
    """Whether a quotation runs on into a later sentence that has a cue of its own: it belongs
    to that sentence."""
    for q in fresh:
        for later in st.sents_over(sent.end_char, q[1]):
            if later.start_char >= sent.end_char and any(cues_in(st, later)):
                return True
    return False


def _attributed_next(st: SpeechState, n: int) -> bool:
    """Whether the next sentence is the attribution of this one's quotation (“...?” she said.)."""
    if n + 1 >= len(st.sents):
        return False
    nxt = st.sents[n + 1]
    for cue in cues_in(st, nxt):
        content = cue.content(st, nxt)
        if content and content[0].i < nxt.start:
            return True
    return False


__all__ = ["attach_quotes", "continuation"]
