"""Summits: meetings, calls, talks and visits between actors.

A summit is found from a trigger word in ``lexicons/summit_triggers.tsv`` and filled from the
parse around it: participants from "between X and Y", "with X", "by/of X", a possessor, the
subject of the governing verb ("Mulroney held discussions with the premiers") and, for a visit,
the place visited (a city stands for its state); "the two leaders"/"both sides" are the pair of the
latest summit, "the premiers" the people holding that office, "the G8" or "the seven richest
nations" one standing-group actor (``extract/groups.py``). Talks with one named state are held by
the state of whoever holds them, else of the dateline. A bare definite mention ("the call",
"Monday's call", "the conversation") is the latest summit of its group, so one real-world
meeting is one record with all its mentions.
Status comes from tense, modals and cue words (``lexicons/status_cues.tsv``): "accepted Xi's
invitation to visit Beijing in April" is planned, not held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.groups import standing_group
from extract.records import ActorKind, Evidence, Mention, Policy, Summit, SummitKind, TimeRef
from extract.syntax import (
    MODALS,
    actor_of,
    argument_tokens,
    evidence,
    future_of,
    governor,
    group_reference,
    status_cues,
    subject_of,
    time_near,
)
from extract.text import Layout
from extract.topics import TopicIndex
from extract.triggers import find_triggers

_PLACES = frozenset({ActorKind.CITY, ActorKind.PLACE, ActorKind.COUNTRY})
_PARTIES = frozenset(
    {
        ActorKind.PERSON,
        ActorKind.COUNTRY,
        ActorKind.ORGANIZATION,
        ActorKind.INTERNATIONAL_ORGANIZATION,
        ActorKind.GOVERNMENT_BODY,
    }
)
_NEW_WORDS = frozenset(
    {"next", "another", "further", "new", "second", "first", "forthcoming", "upcoming", "future"}
)
_HUMAN = {SummitKind.PHONE_CALL: "phone call", SummitKind.STATE_VISIT: "state visit"}


@dataclass
class _Draft:
    kind: SummitKind
    group: str
    evidence: Evidence
    participants: list[str]
    location: str | None
    status: str | None
    time: TimeRef | None
    initiated_by: str | None = None
    outcomes: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)


@cache
def _membership_words() -> frozenset[str]:
    return lexicons.words("summit_membership.txt")


@cache
def _initiators() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rows = lexicons.table("summit_initiators.tsv")
    return (
        frozenset(r["form"] for r in rows if r["how"] == "verb"),
        frozenset(r["form"] for r in rows if r["how"] == "of"),
        frozenset(r["form"] for r in rows if r["how"] == "take_part"),
    )


def find_summits(
    doc: Doc,
    actors: ActorIndex,
    topics: TopicIndex,
    layout: Layout,
    published: dt.date | None,
    policies: Sequence[Policy] = (),
) -> Iterator[Summit]:
    """Summits mentioned in ``doc``, one per real-world event, in order of first mention."""
    drafts: list[_Draft] = []
    here = _dateline_place(doc, actors, layout)
    for trig in find_triggers(doc, "summit_triggers.tsv"):
        head = trig.head(doc)
        if layout.in_heading(head.idx) or not _accept(head, trig.kind, drafts):
            continue
        kind = SummitKind(trig.kind)
        gov = head if head.pos_ == "VERB" else governor(head)
        participants, location, inviter = _arguments(head, gov, kind, actors, drafts, here)
        if inviter and kind is SummitKind.VISIT:
            # A visit made at another leader's invitation is a state visit.
            kind = SummitKind.STATE_VISIT
        if inviter and inviter not in participants:
            participants.append(inviter)
        args = argument_tokens(head, limit=10)
        future = future_of(gov)
        tref = time_near(
            args
            + (
                [gov]
                + [t for c in gov.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
                if gov is not None
                else []
            )
            + [
                t
                for c in (gov.children if gov is not None else ())
                if c.dep_ == "advmod"
                for t in c.subtree
            ],
            published,
            future,
        )
        status = _status(head, gov, tref, published)
        mention = Mention(
            doc[trig.start : trig.end].text, doc[trig.start].idx, head.idx + len(head.text)
        )
        old = _antecedent(head, kind, trig.extra, participants, location, drafts)
        initiator = _initiator(head, gov, actors)
        if old is not None:
            old.mentions.append(mention)
            old.tokens.add(head.i)
            old.location = old.location or location
            old.time = old.time or tref
            old.initiated_by = old.initiated_by or initiator
            for p in participants:
                if p not in old.participants and len(old.participants) < 2:
                    old.participants.append(p)
            _add_outcomes(old, head, policies)
            continue
        if (
            kind is SummitKind.TALKS
            and head.lemma_ == "discussion"
            and gov is not None
            and gov.lemma_ == "hold"
            and head.head.i == gov.i
        ):
            kind = SummitKind.MEETING  # "held discussions with the premiers": a meeting
        if (
            not participants
            and mention_is_new(head)
            and drafts
            and any(d.group == trig.extra for d in drafts)
        ):
            # "further discussions", "the next meeting": the same parties meet again.
            same = [d for d in drafts if d.group == trig.extra]
            participants = list(
                next((d for d in reversed(same) if d.kind is kind), same[-1]).participants
            )
        if not participants and kind is SummitKind.PHONE_CALL:
            participants = _sentence_parties(head, actors)
        if (
            len(participants) == 1
            and actors.kind(participants[0]) is ActorKind.COUNTRY
            and _has_with_party(head)
            and not is_visit_kind(kind)
        ):
            other = _home_state(gov, actors, here)
            if other is not None and other != participants[0]:
                participants.append(other)
        persons = [p for p in participants if actors.kind(p) is ActorKind.PERSON]
        if len(persons) >= 2 and kind in (SummitKind.VISIT, SummitKind.STATE_VISIT):
            participants = persons  # leaders meeting: the host state is their place, not a party
        if not participants:
            continue  # nobody to attach the event to: not useful, and not checkable
        tokens = args + (
            [gov] if gov is not None and gov.i < head.i and head.i - gov.i <= 3 else []
        )
        draft = _Draft(
            kind,
            trig.extra,
            evidence(tokens),
            participants,
            location,
            status,
            tref,
            initiator,
            mentions=[mention],
            tokens={head.i},
        )
        _add_outcomes(draft, head, policies)
        drafts.append(draft)
    _places_from_context(drafts, actors, here)
    for i, d in enumerate(drafts, 1):
        yield Summit(
            key=f"summit:{i}",
            kind=d.kind,
            label=_label(d, actors),
            evidence=d.evidence,
            participants=tuple(d.participants),
            location=d.location,
            time=d.time,
            status=d.status,
            initiated_by=d.initiated_by,
            outcomes=tuple(d.outcomes),
            mentions=tuple(d.mentions),
            confidence=0.7,
        )


def _accept(head: Token, kind: str, drafts: list[_Draft]) -> bool:
    """Words that also mean other things: 'calls for action', 'talk' in the singular, 'meet a
    target', a visit with nobody visiting."""
    lower = head.lower_
    preps = {c.lower_ for c in head.children if c.dep_ == "prep"}
    if kind == "PhoneCall" and head.pos_ == "NOUN":
        dated = any(
            c.ent_type_ in ("DATE", "TIME")
            for p in head.children
            if p.lower_ == "on"
            for c in p.children
        )
        if preps & {"for", "to", "from"} or ("on" in preps and not dated) or head.tag_ == "NNS":
            return False
        phone = any(c.lower_ in ("phone", "telephone") for c in head.children) or head.doc[
            max(0, head.i - 1)
        ].lower_ in ("phone", "telephone")
        return phone or bool(preps & {"with", "between"}) or any(d.group == "call" for d in drafts)
    if kind == "Talks" and head.tag_ != "NNS" and lower not in ("talks", "negotiations"):
        return False
    if kind == "Meeting" and head.pos_ == "VERB":
        # "met a cool reception", "criteria had to be met": a meeting has people on both sides.
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and not (
            obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or obj.pos_ == "PRON"
        ):
            return False
        return head.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in head.children)
    return True


