"""Run one SPARQL query against a pyoxigraph store and serialise the answer to bytes.

The same function runs in the request thread (in-memory stores) and in a worker process
(on-disk stores, see :mod:`server.workers`), so it takes and returns only picklable values.
Rows are capped here: at most ``max_rows`` solutions or triples are serialised, and the outcome
says whether more existed. The result is written to a binary sink as it is read from the store,
never held whole in memory (the worker's sink is a pipe, see :mod:`server.workers`).
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    parse_query_results,
    serialize,
)

from ontology.vocab import PREFIXES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
_SERIALIZE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "xsd"}


@dataclass(frozen=True, slots=True)
class QueryJob:
    query: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    use_union: bool
    results_media: str | None
    rdf_media: str | None
    max_rows: int
    base_iri: str | None = None
    deadline: float | None = None
    """``time.monotonic()`` value after which row iteration stops (soft limit, same process)."""


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    """What is known once a result is written: its media type, the rows (solutions or
    triples) written, whether ``max_rows`` cut more away, and the result kind."""

    media_type: str
    rows: int
    truncated: bool
    kind: str  # "solutions", "boolean" or "graph"


class JobError(Exception):
    """A failure to report: ``kind`` is syntax, bad-request, not-acceptable, timeout or store."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


def _term_json(term: object) -> dict[str, object]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            direction = getattr(term, "direction", None)  # RDF 1.2 base direction, if any
            if direction is not None:
                out["its:dir"] = str(direction.value)
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING, _RDF_DIR_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _term_json(term.subject),
                "predicate": _term_json(term.predicate),
                "object": _term_json(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")  # pragma: no cover


def _check_deadline(job: QueryJob) -> None:
    if job.deadline is not None and time.monotonic() > job.deadline:
        raise JobError("timeout", "the query ran past its time limit")


class _Capped:
    """Iterate at most ``max_rows`` items of a result, counting them and noting whether more
    existed (one item past the cap is pulled to know), checking the soft deadline."""

    def __init__(self, items: Iterable[object], job: QueryJob) -> None:
        self._items = items
        self._job = job
        self.rows = 0
        self.truncated = False

    def __iter__(self) -> Iterator[Any]:
        for i, item in enumerate(self._items):
            if i % 256 == 0:
                _check_deadline(self._job)
            if i == self._job.max_rows:
                self.truncated = True
                return
            self.rows += 1
            yield item


def _json_solutions(
    variables: list[str], capped: _Capped, announce_cap: int | None
) -> Iterator[bytes]:
    """SPARQL JSON results, produced piece by piece; with ``announce_cap`` a cut result says
    so at its end."""
    yield json.dumps({"head": {"vars": variables}}, ensure_ascii=False)[:-1].encode("utf-8")
    yield b', "results": {"bindings": ['
    batch: list[str] = []
    separator = ""
    for solution in capped:
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = _term_json(value)
        batch.append(json.dumps(row, ensure_ascii=False))
        if len(batch) == 256:
            yield (separator + ",".join(batch)).encode("utf-8")
            batch, separator = [], ","
    if batch:
        yield (separator + ",".join(batch)).encode("utf-8")
    yield b"]}"
    if capped.truncated and announce_cap is not None:
        # Said in the body too, so a client reading only the JSON is not misled.
        yield f', "truncated": true, "maxRows": {announce_cap}'.encode()
    yield b"}"


class _ChunkReader(io.RawIOBase):
    """A readable file over an iterator of byte chunks (pyoxigraph's parsers read files)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _solutions(results: QuerySolutions, job: QueryJob, sink: IO[bytes]) -> QueryOutcome:
    if job.results_media is None:
        raise JobError(
            "not-acceptable",
            "the query returns solutions but the request accepts "
            "no SPARQL results format (JSON, XML, CSV, TSV)",
        )
    variables = [v.value for v in results.variables]
    capped = _Capped(results, job)
    fmt = QueryResultsFormat.from_media_type(job.results_media)
    assert fmt is not None
    is_json = fmt == QueryResultsFormat.JSON
    chunks = _json_solutions(variables, capped, job.max_rows if is_json else None)
    if is_json:
        for chunk in chunks:
            sink.write(chunk)
    else:
        # pyoxigraph writes XML/CSV/TSV; it reads our capped JSON as a stream and writes as it
        # reads, so neither side holds the whole result.
        reader = io.BufferedReader(_ChunkReader(chunks), buffer_size=65536)
        parsed = parse_query_results(reader, format=QueryResultsFormat.JSON)
        assert isinstance(parsed, QuerySolutions)
        parsed.serialize(sink, format=fmt)
    return QueryOutcome(_media(fmt), capped.rows, capped.truncated, "solutions")


def _media(fmt: object) -> str:
    return str(fmt.media_type)  # type: ignore[attr-defined]


def _boolean(results: QueryBoolean, job: QueryJob, sink: IO[bytes]) -> QueryOutcome:
    if job.results_media is None:
        raise JobError(
            "not-acceptable",
            "the query returns a boolean but the request accepts "
            "no SPARQL results format (JSON, XML)",
        )
    fmt = QueryResultsFormat.from_media_type(job.results_media)
    assert fmt is not None
    if fmt in (QueryResultsFormat.CSV, QueryResultsFormat.TSV):
        raise JobError("not-acceptable", "ASK results exist only as SPARQL JSON or XML")
    sink.write(results.serialize(format=fmt) or b"")
    return QueryOutcome(_media(fmt), 1, False, "boolean")


def _graph(results: Iterable[Triple], job: QueryJob, sink: IO[bytes]) -> QueryOutcome:
    if job.rdf_media is None:
        raise JobError(
            "not-acceptable",
            "the query returns a graph but the request accepts no "
            "RDF format (Turtle, N-Triples, JSON-LD, RDF/XML)",
        )
    capped = _Capped(results, job)
    fmt = RdfFormat.from_media_type(job.rdf_media)
    assert fmt is not None
    prefixes = _SERIALIZE_PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
    serialize(capped, sink, format=fmt, prefixes=prefixes)
    return QueryOutcome(_media(fmt), capped.rows, capped.truncated, "graph")


def run_query(store: Store, job: QueryJob, sink: IO[bytes]) -> QueryOutcome:
    """Evaluate ``job`` on ``store`` and write the (capped) result to ``sink`` as it is read.

    Raises:
        JobError: syntax error, unacceptable format, soft deadline passed, or a store error.
    """
    kwargs: dict[str, object] = {"prefixes": dict(PREFIXES), "base_iri": job.base_iri}
    try:
        if job.default_graphs or job.named_graphs:
            kwargs["default_graph"] = [NamedNode(g) for g in job.default_graphs]
            kwargs["named_graphs"] = [NamedNode(g) for g in job.named_graphs]
        elif job.use_union:
            kwargs["use_default_graph_as_union"] = True
        results = store.query(job.query, **kwargs)  # type: ignore[arg-type]
        if isinstance(results, QuerySolutions):
            return _solutions(results, job, sink)
        if isinstance(results, QueryBoolean):
            return _boolean(results, job, sink)
        return _graph(results, job, sink)
    except SyntaxError as exc:
        raise JobError("syntax", str(exc)) from None
    except ValueError as exc:  # e.g. an invalid IRI in default-graph-uri
        raise JobError("bad-request", f"invalid graph IRI: {exc}") from None
    except OSError as exc:
        raise JobError("store", f"the store failed while answering: {exc}") from None
