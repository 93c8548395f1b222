"""Parse helpers of the summit rules that no other extractor needs."""

from __future__ import annotations

from spacy.tokens import Token

from extract.summits.lexicon import words
from extract.syntax import subject_of


def has_with_party(head: Token) -> bool:
    """The trigger word has a "with" phrase: "talks with X", "a news conference with Y"."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the clause a participle or infinitive hangs from."""
    for _ in range(3):
        subj = subject_of(verb)
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head  # "Mr X, speaking at ...": the participle describes X
        if subj is None and verb.dep_ == "xcomp" and (obj := object_of(verb.head)) is not None:
            return obj  # "urged Scholz to come for talks": the one urged comes
        if subj is not None or verb.dep_ not in ("advcl", "xcomp", "acomp") or verb.head is verb:
            return subj
        verb = verb.head
    return None


def object_of(verb: Token) -> Token | None:
    """The direct object of ``verb``, if any."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def split_conjuncts(tok: Token) -> list[Token]:
    """Names the parser hung on ``tok`` as modifiers though an "and" joins them: in "the IMF and
    World Bank" "IMF" is a modifier of "Bank" holding the "and"; each is a conjunct."""
    return [
        c
        for c in tok.children
        if c.dep_ in ("nmod", "compound")
        and c.ent_type_
        and any(g.dep_ == "cc" for g in c.children)
    ]


def stand_in(head: Token) -> Token:
    """The noun the clause governs in place of the trigger when it names a stretch or part of
    the meeting: "failed to agree at two days of talks", "after a round of negotiations" (a
    date, or a ``part_noun`` of ``summit_words.tsv``); else the trigger itself."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "of":
        return head
    noun = prep.head
    if noun.dep_ == "pobj" and noun.head.lower_ not in words("stretch_preposition"):
        return head  # "arrived for two days of meetings": what the trip is for, not a stretch
    if noun.pos_ == "NOUN" and (
        noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in words("part_noun")
    ):
        return noun
    return head


def verbal(tok: Token) -> bool:
    """A trigger that is a verb: a full verb, or a main-verb "be" ("when he was in Tokyo")."""
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))
