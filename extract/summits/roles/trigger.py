"""Role rules over the dependents of the trigger word itself ("Biden's visit to Beijing",
"talks between X and Y", "the Paris meeting").

Each rule is ``(site, roles, dependent) -> bool``: it reads one dependent of the trigger and
returns True when the dependent is its construction. For each dependent, in sentence order, the
rules of the registry :data:`TRIGGER_DEPENDENT_RULES` are tried in the order they are
registered (the order of this module) and the first that claims it wins.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.groups import standing_group
from extract.records import ActorKind
from extract.rules import Registry
from extract.summits.lexicon import membership_words, words
from extract.summits.parse import split_conjuncts
from extract.summits.roles.state import (
    DependentRule,
    Roles,
    Site,
    add,
    latest_pair,
    party_of,
    place,
    set_location,
    titles,
    visit_host,
)
from extract.syntax import subject_of

TRIGGER_DEPENDENT_RULES: Registry[DependentRule] = Registry("summit trigger dependent")


def _objects(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


@TRIGGER_DEPENDENT_RULES.register("possessor")
def possessor(site: Site, roles: Roles, dep: Token) -> bool:
    """A possessor is a party: "Macron's visit", "the two leaders' talks" (the latest pair)."""
    if dep.dep_ != "poss":
        return False
    if not latest_pair(site, roles, dep):
        owner = _fronted_owner(site, dep) or _clause_owner(site, dep)
        add(site, roles, party_of(site, owner or dep))
    return True


def _clause_owner(site: Site, dep: Token) -> Token | None:
    """ "their" in a phrase of a clause whose subject is several is that subject: "Funaro and
    Gros visited Washington as part of their trip" (their = Funaro and Gros)."""
    if dep.tag_ != "PRP$" or dep.lower_ != "their":
        return None
    tok = site.head
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        up = tok.head.head
        if up.pos_ in ("VERB", "AUX"):
            subj = subject_of(up)
            plural = subj is not None and (subj.conjuncts or subj.tag_ in ("NNS", "NNPS"))
            return subj if plural and subj is not None and subj.i < dep.i else None
        tok = up
    return None


def _fronted_owner(site: Site, dep: Token) -> Token | None:
    """A possessive pronoun in a phrase put before its clause points ahead to the clause's
    subject: "At their meeting in London, G7 ministers backed ..." (their = G7 ministers)."""
    prep = site.head.head
    if dep.tag_ != "PRP$" or site.head.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    subj = subject_of(prep.head)
    return subj if subj is not None and subj.i > site.head.i else None


@TRIGGER_DEPENDENT_RULES.register("named_modifier")
def named_modifier(site: Site, roles: Roles, dep: Token) -> bool:
    """A name before the trigger is its place or a party: "the Paris meeting", "the Biden call".

    A country before a visit is the visitor ("a French visit"), before a meeting its place.
    """
    if dep.dep_ not in ("compound", "amod", "nmod"):
        return False
    key = site.actors.at(dep)
    if not key:
        return False
    kind = site.actors.kind(key)
    if kind in (ActorKind.CITY, ActorKind.PLACE) or (
        kind is ActorKind.COUNTRY and not site.is_visit
    ):
        set_location(roles, key)
    else:
        add(site, roles, [site.actors.agent(key)])
    return True


@TRIGGER_DEPENDENT_RULES.register("standing_group_modifier")
def standing_group_modifier(site: Site, roles: Roles, dep: Token) -> bool:
    """A standing group before the trigger is one party: "the G20 summit"."""
    if dep.dep_ not in ("compound", "nmod") or not (label := standing_group(dep)):
        return False
    add(site, roles, [site.actors.ensure_named(label, ActorKind.INTERNATIONAL_ORGANIZATION)])
    return True


@TRIGGER_DEPENDENT_RULES.register("party_phrase")
def party_phrase(site: Site, roles: Roles, dep: Token) -> bool:
    """ "between/with/of/by/among X" names the parties: "talks between Chile and Peru"."""
    if dep.dep_ != "prep" or dep.lower_ not in words("party_preposition"):
        return False
    for obj in _objects(dep):
        if not latest_pair(site, roles, obj):
            for party in [*split_conjuncts(obj), obj]:
                add(site, roles, party_of(site, party))
        _city_after(site, roles, obj)
    return True


