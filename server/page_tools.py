"""What every HTML page shares: table cells, links to resource pages, and running the queries a
page composes itself (in the query workers, under the time limit and the row cap)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from flask import url_for
from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, parse_query_results

from server.executor import QueryJob
from server.state import get_state


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    kind: str = "literal"


def local_href(iri: str) -> str:
    """Where a link to ``iri`` points: its resource page if it is ours, else the IRI itself."""
    base = get_state().config.base_iri
    if iri.startswith(base) and len(iri) > len(base):
        return url_for("pages.resource", rest="x")[:-1] + iri[len(base) :]
    return iri


def editor_href(sparql: str) -> str:
    """The query editor with ``sparql`` opened in a new tab (see ``static/newskg/query.js``)."""
    return url_for("pages.index") + "#query=" + quote(sparql, safe="")


def results_href(sparql: str, fmt: str) -> str:
    """``/sparql?query=...&format=csv``: the query's results as a download."""
    return url_for("sparql.query", query=sparql, format=fmt)


def json_cell(term: dict[str, Any] | None) -> Cell:
    """A cell of a SPARQL JSON results binding."""
    if term is None:
        return Cell("")
    if term["type"] == "uri":
        return Cell(term["value"], local_href(term["value"]), "uri")
    if term["type"] == "bnode":
        return Cell("_:" + term["value"], None, "bnode")
    if term["type"] == "triple":
        v = term["value"]
        return Cell(
            f"<< {v['subject']['value']} {v['predicate']['value']} {v['object']['value']} >>",
            None,
            "triple",
        )
    text = term["value"]
    if "xml:lang" in term:
        text += f" @{term['xml:lang']}"
    return Cell(text)


def page_job(
    sparql: str,
    *,
    results: str | None = None,
    rdf: str | None = None,
    max_rows: int | None = None,
) -> QueryJob:
    return QueryJob(
        query=sparql,
        default_graphs=(),
        named_graphs=(),
        use_union=True,
        results_media=results,
        rdf_media=rdf,
        max_rows=max_rows or get_state().config.max_rows,
    )


def select(sparql: str, *, max_rows: int | None = None) -> tuple[QuerySolutions, bool]:
    """The solutions of a SELECT the server composes itself (pages, /ask), run like any other
    query (query workers, time limit, row cap: the server's, or ``max_rows``), and whether the
    cap cut them. TSV carries them back: it keeps every term, and has no place for anything
    but rows."""
    job = page_job(sparql, results="text/tab-separated-values", max_rows=max_rows)
    answer = get_state().run(job)
    results = parse_query_results(answer.read(), format=QueryResultsFormat.TSV)
    assert isinstance(results, QuerySolutions)
    return results, answer.outcome.truncated


def select_rows(sparql: str, *, max_rows: int | None = None) -> list[dict[str, Any]]:
    """Rows of a page's query (see :func:`select`), as ``{variable: term or None}``."""
    results, _ = select(sparql, max_rows=max_rows)
    names = [v.value for v in results.variables]
    return [{n: s[n] for n in names} for s in results]


def value(term: Any) -> str:
    return str(getattr(term, "value", term))


def is_iri(term: Any) -> bool:
    return isinstance(term, NamedNode)
