"""What a statement's content words refer to beyond their own names: a place noun ("the
island"), a title ("the Prime Minister"), a body noun ("the organisation"), a thing pronoun
("it"), a short name ("the Fund"), a region's adjective, a standing group described, firms of a
kind. Each rule gives the actor or topic key a token stands for, or None; :func:`about` of
:mod:`extract.speech.about` tries them in turn on the tokens that name nothing themselves.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extract import lexicons
from extract.discourse import latest_named, sentences_back
from extract.groups import may_name_group, standing_group
from extract.records import ActorKind, TopicKind
from extract.speech.resolvers import role_holder
from extract.speech.speakers import SUBJECT_DEPS, nominal_classes
from extract.speech.state import SpeechState


@cache
def _place_nouns() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in lexicons.table("place_nouns.tsv")}


def place_named_before(st: SpeechState, tok: Token) -> str | None:
    """The place "the island" or "the capital" stands for: the nearest place of that sort
    named in this or the previous two sentences."""
    want = _place_nouns().get(tok.lower_)
    if (
        want is None
        or tok.pos_ != "NOUN"
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    ):
        return None
    kinds = (ActorKind.CITY,) if want == "city" else (ActorKind.COUNTRY, ActorKind.PLACE)
    limit = sentences_back(tok, 2)
    for i in range(tok.i - 1, limit - 1, -1):
        key = st.actors.at(st.doc[i])
        if key and st.actors.kind(key) in kinds and not _subject_over(st.doc[i], tok):
            return key
    return None


# Whose country "his country" is: the person the pronoun stands for; "our" and "my", the
# speaker's.
_OWN_PRONOUNS = {"his": False, "her": False, "our": True, "my": True}


def own_country(st: SpeechState, tok: Token, speaker: str) -> str | None:
    """The state "his country" or "our nation" is: that of the person the pronoun stands for
    (the speaker's for "our", "my"), when the article knows it."""
    if tok.pos_ != "NOUN" or _place_nouns().get(tok.lower_) != "state":
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS), None)
    if poss is None:
        return None
    whose = speaker if _OWN_PRONOUNS[poss.lower_] else st.memory.recent(poss, persons=True)
    return st.actors.state_of(whose or speaker)


