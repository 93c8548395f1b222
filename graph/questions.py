"""Questions -> SPARQL over the newskg vocabulary, run against the store.

A :class:`~extract.question_records.Question` names things; here those names become graph
resources (:func:`resolve`: by the Wikidata QIDs the extractors' linking gave them through
``owl:sameAs``, else by ``rdfs:label``, ``skos:altLabel`` or ``nkg:role``), and each intent
becomes one SPARQL query from a template (the ``_q_*`` builders below; the README shows three).
The query is what the researcher sees and can reuse: it names the resources it found in
``VALUES`` blocks with their labels in comments, and a name the graph does not hold is kept as a
label filter, so the query still says what was asked.

Templates, with ``X``/``Y`` the resolved resources and ``D`` the optional date range (the
statement's own date, else its article's ``dcterms:date``):

* statements: ``?s a nkg:Statement ; nkg:speaker X ; nkg:about Y`` (Y also matches a policy of
  the kind Y's words name: "the sanctions" -> any ``nkg:Sanction`` the statement is about), D;
* who_said: the same with any speaker; statement_counts: grouped by speaker resource, counted;
* reported_by: statements by X with ``nkg:reportedBy ?relay``;
* meetings: ``?m a nkg:Summit ; nkg:participant X, Y`` (no names: summits with two parties);
* planned_summits: summits with ``nkg:status "planned"`` (and the participants given);
* policies: ``?p a nkg:Policy`` with ``nkg:actor X``, ``nkg:target|nkg:commodity Y``, a kind
  and statuses;
* agreements: statements by X about Y that report an agreement, and policies X (or its
  ``nkg:country``) agreed or pledged towards Y.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from extract.question_records import Intent, NameRef, Pattern, Question
from graph.name_resolution import Match, Resolved, resolve
from graph.question_sparql import NAME_KEY as _NAME_KEY
from graph.question_sparql import Queryable, name_key
from graph.question_sparql import lit as _lit
from graph.question_sparql import rows as _rows
from graph.question_sparql import with_prefixes as _with_prefixes

MAX_RESULTS = 1000
"""Rows an answer keeps; a longer result says it was cut."""

_STATUS_OF_AGREEMENT = ("agreed", "pledged")


@dataclass(frozen=True, slots=True)
class Answer:
    """What ``newskg ask`` and ``GET /ask`` return.

    ``status``: ``answered`` (the query ran; ``results`` may be empty), ``ambiguous`` (a name
    means several resources: ``candidates`` lists them, nothing ran) or ``unsupported`` (no
    pattern fits: ``nearest`` patterns and an example query, nothing ran).
    """

    question: str
    status: str
    sparql: str
    results: tuple[dict[str, Any], ...] = ()
    understood: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    candidates: dict[str, tuple[Match, ...]] = field(default_factory=dict)
    nearest: tuple[Pattern, ...] = ()
    truncated: bool = False

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "status": self.status,
            "sparql": self.sparql,
            "results": list(self.results),
            "understood": self.understood,
        }
        if self.message:
            out["message"] = self.message
        if self.candidates:
            out["candidates"] = {
                text: [{"iri": m.iri, "label": m.label, "how": m.how} for m in ms]
                for text, ms in self.candidates.items()
            }
        if self.nearest:
            out["nearest"] = [{"intent": str(p.intent), "example": p.example} for p in self.nearest]
        if self.truncated:
            out["truncated"] = True
        return out


# -- answering --------------------------------------------------------------------------------


def answer(store: Queryable, question: Question) -> Answer:
    """Resolve the names, build the query, run it (unless the question cannot be answered)."""
    resolved = [resolve(store, n) for n in question.names]
    understood = _understood(question, resolved)
    if question.intent is None:
        return Answer(
            question.text,
            "unsupported",
            example_query(question, resolved),
            understood=understood,
            nearest=question.nearest,
            message="This question does not fit a supported pattern. The nearest "
            "ones are listed; the query is an example to start from.",
        )
    sparql = build_query(question, resolved)
    ambiguous = {r.name.text: r.matches for r in resolved if r.ambiguous}
    if ambiguous:
        names = ", ".join(repr(t) for t in ambiguous)
        return Answer(
            question.text,
            "ambiguous",
            sparql,
            understood=understood,
            candidates=ambiguous,
            message=f"{names} names several resources in the graph; say which one "
            f"(for example by the full name), or edit the query.",
        )
    rows = _rows(store, sparql, MAX_RESULTS + 1)
    missing = [r.name.text for r in resolved if not r.matches]
    message = ""
    if missing:
        message = (
            f"The graph holds nothing called {', '.join(repr(m) for m in missing)}; "
            f"the query looks for it by label."
        )
    return Answer(
        question.text,
        "answered",
        sparql,
        tuple(rows[:MAX_RESULTS]),
        understood,
        message,
        truncated=len(rows) > MAX_RESULTS,
    )


def _understood(question: Question, resolved: Sequence[Resolved]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "intent": str(question.intent) if question.intent else None,
        "pattern": question.pattern.example if question.pattern else None,
        "rule": question.pattern.pattern if question.pattern else None,
        "names": [
            {
                "role": r.name.role,
                "text": r.name.text,
                **({"not_used": r.name.ignored} if r.name.ignored else {}),
                **({"policy_kinds": list(r.name.policy_kinds)} if r.name.policy_kinds else {}),
                "matches": [{"iri": m.iri, "label": m.label, "how": m.how} for m in r.matches],
            }
            for r in resolved
        ],
    }
    if question.statuses:
        out["statuses"] = list(question.statuses)
    if question.policy_kinds:
        out["policy_kinds"] = list(question.policy_kinds)
    if question.dates is not None:
        d = question.dates
        out["dates"] = {
            "text": d.text,
            "from": d.earliest.isoformat() if d.earliest else None,
            "to": d.latest.isoformat() if d.latest else None,
        }
    if question.notes:
        out["notes"] = list(question.notes)
    return out


# -- building queries -------------------------------------------------------------------------


def _bind(var: str, resolved: Sequence[Resolved], indent: str = "  ") -> str:
    """``VALUES ?var { ... }`` for the resources found, or a label filter for names not found."""
    iris: dict[str, str] = {}
    unresolved: list[str] = []
    for r in resolved:
        if r.matches:
            for m in r.matches:
                iris.setdefault(m.iri, m.label)
        else:
            unresolved += [name_key(f) for f in r.name.forms]
    parts = []
    if iris:
        if len(iris) == 1:
            iri, label = next(iter(iris.items()))
            parts.append(f"{indent}VALUES ?{var} {{ <{iri}> }}  # {label}")
        else:
            rows = "\n".join(f"{indent}  <{i}>  # {label}" for i, label in iris.items())
            parts.append(f"{indent}VALUES ?{var} {{\n{rows}\n{indent}}}")
    if unresolved:
        keys = ", ".join(_lit(k) for k in dict.fromkeys(unresolved))
        block = (
            f"?{var} rdfs:label|skos:altLabel ?{var}Name .\n{indent}"
            f"FILTER({_NAME_KEY.format(v='?' + var + 'Name')} IN ({keys}))"
        )
        if iris:
            parts = [f"{indent}{{\n{parts[0]}\n{indent}}} UNION {{ {block} }}"]
        else:
            parts.append(f"{indent}{block}")
    return "\n".join(parts)


def _date_filter(question: Question, var: str = "?date") -> str:
    d = question.dates
    if d is None:
        return ""
    tests = []
    if d.earliest:
        tests.append(f'{var} >= "{d.earliest.isoformat()}"^^xsd:date')
    if d.latest:
        tests.append(f'{var} <= "{d.latest.isoformat()}"^^xsd:date')
    return f"  FILTER({' && '.join(tests)})  # {d.text}\n" if tests else ""


def _dated(item: str) -> str:
    """``?date``: the item's own date where known, else its article's publication date."""
    return (
        f"  OPTIONAL {{ {item} nkg:date ?itemDate }}\n"
        f"  OPTIONAL {{ ?document dcterms:date ?published }}\n"
        f"  BIND(COALESCE(?itemDate, ?published) AS ?date)\n"
    )


def _by_role(resolved: Sequence[Resolved], role: str) -> list[Resolved]:
    return [r for r in resolved if r.name.role == role]


def _about_or_own_meeting(indent: str) -> str:
    """About Y, or about a meeting of Y alone: "the cartel will keep output unchanged when it
    meets" is about OPEC though the article's words name OPEC's meeting (a meeting Y holds
    with others is not about Y)."""
    alone = "FILTER NOT EXISTS { ?meeting nkg:participant ?other FILTER(?other != ?topic) }"
    return (
        f"{indent}{{ ?statement nkg:about ?topic }} UNION {{\n"
        f"{indent}  ?statement nkg:about ?meeting . ?meeting nkg:participant ?topic .\n"
        f"{indent}  {alone}\n"
        f"{indent}}}"
    )


def _about(topics: Sequence[Resolved]) -> str:
    """Statements about Y: about one of its resources, or about a policy of the kind Y names."""
    kinds = sorted({k for r in topics for k in r.name.policy_kinds})
    plain = f"{_bind('topic', topics, '    ')}\n{_about_or_own_meeting('    ')}"
    if not kinds:
        return f"{_bind('topic', topics)}\n{_about_or_own_meeting('  ')}\n"
    alts = " UNION ".join(f"{{ ?policy a nkg:{k} }}" for k in kinds)
    return f"  {{\n{plain}\n  }} UNION {{\n    ?statement nkg:about ?policy .\n    {alts}\n  }}\n"


def _statement_core(
    question: Question, speakers: Sequence[Resolved], topics: Sequence[Resolved]
) -> str:
    body = ""
    if speakers:
        body += _bind("who", speakers) + "\n"
    body += (
        "  ?statement a nkg:Statement ; nkg:speaker ?who ; nkg:text ?text ;\n"
        "             prov:wasDerivedFrom ?document .\n"
        "  ?who rdfs:label ?speaker .\n"
    )
    if topics:
        body += _about(topics)
    return body + _dated("?statement") + _date_filter(question)


def _q_statements(question: Question, resolved: Sequence[Resolved]) -> str:
    speakers = _by_role(resolved, "speaker")
    topics = _by_role(resolved, "topic")
    return _with_prefixes(
        "SELECT DISTINCT ?speaker ?text ?date ?document ?statement WHERE {\n"
        + _statement_core(question, speakers, topics)
        + "}\nORDER BY ?date ?speaker ?statement"
    )


def _q_statement_counts(question: Question, resolved: Sequence[Resolved]) -> str:
    return _with_prefixes(
        # ?who too: two speakers of one label (an anonymous source in each of two articles)
        # are two rows, which only the resource tells apart.
        "SELECT ?who ?speaker (COUNT(DISTINCT ?statement) AS ?statements) WHERE {\n"
        + _statement_core(question, [], _by_role(resolved, "topic"))
        + "}\nGROUP BY ?who ?speaker\nORDER BY DESC(?statements) ?speaker"
    )


def _q_reported_by(question: Question, resolved: Sequence[Resolved]) -> str:
    core = _statement_core(question, _by_role(resolved, "speaker"), [])
    return _with_prefixes(
        "SELECT DISTINCT ?reporter ?speaker ?text ?date ?document ?statement WHERE {\n"
        + core
        + "  ?statement nkg:reportedBy ?relay .\n  ?relay rdfs:label ?reporter .\n"
        "}\nORDER BY ?date ?reporter ?statement"
    )


def _participants(parties: Sequence[Resolved]) -> str:
    body = ""
    for i, party in enumerate(parties, 1):
        body += _bind(f"party{i}", [party]) + f"\n  ?summit nkg:participant ?party{i} .\n"
    return body


def _q_summits(question: Question, resolved: Sequence[Resolved], *, planned: bool) -> str:
    parties = _by_role(resolved, "participant")
    body = _participants(parties)
    body += (
        "  ?summit a nkg:Summit ; rdfs:label ?text ; prov:wasDerivedFrom ?document ;\n"
        "          nkg:participant ?party .\n  ?party rdfs:label ?name .\n"
    )
    if planned:
        body += '  ?summit nkg:status "planned" .\n'
    body += "  OPTIONAL { ?summit nkg:status ?status }\n" + _dated("?summit")
    body += _date_filter(question)
    having = "" if parties or planned else "\nHAVING (COUNT(DISTINCT ?party) > 1)"
    return _with_prefixes(
        'SELECT ?summit ?text (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?participants)'
        " ?status ?date ?document WHERE {\n"
        + body
        + "}\nGROUP BY ?summit ?text ?status ?date ?document"
        + having
        + "\nORDER BY ?date ?summit"
    )


def _q_policies(question: Question, resolved: Sequence[Resolved]) -> str:
    actors = _by_role(resolved, "actor")
    targets = _by_role(resolved, "target")
    body = "  ?policy a nkg:Policy ; rdfs:label ?text ; prov:wasDerivedFrom ?document .\n"
    kinds = sorted(set(question.policy_kinds) | {k for r in targets for k in r.name.policy_kinds})
    if kinds:
        body += "  " + " UNION ".join(f"{{ ?policy a nkg:{k} }}" for k in kinds) + "\n"
    if actors:
        body += _bind("by", actors) + "\n  ?policy nkg:actor ?by .\n"
    named_targets = [r for r in targets if r.matches or not r.name.policy_kinds]
    if named_targets:
        body += (
            _bind("concerned", named_targets)
            + "\n  ?policy nkg:target|nkg:commodity ?concerned .\n"
        )
    body += (
        "  OPTIONAL { ?policy nkg:actor/rdfs:label ?actor }\n"
        "  OPTIONAL { ?policy nkg:target/rdfs:label ?target }\n"
        "  OPTIONAL { ?policy nkg:commodity/rdfs:label ?commodity }\n"
        "  OPTIONAL { ?policy nkg:status ?status }\n"
    )
    if question.statuses:
        body += f"  FILTER(?status IN ({', '.join(_lit(s) for s in question.statuses)}))\n"
    body += _dated("?policy") + _date_filter(question)
    return _with_prefixes(
        "SELECT DISTINCT ?text ?actor ?target ?commodity ?status ?date ?document ?policy WHERE {\n"
        + body
        + "}\nORDER BY ?date ?policy"
    )


def _q_agreements(question: Question, resolved: Sequence[Resolved]) -> str:
    parties = _by_role(resolved, "participant")
    statuses = ", ".join(_lit(s) for s in _STATUS_OF_AGREEMENT)
    body = _bind("party", parties) + "\n"
    if len(parties) > 1:
        body += _bind("other", parties) + "\n  FILTER(?other != ?party)\n"
    about_other = "  ?item nkg:about ?other .\n" if len(parties) > 1 else ""
    toward_other = (
        "    ?other nkg:country? ?otherSide .\n    ?item nkg:target ?otherSide .\n"
        if len(parties) > 1
        else ""
    )
    body += (
        "  {\n    # what one of them said about an agreement with the other\n"
        "    ?item a nkg:Statement ; nkg:speaker ?party ; nkg:text ?text .\n"
        + about_other.replace("  ?", "    ?")
        + '    FILTER(REGEX(?text, "\\\\bagree", "i"))\n'
        '    BIND("statement" AS ?what)\n'
        "  } UNION {\n    # measures one of them (or its country) agreed or pledged\n"
        "    ?party nkg:country? ?side .\n"
        "    ?item a nkg:Policy ; nkg:actor ?side ; nkg:status ?status ; rdfs:label ?text .\n"
        f"    FILTER(?status IN ({statuses}))\n"
        + toward_other
        + '    BIND("policy" AS ?what)\n  }\n'
        "  ?item prov:wasDerivedFrom ?document .\n  ?party rdfs:label ?speaker .\n"
    )
    body += _dated("?item") + _date_filter(question)
    return _with_prefixes(
        "SELECT DISTINCT ?what ?speaker ?text ?date ?document ?item WHERE {\n"
        + body
        + "}\nORDER BY ?date ?item"
    )


def build_query(question: Question, resolved: Sequence[Resolved]) -> str:
    """The SPARQL of the question's intent, filled in with the resolved names."""
    intent = question.intent
    if intent in (Intent.STATEMENTS, Intent.WHO_SAID):
        return _q_statements(question, resolved)
    if intent is Intent.STATEMENT_COUNTS:
        return _q_statement_counts(question, resolved)
    if intent is Intent.REPORTED_BY:
        return _q_reported_by(question, resolved)
    if intent is Intent.MEETINGS:
        return _q_summits(question, resolved, planned=False)
    if intent is Intent.PLANNED_SUMMITS:
        return _q_summits(question, resolved, planned=True)
    if intent is Intent.POLICIES:
        return _q_policies(question, resolved)
    if intent is Intent.AGREEMENTS:
        return _q_agreements(question, resolved)
    raise ValueError(f"no query template for intent {intent!r}")


def example_query(question: Question, resolved: Sequence[Resolved]) -> str:
    """For an unsupported question: the nearest pattern's query, with the names it mentions
    as topics where that pattern takes a topic (else the pattern's query with no names)."""
    nearest = question.nearest[0].intent if question.nearest else Intent.WHO_SAID
    mentioned = [
        Resolved(
            NameRef("topic", r.name.text, r.name.forms, r.name.qids, r.name.policy_kinds), r.matches
        )
        for r in resolved
    ]
    takes_topic = nearest in (Intent.STATEMENTS, Intent.WHO_SAID, Intent.STATEMENT_COUNTS)
    stand_in = Question(question.text, nearest, dates=question.dates)
    return build_query(stand_in, mentioned[:1] if takes_topic else [])
