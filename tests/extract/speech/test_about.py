"""Aboutness read beyond the content's own names: the owner named in the speaker's phrase,
narrower topics made of a noun compound, and the article's main topics for content that
names no topic; on sentences written and parsed by hand for the test."""

from __future__ import annotations

import pytest
from handparse import context, parse, said_that

from extract.records import Statement
from extract.speech import find_statements
from extract.speech.about import main_topics
from extract.speech.state import SpeechState


@pytest.fixture
def about_of(gazetteer):
    """Token table -> (speaker label, labels of what its last statement is about)."""

    def run(table: str) -> tuple[str, set[str]]:
        ctx = context(parse(table), gazetteer)
        last = [s for s in find_statements(ctx) if isinstance(s, Statement)][-1]
        labels = {a.key: a.label for a in ctx.actors.actors}
        labels |= {t.key: t.label for t in ctx.topics.topics}
        return labels[last.speaker], {labels[k] for k in last.about}

    return run


# "Ann Lee, Acme's chief, said that talks resume."
OWNER_BY_POSSESSIVE = said_that("""
Ann     PROPN NNP compound 1  -   B-PERSON
Lee     PROPN NNP nsubj    V  -   I-PERSON
,       PUNCT ,   punct    1  -
Acme    PROPN NNP poss     5  -   B-ORG
's      PART  POS case     3  -
chief   NOUN  NN  appos    1  -
,       PUNCT ,   punct    1  -
""")

# "Ann Lee, the head of Acme, said that talks resume."
OWNER_BY_OF = said_that("""
Ann     PROPN NNP compound 1  -   B-PERSON
Lee     PROPN NNP nsubj    V  -   I-PERSON
,       PUNCT ,   punct    1  -
the     DET   DT  det      4  -
head    NOUN  NN  appos    1  -
of      ADP   IN  prep     4  -
Acme    PROPN NNP pobj     5  -   B-ORG
,       PUNCT ,   punct    1  -
""")

# "Ann Lee, an analyst at Acme, said that talks resume.": her employer is not her subject.
EMPLOYER_IS_NOT_OWNER = said_that("""
Ann     PROPN NNP compound 1  -   B-PERSON
Lee     PROPN NNP nsubj    V  -   I-PERSON
,       PUNCT ,   punct    1  -
an      DET   DT  det      4  -
analyst NOUN  NN  appos    1  -
at      ADP   IN  prep     4  -
Acme    PROPN NNP pobj     5  -   B-ORG
,       PUNCT ,   punct    1  -
""")


@pytest.mark.parametrize(
    ("table", "about"),
    [(OWNER_BY_POSSESSIVE, {"Acme"}), (OWNER_BY_OF, {"Acme"}), (EMPLOYER_IS_NOT_OWNER, set())],
    ids=["possessive-owner-of-role", "head-of-owner", "analyst-at-is-no-owner"],
)
def test_owner_named_in_the_speakers_phrase_is_what_is_said_about(about_of, table, about):
    assert about_of(table) == ("Ann Lee", about)


def _said(content: str) -> str:
    """ "Ann Lee said <content>." with ``content`` rows numbered from token 3 (its verb's
    head column says ``V`` for "said")."""
    head = [
        "Ann  PROPN NNP compound 1 - B-PERSON",
        "Lee  PROPN NNP nsubj    2 - I-PERSON",
        "said VERB  VBD ROOT     2 say",
    ]
    rows = [r.replace(" V ", " 2 ") for r in content.strip("\n").splitlines()]
    return "\n".join([*head, *rows, ".    PUNCT .   punct    2 -"])


