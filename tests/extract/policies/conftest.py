"""Hand-parsed sentences for the policy rule tests (no model needed)."""

from __future__ import annotations

import pytest
from hand_docs import hand_context

from extract.policies.actor import home_state
from extract.policies.sites import Site, site_of


@pytest.fixture(scope="session")
def site_at(gazetteer):
    """``site_at(table, word)``: the Site of the first token ``word`` of a hand-parsed Doc."""

    def make(table: str, word: str) -> Site:
        ctx = hand_context(table, gazetteer)
        head = next(t for t in ctx.doc if t.text == word)
        return site_of(ctx, head, home_state(ctx))

    return make


@pytest.fixture(scope="session")
def label_of():
    """The label of an actor or topic key in the context of ``site``."""

    def label(site: Site, key: str | None) -> str | None:
        if key is None:
            return None
        found = site.actors.get(key) or site.ctx.topics.get(key)
        return found.label if found else key

    return label
