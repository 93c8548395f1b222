"""Discourse: which actor, named or made subject earlier in the text, a token refers back to.

One module answers "who was named last before this token, of the right sort?" for every
extractor, with four entry points:

- :func:`mentions_before` - the actor mentions before a token, nearest first (the raw scan the
  others build on; "the two leaders" takes the last two people it gives);
- :func:`antecedent` - the nearest earlier mention of a person (or of a non-person), preferring
  grammatical subjects: what a pronoun refers to when nothing better is known;
- :func:`latest_named` - the actor of some kinds whose latest mention before a character offset
  is the latest ("the company" -> the organisation named last);
- :class:`SubjectMemory` - the subjects and speakers of the sentences read so far, and
  :meth:`SubjectMemory.recent`, the latest one of the right sort (pronoun and nominal speakers).

The pronoun classes (``lexicons/pronouns.tsv``) live here too, since resolving them is what this
module is for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.gender import agrees, person_sex, pronoun_sex
from extract.records import ActorKind

if TYPE_CHECKING:
    from extract.actors import ActorIndex


def _pronouns(**want: str) -> frozenset[str]:
    rows = lexicons.table("pronouns.tsv")
    return frozenset(r["word"] for r in rows if all(r[k] == v for k, v in want.items()))


PERSONAL_PRONOUNS = _pronouns(sort="person")
GROUP_PRONOUNS = _pronouns(sort="group")
FIRST_PERSON_PRONOUNS = _pronouns(sort="first")
PLURAL_GROUP_PRONOUNS = _pronouns(sort="group", number="plural")
SUBJECT_PRONOUNS = _pronouns(subject="yes") - FIRST_PERSON_PRONOUNS

_SUBJECTS = ("nsubj", "nsubjpass")
_PLACES = (ActorKind.PLACE, ActorKind.CITY)


@cache
def _honorifics() -> frozenset[str]:
    return lexicons.words("honorifics.txt")


def mentions_before(actors: ActorIndex, token: Token, window: int) -> Iterator[tuple[Token, str]]:
    """(token, actor key) of each actor mention in the ``window`` tokens before ``token``,
    nearest first."""
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - window), -1):
        key = actors.at(doc[i])
        if key is not None:
            yield doc[i], key


def antecedent(actors: ActorIndex, token: Token, *, persons: bool) -> str | None:
    """The nearest earlier mention of a person (``persons``) or of a non-place non-person,
    preferring grammatical subjects and mentions in the same sentence."""
    sent_start = token.sent.start
    best: int | None = None
    best_key = None
    # The window reaches 200 tokens before the sentence, whatever the token's place in it.
    for t, key in mentions_before(actors, token, token.i - max(-1, sent_start - 200)):
        kind = actors.kind(key)
        if persons != (kind is ActorKind.PERSON) or kind in _PLACES:
            continue
        if not agrees(actors, key, token.lower_):
            continue  # "she" after a Mr
        # Subjects are the usual antecedents; otherwise the closest mention.
        score = (2 if t.dep_ in _SUBJECTS else 0) + (1 if t.sent.start == sent_start else 0)
        if best is None or score > best:
            best, best_key = score, key
        if score >= 2:
            break
    return best_key


def latest_named(
    actors: ActorIndex,
    before: int,
    kinds: Collection[ActorKind],
    fits: Callable[[str], bool] | None = None,
) -> str | None:
    """The actor of one of ``kinds`` (and whose label ``fits``, if given) mentioned last before
    character ``before``; on a tie, the one the document met first."""
    best, best_start = None, -1
    for actor in actors.actors:
        if actor.kind not in kinds or (fits is not None and not fits(actor.label)):
            continue
        start = max((m.start for m in actor.mentions if m.start < before), default=-1)
        if start > best_start:
            best, best_start = actor.key, start
    return best


def sentences_back(tok: Token, n: int) -> int:
    """The first token of the sentence ``n`` sentences before ``tok``'s (or of the first)."""
    doc = tok.doc
    limit = tok.sent.start
    for _ in range(n):
        if limit > 0:
            limit = doc[limit - 1].sent.start
    return limit


def _main_subject(t: Token) -> bool:
    """Whether ``t`` (a subject or a word of one) is the subject of its sentence's main
    clause: of the root, or of a verb coordinated with it."""
    subj = t if t.dep_ in _SUBJECTS else t.head
    verb = subj.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


