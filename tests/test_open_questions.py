"""The list of gold questions that do not pass yet (tests/data/dev_questions_open.tsv): its
shape, that it names only questions the gold files hold, and how a run rewrites it."""

from __future__ import annotations

import pytest
from dev_graph import dev_available, gold_questions
from open_questions import DEFAULT_REASON, OpenQuestion, load, parse, regenerated, render
from tests_support import NEEDS_DEV


@pytest.mark.skipif(not dev_available(), reason=NEEDS_DEV)
def test_every_open_question_is_a_question_of_the_gold_files() -> None:
    gold = {(doc, q["ask"]) for doc, q in gold_questions()}
    stale = [e for e in load().values() if (e.doc, e.question) not in gold]
    assert stale == []


def test_the_file_reads_back_what_was_written() -> None:
    entries = [
        OpenQuestion("speaker_and_topic", "b-doc", "what did B say about C", "issue 19: x"),
        OpenQuestion("gold_answer", "a-doc", "what did A say about \u201cD\u201d", DEFAULT_REASON),
    ]
    text = render(entries)
    assert text.startswith("# ") and "--regenerate-open-questions" in text
    assert list(parse(text.splitlines()).values()) == [entries[1], entries[0]]  # sorted


@pytest.mark.parametrize(
    "line, error",
    [
        ("gold_answer\tdoc\tquestion", "4 tab-separated fields"),
        ("gold_answer\tdoc\t \treason", "4 tab-separated fields"),
        ("answers\tdoc\tquestion\treason", "kind 'answers'"),
    ],
)
def test_a_malformed_line_is_a_clear_error(line, error) -> None:
    with pytest.raises(ValueError, match=error):
        parse([line], "f.tsv")


def test_a_question_listed_twice_is_an_error() -> None:
    line = "gold_answer\tdoc\tq\tissue 19"
    with pytest.raises(ValueError, match="f.tsv:2: doc: 'q' listed twice"):
        parse([line, line], "f.tsv")


def test_a_run_drops_what_passes_adds_what_fails_and_keeps_what_did_not_run() -> None:
    def entry(doc: str, reason: str = DEFAULT_REASON) -> OpenQuestion:
        return OpenQuestion("gold_answer", doc, "q", reason)

    old = {e.key: e for e in [entry("passes", "r1"), entry("still", "r2"), entry("not-run", "r3")]}
    old |= {entry("gone").key: entry("gone")}
    outcomes = {entry("passes").key: True, entry("still").key: False, entry("new").key: False}
    gold = {("passes", "q"), ("still", "q"), ("not-run", "q"), ("new", "q")}
    new = regenerated(old, outcomes, gold)
    assert sorted(new.values(), key=lambda e: e.doc) == [
        entry("new"),
        entry("not-run", "r3"),
        entry("still", "r2"),  # the reason written for it is kept
    ]
