"""The sections of the resource pages, as data: a heading, the SPARQL behind it (``$node`` is
the page's resource) and the columns to show.

Each section's query is a complete SELECT a user can run as it stands (the page links it as
CSV, JSON and in the query editor); the page adds only ``LIMIT``/``OFFSET`` for its paging and
wraps it in ``COUNT(*)`` for the section's count. A column shows variable ``var``; an IRI
there is shown by ``{var}Label`` when the query binds it, and links to its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology.vocab import sparql_prefixes


@dataclass(frozen=True, slots=True)
class Column:
    var: str
    heading: str
    link: str | None = None
    """Another variable whose IRI this column's text links to (the sentence -> its statement)."""
    kind: bool = False
    """The variable holds class IRIs (space-separated): show the most specific one's name."""


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    select: str
    columns: tuple[Column, ...]
    count: str = ""
    """A pattern with one solution per row of ``select``, cheaper to count than ``select``
    itself (no labels, no sorting); empty: count ``select``."""

    def body(self, iri: str, page: str = "") -> str:
        """The section's SELECT for the resource ``iri``, without PREFIX lines: all its rows,
        or only those of ``page`` (``LIMIT n OFFSET k``), applied where the query says
        ``$page`` (choosing the rows before their details are joined) or else at its end."""
        text = self.select.replace("$node", f"<{iri}>").strip()
        if "$page" in text:
            return text.replace("$page", page)
        return f"{text}\n{page}" if page else text

    def sparql(self, iri: str) -> str:
        """The section's query for the resource ``iri``, with its PREFIX lines."""
        return sparql_prefixes() + self.body(iri)

    def count_body(self, iri: str) -> str:
        where = self.count.replace("$node", f"<{iri}>") if self.count else f"{{ {self.body(iri)} }}"
        return f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"

    def count_sparql(self, iri: str) -> str:
        return sparql_prefixes() + self.count_body(iri)


_DOC = """OPTIONAL { ?document rdfs:label ?documentLabel }
  OPTIONAL { ?document dcterms:date ?published }"""
_DOC_COLUMNS = (Column("documentLabel", "document", link="document"), Column("published", "date"))

# The rows of a page are chosen first (only the keys and what they sort by, then $page: LIMIT
# and OFFSET), their sentences and labels joined after: sorting every row with its text costs
# several times more. Ties of date break on the offset in the article (an integer, cheap to
# compare) before the IRI (a string the store must look up for every comparison).
SAID = Section(
    "said",
    "What it said",
    """SELECT ?statement ?text ?published ?document ?documentLabel WHERE {
  { SELECT ?statement ?document ?published ?start WHERE {
      ?statement nkg:speaker $node ; a nkg:Statement ; prov:wasDerivedFrom ?document .
      OPTIONAL { ?statement nkg:charStart ?start }
      OPTIONAL { ?document dcterms:date ?published }
    } ORDER BY DESC(?published) ?start ?statement $page }
  ?statement nkg:text ?text .
  OPTIONAL { ?document rdfs:label ?documentLabel }
} ORDER BY DESC(?published) ?start ?statement""",
    (Column("text", "sentence", link="statement"), *_DOC_COLUMNS),
    "?statement nkg:speaker $node ; a nkg:Statement",
)

SAID_ABOUT = Section(
    "said_about",
    "What others said about it",
    """SELECT ?statement ?speaker ?speakerLabel ?text ?published ?document ?documentLabel WHERE {
  { SELECT ?statement ?speaker ?document ?published ?start WHERE {
      ?statement nkg:about $node ; a nkg:Statement ; nkg:speaker ?speaker ;
                 prov:wasDerivedFrom ?document .
      FILTER(?speaker != $node)
      OPTIONAL { ?statement nkg:charStart ?start }
      OPTIONAL { ?document dcterms:date ?published }
    } ORDER BY DESC(?published) ?start ?statement $page }
  ?statement nkg:text ?text .
  OPTIONAL { ?speaker rdfs:label ?speakerLabel }
  OPTIONAL { ?document rdfs:label ?documentLabel }
} ORDER BY DESC(?published) ?start ?statement""",
    (Column("speaker", "speaker"), Column("text", "sentence", link="statement"), *_DOC_COLUMNS),
    "?statement nkg:about $node ; a nkg:Statement ; nkg:speaker ?speaker . "
    "FILTER(?speaker != $node)",
)

_WHEN = """OPTIONAL { ?report nkg:date ?day }
  OPTIONAL { ?report nkg:dateText ?dateText }
  BIND(COALESCE(STR(?day), ?dateText) AS ?when)"""
# What a summit's or a policy's row says besides its parties: its label, status, date, document.
_REPORT = f"""?report prov:wasDerivedFrom ?document .
  OPTIONAL {{ ?report rdfs:label ?reportLabel }}
  OPTIONAL {{ ?report nkg:status ?status }}
  {_WHEN}
  {_DOC}
}} ORDER BY DESC(?published) ?report"""

SUMMITS = Section(
    "summits",
    "Summits it took part in",
    f"""SELECT ?report ?reportLabel ?kinds ?with ?where ?whereLabel ?when ?status
       ?published ?document ?documentLabel WHERE {{
  {{ SELECT ?report (GROUP_CONCAT(DISTINCT STR(?k); separator=" ") AS ?kinds)
            (GROUP_CONCAT(DISTINCT ?otherLabel; separator=", ") AS ?with) WHERE {{
      ?report nkg:participant $node ; a ?k .
      OPTIONAL {{ ?report nkg:participant ?other . FILTER(?other != $node)
                 ?other rdfs:label ?otherLabel }}
    }} GROUP BY ?report }}
  OPTIONAL {{ ?report nkg:location ?where . OPTIONAL {{ ?where rdfs:label ?whereLabel }} }}
  {_REPORT}""",
    (
        Column("reportLabel", "summit", link="report"),
        Column("kinds", "kind", kind=True),
        Column("with", "with"),
        Column("where", "where"),
        Column("when", "when"),
        Column("status", "status"),
        *_DOC_COLUMNS,
    ),
    "?report nkg:participant $node",
)

