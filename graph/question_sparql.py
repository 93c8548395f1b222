"""What the question modules share: the store they query, the prefixes of their SPARQL, how
names are compared (in Python and in SPARQL) and how rows come back."""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from extract import normalise
from ontology.vocab import DCTERMS, NKG, OWL, PROV, RDFS, SKOS, WIKIDATA_ENTITY, XSD


class Queryable(Protocol):
    """What answering needs of a store: SPARQL SELECT in, pyoxigraph solutions out. A
    :class:`graph.store.KnowledgeStore` is one; the server passes its time-limited workers."""

    def query(self, sparql: str) -> Any: ...


PREFIXES = {
    "nkg": NKG.IRI,
    "rdfs": RDFS.IRI,
    "owl": OWL.IRI,
    "skos": SKOS.IRI,
    "prov": PROV.IRI,
    "dcterms": DCTERMS.IRI,
    "xsd": XSD.IRI,
    "wd": WIKIDATA_ENTITY,
}

# SPARQL twin of :func:`name_key`: lower case, no dots, straight apostrophes, single spaces.
NAME_KEY = (
    'LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR({v}), "[.]", ""), '
    f'"[{normalise.APOSTROPHES}]", "\'"), "[{normalise.DOUBLE_QUOTES}]", "\\""), '
    '"\\\\s+", " "))'
)


def name_key(name: str) -> str:
    """How names are compared: case, dots, quotes, spacing and a leading 'the' (not accents,
    which the SPARQL twin cannot fold).

    >>> name_key("The  U.S.")
    'us'
    """
    return normalise.name_key(name, fold_accents=False)


def rows(store: Queryable, sparql: str, limit: int | None = None) -> list[dict[str, Any]]:
    results = store.query(sparql)
    names = [v.value for v in results.variables]  # type: ignore[union-attr]
    out = []
    for solution in results:  # type: ignore[union-attr]
        out.append({n: (solution[n].value if solution[n] is not None else None) for n in names})
        if limit is not None and len(out) >= limit:
            break
    return out


def lit(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def prefix_lines(used: str | None = None) -> str:
    return "".join(
        f"PREFIX {p}: <{iri}>\n"
        for p, iri in PREFIXES.items()
        if used is None or re.search(rf"(?<![\w?]){p}:", used)
    )


def with_prefixes(body: str) -> str:
    return prefix_lines(body) + body.strip() + "\n"


__all__ = [
    "NAME_KEY",
    "PREFIXES",
    "Queryable",
    "lit",
    "name_key",
    "prefix_lines",
    "rows",
    "with_prefixes",
]
