"""Each policy slot rule on hand-parsed sentences written for the test (no model needed)."""

from __future__ import annotations

from decimal import Decimal

import policy_sentences as s
import pytest

from extract.policies.actor import ACTOR, actor_of_site
from extract.policies.commodity import COMMODITY, commodity_of
from extract.policies.needs import NEEDS
from extract.policies.quantity import QUANTITY, quantity_of, span_of
from extract.policies.status import CLAUSE, VERB, status_of
from extract.policies.target import KIND_CHANGE, TARGET, kind_and_target, target_of
from extract.quantities import find_quantities
from extract.records import PolicyKind
from extract.rules import Outcome


def _qty(site):
    return quantity_of(site, find_quantities(site.ctx.text))


@pytest.mark.parametrize(
    ("need", "sentence", "trigger", "met"),
    [
        ("-", s.TARIFFS_ON_COPPER, "tariffs", True),
        ("export", s.BAN_ON_TIMBER_EXPORTS, "ban", True),
        ("export", s.BAN_ON_SMOKING, "ban", False),
        ("import", s.DUTIES_ON_IMPORTS, "duties", True),
        ("import", s.DUTIES_ON_CARS, "duties", False),
        ("quantity", s.BUY_MAIZE, "buy", True),
        ("quantity", s.BUY_STORY, "buy", False),
        ("debt", s.DEFER_DEBT, "defer", True),
        ("debt", s.DEFER_VOTE, "deferred", False),
        ("provide", s.SUPPLY_WEAPONRY, "weaponry", True),
        ("provide", s.OLD_WEAPONRY, "weaponry", False),
        ("trade", s.COMMERCIAL_ACCORD, "accord", True),
        # A signed pact is a trade agreement only with the other state named.
        ("trade", s.RATIFIED_PACT, "pact", False),
        ("trade", s.RATIFIED_PACT_WITH_CHILE, "pact", True),
        ("trade", s.DEAL_ON_BEEF, "deal", True),
        ("trade", s.DEAL_WITH_LENDERS, "deal", False),
    ],
)
def test_a_need_check_accepts_its_construction_only(site_at, need, sentence, trigger, met):
    site = site_at(sentence, trigger)
    assert NEEDS[need](site, _qty(site)) is met


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger", "actor"),
    [
        ("state_modifier", s.US_AID, "aid", "United States of America"),
        ("state_modifier", s.TARIFFS_ON_COPPER, "tariffs", None),
        ("possessor", s.PERUS_QUOTA, "quota", "Peru"),
        ("possessor", s.TARIFFS_ON_COPPER, "tariffs", None),
        ("passive_agent", s.PURCHASES_MADE_BY, "Purchases", "Kenya"),
        ("clause_subject", s.TARIFFS_ON_COPPER, "tariffs", "Peru"),
        ("clause_subject", s.AGREED_TO_IMPOSE, "tariffs", "Peru"),
        ("clause_subject", s.URGED_TO_LIFT, "tariffs", "Peru"),
        ("clause_subject", s.SAID_TARIFFS_IMPOSED, "tariffs", None),
    ],
)
def test_an_actor_rule_reads_its_construction(site_at, label_of, rule, sentence, trigger, actor):
    site = site_at(sentence, trigger)
    found = ACTOR[rule](site)
    assert label_of(site, found) == actor


def test_a_measure_the_subject_undergoes_has_no_actor(site_at):
    site = site_at(s.FACES_TARIFFS, "tariffs")
    assert ACTOR["undergoer"](site) is Outcome.NONE
    assert ACTOR["clause_subject"](site) is not None  # the subject alone would have said Chile
    assert actor_of_site(site) is None