class SubjectMemory:
    """The actors that were subjects (or speakers) so far, by token index: the usual
    antecedents of pronouns and of "the minister"."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc, self.actors = doc, actors
        # (token index, actor key, is a person, is a main-clause subject or a speaker)
        self.history: list[tuple[int, str, bool, bool]] = []

    def remember_subjects(self, sent: Span, skip: Collection[int]) -> None:
        """Note the actors that are subjects of ``sent`` (or modify one), outside ``skip``."""
        for t in sent:
            if t.i in skip:
                continue
            key = self.actors.at(t)
            if key is None:
                continue
            subjectish = t.dep_ in _SUBJECTS or (
                t.dep_ in ("compound", "poss", "appos", "amod") and t.head.dep_ in _SUBJECTS
            )
            if subjectish:
                kind = self.actors.kind(key)
                # (agent() of a key is never None; "or" only tells the type checker so.)
                agent = self.actors.agent(key) or key
                self.history.append((t.i, agent, kind is ActorKind.PERSON, _main_subject(t)))
        self.history.sort(key=lambda h: h[0])

    def add_speaker(self, i: int, key: str) -> None:
        """Note that ``key`` spoke at token ``i``. Not re-sorted until the next sentence's
        subjects are remembered: speakers of a sentence come after its subjects."""
        self.history.append((i, key, self.actors.kind(key) is ActorKind.PERSON, True))

    def recent(
        self,
        tok: Token,
        *,
        persons: bool,
        named: bool = False,
        title: str | None = None,
        main_first: bool = False,
    ) -> str | None:
        """The latest subject (or speaker) of the right sort in the three sentences before
        ``tok``; ``named``: no anonymous source; with ``title`` ("the minister"), not a person
        whose known role is another. With ``main_first`` (pronouns), within the sentence of the
        latest one a main-clause subject or a speaker outranks a subject of a clause it reports
        ("Reid said Sanders had won. He added ..." is Reid)."""
        first: tuple[int, str] | None = None
        for i, key, main in self._fitting(tok, persons=persons, named=named, title=title):
            if first is None:
                first = (self.doc[i].sent.start, key)
            elif self.doc[i].sent.start != first[0]:
                break
            if main or not main_first:
                return key
        return first[1] if first else None

    def newcomer(self, tok: Token, skip: Collection[int]) -> str | None:
        """The one person first named in the sentence before ``tok``'s outside its subjects
        ("Ruiz introduced Dr. Ana Berg, a surgeon."), known to be of the sex of "he" or "she"
        ``tok``; quoted tokens (``skip``) do not count."""
        want = pronoun_sex(tok.lower_)
        if want is None or tok.sent.start == 0:
            return None
        prev = self.doc[tok.sent.start - 1].sent
        subjects = {key for i, key, _, _ in self.history if prev.start <= i < tok.i}
        found: list[str] = []
        for t in prev:
            key = self.actors.at(t)
            d = self.actors.get(key) if key else None
            if d is None or d.kind is not ActorKind.PERSON or {d.key, key} & subjects:
                continue
            if t.i in skip or d.key in found:
                continue
            if min(m.start for m in d.mentions) < prev.start_char:
                continue  # named before: not new here
            sex = person_sex(self.actors, d.key)
            if sex == want:
                found.append(d.key)
        return found[0] if len(found) == 1 else None

    def since(self, tok: Token, key: str) -> bool:
        """Whether ``key`` was a subject or speaker from the sentence before ``tok``'s on."""
        start = self.doc[tok.sent.start - 1].sent.start if tok.sent.start else 0
        return any(k == key and start <= i < tok.i for i, k, _, _ in self.history)

    def _fitting(
        self, tok: Token, *, persons: bool, named: bool, title: str | None
    ) -> Iterator[tuple[int, str, bool]]:
        """(token index, key, is main) of the subjects and speakers of the right sort in the
        three sentences before ``tok``, latest first."""
        limit = sentences_back(tok, 3)
        for i, key, is_person, main in reversed(self.history):
            if i >= tok.i:
                continue
            if i < limit:
                break
            kind = self.actors.kind(key)
            if kind in _PLACES and not persons:
                continue
            if kind is ActorKind.COUNTRY and tok.lower_ in PLURAL_GROUP_PRONOUNS:
                continue  # a state is "it"; "they" are people or bodies
            if kind is ActorKind.ANONYMOUS:
                if self._anonymous_fits(i, tok, persons=persons, named=named):
                    yield i, key, main
                continue
            if title and self._other_role(key, title):
                continue
            if is_person == persons and agrees(self.actors, key, tok.lower_):
                yield i, key, main

    def _anonymous_fits(self, i: int, tok: Token, *, persons: bool, named: bool) -> bool:
        """ "officials said ... they said"; "an official said ... he said" (only the next
        sentence); never "some people ... he said"."""
        doc = self.doc
        if named or (
            persons
            and doc[i].sent.end < tok.sent.start - 1
            and i < doc[tok.sent.start - 1].sent.start
        ):
            return False
        return not (persons and tok.lower_ in PERSONAL_PRONOUNS and doc[i].tag_ in ("NNS", "NNPS"))

    def _other_role(self, key: str, title: str) -> bool:
        d = self.actors.get(key)
        return bool(
            d
            and d.role
            and title not in d.role.lower()
            and d.role.lower().strip(".") not in _honorifics()
        )


__all__ = [
    "FIRST_PERSON_PRONOUNS",
    "GROUP_PRONOUNS",
    "PERSONAL_PRONOUNS",
    "PLURAL_GROUP_PRONOUNS",
    "SUBJECT_PRONOUNS",
    "SubjectMemory",
    "antecedent",
    "latest_named",
    "mentions_before",
    "sentences_back",
]
