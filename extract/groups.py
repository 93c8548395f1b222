"""Collective noun phrases that stand for several actors at once.

Three kinds: a standing group of states, named ("the G8 summit") or described by its member count
("a meeting of the world's seven richest nations", see ``lexicons/summit_groups.tsv``), which is
one actor; and a plural office ("the premiers", "the 10 premiers"), which stands for the people
of the document who hold that office; and the description of an unnamed speaker ("police",
"his lawyer", "63 percent of voters"), which :func:`description` cuts out of the parse.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.records import ActorKind


@cache
def _number_words() -> dict[str, int]:
    """English number words up to the size of the largest standing group in the lexicon."""
    return {r["word"]: int(r["value"]) for r in lexicons.table("number_words.tsv")}


@cache
def _groups() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    out = []
    for row in lexicons.table("summit_groups.tsv"):
        forms = "|".join(re.escape(f) for f in row["forms"].split("|"))
        pattern = re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])")
        out.append((row["label"], int(row["members"]), pattern))
    return tuple(out)


@cache
def _group_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = lexicons.table("summit_group_words.tsv")
    return (
        frozenset(r["word"] for r in rows if r["role"] == "head"),
        frozenset(r["word"] for r in rows if r["role"] == "qualifier"),
    )


def may_name_group(token: Token) -> bool:
    """A cheap test before :func:`standing_group`: a plural noun for states ("nations") or a
    proper noun that may be a group's short name ("G7", "Group of Seven")."""
    if token.tag_ == "NNS":
        return token.lemma_.lower() in _group_words()[0]
    text = token.text
    return text[:1] in "Gg" and (text.istitle() or any(c.isdigit() for c in text))