# "... oil prices rise": oil, and the narrower topic oil price.
OIL_PRICES = """
oil     NOUN NN  compound 4 -
prices  NOUN NNS nsubj    5 price
rise    VERB VBP ccomp    V -
"""
# "... the oil minister resigns": a role, never a topic "oil minister".
OIL_MINISTER = """
the      DET  DT  det      5 -
oil      NOUN NN  compound 5 -
minister NOUN NN  nsubj    6 -
resigns  VERB VBZ ccomp    V resign
"""
# "... office prices rise": no word of the compound is a topic of its own.
OFFICE_PRICES = """
office  NOUN NN  compound 4 -
prices  NOUN NNS nsubj    5 price
rise    VERB VBP ccomp    V -
"""


@pytest.mark.parametrize(
    ("content", "about"),
    [
        (OIL_PRICES, {"oil", "oil price"}),
        (OIL_MINISTER, {"oil"}),
        (OFFICE_PRICES, set()),
    ],
    ids=["compound-narrows-a-topic", "role-noun-is-no-topic", "compound-of-no-topic"],
)
def test_noun_compound_narrowing_a_topic_is_a_topic(about_of, content, about):
    assert about_of(_said(content)) == ("Ann Lee", about)


# Sentences naming sanctions four times, then a statement whose words name nothing: it is on
# the article's main topic.
MAIN_TOPIC = """
Ann       PROPN NNP compound 1 -  B-PERSON
Lee       PROPN NNP nsubj    2 -  I-PERSON
backed    VERB  VBD ROOT     2 back
sanctions NOUN  NNS dobj     2 sanction
.         PUNCT .   punct    2 -
Sanctions NOUN  NNS nsubj    6 sanction
work      VERB  VBP ROOT     6 -
.         PUNCT .   punct    6 -
New       ADJ   JJ  amod     9 -
sanctions NOUN  NNS nsubj    10 sanction
came      VERB  VBD ROOT     10 come
,         PUNCT ,   punct    10 -
and       CCONJ CC  cc       10 -
sanctions NOUN  NNS nsubj    14 sanction
stayed    VERB  VBD conj     10 stay
.         PUNCT .   punct    10 -
She       PRON  PRP nsubj    17 she
said      VERB  VBD ROOT     17 say
that      SCONJ IN  mark     20 -
we        PRON  PRP nsubj    20 -
are       AUX   VBP ccomp    17 be
hopeful   ADJ   JJ  acomp    20 -
.         PUNCT .   punct    17 -
"""


def test_content_naming_nothing_takes_the_articles_main_topic(about_of):
    assert about_of(MAIN_TOPIC) == ("Ann Lee", {"sanction"})


# The same article, then a statement that names only a country: on the main topic too.
MAIN_TOPIC_ACTOR_ONLY = MAIN_TOPIC.replace(
    """we        PRON  PRP nsubj    20 -
""",
    """Peru      PROPN NNP nsubj    20 -  B-GPE
""",
)


def test_content_naming_only_actors_takes_the_articles_main_topic_too(about_of):
    assert about_of(MAIN_TOPIC_ACTOR_ONLY) == ("Ann Lee", {"sanction", "Peru"})


def test_a_topic_named_once_is_no_main_topic(gazetteer):
    ctx = context(parse(_said(OIL_PRICES)), gazetteer)
    assert main_topics(SpeechState(ctx)) == []


# "Peru's rebate grew. The rebate stays.": a thing a country owns, referred back to.
OWNED_REFERRED_BACK = """
Peru    PROPN NNP poss     2 -  B-GPE
's      PART  POS case     0 -
rebate  NOUN  NN  nsubj    3 -
grew    VERB  VBD ROOT     3 grow
.       PUNCT .   punct    3 -
The     DET   DT  det      6 the
rebate  NOUN  NN  nsubj    7 -
stays   VERB  VBZ ROOT     7 stay
.       PUNCT .   punct    7 -
"""
# "Peru's rebate grew.": named once, a detail.
OWNED_ONCE = """
Peru    PROPN NNP poss     2 -  B-GPE
's      PART  POS case     0 -
rebate  NOUN  NN  nsubj    3 -
grew    VERB  VBD ROOT     3 grow
.       PUNCT .   punct    3 -
"""
# "Peru's candidate, Ann Lee, won. The candidate smiled.": a person, never a topic.
OWNED_PERSON = """
Peru      PROPN NNP poss     2 -  B-GPE
's        PART  POS case     0 -
candidate NOUN  NN  nsubj    7 -
,         PUNCT ,   punct    2 -
Ann       PROPN NNP compound 5 -  B-PERSON
Lee       PROPN NNP appos    2 -  I-PERSON
,         PUNCT ,   punct    2 -
won       VERB  VBD ROOT     7 win
.         PUNCT .   punct    7 -
The       DET   DT  det      10 the
candidate NOUN  NN  nsubj    11 -
smiled    VERB  VBD ROOT     11 smile
.         PUNCT .   punct    11 -
"""


