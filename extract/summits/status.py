"""Summit status (held, planned, ongoing, ...) from cue words, tense, auxiliaries and dates.

:data:`STATUS_RULES` run in order and the first to give a status wins: a cue word on the trigger
("the planned summit"), then each word from the trigger up through at most four of its
ancestors (a cue verb, a future auxiliary, the verb's tense), then the date against the
publication date, then the trigger word itself ("talks" with no tense go on).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from extract.modality import FUTURE
from extract.records import TimeRef
from extract.rules import Registry
from extract.summits.lexicon import words
from extract.summits.parse import stand_in, verbal
from extract.syntax import MODALS, future_of, governor, status_cues


@dataclass(frozen=True)
class When:
    """What the status rules read: the trigger, its date if any, the publication date."""

    head: Token
    time: TimeRef | None
    published: dt.date | None


_CALENDAR_NAMES = frozenset(
    n.lower() for n in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if n
)
StatusRule = Callable[[When], str | None]
STATUS_RULES: Registry[StatusRule] = Registry("summit status")


def _cue(tok: Token) -> str | None:
    cues = status_cues("summit")
    # the word itself too: the lemmatizer misreads some forms ("hopes" -> "hop")
    hit = cues.get(tok.lemma_.lower()) or cues.get(tok.lower_)
    return hit[0] if hit is not None else None


@STATUS_RULES.register("cue_modifier")
def cue_modifier(when: When) -> str | None:
    """A cue word modifying the trigger: "the planned summit", "the postponed meeting"."""
    for c in when.head.children:
        participle = c.dep_ == "acl" and c.tag_ == "VBN"  # "a meeting scheduled for June"
        if (c.dep_ in ("amod", "advmod") or participle) and (status := _cue(c)) is not None:
            return status
    return None


def _date_says(when: When, *, present: bool) -> str | None:
    """Held when the date is before publication, planned when after (a present-tense verb
    checks the past first: "leaves on Wednesday", "meets on Monday" said on Tuesday). With no
    publication date, a date word that points ahead or back says it ("next week")."""
    tref, published = when.time, when.published
    if tref is not None and not (tref.day or tref.earliest):
        return _date_words(tref.text, present=present)
    if not (tref and published):
        return None
    before = tref.day or tref.latest
    after = tref.day or tref.earliest
    if present and before and before < published:
        return "held"
    if after and after > published:
        return "planned"
    if not present and before and before < published:
        return "held"
    return None


def _date_words(text: str, *, present: bool) -> str | None:
    """An unresolved date: "next week" is ahead, "last week" behind; a present-tense verb
    with any other date is a scheduled event ("ministers meet on Thursday")."""
    found = {w.lower() for w in text.split()}
    if found & words("date_ahead"):
        return "planned"
    if found & words("date_behind"):
        return "held"
    return "planned" if present and found & _CALENDAR_NAMES else None  # not "a two-day visit"


def _progressive(v: Token) -> str | None:
    """ "was speaking at a meeting" is over, "are holding talks" goes on."""
    if v.tag_ != "VBG":
        return None
    be = next((c for c in v.children if c.dep_ == "aux" and c.lemma_ == "be"), None)
    if be is None:
        return None
    return "held" if be.tag_ == "VBD" else "ongoing"


def _tense(when: When, v: Token) -> str | None:
    """The status a verb's tense gives, or None to look further up."""
    head = when.head
    if not (v.pos_ in ("VERB", "AUX") and v is not head or (v is head and verbal(v))):
        return None
    if v is head and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return None  # "to meet": the tense is the governing clause's
    if (
        v.tag_ == "VBG"
        and v.dep_ in ("acl", "advcl", "pcomp")
        and not any(c.dep_ == "aux" for c in v.children)
    ):
        return None  # "Mr X, visiting Beijing, said": the tense is the main clause's
    if v.tag_ in ("VBD", "VBN"):
        return "held"
    if v.tag_ in ("VBZ", "VBP") and in_future_time_clause(v):
        return "planned"  # "a decision could come when members gather for a summit"
    if (status := _progressive(v)) is not None:
        return status
    if v.tag_ in ("VBZ", "VBP", "VBG"):
        return _date_says(when, present=v.tag_ != "VBG") or "ongoing"
    return None


@STATUS_RULES.register("clause_chain")
def clause_chain(when: When) -> str | None:
    """The trigger and up to four ancestors, nearest first: a cue verb ("held a summit"), a
    future auxiliary ("will meet"), else the tense ("met", "is visiting")."""
    head = when.head
    future = FUTURE
    infinitive = False
    for v in _chain(head):
        if v is not head and (status := _cue(v)) is not None:
            if status == "held" and _complement_infinitive(v):
                # "asked him to return for talks": the returning is yet to come, as the
                # verb it completes says
                infinitive = True
                continue
            # "are holding talks": a cue of what happened holds only once it has
            return (_progressive(v) if status == "held" else None) or status
        if v.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in future for c in v.children
        ):
            return "planned"
        if (status := _tense(when, v)) is not None:
            if status == "held" and infinitive:
                # "agreed to resume talks next month": the past is the agreeing, the talks
                # come after it
                return _date_says(when, present=False) or "planned"
            return status
        infinitive = infinitive or _complement_infinitive(v)
    return None


def _chain(head: Token) -> list[Token]:
    """The trigger and the four words above it, or above the noun that stands in for it
    ("failed to agree at two days of talks": from "days")."""
    up = list(head.ancestors)
    anchor = stand_in(head)
    start = up.index(anchor) + 1 if anchor is not head else 0
    return [head, *up[: start + 4]]


def _complement_infinitive(v: Token) -> bool:
    """ "agreed to resume", "agreed to roll over ... and resume": an infinitive complement,
    whose event follows the verb it completes."""
    while v.dep_ == "conj" and v.head is not v:
        v = v.head
    return (
        v.dep_ == "xcomp"
        and v.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    )


@STATUS_RULES.register("date_only")
def date_only(when: When) -> str | None:
    """No tense to read: the date says it: "the summit on 3 May" in a story of 1 May."""
    return _date_says(when, present=False)


@STATUS_RULES.register("talks_go_on")
def talks_go_on(when: When) -> str | None:
    """Talks named with no tense or date are reported while they go on: "talks on trade"."""
    return "ongoing" if when.head.lower_ in words("ongoing_talks") else None


def summit_status(head: Token, time: TimeRef | None, published: dt.date | None) -> str | None:
    """The first status :data:`STATUS_RULES` give, else None."""
    when = When(head, time, published)
    for rule in STATUS_RULES:
        if (status := rule(when)) is not None:
            return status
    return None


def in_future_time_clause(verb: Token) -> bool:
    """A present-tense verb in a "when/before/until/once" clause of a future or modal clause:
    English puts the future event of such a clause in the present tense."""
    marks = words("time_clause_mark")
    if verb.dep_ not in ("advcl", "relcl") or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in verb.children
    ):
        return False
    main = verb.head if verb.head.pos_ in ("VERB", "AUX") else governor(verb.head)
    if main is None:
        return False
    return bool(future_of(main)) or any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in main.children
    )
