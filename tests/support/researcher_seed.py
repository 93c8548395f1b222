"""A small hand-made graph for the researcher's pages: one article (text stored, offsets
computed from it) with two statements, a meeting, a tariff and four actors. Written for the
tests; no sentence comes from the evaluation texts."""

from __future__ import annotations

import io

from pyoxigraph import RdfFormat

BASE = "https://w3id.org/newskg/id/"
DOC = BASE + "doc/r1"
XI = BASE + "entity/person/Q15031"
TRUMP = BASE + "entity/person/Q22686"
CHINA = BASE + "entity/country/Q148"
USA = BASE + "entity/country/Q30"
GENEVA = BASE + "entity/place/Q71"
NKG = "https://w3id.org/newskg/ontology#"

TEXT = (
    "Trade talks resume\n\n"
    "Xi Jinping met Donald Trump in Geneva on Monday. "
    "Trump said the tariffs on China would stay until a deal was signed. "
    "Xi said China would answer any new tariffs in kind. "
    "The United States imposed a tariff on Chinese steel last week."
)
TITLE = "Trade talks resume"
MEETING_SENTENCE = "Xi Jinping met Donald Trump in Geneva on Monday."
TRUMP_SENTENCE = "Trump said the tariffs on China would stay until a deal was signed."
XI_SENTENCE = "Xi said China would answer any new tariffs in kind."
TARIFF_SENTENCE = "The United States imposed a tariff on Chinese steel last week."
LOCAL_SOURCE = "/srv/ingest/private/r1.txt"


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _int(n: int) -> str:
    return f'"{n}"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>'


def _span(sentence: str, part: str | None = None) -> tuple[int, int]:
    start = TEXT.index(sentence)
    if part is None:
        return start, start + len(sentence)
    inner = TEXT.index(part, start)
    return inner, inner + len(part)


def nquads() -> str:
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    prov = "http://www.w3.org/ns/prov#"
    dct = "http://purl.org/dc/terms/"
    ents = BASE + "graph/entities"
    lines: list[str] = []

    def q(s: str, p: str, o: str, g: str = DOC) -> None:
        lines.append(f"<{s}> <{p}> {o} <{g}> .")

    q(DOC, rdf + "type", f"<{NKG}Document>")
    q(DOC, NKG + "documentId", _lit("r1"))
    q(DOC, rdfs + "label", _lit(TITLE))
    q(DOC, dct + "title", _lit(TITLE))
    q(DOC, dct + "date", '"2025-05-12"^^<http://www.w3.org/2001/XMLSchema#date>')
    q(DOC, dct + "source", _lit(LOCAL_SOURCE))
    q(DOC, NKG + "articleText", _lit(TEXT))
    q(DOC, NKG + "charLength", _int(len(TEXT)))
    for iri, label, cls, first in (
        (XI, "Xi Jinping", "Person", "Xi Jinping"),
        (TRUMP, "Donald Trump", "Person", "Donald Trump"),
        (CHINA, "China", "Country", "China"),
        (USA, "United States", "Country", "United States"),
    ):
        for t in (cls, "Actor"):
            q(iri, rdf + "type", f"<{NKG}{t}>", ents)
        q(iri, rdfs + "label", _lit(label), ents)
        q(iri, NKG + "mentionedIn", f"<{DOC}>")
        start = TEXT.index(first)
        q(iri, NKG + "charStart", _int(start))
        q(iri, NKG + "charEnd", _int(start + len(first)))
    q(XI, "http://www.w3.org/2002/07/owl#sameAs", "<http://www.wikidata.org/entity/Q15031>", ents)
    q(XI, "http://schema.org/description", _lit("General Secretary of the CCP"), ents)
    q(XI, "http://www.w3.org/2004/02/skos/core#altLabel", _lit("Xi"))
    q(GENEVA, rdf + "type", f"<{NKG}Place>", ents)
    q(GENEVA, rdfs + "label", _lit("Geneva"), ents)

    def extracted(iri: str, classes: tuple[str, ...], sentence: str, label: str) -> None:
        for c in classes:
            q(iri, rdf + "type", f"<{NKG}{c}>")
        q(iri, rdfs + "label", _lit(label))
        q(iri, NKG + "text", _lit(sentence))
        q(iri, prov + "wasDerivedFrom", f"<{DOC}>")
        start, end = _span(sentence)
        q(iri, NKG + "charStart", _int(start))
        q(iri, NKG + "charEnd", _int(end))

    st1, st2 = DOC + "/statement/1", DOC + "/statement/2"
    extracted(st1, ("Statement",), TRUMP_SENTENCE, TRUMP_SENTENCE)
    q(st1, NKG + "speaker", f"<{TRUMP}>")
    q(st1, NKG + "about", f"<{CHINA}>")
    extracted(st2, ("Statement",), XI_SENTENCE, XI_SENTENCE)
    q(st2, NKG + "speaker", f"<{XI}>")
    q(st2, NKG + "about", f"<{TRUMP}>")
    meeting = DOC + "/summit/1"
    extracted(meeting, ("Meeting", "Summit"), MEETING_SENTENCE, "meeting of Xi and Trump")
    q(meeting, NKG + "participant", f"<{XI}>")
    q(meeting, NKG + "participant", f"<{TRUMP}>")
    q(meeting, NKG + "location", f"<{GENEVA}>")
    q(meeting, NKG + "status", _lit("held"))
    q(meeting, NKG + "date", '"2025-05-12"^^<http://www.w3.org/2001/XMLSchema#date>')
    tariff = DOC + "/policy/1"
    extracted(tariff, ("Tariff", "Policy"), TARIFF_SENTENCE, "tariff on Chinese steel")
    q(tariff, NKG + "actor", f"<{USA}>")
    q(tariff, NKG + "target", f"<{CHINA}>")
    return "\n".join(lines) + "\n"


def load(store: object) -> None:
    """Put the graph into a :class:`graph.store.KnowledgeStore`."""
    store.oxigraph.load(  # type: ignore[attr-defined]
        io.BytesIO(nquads().encode("utf-8")), format=RdfFormat.N_QUADS
    )
