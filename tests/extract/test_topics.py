"""Topics from the gazetteer and the topic lexicon."""

from __future__ import annotations

import pytest

from extract import lexicons
from extract.topics import plurals


def test_topic_lexicon_is_broad():
    assert len(lexicons.table("topics.tsv")) >= 80


def test_topic_lexicon_qids_are_in_the_gazetteer(gazetteer):
    for row in lexicons.table("topics.tsv"):
        if row.get("qid"):
            assert row["qid"] in gazetteer.by_qid, row


@pytest.mark.parametrize(("word", "form"), [("tariff", "tariffs"), ("subsidy", "subsidies"),
                                            ("tax", "taxes")])
def test_plurals_of_topic_words(word, form):
    assert form in plurals(word)


@pytest.mark.parametrize(("text", "label"), [
    ("They lifted rare-earth curbs.", "rare earth element"),
    ("New tariffs were imposed.", "tariff"),
    ("The arms embargo stays.", "arms embargo"),
    ("Japan's trade surpluses grew.", "trade surplus"),
])
@pytest.mark.model
def test_topics_match_plurals_and_hyphenated_words(extract_text, text, label):
    assert label in {t.label for t in extract_text(text).topics}