def _arguments(
    head: Token,
    gov: Token | None,
    kind: SummitKind,
    actors: ActorIndex,
    drafts: list[_Draft],
    here: str | None,
) -> tuple[list[str], str | None, str | None]:
    parts: list[str] = []
    location: str | None = None
    inviter: str | None = None

    def add(keys: list[str]) -> None:
        for k in keys:
            if k and k not in parts and actors.kind(k) in _PARTIES:
                parts.append(k)

    def place(tok: Token) -> str | None:
        key = actors.at(tok)
        return key if key and actors.kind(key) in _PLACES else None

    def visit_host(obj: Token) -> None:
        nonlocal location
        key = place(obj) or actors.at(obj)
        if key is None and obj.lower_ == "here":
            key = here
        if key is None:
            return
        location = location or key
        add([actors.agent(key)])

    def group(tok: Token) -> bool:
        if group_reference(tok) and drafts:
            add(drafts[-1].participants)
            return True
        return False

    is_visit = kind in (SummitKind.VISIT, SummitKind.STATE_VISIT)
    # The visitor / the parties named on the trigger noun itself.
    for child in head.children:
        if child.dep_ == "poss":
            if not group(child):
                add(actor_of(child, actors))
        elif child.dep_ in ("compound", "amod", "nmod") and (key := actors.at(child)):
            if actors.kind(key) in (ActorKind.CITY, ActorKind.PLACE) or (
                actors.kind(key) is ActorKind.COUNTRY and not is_visit
            ):
                location = location or key
            else:
                add([actors.agent(key)])
        elif child.dep_ in ("compound", "nmod") and (label := standing_group(child)):
            add([actors.ensure_named(label, ActorKind.INTERNATIONAL_ORGANIZATION)])
        elif child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            for obj in objs:
                if child.lower_ in ("between", "with", "of", "by", "among"):
                    if not group(obj):
                        add(actor_of(obj, actors))
                elif child.lower_ in ("in", "at") and place(obj):
                    location = location or place(obj)
                elif child.lower_ == "to" and is_visit:
                    visit_host(obj)
                elif child.lower_ == "on" and obj.lemma_.lower() in _membership_words():
                    # "talks on X's membership of Y": the applicant and the body it would join.
                    add([k for t in obj.subtree if (k := actors.at(t))])
        elif child.dep_ == "advmod" and child.lower_ == "here" and is_visit:
            visit_host(child)
        elif child.dep_ in ("dobj",) and is_visit:
            visit_host(child)
    # The governing verb: its subject takes part ("X held talks", "X is at a summit",
    # "X leaves on a visit"), its "with" objects too.
    takes_part = _initiators()[2]
    if head.dep_ == "dobj" and is_visit:
        # "follows a visit here by X": the parser hangs the visitor's "by" on the verb.
        for child in head.head.children:
            if child.i > head.i and (
                child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
            ):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(actor_of(obj, actors))
    if (
        parts
        and gov is not None
        and head.pos_ != "VERB"
        and _has_with_party(head)
        and any(actors.kind(k) is not ActorKind.COUNTRY for k in parts)
    ):
        # "X, speaking at a news conference with Y": X is the other side of the meeting.
        subj = _clause_subject(gov)
        if subj is not None and not group(subj):
            add(
                [
                    k
                    for k in actor_of(subj, actors)
                    if actors.kind(k) in (ActorKind.PERSON, ActorKind.COUNTRY)
                ]
            )
    if gov is not None and (
        head.pos_ == "VERB"
        or (
            gov.lemma_ in takes_part
            and head.head in (gov, *[c for c in gov.children if c.dep_ == "prep"])
        )
    ):
        verb = gov
        subj = subject_of(verb)
        if subj is None and verb.dep_ in ("xcomp", "acl", "advcl", "conj", "relcl"):
            up = verb.head
            subj = subject_of(up) if verb.dep_ != "acl" else None
            while subj is None and up.dep_ in ("xcomp", "acomp") and up.head is not up:
                up = up.head  # "he is due to meet X": the subject of the controlling verb
                subj = subject_of(up)
            if verb.dep_ == "acl" and up.pos_ in ("NOUN", "PROPN"):
                if up.lemma_ == "invitation":
                    for c in up.children:
                        if c.dep_ == "poss":
                            inviter = (actor_of(c, actors) or [None])[0]
                    accept = governor(up)
                    subj = subject_of(accept) if accept is not None else None
                else:
                    subj = up  # "Mr Straw, visiting Beijing"
        if subj is not None and not group(subj):
            add(actor_of(subj, actors))
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "between"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and not group(obj):
                        add(actor_of(obj, actors))
            elif child.dep_ == "dobj" and head.pos_ == "VERB":
                if is_visit:
                    visit_host(child)
                elif not group(child):
                    add(actor_of(child, actors))
            elif child.dep_ == "prep" and child.lower_ in ("in", "at") and head.pos_ == "VERB":
                for obj in child.children:
                    if obj.dep_ == "pobj" and place(obj):
                        location = location or place(obj)
        if verb.lemma_ == "make" and head.dep_ == "dobj":
            # "an invitation for Xi to make a state visit": the inviter is the one extending it.
            inv = verb.head if verb.dep_ in ("relcl", "acl", "xcomp", "advcl") else None
            while inv is not None and inv.lemma_ != "invitation" and inv.head is not inv:
                inv = inv.head if inv.dep_ not in ("ROOT",) else None
            if inv is not None and inv.lemma_ == "invitation":
                ext = governor(inv)
                if ext is not None and (s := subject_of(ext) or subject_of(ext.head)):
                    inviter = (actor_of(s, actors) or [None])[0]
    return parts, location, inviter


