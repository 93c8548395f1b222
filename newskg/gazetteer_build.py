"""``newskg gazetteer build``: a gazetteer TSV from a Wikidata JSON dump or a SPARQL result.

The output has the bundled gazetteer's columns (``extract/data/README.md``), so that
``newskg ingest --gazetteer FILE`` uses it beside the bundled one.

Inputs:

- a **Wikidata JSON dump** (``.json``, ``.json.gz``, ``.json.bz2``): a JSON array with one entity
  per line, read line by line (never loaded whole, so the full dump works in constant memory).
  From each item: the English label, aliases and description; its type from "instance of"
  (P31, see :data:`TYPE_OF_CLASS`, or ``--type``); capital (P36), country (P17) and English
  demonyms (P1549).
- the **CSV/TSV result of a Wikidata SPARQL query** (``.csv``, ``.tsv``, optionally compressed):
  columns named ``item``/``qid``, ``itemLabel``/``label``, and optionally ``type``, ``aliases``
  (or ``altLabel``), ``demonyms``, ``capital``, ``country``, ``itemDescription``/``description``.
  Values may be full entity IRIs (``http://www.wikidata.org/entity/Q30``, ``<...>``) or QIDs and
  literals may carry ``"..."@en`` quoting (the Query Service's TSV); several rows of one item
  (one per alias) are merged.

Items without an English label or a type are skipped and counted.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import click

from extract.entries import COLUMNS as ALL_COLUMNS
from graph.wikidata_classes import gazetteer_type_of_class

COLUMNS = ALL_COLUMNS[:9]
"""The gazetteer columns this command writes (the knowledge base's add four, see
``newskg/kb_build.py``)."""

TYPES = (
    "country",
    "territory",
    "former_country",
    "city",
    "international_organisation",
    "government_body",
    "legislature",
    "person",
    "position",
    "political_party",
    "region",
    "newspaper",
    "news_agency",
    "company",
    "event",
    "commodity",
    "chemical_group",
)
"""The gazetteer types (``extract.gazetteer``); ``--type`` takes one of them."""

TYPE_OF_CLASS: dict[str, str] = gazetteer_type_of_class()
"""Wikidata classes (P31 values) and the gazetteer type they give, from the sourced table
``graph/data/wikidata_classes.tsv``; the first class of an item found here wins. Items of other
classes need ``--type``."""

_QID = re.compile(r"Q[1-9]\d*")
_ENTITY_IRI = re.compile(r"<?https?://www\.wikidata\.org/(?:entity|wiki)/(Q[1-9]\d*)>?")
_LITERAL = re.compile(r'^"(.*)"(?:@[A-Za-z-]+|\^\^<[^>]*>)?$', re.S)


@dataclass
class Row:
    qid: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital_qid: str = ""
    country_qid: str = ""
    description: str = ""
    sources: str = ""

    def add(self, values: Iterable[str], to: list[str]) -> None:
        for v in values:
            v = _clean(v)
            if v and v.lower() != self.label.lower() and v.lower() not in {x.lower() for x in to}:
                to.append(v)

    def cells(self) -> list[str]:
        return [
            self.qid,
            self.label,
            self.type,
            "|".join(self.aliases),
            "|".join(self.demonyms),
            self.capital_qid,
            self.country_qid,
            self.description,
            self.sources,
        ]


@dataclass
class BuildReport:
    written: int = 0
    skipped_no_label: int = 0
    skipped_no_type: int = 0
    skipped_not_item: int = 0


# -- reading -------------------------------------------------------------------------------


def open_text(path: str | Path) -> IO[str]:
    """Open a plain, gzip or bzip2 file as text, by its name."""
    name = str(path).lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    if name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def input_format(path: str | Path) -> str:
    """``dump`` or ``sparql``, from the file name (compression suffixes ignored)."""
    name = re.sub(r"\.(gz|bz2)$", "", str(path).lower())
    if name.endswith((".json", ".ndjson", ".jsonl")):
        return "dump"
    if name.endswith((".csv", ".tsv")):
        return "sparql"
    raise click.UsageError(f"{path}: cannot tell the format (expected .json/.csv/.tsv)")


def iter_dump_entities(stream: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Entities of a Wikidata JSON dump, one per line ("[", "]" and trailing commas skipped)."""
    for number, line in enumerate(stream, 1):
        text = line.strip()
        if text in ("", "[", "]"):
            continue
        if text.endswith(","):
            text = text[:-1]
        try:
            entity = json.loads(text)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"line {number}: not a dump entity ({exc.msg})") from exc
        if isinstance(entity, dict):
            yield entity


