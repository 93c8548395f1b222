"""The knowledge store: an Oxigraph store holding one named graph per document.

Layout of the dataset:

* ``<document IRI>``: everything extracted from that document (the graph IRI is the document IRI);
* ``<base>graph/entities``: the shared description of every entity (label, types, Wikidata link),
  written once whatever the number of articles that mention it;
* ``https://w3id.org/newskg/ontology``: the ontology itself, so ``rdfs:subClassOf*`` works.

Queries see the union of all graphs by default. Replacing a document is one SPARQL update, which
Oxigraph applies in one transaction: a reader sees the old graph or the new one, never half.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse,
)

from graph.iris import DEFAULT_BASE, ONTOLOGY_GRAPH, Minter
from graph.sparql import declares_dataset
from ontology import ONTOLOGY_TTL
from ontology.vocab import NKG, PREFIXES, RDFS

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}
"""``newskg export --format`` names and the RDF format each writes."""

_DATASET_FORMATS = {RdfFormat.N_QUADS, RdfFormat.TRIG}


SHARD_HEADER = "# newskg-document "
"""Starts the comment line that opens each document's block in an N-Quads shard."""


class StoreError(Exception):
    """A store problem a user can act on (locked, missing, unknown document ...)."""


def _value(term: NamedNode | BlankNode | Literal | Triple) -> str:
    """The IRI, blank node id or lexical form of a term (a quoted triple has none: its
    N-Triples text stands in, so that it never equals an IRI)."""
    return str(term) if isinstance(term, Triple) else term.value


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    quads: int
    actors: int
    statements: int
    summits: int
    policies: int
    topics: int

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class ShardDocument:
    """One document's block in an N-Quads shard: what :meth:`replace_document` needs."""

    id: str
    sha256: str
    quads: tuple[Quad, ...]


FLUSH_QUADS = 25_000
"""Quads written between two flushes of the on-disk store's memory buffers."""


def _triple(q: Quad) -> str:
    return f"{q.subject} {q.predicate} {q.object} ."