def is_visit_kind(kind: SummitKind) -> bool:
    return kind in (SummitKind.VISIT, SummitKind.STATE_VISIT)


def _home_state(gov: Token | None, actors: ActorIndex, here: str | None) -> str | None:
    """For "talks with <state>" naming one side: the state of whoever holds them (the clause's
    subject), else the state the story is filed from (its dateline)."""
    verb = gov
    for _ in range(6):
        if verb is None:
            break
        subj = subject_of(verb)
        if subj is not None:
            for key in actor_of(subj, actors):
                if (state := actors.state_of(key)) is not None:
                    return state
            break
        verb = governor(verb) if verb.head is not verb else None
    return actors.state_of(here)


def _places_from_context(drafts: list[_Draft], actors: ActorIndex, here: str | None) -> None:
    """A meeting named without its place: held during a visit by one of its people, it is at
    the visited place ("Mr X, visiting Beijing ... a news conference with Y"); otherwise a held
    meeting in a datelined story is at the dateline's place."""
    for i, d in enumerate(drafts):
        if d.location is not None or d.kind not in (
            SummitKind.MEETING,
            SummitKind.TALKS,
            SummitKind.SUMMIT,
        ):
            continue
        people = {p for p in d.participants if actors.kind(p) is ActorKind.PERSON}
        visit = next(
            (
                v
                for v in reversed(drafts[:i])
                if is_visit_kind(v.kind)
                and v.location
                and v.status in ("held", "ongoing")
                and people & set(v.participants)
            ),
            None,
        )
        if visit is not None:
            d.location = visit.location
        elif here is not None and d.kind is SummitKind.MEETING and d.status == "held":
            d.location = here


