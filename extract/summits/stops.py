"""A visit to coordinated places is one visit per place: "visited Chile and Peru" is a visit to
Chile and a visit to Peru, each with the visitors and that place's state as host (a record per
stop lets each carry its own place, and a later "the visit to Peru" find its own)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.summits.draft import Draft


def per_stop(draft: Draft, stops: Sequence[tuple[str, str | None]]) -> list[Draft]:
    """``draft`` split into one draft per host state of ``stops`` (place, host), in the order
    visited; unchanged when the places lie in fewer than two states."""
    first: dict[str, str] = {}
    for where, host in stops:
        if host is not None:
            first.setdefault(host, where)
    if len(first) < 2:
        return [draft]
    return [
        replace(
            draft,
            participants=[p for p in draft.participants if p not in first or p == host],
            location=where,
            outcomes=list(draft.outcomes),
            mentions=list(draft.mentions),
            tokens=set(draft.tokens),
        )
        for host, where in first.items()
    ]
