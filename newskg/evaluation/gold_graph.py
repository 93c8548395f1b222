"""What ``newskg eval`` (gold JSON) reads of one document's graph, by the queries of
:mod:`newskg.evaluation.gold_queries`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newskg.evaluation.gold_match import Entity, qid_of
from newskg.evaluation.gold_queries import (
    ACTOR_LABELS_QUERY,
    ENTITIES_QUERY,
    POLICIES_QUERY,
    POLICY_ROLES_QUERY,
    STATEMENT_ABOUT_QUERY,
    STATEMENTS_QUERY,
    SUMMIT_ROLES_QUERY,
    SUMMITS_QUERY,
    bind_doc,
)
from ontology.vocab import WIKIDATA_ENTITY


def rows(store: Any, query: str) -> list[dict[str, str | None]]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]


@dataclass
class Predicted:
    """One predicted statement/summit/policy as read from the graph."""

    iri: str
    kind: str = ""
    text: str = ""
    speaker: Entity | None = None
    about: list[Entity] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    status: str | None = None
    quantity: str | None = None
    unit: str | None = None
    roles: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class GraphView:
    """What the evaluation needs of one document's graph."""

    entities: dict[str, Entity]
    statements: list[Predicted]
    summits: list[Predicted]
    policies: list[Predicted]
    actor_labels: list[str]


def _v(row: dict[str, str | None], key: str) -> str:
    """A variable the query always binds (``""`` only if a query is wrong)."""
    return row[key] or ""


def _read_entities(store: Any, doc_iri: str) -> dict[str, Entity]:
    acc: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in rows(store, bind_doc(ENTITIES_QUERY, doc_iri)):
        acc[_v(r, "e")][_v(r, "kind")].append(_v(r, "value"))
    return {
        iri: Entity(
            iri=iri,
            labels=tuple(sorted(set(d["label"]))),
            alt_labels=tuple(sorted(set(d["alt"]))),
            qids=frozenset(qid_of(q) for q in d["qid"] if q.startswith(WIKIDATA_ENTITY)),
            types=frozenset(t.rsplit("#", 1)[-1] for t in d["type"]),
        )
        for iri, d in acc.items()
    }


def _ent(entities: dict[str, Entity], iri: str) -> Entity:
    return entities.get(iri) or Entity(iri=iri)


def _read_statements(store: Any, doc_iri: str, entities: dict[str, Entity]) -> list[Predicted]:
    statements: dict[str, Predicted] = {}
    for r in rows(store, bind_doc(STATEMENTS_QUERY, doc_iri)):
        iri = _v(r, "s")
        statements.setdefault(
            iri, Predicted(iri=iri, text=r["text"] or "", speaker=_ent(entities, _v(r, "speaker")))
        )
    for r in rows(store, bind_doc(STATEMENT_ABOUT_QUERY, doc_iri)):
        if r["s"] in statements:
            statements[_v(r, "s")].about.append(_ent(entities, _v(r, "about")))
    return list(statements.values())


def _read_events(
    store: Any, doc_iri: str, entities: dict[str, Entity], queries: tuple[str, str, str]
) -> list[Predicted]:
    """Summits or policies: (events query, roles query, the event's variable)."""
    query, roles_query, var = queries
    found: dict[str, Predicted] = {}
    for r in rows(store, bind_doc(query, doc_iri)):
        kind = _v(r, "kind").rsplit("#", 1)[-1]
        if r[var] in found:  # two equally specific kinds: keep the first (sorted)
            continue
        found[_v(r, var)] = Predicted(
            iri=_v(r, var),
            kind="Other" if kind == "Policy" else kind,
            span=(int(_v(r, "start")), int(_v(r, "end"))),
            status=r.get("status"),
            quantity=r.get("quantity"),
            unit=r.get("unit"),
        )
    for r in rows(store, bind_doc(roles_query, doc_iri)):
        if r[var] in found:
            found[_v(r, var)].roles[_v(r, "role")].append(_ent(entities, _v(r, "value")))
    return list(found.values())


def read_graph(store: Any, doc_iri: str) -> GraphView:
    """Run the ``*_QUERY`` constants for one document."""
    entities = _read_entities(store, doc_iri)
    return GraphView(
        entities=entities,
        statements=_read_statements(store, doc_iri, entities),
        summits=_read_events(store, doc_iri, entities, (SUMMITS_QUERY, SUMMIT_ROLES_QUERY, "m")),
        policies=_read_events(store, doc_iri, entities, (POLICIES_QUERY, POLICY_ROLES_QUERY, "p")),
        actor_labels=sorted(
            {_v(r, "label") for r in rows(store, bind_doc(ACTOR_LABELS_QUERY, doc_iri))}
        ),
    )
