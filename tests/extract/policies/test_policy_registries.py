"""The rule registries and the lexicons they read agree with each other."""

from __future__ import annotations

import pytest

from extract import lexicons, modality
from extract.lexicons import LexiconError
from extract.policies.needs import NEEDS, need_met
from extract.records import PolicyKind, PolicyStatus, SummitStatus
from extract.rules import Registry


def test_the_needs_the_trigger_lexicon_allows_are_exactly_the_registered_checks():
    declared = lexicons.schema("policy_triggers.tsv").values["needs"]
    assert declared == set(NEEDS.names())


def test_every_trigger_row_has_a_need_check():
    assert {r["needs"] for r in lexicons.table("policy_triggers.tsv")} <= set(NEEDS.names())


def test_an_unknown_need_is_an_error_naming_the_registry():
    with pytest.raises(KeyError, match="policy trigger need: no rule named 'exprot'"):
        need_met("exprot", None, None)  # type: ignore[arg-type]


def test_a_registry_refuses_a_rule_without_a_docstring_or_a_name_used_twice():
    registry: Registry = Registry("demo")

    def undocumented() -> None:
        pass

    with pytest.raises(ValueError, match="docstring"):
        registry.register("x")(undocumented)

    @registry.register("y")
    def documented() -> None:
        """Reads "this"."""

    with pytest.raises(ValueError, match="already registered"):
        registry.register("y")(documented)
    assert registry.names() == ("y",)


def test_every_policy_kind_has_one_row_of_what_it_implies():
    rows = [r["kind"] for r in lexicons.table("policy_kinds.tsv")]
    assert sorted(rows) == sorted(k.value for k in PolicyKind)
    assert lexicons.schema("policy_kinds.tsv").values["default_status"] == {
        s.value for s in PolicyStatus
    }


def test_the_kinds_the_trigger_lexicon_allows_are_exactly_the_policy_kinds():
    # Plain nkg:Policy (scored as the gold's "Other") is a kind; "Other" itself is not.
    declared = lexicons.schema("policy_triggers.tsv").values["kind"]
    assert declared == {k.value for k in PolicyKind}


def test_a_word_class_the_lexicon_does_not_declare_is_an_error():
    with pytest.raises(LexiconError, match="policy_words.tsv: no class 'sign_verbs'"):
        lexicons.word_class("policy_words.tsv", "sign_verbs")


@pytest.mark.parametrize(
    ("cls", "word"),
    [
        ("sign_verb", "ratify"),
        ("control_verb", "urge"),
        ("undergo_verb", "face"),
        ("unnamed_state", "government"),
        ("trade_modifier", "commercial"),
    ],
)
def test_the_policy_word_classes_hold_their_words(cls, word):
    assert word in lexicons.word_class("policy_words.tsv", cls)


def test_the_status_cues_give_only_statuses_of_what_they_apply_to():
    for row in lexicons.table("status_cues.tsv"):
        allowed = SummitStatus if row["applies"] == "summit" else PolicyStatus
        assert row["status"] in {s.value for s in allowed}, row


# The sets each extractor tested auxiliaries against before they shared one lexicon.
@pytest.mark.parametrize(
    ("modal_set", "words"),
    [
        (modality.HEDGES, {"will", "would", "shall", "'ll", "\u2019ll", "could", "may", "might"}),
        (modality.FUTURE, {"will", "'ll", "\u2019ll", "shall", "would"}),
        (
            modality.SPEECH,
            {"will", "would", "shall", "should", "could", "can", "may", "might", "must"}
            | {"'ll", "wo", "'d"},
        ),
    ],
)
def test_the_modal_sets_are_the_ones_in_use(modal_set, words):
    assert modal_set == words


def test_modals_are_read_by_sense():
    assert modality.by_sense("obligation") == {"should", "must"}
