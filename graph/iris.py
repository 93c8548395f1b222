"""Deterministic IRI minting: the same input always gives the same IRIs.

Entities with a Wikidata QID get one IRI across all documents (``entity/Q15031``); entities
without one merge across documents by kind and normalised label (``entity/person/scott-bessent``).
Everything else (statements, summits, policies, anonymous sources) lives under its document,
except the canonical summit that several documents' summits report (``summit/meeting/2025-10/
Q15031+Q22686``), which is computed from what identifies the event, not from any one document.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from extract.normalise import ascii_fold

DEFAULT_BASE = "https://w3id.org/newskg/id/"
"""Where minted IRIs live. Configurable so a server can make them dereference locally."""

ENTITIES_GRAPH_PATH = "graph/entities"
ONTOLOGY_GRAPH = "https://w3id.org/newskg/ontology"

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SAFE_ID = re.compile(r"[^A-Za-z0-9._~-]+")


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text``: the normalised form used to merge labels.

    >>> slug("Scott  Bessent")
    'scott-bessent'
    >>> slug("Ministry of Foreign Affairs (China)")
    'ministry-of-foreign-affairs-china'
    >>> slug("Société Générale")
    'societe-generale'

    An apostrophe is dropped, written curly or straight, so both spellings mint one IRI:

    >>> slug("People\u2019s Daily"), slug("People's Daily")
    ('peoples-daily', 'peoples-daily')
    """
    folded = ascii_fold(text).replace("'", "")
    return _NON_WORD.sub("-", folded.lower()).strip("-") or "x"


def document_id(raw: str) -> str:
    """A document id safe to put in a path segment (keeps readable ids readable).

    >>> document_id("reuters-4156")
    'reuters-4156'
    >>> document_id("news/2025 11/a.txt")
    'news%2F2025%2011%2Fa.txt'
    """
    return quote(raw, safe="._~-")


class Minter:
    """Mints every IRI newskg writes, under one configurable base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    @property
    def entities_graph(self) -> str:
        """The named graph that holds the shared description of every entity."""
        return self.base + ENTITIES_GRAPH_PATH

    def document(self, doc_id: str) -> str:
        return f"{self.base}doc/{document_id(doc_id)}"

    def entity(self, kind_path: str, label: str, qid: str | None) -> str:
        """An actor, place or topic; ``kind_path`` is the core kind, e.g. ``person``."""
        if qid:
            return f"{self.base}entity/{qid}"
        return f"{self.base}entity/{kind_path}/{slug(label)}"

    def canonical_summit(self, family: str, when: str, participants: list[str]) -> str | None:
        """The real-world summit a report stands for: kind family (``call``, ``meeting``,
        ``visit``), day or month (``2025-11-24``, ``2025-04``) and the participants' shared
        entity IRIs, sorted. ``None`` when a participant has no shared IRI (a document-local
        one) or fewer than two take part: such a report cannot be told apart from others.

        >>> Minter("http://x/").canonical_summit(
        ...     "call", "2025-11-24", ["http://x/entity/Q22686", "http://x/entity/Q15031"])
        'http://x/summit/call/2025-11-24/Q15031+Q22686'
        """
        prefix = f"{self.base}entity/"
        if len(set(participants)) < 2 or not all(p.startswith(prefix) for p in participants):
            return None
        locals_ = sorted({p[len(prefix) :].replace("/", ".") for p in participants})
        return f"{self.base}summit/{family}/{when}/{'+'.join(locals_)}"

    def in_document(self, doc_id: str, kind_path: str, local: str) -> str:
        """Something that exists only inside one document (a statement, an event ...)."""
        return f"{self.document(doc_id)}/{kind_path}/{local}"
