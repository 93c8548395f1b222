"""Layout: headings and datelines."""

from __future__ import annotations

from extract.text import Layout, is_heading


def test_all_caps_title_is_a_heading():
    assert is_heading("LEADERS FAIL TO AGREE ON TRADE PACT")


def test_dateline_gives_place_not_sentence():
    layout = Layout("TITLE HERE NOW\n\nOSLO, May 3 - Norway said oil output fell.")
    assert layout.datelines and layout.datelines[0][2] == "OSLO"
