"""Policies: tariffs, sanctions, purchase pledges and other measures one actor takes or promises.

A policy is found from a trigger word in ``lexicons/policy_triggers.tsv`` ("tariffs", "embargo",
"pledged to buy 12 million tonnes") and filled from the parse around it: the actor is the
possessor of the measure ("the EU's arms embargo") or the subject of the verb that governs it
(following control verbs: "China called on the United States to remove curbs" -> the United
States); the target comes from "on/against/targeting/to/for X" or a demonym on the goods
("Japanese electronic goods"); the commodity and amount come from the argument phrase; the
status from the nearest status verb (``lexicons/status_cues.tsv``). Repeated mentions of the same
measure ("the embargo ... lifting the embargo") are one record with several mentions.

The parse helpers it shares with :mod:`extract.summits` live in :mod:`extract.syntax` and
:mod:`extract.triggers`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.quantities import Quantity, find_quantities
from extract.records import ActorKind, Evidence, Mention, Policy, PolicyKind, TimeRef, TopicKind
from extract.syntax import (
    MODALS,
    actor_of,
    agent_of,
    argument_tokens,
    evidence,
    future_of,
    governor,
    group_reference,
    realised,
    recent_pair,
    status_cues,
    subject_of,
    time_near,
)
from extract.text import Layout, doc_text
from extract.topics import TopicIndex
from extract.triggers import find_triggers, verb_read_as_modifier

# -- policies ----------------------------------------------------------------------------------

_RESTRICTIVE = frozenset(
    {
        PolicyKind.TARIFF,
        PolicyKind.SANCTION,
        PolicyKind.EMBARGO,
        PolicyKind.EXPORT_RESTRICTION,
        PolicyKind.IMPORT_RESTRICTION,
        PolicyKind.QUOTA,
        PolicyKind.SUBSIDY,
    }
)
_DEFAULT_STATUS = {k: "imposed" for k in _RESTRICTIVE} | {
    PolicyKind.TRADE_AGREEMENT: "proposed",
    PolicyKind.PURCHASE_COMMITMENT: "announced",
    PolicyKind.AID: "announced",
    PolicyKind.MILITARY_AID: "announced",
}
_HUMAN = {
    PolicyKind.PURCHASE_COMMITMENT: "purchase commitment",
    PolicyKind.EXPORT_RESTRICTION: "export restriction",
    PolicyKind.IMPORT_RESTRICTION: "import restriction",
    PolicyKind.TRADE_AGREEMENT: "trade agreement",
    PolicyKind.MILITARY_AID: "military aid",
}
_TRADE_WORDS = frozenset({"trade", "free", "commercial", "economic", "tariff", "investment"})
_SIGN_VERBS = frozenset(
    {
        "sign",
        "conclude",
        "reach",
        "negotiate",
        "finalize",
        "finalise",
        "ratify",
        "approve",
        "initial",
    }
)
_CONTROL_OBJECT = frozenset(
    {
        "call",
        "urge",
        "ask",
        "press",
        "push",
        "persuade",
        "request",
        "force",
        "pressure",
        "want",
        "tell",
    }
)
_UNNAMED_STATE = frozenset(
    {
        "government",
        "country",
        "nation",
        "state",
        "administration",
        "statement",
        "ministry",
        "authority",
        "cabinet",
    }
)


@dataclass
class _Draft:
    kind: PolicyKind
    evidence: Evidence
    trigger: Span
    actor: str | None
    target: str | None
    commodity: str | None
    quantity: Quantity | None
    status: str | None
    time: TimeRef | None
    definite: bool
    strong: bool = False
    mentions: list[Mention] = field(default_factory=list)


def find_policies(
    doc: Doc, actors: ActorIndex, topics: TopicIndex, layout: Layout, published: dt.date | None
) -> Iterator[Policy]:
    """Policies mentioned in ``doc``, one record per measure, in order of first mention."""
    drafts: list[_Draft] = []
    quantities = find_quantities(doc_text(doc))
    home = _dateline_state(doc, actors, layout)
    for trig in find_triggers(doc, "policy_triggers.tsv"):
        head = trig.head(doc)
        if layout.in_heading(head.idx):
            continue
        kind = PolicyKind(trig.kind)
        if head.dep_ == "compound" and head.pos_ == "NOUN":
            continue  # a modifier ("the debt relief summit", "tariff treatment"), not a measure
        args = argument_tokens(head)
        if verb_read_as_modifier(head, "VERB", head.lower_):
            args = sorted({*args, *argument_tokens(head.head)}, key=lambda t: t.i)
        gov = governor(head)
        if head.pos_ == "VERB":
            gov = head
        span_chars = (args[0].idx, args[-1].idx + len(args[-1].text))
        qty = _quantity_in(quantities, span_chars, gov, head)
        if not _needs_met(trig.extra, head, args, gov, qty):
            continue
        if any(d.trigger.start <= head.i < d.trigger.end for d in drafts):
            continue  # the same words already made a policy of another kind
        actor = _actor(head, gov, actors, home)
        strong = any(
            c.dep_ == "poss" or c.dep_ in ("compound", "amod") and actors.at(c)
            for c in head.children
        )
        target = _target(args, actor, actors, head) or _pair_partner(gov, actor, actors)
        if kind in (PolicyKind.EXPORT_RESTRICTION,) and (owner := _export_owner(args, actors)):
            if owner != actor:
                # Curbs on *another* state's exports are that state's goods kept out: imports.
                kind, target = PolicyKind.IMPORT_RESTRICTION, owner
        commodity = _commodity(doc, args, head, topics, actors)
        status = _status(head, gov, kind)
        tokens = args + ([gov] if gov is not None and abs(gov.i - head.i) <= 6 else [])
        tref = time_near(
            list(gov.subtree) if gov is not None and gov.sent == head.sent else args,
            published,
            future_of(gov),
        )
        draft = _Draft(
            kind,
            evidence(tokens),
            doc[trig.start : trig.end],
            actor,
            target,
            commodity,
            qty,
            status,
            tref,
            _definite(head, kind),
            strong,
        )
        mention = Mention(draft.trigger.text, draft.trigger.start_char, draft.trigger.end_char)
        same = _same_as(draft, drafts)
        if same is not None:
            same.mentions.append(mention)
            same.target = same.target or target
            same.commodity = same.commodity or commodity
            continue
        if actor is None:
            continue  # a measure nobody takes cannot be stated as a fact about anyone
        draft.mentions.append(mention)
        drafts.append(draft)
    for i, d in enumerate(drafts, 1):
        yield Policy(
            key=f"policy:{i}",
            kind=d.kind,
            label=_label(d, actors, topics),
            evidence=d.evidence,
            actor=d.actor,
            target=d.target,
            commodity=d.commodity,
            quantity=d.quantity.value if d.quantity else None,
            unit=d.quantity.unit if d.quantity else None,
            status=d.status,
            time=d.time,
            mentions=tuple(d.mentions),
            confidence=0.6 if d.actor is None else 0.7,
        )


def _needs_met(
    need: str, head: Token, args: list[Token], gov: Token | None, qty: Quantity | None
) -> bool:
    lemmas = {t.lemma_.lower() for t in args} | {t.lower_ for t in args}
    if need == "-":
        return True
    if need in ("export", "import"):
        return need in lemmas or f"{need}s" in lemmas
    if need == "quantity":
        return qty is not None
    if need == "debt":
        return "debt" in lemmas
    if need == "provide":
        return gov is not None and gov.lemma_ in ("provide", "supply", "sell", "send", "deliver")
    if need == "trade":
        if any(
            c.lemma_.lower() in _TRADE_WORDS
            for c in head.children
            if c.dep_ in ("compound", "amod", "nmod")
        ):
            return True
        if gov is not None and gov.lemma_ in _SIGN_VERBS and head.dep_ == "dobj":
            return True
        return _commodity_form(" ".join(t.text for t in args)) is not None
    return False


def _quantity_in(
    quantities: list[Quantity], chars: tuple[int, int], gov: Token | None, head: Token
) -> Quantity | None:
    lo, hi = chars
    if gov is not None and gov.sent == head.sent:
        # "increased support for Africa from $1.1bn to $4.6bn": amounts on the governing verb.
        for child in gov.children:
            if child.dep_ in ("prep", "dobj", "npadvmod") and child.i > gov.i:
                sub = list(child.subtree)
                lo, hi = min(lo, sub[0].idx), max(hi, sub[-1].idx + len(sub[-1].text))
    inside = [q for q in quantities if lo <= q.start and q.end <= hi and q.unit is not None]
    if not inside:
        return None
    text = doc_text(head.doc)
    # "from X to Y": the amount reached is the one after "to".
    after_to = [q for q in inside if text[max(0, q.start - 4) : q.start].strip().lower() == "to"]
    return after_to[-1] if after_to else inside[0]


_UNDERGO = frozenset({"face", "suffer", "fear", "risk", "escape", "avoid"})


def _actor(head: Token, gov: Token | None, actors: ActorIndex, home: str | None) -> str | None:
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and (key := actors.agent(actors.at(child))):
            if actors.kind(key) in (ActorKind.COUNTRY, ActorKind.INTERNATIONAL_ORGANIZATION):
                return key  # "US aid", "EU sanctions"
    if gov is not None and gov.lemma_ in _UNDERGO and head.dep_ == "dobj":
        return None  # "Japan faces sanctions": the subject is the target, the actor unnamed
    for child in head.children:
        if child.dep_ == "poss":
            found = _state_of(actor_of(child, actors), actors)
            if found:
                return found
    for child in head.children:
        # "purchases made last month by a South Korean trade mission"
        if child.dep_ == "acl" and child.tag_ == "VBN" and (by := agent_of(child)) is not None:
            found = _state_of(actor_of(by, actors), actors)
            if found:
                return found
    verb = gov
    hops = 0
    while verb is not None and hops < 4:
        by = agent_of(verb)
        subj = by if by is not None and verb.tag_ == "VBN" else subject_of(verb)
        if subj is not None:
            found = _state_of(actor_of(subj, actors), actors) or _nationality(subj, actors)
            if found:
                return found
            if subj.lemma_.lower() in _UNNAMED_STATE and home:
                return home
            if subj.pos_ != "PRON" and not subj.ent_type_:
                # A non-actor subject ("the list includes"): look at the clause it hangs from.
                pass
        parent = verb.head
        if verb.dep_ == "ccomp":
            break  # a reported clause: whoever reports it ("Trump said ...") is not the actor
        if (
            verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "relcl", "dep")
            and parent.i != verb.i
        ):
            if parent.lemma_ in _CONTROL_OBJECT:
                for child in parent.children:
                    obj = child if child.dep_ == "dobj" else None
                    if child.dep_ == "prep" and child.lower_ == "on":
                        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and (found := _state_of(actor_of(obj, actors), actors)):
                        return found
            if verb.dep_ == "pcomp" or parent.pos_ not in ("VERB", "AUX"):
                parent = governor(parent) or parent
            verb = parent
            hops += 1
            continue
        break
    return None


def _state_of(keys: list[str], actors: ActorIndex) -> str | None:
    """A policy is a state's (or body's) act: a person acts for the state their title names."""
    for key in keys:
        draft = actors.get(key)
        if draft is None:
            continue
        if draft.kind is ActorKind.PERSON:
            if draft.country_qid and (entry := actors.gazetteer.by_qid.get(draft.country_qid)):
                return actors.ensure_entry(entry)
            continue
        if draft.kind in (ActorKind.PLACE, ActorKind.NEWS_ORGANIZATION):
            continue
        return key
    return None


def _nationality(subj: Token, actors: ActorIndex) -> str | None:
    """A person with no state known from their title: the demonym in front of the name
    ("Chinese President Xi Jinping")."""
    for t in subj.subtree:
        if t.i >= subj.i:
            break
        key = actors.at(t)
        if key and actors.kind(key) is ActorKind.COUNTRY:
            return key
    return None


def _dateline_state(doc: Doc, actors: ActorIndex, layout: Layout) -> str | None:
    """The state of the dateline city: wire copy's 'the government' is the home government."""
    for start, end, _place, _date in layout.datelines:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for key in actors.in_span(span):
            state = actors.agent(key)
            if state and actors.kind(state) is ActorKind.COUNTRY:
                return state
    return None


