"""The notebook API (newskg.open) and ``newskg export --format graphml|edges-csv``, on a small
hand-made on-disk store; and the README's notebook example, run as a script."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import researcher_seed as seed
from click.testing import CliRunner

import newskg
from graph.store import KnowledgeStore
from newskg.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "kg-store"
    with KnowledgeStore(path) as s:
        seed.load(s)
    return path


def test_query_gives_a_dataframe_with_python_values(store_path: Path) -> None:
    with newskg.open(store_path) as kg:
        frame = kg.query(
            "SELECT ?doc ?date ?length WHERE { ?doc a nkg:Document ; dcterms:date ?date ; "
            "nkg:charLength ?length }"
        )
        assert list(frame.columns) == ["doc", "date", "length"]
        assert frame.loc[0, "doc"] == seed.DOC
        assert frame.loc[0, "date"] == dt.date(2025, 5, 12)
        assert frame.loc[0, "length"] == len(seed.TEXT)
        assert kg.query(f"ASK {{ <{seed.XI}> a nkg:Person }}") is True


def test_statements_filter_by_speaker_about_and_date(store_path: Path) -> None:
    with newskg.open(store_path) as kg:
        by_xi = kg.statements(speaker="xi jinping")  # a label, any case
        assert list(by_xi["text"]) == [seed.XI_SENTENCE]
        assert list(by_xi["about"]) == ["Donald Trump"]
        about_china = kg.statements(about=seed.CHINA)  # an IRI
        assert list(about_china["speakerLabel"]) == ["Donald Trump"]
        by_qid = kg.statements(speaker="Q15031")  # a Wikidata id
        assert list(by_qid["text"]) == [seed.XI_SENTENCE]
        assert len(kg.statements(since="2025-05-12")) == 2
        assert len(kg.statements(since=dt.date(2025, 5, 13))) == 0
        assert len(kg.statements(speaker="Nobody Atall")) == 0


def test_network_is_a_weighted_networkx_graph(store_path: Path) -> None:
    with newskg.open(store_path) as kg:
        met = kg.network(kind="summit")
        assert isinstance(met, nx.Graph) and not met.is_directed()
        assert met[seed.XI][seed.TRUMP]["weight"] == 1
        assert met.nodes[seed.XI]["label"] == "Xi Jinping"
        policies = kg.network(kind="policy")
        assert policies.is_directed() and list(policies.edges) == [(seed.USA, seed.CHINA)]


def test_export_graphml_is_read_back_by_networkx(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "spoke.graphml"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--format",
            "graphml",
            "--kind",
            "statement",
            "-s",
            str(store_path),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    assert sorted(graph.edges) == sorted([(seed.TRUMP, seed.CHINA), (seed.XI, seed.TRUMP)])
    assert graph.nodes[seed.CHINA]["label"] == "China"
    assert graph[seed.XI][seed.TRUMP]["weight"] == 1


def test_export_edges_csv_is_gephis_edge_list(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "edges-csv", "-s", str(store_path)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["Source"], r["Target"], r["Type"], r["Weight"]) for r in rows] == [
        (seed.XI, seed.TRUMP, "Undirected", "1")
    ] or [(r["Source"], r["Target"], r["Type"], r["Weight"]) for r in rows] == [
        (seed.TRUMP, seed.XI, "Undirected", "1")
    ]
    assert {rows[0]["SourceLabel"], rows[0]["TargetLabel"]} == {"Xi Jinping", "Donald Trump"}


def test_export_network_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--format", "graphml", "-s", str(tmp_path / "none")]
    )
    assert result.exit_code != 0 and "Traceback" not in result.output


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- notebook-example -->\s*```python\n(.*?)```", text, re.S)
    assert found, "the README has no notebook example"
    return found.group(1)


@pytest.mark.model
@pytest.mark.slow
def test_readme_notebook_example_runs_as_a_script(store_path: Path) -> None:
    script = store_path.parent / "example.py"
    script.write_text(_readme_example(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=store_path.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert seed.XI_SENTENCE[:40] in done.stdout
    assert "Donald Trump" in done.stdout
    assert "SELECT" in done.stdout  # the SPARQL kg.ask ran
