"""Policies: kind, actor, target, commodity, amount and status from small news sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract import lexicons
from extract.actors import find_actors
from extract.text import Layout


def test_lexicons_name_only_known_kinds():
    from extract.records import PolicyKind

    kinds = {r["kind"] for r in lexicons.table("policy_triggers.tsv")}
    assert kinds <= {k.value for k in PolicyKind}


def test_commodity_lexicon_carries_no_qids():
    assert all("qid" not in row for row in lexicons.table("commodities.tsv"))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "actor", "status"),
    [
        (
            "Brazil pledged to buy 3 million tonnes of wheat from Canada.",
            "PurchaseCommitment",
            "Brazil",
            "pledged",
        ),
        ("Japan imposed tariffs of 100 mln dlrs on Chinese steel.", "Tariff", "Japan", "imposed"),
        ("Canada announced sanctions against Russia on Friday.", "Sanction", "Canada", "announced"),
        (
            "India said it would resume purchases of Russian oil.",
            "PurchaseCommitment",
            "India",
            "resumed",
        ),
        ("Germany's arms embargo on Turkey remains in force.", "Embargo", "Germany", "imposed"),
        (
            "China agreed to suspend export restrictions on gallium.",
            "ExportRestriction",
            "People's Republic of China",
            "suspended",
        ),
        ("Mexico signed a trade agreement with Chile.", "TradeAgreement", "Mexico", "agreed"),
        (
            "The European Union confirmed a new $30m aid package.",
            "Aid",
            "European Union",
            "announced",
        ),
    ],
)
def test_kind_actor_and_status(policies, text, kind, actor, status):
    found, labels = policies(text)
    assert [(p.kind.value, labels.get(p.actor), p.status) for p in found] == [(kind, actor, status)]


@pytest.mark.model
def test_a_purchase_pledge_carries_amount_unit_commodity_and_target(policies):
    (p,), labels = policies(
        "Egypt pledged to buy 12 million metric tonnes of soybeans from Argentina."
    )
    assert (p.quantity, p.unit) == (Decimal(12000000), "metric tonne")
    assert labels[p.commodity] == "soybean"
    assert p.commodity == "Q11006"  # the QID comes from the bundled gazetteer
    assert labels[p.target] == "Argentina"


@pytest.mark.model
def test_a_control_verb_makes_its_object_the_actor(policies):
    (p,), labels = policies("Vietnam urged Japan to lift tariffs on Vietnamese rice.")
    assert (p.kind.value, labels[p.actor], labels[p.target]) == ("Tariff", "Japan", "Vietnam")


@pytest.mark.model
def test_a_planned_lifting_leaves_the_measure_in_force(policies):
    (p,), _ = policies("France has plans to end Spain's fishing quota.")
    assert (p.kind.value, p.status) == ("Quota", "imposed")


@pytest.mark.model
def test_repeated_mentions_of_one_measure_are_one_record(policies):
    (p,), _ = policies(
        "Italy kept its arms embargo on Libya. Critics say the embargo is weak. "
        "Lifting the embargo would be a mistake, Rome said."
    )
    assert p.kind.value == "Embargo"
    assert [m.text for m in p.mentions] == ["embargo", "embargo", "embargo"]


@pytest.mark.model
def test_different_amounts_are_different_purchases(policies):
    found, _ = policies(
        "South Korea would buy 300 mln dlrs worth of U.S. beef. It had already "
        "bought 100 mln dlrs worth of U.S. corn."
    )
    assert sorted(p.quantity for p in found) == [Decimal(100000000), Decimal(300000000)]


@pytest.mark.model
def test_evidence_covers_the_trigger_phrase_not_the_sentence(policies):
    text = "After long talks, Peru imposed tariffs on Bolivian sugar, officials said."
    (p,), _ = policies(text)
    span = text[p.evidence.start : p.evidence.end]
    assert "tariffs on Bolivian sugar" in span and "officials" not in span
    assert p.evidence.sentence == text


@pytest.mark.model
def test_a_measure_nobody_takes_is_not_a_policy(policies):
    found, _ = policies("Tariffs are a blunt instrument.")
    assert found == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Japan and India held talks. The two countries are close to reaching a trade deal.",
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo, "
        "where the two leaders agreed on a framework for a trade deal.",
    ],
)
def test_a_measure_of_a_pair_targets_the_side_that_is_not_its_actor(policies, text):
    found, labels = policies(text)
    deal = next(p for p in found if p.kind.value == "TradeAgreement")
    assert {labels[deal.actor], labels[deal.target]} == {"Japan", "India"}


@pytest.mark.model
def test_a_verb_tagged_as_a_modifier_of_its_object_still_triggers(policies):
    text = (
        "SEOUL, April 27 - The government will also take steps to reduce tariffs, "
        "voluntarily restrain exports and cut export financing, the statement said."
    )
    found, labels = policies(text)
    assert "ExportRestriction" in {p.kind.value for p in found}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Finance ministers of the European Union have backed plans to write off the debts of "
            "poor countries.",
            "agreed",
        ),
        ("The European Union drew up plans to write off the debts of poor countries.", "proposed"),
    ],
)
def test_a_plan_takes_the_status_of_the_verb_that_backs_it(policies, text, status):
    found, _ = policies(text)
    assert [p.status for p in found] == [status]


@pytest.mark.model
def test_the_two_leaders_are_the_latest_pair_even_when_more_leaders_are_named(nlp, gazetteer):
    from extract.syntax import actor_of

    text = (
        "Party leader Keir Starmer and party leader Ed Davey spoke. Joe Biden "
        "met Xi Jinping, and the two leaders agreed on a trade deal."
    )
    doc = nlp(text)
    actors = find_actors(doc, gazetteer, Layout(text))
    leaders = next(t for t in doc if t.text == "leaders")
    assert [actors.get(k).label for k in actor_of(leaders, actors)] == ["Joe Biden", "Xi Jinping"]