def person_by_surname(st: SpeechState, tok: Token) -> str | None:
    """The one person named before whose surname a name the tagger took for something else
    is ("might have restrained Lyng", "Lyng" tagged a product, after "Richard Lyng")."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ in ("PERSON", "GPE", "NORP"):
        return None
    found = [
        a.key
        for a in st.actors.actors
        if a.kind is ActorKind.PERSON
        and " " in a.label
        and a.label.rsplit(" ", 1)[-1] == tok.text
        and any(m.start < tok.idx for m in a.mentions)
    ]
    return found[0] if len(found) == 1 else None


# How far back "the Fund" looks for the name it shortens (tokens: a few paragraphs).
_FULL_NAME_WINDOW = 400


def named_in_full(st: SpeechState, tok: Token) -> str | None:
    """The body "the Fund" or "the Community" shortens: the linked actor named before whose
    name of several words, as labelled or as written, ends in that word ("the International
    Monetary Fund"; "the European Community", which is labelled European Communities)."""
    if not tok.is_title or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    own = st.actors.get(st.actors.at(tok) or "")
    if own is not None and (own.qid or " " in own.label):
        return None  # a name of its own
    for i in range(tok.i - 1, max(-1, tok.i - _FULL_NAME_WINDOW), -1):
        key = st.actors.at(st.doc[i])
        d = st.actors.get(key or "")
        if d is None or d is own:
            continue
        if d.qid and d.label.rsplit(" ", 1)[-1] == tok.text != d.label:
            return d.key
        if st.doc[i].text == tok.text and i > 0 and st.actors.at(st.doc[i - 1]) == key:
            # The last word of a longer name written before, linked or not ("the European
            # Community" ... "the Community").
            return d.key
    return None


def region_of_adjective(st: SpeechState, tok: Token) -> str | None:
    """The region "European" or "African" is of, when the article names it ("Europe"):
    continents and regions have no demonyms in the gazetteer, and their adjectives are the
    name with "-n" or "-an". Only the adjective alone: "African debt" is Africa's even where
    a demonym look-up makes it South Africa's, "South African" is South Africa's."""
    if tok.ent_type_ != "NORP" or not tok.is_title or tok.ent_iob_ != "B":
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return None
    for a in st.actors.actors:
        if a.kind is ActorKind.PLACE and tok.text in (a.label + "n", a.label + "an"):
            return a.key
    return None


def group_described(st: SpeechState, tok: Token) -> str | None:
    """The standing group ("G7") that "the seven richest nations" or "G7 ministers" names,
    as the summit rules read it (``lexicons/summit_groups.tsv``)."""
    if not may_name_group(tok):
        return None
    label = standing_group(tok)
    return st.actors.ensure_named(label, ActorKind.INTERNATIONAL_ORGANIZATION) if label else None


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


@cache
def _titles() -> frozenset[str]:
    return lexicons.words("titles.txt")


def person_by_title(st: SpeechState, tok: Token) -> str | None:
    """The person "the Prime Minister" or "the UK leader" is: the one named before who holds
    that title, as a speaker by title is read (the person's role, else the latest subject
    whose known role is not another)."""
    if tok.tag_ not in ("NN", "NNP") or not _definite(tok) or st.actors.at(tok):
        return None
    if tok.lower_ not in _titles() and tok.lemma_.lower() not in _titles():
        return None
    return role_holder(st.actors, tok) or st.memory.recent(tok, persons=True, title=tok.lower_)


# The kinds of actor "the ministry" can refer back to, and "the organisation" or "the company"
# (not a government body: "the group's urging" is never the Agriculture Department's).
BODIES = (
    ActorKind.ORGANIZATION,
    ActorKind.INTERNATIONAL_ORGANIZATION,
    ActorKind.GOVERNMENT_BODY,
)
_ORGANISATIONS = (ActorKind.ORGANIZATION, ActorKind.INTERNATIONAL_ORGANIZATION)


def body_named_before(st: SpeechState, tok: Token) -> str | None:
    """The body "the organisation" or "the ministry" is: the latest named before of its sort
    (a ministry, agency or commission whose name has that word; any body for a company or
    organisation noun), as a speaker noun is read."""
    if tok.tag_ != "NN" or not _definite(tok) or st.actors.at(tok):
        return None
    sort = nominal_classes().get(tok.lemma_.lower())
    if sort == "body":
        return latest_named(
            st.actors, tok.idx, BODIES, fits=lambda label: tok.lemma_.lower() in label.lower()
        )
    return latest_named(st.actors, tok.idx, _ORGANISATIONS) if sort == "company" else None


@cache
def _sector_nouns() -> frozenset[str]:
    return frozenset(row["word"] for row in lexicons.table("sector_nouns.tsv"))


def bodies_unnamed(st: SpeechState, tok: Token) -> str | None:
    """Firms of a kind the text does not name ("why target the airlines?", "the narrow
    interest of creditor banks"): the topic of that kind of firm, labelled by the singular
    noun (``lexicons/sector_nouns.tsv``), with a noun or adjective before it as the narrower
    topic beside it ("commercial banks": bank and commercial bank)."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or st.actors.at(tok) or tok.ent_type_:
        return None
    noun = tok.lemma_.lower()
    if noun not in _sector_nouns():
        return None
    key = st.topics.add(tok.doc[tok.i : tok.i + 1], noun, TopicKind.TOPIC)
    mod = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (
        mod is not None
        and mod.head == tok
        and (mod.dep_, mod.pos_) in (("compound", "NOUN"), ("amod", "ADJ"))
        and mod.is_alpha
        and not mod.ent_type_
    ):
        st.topics.refine(tok.doc[mod.i : tok.i + 1], f"{mod.lower_} {noun}")
    elif _definite(tok) and (kind := _narrower_named_before(st, tok, noun)) is not None:
        # "creditor banks ... the banks": the kind of firm named before.
        st.topics.refine(tok.doc[tok.i : tok.i + 1], kind)
    return key


def _narrower_named_before(st: SpeechState, tok: Token, noun: str) -> str | None:
    """The label of the latest narrower topic of firms ("creditor bank") named before ``tok``."""
    best, start = None, -1
    for topic in st.topics.topics:
        if topic.label.endswith(f" {noun}"):
            last = max((m.start for m in topic.mentions if m.start < tok.idx), default=-1)
            if last > start:
                best, start = topic.label, last
    return best


# Pronouns that stand for a thing ("it can no longer be justified", "this will hurt us").
_THING_PRONOUNS = frozenset({"it", "this"})


def topic_named_before(st: SpeechState, tok: Token) -> str | None:
    """The topic "it" or "this" stands for: the latest topic named in this or the previous
    sentence. Not the "it" of "it is clear that ...", which stands for nothing."""
    if tok.lower_ not in _THING_PRONOUNS or tok.pos_ != "PRON" or _pleonastic(tok):
        return None
    limit = sentences_back(tok, 1)
    for i in range(tok.i - 1, limit - 1, -1):
        key = st.topics.also(st.doc[i]) or st.topics.at(st.doc[i])
        if key is not None:
            return key
    return None


def _pleonastic(tok: Token) -> bool:
    """ "It is hard to say", "it seems that": an "it" whose clause goes on after its verb."""
    head = tok.head
    return tok.dep_ == "expl" or (
        head.lemma_ in ("be", "seem", "appear")
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
    )


def _subject_over(cand: Token, tok: Token) -> bool:
    """Whether ``cand`` is in the subject of a clause that contains ``tok``: "Beijing would
    protect the island" never means Beijing by "the island"; "Argentina said the country
    needs ..." does mean Argentina (another clause)."""
    head = cand
    while head.dep_ in ("compound", "poss", "amod", "appos", "det") and head.head != head:
        head = head.head
    clause = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return head.dep_ in SUBJECT_DEPS and head.head == clause


__all__ = [
    "BODIES",
    "bodies_unnamed",
    "body_named_before",
    "group_described",
    "named_in_full",
    "own_country",
    "person_by_surname",
    "person_by_title",
    "place_named_before",
    "region_of_adjective",
    "topic_named_before",
]