def write_shard_document(out: IO[bytes], doc_id: str, sha256: str, quads: Iterable[Quad]) -> None:
    """Append one document to an N-Quads shard: a header comment, then its quads.

    The result is plain N-Quads (any RDF tool reads it; the comments are ignored), and
    :func:`read_shard` can still give each document back whole, so loading a shard keeps the
    store's per-document semantics (replacement, first label wins, one transaction each).
    """
    out.write(f"{SHARD_HEADER}{sha256} {json.dumps(doc_id)}\n".encode())
    for q in quads:
        out.write(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n".encode())


def read_shard(path: str | Path) -> Iterator[ShardDocument]:
    """The documents of a shard written by :func:`write_shard_document`, in order.

    Raises:
        StoreError: the file is not such a shard (a line outside any document block).
    """
    header: tuple[str, str] | None = None
    lines: list[bytes] = []

    def block() -> ShardDocument:
        assert header is not None
        quads = tuple(parse(b"".join(lines), format=RdfFormat.N_QUADS)) if lines else ()
        return ShardDocument(id=header[1], sha256=header[0], quads=quads)

    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            line = raw.decode("utf-8")
            if line.startswith(SHARD_HEADER):
                if header is not None:
                    yield block()
                sha, _, doc_id = line[len(SHARD_HEADER) :].strip().partition(" ")
                header, lines = (sha, json.loads(doc_id)), []
            elif header is None:
                raise StoreError(f"{path}:{n}: not a newskg shard (no document header)")
            else:
                lines.append(raw)
    if header is not None:
        yield block()


@dataclass(frozen=True, slots=True)
class StoredDocument:
    iri: str
    id: str
    sha256: str


class KnowledgeStore:
    """newskg's view of an Oxigraph store.

    Args:
        path: a directory for an on-disk store, or ``None`` for an in-memory one (tests).
        base: the IRI base minted IRIs live under.
        read_only: open an existing on-disk store without taking the write lock.

    Raises:
        StoreError: the store cannot be opened (another process holds it, or it is missing).
    """

    def __init__(
        self, path: str | Path | None = None, *, base: str = DEFAULT_BASE, read_only: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.minter = Minter(base)
        self.read_only = read_only
        self._unflushed = 0
        self._flushed = False
        try:
            if self.path is None:
                self._store = Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: ingest something first")
                self._store = Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the store at {self.path} is in use by another process (a running "
                    f"'newskg serve' or ingest?); stop it or use another --store"
                ) from exc
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        if not read_only:
            self._ensure_ontology()

    @property
    def oxigraph(self) -> Store:
        """The underlying pyoxigraph store (for the server and benchmarks)."""
        return self._store

    # -- the ontology graph ---------------------------------------------------------------

    def _ensure_ontology(self) -> None:
        """Load the ontology into its graph, replacing an older version if the file changed."""
        data = ONTOLOGY_TTL.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        graph = NamedNode(ONTOLOGY_GRAPH)
        marker = NamedNode(ONTOLOGY_GRAPH + "#loaded-from")
        current = list(self._store.quads_for_pattern(graph, marker, None, graph))
        if current and _value(current[0].object) == digest:
            return
        self._store.remove_graph(graph) if self._store.contains_named_graph(graph) else None
        self._store.load(io.BytesIO(data), format=RdfFormat.TURTLE, to_graph=graph)

        self._store.add(Quad(graph, marker, Literal(digest), graph))

    # -- documents ------------------------------------------------------------------------

    def document_iri(self, doc_id: str) -> str:
        return self.minter.document(doc_id)

    def find_document(
        self, *, doc_id: str | None = None, sha256: str | None = None
    ) -> list[StoredDocument]:
        """Stored documents with this id or this text hash."""

        found: dict[str, StoredDocument] = {}
        probes = []
        if doc_id is not None:
            probes.append((NamedNode(NKG.documentId), Literal(doc_id)))
        if sha256 is not None:
            probes.append((NamedNode(NKG.sha256), Literal(sha256)))
        for pred, value in probes:
            for q in self._store.quads_for_pattern(None, pred, value, None):
                iri = _value(q.subject)
                if iri not in found:
                    found[iri] = self._stored(iri)
        return sorted(found.values(), key=lambda d: d.iri)

    def _stored(self, iri: str) -> StoredDocument:
        g = NamedNode(iri)

        def one(p: str) -> str:
            for q in self._store.quads_for_pattern(g, NamedNode(p), None, g):
                return _value(q.object)
            return ""

        return StoredDocument(iri=iri, id=one(NKG.documentId), sha256=one(NKG.sha256))

    def documents(self) -> Iterator[StoredDocument]:
        for q in self._store.quads_for_pattern(None, NamedNode(NKG.documentId), None, None):
            if isinstance(q.graph_name, NamedNode) and q.graph_name.value == _value(q.subject):
                yield StoredDocument(_value(q.subject), _value(q.object), "")

    def replace_document(self, doc_id: str, sha256: str, quads: Iterable[Quad]) -> int:
        """Write one document's quads, replacing any earlier copy (same id or same text).

        Everything happens in one update, so it is all or nothing. Returns the number of quads
        in the document's own graph.
        """
        doc_iri = self.document_iri(doc_id)
        olds = {d.iri for d in self.find_document(doc_id=doc_id, sha256=sha256)} | {doc_iri}
        entities_graph = self.minter.entities_graph
        doc_quads: list[Quad] = []
        entity_quads: list[Quad] = []
        labelled: set[str] = set()
        label = NamedNode(RDFS.label)
        for q in quads:
            g = q.graph_name
            if isinstance(g, NamedNode) and g.value == entities_graph:
                if q.predicate == label:
                    # First writer wins: merged entities keep one label.
                    if _value(q.subject) in labelled or self.has_label(q.subject):
                        continue
                    labelled.add(_value(q.subject))
                entity_quads.append(q)
            elif isinstance(g, NamedNode) and g.value == doc_iri:
                doc_quads.append(q)
            else:
                raise ValueError(f"quad outside the document's graphs: {q}")
        existing = {iri for iri in olds if self._store.contains_named_graph(NamedNode(iri))}
        if not existing:
            # A new document (the common case of a corpus ingest): one transactional insert,
            # with no SPARQL text to write and parse.
            self._insert([*doc_quads, *entity_quads])
            return len(doc_quads)
        stale = self._mentioned_in(existing)
        ops = [f"DROP SILENT GRAPH <{iri}>" for iri in sorted(olds)]
        body = [f"GRAPH <{doc_iri}> {{\n" + "\n".join(_triple(q) for q in doc_quads) + "\n}"]
        if entity_quads:
            body.append(
                f"GRAPH <{entities_graph}> {{\n"
                + "\n".join(_triple(q) for q in entity_quads)
                + "\n}"
            )
        ops.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
        if stale:
            ops.append(self._prune_orphans_update(stale))
        self._update(" ;\n".join(ops), len(doc_quads) + len(entity_quads))
        return len(doc_quads)

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document's graph; ``False`` if there was none."""
        docs = self.find_document(doc_id=doc_id)
        if not docs:
            return False
        stale = self._mentioned_in({d.iri for d in docs})
        ops = [f"DROP SILENT GRAPH <{d.iri}>" for d in docs]
        if stale:
            ops.append(self._prune_orphans_update(stale))
        self._update(" ;\n".join(ops))
        return True

    def has_copy(self, doc_id: str, sha256: str) -> bool:
        """Whether a document with this id or this text is stored (writing it replaces that)."""
        return self._store.contains_named_graph(NamedNode(self.document_iri(doc_id))) or bool(
            self.find_document(doc_id=doc_id, sha256=sha256)
        )

    def insert_nquads(self, data: bytes, quads: int) -> None:
        """Add N-Quads in one transaction (all or nothing); ``quads`` counts them for flushing.

        The caller vouches that no stored document is being replaced (see
        :class:`graph.writer.BatchWriter`). Not ``lenient``: it was no faster (measured) and
        lets a broken line through as part of an IRI.
        """
        self._write(lambda d: self._store.load(d, format=RdfFormat.N_QUADS), data, quads)

    def has_label(self, subject: Any) -> bool:
        """Whether the entities graph gives ``subject`` a label already."""
        g = NamedNode(self.minter.entities_graph)
        return (
            next(iter(self._store.quads_for_pattern(subject, NamedNode(RDFS.label), None, g)), None)
            is not None
        )

    def _mentioned_in(self, graphs: set[str]) -> set[str]:
        mentioned = NamedNode(NKG.mentionedIn)
        return {
            _value(q.subject)
            for g in graphs
            for q in self._store.quads_for_pattern(None, mentioned, None, NamedNode(g))
        }

    def _prune_orphans_update(self, candidates: set[str]) -> str:
        """Forget shared descriptions of ``candidates`` that no document mentions any more."""
        values = " ".join(f"<{iri}>" for iri in sorted(candidates))
        entities = self.minter.entities_graph
        return (
            f"DELETE {{ GRAPH <{entities}> {{ ?e ?p ?o }} }} "
            f"WHERE {{ VALUES ?e {{ {values} }} GRAPH <{entities}> {{ ?e ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?e <{NKG.mentionedIn}> ?d }} }} }}"
        )

    def _insert(self, quads: list[Quad]) -> None:
        self._write(self._store.extend, quads, len(quads))

    def _update(self, update: str, size: int = 1) -> None:
        self._write(self._store.update, update, size)

    def _write(self, write: Callable[[Any], None], what: Any, quads: int) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only")
        try:
            write(what)
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {exc}") from exc
        self._written(quads)

    def _written(self, quads: int) -> None:
        # RocksDB keeps writes in memtables until their size limits, per column family: over a
        # long ingest that grew one process by ~750 MB (1,830 articles, measured). Flushing every
        # FLUSH_QUADS quads keeps it near 100 MB and was no slower.
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS and self.path is not None:
            self._store.flush()
            self._unflushed = 0
            self._flushed = True

    def compact(self) -> None:
        """Compact the on-disk store after a long write (a no-op when nothing was flushed).

        The flushes of a long ingest leave the data in many small sorted files, which every
        query then reads: on 1.09M quads a Wikidata-identity query took 55 ms instead of 33 ms
        until compaction, which took 1.7 s (measured).
        """
        if self._flushed and not self.read_only:
            self._store.optimize()
            self._flushed = False

    # -- reading ------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QuerySolutions | QueryBoolean | QueryTriples:
        """Run a SPARQL query; the default graph is the union of all graphs unless given.

        A query with its own ``FROM``/``FROM NAMED`` keeps the dataset it declares.

        Raises:
            SyntaxError: the query does not parse (the message says where).
        """
        kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES)}
        if default_graph:
            kwargs["default_graph"] = [NamedNode(g) for g in default_graph]
        elif not declares_dataset(sparql):
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
        return self._store.query(sparql, **kwargs)

    def __len__(self) -> int:
        return len(self._store)

    def stats(self) -> Stats:
        def count(where: str) -> int:
            res = self.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")
            assert isinstance(res, QuerySolutions)
            return int(next(iter(res))["n"].value)

        ontology = NamedNode(ONTOLOGY_GRAPH)
        data_quads = len(self._store) - sum(
            1 for _ in self._store.quads_for_pattern(None, None, None, ontology)
        )
        return Stats(
            documents=count("?x a nkg:Document"),
            quads=data_quads,
            actors=count("?x a nkg:Actor"),
            statements=count("?x a nkg:Statement"),
            summits=count("?x a nkg:Summit"),
            policies=count("?x a nkg:Policy"),
            topics=count("?x a nkg:Topic"),
        )

    # -- export -------------------------------------------------------------------------

    def export(self, fmt: str, output: IO[bytes], *, document: str | None = None) -> None:
        """Serialise the data (not the ontology) in one of :data:`EXPORT_FORMATS`.

        With ``document`` (an id), only that document's graph plus the shared descriptions of
        the entities it mentions. Graph formats (Turtle ...) merge the graphs; N-Quads and TriG
        keep them apart.

        Raises:
            StoreError: unknown format or document.
        """
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        rdf_format = EXPORT_FORMATS[fmt]
        if document is not None:
            docs = self.find_document(doc_id=document)
            if not docs:
                raise StoreError(f"no document with id {document!r} in the store")
            doc_iri = docs[0].iri
            where = (
                f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g = <{doc_iri}>) }} UNION "
                f"{{ GRAPH <{doc_iri}> {{ ?s <{NKG.mentionedIn}> ?d }} "
                f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g = <{self.minter.entities_graph}>) }}"
            )
        else:
            where = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>)"
        prefixes = {k: v for k, v in PREFIXES.items() if k not in ("xsd",)}
        if rdf_format in _DATASET_FORMATS:
            results = self._store.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}")
            assert isinstance(results, QuerySolutions)
            tmp = Store()
            tmp.extend(Quad(r["s"], r["p"], r["o"], r["g"]) for r in results)
            tmp.dump(output, format=rdf_format, prefixes=prefixes)
            return
        triples = self._store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
        assert isinstance(triples, QueryTriples)
        tmp = Store()
        tmp.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
        tmp.dump(output, format=rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)

    def close(self) -> None:
        """Flush and release the store (on-disk stores release their lock)."""
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
