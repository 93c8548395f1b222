"""Speaker resolvers: which actor a speaker noun phrase stands for, one named rule each.

:func:`extract.speech.speakers.np_actor` runs them in the order below; each returns an actor
key when it decides (``Outcome.NONE`` when it decides that no actor speaks) or None to let the
next one try. Rules with side effects (adding a person the NER
missed, an unnamed source, a body) run only when they decide.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.discourse import (
    FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_GROUP_PRONOUNS,
    SUBJECT_PRONOUNS,
    latest_named,
)
from extract.gender import agrees
from extract.groups import describes_people, description
from extract.records import ActorKind
from extract.rules import Outcome
from extract.speech.cues import phrase_of
from extract.speech.speakers import (
    SPEAKERS,
    NounPhrase,
    decided,
    nominal_classes,
    np_actor,
    pronoun,
)
from extract.speech.state import SpeechState

_ORGANISATIONS = (
    ActorKind.ORGANIZATION,
    ActorKind.NEWS_ORGANIZATION,
    ActorKind.INTERNATIONAL_ORGANIZATION,
)


@cache
def _not_speakers() -> frozenset[str]:
    return lexicons.words("not_speakers.txt")


@cache
def _issuing_verbs() -> frozenset[str]:
    return lexicons.words("issuing_verbs.txt")


def _titles() -> frozenset[str]:
    return lexicons.words("titles.txt")


@SPEAKERS.register("not a speaker")
def not_a_speaker(np: NounPhrase) -> str | Outcome | None:
    """A pronoun that never speaks: "That said, prices rose." """
    return Outcome.NONE if np.lower in _not_speakers() else None


@SPEAKERS.register("named")
def named(np: NounPhrase) -> str | Outcome | None:
    """A name, or a surname the NER missed: "Moscow said ...", "Tanabe said ..." """
    a, head = np.st.actors, np.head
    key = a.at(head) or (a.person_named(head) if head.pos_ == "PROPN" else None)
    return decided(a.agent(key)) if key else None


@SPEAKERS.register("pronoun")
def pronoun_speaker(np: NounPhrase) -> str | Outcome | None:
    """A pronoun: who reports the clause, else who it refers back to: "She said ..." """
    if np.lower not in PERSONAL_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON_PRONOUNS:
        return None
    return decided(reporter_of(np.st, np.head, np.verb) or pronoun(np.st, np.head))


def reporter_of(st: SpeechState, pron: Token, verb: Token) -> str | None:
    """ "The ministry said it welcomed ...": a pronoun subject of a reported clause is the
    speaker reporting it, when that speaker is of the pronoun's sort."""
    if pron.lower_ not in SUBJECT_PRONOUNS:
        return None
    for anc in verb.ancestors:
        if not (anc.pos_ in ("VERB", "AUX") and phrase_of(anc)):
            continue
        subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
            return None
        key = np_actor(st, subj, anc)
        is_person = st.actors.kind(key) is ActorKind.PERSON if key else False
        he_or_she = pron.lower_ in SUBJECT_PRONOUNS & PERSONAL_PRONOUNS
        if (
            key
            and is_person == he_or_she
            and agrees(st.actors, key, pron.lower_)
            # "they" said: unnamed sources, not one named body or person.
            and (
                pron.lower_ not in PLURAL_GROUP_PRONOUNS
                or st.actors.kind(key) is ActorKind.ANONYMOUS
            )
        ):
            return key
        return None
    return None


