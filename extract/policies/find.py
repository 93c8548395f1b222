"""The policy extractor: every trigger of ``lexicons/policy_triggers.tsv`` in the document,
its slots filled by the rule registries, repeated mentions merged into one record."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from extract.context import DocContext
from extract.policies.actor import actor_of_site, allotted, co_actors, home_state
from extract.policies.commodity import commodity_of
from extract.policies.drafts import Draft, definite, record, same_as
from extract.policies.needs import need_met
from extract.policies.quantity import quantity_of
from extract.policies.sites import Site, site_of
from extract.policies.status import status_of
from extract.policies.target import kind_and_target, target_of
from extract.quantities import Quantity, find_quantities
from extract.records import Mention, Policy, PolicyKind
from extract.syntax import evidence, future_of, subject_of, time_near
from extract.triggers import Trigger, find_triggers


def find_policies(ctx: DocContext) -> Iterator[Policy]:
    """Policies mentioned in the document, one record per measure, in order of first mention."""
    drafts: list[Draft] = []
    quantities = find_quantities(ctx.text)  # once for all triggers
    home = home_state(ctx)
    for trig in find_triggers(ctx.doc, "policy_triggers.tsv"):
        head = trig.head(ctx.doc)
        if ctx.layout.in_heading(head.idx):
            continue
        kind = PolicyKind(trig.kind)
        if head.dep_ == "compound" and head.pos_ == "NOUN":
            continue  # a modifier ("the debt relief summit", "tariff treatment"), not a measure
        site = site_of(ctx, head, home)
        qty = quantity_of(site, quantities)
        if not need_met(trig.extra, site, qty):
            continue
        if any(d.trigger.start <= head.i < d.trigger.end for d in drafts):
            continue  # the same words already made a policy of another kind
        draft = _draft(site, trig, kind, qty)
        if draft.actor is None and (whole := _measure_as_subject(site, drafts)) is not None:
            # "The sanctions will cut economic aid": a part of a measure is its taker's.
            draft = replace(draft, actor=whole.actor, target=draft.target or whole.target)
        if kind is PolicyKind.QUOTA:
            setters = [d.actor for d in drafts if d.kind is kind and d.actor]
            if setter := allotted(site, draft.actor, setters):
                # A member's quota is part of the body's own arrangement and stands as it does
                # ("the ceiling agreed by OPEC ... Iraq has a quota of" -> agreed).
                scheme = next(d for d in reversed(drafts) if d.kind is kind and d.actor == setter)
                draft = replace(draft, actor=setter, target=draft.actor, status=scheme.status)
        mention = Mention(draft.trigger.text, draft.trigger.start_char, draft.trigger.end_char)
        same = same_as(draft, drafts)
        if same is not None:
            same.mentions.append(mention)
            same.target = same.target or draft.target
            same.commodity = same.commodity or draft.commodity
            continue
        if draft.actor is None:
            continue  # a measure nobody takes cannot be stated as a fact about anyone
        draft.mentions.append(mention)
        drafts.append(draft)
        for other in co_actors(site, draft.actor):  # "Norway and Sweden imposed ...": both
            target = None if draft.target == other else draft.target
            drafts.append(replace(draft, actor=other, target=target, mentions=[mention]))
    for i, d in enumerate(drafts, 1):
        yield record(i, d, ctx.actors, ctx.topics)


def _measure_as_subject(site: Site, drafts: list[Draft]) -> Draft | None:
    """The measure already found that is the subject of the verb governing this one ("The
    sanctions will end all military cooperation and cut economic aid": the sanctions')."""
    verb = site.gov
    while verb is not None and verb.dep_ == "conj" and subject_of(verb) is None:
        verb = verb.head  # "will end ... and cut": the subject of the first verb
    subj = subject_of(verb) if verb is not None else None
    if subj is None:
        return None
    for d in drafts:
        if d.actor and any(m.start <= subj.idx < m.end for m in d.mentions):
            return d
    return None


def _draft(site: Site, trig: Trigger, kind: PolicyKind, qty: Quantity | None) -> Draft:
    """One mention's slots, each from its registry, in the order they depend on each other:
    the target needs the actor, the status and merging need the final kind."""
    head, gov, actors = site.head, site.gov, site.actors
    actor = actor_of_site(site)
    strong = any(
        c.dep_ == "poss" or c.dep_ in ("compound", "amod") and actors.at(c) for c in head.children
    )
    target = target_of(site, actor)
    kind, target = kind_and_target(site, kind, actor, target)
    commodity = commodity_of(site, qty)
    status = status_of(site, kind)
    args = list(site.args)
    tokens = args + ([gov] if gov is not None and abs(gov.i - head.i) <= 6 else [])
    tref = time_near(
        list(gov.subtree) if gov is not None and gov.sent == head.sent else args,
        site.ctx.published,
        future_of(gov),
    )
    doc = site.ctx.doc
    return Draft(
        kind,
        evidence(tokens),
        doc[trig.start : trig.end],
        actor,
        target,
        commodity,
        qty,
        status,
        tref,
        definite(head, kind),
        strong,
    )


__all__ = ["find_policies"]
