"""What the role rules read (:class:`Site`, frozen) and what they fill (:class:`Roles`), with
the few operations every rule uses: add a party, set the place, read a visited place, read
"the two leaders"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.discourse import GROUP_PRONOUNS, PERSONAL_PRONOUNS, SubjectMemory
from extract.records import ActorKind, SummitKind
from extract.speech.resolvers import role_holder
from extract.summits.draft import is_visit_kind
from extract.syntax import actor_of, group_reference

PLACES = frozenset({ActorKind.CITY, ActorKind.PLACE, ActorKind.COUNTRY})
PARTIES = frozenset(
    {
        ActorKind.PERSON,
        ActorKind.COUNTRY,
        ActorKind.ORGANIZATION,
        ActorKind.INTERNATIONAL_ORGANIZATION,
        ActorKind.GOVERNMENT_BODY,
    }
)


@dataclass(frozen=True)
class Site:
    """One trigger word and its surroundings.

    ``gov`` is the verb governing the trigger (the trigger itself when it is a verb), ``latest``
    the participants of the latest summit read so far (None before the first one), ``here`` the
    dateline's place.
    """

    head: Token
    gov: Token | None
    kind: SummitKind
    actors: ActorIndex
    latest: tuple[str, ...] | None
    here: str | None

    @property
    def is_visit(self) -> bool:
        return is_visit_kind(self.kind)


@dataclass
class Roles:
    """The roles read so far: parties in the order found, the first place, the inviter."""

    participants: list[str] = field(default_factory=list)
    location: str | None = None
    inviter: str | None = None
    stops: list[tuple[str, str | None]] = field(default_factory=list)
    """Each place a visit reaches with its host state, when coordinated places are visited
    ("visit Chile and Peru" is two visits)."""


def add(site: Site, roles: Roles, keys: Iterable[str | None]) -> None:
    """Add each actor that can take part in a meeting (a person, state or body), once."""
    for k in keys:
        if k and k not in roles.participants and site.actors.kind(k) in PARTIES:
            roles.participants.append(k)


def party_of(site: Site, tok: Token | None) -> list[str]:
    """The actors a party phrase stands for (:func:`extract.syntax.actor_of`), or for a bare
    title the person named before who holds it, as statements read their speakers ("the
    Chancellor had emphasised in talks with Funaro")."""
    if tok is not None and tok.tag_ == "PRP" and tok.lower_ in _PRONOUNS:
        recent = _memory(site.actors, tok).recent(
            tok, persons=tok.lower_ in PERSONAL_PRONOUNS, main_first=True
        )
        if recent is not None:
            return [recent]
    keys = actor_of(tok, site.actors)
    if keys or tok is None or not is_title(tok):
        return keys
    holder = role_holder(site.actors, tok) or _memory(site.actors, tok).recent(
        tok, persons=True, title=tok.lower_
    )
    return [holder] if holder else []


_PRONOUNS = PERSONAL_PRONOUNS | GROUP_PRONOUNS


def _memory(actors: ActorIndex, tok: Token) -> SubjectMemory:
    """The subjects of ``tok``'s sentence and the three before it, the antecedents statements
    give a pronoun ("Opec nations ... when it meets") or a title ("Chancellor Nigel Lawson
    said ... the Chancellor")."""
    memory = SubjectMemory(tok.doc, actors)
    sents = [tok.sent]
    while len(sents) < 4 and sents[-1].start > 0:
        sents.append(tok.doc[sents[-1].start - 1].sent)
    for sent in reversed(sents):
        memory.remember_subjects(sent, ())
    return memory


def is_title(tok: Token) -> bool:
    """A title noun with "the": "the Chancellor", "the foreign minister"."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.tag_ in ("NN", "NNP")
        and (tok.lower_ in titles() or tok.lemma_.lower() in titles())
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


@cache
def titles() -> frozenset[str]:
    """Title nouns (``titles.txt``): "minister", "leader", "head"."""
    return lexicons.words("titles.txt")


def set_location(roles: Roles, key: str | None) -> None:
    """The first place found is the meeting's place."""
    roles.location = roles.location or key


def place(site: Site, tok: Token) -> str | None:
    """The city, place or country ``tok`` names, if any."""
    key = site.actors.at(tok)
    return key if key and site.actors.kind(key) in PLACES else None


def visit_host(site: Site, roles: Roles, obj: Token) -> None:
    """A visited place ("visit to Beijing", "visiting here"): the visit's place, and its state
    (whose agent the place stands for) the host."""
    for tok in [obj, *obj.conjuncts]:
        key = place(site, tok) or site.actors.at(tok)
        if key is None and tok.lower_ == "here":
            key = site.here
        if key is None:
            continue
        if site.actors.kind(key) in PLACES:
            set_location(roles, key)  # "visited Mr Blair": a person visited is no place
        host = site.actors.agent(key)
        add(site, roles, [host])
        if host in roles.participants:
            roles.stops.append((key, host))


def latest_pair(site: Site, roles: Roles, tok: Token) -> bool:
    """ "the two leaders", "both sides": the parties of the latest summit; True when ``tok`` is
    such a phrase (then nothing else is read from it)."""
    if group_reference(tok) and site.latest is not None:
        add(site, roles, site.latest)
        return True
    return False


DependentRule = Callable[[Site, Roles, Token], bool]
"""A rule over one dependent (of the trigger or of its verb): True when it is the rule's."""
