"""Who takes a policy: ordered rules over the parse around the trigger.

A policy is a state's (or an international body's) act, so every rule maps what it finds to
a state (:func:`state_of`): a minister acts for the country of their title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.context import DocContext
from extract.policies.lexicon import policy_words
from extract.policies.sites import Site
from extract.records import ActorKind
from extract.rules import Outcome, Registry
from extract.syntax import actor_of, agent_of, governor, subject_of

ActorRule = Callable[[Site], "str | Outcome | None"]
ACTOR: Registry[ActorRule] = Registry("policy actor")

_BODIES = (ActorKind.COUNTRY, ActorKind.INTERNATIONAL_ORGANIZATION)
# Clause links the actor search climbs ("agreed to impose"); not ccomp: whoever reports a
# clause ("Peru said it would impose") is not its actor.
_CLIMB = frozenset({"xcomp", "advcl", "conj", "acl", "pcomp", "relcl", "dep"})


@ACTOR.register("state_modifier")
def state_modifier(site: Site) -> str | None:
    """A country or international body modifying the measure: "EU sanctions", "US aid"."""
    actors = site.actors
    for child in site.head.children:
        if child.dep_ in ("compound", "amod", "nmod") and (key := actors.agent(actors.at(child))):
            if actors.kind(key) in _BODIES:
                return key
    return None


@ACTOR.register("possessor")
def possessor(site: Site) -> str | None:
    """The possessor of the measure: "Peru's quota on sugar" -> Peru."""
    for child in site.head.children:
        if child.dep_ == "poss" and (found := state_of(actor_of(child, site.actors), site.actors)):
            return found
    return None


@ACTOR.register("passive_agent")
def passive_agent(site: Site) -> str | None:
    """The agent of a participle on the measure: "purchases made by a Kenyan trade mission",
    "a ceiling agreed by OPEC" (the parser tags some such participles as past tenses)."""
    for child in site.head.children:
        if (
            child.dep_ == "acl"
            and child.tag_ in ("VBN", "VBD")
            and (by := agent_of(child)) is not None
        ):
            if found := state_of(actor_of(by, site.actors), site.actors):
                return found
    return None


@ACTOR.register("undergoer")
def undergoer(site: Site) -> str | Outcome | None:
    """The subject suffers or receives the measure, so it is not the actor; the actor is a
    state the measure comes "from", else unnamed: "Chile faces tariffs" (Chile is the
    target), "Kenya received a loan from Norway" -> Norway."""
    gov = site.gov
    if gov is None or gov.lemma_ not in policy_words("undergo_verb") or site.head.dep_ != "dobj":
        return None
    for prep in gov.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    found := state_of(actor_of(obj, site.actors), site.actors)
                ):
                    return found
    return Outcome.NONE


@ACTOR.register("beneficiary_or_critic")
def beneficiary_or_critic(site: Site) -> Outcome | None:
    """The subject of a verb of benefiting from or reacting to a measure does not take it:
    "Kenya will benefit from the tariff cut", "Chile condemned the sanctions" (the actor is
    only one named on the measure itself, by the rules before this one)."""
    gov = site.gov
    if gov is None or gov.i == site.head.i:
        return None
    lemma = gov.lemma_.lower()
    if lemma in policy_words("benefit_verb") | policy_words("reaction_verb"):
        return Outcome.NONE
    return None


@ACTOR.register("clause_subject")
def clause_subject(site: Site) -> str | None:
    """The subject (or passive agent) of the governing verb, climbing through the clauses it
    completes, and the object of a control verb: "Peru agreed to impose tariffs" -> Peru;
    "Chile urged Peru to lift tariffs" -> Peru; "the government imposed ..." under a dateline
    -> the dateline's state."""
    actors = site.actors
    for verb, controller in _clauses(site.gov):
        by = agent_of(verb)
        subj = by if by is not None and verb.tag_ == "VBN" else subject_of(verb)
        subj = subj if subj is not None else _subject_on_auxiliary(verb)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            # "Iran, which has a quota": the state the clause is about (a person or firm
            # the parser hangs a "who" on is too often the wrong noun)
            ante = actors.agent(actors.at(verb.head))
            if ante and actors.kind(ante) in _BODIES:
                return ante
        if subj is not None:
            if found := state_of(actor_of(subj, actors), actors) or nationality(subj, actors):
                return found
            if subj.lemma_.lower() in policy_words("unnamed_state") and site.home:
                return site.home
        if controller is not None and (controlled := _controlled(controller, site)):
            return controlled if isinstance(controlled, str) else None
        if verb.dep_ == "acl" and _infinitive(verb) and (found := _owner(verb.head, actors)):
            return found
    return None


