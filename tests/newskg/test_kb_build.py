"""`newskg gazetteer build --extracts DIR`: the knowledge base from the sourced extracts.

The extracts here are tiny files written for the tests, in the columns of the real ones
(``shared/wikidata/README.md``); the people and places in them are made up.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import gazetteer as gaz
from extract.entries import COLUMNS
from newskg.cli import main
from newskg.kb_build import build_kb

BASE = (
    "qid\tlabel\ttype\taliases\tdemonyms\tcapital_qid\tcountry_qid\tdescription\tsources\n"
    "Q9001\tRuritania\tcountry\tRU-R\tRuritanian\tQ9002\t\tcountry\trigour|conzept\n"
    "Q9002\tStrelsau\tcity\t\t\t\tQ9001\t\tconzept\n"
    "Q9999\tMira Volk\tperson\t\t\t\t\t\tidx\n"
    "Q9004\tHofbau\tcity\t\t\t\tQ9001\t\tspoc\n"
)


def _gz(path: Path, text: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(text)


def _tsv(*rows: str) -> str:
    return "\n".join(rows) + "\n"


@pytest.fixture
def extracts(tmp_path: Path) -> Path:
    src = tmp_path / "sources"
    src.mkdir()
    (tmp_path / "base.tsv").write_text(BASE, encoding="utf-8")
    (src / "rigour_territories.tsv").write_text(
        _tsv("code\tname\talpha3\tqid", "rr\tRuritania\trur\tQ9001"), encoding="utf-8"
    )
    (src / "eps_sources.tsv").write_text(_tsv("repo\tcountry_qid", "ruritania\tQ9001"))
    _gz(
        src / "eps_positions.tsv.gz",
        _tsv(
            "position_qid\tlabel\tcountry_qid\tjurisdiction_qid\tenwiki\tsource_repo",
            "Q9100\tPrime Minister\tQ9001\tQ9001\tPrime Minister of Ruritania\truritania",
        ),
    )
    _gz(
        src / "eps_persons.tsv.gz",
        _tsv(
            "qid\tname\tgender\tdob\tdod\tenwiki\tcountry_qid\tsources",
            "Q9200\tMira Volk\tfemale\t1950-02-03\t\tMira Volk\t\truritania",
            "Q9201\tJan-Erik Brod\tmale\t1960-01-01\t\tJan-Erik Brod (politician)\tQ9001"
            "\truritania",
            "Q9202\tOtto Lenz, Baron Lenz of Zenda\tmale\t1940\t\t\tQ9001\truritania",
        ),
    )
    _gz(
        src / "eps_positions_held.tsv.gz",
        _tsv(
            "person_qid\tperson\tposition_label\tstart\tend\tkind\tcountry_qid\tsource_repo",
            "Q9200\tMira Volk\tPrime Minister\t1990-05-01\t1995-06-01\tholder\t\truritania",
            "Q9200\tMira Volk\tmember of the Diet\t1980\t1984\tlegislator\t\truritania",
            "Q9200\tMira Volk\tmember of the Diet\t1984\t1990\tlegislator\t\truritania",
            "Q9201\tJan-Erik Brod\tmember of the Diet\t2001\t\tlegislator\tQ9001\truritania",
        ),
    )
    (src / "partyfacts_wikidata.csv").write_text(
        _tsv(
            "country,partyfacts_id,wikidata_id,name,name_short,name_native",
            "RUR,1,Q9300,Ruritanian Unity Party,RUP,",
        ),
        encoding="utf-8",
    )
    (src / "hearvox_wikidata-us-states.tsv").write_text(
        _tsv("abbr\tAP\tstate\tlat\tlon\tFIPS\tqid", "ZZ\tZed.\tZedland\t0\t0\t99\tQ9400")
    )
    (src / "hearvox_wikidata-us-cities.tsv").write_text(
        _tsv("placeLabel\tstate-full\tstate\tWD-QID\tFIPS", "Mapleton\tZedland\tZZ\tQ9401\t1")
    )
    (src / "hearvox_wikipedia-us-newspapers.tsv").write_text(
        _tsv("WP-title\tstate\tpageid\tpath\tqid", "The Mapleton Star (Zedland)\tZZ\t1\t/w\tQ9500")
    )
    (src / "dr5hn_states_wikidata.tsv").write_text(
        _tsv(
            "wikiDataId\tname\tnative\tcountry_code\tcountry_name\tiso3166_2\ttype\tpopulation",
            "Q9600\tHentzau\t\tRR\tRuritania\tRR-H\tprovince\t",
        )
    )
    _gz(
        src / "dr5hn_cities_wikidata.tsv.gz",
        _tsv(
            "wikidata\tname\tnative\tcountry_code\tstate_code\ttype\tpopulation",
            "Q9700\tZenda\t\tRR\tH\tcity\t2000000",
            "Q9701\tTarlenheim\t\tRR\tH\tcity\t8000",
            "Q9702\tStrelsau\t\tRR\tH\tcity\t900000",
            "Q9703\tHentzau District\t\tRR\tH\tadm2\t50000",
        ),
    )
    return tmp_path


def build(extracts: Path, **options: bool) -> tuple[str, gaz.Gazetteer]:
    out = io.StringIO()
    build_kb(extracts, extracts / "base.tsv", out, **options)
    path = extracts / f"kb{len(list(extracts.glob('kb*')))}.tsv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return out.getvalue(), gaz.Gazetteer.from_tsv(path)


def qids(entries: list[gaz.Entry]) -> list[str]:
    return [e.qid for e in entries]


def test_the_build_is_deterministic_and_has_the_knowledge_base_columns(extracts):
    first, _ = build(extracts)
    second, _ = build(extracts)
    assert first == second
    header = first.splitlines()[1].split("\t")
    assert tuple(header) == COLUMNS


def test_every_new_type_is_built_from_its_extract(extracts):
    _, kb = build(extracts)
    types = {e.qid: e.type for e in kb.entries}
    assert types["Q9100"] == "position"
    assert types["Q9200"] == "person"
    assert types["Q9300"] == "political_party"
    assert types["Q9400"] == types["Q9600"] == "region"
    assert types["Q9401"] == types["Q9700"] == "city"
    assert types["Q9500"] == "newspaper"
    assert "Q9703" not in types  # an administrative unit, not a city


def test_a_person_carries_country_birth_date_enwiki_and_dated_positions(extracts):
    _, kb = build(extracts)
    volk = kb.by_qid["Q9200"]
    assert (volk.country_qid, volk.birth_date, volk.enwiki) == ("Q9001", "1950-02-03", "Mira Volk")
    held = gaz.positions_held(volk)
    pm = next(h for h in held if h.office)
    assert (pm.position, pm.country_qid, pm.start, pm.end) == (
        "Q9100",
        "Q9001",
        "1990-05-01",
        "1995-06-01",
    )
    assert sum(not h.office for h in held) == 2  # every term in the full build


def test_a_weak_person_row_gives_way_to_the_politician_of_that_name(extracts):
    _, kb = build(extracts)
    assert "Q9999" not in kb.by_qid
    assert qids(kb.lookup("Mira Volk")) == ["Q9200"]


def test_names_get_their_mechanical_variants(extracts):
    _, kb = build(extracts)
    assert qids(kb.lookup("Jan Erik Brod")) == ["Q9201"]
    assert qids(kb.lookup("Otto Lenz")) == ["Q9202"]
    assert qids(kb.lookup("RUP")) == ["Q9300"]
    assert kb.by_qid["Q9300"].country_qid == "Q9001"  # ISO alpha-3 through rigour


def test_a_dr5hn_city_that_another_source_names_with_another_qid_is_left_out(extracts):
    _, kb = build(extracts)
    assert qids(kb.lookup("Strelsau")) == ["Q9002"]


def test_no_odbl_leaves_out_every_dr5hn_row(extracts):
    _, kb = build(extracts, no_odbl=True)
    assert not {"Q9600", "Q9700", "Q9701"} & set(kb.by_qid)
    assert "Q9401" in kb.by_qid  # hearvox is CC0


def test_the_core_keeps_capitals_and_large_cities_and_shortens_seats(extracts):
    text, kb = build(extracts, core=True)
    assert not text.startswith("#")  # only a full build carries the full-build mark
    assert "Q9700" in kb.by_qid and "Q9701" not in kb.by_qid
    assert "Q9004" in kb.by_qid  # every city of the base gazetteer
    seats = [h for h in gaz.positions_held(kb.by_qid["Q9200"]) if not h.office]
    assert [(h.start, h.end) for h in seats] == [("1980", "1990")]


def test_the_command_writes_a_gzip_file_that_loads_instead_of_the_bundled_core(extracts):
    out = extracts / "kb.tsv.gz"
    result = CliRunner().invoke(
        main,
        [
            "gazetteer",
            "build",
            "--extracts",
            str(extracts),
            "--base",
            str(extracts / "base.tsv"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "replaced Q9999" in result.output
    kb = gaz.load((str(out),))
    assert len(kb) == len(gaz.Gazetteer.from_tsv(out))  # not merged with the bundled core


def test_extracts_and_dump_inputs_cannot_be_mixed(extracts, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "gazetteer",
            "build",
            "--extracts",
            str(extracts),
            str(extracts / "base.tsv"),
            "-o",
            str(tmp_path / "x.tsv"),
        ],
    )
    assert result.exit_code != 0
    assert "either INPUTS" in result.output
