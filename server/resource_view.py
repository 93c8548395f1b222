"""The HTML resource pages, organised like Wikidata's: a header (label, kinds, Wikidata link,
description), then sections by role, each with its count, its paging and the SPARQL behind it.

Which sections a page has follows the resource's class (:mod:`server.sections`); a document's
page also shows the article text with every extraction marked (:mod:`server.highlight`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import render_template, request, url_for

from graph.network import KINDS, network_sparql
from ontology.vocab import NKG, PREFIXES, sparql_prefixes
from server import sections as S
from server.errors import NotFound
from server.highlight import Span, highlight
from server.labels import most_specific, term_label, with_superclasses
from server.page_tools import (
    Cell,
    editor_href,
    is_iri,
    local_href,
    results_href,
    select_rows,
    value,
)
from server.state import get_state

_HEADER = (
    "rdf:type",
    "rdfs:label",
    "owl:sameAs",
    "schema:description",
    "dcterms:title",
    "dcterms:date",
    "dcterms:source",
    "nkg:text",
    "nkg:quote",
    "nkg:articleText",
    "prov:wasDerivedFrom",
    "nkg:charStart",
)
_VOCABULARIES = tuple(PREFIXES[p] for p in ("nkg", "rdf", "rdfs", "owl", "xsd"))


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    headings: list[str]
    rows: list[list[Cell]]
    count: int
    first: int  # 1-based number of the first row shown
    prev_href: str | None
    next_href: str | None
    sparql: str
    csv_href: str
    json_href: str
    editor_href: str
    capped: bool  # the full result is longer than the server's row cap


def _page_href(key: str, page: int) -> str:
    args: dict[str, Any] = request.args.to_dict()
    args[key] = str(page)
    args["rest"] = (request.view_args or {})["rest"]
    return url_for("pages.resource", **args)


def _term_cell(term: Any, label: Any = None) -> Cell:
    if term is None:
        return Cell("")
    if is_iri(term):
        iri = term.value
        if iri.startswith(_VOCABULARIES) or iri in _STANDARD_TERMS:
            return Cell(term_label(iri), None, "term")
        return Cell(value(label) if label is not None else iri, local_href(iri), "uri")
    return Cell(value(term))


_STANDARD_TERMS = {PREFIXES[p] + n for p, n in (("prov", "wasDerivedFrom"), ("dcterms", "date"))}


def _row_cells(section: S.Section, row: dict[str, Any]) -> list[Cell]:
    cells = []
    for col in section.columns:
        term = row.get(col.var)
        if col.kind:
            kind = most_specific(value(term).split()) if term is not None else None
            cells.append(Cell(term_label(kind) if kind else "", None, "term"))
        elif col.link is not None and row.get(col.link) is not None:
            text = value(term) if term is not None else value(row[col.link])
            cells.append(Cell(text, local_href(value(row[col.link])), "uri"))
        else:
            cells.append(_term_cell(term, row.get(col.var + "Label")))
    return cells


_MAX_PAGE = 100_000  # keeps OFFSET a number the store parses


def _page_number(section: S.Section) -> int:
    try:
        return min(_MAX_PAGE, max(1, int(request.args.get(section.key, "1"))))
    except ValueError:
        return 1


def _one_query(parts: list[tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Run several SELECTs (tag, body) as one query, a UNION of them, each row tagged: a page
    pays one round trip to the query workers instead of one per section. Within a branch the
    rows keep their order (oxigraph evaluates a UNION branch by branch)."""
    branches = "\nUNION\n".join(
        f'{{ {{ {body} }} BIND("{tag}" AS ?section_) }}' for tag, body in parts
    )
    # The page's own LIMITs bound its sections' rows: a small row cap must not cut them.
    config = get_state().config
    rows = select_rows(
        sparql_prefixes() + f"SELECT * WHERE {{\n{branches}\n}}",
        max_rows=config.max_rows + len(parts) * config.page_rows,
    )
    found: dict[str, list[dict[str, Any]]] = {tag: [] for tag, _ in parts}
    for row in rows:
        found[value(row["section_"])].append(row)
    return found