def _target(args: list[Token], actor: str | None, actors: ActorIndex, head: Token) -> str | None:
    """The state a measure aims at: 'on/against/targeting/to/for/from X' or a demonym on the
    goods ('Japanese electronic goods', 'U.S. soybeans')."""
    for t in args:
        if t.i == head.i:
            continue
        key = actors.agent(actors.at(t))
        if (
            key
            and key != actor
            and actors.kind(key)
            in (ActorKind.COUNTRY, ActorKind.INTERNATIONAL_ORGANIZATION, ActorKind.PLACE)
        ):
            return key
    gov = governor(head)
    if gov is not None:
        for child in gov.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in (
                "to",
                "from",
                "with",
                "on",
                "against",
                "for",
            ):
                for key in actors.in_span(child.subtree):
                    key = actors.agent(key)
                    if key and key != actor and actors.kind(key) is ActorKind.COUNTRY:
                        return key
    return None


def _pair_partner(gov: Token | None, actor: str | None, actors: ActorIndex) -> str | None:
    """ "The two countries are close to a deal", "the two leaders agreed on a framework": the
    measure is between the pair, so the side that is not its actor is its target."""
    verb = gov
    for _ in range(4):
        if verb is None:
            return None
        subj = subject_of(verb)
        if subj is not None:
            if not group_reference(subj):
                return None
            if subj.lemma_.lower() in ("country", "nation", "government", "state"):
                states = _recent_states(subj, actors)
            else:
                states = [
                    s
                    for k in recent_pair(subj, actors)
                    if (s := _state_of([k], actors)) is not None
                ]
            return next((s for s in states if s != actor), None)
        if verb.head is verb:
            return None
        verb = verb.head
    return None


