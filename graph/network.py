"""Who met whom, who spoke about whom, who took a policy against whom: the graph's actor
networks as SPARQL and as weighted edges.

One query per kind of tie; each row is an (actor, actor, weight) pair, the weight being the
number of reports (summits, statements, policies) that tie them. The server draws these edges,
the notebook API turns them into a networkx graph and ``newskg export`` writes them for Gephi;
all three read the same query, shown to the user so that a picture can be checked.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from ontology.vocab import sparql_prefixes

KINDS: dict[str, str] = {
    "summit": "met",
    "statement": "spoke about",
    "policy": "took a policy against",
}
"""The kinds of tie, and what an edge of each kind says (``a met b``)."""

DIRECTED = {"summit": False, "statement": True, "policy": True}

# The pattern of each kind ties {a} to {b} through the report ?r.
_PATTERNS = {
    "summit": "?r a nkg:Summit ; nkg:participant {a}, {b} .",
    "statement": "?r a nkg:Statement ; nkg:speaker {a} ; nkg:about {b} . {b} a nkg:Actor .",
    "policy": "?r a nkg:Policy ; nkg:actor {a} ; nkg:target {b} .",
}


class NetworkError(ValueError):
    """An unknown kind of tie, or rows without two actors."""


@dataclass(frozen=True, slots=True)
class Edge:
    """``source`` -> ``target`` (IRIs), tied by ``weight`` reports of one ``kind``."""

    source: str
    target: str
    kind: str
    weight: int
    source_label: str
    target_label: str


def network_sparql(kind: str, around: str | None = None, limit: int = 500) -> str:
    """The SELECT whose rows (?a ?aLabel ?b ?bLabel ?weight) are the ties of ``kind``: all of
    them, or only those of the actor ``around`` (an IRI); the heaviest first.

    >>> "nkg:participant" in network_sparql("summit")
    True
    """
    if kind not in _PATTERNS:
        raise NetworkError(f"unknown kind of tie {kind!r}; one of: {', '.join(KINDS)}")
    template = _PATTERNS[kind]
    if around is None:
        # a meeting has no direction: each pair once
        order = "STR(?a) < STR(?b)" if kind == "summit" else "?a != ?b"
        pattern = template.format(a="?a", b="?b") + f" FILTER({order})"
    else:
        # The actor's IRI in place of a variable, not a FILTER on it: the store then reads
        # only that actor's reports.
        node = f"<{around}>"
        branches = [template.format(a=node, b="?b") + f" FILTER(?b != {node}) BIND({node} AS ?a)"]
        if DIRECTED[kind]:
            branches.append(
                template.format(a="?a", b=node) + f" FILTER(?a != {node}) BIND({node} AS ?b)"
            )
        pattern = " UNION ".join(f"{{ {b} }}" for b in branches)
    return (
        sparql_prefixes()
        + f"""SELECT ?a ?aLabel ?b ?bLabel ?weight WHERE {{
  {{ SELECT ?a ?b (COUNT(DISTINCT ?r) AS ?weight) WHERE {{
    {pattern}
  }} GROUP BY ?a ?b }}
  OPTIONAL {{ ?a rdfs:label ?aLabel }}
  OPTIONAL {{ ?b rdfs:label ?bLabel }}
}} ORDER BY DESC(?weight) ?a ?b LIMIT {int(limit)}"""
    )


def _value(term: Any) -> str | None:
    return None if term is None else str(getattr(term, "value", term))


def edges_from_rows(rows: Iterable[Mapping[str, Any]], kind: str) -> list[Edge]:
    """Edges from rows with ``a`` and ``b`` (IRIs), and optionally ``aLabel``, ``bLabel`` and
    ``weight``; a pair seen in several rows adds up (one label per actor is kept)."""
    weights: dict[tuple[str, str], int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        a, b = _value(row.get("a")), _value(row.get("b"))
        if a is None or b is None:
            raise NetworkError("each row needs an actor in ?a and one in ?b")
        weight = _value(row.get("weight"))
        key = (a, b)
        weights[key] = weights.get(key, 0) + (int(float(weight)) if weight else 1)
        for iri, label in ((a, row.get("aLabel")), (b, row.get("bLabel"))):
            if label is not None:
                labels.setdefault(iri, str(_value(label)))
    return [
        Edge(a, b, kind, w, labels.get(a, _local(a)), labels.get(b, _local(b)))
        for (a, b), w in weights.items()
    ]


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def write_edges_csv(edges: Iterable[Edge], out: TextIO) -> None:
    """Gephi's edge-list CSV: Source, Target, Type, Weight, Kind, and the two labels."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Source", "Target", "Type", "Weight", "Kind", "SourceLabel", "TargetLabel"])
    for e in edges:
        kind = "Directed" if DIRECTED.get(e.kind, False) else "Undirected"
        writer.writerow(
            [e.source, e.target, kind, e.weight, e.kind, e.source_label, e.target_label]
        )


def write_graphml(edges: list[Edge], out: TextIO) -> None:
    """GraphML (Gephi, networkx, Cytoscape): nodes are IRIs with a ``label``, edges have a
    ``weight`` and a ``kind``; directed when every edge's kind is."""
    labels: dict[str, str] = {}
    for e in edges:
        labels.setdefault(e.source, e.source_label)
        labels.setdefault(e.target, e.target_label)
    directed = bool(edges) and all(DIRECTED.get(e.kind, False) for e in edges)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    out.write('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n')
    out.write('  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n')
    out.write('  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>\n')
    out.write(f'  <graph edgedefault="{"directed" if directed else "undirected"}">\n')
    for iri, label in labels.items():
        out.write(
            f'    <node id={quoteattr(iri)}><data key="label">{escape(label)}</data></node>\n'
        )
    for e in edges:
        out.write(
            f"    <edge source={quoteattr(e.source)} target={quoteattr(e.target)}>"
            f'<data key="weight">{e.weight}</data><data key="kind">{escape(e.kind)}</data>'
            "</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")
