"""Layout of a news text that the parser does not see: headings and datelines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT_KEY = "newskg.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept once in ``doc.user_data``: spaCy rebuilds it by joining every token
    on each read, and extraction reads it hundreds of times per article."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_ENTS_KEY = "newskg.ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, kept once in ``doc.user_data`` (the pipeline has set them for good by the
    time extraction runs): spaCy builds a new Span per entity on each read, and every
    ``span.ents`` reads them all again."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


_LOWERS_KEY = "newskg.lowers"
_LEMMAS_KEY = "newskg.lemmas"


def doc_lowers(doc: Doc) -> tuple[str, ...]:
    """Every token's ``lower_``, read once per Doc: each ``doc[i]`` builds a new Token, and the
    lexicon scans (topics, summit and policy triggers) look at every token's form."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[_LOWERS_KEY] = tuple(t.lower_ for t in doc)
    return lowers


def doc_lemmas(doc: Doc) -> tuple[str, ...]:
    """Every token's lemma, lower-cased (``lemma_.lower()``), read once per Doc."""
    lemmas = doc.user_data.get(_LEMMAS_KEY)
    if lemmas is None:
        lemmas = doc.user_data[_LEMMAS_KEY] = tuple(t.lemma_.lower() for t in doc)
    return lemmas


def forget_caches(doc: Doc) -> None:
    """Drop what extraction kept in ``doc.user_data`` (the "newskg" keys): the kept Spans point
    back at their Doc, a cycle that would keep every parsed article alive until the cyclic
    collector runs, so an ingest's memory would grow with the corpus between collections."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newskg")]:
        del doc.user_data[key]


def span_text(span: Span) -> str:
    """``span.text``, cut from the text kept once (spaCy joins the span's tokens on each read;
    a span's text is exactly its characters of the document's)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def ents_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``), from the entities kept once."""
    found = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            found.append(ent)
    return found


_SENTENCE_END = (".", "?", "!", '"', "\u201d", "'", "\u2019", ")", ":")
# A wire dateline opens a paragraph: "OSLO, March 3 -", "SAN ANTONIO, TEXAS, March 30 -",
# "NAIROBI, March 3 (Reuters) -", "DALLAS (AP) \u2014", "BERLIN \u2014". The place is in capitals;
# the date and the agency are optional; the dash (hyphens, en or em dash) ends it.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]*[A-Z.](?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?)"
    r"(?:,\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"(?:\s+\([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*\))?"
    r"\s+(?:-+|\u2013|\u2014)\s+"
)


class Layout:
    """Which character ranges of a text are headings (not sentences) and datelines."""

    def __init__(self, text: str) -> None:
        self.headings: list[tuple[int, int]] = []
        self.datelines: list[tuple[int, int, str, str]] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            start, stripped = pos, line.strip()
            pos += len(line)
            if not stripped:
                continue
            lead = start + (len(line) - len(line.lstrip()))
            if is_heading(stripped):
                self.headings.append((lead, lead + len(stripped)))
                continue
            m = _DATELINE.match(stripped)
            if m:
                self.datelines.append((lead, lead + m.end(), m["place"], m["date"] or ""))
        self._starts = [h[0] for h in self.headings]

    def in_heading(self, char: int) -> bool:
        i = bisect_right(self._starts, char) - 1
        return i >= 0 and self.headings[i][0] <= char < self.headings[i][1]

    def in_dateline(self, char: int) -> bool:
        return any(s <= char < e for s, e, _, _ in self.datelines)

    def dateline_dashes(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each dateline's dash in ``text`` (the text of this layout)."""
        for _start, end, _place, _date in self.datelines:
            dash = text[:end].rstrip()
            yield dash.rindex(dash.split()[-1]), len(dash)

    def heading_ranges(self) -> Iterator[tuple[int, int]]:
        yield from self.headings


def is_heading(line: str) -> bool:
    """A title or section heading: short, with no sentence punctuation at its end, or all caps.

    >>> is_heading("Post-Summit Momentum:")
    True
    >>> is_heading("In a speech on Monday, the mayor said:")
    False
    >>> is_heading("NAKASONE HOPES U.S. VISIT WILL HELP END TRADE ROW")
    True
    >>> is_heading("Trump: Call Was “Very Good”")
    True
    >>> is_heading("“Our relationship with China is extremely strong,” Trump wrote.")
    False
    """
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(words) > 1:
        return True
    if len(words) > 14:
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    title_case = capitalised / max(len(words), 1) >= 0.6
    if line.endswith(":"):
        # "Post-Summit Momentum:" heads a section; "In a speech, he said:" introduces a quotation.
        return title_case or len(words) <= 3
    return not line.endswith(_SENTENCE_END) or (
        title_case and len(words) <= 8 and not line.endswith((".", "?", "!"))
    )
