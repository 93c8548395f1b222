"""Nesting and deduplication of the cues of one sentence.

:func:`nest`: a cue inside another's content is relayed speech ("Xinhua said Xi stressed
...": Xi speaks, reported by Xinhua; a news organisation that only relays is dropped) or, for
a construction whose ``nested`` is ``drop``, part of the outer statement. :func:`dedupe`: cues
of one speaker that are one speech act ("said X and said Y") make one statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.speech.cues import outer_cue
from extract.speech.state import Found, SpeechState


def nest(st: SpeechState, here: list[Found]) -> list[Found]:
    """ "Xinhua said Xi stressed ...": the inner speaker speaks, the outer one relays."""
    out = list(here)
    for outer in here:
        for inner in here:
            if inner is outer or inner.verb is None or outer.verb is None:
                continue
            if inner.verb.i not in {t.i for t in outer.content}:
                continue
            if inner.construction is not None and inner.construction.nested == "drop":
                if inner in out:
                    out.remove(inner)
                continue
            if inner.speaker != outer.speaker:
                inner.reported_by = outer.speaker
                if st.actors.is_media(outer.speaker) and outer in out:
                    out.remove(outer)
    return out


def one_act(a: Found, b: Found) -> bool:
    """Whether two cues of one speaker in a sentence are one speech act: coordinated
    ("said X and said Y") or one inside the other ("said he asked ..."), rather than two
    clauses of their own ("denied X - he ... and says Y")."""
    av, bv = a.verb, b.verb
    if av is None or bv is None:
        return True
    for x, y, x_content in ((av, bv, a.content), (bv, av, b.content)):
        if _participle_of_its_own(x, y, a.cue, b.cue):
            return False
        if y.dep_ == "conj" and (y.head == x or outer_cue(y) == x):
            return True
        if y.i in {t.i for t in x_content}:
            return True
    return False


def _participle_of_its_own(x: Token, y: Token, px: str | None, py: str | None) -> bool:
    """ "criticized the plan, saying it ...": a participle after a comma is a cue of its own."""
    return (
        px != py
        and y.tag_ == "VBG"
        and y.dep_ == "advcl"
        and y.head == x
        and y.i > 0
        and y.doc[y.i - 1].is_punct
    )


def dedupe(st: SpeechState, here: list[Found]) -> list[Found]:
    """One statement per speech act: "said X and said Y" is one, "denied X - and says Y"
    two."""
    out: list[Found] = []
    for f in here:
        same = next((o for o in out if o.speaker == f.speaker and one_act(o, f)), None)
        if same is None:
            out.append(f)
        else:
            same.content.extend(f.content)
            same.quotes.extend(q for q in f.quotes if q not in same.quotes)
            same.start, same.end = min(same.start, f.start), max(same.end, f.end)
            same.sents = st.sents_over(same.start, same.end)
            same.direct = same.direct or f.direct
    return out


__all__ = ["dedupe", "nest", "one_act"]
