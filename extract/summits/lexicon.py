"""The summit lexicons, loaded once: function words by role, initiator verbs, membership nouns,
kind labels (files under ``extract/lexicons/``, listed in its README)."""

from __future__ import annotations

from functools import cache

from extract import lexicons


@cache
def _grouped(name: str, by: str, value: str) -> dict[str, frozenset[str]]:
    """The ``value`` cells of a lexicon's rows, grouped by their ``by`` cell."""
    out: dict[str, set[str]] = {}
    for row in lexicons.table(name):
        out.setdefault(row[by], set()).add(row[value])
    return {key: frozenset(values) for key, values in out.items()}


def words(role: str) -> frozenset[str]:
    """The words of ``summit_words.tsv`` that play ``role`` (a role its schema declares)."""
    return _grouped("summit_words.tsv", "role", "word")[role]


@cache
def membership_words() -> frozenset[str]:
    return lexicons.words("summit_membership.txt")


def _initiators() -> dict[str, frozenset[str]]:
    return _grouped("summit_initiators.tsv", "how", "form")


def initiator_verbs() -> frozenset[str]:
    """Verbs whose subject started the meeting their object names ("initiated the call")."""
    return _initiators()["verb"]


def initiator_nouns() -> frozenset[str]:
    """Nouns whose possessor or "of" object started a meeting ("at the request of X")."""
    return _initiators()["of"]


def taking_part_verbs() -> frozenset[str]:
    """Verbs whose subject takes part in the meeting they govern ("held talks")."""
    return _initiators()["take_part"]


@cache
def kind_labels() -> dict[str, str]:
    return {row["kind"]: row["label"] for row in lexicons.table("summit_labels.tsv")}
