"""Actors: every person, state, organisation and place a document mentions, one per entity.

:func:`find_actors` (:mod:`extract.actors.spans`) groups the entity mentions of a ``Doc`` into
actors and returns an :class:`ActorIndex` (:mod:`extract.actors.index`) that other extractors
ask "which actor is this token?"; :mod:`extract.actors.aliases` merges the ways one entity is
written. Pronoun resolution lives in :mod:`extract.discourse`.
"""

from __future__ import annotations

from extract.actors.aliases import one_edit_apart
from extract.actors.index import ACTOR_LABELS, ActorIndex, keys_in
from extract.actors.spans import _clean_span, _strip_title, find_actors
from extract.discourse import GROUP_PRONOUNS, PERSONAL_PRONOUNS

__all__ = [
    "ACTOR_LABELS",
    "GROUP_PRONOUNS",
    "PERSONAL_PRONOUNS",
    "ActorIndex",
    "_clean_span",
    "_strip_title",
    "find_actors",
    "keys_in",
    "one_edit_apart",
]
