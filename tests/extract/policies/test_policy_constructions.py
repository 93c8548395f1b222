"""Policy constructions of the CAMEO/PLOVER trigger rows, their slots and their status, each
pinned by sentences written for the test (run through the model)."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.model


def _kinds(policies, text):
    found, labels = policies(text)
    return [(p.kind.value, labels.get(p.actor)) for p in found]


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "The European Commission proposed a tax on imported sugar.",
            "Tariff",
            "European Commission",
        ),
        ("The World Bank approved a 400-mln-dlr loan to Ghana.", "Aid", "World Bank"),
        ("Canada announced a boycott of Brazilian beef.", "Sanction", "Canada"),
        (
            "OPEC agreed an output ceiling of 16 mln bpd.",
            "Quota",
            "Organization of the Petroleum Exporting Countries",
        ),
        ("Argentina agreed to restrict production of wheat.", "Quota", "Argentina"),
        ("Japan banned imports of Australian beef.", "ImportRestriction", "Japan"),
        ("Norway refused to sign the climate treaty.", "Policy", "Norway"),
        ("Norway pledged to forgive the debts of the poorest nations.", "Aid", "Norway"),
    ],
)
def test_a_cameo_trigger_names_a_measure_of_its_kind(policies, text, kind, actor):
    assert _kinds(policies, text) == [(kind, actor)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana has an income tax of 30 pct.",  # a tax on no goods
        "OPEC set a ceiling on spending.",  # a ceiling on no output
        "The ministers reached agreement on Tuesday.",  # an agreement of nothing, with no state
    ],
)
def test_a_cameo_trigger_without_its_context_is_no_measure(policies, text):
    assert _kinds(policies, text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Norway refused to sign the climate treaty.", "rejected"),
        ("Norway refused to lift its embargo on Iran.", "imposed"),  # still in force
        ("Norway failed to lift its embargo on Iran.", "imposed"),
        ("Norway failed to agree a trade deal with Iceland.", "proposed"),
        ("Norway is expected to impose tariffs on Icelandic fish.", "proposed"),
        ("Norway is likely to impose tariffs on Icelandic fish.", "proposed"),
        ("OPEC renewed its pact to limit output.", "agreed"),  # the content of an agreement
        # A participle on the measure, when no verb above decides.
        ("Norway dropped its threatened tariffs on Chilean copper.", "threatened"),
        ("Japan's planned embargo on Iran worried traders.", "proposed"),
        ("The European Commission defended the proposed tax on imported sugar.", "proposed"),
        # Aid cut is withheld; a tariff cut is no suspended tariff.
        ("Norway will cut economic aid to Kenya.", "suspended"),
        ("Norway slashed military aid to Kenya.", "suspended"),
        ("Norway will cut tariffs on Kenyan tea.", "announced"),
    ],
)
def test_status_from_refusal_failure_expectation_and_agreement(policies, text, status):
    found, _ = policies(text)
    assert [p.status.value for p in found] == [status]


@pytest.mark.parametrize(
    ("text", "commodity"),
    [
        ("The IMF approved a 1.3-billion-dlr stand-by loan for Peru.", "stand-by loan"),
        ("The EU increased development aid for Africa.", "development aid"),
        ("Norway pledged to forgive the debts of the poorest nations.", "debt relief"),
        ("South Korea unveiled a shopping list of 2.6 billion dlrs of U.S. goods.", "U.S. goods"),
    ],
)
def test_the_kind_of_aid_or_unnamed_goods_is_the_commodity(policies, text, commodity):
    found, labels = policies(text)
    assert [labels.get(p.commodity) for p in found] == [commodity]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Norway pledged to forgive the debts of the poorest nations.", "poorest nations"),
        ("Norway approved a $40m aid package for developing countries.", "developing countries"),
    ],
)
def test_states_described_not_named_are_one_target(policies, text, target):
    found, labels = policies(text)
    assert [labels.get(p.target) for p in found] == [target]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The measure's own amount, not one on the verb ("up to 1 mln bpd" has no start).
        ("OPEC is producing up to 1 mln bpd above a ceiling of 15 mln bpd.", Decimal("15000000")),
        ("The IMF approved a 1.3-billion-dlr stand-by loan for Peru.", Decimal("1300000000")),
        ("Norway increased aid for Kenya from $2m to $5m.", Decimal("5000000")),
    ],
)
def test_the_amount_of_the_measure(policies, text, value):
    found, _ = policies(text)
    assert [p.quantity for p in found] == [value]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        # A beneficiary is the target; the actor is only one named on the measure.
        ("Kenya will benefit from the tariff cut announced by Japan.", "Japan", "Kenya"),
        # The subject of a reaction is not the actor.
        ("Kenya welcomed the tariffs imposed by Japan on Chilean copper.", "Japan", "Chile"),
    ],
)
def test_a_beneficiary_or_critic_is_not_the_actor(policies, text, actor, target):
    found, labels = policies(text)
    assert [(labels.get(p.actor), labels.get(p.target)) for p in found] == [(actor, target)]


@pytest.mark.parametrize(
    "text",
    ["Kenya will benefit from the tariff cut.", "Chile condemned the sanctions."],
)
def test_a_measure_only_benefited_from_or_criticised_has_no_actor(policies, text):
    assert _kinds(policies, text) == []


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Norway and Sweden imposed sanctions on Iran.", ["Norway", "Sweden"]),
        (
            "Norway, Sweden and Denmark agreed to impose sanctions on Iran.",
            ["Norway", "Sweden", "Denmark"],
        ),
        ("Peru said Chile had imposed tariffs on copper.", ["Chile"]),  # not the reporter
    ],
)
def test_every_coordinated_state_takes_the_measure(policies, text, actors):
    found, labels = policies(text)
    assert [labels.get(p.actor) for p in found] == actors
    assert len({labels.get(p.target) for p in found}) == 1


def test_a_subject_the_parser_hung_on_the_auxiliary_is_still_the_actor(policies):
    text = (
        "Peru said Chilean President Ana Soto has \u201cmore or less agreed\u201d to step up "
        "purchases of Peruvian goods."
    )
    found, labels = policies(text)
    assert [(labels.get(p.actor), labels.get(p.commodity), p.status) for p in found] == [
        ("Chile", "Peruvian goods", "agreed")
    ]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Chile faces tariffs imposed by Peru.", "Peru", "Chile"),
        ("Kenya received a $5m loan from Norway.", "Norway", "Kenya"),
    ],
)
def test_who_suffers_or_receives_a_measure_is_its_target(policies, text, actor, target):
    found, labels = policies(text)
    assert [(labels.get(p.actor), labels.get(p.target)) for p in found] == [(actor, target)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kenya agreed to order 40 locomotives from Canada.", Decimal(40)),
        ("Kenya will buy 12 aircraft from France.", Decimal(12)),
    ],
)
def test_a_count_of_goods_without_a_unit_is_the_amount(policies, text, value):
    found, _ = policies(text)
    assert [(p.quantity, p.unit) for p in found] == [(value, None)]


def test_quotas_on_two_goods_are_two_records(policies):
    found, labels = policies("Japan set a wheat quota and a rice quota for Thailand.")
    assert [(p.kind.value, labels.get(p.commodity)) for p in found] == [
        ("Quota", "wheat"),
        ("Quota", "rice"),
    ]


def _slots(policies, text):
    found, labels = policies(text)
    return [
        (p.kind.value, labels.get(p.actor), labels.get(p.target), p.status.value) for p in found
    ]


_OPEC = "Organization of the Petroleum Exporting Countries"


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        # A participle with an agent after the measure gives its actor and status.
        (
            "Production will exceed the 16 mln bpd ceiling agreed by OPEC last week.",
            [("Quota", _OPEC, None, "agreed")],
        ),
        # The owner of a proposal whose content the measure is; backed by another, it
        # stays a proposal.
        (
            "Chile backed the Argentine proposal to cap wheat output at 10 mln tonnes.",
            [("Quota", "Argentina", None, "proposed")],
        ),
        # A measure listed by "including" is the list's.
        (
            "Ministers of the European Union will discuss proposals, including a tax on jet fuel.",
            [("Policy", "European Union", None, "proposed")],
        ),
        # The verb a measure governs makes a part of it, with its actor and target.
        (
            "Norway imposed sanctions on Iran. The sanctions will end military cooperation "
            "and cut economic aid.",
            [("Sanction", "Norway", "Iran", "imposed"), ("Aid", "Norway", "Iran", "suspended")],
        ),
    ],
)
def test_the_actor_comes_from_the_agent_owner_list_or_measure_around_it(policies, text, slots):
    assert _slots(policies, text) == slots


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "OPEC agreed an output ceiling of 16 mln bpd. Nigeria has a quota of 1.3 mln bpd.",
            "Nigeria",
        ),
        (
            "OPEC agreed an output ceiling of 16 mln bpd. Libya, which has a quota of 1 mln "
            "bpd, wants a bigger one.",
            "Libya",
        ),
    ],
)
def test_a_quota_a_state_has_is_the_bodys_and_stands_as_its_scheme(policies, text, holder):
    assert _slots(policies, text)[-1] == ("Quota", _OPEC, holder, "agreed")


@pytest.mark.parametrize(
    ("text", "kind", "commodity"),
    [
        ("Canada proposed a tax on aviation fuel.", "Policy", "aviation fuel"),
        ("Canada proposed a tax on imported steel.", "Tariff", "steel"),
        ("OPEC agreed an output ceiling of 16 mln bpd.", "Quota", "crude oil"),
    ],
)
def test_a_tax_is_a_tariff_only_on_trade_and_barrels_are_crude_oil(policies, text, kind, commodity):
    found, labels = policies(text)
    assert [(p.kind.value, labels.get(p.commodity)) for p in found] == [(kind, commodity)]


@pytest.mark.parametrize(
    "text",
    [
        # A person or firm is no state a relative clause or a plan noun hands on.
        "The businessman, who has donated 250,000 dlrs to the party, spoke.",
        "His attempts to get the federal government to buy 2 mln tonnes of corn failed.",
        # Who urges others to act does not act: the act is the urged's, here no state.
        "Chilean President Ana Soto urged the finance ministers to provide an extra 5 bln "
        "dlrs in aid.",
    ],
)
def test_a_person_hands_no_state_through_a_relative_clause_or_plan(policies, text):
    assert _kinds(policies, text) == []


@pytest.mark.parametrize(
    ("text", "commodity", "target", "status"),
    [
        (
            "Canada will not renew an agreement which guarantees the price of Ghanaian cocoa.",
            "cocoa",
            "Ghana",
            "suspended",
        ),
        (
            "Peru signed an accord that fixes the price of Chilean copper.",
            "copper",
            "Chile",
            "agreed",
        ),
    ],
)
def test_a_relative_clause_on_an_agreement_says_what_it_covers(
    policies, text, commodity, target, status
):
    found, labels = policies(text)
    deals = [p for p in found if p.kind.value == "TradeAgreement"]
    assert len(deals) == 1
    deal = deals[0]
    assert (labels.get(deal.commodity), labels.get(deal.target)) == (commodity, target)
    assert deal.status.value == status


def test_a_relative_clause_without_goods_makes_no_trade_deal(policies):
    assert _kinds(policies, "The ministers reached an agreement which ended the strike.") == []


@pytest.mark.parametrize(
    ("text", "actor", "status"),
    [
        ("Canada will offer subsidized barley to Kenya.", "Canada", None),
        ("Farmers asked that Canada offer subsidized barley to Kenya.", "Canada", "proposed"),
        (
            "Millers repeated their request that Canada offer subsidized barley to Kenya.",
            "Canada",
            "proposed",
        ),
    ],
)
def test_a_participle_on_goods_is_the_act_of_whoever_handles_them(policies, text, actor, status):
    found, labels = policies(text)
    assert [(p.kind.value, labels.get(p.actor)) for p in found] == [("Subsidy", actor)]
    if status is not None:  # asked for or requested: only proposed
        assert found[0].status.value == status
