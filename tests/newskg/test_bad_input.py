"""Messy archives: each kind of bad input gets a clear per-document message and is skipped, or
is processed where that makes sense; none stops the run, none leaves partial data."""

from __future__ import annotations

import json
import random

import pytest

from graph.store import KnowledgeStore
from newskg.pipeline import ingest, sha256
from newskg.sources import SourceError, read_inputs

pytestmark = pytest.mark.model

GOOD = "Prime Minister Anna Berg said on Monday that Norway would buy wheat from Canada."

PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"stream\n\x78\x9c\x00\x01\x02\x03\xff\xfe\x00endstream\n%%EOF\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4

SKIPPED = [
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b" \n\t\n  ", "empty document"),
    ("report.txt", PDF, "binary file"),
    ("image.txt", PNG, "binary file"),
    ("noise.txt", random.Random(3).randbytes(8192), "binary file"),
    (
        "empty.html",
        b"<html><head><script>var a = 1;</script></head><body></body></html>",
        "empty document",
    ),
]


@pytest.mark.parametrize("name,data,message", SKIPPED, ids=[s[0] for s in SKIPPED])
def test_unusable_file_is_reported_by_name_and_the_good_one_is_stored(
    nlp, gazetteer, tmp_path, name, data, message
):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    store, reported = KnowledgeStore(), []
    summary = ingest(
        read_inputs([str(tmp_path)]), store, nlp, gazetteer, on_failure=reported.append
    )
    assert [(e.origin, message in e.reason) for e in reported] == [(str(tmp_path / name), True)]
    assert [d.id for d in store.documents()] == ["good"]
    assert (summary.documents, summary.failed) == (1, 1)


PROCESSED = [
    (
        "latin1.txt",
        "Le ministre français a déclaré que la réunion à Genève était terminée.".encode("latin-1"),
        "Genève",
    ),
    (
        "utf16.txt",
        "Chancellor Olaf Scholz met Emmanuel Macron in Berlin.".encode("utf-16"),
        "Berlin",
    ),
    (
        "mixed.txt",
        "Café talks in Zürich ended.\n".encode()
        + "The minister of São Tomé spoke.\n".encode("latin-1"),
        "São Tomé",
    ),
    (
        "broken.html",
        b"<html><body><p>Leaders met in Rome.<div><b>Talks went on</i></span>"
        b"<p>unclosed <a href='x>" + b"<div>" * 3000 + b"Deep text.",
        "Rome",
    ),
    (
        "quotes.txt",
        b"He said \"we will (respond firmly [and soon.\nShe replied: 'no.",
        "respond firmly",
    ),
    ("chinese.txt", "国家主席习近平星期三在北京会见了法国总统马克龙。".encode(), "习近平"),
    ("arabic.txt", "قال وزير الخارجية إن المحادثات ستستمر في القاهرة.".encode(), "القاهرة"),
    (
        "german.md",
        "Bundeskanzler Scholz sagte am Montag, die Gespräche würden fortgesetzt.".encode(),
        "Gespräche",
    ),
]


@pytest.mark.parametrize("name,data,fragment", PROCESSED, ids=[p[0] for p in PROCESSED])
def test_odd_but_readable_text_is_decoded_and_stored_whole(
    nlp, gazetteer, tmp_path, name, data, fragment
):
    (tmp_path / name).write_bytes(data)
    [src] = read_inputs([str(tmp_path)])
    assert fragment in src.text and "\ufffd" not in src.text
    store = KnowledgeStore()
    summary = ingest([src], store, nlp, gazetteer)
    assert (summary.documents, summary.failed) == (1, 0)
    [stored] = store.documents()
    assert store.find_document(doc_id=stored.id)[0].sha256 == sha256(src.text)


