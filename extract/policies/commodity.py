"""What goods a policy is about: ordered rules over the trigger's phrase."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Span

from extract import lexicons
from extract.policies.lexicon import policy_words
from extract.policies.sites import Site
from extract.quantities import Quantity, goods_of_unit
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
    if span is not None and (narrower := _compounded(span, site)) is not None:
        span, label = narrower, narrower.text.lower()
    qid = None
    for entry in site.actors.gazetteer.lookup(label):
        if entry.type in ("commodity", "chemical_group"):
            qid, label = entry.qid, entry.label
            break
    return site.ctx.topics.add(span, label, TopicKind.COMMODITY, qid)


def _compounded(span: Span, site: Site) -> Span | None:
    """The goods word with the common nouns compounded before it ("jet fuel", "palm oil"), or
    None when there are none (a state or an amount before it is no part of the goods)."""
    doc, start = site.ctx.doc, span.start
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "NOUN"
        and doc[start - 1].head.i in range(span.start, span.end)
        and not site.actors.at(doc[start - 1])
    ):
        start -= 1
    return doc[start : span.end] if start < span.start else None


@COMMODITY.register("goods_phrase")
def goods_phrase(site: Site) -> str | None:
    """Unnamed goods in the phrase, with the words that say whose or which they are: "a
    shopping list of 2 bln dlrs of U.S. goods" -> U.S. goods, "curbs on farm products"."""
    words = policy_words("goods_noun")
    for t in site.args:
        if (
            t.i == site.head.i
            or t.pos_ not in ("NOUN", "PROPN")
            or not {t.lower_, t.lemma_.lower()} & words
        ):
            continue  # "goods" is lemmatised "good"
        mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.i < t.i]
        start = min((c.left_edge.i for c in mods), default=t.i)
        span = site.ctx.doc[start : t.i + 1]
        return site.ctx.topics.add(span, span.text, TopicKind.COMMODITY)
    return None


@COMMODITY.register("aid_instrument")
def aid_instrument(site: Site) -> str | None:
    """The kind of aid, when no goods are named: the aid noun with the compound words before
    it ("a 1.3-billion-dlr stand-by loan" -> stand-by loan, "development aid"); a verb that
    writes off or defers a debt gives debt relief ("agreed to write off the debts")."""
    head = site.head
    if head.pos_ == "VERB" or head.dep_ == "prt":  # "write off": the trigger ends in "off"
        verb = head if head.pos_ == "VERB" else head.head
        if "debt" not in {t.lemma_.lower() for t in verb.subtree}:
            return None
        span = site.ctx.doc[verb.i : head.i + 1]
        return site.ctx.topics.add(span, "debt relief", TopicKind.TOPIC)
    if head.lemma_.lower() not in policy_words("aid_noun"):
        return None
    span = _with_compounds(site)
    return site.ctx.topics.add(span, span.text, TopicKind.TOPIC)


def _with_compounds(site: Site) -> Span:
    """The head noun with the words before it that are compound modifiers or hyphenated
    adjectives, stopping at an amount or an actor ("US", "1.3-billion-dlr")."""
    head, doc, actors = site.head, site.ctx.doc, site.actors
    start = i = head.i
    while i > 0:
        j = i - 1
        while j > 0 and doc[j - 1].whitespace_ == "":
            j -= 1  # one written word: "stand-by" is three tokens
        word = doc[j:i]
        if any(t.like_num or actors.at(t) for t in word):
            break
        if not any(t.dep_ == "compound" or (len(word) > 1 and t.dep_ == "amod") for t in word):
            break
        start = i = j
    return doc[start : head.i + 1]


def commodity_of(site: Site, qty: Quantity | None = None) -> str | None:
    """The topic key of the goods the measure at ``site`` is about (the first rule that finds),
    else the goods its amount's unit measures: "a quota of 1.5 mln bpd" -> crude oil."""
    for rule in COMMODITY:
        found = rule(site)
        if found is not None:
            return found
    label = goods_of_unit(qty.unit) if qty is not None else None
    if label is None:
        return None
    # No mention: the amount is not a name of the goods (nor what a statement is about).
    return site.ctx.topics.add(None, label, TopicKind.COMMODITY)


__all__ = ["COMMODITY", "commodity_form", "commodity_of"]
