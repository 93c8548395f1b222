"""`newskg gazetteer build`: small Wikidata dumps and SPARQL results made in the tests."""

from __future__ import annotations

import bz2
import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import gazetteer as gaz
from newskg.gazetteer_build import COLUMNS, build, gazetteer_group, iter_dump_entities


def _claim(prop: str, qid: str, rank: str = "normal") -> dict:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datatype": "wikibase-item",
            "datavalue": {"value": {"entity-type": "item", "id": qid}, "type": "wikibase-entityid"},
        },
        "type": "statement",
        "rank": rank,
    }


def _demonym(text: str, language: str = "en") -> dict:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": "P1549",
            "datavalue": {"value": {"text": text, "language": language}, "type": "monolingualtext"},
        },
        "type": "statement",
        "rank": "normal",
    }


# Items as the dump writes them (trimmed). Q-ids of real items are those of the project's
# sourced gazetteer; Q990010 is synthetic.
ENTITIES = [
    {
        "type": "item",
        "id": "Q30",
        "labels": {
            "en": {"language": "en", "value": "United States of America"},
            "fr": {"language": "fr", "value": "États-Unis"},
        },
        "descriptions": {"en": {"language": "en", "value": "country in North America"}},
        "aliases": {
            "en": [
                {"language": "en", "value": "USA"},
                {"language": "en", "value": "U.S."},
                {"language": "en", "value": "America"},
            ]
        },
        "claims": {
            "P31": [_claim("P31", "Q3624078")],
            "P36": [_claim("P36", "Q61")],
            "P1549": [_demonym("American"), _demonym("Américain", "fr")],
        },
    },
    {
        "type": "item",
        "id": "Q61",
        "labels": {"en": {"language": "en", "value": "Washington, D.C."}},
        "descriptions": {"en": {"language": "en", "value": "capital city of the United States"}},
        "aliases": {"en": [{"language": "en", "value": "Washington"}]},
        "claims": {"P31": [_claim("P31", "Q5119")], "P17": [_claim("P17", "Q30")]},
    },
    {
        "type": "item",
        "id": "Q22686",
        "labels": {"en": {"language": "en", "value": "Donald Trump"}},
        "aliases": {"en": [{"language": "en", "value": "Trump"}]},
        "claims": {"P31": [_claim("P31", "Q5")], "P27": [_claim("P27", "Q30")]},
    },
    {
        "type": "item",
        "id": "Q990010",  # no English label
        "labels": {"de": {"language": "de", "value": "Nur Deutsch"}},
        "claims": {},
    },
    {
        "type": "item",
        "id": "Q990011",  # a class the builder does not know
        "labels": {"en": {"language": "en", "value": "Some Painting"}},
        "claims": {"P31": [_claim("P31", "Q3305213")]},
    },
    {"type": "property", "id": "P31", "labels": {"en": {"language": "en", "value": "instance of"}}},
]


def write_dump(path: Path, entities=ENTITIES) -> Path:
    """The dump layout: '[', one entity per line followed by ',', ']'."""
    lines = (
        ["[\n"]
        + [
            json.dumps(e) + (",\n" if i < len(entities) - 1 else "\n")
            for i, e in enumerate(entities)
        ]
        + ["]\n"]
    )
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix, open)
    with opener(path, "wt", encoding="utf-8") as f:
        f.writelines(lines)
    return path


def read_rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return {row["qid"]: row for row in reader}