def rows_from_dump(
    entities: Iterable[dict[str, Any]],
    *,
    language: str,
    forced_type: str | None,
    source: str,
    report: BuildReport,
) -> Iterator[Row]:
    for entity in entities:
        qid = entity.get("id", "")
        if entity.get("type", "item") != "item" or not _QID.fullmatch(qid):
            report.skipped_not_item += 1
            continue
        label = _text(entity.get("labels", {}).get(language))
        if not label:
            report.skipped_no_label += 1
            continue
        claims = entity.get("claims", {})
        kind = forced_type or _type_of(_item_values(claims, "P31"))
        if kind is None:
            report.skipped_no_type += 1
            continue
        row = Row(qid=qid, label=_clean(label), type=kind, sources=source)
        row.add((_text(a) or "" for a in entity.get("aliases", {}).get(language, [])), row.aliases)
        row.add(_monolingual(claims, "P1549", language), row.demonyms)
        row.capital_qid = next(iter(_item_values(claims, "P36")), "")
        row.country_qid = next(iter(_item_values(claims, "P17")), "")
        if row.country_qid == qid:
            row.country_qid = ""
        row.description = _clean(_text(entity.get("descriptions", {}).get(language)) or "")
        yield row


def rows_from_sparql(
    stream: IO[str], *, delimiter: str, forced_type: str | None, source: str, report: BuildReport
) -> Iterator[Row]:
    quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.DictReader(stream, delimiter=delimiter, quoting=quoting)
    fields = {_column(f): f for f in reader.fieldnames or ()}
    item_col = fields.get("item") or fields.get("qid")
    label_col = fields.get("itemlabel") or fields.get("label")
    if item_col is None or label_col is None:
        raise click.ClickException(
            f"SPARQL result needs an item (or qid) and an itemLabel (or label) column; "
            f"found {', '.join(reader.fieldnames or ())}"
        )

    def col(*names: str) -> str | None:
        return next((fields[n] for n in names if n in fields), None)

    type_col = col("type", "gazetteertype")
    class_col = col("class", "instanceof", "p31")
    alias_col = col("aliases", "altlabel", "itemaltlabel", "alias")
    demonym_col = col("demonyms", "demonym")
    capital_col = col("capital", "capitalqid")
    country_col = col("country", "countryqid")
    desc_col = col("itemdescription", "description")
    rows: dict[str, Row] = {}
    for record in reader:
        qid = _qid(record.get(item_col, ""))
        if qid is None:
            report.skipped_not_item += 1
            continue
        label = _literal(record.get(label_col, ""))
        if not label or label == qid:  # the Query Service writes the QID when no label exists
            report.skipped_no_label += 1
            continue
        row = rows.get(qid)
        if row is None:
            kind = forced_type or _literal(record.get(type_col, "") if type_col else "")
            if not kind and class_col:
                kind = _type_of([q for q in [_qid(record.get(class_col, ""))] if q]) or ""
            if kind not in TYPES:
                report.skipped_no_type += 1
                continue
            row = rows[qid] = Row(qid=qid, label=_clean(label), type=kind, sources=source)
        for name, target in ((alias_col, row.aliases), (demonym_col, row.demonyms)):
            if name:
                row.add(_split_multi(_literal(record.get(name, ""))), target)
        if capital_col and not row.capital_qid:
            row.capital_qid = _qid(record.get(capital_col, "")) or ""
        if country_col and not row.country_qid:
            country = _qid(record.get(country_col, "")) or ""
            row.country_qid = country if country != qid else ""
        if desc_col and not row.description:
            row.description = _clean(_literal(record.get(desc_col, "")))
    yield from rows.values()


def build(
    inputs: Iterable[str | Path],
    output: IO[str],
    *,
    language: str = "en",
    forced_type: str | None = None,
) -> BuildReport:
    """Write the gazetteer TSV of ``inputs`` to ``output``; the first row of a QID wins."""
    report = BuildReport()
    output.write("\t".join(COLUMNS) + "\n")
    seen: set[str] = set()
    for path in inputs:
        fmt = input_format(path)
        source = f"wikidata-{'dump' if fmt == 'dump' else 'sparql'}:{Path(path).name}"
        with open_text(path) as stream:
            if fmt == "dump":
                rows = rows_from_dump(
                    iter_dump_entities(stream),
                    language=language,
                    forced_type=forced_type,
                    source=source,
                    report=report,
                )
            else:
                plain = re.sub(r"\.(gz|bz2)$", "", str(path).lower())
                rows = rows_from_sparql(
                    stream,
                    delimiter="\t" if plain.endswith(".tsv") else ",",
                    forced_type=forced_type,
                    source=source,
                    report=report,
                )
            for row in rows:
                if row.qid in seen:
                    continue
                seen.add(row.qid)
                output.write("\t".join(row.cells()) + "\n")
                report.written += 1
    return report


# -- helpers -------------------------------------------------------------------------------


def _column(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().lstrip("?"))


def _clean(text: str) -> str:
    """One line, no tabs, no '|' (the gazetteer's list separator)."""
    return re.sub(r"\s+", " ", text.replace("|", "/")).strip()


def _text(obj: Any) -> str | None:
    return obj.get("value") if isinstance(obj, dict) else None


def _qid(value: str) -> str | None:
    value = value.strip()
    m = _ENTITY_IRI.fullmatch(value)
    if m:
        return m.group(1)
    return value if _QID.fullmatch(value) else None