def section_parts(sections: tuple[S.Section, ...], iri: str) -> list[tuple[str, str]]:
    """The count and the requested page of each section, as :func:`_one_query` parts."""
    size = get_state().config.page_rows
    parts = []
    for section in sections:
        offset = (_page_number(section) - 1) * size
        parts.append((f"{section.key}:count", section.count_body(iri)))
        parts.append((f"{section.key}:rows", section.body(iri, f"LIMIT {size} OFFSET {offset}")))
    return parts


def section_view(
    section: S.Section, iri: str, found: dict[str, list[dict[str, Any]]]
) -> SectionView:
    """One section of the page of ``iri``: its count and the rows of the requested page."""
    size = get_state().config.page_rows
    page = _page_number(section)
    counted = found[f"{section.key}:count"]
    count = int(value(counted[0]["n"])) if counted else 0
    rows = found[f"{section.key}:rows"]
    sparql = section.sparql(iri)
    return SectionView(
        key=section.key,
        title=section.title,
        headings=[c.heading for c in section.columns],
        rows=[_row_cells(section, r) for r in rows],
        count=count,
        first=(page - 1) * size + 1,
        prev_href=_page_href(section.key, page - 1) if page > 1 else None,
        next_href=_page_href(section.key, page + 1) if page * size < count else None,
        sparql=sparql,
        csv_href=results_href(sparql, "csv"),
        json_href=results_href(sparql, "json"),
        editor_href=editor_href(sparql),
        capped=count > get_state().config.max_rows,
    )


def _header_body(iri: str) -> str:
    wanted = ", ".join(_HEADER)
    return f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o FILTER(?p IN ({wanted})) }} ORDER BY ?p ?o"


def _known_body(iri: str) -> str:
    return (
        f"SELECT ?known WHERE {{ {{ <{iri}> ?p ?known }} UNION {{ ?known ?p <{iri}> }} }} LIMIT 1"
    )


