"""``newskg ask``: every gold researcher question of the dev set asked as written, the CLI's
text and JSON answers, and the README's questions pinned to the SPARQL they generate.

Gold questions that do not pass yet (the targets of issues 19 and 20) are listed in
``tests/data/dev_questions_open.tsv`` by kind, document id and question text; each listed one is
a strict expected failure, so a passing question that breaks fails the run, and a listed one
that starts passing fails it too until its line is deleted. After extraction changed, rewrite
the list from a run in one command (it prints the lines it added and removed)::

    pytest tests/newskg/test_ask.py -k gold_question --regenerate-open-questions
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from click.testing import CliRunner
from dev_graph import dev_available, dev_store, gold_questions
from open_questions import KINDS
from tests_support import EVAL_DEV, NEEDS_DEV, ROOT, SEEDS, XI_TAIWAN_SENTENCE

from graph.questions import name_key
from newskg.ask import ask, to_text
from newskg.cli import main
from newskg.evaluate import judge_question

pytestmark = pytest.mark.model

GOLD = gold_questions()


@pytest.fixture(scope="module")
def dev(nlp, gazetteer):
    if not dev_available():
        pytest.skip(NEEDS_DEV)
    return dev_store(nlp, gazetteer)


def _gold_param(kind: str, doc: str, *values: Any) -> Any:
    """A gold question as a test case, marked with what names it in the open-questions file
    (doc id and question text, never its index: see tests/support/open_questions.py)."""
    assert kind in KINDS, kind
    q = values[-1]
    mark = pytest.mark.dev_question(kind=kind, doc=doc, question=q["ask"])
    return pytest.param(*values, id=f"{doc}: {q['ask']}", marks=mark)


@pytest.mark.skipif(not GOLD, reason=NEEDS_DEV)
@pytest.mark.parametrize("q", [_gold_param("gold_answer", doc, q) for doc, q in GOLD])
def test_gold_question_asked_as_written_gets_the_gold_answer(dev, nlp, q) -> None:
    result = ask(dev, nlp, q["ask"])
    assert result.status == "answered", result.message
    texts = [r["text"] for r in result.results]
    ok, missing = judge_question(
        texts, q.get("must_include_evidence") or (), bool(q.get("must_be_empty"))
    )
    assert ok, f"missing {missing}; returned {texts}"


def _forms(gold: dict, label: str) -> set[str]:
    forms = {name_key(label)}
    for e in gold.get("entities") or ():
        if e.get("label") == label:
            forms |= {name_key(m) for m in [e["label"], *(e.get("mentions") or ())]}
    return forms


@pytest.mark.skipif(not GOLD, reason=NEEDS_DEV)
@pytest.mark.parametrize(
    "doc, q",
    [
        _gold_param("speaker_and_topic", d, d, q)
        for d, q in GOLD
        if q.get("speaker") and q.get("about") and not q.get("must_be_empty")
    ],
)
def test_gold_question_speaker_and_topic_are_understood(dev, nlp, doc, q) -> None:
    """The speaker is found as the gold speaker (by its name or a gold mention of it), and the
    topic as a resource of the graph."""
    gold = json.loads((EVAL_DEV / f"{doc}.gold.json").read_text(encoding="utf-8"))
    result = ask(dev, nlp, q["ask"])
    names = {n["role"]: n for n in result.understood["names"]}
    found = {name_key(m["label"]) for m in names["speaker"]["matches"]}
    assert found & _forms(gold, q["speaker"]), (found, q["speaker"])
    assert names["topic"]["matches"], names["topic"]


def test_the_cli_prints_the_sparql_and_the_answer(tmp_path, nlp, gazetteer) -> None:
    store = _seed_on_disk(tmp_path, nlp, gazetteer)
    out = CliRunner().invoke(main, ["ask", "-s", store, "what did Xi say about Taiwan"])
    assert out.exit_code == 0, out.output
    assert "SPARQL:" in out.output and "VALUES ?who" in out.output
    assert XI_TAIWAN_SENTENCE[:60] in out.output


def test_the_cli_json_answer_has_question_sparql_results_understood(
    tmp_path, nlp, gazetteer
) -> None:
    store = _seed_on_disk(tmp_path, nlp, gazetteer)
    out = CliRunner().invoke(
        main,
        ["ask", "--format", "json", "-s", store, "what", "did", "Xi", "say", "about", "Taiwan"],
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"question", "sparql", "results", "understood"} <= set(data)
    assert data["question"] == "what did Xi say about Taiwan"
    assert [r["text"] for r in data["results"]] == [XI_TAIWAN_SENTENCE]
    assert set(data["results"][0]) >= {"speaker", "text", "date", "document"}
    assert [n["role"] for n in data["understood"]["names"]] == ["speaker", "topic"]


def test_the_cli_answers_an_unsupported_question_helpfully(tmp_path, nlp, gazetteer) -> None:
    store = _seed_on_disk(tmp_path, nlp, gazetteer)
    out = CliRunner().invoke(main, ["ask", "-s", store, "what is the weather in Paris"])
    assert out.exit_code == 0, out.output
    assert "nearest supported questions:" in out.output and "SPARQL:" in out.output


def test_the_cli_refuses_an_empty_question_in_one_line(tmp_path, nlp, gazetteer) -> None:
    store = _seed_on_disk(tmp_path, nlp, gazetteer)
    out = CliRunner().invoke(main, ["ask", "-s", store, " "])
    assert out.exit_code == 1
    assert "empty question" in out.output and "Traceback" not in out.output


@pytest.mark.parametrize(
    "question",
    ["what did machimura say about the embargo", "What did MACHIMURA say about the embargo?"],
)
def test_a_surname_typed_in_any_case_finds_the_person(dev, nlp, question) -> None:
    result = ask(dev, nlp, question)
    assert {r["speaker"] for r in result.results} == {"Nobutaka Machimura"}


def test_text_answer_lists_what_was_understood(seed_store, nlp) -> None:
    text = to_text(ask(seed_store, nlp, "what did the Chinese president say about Taiwan"))
    assert "speaker: 'Chinese president' -> Xi Jinping (role)" in text


README_QUESTION = re.compile(r'^`newskg ask "([^"]+)"`\n\n```sparql\n(.*?)```', re.M | re.S)


def _readme_questions() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Asking in plain English", 1)[1].split("\n## ", 1)[0]
    return README_QUESTION.findall(section)


def test_the_readme_shows_three_questions() -> None:
    assert len(_readme_questions()) == 3


@pytest.mark.parametrize("question, sparql", _readme_questions())
def test_readme_sparql_is_what_the_question_generates(seed_store, nlp, question, sparql) -> None:
    result = ask(seed_store, nlp, question)
    assert result.sparql == sparql
    assert result.results  # and it answers on the seed


def _seed_on_disk(tmp_path, nlp, gazetteer) -> str:
    from graph.store import KnowledgeStore
    from newskg.pipeline import ingest
    from newskg.sources import read_inputs

    path = tmp_path / "store"
    with KnowledgeStore(path) as store:
        ingest(read_inputs([str(SEEDS)]), store, nlp, gazetteer)
    return str(path)
