"""The benchmark adapter's second counting: only the kinds of mention each benchmark annotates
(``benchmarks/bench_elevant.py``, ``annotated_kinds``). Texts and rows written for the test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.gazetteer import Entry, Gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_elevant import annotated_kinds  # noqa: E402

KB = Gazetteer(
    [
        Entry(
            "Q1",
            "Ruritania",
            "country",
            ("Ruritanian Republic",),
            ("Ruritanian",),
            None,
            None,
            None,
        )
    ]
)
TEXT = "Ruritanian farmers met in Ruritania. Trade with the R.U. fell."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890


def spans(benchmark: str, gold: list[tuple[int, int]], predicted: dict) -> set[tuple[int, int]]:
    labels = [{"span": list(s), "entity_id": "Q1"} for s in gold]
    return set(annotated_kinds(benchmark, TEXT, labels, predicted, KB))


def test_a_demonym_adjective_is_left_out_where_the_benchmark_links_none():
    predicted = {(0, 10): "Q1", (26, 35): "Q1"}
    assert spans("reuters-128", [(26, 35)], predicted) == {(26, 35)}


def test_on_rss_500_only_predictions_at_a_marked_span_count_demonyms_included():
    predicted = {(0, 10): "Q1", (26, 35): "Q1"}
    assert spans("rss-500", [(0, 10)], predicted) == {(0, 10)}


@pytest.mark.parametrize("benchmark", ["reuters-128", "rss-500"])
def test_an_abbreviation_ending_a_sentence_matches_the_gold_span_without_the_stop(benchmark):
    start = TEXT.index("R.U.")
    predicted = {(start, start + 4): "Q1"}
    assert spans(benchmark, [(start, start + 3)], predicted) == {(start, start + 3)}