def _has_with_party(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the clause a participle or infinitive hangs from."""
    for _ in range(3):
        subj = subject_of(verb)
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head  # "Mr X, speaking at ...": the participle describes X
        if subj is not None or verb.dep_ not in ("advcl", "xcomp", "acomp") or verb.head is verb:
            return subj
        verb = verb.head
    return None


def _sentence_parties(head: Token, actors: ActorIndex) -> list[str]:
    """For a call or meeting named without its parties: the people in the sentence, or else its
    states ('following what both governments described as a phone conversation')."""
    keys = [actors.agent(k) for k in actors.in_span(head.sent)]
    people = [k for k in keys if actors.kind(k) is ActorKind.PERSON]
    if len(people) >= 2:
        return people[:2]
    states = [k for k in keys if actors.kind(k) is ActorKind.COUNTRY]
    return states[:2] if len(states) >= 2 else []


def mention_is_new(head: Token) -> bool:
    return any(c.lower_ in _NEW_WORDS for c in head.children)


def _antecedent(
    head: Token,
    kind: SummitKind,
    group: str,
    parts: list[str],
    location: str | None,
    drafts: list[_Draft],
) -> _Draft | None:
    """The earlier summit a mention refers back to, if any."""
    mods = {c.lower_ for c in head.children}
    if mods & _NEW_WORDS:
        return None
    definite = (
        any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another")
            for c in head.children
        )
        or head.pos_ == "PROPN"
    )
    for old in reversed(drafts):
        if old.group != group:
            continue
        same_kind = old.kind is kind or {old.kind, kind} <= {
            SummitKind.VISIT,
            SummitKind.STATE_VISIT,
        }
        if location and old.location and location != old.location:
            continue
        if parts and old.participants and not set(parts) & set(old.participants):
            continue
        if definite and (same_kind or not parts):
            return old
        if same_kind and location and location == old.location:
            return old
        if (
            same_kind
            and parts
            and set(parts) <= set(old.participants)
            and head.pos_ == "NOUN"
            and not any(c.dep_ == "det" for c in head.children)
        ):
            return old
    return None


def _status(
    head: Token, gov: Token | None, tref: TimeRef | None, published: dt.date | None
) -> str | None:
    cues = status_cues("summit")
    for c in head.children:
        if c.lemma_.lower() in cues and c.dep_ in ("amod", "advmod"):
            return cues[c.lemma_.lower()][0]
    chain = [head] + list(head.ancestors)[:4]
    for v in chain:
        lemma = v.lemma_.lower()
        if v is not head and lemma in cues:
            return cues[lemma][0]
        if any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "\u2019ll", "shall")
            for c in v.children
        ) and v.pos_ in ("VERB", "AUX"):
            return "planned"
        if v.pos_ in ("VERB", "AUX") and v is not head or (v is head and v.pos_ == "VERB"):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and v is head:
                continue
            if (
                v.tag_ == "VBG"
                and v.dep_ in ("acl", "advcl")
                and not any(c.dep_ == "aux" for c in v.children)
            ):
                continue  # "Mr X, visiting Beijing, said": the tense is the main clause's
            if v.tag_ in ("VBD", "VBN"):
                return "held"
            if v.tag_ in ("VBZ", "VBP") and _in_future_time_clause(v):
                return "planned"  # "a decision could come when members gather for a summit"
            if v.tag_ in ("VBZ", "VBP", "VBG"):
                if (
                    tref
                    and published
                    and (tref.day or tref.latest)
                    and (tref.day or tref.latest) < published
                ):
                    return "held"
                if (
                    tref
                    and published
                    and (tref.day or tref.earliest)
                    and (tref.day or tref.earliest) > published
                ):
                    return "planned"  # "leaves on a visit on Wednesday"
                return "ongoing"
    if tref and published:
        day = tref.day or tref.earliest
        if day and day > published:
            return "planned"
        if (tref.day or tref.latest) and (tref.day or tref.latest) < published:
            return "held"
    if head.lower_ in ("talks", "negotiations"):
        return "ongoing"  # talks named with no tense or date are reported while they go on
    return None


def _in_future_time_clause(verb: Token) -> bool:
    """A present-tense verb in a "when/before/until/once" clause of a future or modal clause:
    English puts the future event of such a clause in the present tense."""
    if verb.dep_ not in ("advcl", "relcl") or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "before", "until", "once")
        for c in verb.children
    ):
        return False
    main = verb.head if verb.head.pos_ in ("VERB", "AUX") else governor(verb.head)
    if main is None:
        return False
    return bool(future_of(main)) or any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in main.children
    )


def _initiator(head: Token, gov: Token | None, actors: ActorIndex) -> str | None:
    verbs, preps, _ = _initiators()
    if gov is not None and gov.lemma_ in verbs and head.dep_ in ("dobj", "nsubjpass"):
        who = subject_of(gov) if head.dep_ == "dobj" else None
        if who is not None and (keys := actor_of(who, actors)):
            return keys[0]
    for tok in head.subtree:
        if tok.lemma_ in preps and tok.dep_ == "pobj":
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
                    obj = (
                        c
                        if c.dep_ == "poss"
                        else next((x for x in c.children if x.dep_ == "pobj"), None)
                    )
                    if obj is not None and (keys := actor_of(obj, actors)):
                        return keys[0]
    return None


def _add_outcomes(draft: _Draft, head: Token, policies: Sequence[Policy]) -> None:
    """Policies agreed within the summit's own clause ('a meeting ..., during which the two
    leaders agreed on a framework for a trade deal')."""
    sub = list(head.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    # "a meeting ... several weeks ago, during which the two leaders agreed on ...": the
    # relative clause may hang elsewhere in the parse; "which/where/when" after the summit
    # word still opens a clause about it.
    rest = head.doc[head.i + 1 : head.sent.end]
    rel = next(
        (
            t
            for t in rest
            if t.lower_ in ("which", "where", "when")
            and t.i - head.i <= 14
            and t.tag_ in ("WDT", "WRB")
        ),
        None,
    )
    if rel is not None:
        hi = max(hi, head.sent.end_char)
    for p in policies:
        for m in (p.evidence, *p.mentions):
            if lo <= m.start < hi and not (head.idx <= m.start < head.idx + len(head.text)):
                if p.key not in draft.outcomes:
                    draft.outcomes.append(p.key)
                break


def _dateline_place(doc: Doc, actors: ActorIndex, layout: Layout) -> str | None:
    for start, end, _place, _date in layout.datelines:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and (keys := actors.in_span(span)):
            return keys[0]
    return None


def _label(d: _Draft, actors: ActorIndex) -> str:
    name = _HUMAN.get(d.kind, d.kind.value.lower())
    names = [a.label for k in d.participants if (a := actors.get(k))]
    label = name
    if len(names) == 2:
        label += f" between {names[0]} and {names[1]}"
    elif names:
        label += " of " + ", ".join(names)
    if d.location and (place := actors.get(d.location)):
        label += f" in {place.label}"
    return label
