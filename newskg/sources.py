"""Reading articles from files, folders and JSON lines — lazily, one document at a time.

A problem with one input (empty, binary, undecodable, malformed line) becomes a
:class:`SourceError` in the stream, so the caller reports it and goes on.
"""

from __future__ import annotations

import bz2
import codecs
import datetime as dt
import gzip
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2")
SIDECAR_SUFFIXES = (".meta.json", ".gold.json")


@dataclass(frozen=True, slots=True)
class SourceDocument:
    id: str
    text: str
    origin: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class SourceError:
    origin: str
    reason: str


class InputError(Exception):
    """A path given on the command line cannot be read at all."""


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for s in (*JSONL_SUFFIXES, *SIDECAR_SUFFIXES):
        if name.endswith(s):
            return s
    return path.suffix.lower()


def read_inputs(
    paths: list[str], *, default_date: dt.date | None = None, max_bytes: int | None = None
) -> Iterator[SourceDocument | SourceError]:
    """Every document in ``paths`` (files, folders, ``-`` for JSON lines on stdin).

    A file (or JSON line) larger than ``max_bytes`` is reported without being read whole.

    Raises:
        InputError: a path does not exist or names a file of an unknown kind.
    """
    for raw in paths:
        if raw == "-":
            yield from _jsonl(sys.stdin, "<stdin>", default_date, max_bytes)
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and is_readable(p))
            if not files:
                log.warning("%s: no .txt, .md, .html or .jsonl files in this folder", raw)
            for f in files:
                yield from _file(
                    f, f.relative_to(path).with_suffix("").as_posix(), default_date, max_bytes
                )
        elif is_readable(path):
            yield from _file(path, path.with_suffix("").name, default_date, max_bytes)
        else:
            raise InputError(
                f"{raw}: unknown kind of file; newskg reads .txt, .md, .html and .jsonl(.gz/.bz2)"
            )


def is_readable(path: Path) -> bool:
    suffix = suffix_of(path)
    return suffix in (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES)


def _file(
    path: Path, doc_id: str, default_date: dt.date | None, max_bytes: int | None
) -> Iterator[SourceDocument | SourceError]:
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        opener = {".jsonl.gz": gzip.open, ".jsonl.bz2": bz2.open}.get(suffix, open)
        try:
            with opener(path, "rt", encoding="utf-8", errors="strict") as f:  # type: ignore[operator]
                yield from _jsonl(f, str(path), default_date, max_bytes)
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            yield SourceError(str(path), f"cannot read: {exc}")
        return
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield SourceError(
                str(path),
                f"file of {size:,} bytes is larger than the limit of {max_bytes:,} (--max-chars)",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    text = decode(data, str(path))
    if isinstance(text, SourceError):
        yield SourceError(str(path), text.reason)
        return
    title = None
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(text)
    if not text.strip():
        yield SourceError(str(path), "empty document (no text)")
        return
    meta = _sidecar(path)
    if isinstance(meta, SourceError):
        yield meta
        return
    yield SourceDocument(
        id=str(meta.get("id") or doc_id),
        text=text,
        origin=str(path),
        title=meta.get("title") or title,
        date=_date(meta.get("date")) or default_date,
        source=meta.get("source") or meta.get("url") or str(path),
    )


def _sidecar(path: Path) -> dict | SourceError:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return SourceError(str(meta_path), f"unreadable metadata: {exc}")
    if not isinstance(meta, dict):
        return SourceError(str(meta_path), "metadata must be a JSON object")
    try:
        _date(meta.get("date"))
    except ValueError as exc:
        return SourceError(str(meta_path), str(exc))
    return meta


def _jsonl(
    f: IO[str], origin: str, default_date: dt.date | None, max_bytes: int | None = None
) -> Iterator[SourceDocument | SourceError]:
    for n, line in enumerate(f, 1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        if max_bytes is not None and len(line) > max_bytes:
            yield SourceError(
                where,
                f"line of {len(line):,} characters is larger than the "
                f"limit of {max_bytes:,} (--max-chars)",
            )
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield SourceError(where, f"malformed JSON line: {exc}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield SourceError(where, 'each line must be an object with a "text" string')
            continue
        if not obj["text"].strip():
            yield SourceError(where, "empty document (no text)")
            continue
        try:
            date = _date(obj.get("date")) or default_date
        except ValueError as exc:
            yield SourceError(where, str(exc))
            continue
        yield SourceDocument(
            id=str(obj.get("id") or f"{Path(origin).name.split('.')[0]}-{n}"),
            text=obj["text"],
            origin=where,
            title=obj.get("title"),
            date=date,
            source=obj.get("url") or obj.get("source"),
        )


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def decode(data: bytes, origin: str = "") -> str | SourceError:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; binary is refused.

    >>> decode("café".encode("utf-8"))
    'café'
    >>> decode(b"\\xff\\xfeh\\x00i\\x00")
    'hi'
    >>> decode(b"%PDF-1.7\\x00\\x01").reason
    'binary file (not text)'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return SourceError("", "invalid UTF-16 text")
    if b"\x00" in data[:8192]:
        return SourceError("", "binary file (not text)")
    try:
        text = data.decode("utf-8-sig")
        mixed = False
    except UnicodeDecodeError:
        # Each byte that is not UTF-8 is read as Windows-1252 (a superset of Latin-1), so a
        # Latin-1 file and a UTF-8 file with some Latin-1 lines pasted in both come out right.
        text = data.decode("utf-8-sig", errors=_CP1252_FALLBACK)
        mixed = True
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > 0.01 * max(len(sample), 1) or sample.count("\ufffd") > 10:
        return SourceError("", "binary file (not text)")
    if mixed:
        log.warning(
            "%s: not all UTF-8; bytes outside UTF-8 read as Windows-1252/Latin-1", origin or "input"
        )
    return text


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


_CP1252_FALLBACK = "newskg-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


class _Visible(HTMLParser):
    _HIDDEN = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "header",
        "footer",
        "title",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._HIDDEN:
            self._hidden += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, visible text) of an HTML page; paragraphs become lines."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split()) or None
    return title, text
