"""Word patterns with optional modifiers, looked up by their first word.

spaCy's token :class:`~spacy.matcher.Matcher` tries every pattern at every token; for a few
dozen lexicon patterns that cost more than the rest of the topic finder. These patterns are
plain lower-case words, each optionally followed by one adjective or proper noun ("restrictions
on [Chinese] imports"), so an index by first word finds the same matches (every one, as the
Matcher does, overlapping or not) while touching only the tokens that start a pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extract.text import doc_lowers

# What may fill an optional slot (the Matcher pattern {"POS": {"IN": ["ADJ", "PROPN"]}}).
_MODIFIER_POS = ("ADJ", "PROPN")

# One step of a pattern: a token's lower form, and whether one modifier may follow it.
Step = tuple[str, bool]


class WordPatterns:
    """Patterns added under a key (an int, as a Matcher's match id); called on a Doc, the
    ``(key, start, end)`` of every match."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[int, tuple[Step, ...]]]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def add(self, key: int, steps: Sequence[Step]) -> None:
        if steps:
            self._by_first.setdefault(steps[0][0], []).append((key, tuple(steps)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        lowers = doc_lowers(doc)
        found: list[tuple[int, int, int]] = []
        for start, lower in enumerate(lowers):
            for key, steps in self._by_first.get(lower, ()):
                found.extend((key, start, end) for end in _ends(doc, lowers, start, steps))
        return found


def _ends(doc: Doc, lowers: tuple[str, ...], start: int, steps: tuple[Step, ...]) -> set[int]:
    """Where the matches of ``steps`` that begin at token ``start`` end (exclusive)."""
    at = {start}
    for word, optional in steps:
        at = {i + 1 for i in at if i < len(lowers) and lowers[i] == word}
        if optional:
            at |= {i + 1 for i in at if i < len(lowers) and doc[i].pos_ in _MODIFIER_POS}
        if not at:
            break
    return at


__all__ = ["WordPatterns"]
