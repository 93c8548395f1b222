"""Policies: tariffs, sanctions, purchase pledges and other measures one actor takes or promises.

A policy is found from a trigger word in ``lexicons/policy_triggers.tsv`` ("tariffs", "embargo",
"pledged to buy 12 million tonnes") and filled from the parse around it: the actor is the
possessor of the measure ("the EU's arms embargo") or the subject of the verb that governs it
(following control verbs: "China called on the United States to remove curbs" -> the United
States); the target comes from "on/against/targeting/to/for X" or a demonym on the goods
("Japanese electronic goods"); the commodity and amount come from the argument phrase; the
status from the nearest status verb (``lexicons/status_cues.tsv``). Repeated mentions of the same
measure ("the embargo ... lifting the embargo") are one record with several mentions.

The small parse helpers here (evidence spans, status cues, dates near a word) are shared with
:mod:`extract.summits`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.dates import resolve
from extract.groups import group_members
from extract.quantities import Quantity, find_quantities
from extract.records import ActorKind, Evidence, Mention, Policy, PolicyKind, TimeRef, TopicKind
from extract.text import Layout, doc_text
from extract.topics import TopicIndex

# -- shared parse helpers -----------------------------------------------------------------------

_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "conj", "cc", "punct"})
MODALS = frozenset({"will", "would", "shall", "'ll", "\u2019ll", "could", "may", "might"})
STATES = frozenset(
    {
        ActorKind.COUNTRY,
        ActorKind.INTERNATIONAL_ORGANIZATION,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.ORGANIZATION,
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon row matched in the text: tokens ``start``..``end`` (exclusive), ``head`` last."""

    start: int
    end: int
    kind: str
    extra: str

    def head(self, doc: Doc) -> Token:
        return doc[self.end - 1]


@cache
def _rows(name: str) -> tuple[tuple[tuple[str, ...], str, str, str], ...]:
    rows = []
    for r in lexicons.table(name):
        words = tuple(re.findall(r"[\w$%£€']+|[^\w\s]", r["form"].lower()))
        rows.append((words, r["pos"], r["kind"], r.get("needs") or r.get("group") or "-"))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _index(name: str) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Row positions by first word: rows of several words (their first word matches by lower
    form only), and single-word rows (matched by lower form or lemma). Looking rows up by the
    token's own forms instead of trying every row at every token keeps matching linear in the
    text whatever the lexicon's size."""
    several: dict[str, list[int]] = {}
    single: dict[str, list[int]] = {}
    for pos, (words, *_rest) in enumerate(_rows(name)):
        (several if len(words) > 1 else single).setdefault(words[0], []).append(pos)
    return ({w: tuple(v) for w, v in several.items()}, {w: tuple(v) for w, v in single.items()})


def _candidates(name: str, token: Token) -> list[int]:
    several, single = _index(name)
    lower, lemma = token.lower_, token.lemma_.lower()
    found = {*several.get(lower, ()), *single.get(lower, ()), *single.get(lemma, ())}
    return sorted(found)  # the rows' own order: longest first, then as listed


