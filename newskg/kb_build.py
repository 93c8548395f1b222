"""The offline knowledge base: a gazetteer TSV from the sourced Wikidata extracts.

``newskg gazetteer build --extracts DIR`` reads the extracts listed in
``shared/wikidata/README.md`` ("Extracts for a larger knowledge base") and writes one gazetteer
TSV with the bundled gazetteer's columns plus :data:`KB_COLUMNS`: politicians with their dated
positions held (EveryPolitician scrapers), position items, political parties (Party Facts),
cities and regions (dr5hn, hearvox), US newspapers (hearvox), on top of a base gazetteer (the
sourced ``gazetteer.tsv``: countries, capitals, organisations).

The build is deterministic: rows are sorted by type and QID, lists keep source order, and the
first source of a QID wins a field (base gazetteer first). ``core=True`` keeps the rows news
names most (:func:`in_core`); ``no_odbl=True`` leaves out every row and name from the ODbL
extracts (dr5hn).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from extract.entries import COLUMNS as ALL_COLUMNS
from extract.gazetteer import FULL_KB_MARK
from newskg.gazetteer_build import open_text

ODBL_SOURCES = frozenset({"dr5hn"})
"""Source keys whose data is under ODbL 1.0 (left out by ``--no-odbl``)."""

CORE_CITY_POPULATION = 500_000
"""Cities at least this large (dr5hn population) are in the core, beside every capital."""

_TYPE_ORDER = (
    "country",
    "territory",
    "former_country",
    "city",
    "region",
    "international_organisation",
    "government_body",
    "legislature",
    "political_party",
    "position",
    "person",
    "news_agency",
    "newspaper",
    "company",
    "event",
    "commodity",
    "chemical_group",
)
_QID = re.compile(r"Q[1-9]\d*")
_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)$")
_PEERAGE = re.compile(r", (?:Baron|Baroness|Lord|Lady|Viscount|Viscountess|Earl|Countess) .*$")
_CITY_KINDS = frozenset({"city", "capital", ""})


@dataclass
class KbRow:
    """One entity of the knowledge base, as it is being assembled."""

    qid: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: str = ""
    capital_qid: str = ""
    country_qid: str = ""
    description: str = ""
    sources: list[str] = field(default_factory=list)
    enwiki: str = ""
    birth_date: str = ""
    population: str = ""
    positions: list[str] = field(default_factory=list)
    from_base: bool = False

    def add_alias(self, name: str) -> None:
        name = _clean(name)
        known = {self.label.lower(), *(a.lower() for a in self.aliases)}
        if name and name.lower() not in known:
            self.aliases.append(name)

    def add_source(self, key: str) -> None:
        if key not in self.sources:
            self.sources.append(key)

    def cells(self) -> list[str]:
        return [
            self.qid,
            self.label,
            self.type,
            "|".join(self.aliases),
            self.demonyms,
            self.capital_qid,
            self.country_qid,
            self.description,
            "|".join(self.sources),
            self.enwiki,
            self.birth_date,
            self.population,
            "|".join(self.positions),
        ]


@dataclass
class KbReport:
    rows: dict[str, int] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def position_cell(label: str, country: str, start: str, end: str, office: bool) -> str:
    """One held position as stored in the ``positions`` column: ``label;country;start;end;kind``
    (kind ``o`` an office, ``l`` a legislature seat). The label is a position QID where the
    source's label names a position item of that country, else the source's label."""
    fields = (_clean(label).replace(";", ","), country, start, end, "o" if office else "l")
    return ";".join(fields)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("|", "/").replace("\t", " ")).strip()


def _rows(path: Path, delimiter: str = "\t") -> Iterator[dict[str, str]]:
    quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    with open_text(path) as f:
        yield from csv.DictReader(f, delimiter=delimiter, quoting=quoting)


def _qid(value: str) -> str:
    """'Q61' from 'Q61' or 'https://www.wikidata.org/entity/Q61'; '' if none."""
    m = _QID.search(value or "")
    return m.group(0) if m else ""


class Builder:
    """Collects :class:`KbRow` by QID; the first source of a QID wins each field."""

    def __init__(self, extracts: Path, *, no_odbl: bool = False) -> None:
        self.src = extracts / "sources" if (extracts / "sources").is_dir() else extracts
        self.no_odbl = no_odbl
        self.rows: dict[str, KbRow] = {}
        self.report = KbReport()
        self.country_of_code: dict[str, str] = {}
        # (type, country, lower-case label) of the rows read before dr5hn's, for its check.
        self._labels: dict[tuple[str, str, str], str] = {}

    def _source(self, name: str, delimiter: str = "\t") -> Iterator[dict[str, str]]:
        """The rows of one extract; a missing one is reported and read as empty."""
        path = self.src / name
        if not path.exists():
            self.report.skip(f"missing extract {name}")
            return iter(())
        return _rows(path, delimiter)

    def get(self, qid: str, label: str, kind: str, source: str) -> KbRow:
        row = self.rows.get(qid)
        if row is None:
            row = self.rows[qid] = KbRow(qid=qid, label=_clean(label), type=kind)
        elif _clean(label) and _clean(label) != row.label:
            row.add_alias(label)
        row.add_source(source)
        return row

    # -- sources ---------------------------------------------------------------------------

    def read_base(self, path: Path) -> None:
        """The sourced gazetteer (countries, capitals, organisations, a few people)."""
        for r in _rows(path):
            qid = r["qid"].strip()
            if not _QID.fullmatch(qid):
                continue
            row = self.get(qid, r["label"], r["type"], "base")
            row.sources = [s for s in r.get("sources", "").split("|") if s] or ["base"]
            row.from_base = True
            for a in (r.get("aliases") or "").split("|"):
                row.add_alias(a)
            row.demonyms = r.get("demonyms") or ""
            row.capital_qid = r.get("capital_qid") or ""
            row.country_qid = r.get("country_qid") or ""
            row.description = r.get("description") or ""
        self._country_codes()

    def _country_codes(self) -> None:
        """ISO 3166 alpha-2/alpha-3 codes to country QIDs (rigour, MIT)."""
        for r in self._source("rigour_territories.tsv"):
            qid = r["qid"]
            if qid in self.rows and self.rows[qid].type in ("country", "territory"):
                self.country_of_code[r["code"].upper()] = qid
                if r.get("alpha3"):
                    self.country_of_code[r["alpha3"].upper()] = qid
        # The base keeps the country proper where rigour's item is a realm (Q55, not Q29999).
        for r in self._source("conzept_countries_capitals.tsv"):
            for code in (r["iso2"], r["iso3"]):
                if code:
                    self.country_of_code[code.upper()] = r["country_qid"]

    def read_politicians(self) -> None:
        """EveryPolitician persons, their positions held, and the position items."""
        position_qid: dict[tuple[str, str], str] = {}
        for r in self._source("eps_positions.tsv.gz"):
            qid = _qid(r["position_qid"])
            if not qid or not r["label"]:
                continue
            position_qid.setdefault((r["label"], r["country_qid"]), qid)
            row = self.get(qid, r["label"], "position", "eps")
            row.country_qid = row.country_qid or r["country_qid"]
            row.enwiki = row.enwiki or r["enwiki"]
        repo_country = {r["repo"]: r["country_qid"] for r in self._source("eps_sources.tsv")}
        for r in self._source("eps_persons.tsv.gz"):
            qid = _qid(r["qid"])
            if not qid or not r["name"]:
                continue
            row = self.get(qid, r["name"], "person", "eps")
            repos = r["sources"].split("|")
            row.country_qid = row.country_qid or r["country_qid"] or repo_country.get(repos[0], "")
            row.birth_date = row.birth_date or r["dob"]
            row.enwiki = row.enwiki or r["enwiki"]
            self._name_variants(row, r["enwiki"])
        for r in self._source("eps_positions_held.tsv.gz"):
            held_by = self.rows.get(_qid(r["person_qid"]))
            if held_by is None or held_by.type != "person":
                self.report.skip("position held of an unknown person")
                continue
            row = held_by
            country = r["country_qid"] or repo_country.get(r["source_repo"], "")
            label = position_qid.get((r["position_label"], country), r["position_label"])
            cell = position_cell(label, country, r["start"], r["end"], r["kind"] != "legislator")
            if cell not in row.positions:
                row.positions.append(cell)

    def _name_variants(self, row: KbRow, enwiki: str) -> None:
        """Mechanical variants a news text writes: the enwiki title without its
        disambiguation ("Kim Jong-hoon (politician, born 1952)") or peerage ("John MacGregor,
        Baron MacGregor of Pulham Market"), hyphens as spaces ("Kim Jong-un" -> "Kim Jong Un").
        """
        for name in (row.label, _DISAMBIGUATION.sub("", enwiki)):
            name = _PEERAGE.sub("", name)  # "John MacGregor, Baron MacGregor of ..."
            row.add_alias(name)
            if "-" in name:
                row.add_alias(re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), name))

    def read_congress(self) -> None:
        """Current members of the US Congress (unitedstates/congress-legislators, CC0)."""
        path = self.src / "us_congress_legislators_current.yaml"
        if not path.exists():
            self.report.skip("missing extract us_congress_legislators_current.yaml")
            return
        try:
            import yaml  # noqa: PLC0415 - only this source needs it
        except ImportError:
            self.report.skip("us_congress_legislators_current.yaml (PyYAML not installed)")
            return
        with open(path, encoding="utf-8") as f:
            members = yaml.safe_load(f)
        for m in members:
            qid = _qid(str(m.get("id", {}).get("wikidata", "")))
            name = m.get("name", {})
            label = name.get("official_full") or f"{name.get('first', '')} {name.get('last', '')}"
            if not qid or not label.strip():
                continue
            row = self.get(qid, label, "person", "congress")
            row.country_qid = row.country_qid or "Q30"
            row.birth_date = row.birth_date or str(m.get("bio", {}).get("birthday", ""))
            row.enwiki = row.enwiki or str(m.get("id", {}).get("wikipedia", ""))
            if name.get("nickname") and name.get("last"):
                row.add_alias(f"{name['nickname']} {name['last']}")
            for term in m.get("terms", ()):
                seat = (
                    "United States senator"
                    if term.get("type") == "sen"
                    else ("United States representative")
                )
                cell = position_cell(seat, "Q30", str(term["start"]), str(term["end"]), False)
                if cell not in row.positions:
                    row.positions.append(cell)

    def read_parties(self) -> None:
        """Political parties (Party Facts, MIT): name, short name, native name."""
        for r in self._source("partyfacts_wikidata.csv", delimiter=","):
            qid = _qid(r["wikidata_id"])
            if not qid or not r["name"]:
                continue
            row = self.get(qid, r["name"], "political_party", "partyfacts")
            row.country_qid = row.country_qid or self.country_of_code.get(r["country"], "")
            for name in (r["name_short"], r["name_native"]):
                row.add_alias(name)

    def read_places(self) -> None:
        """US states and cities (hearvox, CC0); other countries' cities and first-level
        regions (dr5hn, ODbL, unless ``no_odbl``)."""
        for r in self._source("hearvox_wikidata-us-states.tsv"):
            if not _qid(r["qid"]):
                continue
            row = self.get(_qid(r["qid"]), r["state"], "region", "hearvox")
            row.country_qid = row.country_qid or "Q30"
            row.add_alias(r["AP"])
        for r in self._source("hearvox_wikidata-us-cities.tsv"):
            qid = _qid(r["WD-QID"])
            if qid:
                row = self.get(qid, r["placeLabel"], "city", "hearvox")
                row.country_qid = row.country_qid or "Q30"
                row.description = row.description or f"place in {r['state-full']}"
        if self.no_odbl:
            return
        for r in self._source("dr5hn_states_wikidata.tsv"):
            self._dr5hn(r["wikiDataId"], r["name"], "region", r["country_code"], r["population"])
        for r in self._source("dr5hn_cities_wikidata.tsv.gz"):
            if r["type"] not in _CITY_KINDS:
                self.report.skip("dr5hn administrative unit")
                continue
            self._dr5hn(r["wikidata"], r["name"], "city", r["country_code"], r["population"])

    def _dr5hn(self, qid: str, name: str, kind: str, code: str, population: str) -> None:
        qid = _qid(qid)
        if not qid or not name:
            return
        country = self.country_of_code.get(code.upper(), "")
        if qid not in self.rows and self._named_otherwise(name, kind, country):
            # dr5hn sometimes gives a same-named unit's QID: another source has this place.
            self.report.skip(f"dr5hn {kind} whose name another source gives another QID")
            return
        row = self.get(qid, name, kind, "dr5hn")
        row.country_qid = row.country_qid or country
        row.population = row.population or population

    def _named_otherwise(self, name: str, kind: str, country: str) -> bool:
        if not self._labels:
            for r in self.rows.values():
                self._labels.setdefault((r.type, r.country_qid, r.label.lower()), r.qid)
        return (kind, country, name.lower()) in self._labels

    def read_newspapers(self) -> None:
        """US newspapers with a QID (hearvox, from Wikipedia lists; CC0)."""
        for r in self._source("hearvox_wikipedia-us-newspapers.tsv"):
            qid = _qid(r["qid"])
            if qid:
                row = self.get(qid, _DISAMBIGUATION.sub("", r["WP-title"]), "newspaper", "hearvox")
                row.country_qid = row.country_qid or "Q30"
                row.enwiki = row.enwiki or r["WP-title"]

    # -- corrections -----------------------------------------------------------------------

    def drop_weak_persons(self) -> None:
        """A base person row known from the unrecorded search-index files only (``idx``) gives
        way to a politician of the same name with another QID in the EveryPolitician exports
        (Kim Jong Un is Q56226 there and in the world-leaders export, not Q42313)."""
        by_name: dict[str, set[str]] = {}
        for r in self.rows.values():
            if r.type == "person" and "eps" in r.sources:
                for name in (r.label, *r.aliases):
                    by_name.setdefault(name.lower(), set()).add(r.qid)
        for qid, r in list(self.rows.items()):
            if r.type != "person" or set(r.sources) != {"idx"}:
                continue
            others = by_name.get(r.label.lower(), set()) - {qid}
            if len(others) == 1:
                del self.rows[qid]
                self.report.replaced.append(f"{qid} {r.label} -> {others.pop()}")


def in_core(row: KbRow, capitals: frozenset[str]) -> bool:
    """Whether a row is in the compact core shipped in the wheel: every base row (countries,
    capitals, organisations), person, party, position item, newspaper and region; of the
    cities, capitals and those of at least :data:`CORE_CITY_POPULATION`. (Persons stay whole
    because the sources date many past ministers only by their seats; :func:`_core_row`
    shortens their seats instead.)"""
    if row.type == "person":
        return True
    if row.type == "city":
        if row.qid in capitals or row.from_base:
            return True
        return row.population.isdigit() and int(row.population) >= CORE_CITY_POPULATION
    return True


def _core_row(row: KbRow) -> KbRow:
    """A core person keeps its offices; its legislature seats (one per term in the sources)
    become one per country, from the first term's start to the last one's end, or ongoing
    (the full build keeps every term)."""
    offices = [p for p in row.positions if p.endswith(";o")]
    terms: dict[str, list[tuple[str, str]]] = {}
    for cell in row.positions:
        _, country, start, end, kind = cell.split(";")
        if kind == "l":
            terms.setdefault(country, []).append((start, end))
    seats = []
    for country, spans in terms.items():
        starts = [s for s, _ in spans if s]
        ends = [e for _, e in spans]
        last = "" if "" in ends else max(ends)
        seats.append(position_cell("legislator", country, min(starts, default=""), last, False))
    row.positions = offices + seats
    return row


def build_kb(
    extracts: Path,
    base: Path,
    output: IO[str],
    *,
    core: bool = False,
    no_odbl: bool = False,
) -> KbReport:
    """Write the knowledge base TSV (``ALL_COLUMNS``) built from ``extracts`` over ``base``."""
    b = Builder(extracts, no_odbl=no_odbl)
    b.read_base(base)
    b.read_politicians()
    b.read_congress()
    b.read_parties()
    b.read_places()
    b.read_newspapers()
    b.drop_weak_persons()
    capitals = frozenset(r.capital_qid for r in b.rows.values() if r.capital_qid)
    rows: Iterable[KbRow] = b.rows.values()
    if core:
        rows = [_core_row(r) for r in rows if in_core(r, capitals)]
    ordered = sorted(rows, key=lambda r: (_type_rank(r.type), int(r.qid[1:])))
    if not core:
        output.write(FULL_KB_MARK + "\n")
    output.write("\t".join(ALL_COLUMNS) + "\n")
    for r in ordered:
        output.write("\t".join(re.sub(r"[\t\r\n]", " ", c) for c in r.cells()) + "\n")
        b.report.rows[r.type] = b.report.rows.get(r.type, 0) + 1
    return b.report


def _type_rank(kind: str) -> int:
    return _TYPE_ORDER.index(kind) if kind in _TYPE_ORDER else len(_TYPE_ORDER)
