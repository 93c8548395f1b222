"""The policy lexicons as the rules read them: what each nkg:Policy subclass implies
(``lexicons/policy_kinds.tsv``: whether it restricts trade, the status a mention gets when no
cue says otherwise, its label words) and the word classes of ``lexicons/policy_words.tsv``."""

from __future__ import annotations

from functools import cache

from extract import lexicons
from extract.records import PolicyKind, PolicyStatus


@cache
def _rows() -> dict[str, dict[str, str]]:
    return {r["kind"]: r for r in lexicons.table("policy_kinds.tsv")}


def restrictive(kind: PolicyKind) -> bool:
    """Tariffs, sanctions, embargoes, quotas, restrictions, subsidies: measures that stand."""
    return _rows()[kind.value]["restrictive"] == "yes"


def default_status(kind: PolicyKind) -> PolicyStatus:
    """The status of a mention with no status cue: a tariff is imposed, a deal proposed."""
    return PolicyStatus(_rows()[kind.value]["default_status"])


def label(kind: PolicyKind) -> str:
    """The words of the kind in a label: "export restriction", "tariff"."""
    return _rows()[kind.value]["label"]


def policy_words(cls: str) -> frozenset[str]:
    """One class of ``lexicons/policy_words.tsv`` (the words a slot rule reads)."""
    return lexicons.word_class("policy_words.tsv", cls)


__all__ = ["default_status", "label", "policy_words", "restrictive"]
