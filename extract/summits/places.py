"""Places a summit's own words leave out, read from the document: the dateline's place, the
home state of whoever holds talks, the place of a visit a meeting happens during."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.context import DocContext
from extract.records import ActorKind, SummitKind
from extract.summits.draft import Draft, is_visit_kind
from extract.syntax import actor_of, governor, subject_of

_PLACED_AT_VISIT = (SummitKind.MEETING, SummitKind.TALKS, SummitKind.SUMMIT)
# A meeting or round of talks over or going on at the time of writing, named without its
# place, is where the story is filed from (the wire reporter is there).
_PLACED_AT_DATELINE = (SummitKind.MEETING, SummitKind.TALKS)
_AT_DATELINE_STATUS = ("held", "failed", "ongoing")


def dateline_place(ctx: DocContext) -> str | None:
    """The actor the dateline names ("OTTAWA, March 12 -"), if any; a town the parser and the
    knowledge base miss, written before its country or region, is a place of its own
    ("KNOKKE-HEIST, Belgium, April 5 -": the story is filed from the town, not the country)."""
    for start, end, place, _date in ctx.layout.datelines:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not (keys := ctx.actors.in_span(span)):
            continue
        town, _, rest = place.partition(",")
        first = span.doc.char_span(start, start + len(town), alignment_mode="expand")
        if rest.strip() and first is not None and not ctx.actors.in_span(first):
            return ctx.actors.ensure_named(town.strip().title(), ActorKind.PLACE)
        return keys[0]
    return None


def home_state(gov: Token | None, actors: ActorIndex, here: str | None) -> str | None:
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


def places_from_context(drafts: Sequence[Draft], actors: ActorIndex, here: str | None) -> None:
    """A meeting named without its place: held during a visit by one of its people, it is at
    the visited place ("Mr X, visiting Beijing ... a news conference with Y"); otherwise a held
    or ongoing meeting in a datelined story is at the dateline's place."""
    for i, d in enumerate(drafts):
        if d.location is not None or d.kind not in _PLACED_AT_VISIT:
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
        elif here is not None and d.kind in _PLACED_AT_DATELINE and d.status in _AT_DATELINE_STATUS:
            d.location = here
