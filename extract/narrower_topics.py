"""Narrower topics the text builds out of words: noun compounds narrowing a topic ("oil
prices": oil price, "taxes on jet fuel": jet fuel tax), things a country or body owns that the
text refers back to ("the UK's rebate" ... "the rebate": UK rebate), and definite references
back to a topic ("the embargo" after "the arms embargo"). :func:`extract.topics.find_topics`
records them as narrower topics beside the topics their words name."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.names import programme_nouns
from extract.text import Layout, doc_ents

if TYPE_CHECKING:
    from extract.topics import TopicIndex

# Determiners of a noun phrase that refers back to something named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# ... and the determiners with which a noun refers back to the one in question ("any tax would
# only be implemented after consultation", after "a tax on jet fuel"): the definite ones, "any".
REFERRING = DEFINITE | {"any"}


@functools.cache
def _not_topic_heads() -> frozenset[str]:
    """Nouns for people, bodies and publications, never a topic however modified ("oil
    minister", "trade group", "news agency"): the role and speaker lexicons."""
    words = set(lexicons.words("titles.txt")) | set(lexicons.words("anonymous_sources.txt"))
    words |= set(lexicons.words("institutions.txt"))
    words |= {row["word"] for row in lexicons.table("nominal_speakers.tsv")}
    return frozenset(w for w in words if " " not in w)


def compounds(doc: Doc, seen: list[tuple[Span, str]], layout: Layout) -> list[tuple[Span, str]]:
    """Noun compounds that narrow a topic already found: "oil prices" (oil), "debt strategy"
    (debt), "farm imports" (import). The label is the head with the noun next to it ("crude oil
    prices" is oil price): the narrower topic, whatever further words qualify it."""
    one_word, longer = _topic_words(seen)
    heads = _not_topic_heads()
    out: list[tuple[Span, str]] = []
    for head in doc:
        if head.pos_ != "NOUN" or not head.is_alpha or head.i in longer or head.ent_type_:
            continue
        mod = doc[head.i - 1] if head.i > 0 else None
        if (
            mod is None
            or mod.head != head
            or mod.dep_ != "compound"
            or mod.pos_ != "NOUN"
            or not mod.is_alpha
            or mod.ent_type_
            or head.lemma_.lower() in heads
            or layout.in_heading(head.idx)
        ):
            continue
        if mod.i in longer or (mod.i not in one_word and head.i not in one_word):
            continue  # neither word is a topic of its own: no topic to narrow
        out.append((doc[mod.i : head.i + 1], f"{mod.lemma_.lower()} {head.lemma_.lower()}"))
    return out


def _topic_words(seen: list[tuple[Span, str]]) -> tuple[dict[int, str], set[int]]:
    """Tokens that are a topic's own word (index -> topic key), and tokens inside longer
    topic names that are not."""
    one_word = {sp.start: key for sp, key in seen if len(sp) == 1}
    # A name of several words whose last word is its topic's own word ("crude oil" is oil)
    # narrows like that word: "crude oil prices" is oil price too.
    one_word |= {
        sp.end - 1: key
        for sp, key in seen
        if len(sp) > 1 and key.rsplit(" ", 1)[-1].endswith(sp[-1].lemma_.lower())
    }
    longer = {
        i for sp, _ in seen if len(sp) > 1 for i in range(sp.start, sp.end) if i not in one_word
    }
    return one_word, longer


# The prepositions after which a plain noun says what a topic noun is of: "taxes on jet
# fuel" is the compound "jet fuel tax", "the price of oil" "oil price", "demand for steel"
# "steel demand".
_COMPOUND_PREPS = frozenset({"on", "of", "for"})
# A modifier of that noun that makes the phrase no plain compound ("tariffs on Chinese goods",
# "the price of the oil", "taxes on oils and fats").
_NOT_PLAIN = frozenset({"det", "poss", "amod", "nummod", "conj", "cc", "prep", "appos"})


def prepositional(doc: Doc, seen: list[tuple[Span, str]], layout: Layout) -> list[tuple[Span, str]]:
    """Topic nouns whose preposition names what they are of, as the compound narrower topic:
    "taxes on jet fuel" and "to levy taxes on jet fuel" are jet fuel tax, "tariffs on steel"
    steel tariff. The noun must be a topic of its own, the other a plain noun (its compounds
    kept: "jet fuel")."""
    # A topic of one word: "market access for exports" is market access already.
    single = {sp.start for sp, _ in seen if len(sp) == 1}
    heads = _not_topic_heads()
    out: list[tuple[Span, str]] = []
    for prep in doc:
        if prep.lower_ not in _COMPOUND_PREPS or prep.dep_ != "prep":
            continue
        head = prep.head
        if head.pos_ == "VERB" and prep.lower_ == "on":
            # "levy taxes on fuel": the verb took the phrase from its object.
            head = next((c for c in head.children if c.dep_ == "dobj" and c.i < prep.i), head)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or head.i not in single or not _plain_noun(obj):
            continue
        mods = [c for c in obj.children if c.dep_ == "compound"]
        if (
            not _plain_noun(head)
            or obj.lemma_.lower() in heads
            or any(c.dep_ in _NOT_PLAIN or c.like_num for c in obj.children)
            or any(not _plain_noun(m) for m in mods)
            or (mods and mods[0].i != obj.i - len(mods))
            or layout.in_heading(head.idx)
        ):
            continue
        words = [*(m.lemma_.lower() for m in mods), obj.lemma_.lower(), _singular(head)]
        out.append((doc[head.i : obj.i + 1], " ".join(words)))
    return out


def _singular(tok: Token) -> str:
    """The noun in the singular: its lemma, unless the lemma is no singular of the word (the
    tagger's lemma of "taxes" is "taxis")."""
    word, lemma = tok.lower_, tok.lemma_.lower()
    if word in (lemma, lemma + "s", lemma + "es") or lemma.endswith("y") and word.endswith("ies"):
        return lemma
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _plain_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.is_alpha and not tok.ent_type_


# Names that own a thing the article goes on about: a country, place or body, not a person
# ("Obama's decision" is what he did, not a standing topic).
_OWNER_LABELS = frozenset({"GPE", "ORG"})


def owned(doc: Doc, seen: list[tuple[Span, str]], layout: Layout) -> list[tuple[Span, str, int]]:
    """A thing a country or body owns that the article refers back to: "the UK's rebate" (and
    later "the rebate") is the topic UK rebate, "the EU budget" (and "the budget") EU budget.
    The body must name the noun again on its own ("the rebate"): a thing named once is a
    detail, and "the Berlin man" is seldom "the man" again. Each comes with its owner's token.
    """
    taken = {i for sp, _ in seen for i in range(sp.start, sp.end)}
    nouns = [t for t in doc if t.pos_ == "NOUN"]
    count: dict[str, int] = {}
    for t in nouns:
        if _bare_definite(t) and not layout.in_heading(t.idx):
            count[t.lemma_.lower()] = count.get(t.lemma_.lower(), 0) + 1
    heads: frozenset[str] | None = None  # read only once a noun has an owner: most have none
    out: list[tuple[Span, str, int]] = []
    for head in nouns:
        lemma = head.lemma_.lower()
        if (
            count.get(lemma, 0) < 1
            or not head.is_alpha
            or head.ent_type_
            or head.i in taken
            or layout.in_heading(head.idx)
        ):
            continue
        owner = next(
            (
                c
                for c in head.children
                if c.dep_ in ("poss", "compound") and c.i < head.i and c.ent_type_ in _OWNER_LABELS
            ),
            None,
        )
        if owner is None:
            continue
        if heads is None:
            heads = _not_topic_heads() | _person_nouns(doc)
        if lemma in heads:
            continue
        name = next((e for e in doc_ents(doc) if e.start <= owner.i < e.end), None)
        if name is not None and name.end - 1 == owner.i:
            out.append((doc[name.start : head.i + 1], f"{name.text} {lemma}", owner.i))
    return out


def resolve_anaphora(
    doc: Doc, index: TopicIndex, seen: list[tuple[Span, str]], layout: Layout
) -> None:
    """A definite noun phrase that names the head of a topic already mentioned is that topic.

    "the embargo" after "the arms embargo", "the talks" after "free trade talks": the latest
    earlier mention of several words whose last word has the noun's lemma. "this mechanism",
    "the scheme" (a programme noun) after a programme name: the latest programme.
    """
    nouns = programme_nouns("head")
    # Schemes and facilities, not broadcasts ("the Today programme" is no "plan").
    programmes_seen = {
        key
        for span, key in seen
        if span.label_ == "prog" and (span.kb_id_ or span.root.lower_ in nouns)
    }
    for tok in doc:
        if tok.pos_ != "NOUN" or layout.in_heading(tok.idx):
            continue
        children = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in REFERRING for c in children) or any(
            c.dep_ in ("compound", "poss", "nummod") for c in children
        ):
            continue
        current = index.at(tok)
        if current is not None and any(
            sp.start <= tok.i < sp.end and len(sp) > 1 for sp, _ in seen
        ):
            continue  # part of a longer topic name already
        lemma = tok.lemma_.lower()
        target = None
        for span, key in reversed(seen):
            if span.end > tok.i or index.get(key) is None:
                continue
            topic = index.get(key)
            heads = {span[-1].lemma_.lower(), topic.label.split()[-1].lower() if topic else ""}
            if len(span) > 1 and lemma in heads and span.label_ != "prog":
                target = key
                break
            if key in programmes_seen and lemma in nouns:
                target = key
                break
        if target is not None and target != current:
            index.move(tok, target)


_WHO = frozenset({"who", "whom", "whose"})


def _person_nouns(doc: Doc) -> set[str]:
    """Nouns the document itself shows to be people: "the candidate who ...", "the nominee,
    Ann Lee", "candidate Ann Lee". A thing owned is a topic; a person is not."""
    out: set[str] = set()
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        person = (
            any(c.dep_ == "relcl" and any(w.lower_ in _WHO for w in c.children) for c in t.children)
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)
            or (t.dep_ in ("appos", "compound") and t.head.ent_type_ == "PERSON")
        )
        if person:
            out.add(t.lemma_.lower())
    return out


def _bare_definite(tok: Token) -> bool:
    """Whether ``tok`` is "the <noun>" with no modifier of its own: a reference back."""
    children = list(tok.children)
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children) and not any(
        c.dep_ in ("compound", "poss", "nummod", "amod") for c in children
    )


__all__ = ["DEFINITE", "compounds", "owned", "prepositional", "resolve_anaphora"]
