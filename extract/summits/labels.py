"""Summit labels: "phone call between Donald Trump and Xi Jinping", "summit of G20 in Osaka",
or the name the text gives the meeting: "G8 summit in Gleneagles", "Venice summit"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.records import Mention
from extract.summits.draft import Draft
from extract.summits.lexicon import kind_labels

# The modifiers that make a meeting noun a name: a proper noun ("the G8 summit", "the Venice
# summit", "an OPEC conference"); a common noun or adjective before it ("a summit meeting",
# "spring meetings") names no particular meeting.
_NAME_DEPS = ("compound", "nmod", "npadvmod")


def written_name(head: Token) -> str | None:
    """The meeting noun with the proper-noun modifiers written right before it ("the Venice
    summit" -> "Venice summit"), singular; None when no name modifies it."""
    start = head.i
    for left in reversed(list(head.lefts)):
        if left.i != start - 1 or left.dep_ not in _NAME_DEPS:
            break
        if not all(t.pos_ == "PROPN" for t in left.subtree):
            break
        start = left.left_edge.i
    if start == head.i:
        return None
    noun = head.lemma_.lower() if head.tag_ == "NNS" else head.lower_
    return f"{head.doc[start : head.i].text} {noun}"


def label(d: Draft, actors: ActorIndex) -> str:
    """The name the text gives the meeting, else the kind's English name
    (``lexicons/summit_labels.tsv``); then the parties and the place the name leaves out."""
    place = actors.get(d.location) if d.location else None
    parties = [a for k in d.participants if (a := actors.get(k))]
    if d.name:
        text = d.name
        left = [a.label for a in parties if not _in_name(d.name, a.label, a.mentions)]
        if left:  # "London meeting of G7"; "the Biden meeting" with Xi Jinping
            text += (" with " if len(left) < len(parties) else " of ") + ", ".join(left)
        if place is not None and not _in_name(d.name, place.label, place.mentions):
            text += f" in {place.label}"
        return text
    text = kind_labels().get(d.kind.value, d.kind.value.lower())
    if len(parties) == 2:
        text += f" between {parties[0].label} and {parties[1].label}"
    elif parties:
        text += " of " + ", ".join(a.label for a in parties)
    if place is not None:
        text += f" in {place.label}"
    return text


def _in_name(name: str, label: str, mentions: Iterable[Mention]) -> bool:
    """Whether the name already says who or where ("G8 summit" names the G8)."""
    padded = f" {name.lower()} "
    written = (label, *(m.text for m in mentions))
    return any(f" {w.lower()} " in padded for w in written if w)