def _recent_states(token: Token, actors: ActorIndex) -> list[str]:
    """The two most recent distinct states named before ``token`` ("the two countries")."""
    found: list[str] = []
    for i in range(token.i - 1, max(-1, token.i - 300), -1):
        key = actors.agent(actors.at(token.doc[i]))
        if key and actors.kind(key) is ActorKind.COUNTRY and key not in found:
            found.append(key)
            if len(found) == 2:
                break
    return found


def _export_owner(args: list[Token], actors: ActorIndex) -> str | None:
    """Whose exports: 'curbs on its exports' -> the state 'its' stands for."""
    for t in args:
        if t.lemma_.lower() == "export":
            for c in t.children:
                if c.dep_ == "poss":
                    keys = actor_of(c, actors)
                    if keys:
                        return keys[0]
    return None


@cache
def _commodity_rows() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = sorted(lexicons.table("commodities.tsv"), key=lambda r: -len(r["form"]))
    return tuple(
        (re.compile(rf"(?<![\w-]){re.escape(r['form'])}(?![\w-])", re.I), r["label"]) for r in rows
    )


def _commodity_form(text: str) -> tuple[int, int, str] | None:
    best = None
    for pattern, label in _commodity_rows():
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), label)
    return best


def _commodity(
    doc: Doc, args: list[Token], head: Token, topics: TopicIndex, actors: ActorIndex
) -> str | None:
    known = [
        k for k in topics.in_span(args) if (t := topics.get(k)) and t.kind is TopicKind.COMMODITY
    ]
    if known:
        return known[0]
    lo, hi = args[0].idx, args[-1].idx + len(args[-1].text)
    found = _commodity_form(doc_text(doc)[lo:hi])
    if found is None:
        return None
    start, end, label = found
    span = doc.char_span(lo + start, lo + end, alignment_mode="expand")
    qid = None
    for entry in actors.gazetteer.lookup(label):
        if entry.type in ("commodity", "chemical_group"):
            qid, label = entry.qid, entry.label
            break
    return topics.add(span, label, TopicKind.COMMODITY, qid)


