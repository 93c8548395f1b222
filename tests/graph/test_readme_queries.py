"""The README's summit and policy questions, run as written over the seed graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_query(question: str) -> str:
    """The first ```sparql block after the README line that asks ``question``."""
    text = README.read_text(encoding="utf-8")
    section = text[
        text.index("## Asking the graph") : text.index(
            "\n## ", text.index("## Asking the graph") + 1
        )
    ]
    at = section.index(question)
    found = re.search(r"```sparql\n(.*?)```", section[at:], re.S)
    assert found, f"no SPARQL block after {question!r}"
    return found.group(1)


def rows(store, question: str) -> list[dict[str, str]]:
    solutions = store.query(readme_query(question))
    names = [v.value for v in solutions.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in solutions]


@pytest.mark.model
def test_meetings_trump_and_xi_both_attended_are_the_call_and_the_korea_meeting(seed_store):
    found = rows(seed_store, "Which meetings did Trump and Xi both attend?")
    assert [(r["summit"], r.get("date")) for r in found] == [
        ("meeting between Donald Trump and Xi Jinping in South Korea", "several weeks ago"),
        ("phone call between Donald Trump and Xi Jinping", "Monday"),
    ]
    assert all(r["reports"] == "1" for r in found)


@pytest.mark.model
def test_policies_about_soybeans_include_the_twelve_million_tonne_pledge(seed_store):
    found = rows(seed_store, "Which policies concern soybeans?")
    assert {(r["status"], r.get("quantity"), r.get("unit")) for r in found} == {
        ("resumed", None, None),
        ("pledged", "12000000", "metric tonne"),
    }


@pytest.mark.model
def test_planned_summits_not_yet_held_are_the_two_state_visits(seed_store):
    found = rows(seed_store, "Which summits were planned but not yet held?")
    assert [(r["summit"], r.get("date")) for r in found] == [
        ("state visit between Donald Trump and Xi Jinping in Beijing", "April"),
        (
            "state visit between Xi Jinping and Donald Trump in United States of America",
            "later in the year",
        ),
    ]


def test_the_readme_queries_bind_identities_in_triple_patterns_not_label_filters():
    for question in (
        "Which meetings did Trump and Xi both attend?",
        "Which policies concern soybeans?",
        "Which summits were planned but not yet held?",
    ):
        assert "CONTAINS" not in readme_query(question)


def test_a_planned_summit_another_article_reports_as_held_is_not_listed(store):
    import datetime as dt

    from extract.records import (
        Actor,
        ActorKind,
        DocumentInfo,
        Evidence,
        Extraction,
        Summit,
        SummitKind,
        TimeRef,
    )
    from graph.mapping import to_quads

    text = "Biden will visit Beijing."
    people = tuple(
        Actor(key=q, label=q, kind=ActorKind.PERSON, qid=q, mentions=())
        for q in ("Q6279", "Q15031")
    )
    april = TimeRef("in April", earliest=dt.date(2024, 4, 1), latest=dt.date(2024, 4, 30))
    for doc_id, status in (("before", "planned"), ("after", "held")):
        x = Extraction(
            document=DocumentInfo(id=doc_id, text=text, sha256=doc_id * 16),
            actors=people,
            summits=(
                Summit(
                    key="m",
                    kind=SummitKind.VISIT,
                    label=f"{status} visit",
                    evidence=Evidence(0, len(text), text, 0, len(text)),
                    participants=("Q6279", "Q15031"),
                    time=april,
                    status=status,
                ),
            ),
        )
        store.replace_document(doc_id, x.document.sha256, to_quads(x))
        found = rows(store, "Which summits were planned but not yet held?")
        assert [r["summit"] for r in found] == (["planned visit"] if status == "planned" else [])
