"""Reading inputs: formats, sidecar metadata, and bad input reported per document."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json

import pytest

from newskg.sources import InputError, SourceDocument, SourceError, html_to_text, read_inputs


def docs(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file_takes_title_date_and_source_from_its_meta_json(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders met in Rome.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "Summit", "date": "2024-05-02", "source": "wire"}), encoding="utf-8"
    )
    [d] = docs(tmp_path)
    assert isinstance(d, SourceDocument)
    assert (d.id, d.title, d.date, d.source) == ("a", "Summit", dt.date(2024, 5, 2), "wire")


def test_date_option_applies_to_plain_text_without_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders met.", encoding="utf-8")
    [d] = docs(tmp_path / "a.txt", default_date=dt.date(2020, 1, 3))
    assert d.date == dt.date(2020, 1, 3)


def test_folder_ids_are_relative_paths_and_sidecars_are_not_documents(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Text.", encoding="utf-8")
    (tmp_path / "sub" / "b.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    assert [d.id for d in docs(tmp_path)] == ["sub/b"]


def test_html_gives_visible_text_and_title_only():
    title, text = html_to_text(
        "<html><head><title>T</title><style>p{}</style></head><body><p>One.</p>"
        "<script>var x = 1;</script><p>Two &amp; three.</p></body></html>"
    )
    assert title == "T"
    assert text == "One.\nTwo & three."


@pytest.mark.parametrize(
    "suffix,opener", [(".jsonl", open), (".jsonl.gz", gzip.open), (".jsonl.bz2", bz2.open)]
)
def test_json_lines_in_every_compression(tmp_path, suffix, opener):
    path = tmp_path / f"news{suffix}"
    with opener(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "x1", "title": "T", "date": "2021-02-03", "text": "Hi."}) + "\n")
    [d] = docs(path)
    assert (d.id, d.text, d.date) == ("x1", "Hi.", dt.date(2021, 2, 3))


def test_malformed_json_line_is_reported_with_its_line_and_the_rest_still_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "One."}\n{broken\n{"id": 5}\n{"text": "Two."}\n', encoding="utf-8")
    out = docs(path)
    errors = [e for e in out if isinstance(e, SourceError)]
    assert [e.origin.rsplit(":", 1)[1] for e in errors] == ["2", "3"]
    assert [d.text for d in out if isinstance(d, SourceDocument)] == ["One.", "Two."]


@pytest.mark.parametrize(
    "data,expected",
    [
        ("Grüße aus Köln".encode("utf-16"), "Grüße aus Köln"),
        ("\ufeffBOM text".encode("utf-8"), "BOM text"),
        ("Café noir".encode("latin-1"), "Café noir"),
    ],
)
def test_encodings_are_decoded(tmp_path, data, expected):
    (tmp_path / "a.txt").write_bytes(data)
    [d] = docs(tmp_path / "a.txt")
    assert d.text == expected


def test_unknown_file_kind_named_explicitly_is_an_input_error(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown kind"):
        docs(tmp_path / "a.pdf")


def test_bad_date_in_metadata_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"date": "last week"}', encoding="utf-8")
    [e] = docs(tmp_path)
    assert isinstance(e, SourceError) and "ISO date" in e.reason