def number_of(token: Token) -> int | None:
    """The value of a cardinal written in digits or as an English word ("seven", "10")."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _number_words().get(text)


def standing_group(token: Token) -> str | None:
    """The label of the standing group a noun phrase names or describes, if any."""
    phrase = [
        t
        for t in token.subtree
        if t.i <= token.i
        or t.head.i == token.i
        and t.dep_ == "prep"
        or t.head.dep_ == "prep"
        and t.head.head.i == token.i
    ]
    text = " ".join(t.lower_ for t in sorted(phrase, key=lambda t: t.i))
    for label, _members, pattern in _groups():
        if pattern.search(text):
            return label
    heads, qualifiers = _group_words()
    if token.tag_ != "NNS" or token.lemma_.lower() not in heads:
        return None
    counts = [n for c in token.children if c.dep_ == "nummod" and (n := number_of(c))]
    if not counts or not any(
        c.dep_ == "amod" and (c.lower_ in qualifiers or c.lemma_.lower() in qualifiers)
        for c in token.children
    ):
        return None
    return next((label for label, members, _ in _groups() if members == counts[0]), None)


def office_holders(token: Token, actors: ActorIndex) -> list[str]:
    """The people of the document whose office is the plural noun ``token`` ("the premiers"):
    at least two, each with a role ending in that office."""
    determiners = lexicons.words("office_determiners.txt")
    if token.tag_ != "NNS" or not any(
        c.lower_ in determiners or c.dep_ == "nummod" for c in token.children
    ):
        return []
    office = token.lemma_.lower()
    holders = [
        a
        for a in actors.actors
        if a.kind is ActorKind.PERSON and a.role and a.role.lower().split()[-1] == office
    ]
    for mod in token.children:
        # "the foreign ministers": only the foreign ones, when the roles say which those are
        # (a modifier no role carries, as in "the province premiers", narrows nothing).
        word = mod.lower_
        if mod.dep_ in ("amod", "compound") and mod.is_alpha and actors.at(mod) is None:
            narrowed = [a for a in holders if word in (a.role or "").lower().split()]
            holders = narrowed or holders
    return [a.key for a in holders] if len(holders) >= 2 else []


def group_members(token: Token, actors: ActorIndex) -> list[str]:
    """Actor keys a collective noun phrase stands for; empty when it names no group."""
    if (label := standing_group(token)) is not None:
        return [actors.ensure_named(label, ActorKind.INTERNATIONAL_ORGANIZATION)]
    return office_holders(token, actors)


# Dependents of a described speaker's head kept in its label: its own modifiers ("Democratic
# strategists", "his lawyer", "63 percent"); not determiners, adverbs ("even some allies"),
# clauses or appositions, which say more about the speaker than what it is called.
_LABEL_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "npadvmod", "prep"}
)
# Right-hand prepositions that belong to the description ("members of Congress", "advisers
# to the senator", "six in 10"); others ("in Cleveland", "within the party") are left out.
_LABEL_PREPS = frozenset({"of", "to", "for", "in"})


def _kept(head: Token, tok: Token) -> bool:
    if tok.dep_ not in _LABEL_DEPS:
        return False
    if tok.dep_ == "prep":
        return tok.i > head.i and tok.lower_ in _LABEL_PREPS and len(list(tok.subtree)) <= 6
    return tok.i < head.i


def description(head: Token, owner_label: str | None = None) -> tuple[Span, str]:
    """The mention and label of an unnamed speaker whose noun phrase has ``head``: the head
    with its own modifiers, a possessive pronoun written as the owner it stands for ("his
    lawyer" of Ruiz: "Ruiz's lawyer")."""
    toks = [head]
    for child in head.children:
        if _kept(head, child):
            toks.extend(child.subtree)
    toks.sort(key=lambda t: t.i)
    span = head.doc[toks[0].i : toks[-1].i + 1]
    words = []
    for t in toks:
        pronoun = t.dep_ == "poss" and t.pos_ == "PRON"
        words.append(f"{owner_label}'s " if pronoun and owner_label else t.text_with_ws)
    label = "".join(words).strip()
    first = toks[0]
    if first.is_sent_start and first.pos_ in ("NOUN", "NUM", "ADJ") and not first.ent_type_:
        label = label[:1].lower() + label[1:]  # "Police said": the label is "police"
    return span, label


# Endings of English agent nouns (Quirk et al. 1985, App. I.24-33: -er/-or, -ist, -ian, -ant,
# -ent, -ee, -man): "lawmakers", "prosecutors", "strategists", "residents", "employees".
_AGENTIVE = ("er", "or", "ist", "ian", "ant", "dent", "nent", "ee", "man", "woman")


@cache
def _people_words() -> frozenset[str]:
    rows = lexicons.table("nominal_speakers.tsv")
    return (
        frozenset(r["word"] for r in rows if r["class"] == "people")
        | lexicons.words("anonymous_sources.txt")
        | lexicons.words("titles.txt")
    )


@cache
def _ratio_units() -> frozenset[str]:
    return frozenset(r["form"] for r in lexicons.table("units.tsv") if r["kind"] == "ratio")


def _people_noun(tok: Token) -> bool:
    lemma, words = tok.lemma_.lower(), _people_words()
    if tok.tag_ == "NNPS" or lemma in words or tok.lower_ in words:
        return True  # "Republicans", "police", "ministers"
    return tok.pos_ == "NOUN" and len(lemma) >= 5 and lemma.endswith(_AGENTIVE)


def describes_people(head: Token) -> bool:
    """Whether a noun phrase describes people it does not name: a noun for a kind of person
    or a body of people ("his lawyer", "police", "Democrats"), a share of people ("63
    percent", "six in 10") or a part of people ("half of the voters", "a number of readers")."""
    if head.pos_ == "PROPN" and head.tag_ != "NNPS":
        return False
    if _people_noun(head):
        return True
    of_people = any(
        prep.lower_ == "of" and any(o.dep_ == "pobj" and _people_noun(o) for o in prep.children)
        for prep in head.children
        if prep.dep_ == "prep"
    )
    share = head.lower_ in _ratio_units() or (
        head.pos_ == "NUM" and any(c.dep_ == "quantmod" for c in head.children)
    )
    return of_people or share