@SPEAKERS.register("appositive name")
def appositive_name(np: NounPhrase) -> str | Outcome | None:
    """A name in apposition: "Chile's chief negotiator, Pedro Soto, said ..." """
    a, titled = np.st.actors, np.lemma in _titles() or np.lower in _titles()
    for child in np.head.children:
        if child.dep_ != "appos":
            continue
        # The appositive's own name, not a modifier: "Gazprom, the Russian gas giant" is no
        # statement by Russia.
        k = a.at(child) or next(
            (
                a.at(t)
                for t in child.subtree
                if a.at(t) and t.dep_ in ("compound", "flat", "appos") and t.pos_ == "PROPN"
            ),
            None,
        )
        if k:
            return decided(a.agent(k))
        name = [t for t in child.subtree if t.pos_ == "PROPN" and t.is_title]
        if titled and len(name) >= 2 and name[-1].i - name[0].i == len(name) - 1:
            # "its economy minister, Pablo Ruiz, said": a name the NER missed.
            return decided(a.add_person(np.st.doc[name[0].i : name[-1].i + 1]))
    return None


@SPEAKERS.register("anonymous source")
def anonymous_source(np: NounPhrase) -> str | Outcome | None:
    """An unnamed source: "Officials said ...", "a U.S. embassy official said ..." """
    words = lexicons.words("anonymous_sources.txt")
    if np.lower in words or np.lemma in words:
        return decided(described(np))
    return None


def described(np: NounPhrase) -> str:
    """The unnamed speaker the noun phrase describes, one per description in the document."""
    a, owner = np.st.actors, np.affiliation
    d = a.get(owner) if owner else None
    span, label = description(np.head, d.label if d else None)
    return a.described(span, label, owner)


@SPEAKERS.register("state noun")
def state_noun(np: NounPhrase) -> str | Outcome | None:
    """A state's government: "China's government said ...", "the government said ..." """
    if np.nominal != "state":
        return None
    owner = np.owner
    return decided(np.st.actors.state_of(owner) if owner else default_state(np.st, np.head))


@SPEAKERS.register("body noun")
def body_noun(np: NounPhrase) -> str | Outcome | None:
    """A ministry or agency: "Brazil's foreign ministry said ...", "the ministry said ..." """
    if np.nominal != "body":
        return None
    st, head, owner = np.st, np.head, np.owner
    if owner is None:
        # "the ministry" after "Brazil's foreign ministry": the body already named.
        body = latest_named(
            st.actors,
            head.idx,
            (ActorKind.GOVERNMENT_BODY, ActorKind.ORGANIZATION),
            fits=lambda label: np.lemma in label.lower().split(),
        )
        return decided(body or st.memory.recent(head, persons=False))
    first = min(t.i for t in head.subtree if t.dep_ != "det" and t.i <= head.i)
    return decided(st.actors.body(st.doc[first : head.i + 1], owner))


@SPEAKERS.register("document or media noun")
def document_noun(np: NounPhrase) -> str | Outcome | None:
    """A text or outlet that speaks for its author: "The statement said ..." """
    if np.nominal not in ("document", "media"):
        return None
    st, a, owner = np.st, np.st.actors, np.owner
    if any(nominal_classes().get(m.lemma_.lower()) == "state" for m in np.modifiers):
        return decided(default_state(st, np.head))  # "a government statement said"
    if owner:
        return decided(a.agent(owner))  # "Ruiz's letter", "the Ruiz release": its author
    if (key := issuer(np)) or np.head.head != np.verb:
        # Reached through a participle or another verb ("the ad uses footage of Ruiz
        # asking"), the text may not be what speaks: only its issuer is sure.
        return decided(key)
    return decided(st.memory.recent(np.head, persons=False, named=True))


def issuer(np: NounPhrase) -> str | None:
    """Who issued a text that is the object of a verb: "Ruiz released an ad saying ..." is
    Ruiz's ad, whoever the sentences before were about."""
    head = np.head
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in _issuing_verbs():
        return None
    subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return np_actor(np.st, subj, head.head) if subj is not None else None


@SPEAKERS.register("company noun")
def company_noun(np: NounPhrase) -> str | Outcome | None:
    """A firm named before: "Nissan will cut jobs, the carmaker said." """
    if np.nominal != "company" or np.head.tag_ != "NN":
        return None
    owner = np.owner_not_person
    if owner and not _nationality(np, owner):
        return decided(np.st.actors.agent(owner))
    return decided(latest_named(np.st.actors, np.head.idx, _ORGANISATIONS))