def _literal(value: str) -> str:
    value = value.strip()
    m = _LITERAL.match(value)
    if m:
        value = m.group(1).replace('\\"', '"').replace("\\\\", "\\")
    return value


def _split_multi(value: str) -> list[str]:
    """Several names in one cell (a GROUP_CONCAT), separated by '|' or ';'."""
    return [v for v in re.split(r"\s*[|;]\s*", value) if v]


def _item_values(claims: dict[str, Any], prop: str) -> list[str]:
    """Item values of ``prop``, preferred-rank statements first, deprecated ones left out."""
    ranked = []
    for claim in claims.get(prop, []):
        if claim.get("rank") == "deprecated":
            continue
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and _QID.fullmatch(str(value.get("id", ""))):
            ranked.append((claim.get("rank") != "preferred", value["id"]))
    return [v for _, v in sorted(ranked, key=lambda r: r[0])]


def _monolingual(claims: dict[str, Any], prop: str, language: str) -> list[str]:
    out = []
    for claim in claims.get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("language") == language and value.get("text"):
            out.append(value["text"])
    return out


def _type_of(classes: Iterable[str]) -> str | None:
    return next((TYPE_OF_CLASS[c] for c in classes if c in TYPE_OF_CLASS), None)


# -- command line ------------------------------------------------------------------------


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build gazetteers for offline entity linking."""


@gazetteer_group.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="Gazetteer TSV to write (use it with `newskg ingest --gazetteer FILE`).",
)
@click.option(
    "--extracts",
    type=click.Path(exists=True, file_okay=False),
    help="Build the knowledge base from the sourced Wikidata extracts in this directory "
    "(shared/wikidata: politicians, positions, parties, cities, regions, newspapers).",
)
@click.option(
    "--base",
    type=click.Path(exists=True, dir_okay=False),
    help="With --extracts: the gazetteer the extracts extend (default: the bundled one).",
)
@click.option("--core", is_flag=True, help="With --extracts: only the compact core.")
@click.option(
    "--no-odbl", is_flag=True, help="With --extracts: leave out the ODbL rows (dr5hn places)."
)
@click.option(
    "--type",
    "forced_type",
    type=click.Choice(TYPES),
    help="Gazetteer type of every item (else taken from P31 / a `type` column).",
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Language of labels, aliases, descriptions and demonyms.",
)
def build_command(
    inputs: tuple[str, ...],
    output: str,
    extracts: str | None,
    base: str | None,
    core: bool,
    no_odbl: bool,
    forced_type: str | None,
    language: str,
) -> None:
    """Turn Wikidata JSON dumps (.json[.gz|.bz2]) or SPARQL results (.csv/.tsv) into a TSV,
    or (with --extracts) build the offline knowledge base."""
    if bool(inputs) == bool(extracts):
        raise click.UsageError("give either INPUTS (dumps, SPARQL results) or --extracts DIR")
    if not extracts and (base or core or no_odbl):
        raise click.UsageError("--base, --core and --no-odbl need --extracts")
    target = Path(output)
    tmp = target.with_name(target.name + ".part")
    with _create_text(tmp, compress=target.name.endswith(".gz")) as out:
        if extracts:
            _build_kb(Path(extracts), base, out, core=core, no_odbl=no_odbl)
        else:
            report = build(inputs, out, language=language, forced_type=forced_type)
    tmp.replace(target)
    if extracts:
        return
    skipped = report.skipped_no_label + report.skipped_no_type + report.skipped_not_item
    click.echo(
        f"wrote {report.written} entries to {target}"
        + (
            f" ({report.skipped_no_label} without an {language} label, "
            f"{report.skipped_no_type} without a known type, "
            f"{report.skipped_not_item} not items skipped)"
            if skipped
            else ""
        )
    )


@contextmanager
def _create_text(path: Path, *, compress: bool) -> Iterator[IO[str]]:
    """A text file to write; gzip-compressed reproducibly (no name, no time) if asked."""
    with open(path, "wb") as raw:
        if not compress:
            with io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                yield text
            return
        with (
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
            io.TextIOWrapper(packed, encoding="utf-8", newline="") as text,
        ):
            yield text


def _build_kb(extracts: Path, base: str | None, out: IO[str], *, core: bool, no_odbl: bool) -> None:
    from extract.gazetteer import BUNDLED_BASE  # noqa: PLC0415
    from newskg.kb_build import build_kb  # noqa: PLC0415 - kb_build imports this module

    report = build_kb(extracts, Path(base or BUNDLED_BASE), out, core=core, no_odbl=no_odbl)
    total = sum(report.rows.values())
    counts = ", ".join(f"{k} {v}" for k, v in report.rows.items())
    click.echo(f"wrote {total} entries ({counts})")
    for line in report.replaced:
        click.echo(f"replaced {line}", err=True)
    for why, n in sorted(report.skipped.items()):
        click.echo(f"skipped {n}: {why}", err=True)


__all__ = ["COLUMNS", "TYPES", "TYPE_OF_CLASS", "BuildReport", "build", "gazetteer_group"]
