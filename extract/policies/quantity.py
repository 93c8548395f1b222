"""How much a policy is worth: the amounts inside the trigger's phrase (and on the verb that
governs it), and ordered rules that pick one of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from extract.groups import number_of
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
                lo = min(lo, sub[0].idx)
                # The branch that holds the measure widens it only leftwards ("above the 16
                # mln bpd ceiling"): what follows the measure's phrase in it is about other
                # things ("a quota equal to Iran's, which has a quota of 2 mln bpd").
                if not child.left_edge.i <= head.i <= child.right_edge.i:
                    hi = max(hi, sub[-1].idx + len(sub[-1].text))
    return lo, hi


@QUANTITY.register("amount_reached")
def amount_reached(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """From one amount to another, the one reached: "raised aid from $2m to $5m" -> $5m (not
    "up to 1 mln bpd", which has no amount it starts from)."""
    text = site.ctx.text

    def after(word: str) -> list[Quantity]:
        return [
            q
            for q in amounts
            if q.unit is not None
            and text[max(0, q.start - len(word) - 2) : q.start].strip().lower() == word
        ]

    starts, reached = after("from"), after("to")
    return reached[-1] if starts and reached and starts[0].start < reached[-1].start else None


@QUANTITY.register("in_phrase")
def in_phrase(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """An amount in the measure's own phrase wins over one on its verb: "is producing 1 mln
    bpd above a ceiling of 15 mln bpd" -> 15 mln bpd."""
    lo, hi = site.args_chars
    return first_amount(site, [q for q in amounts if lo <= q.start and q.end <= hi])


@QUANTITY.register("first_amount")
def first_amount(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """The first amount with a unit: "pledged to buy 3 mln tonnes of rice" -> 3 mln tonnes."""
    return next((q for q in amounts if q.unit is not None), None)


@QUANTITY.register("counted_goods")
def counted_goods(site: Site, amounts: Sequence[Quantity]) -> Quantity | None:
    """A count of the goods a verb trigger takes, with no unit: "agreed to order 40
    locomotives" -> 40 (not "ordered 300 troops to the border", a command)."""
    verb = site.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for c in obj.children:
            if c.dep_ == "nummod" and (n := number_of(c)) is not None:
                return Quantity(c.idx, c.idx + len(c.text), Decimal(n))
    return None


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
