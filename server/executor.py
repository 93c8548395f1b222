"""Run one SPARQL query against a pyoxigraph store and serialise the answer to bytes.

The same function runs in the request thread (in-memory stores) and in a worker process
(on-disk stores, see :mod:`server.workers`), so it takes and returns only picklable values.
Rows are capped here: at most ``max_rows`` solutions or triples are serialised, and the outcome
says whether more existed.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
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
    body: bytes
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
            if getattr(term, "direction", None) is not None:
                out["its:dir"] = str(term.direction.value)  # type: ignore[attr-defined]
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING, _RDF_DIR_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {
            "subject": _term_json(term.subject),
            "predicate": _term_json(term.predicate),
            "object": _term_json(term.object),
        }}
    raise TypeError(f"unexpected term {term!r}")  # pragma: no cover


def _check_deadline(job: QueryJob) -> None:
    if job.deadline is not None and time.monotonic() > job.deadline:
        raise JobError("timeout", "the query ran past its time limit")


def _solutions(results: QuerySolutions, job: QueryJob) -> QueryOutcome:
    if job.results_media is None:
        raise JobError("not-acceptable", "the query returns solutions but the request accepts "
                       "no SPARQL results format (JSON, XML, CSV, TSV)")
    variables = [v.value for v in results.variables]
    bindings: list[dict[str, object]] = []
    truncated = False
    for i, solution in enumerate(results):
        if i % 256 == 0:
            _check_deadline(job)
        if len(bindings) == job.max_rows:
            truncated = True
            break
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = _term_json(value)
        bindings.append(row)
    doc: dict[str, object] = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    plain = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    fmt = QueryResultsFormat.from_media_type(job.results_media)
    if fmt == QueryResultsFormat.JSON:
        if truncated:
            # Said in the body too, so a client reading only the JSON is not misled.
            doc["truncated"] = True
            doc["maxRows"] = job.max_rows
            body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        else:
            body = plain
    else:
        assert fmt is not None
        body = parse_query_results(plain, format=QueryResultsFormat.JSON).serialize(format=fmt)
    return QueryOutcome(body, _media(fmt), len(bindings), truncated, "solutions")


def _media(fmt: object) -> str:
    return str(fmt.media_type)  # type: ignore[attr-defined]


def _boolean(results: QueryBoolean, job: QueryJob) -> QueryOutcome:
    if job.results_media is None:
        raise JobError("not-acceptable", "the query returns a boolean but the request accepts "
                       "no SPARQL results format (JSON, XML)")
    fmt = QueryResultsFormat.from_media_type(job.results_media)
    assert fmt is not None
    if fmt in (QueryResultsFormat.CSV, QueryResultsFormat.TSV):
        raise JobError("not-acceptable", "ASK results exist only as SPARQL JSON or XML")
    return QueryOutcome(results.serialize(format=fmt), _media(fmt), 1, False, "boolean")


def _graph(results: object, job: QueryJob) -> QueryOutcome:
    from pyoxigraph import RdfFormat

    if job.rdf_media is None:
        raise JobError("not-acceptable", "the query returns a graph but the request accepts no "
                       "RDF format (Turtle, N-Triples, JSON-LD, RDF/XML)")
    triples = []
    truncated = False
    for i, triple in enumerate(results):  # type: ignore[call-overload]
        if i % 256 == 0:
            _check_deadline(job)
        if len(triples) == job.max_rows:
            truncated = True
            break
        triples.append(triple)
    fmt = RdfFormat.from_media_type(job.rdf_media)
    assert fmt is not None
    prefixes = _SERIALIZE_PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
    body = serialize(triples, format=fmt, prefixes=prefixes) or b""
    return QueryOutcome(body, _media(fmt), len(triples), truncated, "graph")


def run_query(store: Store, job: QueryJob) -> QueryOutcome:
    """Evaluate ``job`` on ``store`` and serialise the (capped) result.

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
            return _solutions(results, job)
        if isinstance(results, QueryBoolean):
            return _boolean(results, job)
        return _graph(results, job)
    except SyntaxError as exc:
        raise JobError("syntax", str(exc)) from None
    except ValueError as exc:  # e.g. an invalid IRI in default-graph-uri
        raise JobError("bad-request", f"invalid graph IRI: {exc}") from None
    except OSError as exc:
        raise JobError("store", f"the store failed while answering: {exc}") from None