def test_a_control_verb_object_wins_over_the_control_verb_subject(site_at, label_of):
    site = site_at(s.URGED_TO_LIFT, "tariffs")
    assert label_of(site, actor_of_site(site)) == "Peru"


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger", "actor", "target"),
    [
        ("in_phrase", s.TARIFFS_ON_COPPER, "tariffs", "Peru", "Chile"),
        ("in_phrase", s.TRADE_DEAL_WITH_CHILE, "deal", "Peru", None),
        ("verb_preposition", s.TRADE_DEAL_WITH_CHILE, "deal", "Peru", "Chile"),
        ("pair_partner", s.PAIR_CLOSE_TO_DEAL, "deal", "Peru", "Chile"),
        ("pair_partner", s.PAIR_CLOSE_TO_DEAL, "deal", "Chile", "Peru"),
    ],
)
def test_a_target_rule_reads_its_construction(
    site_at, label_of, rule, sentence, trigger, actor, target
):
    site = site_at(sentence, trigger)
    actor_key = next(a.key for a in site.actors.actors if a.label == actor)
    assert label_of(site, TARGET[rule](site, actor_key)) == target


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        (s.CURBS_ON_CHILES_EXPORTS, PolicyKind.IMPORT_RESTRICTION, "Chile"),
        (s.CURBS_ON_PERUS_EXPORTS, PolicyKind.EXPORT_RESTRICTION, None),
    ],
)
def test_curbs_on_another_states_exports_are_an_import_restriction(
    site_at, label_of, sentence, kind, target
):
    site = site_at(sentence, "curbs")
    actor = actor_of_site(site)
    changed, aimed = kind_and_target(
        site, PolicyKind.EXPORT_RESTRICTION, actor, target_of(site, actor)
    )
    assert (changed, label_of(site, aimed)) == (kind, target)


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "status"),
    [
        (s.TARIFFS_ON_COPPER, "tariffs", PolicyKind.TARIFF, "imposed"),
        (s.BAN_ON_TIMBER_EXPORTS, "ban", PolicyKind.EXPORT_RESTRICTION, "lifted"),
        (s.DID_NOT_BACK_QUOTA, "quota", PolicyKind.QUOTA, "rejected"),
        (s.DID_NOT_AGREE_TO_LIFT, "embargo", PolicyKind.EMBARGO, "imposed"),
        (s.PLANS_TO_END_QUOTA, "quota", PolicyKind.QUOTA, "imposed"),
        (s.BACKED_PLANS_TO_CANCEL, "quota", PolicyKind.QUOTA, "agreed"),
        (s.BOUGHT_DESPITE_QUOTA, "quota", PolicyKind.QUOTA, "imposed"),
        (s.WILL_NEED_TRADE_DEAL, "deal", PolicyKind.TRADE_AGREEMENT, "proposed"),
        (s.WILL_KEEP_TARIFFS, "tariffs", PolicyKind.TARIFF, "announced"),
        (s.TRADE_DEAL_WITH_CHILE, "deal", PolicyKind.TRADE_AGREEMENT, "agreed"),
        (s.TRADE_DEAL_HELPS, "deal", PolicyKind.TRADE_AGREEMENT, "proposed"),
        (s.TARIFFS_HURT, "tariffs", PolicyKind.TARIFF, "imposed"),
    ],
)
def test_the_status_rules_read_cue_verbs_modals_tense_and_kind(
    site_at, sentence, trigger, kind, status
):
    assert status_of(site_at(sentence, trigger), kind) == status


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger", "kind", "at", "answer"),
    [
        ("negated_agreement", s.DID_NOT_BACK_QUOTA, "quota", PolicyKind.QUOTA, 0, "rejected"),
        ("unrealised_cue", s.PLANS_TO_END_QUOTA, "quota", PolicyKind.QUOTA, 0, Outcome.SKIP),
        ("backed_plan", s.BACKED_PLANS_TO_CANCEL, "quota", PolicyKind.QUOTA, 1, "agreed"),
        ("plan_to_undo", s.PLANS_TO_END_QUOTA, "quota", PolicyKind.QUOTA, 1, "imposed"),
        (
            "purchase_despite_restriction",
            s.BOUGHT_DESPITE_QUOTA,
            "quota",
            PolicyKind.QUOTA,
            0,
            Outcome.SKIP,
        ),
        ("status_cue", s.TARIFFS_ON_COPPER, "tariffs", PolicyKind.TARIFF, 0, "imposed"),
        ("status_cue", s.TARIFFS_HURT, "tariffs", PolicyKind.TARIFF, 0, None),
    ],
)
def test_a_status_verb_rule_answers_for_its_verb(
    site_at, rule, sentence, trigger, kind, at, answer
):
    from extract.policies.status import Chain, chain_of
    from extract.syntax import status_cues

    site = site_at(sentence, trigger)
    chain = Chain(site, kind, chain_of(site), status_cues("policy"))
    assert VERB[rule](chain, at) == answer


def test_a_purchase_verb_agrees_a_purchase_but_not_a_restriction(site_at):
    site = site_at(s.BOUGHT_DESPITE_QUOTA, "quota")
    assert status_of(site, PolicyKind.QUOTA) == "imposed"
    assert status_of(site, PolicyKind.PURCHASE_COMMITMENT) == "agreed"


def test_the_amount_reached_wins_over_the_amount_left(site_at):
    site = site_at(s.AID_FROM_TO, "aid")
    found = _qty(site)
    assert (found.value, found.unit) == (Decimal(5000000), "US dollar")
    amounts = [q for q in find_quantities(site.ctx.text) if span_of(site)[0] <= q.start]
    assert QUANTITY["first_amount"](site, amounts).value == Decimal(2000000)


def test_a_purchase_amount_is_the_first_amount_with_a_unit(site_at):
    found = _qty(site_at(s.BUY_MAIZE, "buy"))
    assert (found.value, found.unit) == (Decimal(2000000), "tonne")


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger", "commodity"),
    [
        ("known_topic", s.TARIFFS_ON_COPPER, "tariffs", "copper"),
        ("known_topic", s.BAN_ON_TIMBER_EXPORTS, "ban", None),
        ("commodity_word", s.BAN_ON_TIMBER_EXPORTS, "ban", "lumber"),
        ("commodity_word", s.BAN_ON_SMOKING, "ban", None),
    ],
)
def test_a_commodity_rule_reads_its_construction(
    site_at, label_of, rule, sentence, trigger, commodity
):
    site = site_at(sentence, trigger)
    assert label_of(site, COMMODITY[rule](site)) == commodity


def test_the_first_commodity_rule_that_finds_wins(site_at, label_of):
    site = site_at(s.TARIFFS_ON_COPPER, "tariffs")
    assert label_of(site, commodity_of(site)) == "copper"


@pytest.mark.parametrize(
    "registry", [NEEDS, ACTOR, TARGET, KIND_CHANGE, COMMODITY, QUANTITY, VERB, CLAUSE]
)
def test_every_rule_says_what_it_reads_with_an_example(registry):
    for name, rule in registry.items():
        doc = (rule.__doc__ or "").strip()
        assert doc and '"' in doc, f"{registry.what} rule {name!r} has no quoted example"