def find_triggers(doc: Doc, lexicon: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Lexicon rows matched on tokens: every word by lower form, the last also by lemma (plurals);
    several rows may match the same tokens (a restriction on exports or on imports)."""
    end = len(doc) if end is None else end
    rows = _rows(lexicon)
    found: list[Trigger] = []
    taken: set[int] = set()
    for i in range(start, end):
        best: list[Trigger] = []
        for row in _candidates(lexicon, doc[i]):
            words, pos, kind, extra = rows[row]
            n = len(words)
            if i + n > end or (best and n < best[0].end - best[0].start):
                continue
            if not all(doc[i + k].lower_ == words[k] for k in range(n - 1)):
                continue
            last = doc[i + n - 1]
            if last.lower_ != words[-1] and last.lemma_.lower() != words[-1]:
                continue
            if (
                n == 1
                and pos
                and last.pos_ != pos
                and not (pos == "NOUN" and last.pos_ == "PROPN")
                and not _verb_read_as_modifier(last, pos, words[-1])
            ):
                continue
            best.append(Trigger(i, i + n, kind, extra))
        if best and not any(t in taken for t in range(best[0].start, best[0].end)):
            found.extend(best)
            taken.update(range(best[0].start, best[0].end))
    return found


def _verb_read_as_modifier(token: Token, pos: str, form: str) -> bool:
    """A lexicon verb in its bare form that the tagger read as an adjective of the next noun
    ("voluntarily restrain exports" tagged like "voluntary exports"): still the verb."""
    return (
        pos == "VERB"
        and token.pos_ == "ADJ"
        and token.lower_ == form
        and token.dep_ == "amod"
        and token.head.i == token.i + 1
    )


def governor(token: Token) -> Token | None:
    """The verb (or adjective predicate) that governs a noun through prepositions and objects."""
    t = token
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return None


def argument_tokens(head: Token, limit: int = 14) -> list[Token]:
    """The phrase a trigger heads, without the clauses hanging off it, at most ``limit`` tokens
    either side: 'punitive tariffs of 300 mln dlrs a year on Japanese electronic goods'."""
    keep: list[Token] = [head]
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or child.dep_ in (
            "nsubj",
            "nsubjpass",
            "aux",
            "auxpass",
            "mark",
            "advmod",
            "neg",
        ):
            continue
        keep.extend(child.subtree)
    if head.dep_ == "dobj":
        # "remove curbs on its exports": the parser often hangs the object's "on" on the verb.
        for child in head.head.children:
            if (
                child.dep_ == "prep"
                and child.i > head.i
                and child.lower_ in ("on", "against", "of", "for", "to", "from")
            ):
                keep.extend(child.subtree)
    keep = [t for t in keep if abs(t.i - head.i) <= limit and t.sent == head.sent]
    return sorted(set(keep), key=lambda t: t.i)


def evidence(tokens: Iterable[Token]) -> Evidence:
    toks = sorted(tokens, key=lambda t: t.i)
    first, last = toks[0], toks[-1]
    while last.is_punct and last.i > first.i:
        last = first.doc[last.i - 1]
    sent = first.sent
    return Evidence(
        start=first.idx,
        end=last.idx + len(last.text),
        sentence=sent.text,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def actor_of(token: Token | None, actors: ActorIndex) -> list[str]:
    """Actor keys a noun phrase stands for: its own mention, a pronoun's antecedent, the actors
    in its modifiers ("G7 finance ministers"), and each conjunct ("Trump and Xi")."""
    if token is None:
        return []
    out: list[str] = []
    for t in [token, *token.conjuncts]:
        key = actors.resolve(t)
        if key is None and not group_reference(t) and (members := group_members(t, actors)):
            out.extend(k for k in members if k not in out)
            continue
        if key is None and t.pos_ == "PROPN":
            key = actors.person_named(t)  # "Mr Straw" where the tagger missed the name
        if key is None:
            inner = [
                c
                for c in t.subtree
                if c.dep_ not in ("relcl", "acl", "prep", "conj", "cc") or c.i == t.i
            ]
            keys = actors.in_span(inner)
            key = keys[0] if keys else None
        if key is None:
            # The tagger missed a name it found elsewhere ("G7 finance ministers"): a proper
            # noun spelled exactly like a known actor's label is that actor.
            labels = _labels(actors)
            key = next(
                (
                    labels[c.text.lower()]
                    for c in t.subtree
                    if c.pos_ == "PROPN" and c.text.lower() in labels
                ),
                None,
            )
        if key is None and group_reference(t):
            out.extend(k for k in recent_pair(t, actors) if k not in out)
            continue
        if key and (key := actors.agent(key)) not in out:
            out.append(key)
    return out


def _labels(actors: ActorIndex) -> dict[str, str]:
    """One-word actor labels ("G7", "GATT") to their keys."""
    return {
        a.label.lower(): a.key
        for a in actors.actors
        if a.kind is not ActorKind.PLACE and " " not in a.label
    }


def recent_pair(token: Token, actors: ActorIndex) -> list[str]:
    """The two most recent distinct people (else states) named before ``token``."""
    people: list[str] = []
    states: list[str] = []
    for i in range(token.i - 1, max(-1, token.i - 300), -1):
        key = actors.at(token.doc[i])
        if key is None:
            continue
        kind = actors.kind(key)
        bucket = (
            people if kind is ActorKind.PERSON else states if kind is ActorKind.COUNTRY else None
        )
        if bucket is not None and key not in bucket:
            bucket.append(key)
        if len(people) == 2:
            return people[::-1]
    return people[::-1] if len(people) == 2 else states[:2][::-1]


def group_reference(token: Token) -> bool:
    """'the two leaders', 'both sides', 'the two nations': a pair named earlier."""
    if token.lemma_.lower() not in (
        "leader",
        "side",
        "nation",
        "country",
        "government",
        "president",
        "head",
        "party",
    ):
        return False
    return any(c.lower_ in ("two", "both") for c in token.children)


def time_near(
    tokens: Iterable[Token], published: dt.date | None, future: bool | None
) -> TimeRef | None:
    """The first DATE/TIME entity among ``tokens`` (or attached to them), resolved."""
    seen: set[int] = set()
    for t in tokens:
        if t.ent_type_ in ("DATE", "TIME") and t.i not in seen:
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is None:
                continue
            seen.update(range(ent.start, ent.end))
            text = ent.text
            if text.lower().endswith(("'s", "\u2019s")):
                text = text[:-2]
            if re.search(r"\d+\s*(?:mln|bln|billion|million|%)", text, re.I):
                continue
            return resolve(text, published, future=future)
    return None


@cache
def status_cues(applies: str) -> dict[str, tuple[str, bool]]:
    return {
        r["cue"]: (r["status"], r["realised"] == "yes")
        for r in lexicons.table("status_cues.tsv")
        if r["applies"] in (applies, "both")
    }


def realised(verb: Token) -> bool:
    """A finite verb, not under a modal, a plan or a negation: the act happened."""
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "pcomp", "advcl", "acl", "ccomp"):
        return False
    if verb.tag_ == "VB" and not any(
        c.dep_ == "aux" and c.lower_ in ("did", "do", "does") for c in verb.children
    ):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in verb.children):
        return False
    return not any(c.dep_ == "neg" for c in verb.children)


def future_of(verb: Token | None) -> bool | None:
    if verb is None:
        return None
    chain = [verb, *verb.ancestors]
    for v in chain[:3]:
        if any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "\u2019ll", "shall", "would")
            for c in v.children
        ):
            return True
        if v.lemma_ in (
            "plan",
            "hope",
            "expect",
            "due",
            "set",
            "intend",
            "schedule",
            "accept",
            "invitation",
            "invite",
            "leave",
        ):
            return True
    if verb.tag_ in ("VBD", "VBN"):
        return False
    return None


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
        if _verb_read_as_modifier(head, "VERB", head.lower_):
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