def _infinitive(verb: Token) -> bool:
    """A "to" clause: "the proposal to set" (not "Iranian men charged with violating")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _owner(noun: Token, actors: ActorIndex) -> str | None:
    """The state or body named on a noun whose clause the measure completes: "the Commission
    proposal to set a ceiling", "Peru's plan to cut tariffs" (whoever proposes or plans it)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in noun.children:
        if child.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        keys = actor_of(child, actors)
        if child.tag_ == "PRP$":  # "his attempts to get": a pronoun's person is no owner
            keys = [k for k in keys if actors.kind(k) is not ActorKind.PERSON]
        if found := state_of(keys, actors):  # "Mr Brown's facility to boost aid"
            return found
    return None


def allotted(site: Site, holder: str | None, setters: list[str]) -> str | None:
    """The body that allots a quota a state "has": "Iraq has a quota of 1.5 mln bpd" is set by
    the international body that set the document's last quota before it (OPEC), with Iraq
    its target. ``setters`` are the actors of the earlier quotas, in order."""
    gov, actors = site.gov, site.actors
    if gov is None or holder is None or actors.kind(holder) is not ActorKind.COUNTRY:
        return None
    if gov.lemma_ not in policy_words("allotted_verb") or site.head.dep_ != "dobj":
        return None
    bodies = [s for s in setters if actors.kind(s) is ActorKind.INTERNATIONAL_ORGANIZATION]
    return bodies[-1] if bodies else None


def co_actors(site: Site, actor: str) -> list[str]:
    """The other states coordinated with the actor in the subject it was found in: "Norway
    and Sweden imposed sanctions" -> Sweden beside Norway (each conjunct takes the measure)."""
    actors = site.actors
    for verb, _controller in _clauses(site.gov):
        subj = subject_of(verb)
        if subj is None:
            continue
        states = [s for k in actor_of(subj, actors) if (s := state_of([k], actors))]
        if actor not in states:
            return []
        return [s for s in dict.fromkeys(states) if s != actor]
    return []


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """A subject the parser hung on the verb's auxiliary ("Xi has “more or less agreed” to
    buy": "Xi" under "has")."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            for c in aux.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
    return None


def _clauses(gov: Token | None) -> Iterator[tuple[Token, Token | None]]:
    """The governing verb and up to three clauses above it, each with the verb it climbs to
    when that verb may control it (None at the last one)."""
    verb, hops = gov, 0
    while verb is not None and hops < 4:
        parent = verb.head
        # Only a measure that is itself the listed item ("including a tax"), not a clause
        # under it ("including purchasing two more").
        listed = hops == 0 and verb.dep_ == "prep" and verb.lemma_ in policy_words("inclusion_verb")
        climbs = (verb.dep_ in _CLIMB or listed) and parent.i != verb.i
        yield verb, (parent if climbs else None)
        if not climbs:
            return
        if verb.dep_ == "pcomp" or parent.pos_ not in ("VERB", "AUX"):
            parent = governor(parent) or parent
        verb, hops = parent, hops + 1


def _controlled(parent: Token, site: Site) -> str | Outcome | None:
    """The state a control verb's object names: "urged Peru to", "called on Peru to". An
    object that is no state still takes the act from the subject, who only asks for it:
    "Soto urged the ministers to provide aid" has no actor (Outcome.NONE)."""
    if parent.lemma_ not in policy_words("control_verb"):
        return None
    actors = site.actors
    for child in parent.children:
        obj = child if child.dep_ == "dobj" else None
        if child.dep_ == "prep" and child.lower_ == "on":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if found := state_of(actor_of(obj, actors), actors):
            return found
        if obj.lemma_.lower() in policy_words("unnamed_state") and site.home:
            return site.home
        return Outcome.NONE
    return None


def state_of(keys: list[str], actors: ActorIndex) -> str | None:
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


def nationality(subj: Token, actors: ActorIndex) -> str | None:
    """A person with no state known from their title: the demonym in front of the name
    ("Chilean President Ana Soto")."""
    for t in subj.subtree:
        if t.i >= subj.i:
            break
        key = actors.at(t)
        if key and actors.kind(key) is ActorKind.COUNTRY:
            return key
    return None


def home_state(ctx: DocContext) -> str | None:
    """The state of the dateline city: wire copy's 'the government' is the home government."""
    for start, end, _place, _date in ctx.layout.datelines:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for key in ctx.actors.in_span(span):
            state = ctx.actors.agent(key)
            if state and ctx.actors.kind(state) is ActorKind.COUNTRY:
                return state
    return None


def actor_of_site(site: Site) -> str | None:
    """The actor key of the measure at ``site``: the first rule that decides."""
    for rule in ACTOR:
        found = rule(site)
        if isinstance(found, Outcome):
            return None  # decided: no actor
        if found is not None:
            return found
    return None


__all__ = [
    "ACTOR",
    "actor_of_site",
    "allotted",
    "co_actors",
    "home_state",
    "nationality",
    "state_of",
]
