"""Quotations on the raw text: where quotation marks open and close."""

from __future__ import annotations

import re

_STRAIGHT = '"'
# A quotation mark: curly, straight, or the doubled apostrophe some wire and newspaper archives
# (the New York Times's among them) print for both the opening and the closing mark (''...'').
_MARK = re.compile("\u201c|\u201d|\"|''")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, marks included.

    Curly marks pair by direction; a straight mark (or a doubled apostrophe) opens after a space
    and closes before one, and a straight mark between two letters is an apostrophe, not a
    quotation mark. A quotation still open at the end of its paragraph ends there (news
    style for a quote that runs on, and the only safe reading of an unbalanced mark), and an
    opening mark inside an open quotation starts a new one.
    """
    quotes: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        for m in _MARK.finditer(para):
            i, j = m.start(), m.end()
            kind = _kind(m.group(), para[i - 1] if i else " ", para[j] if j < len(para) else " ")
            if kind == "apostrophe":
                continue
            if opened is None:
                if kind != "close":
                    opened = i
            elif kind == "open":
                quotes.append((pos + opened, pos + i))
                opened = i
            else:
                quotes.append((pos + opened, pos + j))
                opened = None
        if opened is not None:
            quotes.append((pos + opened, pos + len(para.rstrip())))
        pos += len(para) + 1
    return [(s, e) for s, e in quotes if e - s > 2]


def _kind(mark: str, before: str, after: str) -> str:
    """Whether a mark opens, closes, may do either, or is an apostrophe (straight, in a word)."""
    if mark == "\u201c":
        return "open"
    if mark == "\u201d":
        return "close"
    if mark == _STRAIGHT and before.isalpha() and after.isalpha():
        # "Kuwait"s": some wire archives write the apostrophe as a straight mark
        return "apostrophe"
    opening = (before.isspace() or before in "([\u2014-") and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return "open" if opening and not closing else "close" if closing else "either"


__all__ = ["find_quotes"]