@pytest.mark.parametrize(
    ("table", "mentions"),
    [
        (OWNED_REFERRED_BACK, {"Peru rebate": ["Peru's rebate", "rebate"]}),
        (OWNED_ONCE, {}),
        (OWNED_PERSON, {}),
    ],
    ids=["owned-thing-referred-back-is-a-topic", "named-once-is-a-detail", "person-is-no-topic"],
)
def test_thing_a_country_owns_and_the_text_refers_back_to_is_a_topic(gazetteer, table, mentions):
    topics = context(parse(table), gazetteer).topics.topics
    owned = {t.label: [m.text for m in t.mentions] for t in topics if t.label.startswith("Peru")}
    assert owned == mentions


# "Peru's rebate grew. Ann Lee said that the rebate stays.": said of the rebate, so of Peru.
SAID_OF_THE_OWNED = """
Peru    PROPN NNP poss     2 -  B-GPE
's      PART  POS case     0 -
rebate  NOUN  NN  nsubj    3 -
grew    VERB  VBD ROOT     3 grow
.       PUNCT .   punct    3 -
Ann     PROPN NNP compound 6 -  B-PERSON
Lee     PROPN NNP nsubj    7 -  I-PERSON
said    VERB  VBD ROOT     7 say
that    SCONJ IN  mark     11 -
the     DET   DT  det      10 the
rebate  NOUN  NN  nsubj    11 -
stays   VERB  VBZ ccomp    7 stay
.       PUNCT .   punct    7 -
"""


def test_statement_on_an_owned_thing_is_about_its_owner_too(about_of):
    assert about_of(SAID_OF_THE_OWNED) == ("Ann Lee", {"Peru rebate", "Peru"})


def _about_labels(extraction) -> list[set[str]]:
    labels = {a.key: a.label for a in extraction.actors}
    labels |= {t.key: t.label for t in extraction.topics}
    return [{labels[k] for k in s.about if k in labels} for s in extraction.statements]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Ann Lee said crude oil prices would climb in May.", "oil price"),
        ("Ann Lee said crude oil imports would fall.", "oil import"),
    ],
)
@pytest.mark.model
def test_compound_on_a_name_of_several_words_narrows_its_topic(extract_text, text, about):
    assert about in _about_labels(extract_text(text))[0]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        pytest.param(
            "Lisbon raised the fuel levy in June. Ann Lee said it would hurt farmers.",
            "fuel levy",
            id="it-is-the-topic-just-named",
        ),
        pytest.param(
            "Peru plans taxes on jet fuel. Ann Lee said any tax would need a vote in June.",
            "jet fuel tax",
            id="any-tax-is-the-narrower-tax-named-before",
        ),
        pytest.param(
            "Peru set a new import quota. Ann Lee said this would not last.",
            "import restriction",
            id="this-is-the-topic-just-named",
        ),
        pytest.param(
            "The International Monetary Fund met in Lima. Ann Lee said the Fund would lend more.",
            "International Monetary Fund",
            id="the-fund-is-the-body-named-in-full",
        ),
        pytest.param(
            "The World Bank met in Lima. Ann Lee said the Bank had changed its rules.",
            "World Bank",
            id="the-bank-is-the-body-named-in-full",
        ),
        pytest.param(
            "Storms hit Europe in May. Ann Lee said European leaders must act now.",
            "Europe",
            id="european-is-of-the-region-named",
        ),
        pytest.param(
            "Drought hit Africa in May. Ann Lee said African farmers needed help.",
            "Africa",
            id="african-is-of-the-region-named",
        ),
        pytest.param(
            "Ann Lee said the world's seven richest nations would write off more debt.",
            "G7",
            id="seven-richest-nations-are-the-g7",
        ),
        pytest.param(
            "Ann Lee said that G8 ministers had backed a new fund.", "G8", id="g8-ministers"
        ),
    ],
)
@pytest.mark.model
def test_content_referring_back_or_describing_is_about_what_it_means(extract_text, text, about):
    assert about in _about_labels(extract_text(text))[-1]


