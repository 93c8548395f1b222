"""Where quotations open and close on the raw text (extract.quotes)."""

from __future__ import annotations

import pytest

from extract.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # A straight mark between two letters is an apostrophe some wire archives write so.
        ('Norway"s trade minister said "talks will resume soon."', ['"talks will resume soon."']),
        ('The bank"s chief spoke. Nothing was quoted.', []),
        ('"We stand by the bank"s plan," the governor said.', ['"We stand by the bank"s plan,"']),
        ('Chile"s and Peru"s envoys met.', []),
        # Marks beside spaces and punctuation still open and close.
        ('He called it "a fair deal" on Monday.', ['"a fair deal"']),
    ],
)
def test_a_straight_mark_between_letters_is_an_apostrophe_not_a_quote(text, quoted):
    assert [text[s:e] for s, e in find_quotes(text)] == quoted