def run_build(*args: str) -> str:
    result = CliRunner().invoke(gazetteer_group, ["build", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("suffix", [".json", ".json.gz", ".json.bz2"])
def test_dump_in_any_compression_becomes_gazetteer_rows(tmp_path, suffix):
    dump = write_dump(tmp_path / f"dump{suffix}")
    out = tmp_path / "g.tsv"

    message = run_build(str(dump), "-o", str(out))

    rows = read_rows(out)
    assert set(rows) == {"Q30", "Q61", "Q22686"}
    us = rows["Q30"]
    assert (us["label"], us["type"], us["capital_qid"]) == (
        "United States of America",
        "country",
        "Q61",
    )
    assert us["aliases"].split("|") == ["USA", "U.S.", "America"]
    assert us["demonyms"] == "American"
    assert us["description"] == "country in North America"
    assert us["sources"] == f"wikidata-dump:dump{suffix}"
    assert (rows["Q61"]["type"], rows["Q61"]["country_qid"]) == ("city", "Q30")
    assert rows["Q22686"]["type"] == "person"
    assert "wrote 3 entries" in message
    assert "1 without an en label" in message and "1 without a known type" in message


def test_built_gazetteer_links_through_the_normal_loader(tmp_path):
    out = tmp_path / "g.tsv"
    run_build(str(write_dump(tmp_path / "d.json")), "-o", str(out))

    merged = gaz.load((str(out),))

    assert [e.qid for e in merged.lookup("America")] == ["Q30"]
    assert [e.qid for e in merged.demonym("American") if e.type == "country"] == ["Q30"]
    assert merged.capital_of["Q61"].qid == "Q30"
    assert len(merged.entries) >= len(gaz.bundled().entries)


def test_dump_is_read_line_by_line(tmp_path):
    dump = write_dump(tmp_path / "d.json")
    read: list[str] = []

    def lines():
        with open(dump, encoding="utf-8") as f:
            for line in f:
                read.append(line)
                yield line

    first = next(iter_dump_entities(lines()))

    assert first["id"] == "Q30"
    assert len(read) == 2  # "[" and the first entity; the rest is still unread


def test_forced_type_applies_to_every_item(tmp_path):
    out = tmp_path / "g.tsv"
    run_build(str(write_dump(tmp_path / "d.json")), "-o", str(out), "--type", "company")

    assert {r["type"] for r in read_rows(out).values()} == {"company"}
    assert "Q990011" in read_rows(out)


def test_deprecated_claims_are_ignored_and_preferred_ones_win(tmp_path):
    entity = {
        "type": "item",
        "id": "Q148",
        "labels": {"en": {"language": "en", "value": "People's Republic of China"}},
        "claims": {
            "P31": [_claim("P31", "Q3624078")],
            "P36": [
                _claim("P36", "Q990012", "deprecated"),
                _claim("P36", "Q990013"),
                _claim("P36", "Q956", "preferred"),
            ],
        },
    }
    out = tmp_path / "g.tsv"
    run_build(str(write_dump(tmp_path / "d.json", [entity])), "-o", str(out))

    assert read_rows(out)["Q148"]["capital_qid"] == "Q956"


def test_sparql_tsv_result_with_one_row_per_alias_is_merged(tmp_path):
    result = tmp_path / "query.tsv"
    result.write_text(
        "?item\t?itemLabel\t?altLabel\t?itemDescription\t?capital\t?type\n"
        '<http://www.wikidata.org/entity/Q865>\t"Taiwan"@en\t"Republic of China"@en\t'
        '"country in East Asia"@en\t<http://www.wikidata.org/entity/Q1867>\t"country"\n'
        '<http://www.wikidata.org/entity/Q865>\t"Taiwan"@en\t"ROC"@en\t'
        '"country in East Asia"@en\t<http://www.wikidata.org/entity/Q1867>\t"country"\n'
        '<http://www.wikidata.org/entity/Q990014>\t"Q990014"\t\t\t\t"country"\n',
        encoding="utf-8",
    )
    out = tmp_path / "g.tsv"

    run_build(str(result), "-o", str(out))

    rows = read_rows(out)
    assert list(rows) == ["Q865"]
    assert rows["Q865"]["aliases"] == "Republic of China|ROC"
    assert (rows["Q865"]["capital_qid"], rows["Q865"]["description"]) == (
        "Q1867",
        "country in East Asia",
    )


def test_sparql_csv_result_with_concatenated_aliases(tmp_path):
    result = tmp_path / "query.csv.gz"
    with gzip.open(result, "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "itemLabel", "aliases", "demonyms", "class"])
        w.writerow(
            [
                "http://www.wikidata.org/entity/Q17",
                "Japan",
                "Nippon|Nihon",
                "Japanese",
                "http://www.wikidata.org/entity/Q3624078",
            ]
        )
    out = tmp_path / "g.tsv"

    run_build(str(result), "-o", str(out))

    japan = read_rows(out)["Q17"]
    assert (japan["type"], japan["aliases"], japan["demonyms"]) == (
        "country",
        "Nippon|Nihon",
        "Japanese",
    )


def test_sparql_result_without_item_column_is_refused(tmp_path):
    bad = tmp_path / "q.csv"
    bad.write_text("name,label\nx,y\n", encoding="utf-8")

    result = CliRunner().invoke(gazetteer_group, ["build", str(bad), "-o", str(tmp_path / "o")])

    assert result.exit_code != 0
    assert "item" in result.output


def test_names_with_separators_cannot_break_the_tsv(tmp_path):
    entity = {
        "type": "item",
        "id": "Q458",
        "labels": {"en": {"language": "en", "value": "European\tUnion"}},
        "aliases": {"en": [{"language": "en", "value": "EU|E.U."}]},
        "claims": {"P31": [_claim("P31", "Q484652")]},
    }
    out = tmp_path / "g.tsv"
    run_build(str(write_dump(tmp_path / "d.json", [entity])), "-o", str(out))

    row = read_rows(out)["Q458"]
    assert (row["label"], row["aliases"]) == ("European Union", "EU/E.U.")


def test_build_writes_header_and_rows_to_any_stream(tmp_path):
    import io

    buffer = io.StringIO()
    report = build([write_dump(tmp_path / "d.json")], buffer)

    assert buffer.getvalue().splitlines()[0].split("\t") == list(COLUMNS)
    assert report.written == 3