@pytest.mark.model
def test_it_of_it_is_clear_that_stands_for_no_topic(extract_text):
    text = "Peru set a new import quota. Ann Lee said it was clear that farmers would suffer."
    assert "import restriction" not in _about_labels(extract_text(text))[-1]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Ann Lee said taxes on jet fuel would rise next year.",
            {"jet fuel tax"},
            set(),
            id="tax-on-noun-is-the-compound-topic",
        ),
        pytest.param(
            "Ann Lee said Peru planned to levy taxes on jet fuel next year.",
            {"jet fuel tax"},
            {"tariff"},
            id="verb-object-on-noun-is-the-compound-topic",
        ),
        pytest.param(
            "Ann Lee said tariffs on Chinese goods would rise.",
            {"tariff"},
            {"good tariff", "goods tariff"},
            id="adjective-modified-object-makes-no-compound",
        ),
        pytest.param(
            "Ann Lee said Peru would levy a charge on every car.",
            set(),
            {"tariff"},
            id="verb-levy-is-no-tariff",
        ),
        pytest.param(
            "Ann Lee said Peru would veto the plan.",
            {"veto"},
            set(),
            id="verb-that-is-the-topics-own-word-stays",
        ),
    ],
)
@pytest.mark.model
def test_topic_phrases_normalised_and_verbs_kept_apart(extract_text, text, present, absent):
    about = _about_labels(extract_text(text))[-1]
    assert present <= about
    assert not absent & about


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "LIMA, May 3 - The government of Peru will cut tariffs, trade minister Ann Lee said.",
            {"Peru"},
            {"Lima"},
            id="dateline-place-is-not-what-is-said",
        ),
        pytest.param(
            "Drought hit Africa in May. South African envoy Ann Lee urged donors to write off "
            "African debt.",
            {"Africa"},
            {"South Africa"},
            id="region-adjective-alone-is-the-region-not-a-country",
        ),
    ],
)
@pytest.mark.model
def test_what_the_content_names_is_read_as_meant(extract_text, text, present, absent):
    about = _about_labels(extract_text(text))[-1]
    assert present <= about
    assert not absent & about


@pytest.mark.model
def test_the_last_word_of_a_name_written_before_is_that_body(extract_text):
    """ "the Community" after "the European Community", whatever the body is labelled."""
    text = "The European Community met in Lima. Ann Lee said the Community would lend more."
    x = extract_text(text)
    body = next(a.key for a in x.actors if "European Community" in {m.text for m in a.mentions})
    assert body in x.statements[-1].about


