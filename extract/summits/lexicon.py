"""The summit lexicons, loaded once: function words by role, initiator verbs, membership nouns,
kind labels (files under ``extract/lexicons/``, listed in its README)."""

from __future__ import annotations

from functools import cache

from extract import lexicons


@cache
def _words_by_role() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in lexicons.table("summit_words.tsv"):
        out.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in out.items()}


def words(role: str) -> frozenset[str]:
    """The words of ``summit_words.tsv`` that play ``role`` (a role its schema declares)."""
    return _words_by_role()[role]


@cache
def membership_words() -> frozenset[str]:
    return lexicons.words("summit_membership.txt")


@cache
def _initiators() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in lexicons.table("summit_initiators.tsv"):
        out.setdefault(row["how"], set()).add(row["form"])
    return {how: frozenset(forms) for how, forms in out.items()}


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
