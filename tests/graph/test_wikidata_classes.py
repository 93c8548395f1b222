"""The sourced table of Wikidata classes drives both online linking and gazetteer building."""

from __future__ import annotations

import re

from graph.linking import _KIND_ALIASES, KIND_CLASSES
from graph.wikidata_classes import wikidata_classes
from newskg.gazetteer_build import TYPE_OF_CLASS, TYPES


def test_every_class_names_the_public_file_that_states_its_label():
    for c in wikidata_classes():
        assert re.fullmatch(r"Q[1-9]\d*", c.qid), c
        assert c.label and re.fullmatch(r"[\w.-]+/[\w.-]+:\S+", c.source), c


def test_each_class_is_listed_once():
    qids = [c.qid for c in wikidata_classes()]
    assert len(qids) == len(set(qids))


def test_every_mention_group_the_linker_knows_has_classes():
    assert set(_KIND_ALIASES.values()) == set(KIND_CLASSES)
    assert KIND_CLASSES["country"] | KIND_CLASSES["city"] <= KIND_CLASSES["place"]
    assert not KIND_CLASSES["person"] & KIND_CLASSES["place"]


def test_gazetteer_types_of_classes_are_gazetteer_types():
    assert set(TYPE_OF_CLASS.values()) <= set(TYPES)
    assert TYPE_OF_CLASS["Q5"] == "person"