# "Bo Kray met Ann Lee. Ann Lee said that rules restrained Kray.": the tagger took the last
# "Kray" for a product; it is the person named before.
SURNAME_MISTAGGED = """
Bo         PROPN NNP compound 1  -        B-PERSON
Kray       PROPN NNP nsubj    2  -        I-PERSON
met        VERB  VBD ROOT     2  meet
Ann        PROPN NNP compound 4  -        B-PERSON
Lee        PROPN NNP dobj     2  -        I-PERSON
.          PUNCT .   punct    2  -
Ann        PROPN NNP compound 7  -        B-PERSON
Lee        PROPN NNP nsubj    8  -        I-PERSON
said       VERB  VBD ROOT     8  say
that       SCONJ IN  mark     11 -
rules      NOUN  NNS nsubj    11 rule
restrained VERB  VBD ccomp    8  restrain
Kray       PROPN NNP dobj     11 -        B-PRODUCT
.          PUNCT .   punct    8  -
"""


def test_a_mistagged_surname_is_the_person_named_before(about_of):
    assert about_of(SURNAME_MISTAGGED) == ("Ann Lee", {"Bo Kray"})


@pytest.mark.model
def test_his_country_is_the_state_of_the_person_it_stands_for(extract_text):
    text = (
        "French farm minister Luc Morel met the EU ministers in Brussels. "
        "Morel told reporters that his country could not accept the cuts."
    )
    assert "France" in _about_labels(extract_text(text))[-1]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Ann Lee said the new levy would hit airlines hardest.",
            {"airline"},
            set(),
            id="firms-of-a-kind-are-a-topic",
        ),
        pytest.param(
            "Ann Lee said commercial banks must share the losses.",
            {"bank", "commercial bank"},
            set(),
            id="firms-of-a-kind-with-a-narrower-kind",
        ),
        pytest.param(
            "Ann Lee said creditor banks had stalled the talks. Bo Kray said the banks would "
            "wait until June.",
            {"bank", "creditor bank"},
            set(),
            id="the-firms-are-the-kind-named-before",
        ),
        pytest.param(
            "Ann Lee said she had opened an account at a bank in May.",
            set(),
            {"bank"},
            id="one-firm-unnamed-is-no-topic",
        ),
    ],
)
@pytest.mark.model
def test_firms_of_a_kind_the_content_names_are_a_topic(extract_text, text, present, absent):
    about = _about_labels(extract_text(text))[-1]
    assert present <= about
    assert not absent & about


@pytest.mark.parametrize(
    ("text", "about"),
    [
        pytest.param(
            "Prime Minister Ann Lee met Bo Kray in Lima on Monday. Kray said the Prime Minister "
            "had promised new roads.",
            "Ann Lee",
            id="the-title-is-the-person-holding-it",
        ),
        pytest.param(
            "OPEC ministers met in Vienna on Monday. Ann Lee said the organisation would raise "
            "output.",
            "Organization of the Petroleum Exporting Countries",
            id="the-organisation-is-the-body-named-before",
        ),
    ],
)
@pytest.mark.model
def test_definite_description_in_the_content_is_who_it_refers_to(extract_text, text, about):
    assert about in _about_labels(extract_text(text))[-1]


@pytest.mark.model
def test_a_meeting_of_one_body_is_about_that_body(extract_text):
    text = (
        "OPEC oil ministers will gather in Vienna next week. Ann Lee said output would stay "
        "unchanged when it meets."
    )
    assert (
        "Organization of the Petroleum Exporting Countries" in _about_labels(extract_text(text))[-1]
    )


@pytest.mark.model
def test_content_naming_only_people_takes_what_the_title_names(extract_text):
    text = (
        "Peru imposes sanctions on Chile\n\nPeru imposed sanctions on Chile on Monday. "
        'Ann Lee said: "We will wait for the talks with Bo Kray."'
    )
    assert {"sanction", "Bo Kray"} <= _about_labels(extract_text(text))[-1]


@pytest.mark.model
def test_a_title_word_after_to_is_a_verb_not_a_topic(extract_text):
    text = (
        "Lima plans to tax imports\n\nPeru will put a tax on imports next year, officials "
        'said. Ann Lee said: "We will wait and see."'
    )
    about = _about_labels(extract_text(text))[-1]
    assert "import" in about and "taxation" not in about
