"""Quotations on the raw text: where quotation marks open and close."""

from __future__ import annotations

_STRAIGHT = '"'


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, marks included.

    Curly marks pair by direction; a straight mark opens after a space and closes before one,
    and one between two letters is an apostrophe, not a quotation mark.
    A quotation still open at the end of its paragraph ends there (news style for a quote that
    runs on, and the only safe reading of an unbalanced mark), and an opening mark inside an
    open quotation starts a new one.
    """
    quotes: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(para):
            if ch not in "\u201c\u201d" + _STRAIGHT:
                continue
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < len(para) else " "
            if ch == "\u201c":
                kind = "open"
            elif ch == "\u201d":
                kind = "close"
            elif before.isalpha() and after.isalpha():
                continue  # "Kuwait"s": some wire archives write the apostrophe as a straight mark
            else:
                opening = (before.isspace() or before in "([\u2014-") and not after.isspace()
                closing = not before.isspace() and (after.isspace() or after in ".,;:!?)")
                kind = "open" if opening and not closing else "close" if closing else "either"
            if opened is None:
                if kind != "close":
                    opened = i
            elif kind == "open":
                quotes.append((pos + opened, pos + i))
                opened = i
            else:
                quotes.append((pos + opened, pos + i + 1))
                opened = None
        if opened is not None:
            quotes.append((pos + opened, pos + len(para.rstrip())))
        pos += len(para) + 1
    return [(s, e) for s, e in quotes if e - s > 2]


__all__ = ["find_quotes"]
