"""Progress of an ingest: counting what is to come, the status line, log lines off a terminal."""

from __future__ import annotations

import bz2
import io
import logging

from newskg.pipeline import IngestSummary
from newskg.progress import Progress, count_documents, status_line


def test_count_documents_counts_readable_files_and_json_lines_without_parsing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text("<p>B.</p>", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    with bz2.open(tmp_path / "feed.jsonl.bz2", "wt", encoding="utf-8") as f:
        f.write('{"text": "1"}\n\n{"text": "2"}\nnot even json\n')
    assert count_documents([str(tmp_path)]) == 2 + 3


def test_status_line_gives_counts_speed_and_an_eta_once_the_total_is_known():
    summary = IngestSummary(documents=8, skipped=1, failed=1, words=5000, seconds=10.0)
    assert status_line(summary, None) == ("10 documents (1 skipped, 1 failed), 500 words/s")
    assert status_line(summary, 40).endswith(
        "of 40 documents (1 skipped, 1 failed), 500 words/s, ETA 00:00:30"
    )


def test_off_a_terminal_progress_is_a_log_line_at_most_every_interval(caplog):
    progress = Progress(io.StringIO(), tty=False, every=3600)
    progress.set_total(4)
    with caplog.at_level(logging.INFO, logger="newskg"):
        progress._last -= 7200  # the interval has passed once
        progress.update(IngestSummary(documents=1, words=100, seconds=1.0))
        progress.update(IngestSummary(documents=2, words=200, seconds=2.0))
    assert [r.getMessage() for r in caplog.records] == [
        "1 of 4 documents (0 skipped, 0 failed), 100 words/s, ETA 00:00:03"
    ]


def test_on_a_terminal_the_bar_counts_every_document_and_shows_the_total():
    out = io.StringIO()
    progress = Progress(out, tty=True)
    progress.set_total(3)
    progress.update(IngestSummary(documents=1, skipped=1, words=100, seconds=1.0))
    progress.close()
    assert "2/3" in out.getvalue()


def test_messages_go_above_the_bar_on_a_terminal_and_plainly_elsewhere():
    out = io.StringIO()
    bar = Progress(out, tty=True)
    bar.write("skipped a.txt: empty document (no text)")
    bar.close()
    plain = io.StringIO()
    Progress(plain, tty=False).write("skipped b.txt: binary file (not text)")
    assert "skipped a.txt: empty document (no text)\n" in out.getvalue()
    assert plain.getvalue() == "skipped b.txt: binary file (not text)\n"
