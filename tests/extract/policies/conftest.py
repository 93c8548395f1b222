"""Hand-parsed sentences for the policy rule tests (no model needed); the model-run extractor."""

from __future__ import annotations

import datetime as dt

import pytest
from hand_docs import doc_context, hand_context

from extract.policies import find_policies
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


@pytest.fixture(scope="session")
def policies(nlp, gazetteer):
    """``policies(text)``: the policies of ``text`` and the labels of the keys they use."""

    def run(text: str, date: dt.date | None = None):
        ctx = doc_context(nlp(text), gazetteer, date)
        found = list(find_policies(ctx))
        labels = {a.key: a.label for a in ctx.actors.actors}
        return found, labels | {t.key: t.label for t in ctx.topics.topics}

    return run
