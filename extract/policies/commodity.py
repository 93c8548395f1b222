"""What goods a policy is about: ordered rules over the trigger's phrase."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from extract import lexicons
from extract.policies.sites import Site
from extract.records import TopicKind
from extract.rules import Registry

CommodityRule = Callable[[Site], "str | None"]
COMMODITY: Registry[CommodityRule] = Registry("policy commodity")


@cache
def _commodity_rows() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = sorted(lexicons.table("commodities.tsv"), key=lambda r: -len(r["form"]))
    return tuple(
        (re.compile(rf"(?<![\w-]){re.escape(r['form'])}(?![\w-])", re.I), r["label"]) for r in rows
    )


def commodity_form(text: str) -> tuple[int, int, str] | None:
    """The first commodity word of ``lexicons/commodities.tsv`` in ``text``: (start, end,
    label), the longest form winning at one place ("crude oil" over "oil")."""
    best = None
    for pattern, label in _commodity_rows():
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), label)
    return best


@COMMODITY.register("known_topic")
def known_topic(site: Site) -> str | None:
    """A commodity topic already found in the phrase: "tariffs on Chilean copper" -> copper."""
    topics = site.ctx.topics
    known = [
        k
        for k in topics.in_span(site.args)
        if (t := topics.get(k)) and t.kind is TopicKind.COMMODITY
    ]
    return known[0] if known else None


@COMMODITY.register("commodity_word")
def commodity_word(site: Site) -> str | None:
    """A commodity word of the lexicon in the phrase, made a topic (its QID from the
    gazetteer): "a quota on imported sugar" -> sugar."""
    lo, hi = site.args_chars
    found = commodity_form(site.ctx.text[lo:hi])
    if found is None:
        return None
    start, end, label = found
    span = site.ctx.doc.char_span(lo + start, lo + end, alignment_mode="expand")
    qid = None
    for entry in site.actors.gazetteer.lookup(label):
        if entry.type in ("commodity", "chemical_group"):
            qid, label = entry.qid, entry.label
            break
    return site.ctx.topics.add(span, label, TopicKind.COMMODITY, qid)


def commodity_of(site: Site) -> str | None:
    """The topic key of the goods the measure at ``site`` is about (the first rule that finds)."""
    for rule in COMMODITY:
        found = rule(site)
        if found is not None:
            return found
    return None


__all__ = ["COMMODITY", "commodity_form", "commodity_of"]
