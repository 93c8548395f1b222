"""Summit labels: "phone call between Donald Trump and Xi Jinping", "summit of G20 in Osaka"."""

from __future__ import annotations

from extract.actors import ActorIndex
from extract.summits.draft import Draft
from extract.summits.lexicon import kind_labels


def label(d: Draft, actors: ActorIndex) -> str:
    """The kind's English name (``lexicons/summit_labels.tsv``), its parties, its place."""
    text = kind_labels().get(d.kind.value, d.kind.value.lower())
    names = [a.label for k in d.participants if (a := actors.get(k))]
    if len(names) == 2:
        text += f" between {names[0]} and {names[1]}"
    elif names:
        text += " of " + ", ".join(names)
    if d.location and (place := actors.get(d.location)):
        text += f" in {place.label}"
    return text
