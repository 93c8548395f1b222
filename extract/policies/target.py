"""Whom a policy aims at: ordered rules over the trigger's phrase and its verb, and the kind
changes a target implies."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.policies.actor import state_of
from extract.policies.lexicon import policy_words
from extract.policies.sites import Site
from extract.records import ActorKind, PolicyKind
from extract.rules import Registry
from extract.syntax import actor_of, governor, group_reference, recent_pair, subject_of

TargetRule = Callable[[Site, "str | None"], "str | None"]
TARGET: Registry[TargetRule] = Registry("policy target")

KindRule = Callable[[Site, PolicyKind, "str | None"], "tuple[PolicyKind, str] | None"]
KIND_CHANGE: Registry[KindRule] = Registry("policy kind change")

_AIMED_AT = (ActorKind.COUNTRY, ActorKind.INTERNATIONAL_ORGANIZATION, ActorKind.PLACE)


@TARGET.register("beneficiary")
def beneficiary(site: Site, actor: str | None) -> str | None:
    """The subject of a verb of benefiting from, receiving or suffering the measure is its
    target: "Kenya will benefit from the tariff cut", "Chile faces tariffs" -> Kenya, Chile."""
    gov = site.gov
    if gov is None:
        return None
    undergone = gov.lemma_ in policy_words("undergo_verb") and site.head.dep_ == "dobj"
    if not undergone and gov.lemma_.lower() not in policy_words("benefit_verb"):
        return None
    subj = subject_of(gov)
    found = state_of(actor_of(subj, site.actors), site.actors) if subj is not None else None
    return found if found != actor else None


@TARGET.register("in_phrase")
def in_phrase(site: Site, actor: str | None) -> str | None:
    """A state named in the measure's phrase other than its actor: "tariffs on Chilean
    copper", "sanctions against Peru"."""
    actors = site.actors
    for t in site.args:
        if t.i == site.head.i:
            continue
        key = actors.agent(actors.at(t))
        if key and key != actor and actors.kind(key) in _AIMED_AT:
            return key
    return None


@TARGET.register("verb_preposition")
def verb_preposition(site: Site, actor: str | None) -> str | None:
    """A country after "to/from/with/on/against/for" on the verb that governs the measure:
    "sold arms worth $2m to Peru"."""
    gov = governor(site.head)
    if gov is None:
        return None
    actors = site.actors
    for child in gov.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in policy_words("target_preposition"):
            for named in actors.in_span(child.subtree):
                key = actors.agent(named)
                if key and key != actor and actors.kind(key) is ActorKind.COUNTRY:
                    return key
    return None


@TARGET.register("described_states")
def described_states(site: Site, actor: str | None) -> str | None:
    """States described, not named, as what the measure aims at: "write off the debts of the
    world's poorest countries" -> poorest countries (one group actor, as "the seven richest
    nations" is); only for a measure with an actor, so no stray group is made."""
    if actor is None:
        return None
    actors, doc = site.actors, site.ctx.doc
    for t in _aim_tokens(site):
        if t.tag_ != "NNS" or t.lemma_.lower() not in policy_words("pair_state_noun"):
            continue
        mods = [
            c
            for c in t.children
            if c.dep_ in ("amod", "compound") and c.i < t.i and actors.at(c) is None
        ]
        if mods and actors.at(t) is None:
            label = doc[min(c.left_edge.i for c in mods) : t.i + 1].text
            return actors.ensure_named(label, ActorKind.COUNTRY)
    return None


def _aim_tokens(site: Site) -> list[Token]:
    """The measure's phrase and the objects and prepositions after its governing verb."""
    tokens = list(site.args)
    gov = site.gov
    if gov is not None and gov.sent == site.head.sent:
        for c in gov.children:
            if c.dep_ in ("dobj", "prep", "dative") and c.i > gov.i:
                tokens.extend(c.subtree)
    return tokens


@TARGET.register("pair_partner")
def pair_partner(site: Site, actor: str | None) -> str | None:
    """A measure of a pair named earlier: the side that is not its actor ("Peru and Chile
    met. The two countries are close to a trade deal")."""
    actors, verb = site.actors, site.gov
    for _ in range(4):
        if verb is None:
            return None
        subj = subject_of(verb)
        if subj is not None:
            if not group_reference(subj):
                return None
            if subj.lemma_.lower() in policy_words("pair_state_noun"):
                states = recent_states(subj, actors)
            else:
                states = [
                    s for k in recent_pair(subj, actors) if (s := state_of([k], actors)) is not None
                ]
            return next((s for s in states if s != actor), None)
        if verb.head is verb:
            return None
        verb = verb.head
    return None


def recent_states(token: Token, actors: ActorIndex) -> list[str]:
    """The two most recent distinct states named before ``token`` ("the two countries")."""
    found: list[str] = []
    for i in range(token.i - 1, max(-1, token.i - 300), -1):
        key = actors.agent(actors.at(token.doc[i]))
        if key and actors.kind(key) is ActorKind.COUNTRY and key not in found:
            found.append(key)
            if len(found) == 2:
                break
    return found


@KIND_CHANGE.register("other_states_exports")
def other_states_exports(
    site: Site, kind: PolicyKind, actor: str | None
) -> tuple[PolicyKind, str] | None:
    """Curbs on *another* state's exports keep its goods out: an import restriction aimed at
    it ("Peru lifted its curbs on Chile's exports" -> import restriction on Chile)."""
    if kind is not PolicyKind.EXPORT_RESTRICTION:
        return None
    for t in site.args:
        if t.lemma_.lower() == "export":
            for c in t.children:
                if c.dep_ == "poss" and (keys := actor_of(c, site.actors)):
                    owner = keys[0]
                    return (PolicyKind.IMPORT_RESTRICTION, owner) if owner != actor else None
    return None


def target_of(site: Site, actor: str | None) -> str | None:
    """The actor key the measure at ``site`` aims at: the first rule that finds one."""
    for rule in TARGET:
        found = rule(site, actor)
        if found is not None:
            return found
    return None


def kind_and_target(
    site: Site, kind: PolicyKind, actor: str | None, target: str | None
) -> tuple[PolicyKind, str | None]:
    """The kind and target after the first kind change that applies."""
    for rule in KIND_CHANGE:
        changed = rule(site, kind, actor)
        if changed is not None:
            return changed
    return kind, target


__all__ = ["KIND_CHANGE", "TARGET", "kind_and_target", "recent_states", "target_of"]
