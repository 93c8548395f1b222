"""Questions (as records) -> resources and SPARQL, run on the seed graph and the dev graph.

The questions are built by hand here, so these tests measure the graph layer alone: name
resolution and every template, on the seed article and on the graph of the dev articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from dev_graph import dev_available, dev_store
from tests_support import NEEDS_DEV, XI_TAIWAN_SENTENCE

from extract.question_records import DateRange, Intent, NameRef, Pattern, Question
from graph.questions import Answer, Resolved, answer, build_query, example_query, name_key, resolve

pytestmark = pytest.mark.model

needs_dev = pytest.mark.skipif(not dev_available(), reason=NEEDS_DEV)


def name(
    role: str,
    *forms: str,
    qids: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    person: bool = False,
) -> NameRef:
    return NameRef(
        role=role, text=forms[0], forms=forms, qids=qids, policy_kinds=kinds, person=person
    )


def ask(store, intent: Intent, *names: NameRef, **filters) -> Answer:
    q = Question(text="(test)", intent=intent, names=names, **filters)
    return answer(store, q)


def texts(result) -> list[str]:
    return [r["text"] for r in result.results]


@pytest.fixture(scope="module")
def dev(nlp, gazetteer):
    if not dev_available():
        pytest.skip(NEEDS_DEV)
    return dev_store(nlp, gazetteer)


XI = name("speaker", "Xi", qids=("Q15031",), person=True)
TAIWAN = name("topic", "Taiwan", qids=("Q865",))


# -- resolving names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ref, label, how",
    [
        (name("speaker", "Xi", qids=("Q15031",)), "Xi Jinping", "Wikidata"),
        (name("speaker", "xi jinping"), "Xi Jinping", "label"),
        (name("speaker", "Xi"), "Xi Jinping", "alias"),  # a surface form of the article
        (name("speaker", "Chinese president", person=True), "Xi Jinping", "role"),
        (name("speaker", "Bessent", person=True), "Scott Bessent", "surname"),  # full name only
        (name("topic", "the  united states of america"), "United States of America", "label"),
    ],
)
def test_names_resolve_by_qid_label_alias_or_role(seed_store, ref, label, how) -> None:
    resolved = resolve(seed_store, ref)
    assert [(m.label, m.how) for m in resolved.matches][:1] == [(label, how)]
    assert not resolved.ambiguous


def test_a_name_the_graph_does_not_hold_resolves_to_nothing(seed_store) -> None:
    assert resolve(seed_store, name("speaker", "Vladimir Putin", person=True)).matches == ()


@needs_dev
def test_a_lone_surname_finds_the_full_name(dev) -> None:
    matches = resolve(dev, name("speaker", "Machimura", person=True)).matches
    assert [(m.label, m.how) for m in matches] == [("Nobutaka Machimura", "surname")]


@needs_dev
def test_a_full_name_also_finds_the_title_and_surname_form(dev) -> None:
    resolved = resolve(dev, name("topic", "George W Bush", person=True))
    # The full name is linked (Q207), so it carries the knowledge base's label.
    assert {m.label for m in resolved.matches} == {"George W. Bush", "Mr Bush"}
    assert not resolved.ambiguous  # one person, found two ways


@needs_dev
def test_a_surname_shared_by_two_resources_is_ambiguous(dev) -> None:
    result = ask(dev, Intent.STATEMENTS, name("speaker", "Bush", person=True))
    assert result.status == "ambiguous" and result.results == ()
    assert {m.label for m in result.candidates["Bush"]} == {"George W. Bush", "Mr Bush"}


def test_name_keys_fold_case_dots_quotes_and_articles() -> None:
    assert name_key("The U.S.") == name_key("us")
    assert name_key("China\u2019s  foreign ministry") == "china's foreign ministry"


# -- the templates on the seed graph ----------------------------------------------------------


def test_statements_by_x_about_y_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.STATEMENTS, XI, TAIWAN)
    assert result.status == "answered"
    assert texts(result) == [XI_TAIWAN_SENTENCE]
    row = result.results[0]
    assert row["speaker"] == "Xi Jinping"
    assert row["document"] == "https://w3id.org/newskg/id/doc/trump-xi-call"
    assert "<https://w3id.org/newskg/id/entity/Q15031> }  # Xi Jinping" in result.sparql


def test_who_said_what_about_y_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.WHO_SAID, TAIWAN)
    assert {r["speaker"] for r in result.results} == {"Xi Jinping", "United States of America"}


def test_statement_counts_per_speaker_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.STATEMENT_COUNTS, name("topic", "China", qids=("Q148",)))
    counts = {r["speaker"]: int(r["statements"]) for r in result.results}
    # Xi's three: "stressed ..., noting that ..." is two statements (each cue of a sentence its
    # own, a participial cue included), and "reiterated China's long-held position".
    assert counts["Donald Trump"] == 3 and counts["Xi Jinping"] == 3
    assert list(counts.values()) == sorted(counts.values(), reverse=True)


def test_who_reported_what_x_said_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.REPORTED_BY, XI)
    # Xinhua reports both of Xi's statements in "Xinhua said Xi stressed ..., noting that ...".
    assert [r["reporter"] for r in result.results] == ["Xinhua news agency"] * 2
    assert len({r["statement"] for r in result.results}) == 2


def test_meetings_of_x_and_y_on_the_seed(seed_store) -> None:
    result = ask(
        seed_store,
        Intent.MEETINGS,
        name("participant", "Trump", qids=("Q22686",)),
        name("participant", "Xi", qids=("Q15031",)),
    )
    labels = texts(result)
    assert "phone call between Donald Trump and Xi Jinping" in labels
    assert "meeting between Donald Trump and Xi Jinping in South Korea" in labels
    assert all(
        set(r["participants"].split(", ")) >= {"Donald Trump", "Xi Jinping"} for r in result.results
    )


def test_who_met_whom_needs_two_parties(seed_store) -> None:
    result = ask(seed_store, Intent.MEETINGS)
    assert result.results and all(len(r["participants"].split(", ")) > 1 for r in result.results)


def test_planned_summits_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.PLANNED_SUMMITS)
    assert {r["status"] for r in result.results} == {"planned"}
    assert any("state visit" in t for t in texts(result))


def test_policies_concerning_a_commodity_on_the_seed(seed_store) -> None:
    result = ask(
        seed_store, Intent.POLICIES, name("target", "soybeans", "soybean", qids=("Q11006",))
    )
    assert result.results and all(r["commodity"] == "soybean" for r in result.results)


def test_policies_an_actor_imposed_or_pledged_on_the_seed(seed_store) -> None:
    result = ask(
        seed_store,
        Intent.POLICIES,
        name("actor", "China", qids=("Q148",)),
        statuses=("imposed", "pledged"),
    )
    assert [r["status"] for r in result.results] == ["pledged"]
    assert result.results[0]["actor"] == "People's Republic of China"


def test_policies_of_a_kind_on_the_seed(seed_store) -> None:
    result = ask(seed_store, Intent.POLICIES, policy_kinds=("ExportRestriction",))
    assert texts(result) == [
        "export restriction (rare earth element) by People's Republic of "
        "China on United States of America"
    ]


def test_what_x_and_y_agreed_on_the_seed(seed_store) -> None:
    result = ask(
        seed_store,
        Intent.AGREEMENTS,
        name("participant", "Trump", qids=("Q22686",)),
        name("participant", "Xi", qids=("Q15031",)),
    )
    kinds = {r["what"] for r in result.results}
    assert kinds == {"statement", "policy"}
    assert any("more or less agreed" in t for t in texts(result))
    assert any(t.startswith("purchase commitment (soybean)") for t in texts(result))


def test_a_name_not_in_the_graph_is_searched_by_label_and_said(seed_store) -> None:
    result = ask(seed_store, Intent.STATEMENTS, name("speaker", "Vladimir Putin", person=True))
    assert result.status == "answered" and result.results == ()
    assert '"vladimir putin"' in result.sparql and "Vladimir Putin" in result.message


def test_an_unsupported_question_gets_a_runnable_example_query(seed_store) -> None:
    nearest = (
        Pattern(Intent.WHO_SAID, "who said what about Taiwan", "who said what about Taiwan"),
    )
    q = Question(
        text="tell me everything about Taiwan",
        intent=None,
        names=(name("mentioned", "Taiwan", qids=("Q865",)),),
        nearest=nearest,
    )
    result = answer(seed_store, q)
    assert result.status == "unsupported" and result.results == ()
    assert result.nearest == nearest
    rows = list(seed_store.query(result.sparql))  # the example runs as it is
    assert any(r["text"].value == XI_TAIWAN_SENTENCE for r in rows)


def test_every_template_builds_sparql_the_store_accepts(seed_store) -> None:
    resolved = [Resolved(XI, ()), Resolved(TAIWAN, ())]
    for intent in Intent:
        q = Question("(test)", intent, dates=DateRange("in 2025", dt.date(2025, 1, 1), None))
        list(seed_store.query(build_query(q, resolved)))
        list(seed_store.query(example_query(Question("(test)", None), resolved)))


# -- the templates on the dev graph -----------------------------------------------------------


@needs_dev
def test_statements_about_a_policy_kind_on_the_dev_graph(dev) -> None:
    straw = name("speaker", "Straw", person=True)
    result = ask(dev, Intent.STATEMENTS, straw, name("topic", "arms embargo", kinds=("Embargo",)))
    # "the embargo" in a sentence about the arms embargo: found through the Embargo policy.
    assert any("expected the embargo to be lifted" in t for t in texts(result))


@needs_dev
def test_a_date_range_keeps_the_statements_of_those_days(dev) -> None:
    april = DateRange("in April 1987", dt.date(1987, 4, 1), dt.date(1987, 4, 30))
    result = ask(dev, Intent.WHO_SAID, name("topic", "United States", qids=("Q30",)), dates=april)
    assert result.results and all(r["date"].startswith("1987-04") for r in result.results)
    assert 'FILTER(?date >= "1987-04-01"^^xsd:date' in result.sparql


def _statements_turtle(*statements: tuple[str, str, str | None]) -> str:
    """Turtle for (statement, speaker, speaker label or None) about one topic, GATT."""
    lines = [
        "@prefix nkg: <https://w3id.org/newskg/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        '<urn:gatt> a nkg:Organization ; rdfs:label "GATT" .',
    ]
    for i, (s, who, label) in enumerate(statements):
        lines.append(
            f'<urn:{s}> a nkg:Statement ; nkg:speaker <urn:{who}> ; nkg:text "said {i}" ; '
            f"nkg:about <urn:gatt> ; prov:wasDerivedFrom <urn:doc-{s[0]}> ."
        )
        if label is not None:
            lines.append(f'<urn:{who}> a nkg:Actor ; rdfs:label "{label}" .')
    return "\n".join(lines)


def test_counts_keep_apart_two_speakers_of_one_label_and_add_up_to_who_said() -> None:
    import io

    from pyoxigraph import RdfFormat

    from graph.store import KnowledgeStore

    store = KnowledgeStore()
    turtle = _statements_turtle(
        ("a1", "anon-a", "anonymous source"),  # article a's diplomat, twice
        ("a2", "anon-a", "anonymous source"),
        ("b1", "anon-b", "anonymous source"),  # another article's diplomat
        ("b2", "minister", "Trade Minister"),
    )
    store.oxigraph.load(io.BytesIO(turtle.encode()), format=RdfFormat.TURTLE)
    gatt = name("topic", "GATT")
    counts = ask(store, Intent.STATEMENT_COUNTS, gatt)
    rows = {(r["who"], r["speaker"], int(r["statements"])) for r in counts.results}
    assert rows == {
        ("urn:anon-a", "anonymous source", 2),
        ("urn:anon-b", "anonymous source", 1),
        ("urn:minister", "Trade Minister", 1),
    }
    said = ask(store, Intent.WHO_SAID, gatt)
    assert sum(n for *_, n in rows) == len({r["statement"] for r in said.results}) == 4


@needs_dev
def test_who_said_and_counts_on_the_dev_graph(dev) -> None:
    gatt = name("topic", "GATT")
    said = ask(dev, Intent.WHO_SAID, gatt)
    counts = ask(dev, Intent.STATEMENT_COUNTS, gatt)
    # Keyed by resource: the anonymous sources of two articles share the label.
    per_speaker = {(r["who"], r["speaker"]): int(r["statements"]) for r in counts.results}
    shultz = [n for (_, label), n in per_speaker.items() if label == "George Shultz"]
    assert shultz == [3]
    assert sum(per_speaker.values()) == len({r["statement"] for r in said.results})
    by_label: Counter[str] = Counter()
    for (_, label), n in per_speaker.items():
        by_label[label] += n
    listed = Counter(
        r["speaker"] for r in {(r["statement"], r["speaker"]): r for r in said.results}.values()
    )
    assert by_label == listed  # every speaker counted as often as who_said lists it


@needs_dev
def test_reported_meetings_planned_summits_policies_and_agreements_on_the_dev_graph(dev) -> None:
    abe = ask(dev, Intent.REPORTED_BY, name("speaker", "Shintaro Abe", person=True))
    assert [r["reporter"] for r in abe.results] == ["Yasuhiro Nakasone"]
    met = ask(dev, Intent.MEETINGS, name("participant", "Mulroney", person=True))
    assert met.results and all("Brian Mulroney" in r["participants"] for r in met.results)
    planned = ask(dev, Intent.PLANNED_SUMMITS, name("participant", "Nakasone", person=True))
    assert planned.results and {r["status"] for r in planned.results} == {"planned"}
    assert all("United States of America" in r["participants"] for r in planned.results)
    korea = name("actor", "South Korea", qids=("Q884",))
    bought = ask(dev, Intent.POLICIES, korea, policy_kinds=("PurchaseCommitment",))
    assert len(bought.results) >= 4 and {r["target"] for r in bought.results} == {
        "United States of America"
    }
    agreed = ask(dev, Intent.AGREEMENTS, name("participant", "South Korea", qids=("Q884",)))
    assert any(r["what"] == "policy" and "wheat" in r["text"] for r in agreed.results)


@pytest.mark.parametrize("odd", ['Xi" } DROP ALL #', "back\\slash", "line\nbreak", "’quoted’"])
def test_names_with_quotes_or_backslashes_stay_literals(seed_store, odd) -> None:
    result = ask(seed_store, Intent.STATEMENTS, name("speaker", odd, person=True), TAIWAN)
    assert result.status == "answered" and result.results == ()
    assert len(seed_store) > 0  # nothing was dropped


E = "https://w3id.org/newskg/id/entity/"


@pytest.mark.parametrize(
    "matches, ambiguous",
    [
        ([(E + "Q148", "Wikidata", "Q148")], False),
        # an unlinked "China" beside the linked one: the same thing recorded twice
        ([(E + "Q148", "Wikidata", "Q148"), (E + "place/china", "label", None)], False),
        # two items of the same name, one of them not the one the question's words link to
        ([(E + "Q148", "Wikidata", "Q148"), (E + "Q865", "alias", "Q865")], True),
        # found by name only, two different resources
        ([(E + "person/a-bush", "alias", None), (E + "person/b-bush", "surname", None)], True),
        # a title-and-surname form or initials only add forms of the same thing
        (
            [
                (E + "person/g-bush", "label", None),
                (E + "person/p-bush", "title and surname", None),
            ],
            False,
        ),
    ],
)
def test_ambiguity_means_rival_resources_not_more_records_of_one(matches, ambiguous) -> None:
    from graph.questions import Match

    ref = name("speaker", "China", qids=("Q148",))
    resolved = Resolved(ref, tuple(Match(iri, iri, how, qid) for iri, how, qid in matches))
    assert resolved.ambiguous is ambiguous
