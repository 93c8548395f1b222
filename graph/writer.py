"""Documents as compact N-Quads batches, and the writer that commits several per transaction.

A worker process turns one document's quads into an :class:`EncodedDocument` (N-Quads bytes,
split by graph), which pickles as a few byte strings instead of hundreds of term objects; the
single writer (:class:`BatchWriter`, in the process that owns the store) then commits whole
documents, several per transaction, so a killed ingest keeps every committed document and no
part of another.

Why transactions and not ``Store.bulk_extend``/``bulk_load``: pyoxigraph documents those as
"without transactional guarantees; only a part of the data might be written", which breaks the
resume rule (a ``kill -9`` during a bulk load may leave half a document that looks stored).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from graph.iris import Minter
from graph.store import KnowledgeStore
from ontology.vocab import RDFS

BATCH_DOCUMENTS = 32
"""At most this many documents per transaction (a kill loses at most the batch in memory)."""

BATCH_BYTES = 8_000_000
"""A batch is committed once it holds this much N-Quads, whatever its number of documents
(a typical 500-word article is ~175 kB), so that huge documents do not pile up in memory."""


@dataclass(frozen=True, slots=True)
class EncodedDocument:
    """One document's quads as N-Quads, ready for the writer.

    ``labels`` are kept apart because the store keeps the first label written for an entity
    (merged entities keep one name), which only the writer can decide.
    """

    id: str
    sha256: str
    graph: bytes
    """N-Quads of the document's own graph."""
    entities: bytes
    """N-Quads of the shared entity descriptions, but their labels."""
    labels: tuple[tuple[str, bytes], ...]
    """(entity IRI, the N-Quads line of its ``rdfs:label``), in emission order."""
    quads: int
    """Quads in the document's own graph."""

    @property
    def size(self) -> int:
        """Bytes of N-Quads."""
        return len(self.graph) + len(self.entities) + sum(len(line) for _, line in self.labels)

    def nquads(self) -> Iterator[bytes]:
        yield self.graph
        yield self.entities
        for _, line in self.labels:
            yield line


def encode_document(doc_id: str, sha256: str, quads: Iterable[Quad], base: str) -> EncodedDocument:
    """Split a document's quads by graph and serialise them.

    Raises:
        ValueError: a quad outside the document's graph and the entities graph.
    """
    minter = Minter(base)
    doc_iri, entities_iri = minter.document(doc_id), minter.entities_graph
    label = NamedNode(RDFS.label)
    own: list[Quad] = []
    shared: list[Quad] = []
    labels: list[tuple[str, bytes]] = []
    for q in quads:
        g = q.graph_name
        if not isinstance(g, NamedNode):
            raise ValueError(f"quad outside the document's graphs: {q}")
        if g.value == doc_iri:
            own.append(q)
        elif g.value != entities_iri:
            raise ValueError(f"quad outside the document's graphs: {q}")
        elif q.predicate == label:
            labels.append((_iri(q), _nquads([q])))
        else:
            shared.append(q)
    return EncodedDocument(
        doc_id, sha256, _nquads(own), _nquads(shared), tuple(labels), quads=len(own)
    )


def _iri(q: Quad) -> str:
    s = q.subject
    if not isinstance(s, NamedNode):
        raise ValueError(f"a label on a subject that is not an IRI: {q}")
    return s.value


def _nquads(quads: list[Quad]) -> bytes:
    return serialize(quads, format=RdfFormat.N_QUADS) or b"" if quads else b""


@dataclass(frozen=True, slots=True)
class Written:
    """What became of one document handed to the writer: stored, or ``error`` says why not."""

    document: EncodedDocument
    error: str | None = None


class BatchWriter:
    """Commits encoded documents in input order, several per transaction.

    A batch holds only new documents with distinct ids and texts: a document that replaces a
    stored one (same id or same text) first commits the batch, then is written alone with the
    store's replace (drop the old graphs, prune orphaned entities), so re-ingest and
    deduplication by text behave as when every document had its own transaction.
    """

    def __init__(
        self,
        store: KnowledgeStore,
        *,
        max_documents: int = BATCH_DOCUMENTS,
        max_bytes: int = BATCH_BYTES,
    ) -> None:
        self.store = store
        self.max_documents = max_documents
        self.max_bytes = max_bytes
        self._batch: list[EncodedDocument] = []
        self._keys: set[str] = set()
        self._bytes = 0

    def add(self, doc: EncodedDocument) -> list[Written]:
        """Queue ``doc``; returns the documents this call committed (or failed), in order."""
        done: list[Written] = []
        keys = {f"id:{doc.id}", f"sha:{doc.sha256}"}
        if keys & self._keys:
            done += self.flush()
        if self.store.has_copy(doc.id, doc.sha256):
            done += self.flush()
            done.append(self._replace(doc))
            return done
        self._batch.append(doc)
        self._keys |= keys
        self._bytes += doc.size
        if len(self._batch) >= self.max_documents or self._bytes >= self.max_bytes:
            done += self.flush()
        return done

    def flush(self) -> list[Written]:
        """Commit the queued documents in one transaction (alone each, if that fails)."""
        batch, self._batch, self._keys, self._bytes = self._batch, [], set(), 0
        if not batch:
            return []
        try:
            self._insert(batch)
            return [Written(doc) for doc in batch]
        except Exception:  # find the culprit: the others are still good
            return [self._insert_alone(doc) for doc in batch]

    def _insert(self, batch: list[EncodedDocument]) -> None:
        labelled: set[str] = set()
        parts: list[bytes] = []
        for doc in batch:
            parts += (doc.graph, doc.entities)
            for subject, line in doc.labels:
                # First writer wins: merged entities keep one label.
                if subject in labelled or self.store.has_label(NamedNode(subject)):
                    continue
                labelled.add(subject)
                parts.append(line)
        self.store.insert_nquads(b"".join(parts), sum(d.quads for d in batch))

    def _insert_alone(self, doc: EncodedDocument) -> Written:
        try:
            self._insert([doc])
            return Written(doc)
        except Exception as exc:
            return Written(doc, f"could not be stored: {exc}")

    def _replace(self, doc: EncodedDocument) -> Written:
        try:
            quads = parse(b"".join(doc.nquads()), format=RdfFormat.N_QUADS)
            self.store.replace_document(doc.id, doc.sha256, quads)
            return Written(doc)
        except Exception as exc:
            return Written(doc, f"could not be stored: {exc}")
