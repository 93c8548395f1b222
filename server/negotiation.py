"""Content negotiation as pure functions: which result format a request gets, from its
``Accept`` header and its ``format=``/``output=``/``results=`` parameters.

Nothing here touches Flask's request context or the store, so every rule is testable alone.
Formats travel as media-type strings (picklable) and become pyoxigraph formats where used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept, MultiDict

from server.errors import BadRequest, NotAcceptable

RESULTS_MEDIA_TYPES: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
"""SELECT/ASK formats in order of preference (the first is the default)."""

RDF_MEDIA_TYPES: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
)
"""CONSTRUCT/DESCRIBE (and GSP, resource) formats in order of preference."""


@dataclass(frozen=True, slots=True)
class FormatChoice:
    """What one ``format=`` value asks for: a results format, an RDF format, or both
    (``xml`` means SPARQL XML for SELECT/ASK and RDF/XML for CONSTRUCT/DESCRIBE)."""

    results: str | None
    rdf: str | None


_JSON, _XML = RESULTS_MEDIA_TYPES[0], RESULTS_MEDIA_TYPES[1]
_CSV, _TSV = RESULTS_MEDIA_TYPES[2], RESULTS_MEDIA_TYPES[3]
_TURTLE, _NT, _JSONLD, _RDFXML = RDF_MEDIA_TYPES
_N3_MEDIA_TYPES = ("text/n3", "text/rdf+n3", "application/n3")

FORMAT_CHOICES: dict[str, FormatChoice] = {
    "json": FormatChoice(_JSON, _JSONLD),
    "xml": FormatChoice(_XML, _RDFXML),
    "csv": FormatChoice(_CSV, None),
    "tsv": FormatChoice(_TSV, None),
    "turtle": FormatChoice(None, _TURTLE),
    "ttl": FormatChoice(None, _TURTLE),
    "ntriples": FormatChoice(None, _NT),
    "nt": FormatChoice(None, _NT),
    "n-triples": FormatChoice(None, _NT),
    "jsonld": FormatChoice(None, _JSONLD),
    "json-ld": FormatChoice(None, _JSONLD),
    "rdfxml": FormatChoice(None, _RDFXML),
    "rdf+xml": FormatChoice(None, _RDFXML),
    "application/json": FormatChoice(_JSON, _JSONLD),
    "application/xml": FormatChoice(_XML, _RDFXML),
    "text/xml": FormatChoice(_XML, _RDFXML),
    "application/x-json+ld": FormatChoice(None, _JSONLD),
    "application/x-turtle": FormatChoice(None, _TURTLE),
    # Turtle is N3 without N3's extensions, so N3 readers read it (SPARQLWrapper's N3 format).
    **{name: FormatChoice(None, _TURTLE) for name in ("n3", *_N3_MEDIA_TYPES)},
    **{media: FormatChoice(media, None) for media in RESULTS_MEDIA_TYPES},
    **{media: FormatChoice(None, media) for media in RDF_MEDIA_TYPES},
}
"""Values of the ``format=`` (also ``output=``, ``results=``) parameter: short names for links
typed into a browser, and media types (SPARQLWrapper sends both)."""

FORMAT_PARAMETERS = ("format", "output", "results")
"""Request parameters that name a result format (Fuseki reads all three; SPARQLWrapper sends
all three at once unless told to use only ``Accept``)."""

_ALIASES: tuple[tuple[str, str], ...] = (  # media types clients send that mean one of ours
    ("application/json", "application/sparql-results+json"),
    ("application/xml", "application/sparql-results+xml"),
    ("text/xml", "application/sparql-results+xml"),
    ("application/xml", "application/rdf+xml"),
    ("text/xml", "application/rdf+xml"),
    ("text/plain", "application/n-triples"),
    ("application/x-turtle", "text/turtle"),
    *((n3, "text/turtle") for n3 in _N3_MEDIA_TYPES),
)


@dataclass(frozen=True, slots=True)
class Negotiated:
    """The media type to use for each kind of result; ``None``: the client accepts none."""

    results: str | None
    rdf: str | None


def _quality(accept: MIMEAccept, offer: str) -> float:
    """``offer``'s quality under ``accept``: the most specific matching range wins and media
    type parameters (``;charset=utf-8``) are ignored."""
    best_specificity, quality = -1, 0.0
    main, _, sub = offer.partition("/")
    for value, q in accept:
        mime = value.split(";", 1)[0].strip().lower()
        a_main, _, a_sub = mime.partition("/")
        if mime == offer:
            specificity = 2
        elif a_main == main and a_sub == "*":
            specificity = 1
        elif mime in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, float(q)
    return quality


def _best(accept: MIMEAccept, offers: tuple[str, ...]) -> str | None:
    """The offer with the highest q-value (ties: our order); aliases count as their target."""
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(accept, offer)
        for alias, target in _ALIASES:
            if target == offer:
                q = max(q, _exact_quality(accept, alias))
        if q > best_q:
            best, best_q = offer, q
    return best


def _exact_quality(accept: MIMEAccept, mimetype: str) -> float:
    for value, q in accept:
        if value.split(";", 1)[0].strip().lower() == mimetype:
            return float(q)
    return 0.0


def format_values(params: MultiDict[str, str]) -> tuple[str, ...]:
    """Every value of the format parameters in ``params``, in order."""
    return tuple(v for name in FORMAT_PARAMETERS for v in params.getlist(name))


def _short_names() -> str:
    return ", ".join(name for name in FORMAT_CHOICES if "/" not in name)


def _choice_of(value: str) -> FormatChoice | None:
    """The choice one parameter value names; a comma-separated list of media types (as
    SPARQLWrapper copies its Accept header) names its first known member."""
    for item in value.split(","):
        name = item.split(";", 1)[0].strip().lower()
        if name in FORMAT_CHOICES:
            return FORMAT_CHOICES[name]
    return None


def format_choice(values: str | Sequence[str] | None) -> FormatChoice | None:
    """The one format that the ``format=``/``output=``/``results=`` values agree on.

    Repeats are fine when they do not contradict each other (``format=tsv&format=text/tab-
    separated-values``; ``xml`` with ``application/sparql-results+xml``); empty values are
    ignored.

    Raises:
        BadRequest: an unknown value, or values naming different formats.

    >>> format_choice(["tsv", "text/tab-separated-values"])
    FormatChoice(results='text/tab-separated-values', rdf=None)
    """
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    chosen: FormatChoice | None = None
    for value in values:
        if not value.strip():
            continue
        choice = _choice_of(value)
        if choice is None:
            raise BadRequest(
                f"unknown format {value!r}; choose one of {_short_names()} or a media type"
            )
        if chosen is None:
            chosen = choice
            continue
        if (choice.results and chosen.results and choice.results != chosen.results) or (
            choice.rdf and chosen.rdf and choice.rdf != chosen.rdf
        ):
            raise BadRequest(
                f"the format parameters disagree ({', '.join(map(repr, values))}); name one format"
            )
        chosen = FormatChoice(chosen.results or choice.results, chosen.rdf or choice.rdf)
    return chosen


def negotiate(accept: MIMEAccept, format_param: str | Sequence[str] | None = None) -> Negotiated:
    """Pick the result media types for this request; a format parameter wins over ``Accept``.

    What the format parameter leaves open (the RDF format after ``format=csv``, say) comes from
    ``Accept`` or the defaults. Without an ``Accept`` header the defaults are SPARQL JSON and
    Turtle.

    Raises:
        BadRequest: unknown or disagreeing format parameters.
        NotAcceptable: ``Accept`` allows none of our formats (the message lists them).

    >>> negotiate(MIMEAccept([("text/csv", 1), ("application/sparql-results+json", 0.5)]))
    Negotiated(results='text/csv', rdf=None)
    """
    choice = format_choice(format_param)
    if choice is not None:
        return Negotiated(
            results=choice.results or _best(accept, RESULTS_MEDIA_TYPES) or RESULTS_MEDIA_TYPES[0],
            rdf=choice.rdf or _best(accept, RDF_MEDIA_TYPES) or RDF_MEDIA_TYPES[0],
        )
    if not accept:
        return Negotiated(results=RESULTS_MEDIA_TYPES[0], rdf=RDF_MEDIA_TYPES[0])
    negotiated = Negotiated(
        results=_best(accept, RESULTS_MEDIA_TYPES), rdf=_best(accept, RDF_MEDIA_TYPES)
    )
    if negotiated.results is None and negotiated.rdf is None:
        raise NotAcceptable(
            "none of the accepted media types can be produced; offered: "
            + ", ".join(RESULTS_MEDIA_TYPES + RDF_MEDIA_TYPES)
        )
    return negotiated


def negotiate_rdf(accept: MIMEAccept, format_param: str | Sequence[str] | None = None) -> str:
    """The RDF media type for a graph response (GSP, resources, service description).

    Raises:
        BadRequest: an unknown or non-RDF format parameter.
        NotAcceptable: ``Accept`` allows no RDF format.
    """
    choice = format_choice(format_param)
    if choice is not None:
        if choice.rdf is None:
            raise BadRequest(
                f"format={format_param!r} is not an RDF format; choose one of "
                "turtle, ntriples, jsonld, rdfxml"
            )
        return choice.rdf
    if not accept:
        return RDF_MEDIA_TYPES[0]
    media = _best(accept, RDF_MEDIA_TYPES)
    if media is None:
        raise NotAcceptable("offered: " + ", ".join(RDF_MEDIA_TYPES))
    return media


def results_format(media_type: str) -> QueryResultsFormat:
    fmt = QueryResultsFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover - our constants are all known to pyoxigraph
        raise ValueError(media_type)
    return fmt


def rdf_format(media_type: str) -> RdfFormat:
    fmt = RdfFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover
        raise ValueError(media_type)
    return fmt