def _city_after(site: Site, roles: Roles, obj: Token) -> None:
    """ "a meeting of the committee in Geneva": the parser hangs the place on the party; only a
    city is read so ("ministers in the EU" names no meeting place)."""
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in words("place_preposition"):
            for o in _objects(prep):
                if (key := place(site, o)) and site.actors.kind(key) is ActorKind.CITY:
                    set_location(roles, key)


@TRIGGER_DEPENDENT_RULES.register("participle_place")
def participle_place(site: Site, roles: Roles, dep: Token) -> bool:
    """A participle on the trigger says where: "the next meeting, to be held in Vienna", "a
    summit scheduled in Lima"."""
    if dep.dep_ not in ("acl", "relcl") or dep.tag_ not in ("VBN", "VB"):
        return False
    for prep in dep.children:
        if prep.dep_ == "prep" and prep.lower_ in words("place_preposition"):
            for o in _objects(prep):
                set_location(roles, place(site, o))
    return False  # the participle may say more (its date, its cue)


@TRIGGER_DEPENDENT_RULES.register("place_phrase")
def place_phrase(site: Site, roles: Roles, dep: Token) -> bool:
    """ "in/at <place>" is where it is: "a meeting in Lima"."""
    if dep.dep_ != "prep" or dep.lower_ not in words("place_preposition"):
        return False
    for obj in _objects(dep):
        set_location(roles, place(site, obj))
    return True


@TRIGGER_DEPENDENT_RULES.register("visit_destination")
def visit_destination(site: Site, roles: Roles, dep: Token) -> bool:
    """A visit's "to <place>" is its place and host: "a visit to Seoul"."""
    if dep.dep_ != "prep" or dep.lower_ != "to" or not site.is_visit:
        return False
    for obj in _objects(dep):
        visit_host(site, roles, obj)
    return True


@TRIGGER_DEPENDENT_RULES.register("membership_topic")
def membership_topic(site: Site, roles: Roles, dep: Token) -> bool:
    """Talks "on X's membership of Y" are between the applicant and the body it would join."""
    if dep.dep_ != "prep" or dep.lower_ != "on":
        return False
    for obj in _objects(dep):
        if obj.lemma_.lower() in membership_words():
            add(site, roles, [k for t in obj.subtree if (k := site.actors.at(t))])
    return True


@TRIGGER_DEPENDENT_RULES.register("visit_here")
def visit_here(site: Site, roles: Roles, dep: Token) -> bool:
    """A visit "here" is to the dateline's place: "during his visit here"."""
    if dep.dep_ != "advmod" or dep.lower_ != "here" or not site.is_visit:
        return False
    visit_host(site, roles, dep)
    return True


@TRIGGER_DEPENDENT_RULES.register("visited_object")
def visited_object(site: Site, roles: Roles, dep: Token) -> bool:
    """The object of a visit verb is the place visited: "Scholz visits Beijing"."""
    if dep.dep_ != "dobj" or not site.is_visit:
        return False
    visit_host(site, roles, dep)
    return True


def office_chain_owner(site: Site, roles: Roles) -> None:
    """A body's officials written before a noun chain ending in the trigger are its parties:
    in "an EU heads of government summit meeting" the parser reads "heads" as the phrase's
    head and the meeting as "of" it; the trigger then has no determiner of its own and a noun
    of the chain ("government", "summit") before it."""
    head = site.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return
    office = prep.head
    if office.tag_ != "NNS" or office.lemma_.lower() not in titles():
        return
    if any(c.dep_ == "det" for c in head.children) or not any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < head.i for c in head.children
    ):
        return
    for mod in office.children:
        if mod.dep_ in ("compound", "amod", "nmod") and (key := site.actors.at(mod)):
            add(site, roles, [site.actors.agent(key)])


def read_trigger_dependents(site: Site, roles: Roles) -> None:
    """The trigger's own dependents ("Biden's visit to Beijing"), each read by the first
    rule of :data:`TRIGGER_DEPENDENT_RULES` that claims it."""
    rules = tuple(TRIGGER_DEPENDENT_RULES)
    for dep in site.head.children:
        for rule in rules:
            if rule(site, roles, dep):
                break