def _status(head: Token, gov: Token | None, kind: PolicyKind) -> str:
    cues = status_cues("policy")
    chain: list[Token] = [head] if head.pos_ == "VERB" else []
    verb = gov
    while verb is not None and len(chain) < 4:
        if not chain or chain[-1] is not verb:
            chain.append(verb)
        if (
            verb.dep_
            in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl", "dobj", "pobj", "prep")
            and verb.head.i != verb.i
        ):
            verb = verb.head
        else:
            break
    unrealised = False
    for v in chain:
        lemma = v.lemma_.lower()
        if any(c.dep_ == "neg" for c in v.children) and lemma in ("agree", "support", "back"):
            return "rejected" if v is chain[0] else _DEFAULT_STATUS.get(kind, "announced")
        if lemma in cues:
            status, needs_real = cues[lemma]
            if needs_real and not realised(v):
                unrealised = True
                continue
            if (
                status == "proposed"
                and v.pos_ == "NOUN"
                and (backer := _backing_verb(v, cues)) is not None
            ):
                return backer  # "backed plans to write off debts": the plan was agreed
            if unrealised and status == "proposed":
                # "plans to end the embargo": the plan is about lifting; the measure stands.
                return _DEFAULT_STATUS.get(kind, "announced")
            if status == "agreed" and kind in _RESTRICTIVE and lemma in ("buy", "purchase"):
                continue
            return status
    if any(c.lower_ in MODALS for v in chain for c in v.children if c.dep_ == "aux"):
        return "announced" if kind is not PolicyKind.TRADE_AGREEMENT else "proposed"
    if kind is PolicyKind.TRADE_AGREEMENT and gov is not None and gov.tag_ in ("VBD", "VBN"):
        return "agreed"
    return _DEFAULT_STATUS.get(kind, "announced")


