"""Tests of ``newskg eval`` (newskg/evaluate.py): the pure matching and counting rules on
hand-made inputs, the SPARQL queries on a hand-written graph, and one run of the whole
pipeline on the tiny gold folder tests/data/eval_mini (needs the spaCy model)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from graph.store import KnowledgeStore
from newskg import evaluate as ev

MINI = Path(__file__).resolve().parents[1] / "data" / "eval_mini"

ENTITIES = [
    {
        "label": "Donald Trump",
        "type": "Person",
        "mentions": ["Donald Trump", "Trump"],
        "qid": "Q22686",
    },
    {
        "label": "People's Republic of China",
        "type": "Country",
        "mentions": ["China", "Beijing"],
        "qid": "Q148",
    },
    {"label": "Mao Ning", "type": "Person", "mentions": ["Mao Ning", "Mao"]},
]


def entity(
    label: str, *alts: str, qid: str | None = None, types: tuple[str, ...] = ()
) -> ev.Entity:
    return ev.Entity(
        iri=f"urn:x:{label}",
        labels=(label,),
        alt_labels=alts,
        qids=frozenset({qid} if qid else ()),
        types=frozenset(types),
    )


# -- normalising and locating evidence ----------------------------------------------------------


def test_evidence_normalisation_curly_quotes_and_spaces() -> None:
    sentence = "“I think we will be  pleasantly surprised,”\n Trump said. “I’d like more.”"
    assert ev.contains(sentence, '"I think we will be pleasantly surprised," Trump said.')
    assert ev.contains(sentence, "“I’d like more.”")
    assert ev.contains(sentence, '"I\'d like more."')
    assert not ev.contains(sentence, "Trump wrote")
    assert not ev.contains(sentence, "   ")  # empty evidence matches nothing


def test_locate_maps_back_to_original_offsets() -> None:
    text = "Title\n\nHe  said “very\n good” today."
    start, end = ev.locate(text, '"very good" today')
    assert text[start:end] == "“very\n good” today"
    assert ev.locate(text, "not there") is None


def test_overlap_includes_containment_and_excludes_touching() -> None:
    assert ev.overlaps((0, 100), (10, 20))
    assert ev.overlaps((10, 20), (0, 100))
    assert ev.overlaps((0, 15), (10, 20))
    assert not ev.overlaps((0, 10), (10, 20))


def test_name_key_plural_insensitive_only_when_asked() -> None:
    assert ev.name_key("Soybeans", plural=True) == ev.name_key("soybean", plural=True)
    assert ev.name_key("Soybeans") != ev.name_key("soybean")


# -- resolving gold names and matching entities -------------------------------------------------


def test_resolve_by_label_and_by_mention() -> None:
    by_label = ev.resolve("Donald Trump", ENTITIES)
    assert by_label.qid == "Q22686" and "Trump" in by_label.forms
    by_mention = ev.resolve("China", ENTITIES)
    assert by_mention.qid == "Q148" and "Beijing" in by_mention.forms
    unknown = ev.resolve("soybean", ENTITIES)
    assert unknown.qid is None and unknown.forms == {"soybean"}


def test_ref_matches_qid_label_mention_anonymous() -> None:
    trump = ev.resolve("Donald Trump", ENTITIES)
    assert ev.ref_matches(trump, entity("D. Trump", qid="Q22686"))  # QID
    assert ev.ref_matches(trump, entity("Trump"))  # a gold mention as label
    assert ev.ref_matches(trump, entity("Someone", "  trump "))  # altLabel, normalised
    assert not ev.ref_matches(trump, entity("Xi Jinping", qid="Q15031"))
    soy = ev.resolve("soybean", ENTITIES)
    assert ev.ref_matches(soy, entity("soybeans"), plural=True)
    assert not ev.ref_matches(soy, entity("soybeans"))
    anon = ev.resolve("anonymous", ENTITIES)
    assert ev.ref_matches(anon, entity("an official", types=("Actor", "AnonymousSource")))
    assert not ev.ref_matches(anon, entity("Mao Ning", types=("Actor", "Person")))


# -- one-to-one matching and counting -----------------------------------------------------------


def test_one_to_one_each_side_used_once() -> None:
    # Two predictions of the same sentence, one gold statement: one match, one false positive.
    pairs = ev.match_one_to_one(2, 1, lambda p, g: True)
    assert len(pairs) == 1
    counts = ev.count_matches(pairs, 2, [True])
    assert (counts["tp"], counts["predicted"], counts["precision"], counts["recall"]) == (
        1,
        2,
        0.5,
        1.0,
    )


def test_one_to_one_prefers_the_only_option() -> None:
    # pred 0 fits gold 0 and 1, pred 1 fits only gold 0: greedy must not waste gold 0.
    ok = {(0, 0), (0, 1), (1, 0)}
    assert ev.match_one_to_one(2, 2, lambda p, g: (p, g) in ok) == [(0, 1), (1, 0)]


def test_one_to_one_tier_prefers_right_speaker() -> None:
    # Both predictions contain the evidence; the second has the right speaker.
    pairs = ev.match_one_to_one(2, 1, lambda p, g: True, tier=lambda p, g: 0 if p == 1 else 1)
    assert pairs == [(1, 0)]


def test_required_false_neither_rewarded_nor_punished() -> None:
    # gold 0 required, gold 1 not; pred 0 -> gold 0, pred 1 -> gold 1, pred 2 unmatched.
    counts = ev.count_matches([(0, 0), (1, 1)], 3, [True, False])
    assert counts["tp"] == 1
    assert counts["predicted"] == 2  # pred 1 dropped from the predictions
    assert counts["gold"] == 1  # gold 1 not counted as missed
    assert counts["excused"] == 1
    assert counts["precision"] == 0.5 and counts["recall"] == 1.0
    # An unmatched non-required gold item costs nothing either.
    assert ev.count_matches([(0, 0)], 1, [True, False])["recall"] == 1.0


def test_prf_edge_cases() -> None:
    assert ev.prf(0, 0, 0) == {
        "tp": 0,
        "predicted": 0,
        "gold": 0,
        "precision": None,
        "recall": None,
        "f1": None,
    }
    assert ev.prf(0, 3, 2)["f1"] == 0.0
    assert ev.prf(3, 3, 3)["f1"] == 1.0


def test_status_and_quantity() -> None:
    assert ev.status_correct("planned", "Planned")
    assert not ev.status_correct("planned", "held")
    assert ev.status_correct("agreed in framework, not finalized", "agreed")
    assert not ev.status_correct("agreed in framework, not finalized", "final")
    assert not ev.status_correct("held", None)
    assert ev.quantity_correct(12000000, "12000000")
    assert ev.quantity_correct(100, "100.0")
    assert not ev.quantity_correct(100, "10")
    assert not ev.quantity_correct(100, None)


def test_judge_question() -> None:
    texts = ["“Our relationship with China is extremely strong,” Trump wrote."]
    assert ev.judge_question(texts, ['"Our relationship with China'], False) == (True, [])
    assert ev.judge_question(texts, ["Taiwan"], False) == (False, ["Taiwan"])
    # must_be_empty: any returned statement is a failure, nothing returned is right.
    assert ev.judge_question(texts, [], True) == (False, [])
    assert ev.judge_question([], [], True) == (True, [])


def test_not_entities_exact_label_after_whitespace() -> None:
    out = ev.score_not_entities(
        {"not_entities": ["Mao", "Post-Summit  Momentum", "Xi"]},
        ["Mao", "Mao Ning", "Post-Summit Momentum"],
    )
    assert out["offenders"] == ["Mao", "Post-Summit  Momentum"]
    assert out["checked"] == 3


# -- statements on a hand-made graph view --------------------------------------------------------


def _statement_gold() -> dict:
    return {
        "entities": ENTITIES,
        "statements": [
            {
                "id": "s1",
                "speaker": "Donald Trump",
                "evidence": "“Our relationship with China",
                "about": ["People's Republic of China", "Taiwan"],
                "required": True,
            },
            {
                "id": "s2",
                "speaker": "Mao Ning",
                "evidence": "calling it “positive”",
                "about": [],
                "required": True,
            },
            {
                "id": "s3",
                "speaker": "People's Republic of China",
                "evidence": "both governments described",
                "about": [],
                "required": False,
            },
        ],
        "non_statements": [
            {
                "speaker": "Donald Trump",
                "about": "Taiwan",
                "evidence": "Trump did not mention Taiwan",
            }
        ],
    }


def test_score_statements_counts() -> None:
    trump = entity("Donald Trump", "Trump", qid="Q22686")
    china = entity("China", qid="Q148")
    taiwan = entity("Taiwan", qid="Q865")
    preds = [
        ev.Predicted(
            "urn:s1",
            text='"Our relationship with China is strong," Trump wrote.',
            speaker=trump,
            about=[china],
        ),
        ev.Predicted(
            "urn:s2", text='spokesperson Mao Ning calling it "positive".', speaker=china
        ),  # right evidence, wrong speaker
        ev.Predicted(
            "urn:s3", text="what both governments described as friendly", speaker=china
        ),  # matches the non-required s3: excused
        ev.Predicted(
            "urn:s4", text="Trump did not mention Taiwan in a post.", speaker=trump, about=[taiwan]
        ),  # a negation violation, and a FP
    ]
    view = ev.GraphView(entities={}, statements=preds, summits=[], policies=[], actor_labels=[])
    out = ev.score_statements(_statement_gold(), view)
    assert (out["tp"], out["predicted"], out["gold"], out["excused"]) == (1, 3, 2, 1)
    assert out["precision"] == pytest.approx(1 / 3) and out["recall"] == 0.5
    assert out["speaker"]["correct"] == 1 and out["speaker"]["total"] == 2
    assert out["speaker"]["wrong"][0]["expected"] == "Mao Ning"
    assert out["about"] == {
        "recalled": 1,
        "total": 2,
        "recall": 0.5,
        "missed": [{"gold": "s1", "about": "Taiwan"}],
    }
    assert out["negation_violations"]["count"] == 1
    assert out["missed"][0]["gold"] == "s2"
    # False positives are listed for inspection (the excused one is not among them).
    assert [u["statement"] for u in out["unmatched"]] == ["urn:s2", "urn:s4"]


# -- the SPARQL queries on a hand-written graph -------------------------------------------------

DOC = "https://w3id.org/newskg/id/doc/t1"
ENT = "https://w3id.org/newskg/id/graph/entities"
TEXT = (
    "Trump and Xi held a phone call on Monday. China pledged to buy 12 million tonnes of "
    "soybeans. Trump said China is a friend."
)

TRIG = f"""
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <https://w3id.org/newskg/id/entity/> .
<{ENT}> {{
  e:Q22686 a nkg:Person , nkg:Actor ; rdfs:label "Donald Trump" ;
    owl:sameAs <http://www.wikidata.org/entity/Q22686> .
  e:Q15031 a nkg:Person , nkg:Actor ; rdfs:label "Xi Jinping" ;
    owl:sameAs <http://www.wikidata.org/entity/Q15031> .
  e:Q61 a nkg:City , nkg:Place ; rdfs:label "Washington, D.C." ;
    owl:sameAs <http://www.wikidata.org/entity/Q61> .
  e:Q148 a nkg:Country , nkg:Actor , nkg:Place ; rdfs:label "China" ;
    owl:sameAs <http://www.wikidata.org/entity/Q148> .
  e:soy a nkg:Commodity , nkg:Topic ; rdfs:label "soybeans" .
  e:mao a nkg:Person , nkg:Actor ; rdfs:label "Mao" .
}}
<{DOC}> {{
  e:Q22686 nkg:mentionedIn <{DOC}> ; skos:altLabel "Trump" .
  e:Q15031 nkg:mentionedIn <{DOC}> ; skos:altLabel "Xi" .
  e:Q148 nkg:mentionedIn <{DOC}> .
  e:Q61 nkg:mentionedIn <{DOC}> ; skos:altLabel "Washington" .
  e:soy nkg:mentionedIn <{DOC}> .
  e:mao nkg:mentionedIn <{DOC}> .
  <{DOC}/summit/1> a nkg:PhoneCall , nkg:Summit ; nkg:participant e:Q22686 , e:Q15031 ;
    nkg:status "held" ; nkg:charStart 14 ; nkg:charEnd 40 .
  <{DOC}/summit/2> a nkg:Meeting , nkg:Summit ; nkg:participant e:Q22686 ;
    nkg:charStart 0 ; nkg:charEnd 40 .
  <{DOC}/policy/1> a nkg:PurchaseCommitment , nkg:Policy ; nkg:actor e:Q148 ;
    nkg:commodity e:soy ; nkg:quantity "12000000"^^xsd:decimal ; nkg:unit "tonnes" ;
    nkg:status "pledged" ; nkg:charStart 42 ; nkg:charEnd 95 .
  <{DOC}/statement/1> a nkg:Statement ; nkg:speaker e:Q22686 ; nkg:about e:Q148 ;
    nkg:text "Trump said China is a friend." .
  <{DOC}/non-statement/1> a nkg:NonStatement ; nkg:speaker e:Q22686 ; nkg:about e:Q148 ;
    nkg:text "Trump did not mention China." .
}}
"""

GOLD = {
    "entities": [
        {"label": "Donald Trump", "mentions": ["Trump"], "qid": "Q22686"},
        {"label": "Xi Jinping", "mentions": ["Xi"], "qid": "Q15031"},
        {"label": "People's Republic of China", "mentions": ["China"], "qid": "Q148"},
        {"label": "United States", "mentions": ["Washington"], "qid": "Q30"},
    ],
    "statements": [
        {
            "id": "s1",
            "speaker": "Donald Trump",
            "evidence": "Trump said China",
            "about": ["China"],
            "required": True,
        }
    ],
    "summits": [
        {
            "id": "m1",
            "kind": "PhoneCall",
            "participants": ["Donald Trump", "Xi Jinping"],
            "evidence": "a phone call on Monday",
            "status": "held",
            "required": True,
        },
        {
            "id": "m2",
            "kind": "Meeting",
            "participants": ["Donald Trump"],
            "evidence": "not in the text",
            "required": True,
        },
    ],
    "policies": [
        {
            "id": "p1",
            "kind": "PurchaseCommitment",
            "actor": "People's Republic of China",
            "commodity": "soybean",
            "quantity": 12000000,
            "unit": "tonne",
            "status": "pledged",
            "evidence": "pledged to buy 12 million tonnes",
            "required": True,
        },
    ],
    "not_entities": ["Mao"],
    "questions": [
        {
            "ask": "what did Trump say about China",
            "speaker": "Donald Trump",
            "about": "China",
            "must_include_evidence": ["China is a friend"],
        },
        {
            "ask": "what did Xi say about China",
            "speaker": "Xi Jinping",
            "about": "China",
            "must_include_evidence": [],
            "must_be_empty": True,
        },
        {
            "ask": "what did Trump say about Taiwan",
            "speaker": "Donald Trump",
            "about": "Taiwan",
            "must_include_evidence": ["Taiwan"],
        },
    ],
}


@pytest.fixture
def hand_store():
    store = KnowledgeStore(None)
    store.oxigraph.load(io.BytesIO(TRIG.encode()), format=RdfFormat.TRIG)
    yield store
    store.close()


def test_queries_on_hand_written_graph(hand_store) -> None:
    out = ev.score_document(GOLD, hand_store, DOC, TEXT)
    st = out["statements"]
    assert (st["tp"], st["predicted"], st["gold"]) == (1, 1, 1)  # the NonStatement is no statement
    assert st["about"]["recall"] == 1.0

    sm = out["summits"]
    # The phone call matches (most specific kind PhoneCall, span overlap, participants);
    # the Meeting overlaps no located gold evidence.
    assert (sm["tp"], sm["predicted"], sm["gold"]) == (1, 2, 2)
    assert sm["per_kind"]["PhoneCall"]["recall"] == 1.0
    assert sm["per_kind"]["Meeting"]["precision"] == 0.0
    assert sm["attributes"]["participants"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert sm["attributes"]["status"]["accuracy"] == 1.0
    assert sm["gold_evidence_not_found"] == ["m2"]
    assert sm["kind_agnostic"]["tp"] == 1

    po = out["policies"]
    assert (po["tp"], po["predicted"], po["gold"]) == (1, 1, 1)
    for name in ("actor", "commodity", "quantity", "unit", "status"):
        assert po["attributes"][name]["accuracy"] == 1.0, name
    assert po["attributes"]["target"]["total"] == 0  # gold says nothing: not judged

    q = out["questions"]
    assert (q["answered"], q["total"]) == (2, 3)
    assert q["failures"][0]["ask"] == "what did Trump say about Taiwan"

    assert out["not_entities"]["offenders"] == ["Mao"]

    lk = out["linking"]
    assert (lk["gold_with_qid"], lk["linked"]) == (4, 3)
    assert lk["missing"] == [{"label": "United States", "qid": "Q30"}]
    # "Washington" linked to the city although gold says the United States.
    assert lk["wrong_links"] == 1 and lk["wrong"][0]["qids"] == ["Q61"]


# What a researcher would get back from `newskg ask` for each question of GOLD, faked.
_ASKED = {
    "what did Trump say about China": ("answered", ["Trump said China is a friend."]),
    "what did Xi say about China": ("ambiguous", []),  # no rows, but no answer either
    "what did Trump say about Taiwan": ("answered", ["Trump said Taiwan is an issue."]),
}


def test_questions_are_judged_on_the_answer_asked_as_written(hand_store) -> None:
    scored = ev.score_document(GOLD, hand_store, DOC, TEXT, lambda q: _ASKED[q])
    out = scored["questions"]
    assert (out["answered"], out["total"], out["asked"]) == (2, 3, True)
    (failure,) = out["failures"]
    # An ambiguous answer is not the empty answer the gold wants: a researcher got no answer.
    assert failure["ask"] == "what did Xi say about China" and failure["status"] == "ambiguous"
    # The query from the gold speaker and topic labels is still counted beside it.
    assert out["gold_query"] == {"answered": 2, "total": 3}
    total = ev.overall({"a": scored})
    assert total["questions"]["gold_query"] == {"answered": 2, "total": 3}
    report = {"measured_at": "now", "newskg_version": "0", "model": "m", "gold_dir": "g"}
    table = ev.format_report(report | {"documents": {"a": scored}, "overall": total})
    assert "not answered (ambiguous)" in table and "labels instead: 2/3" in table


def test_unmatched_summits_and_policies_are_listed_as_false_positives(hand_store) -> None:
    out = ev.score_document(GOLD, hand_store, DOC, TEXT)
    # The Meeting overlaps no located gold evidence: listed, with its kind and roles.
    (meeting,) = out["summits"]["unmatched"]
    assert meeting["iri"] == f"{DOC}/summit/2" and meeting["kind"] == "Meeting"
    assert meeting["roles"]["participant"] == ["Donald Trump"]
    assert meeting["text"] == TEXT[0:40]
    assert out["policies"]["unmatched"] == []  # the purchase commitment matched
    wrong_kind = dict(GOLD, policies=[dict(GOLD["policies"][0], kind="Tariff")])
    (pol,) = ev.score_document(wrong_kind, hand_store, DOC, TEXT)["policies"]["unmatched"]
    assert pol["kind"] == "PurchaseCommitment"


def test_kind_agnostic_match_ignores_kind(hand_store) -> None:
    gold = dict(
        GOLD,
        summits=[
            {
                "id": "m1",
                "kind": "Talks",
                "participants": ["Xi Jinping"],
                "evidence": "phone call",
                "required": True,
            }
        ],
    )
    out = ev.score_document(gold, hand_store, DOC, TEXT)["summits"]
    assert out["tp"] == 0 and out["kind_agnostic"]["tp"] == 1


def test_overall_is_micro_averaged(hand_store) -> None:
    one = ev.score_document(GOLD, hand_store, DOC, TEXT)
    total = ev.overall({"a": one, "b": one})
    assert total["documents"] == 2
    assert total["statements"]["tp"] == 2 * one["statements"]["tp"]
    assert total["questions"] == {"answered": 4, "total": 6, "accuracy": pytest.approx(2 / 3)}
    assert total["summits"]["precision"] == one["summits"]["precision"]


# -- the whole pipeline --------------------------------------------------------------------------


def _fractions(obj, path=""):
    """Every precision/recall/f1/accuracy/rate value in a report, with its path."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("precision", "recall", "f1", "accuracy", "wrong_link_rate"):
                yield f"{path}.{k}", v
            else:
                yield from _fractions(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _fractions(v, f"{path}[{i}]")


@pytest.mark.model
def test_eval_command_on_mini_gold() -> None:
    result = CliRunner().invoke(ev.eval_command, [str(MINI), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"measured_at", "gold_dir", "model", "documents", "overall"} <= set(report)
    assert list(report["documents"]) == ["berlin-energy"]
    total = report["overall"]
    assert {"statements", "questions", "summits", "policies", "linking", "not_entities"} <= set(
        total
    )
    for section in ("summits", "policies"):
        assert {"precision", "recall", "f1", "kind_agnostic", "per_kind", "attributes"} <= set(
            total[section]
        )
    assert {"speaker", "about", "negation_violations"} <= set(total["statements"])
    values = list(_fractions(report))
    assert values
    for where, v in values:
        assert v is None or 0.0 <= v <= 1.0, where
    # The three plain "X said" sentences are within reach of any reasonable extractor.
    assert total["statements"]["recall"] is not None and total["statements"]["recall"] > 0
    assert total["questions"]["total"] == 2
    assert total["statements"]["gold"] == 3

    table = ev.format_report(report)
    assert report["measured_at"] in table.splitlines()[0]
    assert "berlin-energy" in table and "OVERALL" in table


def test_failed_extraction_is_scored_as_empty(monkeypatch) -> None:
    """A document whose extraction crashes is reported and counts as no predictions."""
    import spacy

    import newskg.pipeline

    def boom(*args, **kwargs):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(newskg.pipeline, "extract_document", boom)
    report = ev.evaluate(MINI, nlp=spacy.blank("en"))
    assert "extractor exploded" in report["failed_documents"]["berlin-energy"]
    st = report["overall"]["statements"]
    assert (st["tp"], st["predicted"], st["gold"], st["recall"]) == (0, 0, 3, 0.0)
    assert "FAILED" in ev.format_report(report)


def _entity(label: str, qid: str, *types: str) -> ev.Entity:
    return ev.Entity(iri=f"x:{qid}", labels=(label,), qids=frozenset({qid}), types=frozenset(types))


BEIJING_AS_STATE = {
    "entities": [
        {
            "label": "People's Republic of China",
            "type": "Country",
            "mentions": ["China", "Beijing"],
            "qid": "Q148",
        }
    ]
}


def test_a_visited_capital_is_not_a_wrong_link_for_the_state_named_after_it() -> None:
    city = _entity("Beijing", "Q956", "City", "Place")
    state = _entity("China", "Q148", "Country")

    scored = ev.score_linking(BEIJING_AS_STATE, {"city": city, "state": state})

    assert (scored["judged_links"], scored["wrong_links"]) == (1, 0)


def test_a_state_linked_to_another_item_under_the_gold_name_is_a_wrong_link() -> None:
    taiwan = _entity("Beijing", "Q865", "Country")

    scored = ev.score_linking(BEIJING_AS_STATE, {"x": taiwan})

    assert (scored["judged_links"], scored["wrong_links"]) == (1, 1)
    assert scored["wrong"][0]["qids"] == ["Q865"]


def test_the_country_a_gold_city_is_named_after_is_not_a_wrong_link_for_the_city() -> None:
    gold = {
        "entities": [{"label": "Monaco City", "type": "City", "mentions": ["MONACO"], "qid": "Q1"}]
    }
    city = _entity("Monaco", "Q1", "Place")
    state = _entity("Monaco", "Q2", "Country", "Place")

    scored = ev.score_linking(gold, {"city": city, "state": state})

    assert (scored["judged_links"], scored["wrong_links"]) == (1, 0)
