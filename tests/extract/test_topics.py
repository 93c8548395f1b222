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


@pytest.mark.parametrize(
    ("word", "form"), [("tariff", "tariffs"), ("subsidy", "subsidies"), ("tax", "taxes")]
)
def test_plurals_of_topic_words(word, form):
    assert form in plurals(word)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("They lifted rare-earth curbs.", "rare earth element"),
        ("New tariffs were imposed.", "tariff"),
        ("The arms embargo stays.", "arms embargo"),
        ("Japan's trade surpluses grew.", "trade surplus"),
    ],
)
@pytest.mark.model
def test_topics_match_plurals_and_hyphenated_words(extract_text, text, label):
    assert label in {t.label for t in extract_text(text).topics}


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        (
            "The EU kept its arms embargo on Sudan. Paris wants the embargo lifted.",
            "embargo",
            "arms embargo",
        ),
        (
            "Free trade talks with Chile resumed. The talks stalled in May.",
            "talks",
            "free trade",
        ),
        (
            "Brazil proposed a Rural Credit Facility (RCF). "
            "Critics said this mechanism would fail.",
            "mechanism",
            "Rural Credit Facility",
        ),
    ],
)
@pytest.mark.model
def test_definite_noun_refers_back_to_the_topic_it_heads(extract_text, text, word, label):
    ex = extract_text(text)
    topic = next(t for t in ex.topics if t.label == label)
    last = text.rindex(word)
    assert any(m.start == last for m in topic.mentions)


@pytest.mark.model
def test_noun_with_its_own_modifier_is_not_an_anaphor(extract_text):
    ex = extract_text("The EU kept its arms embargo on Sudan. The oil embargo ended in May.")
    arms = next(t for t in ex.topics if t.label == "arms embargo")
    assert len(arms.mentions) == 1


@pytest.mark.model
def test_programme_name_is_a_topic_with_its_acronym(extract_text):
    ex = extract_text(
        "Ministers backed the Global Health Facility (GHF). The GHF would lend $2bn a year."
    )
    topic = next(t for t in ex.topics if t.label == "Global Health Facility")
    assert [m.text for m in topic.mentions].count("GHF") == 2


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Tokyo asked Washington to lift the new sactions quickly.", "sanction"),
        ("The tarifs on steel were doubled.", "tariff"),
        ("Three embargoes remain in force.", "embargo"),
    ],
)
@pytest.mark.model
def test_misspelt_and_irregular_plural_topic_words_are_matched(extract_text, text, label):
    assert label in {t.label for t in extract_text(text).topics}


@pytest.mark.parametrize(
    "text",
    [
        "The storm subsides slowly.",
        "Experts expect a slower year.",
    ],
)
@pytest.mark.model
def test_ordinary_words_are_not_read_as_misspelt_topics(extract_text, text):
    labels = {t.label for t in extract_text(text).topics}
    assert not labels & {"subsidy", "export"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Seoul must cut its restrictions on Korean imports.", "import restriction"),
        ("Creditors agreed to write off African debt.", "debt relief"),
    ],
)
@pytest.mark.model
def test_topic_names_allow_a_modifier_after_a_preposition(extract_text, text, label):
    assert label in {t.label for t in extract_text(text).topics}


@pytest.mark.model
def test_definite_noun_naming_the_head_of_a_topic_label_refers_to_it(extract_text):
    text = "Both sides want a trade deal by June. Critics doubt the agreement will pass."
    topic = next(t for t in extract_text(text).topics if t.label == "trade agreement")
    assert "agreement" in {m.text for m in topic.mentions}


@pytest.mark.model
def test_topic_word_inside_an_organisation_name_is_no_topic(extract_text):
    ex = extract_text("Russia hopes to join the World Trade Organization next year.")
    assert "trade" not in {t.label for t in ex.topics}


@pytest.mark.model
def test_broadcast_programme_is_not_what_the_plan_refers_to(extract_text):
    ex = extract_text(
        "Ana Rojas told the BBC's Newsnight programme she was hopeful. "
        "Critics said the plan would fail."
    )
    show = next(t for t in ex.topics if t.label == "Newsnight")
    assert [m.text for m in show.mentions] == ["Newsnight"]


@pytest.mark.model
def test_wire_capitalised_topic_after_a_country_is_still_a_topic(extract_text):
    ex = extract_text("Imports stayed weak, indicating a lack of U.S. Competitiveness, he said.")
    assert "competitiveness" in {t.label for t in ex.topics}


def test_iptc_topics_carry_their_media_topic_code_and_yield_to_the_own_lexicon():
    from extract.topics import topic_rows

    iptc = lexicons.table("iptc_topics.tsv")
    assert len(iptc) >= 200
    assert all(r["medtop"].startswith("medtop:") for r in iptc)
    own = {r["label"] for r in lexicons.table("topics.tsv")}
    labels = [r["label"] for r in topic_rows()]
    assert len(labels) == len(set(labels))
    assert labels[: len(own)] == [r["label"] for r in lexicons.table("topics.tsv")]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Rising unemployment worried the ministers.", {"unemployment"}),
        ("The central bank held its nerve.", {"central bank"}),
        ("Government debt rose to a record.", {"government debt"}),
        ("Fears of deflation grew in the spring.", {"deflation"}),
        ("The labour market stayed tight.", {"labor market"}),
        ("The management met the employees on Monday.", set()),
        ("Prices of stock were shown on a screen.", set()),
    ],
)
@pytest.mark.model
def test_iptc_labels_are_topics_but_their_general_words_are_not(extract_text, text, labels):
    assert {t.label for t in extract_text(text).topics} == labels