POLICIES = Section(
    "policies",
    "Policies it took or was targeted by",
    f"""SELECT ?report ?reportLabel ?kinds ?role ?other ?otherLabel ?when ?status
       ?published ?document ?documentLabel WHERE {{
  {{ SELECT ?report ?role (SAMPLE(?o) AS ?other)
            (GROUP_CONCAT(DISTINCT STR(?k); separator=" ") AS ?kinds) WHERE {{
      {{ ?report nkg:actor $node BIND("took it" AS ?role)
        OPTIONAL {{ ?report nkg:target ?o }} }}
      UNION
      {{ ?report nkg:target $node BIND("targeted" AS ?role)
        OPTIONAL {{ ?report nkg:actor ?o }} }}
      ?report a ?k .
    }} GROUP BY ?report ?role }}
  OPTIONAL {{ ?other rdfs:label ?otherLabel }}
  {_REPORT}""",
    (
        Column("reportLabel", "policy", link="report"),
        Column("kinds", "kind", kind=True),
        Column("role", "role"),
        Column("other", "other party"),
        Column("when", "when"),
        Column("status", "status"),
        *_DOC_COLUMNS,
    ),
    "{ SELECT DISTINCT ?report ?role WHERE { { ?report nkg:actor $node BIND(1 AS ?role) } "
    "UNION { ?report nkg:target $node BIND(2 AS ?role) } } }",
)

DOCUMENTS = Section(
    "documents",
    "Documents that mention it",
    """SELECT ?document ?documentLabel ?published WHERE {
  { SELECT ?document ?published ?length WHERE {
      $node nkg:mentionedIn ?document .
      OPTIONAL { ?document dcterms:date ?published }
      OPTIONAL { ?document nkg:charLength ?length }
    } ORDER BY DESC(?published) DESC(?length) ?document $page }
  OPTIONAL { ?document rdfs:label ?documentLabel }
} ORDER BY DESC(?published) DESC(?length) ?document""",
    _DOC_COLUMNS,
    "$node nkg:mentionedIn ?document",
)

NAMES = Section(
    "names",
    "Names it goes by",
    """SELECT ?name (COUNT(DISTINCT ?g) AS ?documents) WHERE {
  GRAPH ?g { $node skos:altLabel ?name }
} GROUP BY ?name ORDER BY DESC(?documents) ?name""",
    (Column("name", "name"), Column("documents", "documents")),
)

PROPERTIES = Section(
    "properties",
    "All its properties",
    """SELECT ?property ?value ?valueLabel WHERE {
  $node ?property ?value .
  FILTER(?property NOT IN (rdf:type, nkg:articleText))
  OPTIONAL { ?value rdfs:label ?valueLabel }
} ORDER BY ?property ?value""",
    (Column("property", "property"), Column("value", "value")),
)

LINKS_IN = Section(
    "links_in",
    "What points to it",
    """SELECT ?subject ?subjectLabel ?property WHERE {
  ?subject ?property $node .
  OPTIONAL { ?subject rdfs:label ?subjectLabel }
} ORDER BY ?property ?subject""",
    (Column("subject", "subject"), Column("property", "property")),
)

REPORTS = Section(
    "reports",
    "Reports of this event",
    f"""SELECT ?report ?reportLabel ?published ?document ?documentLabel WHERE {{
  ?report nkg:canonicalSummit $node ; prov:wasDerivedFrom ?document .
  OPTIONAL {{ ?report rdfs:label ?reportLabel }}
  {_DOC}
}} ORDER BY DESC(?published) ?report""",
    (Column("reportLabel", "report", link="report"), *_DOC_COLUMNS),
)


def _extracted(cls: str, key: str, title: str) -> Section:
    return Section(
        key,
        title,
        f"""SELECT ?x ?label ?text WHERE {{
  ?x a nkg:{cls} ; prov:wasDerivedFrom $node .
  OPTIONAL {{ ?x nkg:charStart ?start }}
  OPTIONAL {{ ?x rdfs:label ?label }}
  OPTIONAL {{ ?x nkg:text ?text }}
}} ORDER BY ?start ?x""",
        (Column("label", cls.lower(), link="x"),),
    )


DOC_STATEMENTS = _extracted("Statement", "statements", "Statements in it")
DOC_SUMMITS = _extracted("Summit", "summits", "Summits it reports")
DOC_POLICIES = _extracted("Policy", "policies", "Policies it reports")
DOC_ACTORS = Section(
    "actors",
    "Actors and topics it mentions",
    """SELECT ?x ?xLabel WHERE {
  ?x nkg:mentionedIn $node .
  OPTIONAL { ?x rdfs:label ?xLabel }
} ORDER BY ?xLabel""",
    (Column("x", "name"),),
)

# An actor's or topic's raw triples run to thousands (a mention, a confidence per article):
# their pages link them as Turtle and JSON-LD instead of listing them.
ACTOR_SECTIONS = (SAID, SAID_ABOUT, SUMMITS, POLICIES, DOCUMENTS, NAMES)
TOPIC_SECTIONS = (SAID_ABOUT, DOCUMENTS, NAMES)
DOCUMENT_SECTIONS = (DOC_STATEMENTS, DOC_SUMMITS, DOC_POLICIES, DOC_ACTORS)
EXTRACTED_SECTIONS = (PROPERTIES, LINKS_IN)
CANONICAL_SECTIONS = (REPORTS, PROPERTIES, LINKS_IN)
