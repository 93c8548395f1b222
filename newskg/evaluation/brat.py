"""Reading attribution corpora annotated in BRAT standoff (``NAME.txt`` + ``NAME.ann``).

An attribution is a BRAT *event* line (``E5<TAB>Attribution:T21 Cue:T20 Source:T19
Content:T18``) whose type and argument names map, through ``brat_labels.tsv`` (or a table given
by the user), to ``attribution`` and to the roles ``source``, ``cue`` and ``content``; the
arguments name *text-bound* lines (``T19<TAB>Source 100 112<TAB>the governor``), whose spans
may be discontinuous (``100 112;130 150``). Offsets are Python string indices into the text.

Two layouts are read: PolNeAR's (``DIR/text/NAME.txt``, ``DIR/attributions/NAME[_ANNOTATOR].ann``,
optional ``DIR/corenlp/NAME.txt.xml`` and ``DIR/../metadata.tsv`` with dates and titles) and a
flat one (``NAME.ann`` beside ``NAME.txt``, dates from an optional ``NAME.meta.json``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from extract.lexicons import LexiconError, read_table

Span = tuple[int, int]
LABELS = Path(str(files("newskg"))) / "evaluation" / "brat_labels.tsv"
ROLES = ("source", "cue", "content")

_ID = re.compile(r"[TERAMN#*]\d*")
_OFFSETS = re.compile(r"\d+ \d+(;\d+ \d+)*")


class BratError(ValueError):
    """A BRAT corpus cannot be read; the message names the file (and line)."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution: its id (the event's) and the spans of its three parts."""

    id: str
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class BratDocument:
    """A text with its gold attributions (and where its CoreNLP parse is, if any)."""

    id: str
    text: str
    text_path: Path
    ann_path: Path
    attributions: tuple[Attribution, ...]
    title: str | None = None
    date: dt.date | None = None
    corenlp_path: Path | None = None


def load_labels(path: Path | None = None) -> dict[str, str]:
    """Lower-cased BRAT label -> role (``source``/``cue``/``content``/``attribution``)."""
    try:
        rows = read_table(path or LABELS)
    except (OSError, LexiconError) as exc:
        raise BratError(f"label table: {exc}") from exc
    return {r["label"].lower(): r["role"] for r in rows}


def _role(name: str, labels: dict[str, str]) -> str | None:
    # BRAT numbers a repeated argument ("Content2"); the number is not part of the label.
    return labels.get(name.lower()) or labels.get(name.rstrip("0123456789").lower())


def _spans(field: str, where: str) -> tuple[Span, ...]:
    _, _, offsets = field.partition(" ")
    if not _OFFSETS.fullmatch(offsets):
        raise BratError(f"{where}: text-bound line needs 'LABEL START END[;START END]'")
    spans = tuple((int(s), int(e)) for s, e in (part.split() for part in offsets.split(";")))
    if any(e < s for s, e in spans):
        raise BratError(f"{where}: a span ends before it starts")
    return spans


def _shown_length(spans: tuple[Span, ...]) -> int:
    # BRAT shows a discontinuous span's text as its fragments joined by one space.
    return sum(e - s for s, e in spans) + len(spans) - 1


