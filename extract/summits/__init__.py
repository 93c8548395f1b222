"""Summits: meetings, calls, talks and visits between actors.

A summit is found from a trigger word in ``lexicons/summit_triggers.tsv`` and filled from the
parse around it by registries of small named rules, one module per concept:

- ``accept.py``: whether a trigger word names a summit here ("calls for calm" does not);
- ``roles/``: who takes part, where, who invited (:data:`~extract.summits.roles.ROLE_RULES`):
  "between X and Y", "with X", "by/of X", a possessor, the subject of the governing verb, the
  place visited (a city stands for its state); "the two leaders" are the pair of the latest
  summit, "the premiers" the people holding that office, "the G8" or "the seven richest
  nations" one standing-group actor (``extract/groups.py``);
- ``antecedents.py``: a bare definite mention ("the call", "Monday's call") is the latest
  summit of its group, so one real-world meeting is one record with all its mentions;
- ``completion.py``: what a new summit's own words leave out ("the next meeting" of parties
  who met before; talks with one named state are held by the state of whoever holds them,
  else of the dateline);
- ``status.py``: tense, auxiliaries and cue words (``lexicons/status_cues.tsv``): "accepted
  Xi's invitation to visit Beijing in April" is planned, not held;
- ``dates.py``, ``places.py``, ``initiator.py``, ``outcomes.py``, ``labels.py``.

Adding a summit construction
----------------------------
1. Write the sentence it must read and the record you expect, as a row of the rule's test
   table in ``tests/extract/summits/``; write its parse by hand (``tests/support/hand_docs.py``,
   the parses in ``tests/support/summit_sentences.py``) so the test needs no model.
2. Decide which stage reads it: a dependent of the trigger word (``roles/trigger.py``), the
   clause around the trigger (``roles/clause.py``), the discourse when the mention names too
   little (``completion.py``), the status (``status.py``) or whether a word is a summit at
   all (``accept.py``). A new trigger word is a row of ``summit_triggers.tsv``, no code.
3. Write one function of 20-40 lines with a docstring naming the construction and an example
   sentence; read words from a lexicon (``summit_words.tsv`` takes a new role in its
   ``#@ values role`` line), never from a list in code.
4. Register it (``@TRIGGER_DEPENDENT_RULES.register("name")`` and the like, an
   :class:`extract.rules.Registry`) where it should run: rules run in the order they are
   registered, the order of their module (``roles/__init__.py`` lists the role stages), and
   for dependents the first rule that claims a dependent wins, so a more specific construction
   goes before a general one.
5. Run the rule's tests, then ``newskg eval ../shared/eval/dev`` and the score-floor test to
   check nothing else moved.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.context import DocContext
from extract.records import Mention, Policy, Summit, SummitKind
from extract.summits.accept import accepts
from extract.summits.antecedents import antecedent, merge_mention
from extract.summits.completion import Candidate, Known, complete
from extract.summits.dates import summit_time
from extract.summits.draft import Draft
from extract.summits.initiator import initiator
from extract.summits.labels import label, written_name
from extract.summits.outcomes import add_outcomes
from extract.summits.parse import verbal
from extract.summits.places import dateline_place, places_from_context
from extract.summits.presence import presence_triggers
from extract.summits.roles import Roles, Site, read_roles
from extract.summits.status import summit_status
from extract.summits.stops import per_stop
from extract.syntax import argument_tokens, evidence, governor
from extract.triggers import Trigger, find_triggers


def find_summits(ctx: DocContext, policies: Sequence[Policy] = ()) -> Iterator[Summit]:
    """Summits mentioned in the document, one per real-world event, in order of first mention;
    each links to the ``policies`` agreed in its clause."""
    drafts: list[Draft] = []
    here = dateline_place(ctx)
    triggers = find_triggers(ctx.doc, "summit_triggers.tsv") + presence_triggers(ctx.doc)
    for trig in sorted(triggers, key=lambda t: t.start):
        head = trig.head(ctx.doc)
        if ctx.layout.in_heading(head.idx) or not accepts(head, trig.kind, drafts):
            continue
        for draft in _read_mention(ctx, trig, drafts, here, policies):
            add_outcomes(draft, head, policies)
            drafts.append(draft)
    places_from_context(drafts, ctx.actors, here)
    for i, d in enumerate(drafts, 1):
        yield Summit(
            key=f"summit:{i}",
            kind=d.kind,
            label=label(d, ctx.actors),
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


def _with_inviter(kind: SummitKind, roles: Roles) -> tuple[SummitKind, list[str]]:
    """The inviter takes part; a visit made at another leader's invitation is a state visit."""
    parts = roles.participants
    if roles.inviter and kind is SummitKind.VISIT:
        kind = SummitKind.STATE_VISIT
    if roles.inviter and roles.inviter not in parts:
        parts.append(roles.inviter)
    return kind, parts


def _read_mention(
    ctx: DocContext,
    trig: Trigger,
    drafts: list[Draft],
    here: str | None,
    policies: Sequence[Policy],
) -> list[Draft]:
    """The new summits of this mention (one per place a visit reaches), or none when it adds to
    an earlier one (or names nobody)."""
    head = trig.head(ctx.doc)
    gov = head if verbal(head) else governor(head)
    latest = tuple(drafts[-1].participants) if drafts else None
    site = Site(head, gov, SummitKind(trig.kind), ctx.actors, latest, here)
    roles = read_roles(site)
    kind, participants = _with_inviter(site.kind, roles)
    args = argument_tokens(head, limit=10)
    tref = summit_time(args, gov, ctx.published)
    status = summit_status(head, tref, ctx.published)
    mention = Mention(
        ctx.doc[trig.start : trig.end].text, ctx.doc[trig.start].idx, head.idx + len(head.text)
    )
    old = antecedent(
        head, kind, trig.extra, participants, roles.location, drafts, ctx.actors.state_of
    )
    started_by = initiator(head, gov, ctx.actors)
    if old is not None:
        merge_mention(old, mention, head, participants, roles.location, tref, started_by)
        add_outcomes(old, head, policies)
        old.name = old.name or written_name(head)
        return []
    known = Known(head, gov, trig.extra, ctx.actors, drafts, here)
    cand = complete(known, Candidate(kind, tuple(participants)))
    if not cand.participants:
        return []  # nobody to attach the event to: not useful, and not checkable
    draft = Draft(
        cand.kind,
        trig.extra,
        evidence(args + _near_verb(head, gov)),
        list(cand.participants),
        roles.location,
        status,
        tref,
        started_by,
        mentions=[mention],
        tokens={head.i},
        name=written_name(head),
    )
    return per_stop(draft, roles.stops)


def _near_verb(head: Token, gov: Token | None) -> list[Token]:
    """The governing verb just before the trigger belongs to the evidence ("met", "held talks")."""
    return [gov] if gov is not None and gov.i < head.i and head.i - gov.i <= 3 else []