def _backing_verb(noun: Token, cues: dict[str, tuple[str, bool]]) -> str | None:
    """The status a plan or proposal gets from the realised verb it is the object of."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    status = cues.get(verb.lemma_.lower(), (None, False))[0]
    return None if status in (None, "proposed") or not realised(verb) else status


def _definite(head: Token, kind: PolicyKind) -> bool:
    """Referring back: 'the embargo', 'its restrictions'; a bare plural measure ('sanctions')
    also names the ones already in force, but bare 'purchases' are new ones."""
    if any(
        c.dep_ in ("det", "poss")
        and c.lower_ in ("the", "this", "that", "its", "their", "these", "those")
        for c in head.children
    ):
        return True
    return (
        kind in _RESTRICTIVE
        and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "nummod") for c in head.children)
    )


def _same_as(new: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """An earlier record this mention repeats: same kind, no clashing actor, target, commodity
    or amount; purchases only when referred back to ("the purchases") without a new amount."""
    for old in reversed(drafts):
        if old.kind is not new.kind:
            continue
        if new.quantity is not None and (
            old.quantity is None or old.quantity.value != new.quantity.value
        ):
            continue
        # A definite mention ("lifting the embargo") keeps the measure's owner even when the
        # verb around it has another subject; only a possessor ("Japan's quota") tells apart.
        weak = new.definite and not new.strong
        clash = any(
            a and b and a != b
            for a, b in (
                (None if weak else old.actor, new.actor),
                (old.target, new.target),
                (old.commodity, new.commodity),
            )
        )
        if clash:
            continue
        if new.kind in (PolicyKind.PURCHASE_COMMITMENT, PolicyKind.AID) and not (
            new.definite and new.quantity is None
        ):
            continue
        return old
    return None


def _label(d: _Draft, actors: ActorIndex, topics: TopicIndex) -> str:
    name = _HUMAN.get(d.kind, d.kind.value.lower())
    parts = [name]
    if d.commodity and (t := topics.get(d.commodity)):
        parts.append(f"({t.label})")
    if d.actor and (a := actors.get(d.actor)):
        parts.append(f"by {a.label}")
    if d.target and (a := actors.get(d.target)):
        parts.append(f"{'from' if d.kind is PolicyKind.PURCHASE_COMMITMENT else 'on'} {a.label}")
    if d.quantity is not None:
        parts.append(f"of {d.quantity.value:,} {d.quantity.unit or ''}".rstrip())
    return " ".join(parts)


__all__ = ["find_policies", "Decimal"]