def _event(field: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    args = []
    for part in field.split():
        name, sep, ref = part.partition(":")
        if not sep or not name or not ref:
            raise BratError(f"{where}: event argument {part!r} is not 'ROLE:ID'")
        args.append((name, ref))
    if not args:
        raise BratError(f"{where}: empty event line")
    return args[0][0], args[1:]


def parse_ann(content: str, name: str, labels: dict[str, str]) -> tuple[Attribution, ...]:
    """The attributions of one ``.ann`` file (``name`` is used in error messages).

    Notes and text-bound lines of other labels are read and ignored; a span text that goes
    on over a newline (BRAT keeps the text's line breaks) is recognised by its length: the
    lines after it that are no annotation lines, up to that length, are its continuation.

    Raises:
        BratError: a malformed line, or an event naming a text-bound id the file lacks.
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    pending = 0  # characters of the last span text still to come on the next lines
    for number, line in enumerate(content.split("\n"), start=1):
        where = f"{name}:{number}"
        fields = line.split("\t")
        annotation = _ID.fullmatch(fields[0]) is not None and len(fields) > 1
        if pending > 0 and not annotation:
            pending -= len(line) + 1
            continue
        pending = 0
        if not line.strip():
            continue
        if not annotation:
            raise BratError(f"{where}: not a BRAT annotation line: {line[:60]!r}")
        if fields[0].startswith("T"):
            spans[fields[0]] = _spans(fields[1], where)
            shown = fields[2] if len(fields) > 2 else ""
            pending = _shown_length(spans[fields[0]]) - len(shown) if len(fields) > 2 else 0
        elif fields[0].startswith("E"):
            kind, args = _event(fields[1], where)
            if _role(kind, labels) == "attribution":
                events.append((fields[0], where, args))
    return tuple(_attribution(e, spans, labels) for e in events)


def _attribution(
    event: tuple[str, str, list[tuple[str, str]]],
    spans: dict[str, tuple[Span, ...]],
    labels: dict[str, str],
) -> Attribution:
    eid, where, args = event
    parts: dict[str, list[Span]] = {r: [] for r in ROLES}
    for name, ref in args:
        role = _role(name, labels)
        if role not in parts:
            continue
        if ref not in spans:
            raise BratError(f"{where}: {name}:{ref} names no text-bound line of the file")
        parts[role] += spans[ref]
    return Attribution(eid, *(tuple(parts[r]) for r in ROLES))


# -- the corpus folder -------------------------------------------------------------------------


def _ann_for(folder: Path, name: str) -> Path | None:
    """``NAME.ann``, else the first (by name) of ``NAME_ANNOTATOR.ann``: PolNeAR has a few
    articles annotated by several annotators, and the first one's file is the gold."""
    exact = folder / f"{name}.ann"
    if exact.is_file():
        return exact
    others = sorted(
        p for p in folder.glob(f"{glob_escape(name)}_*.ann") if "_" not in p.stem[len(name) + 1 :]
    )
    return others[0] if others else None


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def read_metadata(path: Path) -> dict[str, tuple[str | None, dt.date | None]]:
    """File name -> (title, date) from a PolNeAR ``metadata.tsv`` (header names the columns:
    ``filename``, ``title``, ``publication_date``)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    if "filename" not in header:
        raise BratError(f"{path}:1: no 'filename' column")
    out = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        row = dict(zip(header, line.split("\t"), strict=False))
        out[row["filename"]] = (
            row.get("title") or None,
            _date(row.get("publication_date"), path, number),
        )
    return out


def _date(value: str | None, path: Path, number: int) -> dt.date | None:
    if not value or value == "None":
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise BratError(f"{path}:{number}: date {value!r} is not YYYY-MM-DD") from exc


def _sidecar(text_path: Path) -> tuple[str | None, dt.date | None]:
    meta_path = text_path.with_name(text_path.stem + ".meta.json")
    if not meta_path.is_file():
        return None, None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BratError(f"{meta_path}: unreadable metadata: {exc}") from exc
    return meta.get("title"), _date(meta.get("date"), meta_path, 1)


def _pairs(root: Path) -> list[tuple[Path, Path | None]]:
    """(text, its .ann) for every text of the corpus folder, in either layout."""
    if (root / "text").is_dir() and (root / "attributions").is_dir():
        texts = sorted((root / "text").glob("*.txt"))
        return [(t, _ann_for(root / "attributions", t.stem)) for t in texts]
    return [(t, _ann_for(root, t.stem)) for t in sorted(root.glob("*.txt"))]


def load_corpus(
    root: str | Path, *, labels: dict[str, str] | None = None, only: tuple[str, ...] = ()
) -> list[BratDocument]:
    """Every annotated text of a BRAT corpus folder (see the module docstring for layouts).

    Raises:
        BratError: no texts, a text without an ``.ann`` file, or a malformed ``.ann`` line.
    """
    root = Path(root)
    labels = labels if labels is not None else load_labels()
    polnear = (root / "text").is_dir()
    meta_file = root.parent / "metadata.tsv"
    meta = read_metadata(meta_file) if polnear and meta_file.is_file() else {}
    docs = []
    for text_path, ann_path in _pairs(root):
        if only and text_path.stem not in only:
            continue
        if ann_path is None:
            raise BratError(f"{text_path}: no .ann file for this text")
        text = _read_text(text_path)
        gold = parse_ann(ann_path.read_text(encoding="utf-8"), str(ann_path), labels)
        _check_offsets(gold, text, ann_path)
        title, date = meta.get(text_path.stem) or _sidecar(text_path)
        xml = root / "corenlp" / f"{text_path.name}.xml"
        docs.append(
            BratDocument(
                text_path.stem,
                text,
                text_path,
                ann_path,
                gold,
                title,
                date,
                xml if xml.is_file() else None,
            )
        )
    if not docs:
        wanted = f" named {', '.join(only)}" if only else ""
        raise BratError(
            f"{root}: no .txt files{wanted} (text/NAME.txt or NAME.txt beside NAME.ann)"
        )
    return docs


def _read_text(path: Path) -> str:
    # As ``newskg ingest`` reads it: line ends kept, so that BRAT's offsets stay right.
    from newskg.sources import SourceError, decode

    text = decode(path.read_bytes(), str(path))
    if isinstance(text, SourceError):
        raise BratError(f"{path}: {text.reason}")
    return text


def _check_offsets(gold: tuple[Attribution, ...], text: str, ann_path: Path) -> None:
    for a in gold:
        for s, e in (*a.source, *a.cue, *a.content):
            if e > len(text):
                raise BratError(
                    f"{ann_path}: attribution {a.id}: span {s}-{e} is beyond the text's "
                    f"{len(text)} characters (is it the .ann of this text?)"
                )
