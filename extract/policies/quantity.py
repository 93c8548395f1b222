"""How much a policy is worth: the amounts inside the trigger's phrase (and on the verb that
governs it), and ordered rules that pick one of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.policies.sites import Site
from extract.quantities import Quantity
from extract.rules import Registry

QuantityRule = Callable[[Site, Sequence[Quantity]], "Quantity | None"]
QUANTITY: Registry[QuantityRule] = Registry("policy quantity")


def span_of(site: Site) -> tuple[int, int]:
    """The characters an amount of the measure may lie in: its phrase, widened by the
    objects and prepositions after the governing verb in the same sentence ("increased
    support for Kenya from $2m to $5m": the amounts hang on "increased")."""
    lo, hi = site.args_chars
    gov, head = site.gov, site.head
    if gov is not None and gov.sent == head.sent:
        for child in gov.children:
            if child.dep_ in ("prep", "dobj", "npadvmod") and child.i > gov.i:
                sub = list(child.subtree)
                lo, hi = min(lo, sub[0].idx), max(hi, sub[-1].idx + len(sub[-1].text))
    return lo, hi


@QUANTITY.register("amount_reached")
def amount_reached(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """From one amount to another, the one reached: "raised aid from $2m to $5m" -> $5m."""
    text = site.ctx.text
    after_to = [
        q
        for q in amounts
        if q.unit is not None and text[max(0, q.start - 4) : q.start].strip().lower() == "to"
    ]
    return after_to[-1] if after_to else None


@QUANTITY.register("first_amount")
def first_amount(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """The first amount with a unit: "pledged to buy 3 mln tonnes of rice" -> 3 mln tonnes."""
    return next((q for q in amounts if q.unit is not None), None)


def quantity_of(site: Site, quantities: Sequence[Quantity]) -> Quantity | None:
    """The amount of the measure at ``site`` among the document's ``quantities``."""
    lo, hi = span_of(site)
    inside = [q for q in quantities if lo <= q.start and q.end <= hi]
    for rule in QUANTITY:
        found = rule(site, inside)
        if found is not None:
            return found
    return None


__all__ = ["QUANTITY", "quantity_of", "span_of"]
