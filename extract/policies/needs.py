"""What a trigger needs around it before it names a measure: the ``needs`` column of
``lexicons/policy_triggers.tsv``, one named check per value.

A row whose ``needs`` is "export" only counts with an export word in its phrase ("curbs on
exports", not "curbs on spending"). The values the TSV may hold are declared in its
``#@ values needs:`` line and must be exactly the names registered here (a test pins it), so a
misspelt value is a load error and a value without a check cannot exist.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.policies.commodity import commodity_form
from extract.policies.lexicon import policy_words
from extract.policies.sites import Site
from extract.quantities import Quantity
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
    """A trade word on the agreement ("a commercial accord"), a signing verb over it ("Peru
    ratified the pact") or a traded good in its phrase ("a deal on beef")."""
    modifiers = policy_words("trade_modifier")
    if any(
        c.lemma_.lower() in modifiers
        for c in site.head.children
        if c.dep_ in ("compound", "amod", "nmod")
    ):
        return True
    gov = site.gov
    if gov is not None and gov.lemma_ in policy_words("sign_verb") and site.head.dep_ == "dobj":
        return True
    return commodity_form(" ".join(t.text for t in site.args)) is not None


def need_met(need: str, site: Site, qty: Quantity | None) -> bool:
    """Whether the trigger's row condition ``need`` holds at ``site``."""
    return NEEDS[need](site, qty)


__all__ = ["NEEDS", "need_met"]