def test_a_file_over_the_size_limit_is_refused_without_being_read_whole(nlp, gazetteer, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 50 MB, written in pieces
        for _ in range(50):
            f.write((GOOD + "\n").encode() * (1_000_000 // (len(GOOD) + 1) + 1))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    store, reported = KnowledgeStore(), []
    ingest(
        read_inputs([str(tmp_path)], max_bytes=10_000_000),
        store,
        nlp,
        gazetteer,
        on_failure=reported.append,
    )
    assert len(reported) == 1 and reported[0].origin == str(big)
    assert "larger than the limit of 10,000,000" in reported[0].reason
    assert [d.id for d in store.documents()] == ["good"]


@pytest.mark.slow
def test_a_long_single_line_document_is_processed_or_stopped_by_the_time_limit(
    nlp, gazetteer, tmp_path
):
    line = " ".join(f"Minister {i} said talks would go on." for i in range(3000))[:100_000]
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    (tmp_path / "z-good.txt").write_text(GOOD, encoding="utf-8")
    store, reported = KnowledgeStore(), []
    summary = ingest(
        read_inputs([str(tmp_path)]),
        store,
        nlp,
        gazetteer,
        max_seconds=5,
        on_failure=reported.append,
    )
    assert "z-good" in {d.id for d in store.documents()}
    assert summary.documents + summary.failed == 2
    assert all("longer than 5 s" in e.reason for e in reported)


def test_malformed_json_lines_are_reported_with_their_line_numbers(nlp, gazetteer, tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "nt", "text": 5}),
        json.dumps({"id": "ok2", "text": GOOD + " "}),
        '{"id": "cut", "text": "Leaders met in',
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store, reported = KnowledgeStore(), []
    summary = ingest(
        read_inputs([str(tmp_path / "feed.jsonl")]),
        store,
        nlp,
        gazetteer,
        on_failure=reported.append,
    )
    assert [e.origin.rsplit(":", 1)[1] for e in reported] == ["2", "3", "4", "6"]
    assert sorted(d.id for d in store.documents()) == ["ok1", "ok2"]
    assert summary.failed == 4 and isinstance(reported[0], SourceError)


def mutations(seed_text: str, n: int, rng: random.Random):
    """Seeded corruptions of a real article: flipped bytes, cuts, NULs, tags, foreign encodings."""
    raw = seed_text.encode("utf-8")
    for i in range(n):
        data = bytearray(raw)
        kind = i % 6
        if kind == 0:
            for _ in range(rng.randint(1, 50)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == 1:
            data = data[: rng.randrange(len(data))]
        elif kind == 2:
            data[rng.randrange(len(data)) : rng.randrange(len(data))] = b"\x00" * rng.randint(1, 9)
        elif kind == 3:
            tags = [b"<p>", b"</div>", b"<script>", b"<!--", b"]]>", b"&#x", b"<a href='"]
            for _ in range(rng.randint(1, 30)):
                at = rng.randrange(len(data))
                data[at:at] = rng.choice(tags)
        elif kind == 4:
            data = bytearray(
                seed_text.encode(rng.choice(["latin-1", "cp1252", "utf-16"]), errors="replace")
            )
        else:
            data = bytearray(rng.randbytes(rng.randint(0, 2000)))
        yield (".html" if kind == 3 else ".txt"), bytes(data)


def test_fuzzed_files_never_stop_the_reader_nor_the_ingest(nlp, gazetteer, tmp_path):
    """NEWSKG_FUZZ_CASES (default 120) seeded corruptions of the seed article."""
    import os

    from tests_support import SEEDS

    seed_text = (SEEDS / "trump-xi-call.txt").read_text(encoding="utf-8")
    rng = random.Random(11)
    n = int(os.environ.get("NEWSKG_FUZZ_CASES", "120"))
    for i, (suffix, data) in enumerate(mutations(seed_text, n, rng)):
        (tmp_path / f"case-{i:04d}{suffix}").write_bytes(data)
    read = list(read_inputs([str(tmp_path)]))
    assert len(read) == n
    for item in read:
        if isinstance(item, SourceError):
            assert item.reason and item.origin.startswith(str(tmp_path))
        else:
            assert item.text.strip() and "\x00" not in item.text
    sample = read[:: max(1, n // 12)]  # a dozen of them all the way into a store
    store, failed = KnowledgeStore(), []
    summary = ingest(
        sample, store, nlp, gazetteer, max_seconds=30, on_failure=lambda e: failed.append(e.origin)
    )
    assert summary.documents + summary.failed + summary.skipped == len(sample)
    # The same text under two ids is one document (the later replaces the earlier).
    texts = {sha256(d.text) for d in sample if d.origin not in failed}
    stored = {store.find_document(doc_id=d.id)[0].sha256 for d in store.documents()}
    assert stored == texts
