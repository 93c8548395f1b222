"""What a trigger needs around it before it names a measure: the ``needs`` column of
``lexicons/policy_triggers.tsv``, one named check per value.

A row whose ``needs`` is "export" only counts with an export word in its phrase ("curbs on
exports", not "curbs on spending"). The values the TSV may hold are declared in its
``#@ values needs:`` line and must be exactly the names registered here (a test pins it), so a
misspelt value is a load error and a value without a check cannot exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from extract import lexicons
from extract.policies.commodity import commodity_form
from extract.policies.lexicon import policy_words
from extract.policies.sites import Site
from extract.quantities import Quantity
from extract.records import ActorKind
from extract.rules import Registry

NeedCheck = Callable[[Site, "Quantity | None"], bool]
NEEDS: Registry[NeedCheck] = Registry("policy trigger need")


def _words(site: Site) -> set[str]:
    """Lemmas and lower forms of the phrase ("exports" and "export")."""
    return {t.lemma_.lower() for t in site.args} | {t.lower_ for t in site.args}


@NEEDS.register("-")
def always(site: Site, qty: Quantity | None) -> bool:
    """Nothing: the word alone names a measure ("Chile imposed tariffs", "an arms embargo")."""
    return True


@NEEDS.register("export")
def export_word(site: Site, qty: Quantity | None) -> bool:
    """An export word in the phrase: "a ban on timber exports" (not "a ban on smoking")."""
    words = _words(site)
    return "export" in words or "exports" in words


@NEEDS.register("import")
def import_word(site: Site, qty: Quantity | None) -> bool:
    """An import word in the phrase: "duties on imports of cars" (not "death duties")."""
    words = _words(site)
    return "import" in words or "imports" in words


@NEEDS.register("quantity")
def amount(site: Site, qty: Quantity | None) -> bool:
    """An amount with a unit in the phrase or on its verb: "will buy 2 mln tonnes of maize"
    (not "voters buy the story")."""
    return qty is not None


@NEEDS.register("debt")
def debt_word(site: Site, qty: Quantity | None) -> bool:
    """A debt in the phrase: "agreed to defer debt repayments" (not "deferred the vote")."""
    return "debt" in _words(site)


@NEEDS.register("provide")
def provided(site: Site, qty: Quantity | None) -> bool:
    """Governed by a verb of supplying: "Norway will supply weaponry to Kenya" (not "the
    weaponry was old")."""
    return site.gov is not None and site.gov.lemma_ in policy_words("provide_verb")


@NEEDS.register("trade")
def trade_context(site: Site, qty: Quantity | None) -> bool:
    """A trade word on the agreement ("a commercial accord"), a traded good in its phrase ("a
    deal on beef"), or a signing verb over it with the other state named ("Peru ratified the
    pact with Chile"; not "the ministers reached agreement")."""
    modifiers = policy_words("trade_modifier")
    if any(
        c.lemma_.lower() in modifiers
        for c in site.head.children
        if c.dep_ in ("compound", "amod", "nmod")
    ):
        return True
    if _goods_named(site):
        return True
    gov = site.gov
    if gov is None or gov.lemma_ not in policy_words("sign_verb") or site.head.dep_ != "dobj":
        return False
    return _between_states(site)


def _between_states(site: Site) -> bool:
    """A state named in the agreement's phrase, after "with/on/between" on its verb, or a
    coordinated subject of the verb ("Peru and Chile signed")."""
    actors, gov = site.actors, site.gov
    tokens = [t for t in site.args if t.i != site.head.i]
    if gov is not None:
        for c in gov.children:
            if c.dep_ == "prep" and c.lower_ in policy_words("content_preposition"):
                tokens.extend(c.subtree)  # "signed a deal with Peru", "... on China-UK trade"
            if c.dep_ in ("nsubj", "nsubjpass") and any(x.dep_ == "conj" for x in c.children):
                tokens.extend(c.subtree)
    return any(
        (key := actors.agent(actors.at(t))) and actors.kind(key) is ActorKind.COUNTRY
        for t in tokens
    )


@NEEDS.register("goods")
def goods(site: Site, qty: Quantity | None) -> bool:
    """A traded good or an import/export word in the phrase: "a tax on jet fuel", "a levy on
    imports" (not "income tax")."""
    return _goods_named(site) or import_word(site, qty) or export_word(site, qty)


@NEEDS.register("output")
def output(site: Site, qty: Quantity | None) -> bool:
    """A word of production in the phrase ("an output ceiling", "agreed to restrict
    production") or an amount of goods ("a ceiling of 15 mln barrels per day"), which makes
    a limit a quota."""
    if _words(site) & policy_words("output_word"):
        return True
    return qty is not None and qty.unit is not None and _goods_unit(qty.unit)


def _goods_named(site: Site) -> bool:
    return commodity_form(" ".join(t.text for t in site.args)) is not None


@cache
def _goods_units() -> frozenset[str]:
    """Units that measure goods (mass, volume, count), not money or ratios."""
    rows = lexicons.table("units.tsv")
    return frozenset(r["unit"] for r in rows if r["kind"] in ("mass", "volume", "count"))


def _goods_unit(unit: str) -> bool:
    return unit in _goods_units() or unit.split(" per ")[0] in _goods_units()


def need_met(need: str, site: Site, qty: Quantity | None) -> bool:
    """Whether the trigger's row condition ``need`` holds at ``site``."""
    return NEEDS[need](site, qty)


__all__ = ["NEEDS", "need_met"]
