"""The graph from Python (a notebook): ``kg = newskg.open("kg-store")``.

``kg.query(sparql)`` gives a pandas DataFrame, ``kg.statements(speaker=..., about=...,
since=...)`` the statements as one, ``kg.ask(question)`` answers plain English like ``newskg
ask`` (the spaCy model is loaded on the first question), and ``kg.network(kind="summit")`` is
a networkx graph of who met whom. pandas and networkx are the optional extra
``newskg[notebook]``; without them only the method that needs one fails, saying so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import Any

from pyoxigraph import Literal, QueryBoolean, QuerySolutions, QueryTriples

from graph.network import DIRECTED, KINDS, edges_from_rows, network_sparql
from graph.store import KnowledgeStore
from ontology.vocab import PREFIXES, WIKIDATA_ENTITY, XSD, sparql_prefixes

_EXTRA = "pip install 'newskg[notebook]'"
_NUMBERS = {XSD.integer, XSD.nonNegativeInteger, XSD.decimal, XSD.double}


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this needs {module}: {_EXTRA}") from exc


def python_value(term: Any) -> Any:
    """A term as a Python value: IRIs as ``str``, numbers, booleans and dates as themselves,
    other literals as their text; unbound as None."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _NUMBERS:
                return (
                    float(term.value) if datatype in (XSD.decimal, XSD.double) else int(term.value)
                )
            if datatype == XSD.boolean:
                return term.value in ("true", "1")
            if datatype == XSD.date:
                return dt.date.fromisoformat(term.value)
        except ValueError:  # an ill-typed literal stays text
            pass
        return term.value
    return term.value


class KnowledgeGraph:
    """A newskg store opened for reading. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.store = KnowledgeStore(path, read_only=True)

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _run(self, sparql: str) -> Any:
        return self.store.oxigraph.query(
            sparql, prefixes=dict(PREFIXES), use_default_graph_as_union=True
        )

    def query(self, sparql: str) -> Any:
        """A SELECT as a DataFrame (one column per variable), a CONSTRUCT/DESCRIBE as one of
        subject, predicate, object, an ASK as a bool. The ``nkg:``, ``rdfs:`` ... prefixes are
        declared already."""
        pd = _need("pandas")
        result = self._run(sparql)
        if isinstance(result, QueryBoolean):
            return bool(result)
        if isinstance(result, QueryTriples):
            rows = [
                (python_value(t.subject), python_value(t.predicate), python_value(t.object))
                for t in result
            ]
            return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return pd.DataFrame([[python_value(s[n]) for n in names] for s in result], columns=names)

    def _resolve(self, name: str) -> list[str]:
        """The IRIs ``name`` means: an IRI, a Wikidata id (Q...), or a label (any case)."""
        if name.startswith(("http://", "https://")):
            return [name]
        if name[:1] in "Qq" and name[1:].isdigit():
            rows = self._run(f"SELECT ?x WHERE {{ ?x owl:sameAs <{WIKIDATA_ENTITY}Q{name[1:]}> }}")
            return [s["x"].value for s in rows]
        needle = name.lower().replace("\\", "\\\\").replace('"', '\\"')
        rows = self._run(
            f'SELECT DISTINCT ?x WHERE {{ ?x rdfs:label ?l FILTER(LCASE(STR(?l)) = "{needle}") }}'
        )
        return [s["x"].value for s in rows]

    def statements(
        self,
        speaker: str | None = None,
        about: str | None = None,
        since: str | dt.date | None = None,
    ) -> Any:
        """Statements as a DataFrame (statement, speaker, about, text, date, document), newest
        first: by ``speaker`` and/or ``about`` (a label, a Wikidata id or an IRI) and published
        on or after ``since`` (a date or ``"YYYY-MM-DD"``)."""
        return self.query(
            statements_sparql(
                speaker=self._resolve(speaker) if speaker is not None else None,
                about=self._resolve(about) if about is not None else None,
                since=dt.date.fromisoformat(since) if isinstance(since, str) else since,
            )
        )

    def ask(self, question: str) -> Any:
        """A question in plain English (like ``newskg ask``) as a DataFrame of its answer's
        rows; ``.attrs`` holds the ``sparql`` it ran, its ``status`` and ``message``."""
        pd = _need("pandas")
        from extract.nlp import DEFAULT_MODEL, load_pipeline
        from newskg.ask import ask

        if not hasattr(self, "_nlp"):
            self._nlp = load_pipeline(DEFAULT_MODEL)
        answer = ask(self.store, self._nlp, question)
        frame = pd.DataFrame(list(answer.results))
        frame.attrs.update(sparql=answer.sparql, status=answer.status, message=answer.message)
        return frame

    def edges(self, kind: str = "summit", limit: int = 100_000) -> list[Any]:
        """The ties of ``kind`` (summit, statement, policy) as :class:`graph.network.Edge`."""
        rows = [
            {v: s[v] for v in ("a", "aLabel", "b", "bLabel", "weight")}
            for s in self._run(network_sparql(kind, limit=limit))
        ]
        return edges_from_rows(rows, kind)

    def network(self, kind: str = "summit") -> Any:
        """A networkx graph of the ties of ``kind`` (a DiGraph for statements and policies):
        nodes are IRIs with a ``label``, edges carry ``weight`` (number of reports)."""
        nx = _need("networkx")
        graph = nx.DiGraph() if DIRECTED[kind] else nx.Graph()
        for e in self.edges(kind):
            graph.add_node(e.source, label=e.source_label)
            graph.add_node(e.target, label=e.target_label)
            graph.add_edge(e.source, e.target, weight=e.weight, kind=KINDS[kind])
        return graph


def statements_sparql(
    speaker: list[str] | None = None,
    about: list[str] | None = None,
    since: dt.date | None = None,
) -> str:
    """The SELECT behind :meth:`KnowledgeGraph.statements` (a name that matched nothing
    matches no statement)."""
    filters = []
    for var, iris in (("speaker", speaker), ("topic", about)):
        if iris is not None:
            filters.append(f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}")
    if since is not None:
        filters.append(f'FILTER(?date >= "{since.isoformat()}"^^xsd:date)')
    return (
        sparql_prefixes()
        + f"""SELECT ?statement ?speaker ?speakerLabel
       (GROUP_CONCAT(DISTINCT ?topicLabel; separator="; ") AS ?about) ?text ?date ?document
WHERE {{
  {" ".join(filters)}
  ?statement a nkg:Statement ; nkg:speaker ?speaker ; nkg:text ?text ;
             prov:wasDerivedFrom ?document .
  OPTIONAL {{ ?speaker rdfs:label ?speakerLabel }}
  {"" if about is not None else "OPTIONAL {"} ?statement nkg:about ?topic .
  OPTIONAL {{ ?topic rdfs:label ?topicLabel }} {"" if about is not None else "}"}
  OPTIONAL {{ ?document dcterms:date ?date }}
}} GROUP BY ?statement ?speaker ?speakerLabel ?text ?date ?document
ORDER BY DESC(?date) ?statement"""
    )


def open(path: str | Path) -> KnowledgeGraph:  # noqa: A001 - newskg.open is the public name
    """Open the store at ``path`` (made by ``newskg ingest``) for reading."""
    return KnowledgeGraph(path)


__all__ = ["KnowledgeGraph", "open", "python_value", "statements_sparql"]
