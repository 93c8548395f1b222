"""Role rules over the clause around the trigger: the governing verb's subject and objects, an
agent phrase hung on the verb, an invitation the meeting answers.

Each clause rule is ``(site, roles) -> None`` and runs once per trigger; the dependents of the
governing verb are read like the trigger's own (first rule of :data:`VERB_DEPENDENT_RULES`
that claims a dependent wins).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.records import ActorKind
from extract.rules import Registry
from extract.summits.lexicon import taking_part_verbs, words
from extract.summits.parse import clause_subject, has_with_party, object_of, stand_in, verbal
from extract.summits.roles.state import (
    DependentRule,
    Roles,
    Site,
    add,
    is_title,
    latest_pair,
    party_of,
    place,
    set_location,
    visit_host,
)
from extract.syntax import actor_of, governor, subject_of

VERB_DEPENDENT_RULES: Registry[DependentRule] = Registry("summit verb dependent")
_CONTROLLED = ("xcomp", "acl", "advcl", "conj", "relcl", "pcomp")


def clause_verb(site: Site) -> Token | None:
    """The verb whose subject takes part: the trigger verb itself, or a "take part" verb
    governing the trigger noun directly or through a preposition ("X held talks", "X is at a
    summit", "X leaves on a visit"), or a stretch of it ("X failed to agree at two days of
    talks")."""
    gov, head = site.gov, site.head
    if gov is None:
        return None
    if verbal(head):
        return gov
    if head.dep_ in ("nsubj", "nsubjpass"):
        return None  # "negotiations on Brazil's debt are a matter for the banks": no one acts
    if gov.lemma_ in taking_part_verbs() and stand_in(head).head in (
        gov,
        *[c for c in gov.children if c.dep_ == "prep"],
    ):
        return gov
    if _acts_at(head, gov):
        return gov
    return None


def _acts_at(head: Token, gov: Token) -> bool:
    """ "At a meeting of EC ministers, Britain called for ...", "X stressed in talks with Y", "he
    rounded on Y and accused Z during a meeting": who acts at, in or during a meeting the text
    introduces takes part (a definite "at the meeting" refers back to one already read); only
    a name, pronoun or title of one named before acts so ("the Chancellor stressed in talks";
    "the bloc's presidency hoped ... at a summit" is not read)."""
    subj = subject_of(gov) or (subject_of(gov.head) if gov.dep_ == "conj" else None)
    prep = stand_in(head).head
    return (
        subj is not None
        and (
            subj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
            or subj.pos_ == "PRON"
            or is_title(subj)
        )
        and prep.dep_ == "prep"
        and prep.lower_ in words("acting_preposition")
        and prep.head == gov
        and all(c.lower_ in words("indefinite") for c in head.children if c.dep_ in ("det", "poss"))
    )


def _controller(verb: Token) -> tuple[Token, Token | None]:
    """For a verb without a subject of its own: the word it hangs from (climbing "is due to")
    and that word's subject."""
    up = verb.head
    if verb.dep_ == "pcomp" and up.dep_ == "prep":
        up = up.head  # "after travelling to Lima, X said": the verb the phrase hangs on
    subj = subject_of(up) if verb.dep_ != "acl" else None
    if verb.dep_ == "xcomp" and (obj := object_of(up)) is not None:
        subj = obj  # "asked Gates to return for talks": the object does what it is asked to
    while subj is None and up.dep_ in ("xcomp", "acomp") and up.head is not up:
        up = up.head  # "he is due to meet X": the subject of the controlling verb
        subj = subject_of(up)
    return up, subj


def visitor_by_on_verb(site: Site, roles: Roles) -> None:
    """A visit's "by X" hung on the verb after it: "follows a visit here by Raimondo"."""
    head = site.head
    if head.dep_ != "dobj" or not site.is_visit:
        return
    for child in head.head.children:
        if child.i > head.i and (
            child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
        ):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    add(site, roles, party_of(site, obj))


def conference_partner(site: Site, roles: Roles) -> None:
    """Whoever speaks at an event "with Y" meets Y: "X, speaking at a news conference with Y"."""
    head, gov = site.head, site.gov
    if not (
        roles.participants
        and gov is not None
        and not verbal(head)
        and has_with_party(head)
        and any(site.actors.kind(k) is not ActorKind.COUNTRY for k in roles.participants)
    ):
        return
    subj = _subject_past_dateline(site, gov) or clause_subject(gov)
    if subj is not None and not latest_pair(site, roles, subj):
        kinds = (ActorKind.PERSON, ActorKind.COUNTRY)
        add(site, roles, [k for k in actor_of(subj, site.actors) if site.actors.kind(k) in kinds])


def verb_subject(site: Site, roles: Roles) -> None:
    """The subject of the governing verb takes part: "Biden held talks", "he is due to meet X",
    "Mr X, visiting Beijing", "Y accepted X's invitation to visit"."""
    verb = clause_verb(site)
    if verb is None:
        return
    subj = _subject_past_dateline(site, verb)
    if subj is None and verb.dep_ in _CONTROLLED:
        up, subj = _controller(verb)
        if verb.dep_ == "acl" and up.pos_ in ("NOUN", "PROPN"):
            if up.lemma_ == "invitation":
                accept = governor(up)
                subj = subject_of(accept) if accept is not None else None
            else:
                subj = up  # "Mr Straw, visiting Beijing"
    if subj is not None and not latest_pair(site, roles, subj):
        add(site, roles, party_of(site, subj))


def _subject_past_dateline(site: Site, verb: Token) -> Token | None:
    """The verb's subject, not the dateline's place the parser read as one: "WASHINGTON, March
    3 - Chirac opened talks" (two subjects: Chirac) or "NAIROBI, June 2 - Chancellor Scholz
    held talks" (Scholz hangs on the place as its apposition)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if site.here is None:
        return subjects[0] if subjects else None
    past = [
        t
        for c in subjects
        for t in (
            [a for a in c.children if a.dep_ == "appos"] if site.actors.at(c) == site.here else [c]
        )
    ]
    found = past or subjects
    return found[0] if found else None


def invitation_possessor(site: Site, roles: Roles) -> None:
    """Whose invitation a visit answers is its inviter: "accepted Xi's invitation to visit"."""
    verb = clause_verb(site)
    if verb is None or subject_of(verb) is not None or verb.dep_ != "acl":
        return
    up, _ = _controller(verb)
    if up.pos_ not in ("NOUN", "PROPN") or up.lemma_ != "invitation":
        return
    for c in up.children:
        if c.dep_ == "poss":
            roles.inviter = next(iter(actor_of(c, site.actors)), None)


@VERB_DEPENDENT_RULES.register("verb_party_phrase")
def verb_party_phrase(site: Site, roles: Roles, dep: Token) -> bool:
    """The verb's "with/between X" names the other side: "Biden held talks with Scholz"."""
    if dep.dep_ != "prep" or dep.lower_ not in words("verb_party_preposition"):
        return False
    for obj in dep.children:
        if obj.dep_ == "pobj" and not latest_pair(site, roles, obj):
            add(site, roles, party_of(site, obj))
    return True


@VERB_DEPENDENT_RULES.register("verb_object")
def verb_object(site: Site, roles: Roles, dep: Token) -> bool:
    """The object of a meeting verb is the other party, of a visit verb the place visited:
    "Macron will meet Modi", "Scholz visited Beijing"."""
    if dep.dep_ != "dobj" or not verbal(site.head):
        return False
    if site.is_visit:
        visit_host(site, roles, dep)
    elif not latest_pair(site, roles, dep):
        add(site, roles, party_of(site, dep))
    return True


@VERB_DEPENDENT_RULES.register("verb_destination")
def verb_destination(site: Site, roles: Roles, dep: Token) -> bool:
    """A visit verb's "to/in <place>" is the place visited and its state the host: "flew to
    Lima", "arrived in Seoul", "will travel to Chile and Peru" (each conjunct a stop)."""
    if (
        dep.dep_ != "prep"
        or dep.lower_ not in words("destination_preposition")
        or not site.is_visit
        or not verbal(site.head)
    ):
        return False
    objs = [o for o in dep.children if o.dep_ == "pobj" and place(site, o)]
    for obj in objs:
        visit_host(site, roles, obj)
    return bool(objs)


@VERB_DEPENDENT_RULES.register("verb_place_phrase")
def verb_place_phrase(site: Site, roles: Roles, dep: Token) -> bool:
    """A meeting verb's "in/at <place>" is where it is: "they met in Geneva"."""
    if dep.dep_ != "prep" or dep.lower_ not in words("place_preposition") or not verbal(site.head):
        return False
    for obj in dep.children:
        if obj.dep_ == "pobj":
            set_location(roles, place(site, obj))
    return True


def read_verb_dependents(site: Site, roles: Roles) -> None:
    """The governing verb's dependents ("held talks with X in Geneva"), each read by the first
    rule of :data:`VERB_DEPENDENT_RULES` that claims it."""
    verb = clause_verb(site)
    if verb is None:
        return
    rules = tuple(VERB_DEPENDENT_RULES)
    for dep in verb.children:
        for rule in rules:
            if rule(site, roles, dep):
                break


def invitation_to_make(site: Site, roles: Roles) -> None:
    """Who extends an invitation "to make a visit" is its inviter: "Biden extended an invitation
    for Xi to make a state visit"."""
    verb = clause_verb(site)
    if verb is None or verb.lemma_ != "make" or site.head.dep_ != "dobj":
        return
    inv = verb.head if verb.dep_ in ("relcl", "acl", "xcomp", "advcl") else None
    while inv is not None and inv.lemma_ != "invitation" and inv.head is not inv:
        inv = inv.head if inv.dep_ not in ("ROOT",) else None
    if inv is not None and inv.lemma_ == "invitation":
        ext = governor(inv)
        if ext is not None and (s := subject_of(ext) or subject_of(ext.head)):
            roles.inviter = next(iter(actor_of(s, site.actors)), None)
