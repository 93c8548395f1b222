"""The newskg command end to end on the seed article (real model, on-disk store)."""

from __future__ import annotations

import json
import socket

import pytest
import rdflib
from click.testing import CliRunner
from tests_support import SEEDS, XI_TAIWAN_QUERY, XI_TAIWAN_SENTENCE

from newskg.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory):
    """A store directory holding the seed, built once through the CLI."""
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_query_answers_what_xi_said_about_taiwan(seed_dir):
    result = run("query", XI_TAIWAN_QUERY, "--store", str(seed_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    texts = [b["text"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]]
    assert texts == [XI_TAIWAN_SENTENCE]
    assert not any("soybean" in t for t in texts)


def test_query_reads_sparql_from_stdin_and_prints_csv(seed_dir):
    result = run(
        "query",
        "--store",
        str(seed_dir),
        "--format",
        "csv",
        input="SELECT (COUNT(*) AS ?n) WHERE { ?d a nkg:Document }",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].strip() == "1"


def test_bad_sparql_is_one_clear_line_and_exit_1(seed_dir):
    result = run("query", "SELECT ?x WHERE {", "--store", str(seed_dir))
    assert result.exit_code == 1
    assert "bad SPARQL" in result.output
    assert "Traceback" not in result.output


def test_ingesting_the_seed_twice_leaves_the_quad_count_unchanged(tmp_path):
    store = str(tmp_path / "st")
    assert run("ingest", str(SEEDS), "--store", store).exit_code == 0
    first = json.loads(run("stats", "--json", "--store", store).stdout)
    second_run = run("ingest", str(SEEDS), "--store", store)
    assert "1 unchanged" in second_run.output
    assert json.loads(run("stats", "--json", "--store", store).stdout) == first


def test_export_turtle_parses_back_to_the_store_triples(seed_dir):
    result = run("export", "--format", "turtle", "--store", str(seed_dir))
    assert result.exit_code == 0
    graph = rdflib.Graph().parse(data=result.stdout_bytes, format="turtle")
    count = run(
        "query",
        "--store",
        str(seed_dir),
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g "
        "{ ?s ?p ?o } FILTER(?g != <https://w3id.org/newskg/ontology>) } }",
    )
    assert len(graph) == int(count.stdout.splitlines()[1])
    assert any(XI_TAIWAN_SENTENCE == str(o) for o in graph.objects())


def test_export_of_unknown_document_is_a_clear_error(seed_dir):
    result = run("export", "--document", "nope", "--store", str(seed_dir))
    assert result.exit_code == 1 and "no document" in result.output


def test_stats_counts_the_seed(seed_dir):
    counts = json.loads(run("stats", "--json", "--store", str(seed_dir)).stdout)
    assert counts["documents"] == 1
    assert counts["statements"] >= 10
    assert counts["actors"] >= 8


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty document"),
        (b"   \n\n", "empty document"),
        (b"%PDF-1.7\x00\x00binary", "binary file"),
    ],
)
def test_unusable_files_are_reported_and_skipped(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("ingest", str(bad), "--store", str(tmp_path / "st"))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_missing_input_is_a_clear_error(tmp_path):
    result = run("ingest", str(tmp_path / "nothing.txt"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 1 and "no such file" in result.output


def test_unknown_model_is_a_clear_error(tmp_path):
    result = run(
        "ingest", str(SEEDS), "--model", "no_such_model_xyz", "--store", str(tmp_path / "st")
    )
    assert result.exit_code == 1 and "not installed" in result.output


def test_query_of_a_store_that_does_not_exist_says_so_and_creates_nothing(tmp_path):
    result = run("query", "ASK {}", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "no store" in result.output
    assert not (tmp_path / "none").exists()


def test_version_is_printed():
    from newskg import __version__

    assert __version__ in run("--version").output


def test_online_linking_cannot_be_combined_with_dask(tmp_path):
    result = run(
        "ingest",
        str(SEEDS),
        "--dask",
        "local:1",
        "--online-linking",
        "--store",
        str(tmp_path / "st"),
    )
    assert result.exit_code == 2 and "cannot be combined with --dask" in result.output


@pytest.mark.parametrize("scheduler", ["local:0", "local:two"])
def test_a_local_dask_cluster_needs_a_positive_process_count(tmp_path, scheduler):
    result = run("ingest", str(SEEDS), "--dask", scheduler, "--store", str(tmp_path / "st"))
    assert result.exit_code == 2 and "local:N with N >= 1" in result.output
    assert not (tmp_path / "st").exists()


@pytest.mark.slow
def test_dask_local_cluster_ingests_the_seed_like_a_local_run(tmp_path, seed_dir):
    store = tmp_path / "st"
    result = run("ingest", str(SEEDS), "--dask", "local:1", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "1 documents ingested" in result.output
    assert not (tmp_path / "st.shards").exists()
    local = json.loads(run("stats", "--json", "--store", str(seed_dir)).stdout)
    assert json.loads(run("stats", "--json", "--store", str(store)).stdout) == local


@pytest.mark.slow
def test_an_unreachable_dask_scheduler_is_one_clear_line(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run(
        "ingest", str(SEEDS), "--dask", f"tcp://127.0.0.1:{port}", "--store", str(tmp_path / "st")
    )
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output