def _header(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for r in rows:
        found.setdefault(r["p"].value, []).append(r["o"])
    return found


def _first(header: dict[str, list[Any]], prefixed: str) -> str | None:
    prefix, name = prefixed.split(":")
    terms = header.get(PREFIXES[prefix] + name)
    return value(terms[0]) if terms else None


def _kind_of(types: set[str]) -> str:
    for cls, kind in (
        (NKG.Document, "document"),
        (NKG.Statement, "extracted"),
        (NKG.NonStatement, "extracted"),
        (NKG.Summit, "extracted"),
        (NKG.Policy, "extracted"),
        (NKG.CanonicalSummit, "canonical"),
        (NKG.Actor, "actor"),
        (NKG.Topic, "topic"),
        (NKG.Place, "topic"),
    ):
        if cls in types:
            return kind
    return "other"


_SECTIONS = {
    "document": S.DOCUMENT_SECTIONS,
    "extracted": S.EXTRACTED_SECTIONS,
    "canonical": S.CANONICAL_SECTIONS,
    "actor": S.ACTOR_SECTIONS,
    "topic": S.TOPIC_SECTIONS,
    "other": S.EXTRACTED_SECTIONS,
}


def render_resource(iri: str) -> str:
    """The HTML page of ``iri`` (known to the store: the caller checked): two queries, one
    for what the resource is, one for all its sections (and a document's marks)."""
    first = _one_query([("header", _header_body(iri)), ("known", _known_body(iri))])
    if not first["known"]:
        raise NotFound(f"nothing is known about <{iri}>")
    header = _header(first["header"])
    types = {value(t) for t in header.get(PREFIXES["rdf"] + "type", [])}
    kind = _kind_of(with_superclasses(types))
    specific = most_specific(sorted(types))
    sections = _SECTIONS[kind]
    parts = section_parts(sections, iri)
    if kind == "document":
        parts.append(("spans", spans_body(iri)))
    found = _one_query(parts)
    context: dict[str, Any] = {
        "iri": iri,
        "kind": kind,
        "label": _first(header, "rdfs:label") or _first(header, "dcterms:title") or iri,
        "types": [term_label(t) for t in sorted(types) if t != specific],
        "main_type": term_label(specific) if specific else None,
        "same_as": [value(t) for t in header.get(PREFIXES["owl"] + "sameAs", [])],
        "description": _first(header, "schema:description"),
        "sections": [section_view(s, iri, found) for s in sections],
    }
    if kind == "document":
        context.update(_document(header, found["spans"], iri))
    if kind == "extracted":
        context.update(_evidence(iri, header))
    if kind in ("actor", "topic"):
        context["pictures"] = {
            "network": url_for("pictures.network_json", around=iri),
            "timeline": url_for("pictures.timeline_json", around=iri),
            "queries": [(KINDS[k], editor_href(network_sparql(k, around=iri))) for k in KINDS],
        }
    return render_template("resource.html", **context)


def _evidence(iri: str, header: dict[str, list[Any]]) -> dict[str, Any]:
    doc = _first(header, "prov:wasDerivedFrom")
    anchor = _anchor(iri, doc) if doc else None
    return {
        "evidence": _first(header, "nkg:text"),
        "quote": _first(header, "nkg:quote"),
        "in_article": f"{local_href(doc)}#{anchor}" if doc and anchor else None,
    }


def _anchor(iri: str, doc: str) -> str:
    """The id of an extraction's mark on its document's page: its IRI after the document's."""
    if iri.startswith(doc + "/"):
        return "x" + iri[len(doc) :].replace("/", "-")
    base = get_state().config.base_iri
    return "m-" + (iri[len(base) :] if iri.startswith(base) else iri).replace("/", "-")


def _document(
    header: dict[str, list[Any]], spans: list[dict[str, Any]], doc: str
) -> dict[str, Any]:
    source = _first(header, "dcterms:source")
    text = _first(header, "nkg:articleText")
    return {
        "title": _first(header, "dcterms:title"),
        "published": _first(header, "dcterms:date"),
        # A file path of the machine that ingested the article is no address for a reader.
        "source_url": source if source and source.startswith(("http://", "https://")) else None,
        "source_local": bool(source) and not source.startswith(("http://", "https://")),  # type: ignore[union-attr]
        "text": highlight(text, _spans(spans, doc)) if text is not None else None,
    }


_CATEGORIES = (
    (NKG.Statement, "statement"),
    (NKG.NonStatement, "statement"),
    (NKG.Summit, "summit"),
    (NKG.Policy, "policy"),
    (NKG.Actor, "actor"),
    (NKG.Place, "actor"),
    (NKG.Topic, "topic"),
)


def spans_body(doc: str) -> str:
    """Every extraction of the document with its offsets (statements, summits, policies; the
    first mention of each actor and topic)."""
    return f"""SELECT ?x ?start ?end ?label (GROUP_CONCAT(STR(?k); separator=" ") AS ?kinds)
WHERE {{
  GRAPH <{doc}> {{ ?x nkg:charStart ?start ; nkg:charEnd ?end }}
  ?x a ?k .
  OPTIONAL {{ ?x rdfs:label ?label }}
}} GROUP BY ?x ?start ?end ?label"""


def _spans(rows: list[dict[str, Any]], doc: str) -> list[Span]:
    spans = []
    for r in rows:
        kinds = set(value(r["kinds"]).split())
        category = next((c for cls, c in _CATEGORIES if cls in kinds), "other")
        x = value(r["x"])
        spans.append(
            Span(
                int(value(r["start"])),
                int(value(r["end"])),
                local_href(x),
                value(r["label"]) if r["label"] is not None else x,
                category,
                _anchor(x, doc),
            )
        )
    return spans