def _nationality(np: NounPhrase, owner: str) -> bool:
    """Whether the owner is only a state an adjective names ("the German group"): the firm's
    nationality, not the one who speaks."""
    a = np.st.actors
    return a.kind(owner) is ActorKind.COUNTRY and all(
        m.dep_ == "amod" for m in np.modifiers if a.at(m) == owner
    )


@SPEAKERS.register("owner's ministers")
def owners_ministers(np: NounPhrase) -> str | Outcome | None:
    """Ministers of a named body speak for it: "G7 ministers called for ..." """
    owner = np.owner_not_person
    if owner and np.lemma.endswith(("minister", "s")):
        return decided(np.st.actors.agent(owner))
    return None


@SPEAKERS.register("described group")
def described_group(np: NounPhrase) -> str | Outcome | None:
    """People described, not named, are one unnamed speaker: "Republicans said ..." """
    if np.head.tag_ not in ("NNS", "NNPS"):
        return None
    # "Both leaders said": people named before, not a group of its own.
    both = any(c.lower_ == "both" for c in np.head.children)
    # Several bodies unnamed are one group too, as the cue's own subject: "human rights
    # groups warned ..." (not a subject the cue shares with another verb).
    own = np.head.head == np.verb
    group = describes_people(np.head) or (own and np.nominal in ("company", "body"))
    return decided(described(np)) if group and not both else Outcome.NONE


@SPEAKERS.register("title")
def title(np: NounPhrase) -> str | Outcome | None:
    """An officer by title: "An ECB spokesman said ...", "the French president said ..." """
    titles, lower = _titles(), np.lower
    if not (
        np.lemma in titles
        or lower in titles
        or any(f"{c.lower_} {lower}" in titles for c in np.head.children)
    ):
        return None
    st, owner = np.st, np.owner_not_person
    if owner:
        # "an ECB spokesman said": an unnamed officer speaks for the body.
        return decided(by_role(st, np.head) or st.actors.agent(owner))
    return decided(by_role(st, np.head) or st.memory.recent(np.head, persons=True, title=lower))


@SPEAKERS.register("description")
def description_speaker(np: NounPhrase) -> str | Outcome | None:
    """A kind or a share of people: "his lawyer said", "63 percent said" """
    return decided(described(np)) if describes_people(np.head) else None


@SPEAKERS.register("owner")
def owner(np: NounPhrase) -> str | Outcome | None:
    """Whoever the phrase belongs to speaks: "Russia's Gazprom unit said ..." """
    o = np.owner_not_person
    return decided(np.st.actors.agent(o)) if o else None


def by_role(st: SpeechState, head: Token) -> str | None:
    """A person whose title matches the nominal ("the French president")."""
    return role_holder(st.actors, head)


def role_holder(actors: ActorIndex, head: Token) -> str | None:
    """The person named before ``head`` whose title matches the nominal ("the French
    president", "the Chancellor"); summits read their parties by it too."""
    words = [t.lower_ for t in head.subtree if t.dep_ != "det" and t.i <= head.i]
    best = None
    for actor in actors.actors:
        if actor.kind is not ActorKind.PERSON or not actor.role:
            continue
        role = actor.role.lower()
        if head.lower_ in role and all(
            w in role or actors.gazetteer.demonym(w) == [] for w in words
        ):
            if any(m.start < head.idx for m in actor.mentions):
                best = actor.key
    return best


def default_state(st: SpeechState, tok: Token) -> str | None:
    """The state of the dateline's place ("LIMA, May 2 - the government said"), else the
    latest non-person subject before ``tok``."""
    for start, _end, place, _date in st.layout.datelines:
        span = st.doc.char_span(start, start + len(place), alignment_mode="expand")
        if span is not None:
            for t in span:
                k = st.actors.at(t)
                if k:
                    return st.actors.state_of(k)
    return st.memory.recent(tok, persons=False)


__all__ = ["by_role", "default_state", "reporter_of", "role_holder"]
