"""Fixtures shared by every test folder (Flask-tutorial style: small, explicit)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

import open_questions
import pytest
from tests_support import NEEDS_SHARED, SEEDS


# Hypothesis keeps its example database and caches under its home directory, ``.hypothesis/``
# in the working directory by default: put them in the temp folder, never in the source tree.
def pytest_configure(config: pytest.Config) -> None:
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "newskg-hypothesis")


# -- tests that need ../shared ------------------------------------------------------------------
# A clone alone runs every other test; these skip with a reason starting with NEEDS_SHARED. One
# summary line counts them, and under CI=true (where ../shared is laid beside the clone) each such
# skip fails the run: a CI run that silently skipped the dev-set tests would prove nothing.


def _skip_reason(report: pytest.CollectReport | pytest.TestReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def _shared_skips(config: pytest.Config) -> list[str]:
    """Node ids of the tests skipped because ../shared is missing (collection skips too)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    reports = reporter.stats.get("skipped", []) if reporter is not None else []
    return [r.nodeid for r in reports if _skip_reason(r).startswith(NEEDS_SHARED)]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--regenerate-open-questions"):
        _write_open_questions(session.config, exitstatus)
    if _in_ci() and exitstatus == pytest.ExitCode.OK and _shared_skips(session.config):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    skipped = _shared_skips(config)
    failing = bool(skipped) and _in_ci()
    terminalreporter.write_line(
        f"{NEEDS_SHARED}: {len(skipped)} tests skipped"
        + (" (CI=true: the run fails)" if failing else ""),
        red=failing,
        yellow=bool(skipped) and not failing,
    )


def pytest_addoption(parser):
    parser.addoption(
        "--update-floor",
        action="store_true",
        help="tests/test_score_floor.py: raise the figures of tests/data/score_floor.json that "
        "improved (never lowers one; ignored when CI is set)",
    )
    parser.addoption(
        "--regenerate-open-questions",
        action="store_true",
        help="tests/newskg/test_ask.py: run the gold questions without their expected failures "
        "and rewrite tests/data/dev_questions_open.tsv from the outcome",
    )


# -- gold questions that do not pass yet (tests/support/open_questions.py) ---------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    listed = open_questions.load()
    regenerate = config.getoption("--regenerate-open-questions")
    for item in items:
        mark = item.get_closest_marker("dev_question")
        if mark is None:
            continue
        key = (mark.kwargs["kind"], mark.kwargs["doc"], mark.kwargs["question"])
        item.user_properties.append(("dev_question", key))
        if key in listed and not regenerate:
            item.add_marker(pytest.mark.xfail(strict=True, reason=listed[key].reason))


_OUTCOMES = pytest.StashKey[dict[open_questions.Key, bool]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    keys = [v for k, v in item.user_properties if k == "dev_question"]
    if keys and item.config.getoption("--regenerate-open-questions"):
        key = cast(open_questions.Key, keys[0])
        outcomes = item.config.stash.setdefault(_OUTCOMES, {})
        if report.skipped:
            outcomes.pop(key, None)  # not run: its line, if any, stays
        elif report.when == "call" or report.failed:
            outcomes[key] = outcomes.get(key, True) and report.passed
    return report


def _write_open_questions(config: pytest.Config, exitstatus: int) -> None:
    from dev_graph import dev_available, gold_questions

    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if not dev_available() or exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        if reporter is not None:
            reporter.write_line(f"{open_questions.OPEN_QUESTIONS}: not rewritten", red=True)
        return
    outcomes = config.stash.get(_OUTCOMES, {})
    old = open_questions.load()
    new = open_questions.regenerated(old, outcomes, {(d, q["ask"]) for d, q in gold_questions()})
    open_questions.OPEN_QUESTIONS.write_text(open_questions.render(new.values()), "utf-8")
    if reporter is None:
        return
    reporter.ensure_newline()
    reporter.write_line(f"{open_questions.OPEN_QUESTIONS}: {len(old)} -> {len(new)} open")
    for key in sorted(old.keys() - new.keys()):
        reporter.write_line(f"  removed (passes now or left the gold): {key}", green=True)
    for key in sorted(new.keys() - old.keys()):
        reporter.write_line(f"  added (fails now; a regression?): {key}", red=True)


@pytest.fixture(scope="session")
def gazetteer():
    from extract import gazetteer as gaz

    return gaz.bundled()


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with newskg's components (loaded once per session)."""
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp, gazetteer) -> Callable[..., object]:
    """Text (and optional publication date) -> :class:`extract.records.Extraction`."""
    from extract.document import extract_document
    from extract.records import DocumentInfo
    from newskg.pipeline import sha256

    def run(text: str, date: dt.date | None = None, doc_id: str = "t"):
        info = DocumentInfo(id=doc_id, text=text, sha256=sha256(text), date=date)
        return extract_document(nlp(text), info, gazetteer)

    return run


@pytest.fixture
def store():
    """An empty in-memory store."""
    from graph.store import KnowledgeStore

    return KnowledgeStore()


@pytest.fixture(scope="session")
def seed_store(nlp, gazetteer):
    """An in-memory store holding the seed article (shared: do not write to it)."""
    from graph.store import KnowledgeStore
    from newskg.pipeline import ingest
    from newskg.sources import read_inputs

    kstore = KnowledgeStore()
    summary = ingest(read_inputs([str(SEEDS)]), kstore, nlp, gazetteer)
    assert summary.documents == 1, summary
    return kstore
