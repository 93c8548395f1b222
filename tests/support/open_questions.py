"""The gold questions of the dev set that do not pass yet: ``tests/data/dev_questions_open.tsv``.

Each gold-question test of ``tests/newskg/test_ask.py`` carries a ``dev_question`` mark naming
its kind, document id and question text (never its parametrization index, so a line keeps
meaning the same question as gold files are added). ``tests/conftest.py`` turns every question
listed here into a *strict* expected failure: a listed question that starts passing fails the
run until its line is removed, and an unlisted question that fails is a regression. The list can
only shrink by hand; ``--regenerate-open-questions`` rewrites it from a run (see
:func:`regenerated`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tests_support import ROOT

OPEN_QUESTIONS = ROOT / "tests" / "data" / "dev_questions_open.tsv"

KINDS = {
    "gold_answer": "test_gold_question_asked_as_written_gets_the_gold_answer",
    "speaker_and_topic": "test_gold_question_speaker_and_topic_are_understood",
}
DEFAULT_REASON = "issue 19: not yet answered"
COLUMNS = ("kind", "doc", "question", "reason")
HEADER = f"""\
# Gold questions of ../shared/eval/dev that do not pass today: each line is a strict xfail of
# tests/newskg/test_ask.py (a listed question that passes fails the run: delete its line).
# kind: {" | ".join(f"{k} = {t}" for k, t in KINDS.items())}
# Regenerate after extraction changed (keeps lines of tests not run, drops questions no longer
# in the gold files, prints what it added and removed):
#   pytest tests/newskg/test_ask.py -k gold_question --regenerate-open-questions
#@ columns: {" ".join(COLUMNS)} (tab-separated)
"""

Key = tuple[str, str, str]
"""(kind, doc id, question text as the gold file writes it)."""


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    kind: str
    doc: str
    question: str
    reason: str

    @property
    def key(self) -> Key:
        return (self.kind, self.doc, self.question)


def parse(lines: Iterable[str], source: str = "open questions") -> dict[Key, OpenQuestion]:
    """The entries of the file's lines (``#`` lines and the column line are skipped); a line
    of the wrong shape or kind, or a question listed twice, is a clear error."""
    out: dict[Key, OpenQuestion] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#") or tuple(line.split("\t")) == COLUMNS:
            continue
        fields = line.split("\t")
        if len(fields) != len(COLUMNS) or not all(f.strip() for f in fields):
            raise ValueError(f"{source}:{number}: want {len(COLUMNS)} tab-separated fields")
        entry = OpenQuestion(*fields)
        if entry.kind not in KINDS:
            raise ValueError(f"{source}:{number}: kind {entry.kind!r} is not one of {set(KINDS)}")
        if entry.key in out:
            raise ValueError(f"{source}:{number}: {entry.doc}: {entry.question!r} listed twice")
        out[entry.key] = entry
    return out


def load() -> dict[Key, OpenQuestion]:
    if not OPEN_QUESTIONS.exists():
        return {}
    text = OPEN_QUESTIONS.read_text(encoding="utf-8")
    return parse(text.splitlines(), str(OPEN_QUESTIONS))


def render(entries: Iterable[OpenQuestion]) -> str:
    rows = sorted(entries, key=lambda e: (list(KINDS).index(e.kind), e.doc, e.question))
    body = "".join("\t".join((e.kind, e.doc, e.question, e.reason)) + "\n" for e in rows)
    return HEADER + "\t".join(COLUMNS) + "\n" + body


def regenerated(
    old: Mapping[Key, OpenQuestion], outcomes: Mapping[Key, bool], gold: set[tuple[str, str]]
) -> dict[Key, OpenQuestion]:
    """The list after a run: ``outcomes`` maps each question that ran to whether it passed.
    Questions that did not run keep their line (a ``-k`` subset loses nothing), unless the
    gold files no longer hold them; a listed question keeps its reason."""
    kept = {k: e for k, e in old.items() if k not in outcomes and (k[1], k[2]) in gold}
    failing = {
        k: old.get(k) or OpenQuestion(*k, DEFAULT_REASON) for k, ok in outcomes.items() if not ok
    }
    return kept | failing
