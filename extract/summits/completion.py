"""What a new summit is when its own words say too little: the kind a construction implies, and
the parties the discourse supplies ("the next meeting" of parties who met before, the two
leaders a call's sentence names, the home state of whoever holds talks with one state).

:data:`COMPLETION_RULES` run in order on a mention that refers back to no earlier summit;
each takes the :class:`Candidate` so far and returns it, changed or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.records import ActorKind, SummitKind
from extract.rules import Registry
from extract.summits.antecedents import mention_is_new
from extract.summits.draft import Draft, is_visit_kind
from extract.summits.parse import has_with_party
from extract.summits.places import home_state
from extract.summits.presence import is_presence
from extract.syntax import subject_of


@dataclass(frozen=True)
class Known:
    """What completion rules read: the trigger, its governing verb, its group, the summits read
    so far and the dateline's place."""

    head: Token
    gov: Token | None
    group: str
    actors: ActorIndex
    earlier: Sequence[Draft]
    here: str | None


@dataclass(frozen=True)
class Candidate:
    kind: SummitKind
    participants: tuple[str, ...]


CompletionRule = Callable[[Known, Candidate], Candidate]
COMPLETION_RULES: Registry[CompletionRule] = Registry("summit completion")


@COMPLETION_RULES.register("held_discussions")
def held_discussions(known: Known, cand: Candidate) -> Candidate:
    """Discussions someone holds are a meeting: "Mulroney held discussions with the premiers"."""
    head, gov = known.head, known.gov
    if (
        cand.kind is SummitKind.TALKS
        and head.lemma_ == "discussion"
        and gov is not None
        and gov.lemma_ == "hold"
        and head.head.i == gov.i
    ):
        return replace(cand, kind=SummitKind.MEETING)
    return cand


@COMPLETION_RULES.register("people_in_discussion")
def people_in_discussion(known: Known, cand: Candidate) -> Candidate:
    """Discussions of people only, with no state or body among them, are a meeting of those
    people: "the envoy was asked to return for discussions"; "GATT discussions" between states
    and bodies stay talks."""
    actors = known.actors
    if (
        cand.kind is SummitKind.TALKS
        and known.head.lemma_ == "discussion"
        and cand.participants
        and all(actors.kind(p) is ActorKind.PERSON for p in cand.participants)
    ):
        return replace(cand, kind=SummitKind.MEETING)
    return cand


@COMPLETION_RULES.register("meeting_again")
def meeting_again(known: Known, cand: Candidate) -> Candidate:
    """ "the next meeting", "further talks" with no parties: those of the latest of its group
    (of its kind when there is one)."""
    if cand.participants or not mention_is_new(known.head):
        return cand
    same = [d for d in known.earlier if d.group == known.group]
    if not same:
        return cand
    last = next((d for d in reversed(same) if d.kind is cand.kind), same[-1])
    return replace(cand, participants=tuple(last.participants))


@COMPLETION_RULES.register("call_in_sentence")
def call_in_sentence(known: Known, cand: Candidate) -> Candidate:
    """A call named without its parties is between the two people (else states) of its
    sentence: "what both governments described as a phone conversation"."""
    if cand.participants or cand.kind is not SummitKind.PHONE_CALL:
        return cand
    actors = known.actors
    keys = [actors.agent(k) for k in actors.in_span(known.head.sent)]
    people = [k for k in keys if k and actors.kind(k) is ActorKind.PERSON]
    if len(people) >= 2:
        return replace(cand, participants=tuple(people[:2]))
    states = [k for k in keys if k and actors.kind(k) is ActorKind.COUNTRY]
    return replace(cand, participants=tuple(states[:2]) if len(states) >= 2 else ())


@COMPLETION_RULES.register("talks_with_one_state")
def talks_with_one_state(known: Known, cand: Candidate) -> Candidate:
    """Talks "with <state>" naming one side are held by the state of whoever holds them, else
    of the dateline: "OTTAWA - the prime minister discussed talks with the United States"."""
    parts = cand.participants
    if not (
        len(parts) == 1
        and known.actors.kind(parts[0]) is ActorKind.COUNTRY
        and has_with_party(known.head)
        and not is_visit_kind(cand.kind)
    ):
        return cand
    other = home_state(known.gov, known.actors, known.here)
    if other is not None and other != parts[0]:
        return replace(cand, participants=(*parts, other))
    return cand


@COMPLETION_RULES.register("leaders_on_a_visit")
def leaders_on_a_visit(known: Known, cand: Candidate) -> Candidate:
    """Leaders meeting on a visit are its parties; the host state is the place, not a party:
    "Kishida's visit to Biden in Washington"."""
    persons = tuple(p for p in cand.participants if known.actors.kind(p) is ActorKind.PERSON)
    if len(persons) >= 2 and is_visit_kind(cand.kind) and not _co_visitors(known, persons):
        return replace(cand, participants=persons)
    return cand


def _co_visitors(known: Known, persons: tuple[str, ...]) -> bool:
    """The people are all the visiting subject, coordinated: "Funaro and Gros visited
    Washington" is their visit to the host state, who is a party."""
    subj = subject_of(known.gov) if known.gov is not None else None
    if subj is None:
        return False
    visitors = {k for t in (subj, *subj.conjuncts) if (k := known.actors.at(t))}
    return set(persons) <= visitors


@COMPLETION_RULES.register("summit_parties_meet")
def summit_parties_meet(known: Known, cand: Candidate) -> Candidate:
    """Parties of a summit the text named, meeting by a verb, hold a summit: "the G8 summit in
    July ... The G8 countries will meet at Gleneagles" (not a meeting of other parties, nor a
    noun: "the next meeting" of G7 ministers stays a meeting)."""
    if cand.kind is not SummitKind.MEETING or known.head.pos_ != "VERB" or not cand.participants:
        return cand
    for d in known.earlier:
        if d.kind is SummitKind.SUMMIT and set(cand.participants) <= set(d.participants):
            return replace(cand, kind=SummitKind.SUMMIT)
    return cand


@COMPLETION_RULES.register("at_home")
def at_home(known: Known, cand: Candidate) -> Candidate:
    """Being in a place of one's own state is no visit: "the Japanese minister was in Tokyo"
    (a person of unknown state is not taken to be abroad either)."""
    if not is_presence(known.head):
        return cand
    actors = known.actors
    people = [p for p in cand.participants if actors.kind(p) is ActorKind.PERSON]
    hosts = {p for p in cand.participants if actors.kind(p) is ActorKind.COUNTRY}
    homes = {actors.state_of(p) for p in people}
    if not people or not hosts or None in homes or homes & hosts:
        return replace(cand, participants=())
    return cand


def complete(known: Known, cand: Candidate) -> Candidate:
    """Run :data:`COMPLETION_RULES` in order."""
    for rule in COMPLETION_RULES:
        cand = rule(known, cand)
    return cand
