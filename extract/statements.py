"""Statements: who said what, from reporting verbs, their subjects and quotation marks.

A sentence yields a :class:`Statement` for each reporting verb (``lexicons/reporting_verbs.tsv``)
whose subject resolves to an actor and which has content (a clause, a quotation or, for some
verbs, an object). Quotations are found on the raw text (straight or curly marks, never across a
paragraph), attached to the attribution in their sentence, and a quotation with no attribution
continues the speaker just before it. Negated or declined speech yields a :class:`NonStatement`;
speech still to come ("would insist") and deeds ("agreed to hold talks", "defend itself") yield
nothing. Cues of one speaker in one sentence are one statement when coordinated or nested, two
otherwise. ``about`` is what the content names after resolution (pronouns, "the island", topic
back-references); content naming nothing is about the non-person names of the title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.actors import GROUP_PRONOUNS, PERSONAL_PRONOUNS, ActorIndex
from extract.dates import resolve as resolve_date
from extract.quotes import find_quotes
from extract.records import ActorKind, Evidence, NonStatement, Policy, Statement, Summit, TimeRef
from extract.text import Layout, doc_text
from extract.topics import TopicIndex

_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSES = ("ccomp", "parataxis", "xcomp", "advcl", "acl")
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# "they would insist", "she will announce": speech still to come is not a statement.
_MODALS = frozenset(
    {"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "wo", "'d"}
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "oneself"})
# Subjects that are never speakers although they govern a reporting verb.
_NOT_SPEAKERS = frozenset({"that", "which", "this", "there", "what"})
_STRAIGHT = '"'


@cache
def _verbs() -> dict[str, str]:
    return {row["phrase"]: row["frame"] for row in lexicons.table("reporting_verbs.tsv")}


@cache
def _place_nouns() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in lexicons.table("place_nouns.tsv")}


@cache
def _nominals() -> dict[str, str]:
    return {row["word"]: row["class"] for row in lexicons.table("nominal_speakers.tsv")}


def evidence_of(span: Span, sent: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, sent.text, sent.start_char, sent.end_char)


# -- quotations -------------------------------------------------------------------------------


def _quote_words(text: str, start: int, end: int) -> str:
    return text[start:end].strip(' \u201c\u201d"').strip()


# -- the extractor ----------------------------------------------------------------------------


@dataclass
class _Found:
    speaker: str
    verb: Token | None
    cue: str | None
    start: int
    end: int
    sents: list[Span]
    content: list[Token] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    reported_by: str | None = None
    time: TimeRef | None = None
    confidence: float = 0.8


def find_statements(
    doc: Doc,
    actors: ActorIndex,
    topics: TopicIndex,
    layout: Layout,
    published: dt.date | None = None,
    events: Sequence[Summit | Policy] = (),
) -> Iterator[Statement | NonStatement]:
    """Statements (and negated speech) in ``doc``, in text order."""
    ex = _Extractor(doc, actors, topics, layout, published)
    for item in ex.run():
        if isinstance(item, _Found):
            yield ex.freeze(item, events)
        else:
            yield item


class _Extractor:
    def __init__(
        self,
        doc: Doc,
        actors: ActorIndex,
        topics: TopicIndex,
        layout: Layout,
        published: dt.date | None,
    ) -> None:
        self.doc, self.actors, self.topics = doc, actors, topics
        self.layout, self.published = layout, published
        self.quotes = find_quotes(doc_text(doc))
        self.quoted = set()
        for s, e in self.quotes:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                self.quoted.update(range(span.start, span.end))
        # (token index, actor key, is a person): who was last the subject, for pronouns.
        self.history: list[tuple[int, str, bool]] = []
        self.sents = [
            s for s in doc.sents if not layout.in_heading(s.start_char) and s.text.strip()
        ]
        self.headline = self._headline_keys()

    # -- main loop ------------------------------------------------------------------------------

    def run(self) -> Iterator[_Found | NonStatement]:
        found: list[_Found] = []
        used_quotes: set[tuple[int, int]] = set()
        for n, sent in enumerate(self.sents):
            self._remember_subjects(sent)
            here: list[_Found] = []
            for verb, phrase in self._cues(sent):
                frame = _verbs()[phrase]
                negated = self._negated(verb)
                if frame == "refuse":
                    inner = [c for c in verb.children if c.dep_ == "xcomp"]
                    if inner and (self._phrase(inner[0]) or inner[0].lemma_ == "comment"):
                        speaker = self._speaker(verb)
                        if speaker:
                            yield self._non_statement(speaker, verb, sent, inner[0].lemma_)
                    continue
                if self._declined(verb) or self._modal(verb) or self._reduced_passive(verb):
                    continue
                if frame == "commit" or negated:
                    # "has not commented on the talks": no speech, whatever its object.
                    if negated and (speaker := self._speaker(verb)):
                        yield self._non_statement(speaker, verb, sent, phrase)
                    continue
                content = self._content(verb, phrase, frame, sent)
                if content is None:
                    continue
                speaker = self._speaker(verb)
                if speaker is None:
                    continue
                here.append(
                    _Found(
                        speaker,
                        verb,
                        phrase,
                        sent.start_char,
                        sent.end_char,
                        [sent],
                        content=content,
                        time=self._time(verb),
                        confidence=0.8,
                    )
                )
            here = self._nest(here)
            for f in here:
                self._attach_quotes(f, sent, used_quotes)
                self.history.append(
                    (
                        f.verb.i if f.verb else sent.start,
                        f.speaker,
                        self.actors.kind(f.speaker) is ActorKind.PERSON,
                    )
                )
            if not here:
                cont = self._continuation(sent, n, found, used_quotes)
                if cont is not None:
                    here.append(cont)
            found.extend(self._dedupe(here))
        yield from sorted(found, key=lambda f: f.start)

    # -- cues ---------------------------------------------------------------------------------

    def _cues(self, sent: Span) -> Iterator[tuple[Token, str]]:
        for tok in sent:
            if tok.i in self.quoted:
                continue
            lemma = tok.lemma_.lower()
            if lemma == "accord" and tok.lower_ == "according":
                nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
                if nxt is not None and nxt.lower_ == "to":
                    yield tok, "according to"
                continue
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            phrase = self._phrase(tok)
            if phrase:
                yield tok, phrase

    def _phrase(self, tok: Token) -> str | None:
        verbs = _verbs()
        lemma = tok.lemma_.lower()
        for child in tok.children:
            two = f"{lemma} {child.lower_}"
            if two in verbs and child.dep_ in (
                "prt",
                "prep",
                "dobj",
                "acomp",
                "oprd",
                "ccomp",
                "advmod",
                "dative",
            ):
                return two
        return lemma if lemma in verbs and " " not in lemma else None

    def _negated(self, verb: Token) -> bool:
        if any(
            c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "neg")
            for c in verb.children
        ):
            return True
        head = verb.head
        # "did not mention" is parsed with the negation on the verb; "has not committed to
        # saying" or "refused to say" puts it one level up.
        return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)

    def _reduced_passive(self, verb: Token) -> bool:
        """ "Asked about X, he declined": the participle's subject is who was asked."""
        return (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl", "ROOT")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
        )

    def _modal(self, verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)

    def _declined(self, verb: Token) -> bool:
        return (
            verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in _verbs()
            and _verbs()[verb.head.lemma_.lower()] == "refuse"
        )

    def _content(self, verb: Token, phrase: str, frame: str, sent: Span) -> list[Token] | None:
        """The tokens of what was said, or None when the verb reports no content."""
        if phrase == "according to":
            pobj = [c for c in verb.subtree if c.dep_ == "pobj" and c.head.lower_ == "to"]
            if not pobj:
                return None
            skip = {t.i for t in verb.subtree}
            return [t for t in sent if t.i not in skip]
        clauses = [
            c
            for c in verb.children
            if c.dep_ in ("ccomp", "parataxis", "xcomp")
            or (c.dep_ == "advcl" and c.i > verb.i and c.pos_ in ("VERB", "AUX"))
        ]
        if frame == "assent":
            clauses = [c for c in clauses if c.dep_ != "xcomp"]  # "agreed to hold talks"
        if any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in verb.children):
            return None  # "defend itself": an action, not speech
        if phrase in ("call for", "call on") or frame == "act":
            clauses += [
                c
                for c in verb.children
                if c.i > verb.i
                and (
                    c.dep_ in ("dobj", "prep", "dative", "oprd")
                    or c.dep_ == "npadvmod"
                    and c.pos_ == "NOUN"
                    and not c.ent_type_
                )
            ]
        if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and self._after_break(verb):
            clauses.append(verb.head)  # "“...,” he said": the quote is the verb's head
        tokens = [t for c in clauses for t in c.subtree]
        if not tokens and any(t.i in self.quoted for t in sent):
            tokens = [t for t in sent if t.i in self.quoted]
        return tokens or None

    def _after_break(self, verb: Token) -> bool:
        """Whether the clause of ``verb`` starts after a comma or quote mark ("..., he said"),
        not inside the clause it hangs on ("help Taiwan defend itself")."""
        first = min(t.i for t in verb.subtree)
        return first > 0 and (self.doc[first - 1].is_punct or self.doc[first - 1].i in self.quoted)

    def _in_quote_span(self, tok: Token) -> bool:
        return tok.i in self.quoted

    # -- speakers -----------------------------------------------------------------------------

    def _speaker(self, verb: Token) -> str | None:
        if verb.lower_ == "according":
            for t in verb.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "to":
                    return self._np_actor(t, verb)
            return None
        v = verb
        for _ in range(4):
            subjects = [c for c in v.children if c.dep_ in _SUBJECTS]
            if subjects:
                subj = subjects[0]
                if subj.lower_ in ("who", "that") and v.dep_ == "relcl":
                    return self._np_actor(v.head, verb)
                if subj.dep_ == "nsubjpass":
                    return None
                # '..., commented Ontario Premier David Peterson': the parser may split an
                # inverted subject in two; the one that names a speaker wins.
                # A dateline read as a subject speaks only when nothing else does.
                named = [c for c in subjects if not self.layout.in_dateline(c.idx)]
                keys = [k for c in named if (k := self._np_actor(c, verb))] or [
                    k for c in subjects if (k := self._np_actor(c, verb))
                ]
                kinds = [self.actors.kind(k) for k in keys]
                return next(
                    (k for k, kind in zip(keys, kinds, strict=True) if kind is ActorKind.PERSON),
                    next(
                        (
                            k
                            for k, kind in zip(keys, kinds, strict=True)
                            if kind not in (ActorKind.PLACE, ActorKind.CITY)
                        ),
                        keys[0] if keys else None,
                    ),
                )
            outer = self._outer_cue(v)
            if outer is not None:
                v = outer
                continue
            if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN"):
                return self._np_actor(v.head, verb)
            if v.dep_ == "relcl":
                return self._np_actor(v.head, verb)
            if v.dep_ in ("conj", "xcomp", "advcl", "pcomp") or v.head.dep_ == "prep":
                v = v.head if v.head.pos_ in ("VERB", "AUX") else v.head.head
                continue
            break
        return None

    def _outer_cue(self, verb: Token) -> Token | None:
        """The reporting verb a subjectless reporting verb is coordinated with, where the parser
        hung it on the reported clause instead ("He said X were Y but predicted Z")."""
        head = verb.head
        if (
            verb.dep_ == "conj"
            and head.dep_ == "ccomp"
            and head.head.i < verb.i
            and self._phrase(verb)
            and self._phrase(head.head)
        ):
            return head.head
        return None

    def _np_actor(self, head: Token, verb: Token) -> str | None:
        """The actor a noun phrase (given by its head) stands for as a speaker."""
        a = self.actors
        if head.lower_ in _NOT_SPEAKERS:
            return None
        key = a.at(head) or (a.person_named(head) if head.pos_ == "PROPN" else None)
        if key:
            return a.agent(key)
        lower = head.lower_
        if lower in PERSONAL_PRONOUNS or lower in GROUP_PRONOUNS or lower in ("they", "we", "i"):
            return self._reporter_of(head, verb) or self._pronoun(head)
        lemma = head.lemma_.lower()
        words = lexicons.words("anonymous_sources.txt")
        titles = lexicons.words("titles.txt")
        # An appositive name comes first: "Iran's chief negotiator, Saeed Jalili, said" is
        # no anonymous source.
        for child in head.children:
            if child.dep_ == "appos":
                # The appositive's own name, not a modifier: "Gazprom, the Russian gas giant"
                # is no statement by Russia.
                k = a.at(child) or next(
                    (
                        a.at(t)
                        for t in child.subtree
                        if a.at(t) and t.dep_ in ("compound", "flat", "appos") and t.pos_ == "PROPN"
                    ),
                    None,
                )
                if k:
                    return a.agent(k)
                name = [t for t in child.subtree if t.pos_ == "PROPN" and t.is_title]
                if (
                    (lemma in titles or lower in titles)
                    and len(name) >= 2
                    and name[-1].i - name[0].i == len(name) - 1
                ):
                    # "its economy minister, Pablo Ruiz, said": a name the NER missed.
                    return a.add_person(self.doc[name[0].i : name[-1].i + 1])
        if lower in words or lemma in words:
            return a.anonymous(head)
        cls = _nominals().get(lemma) or _nominals().get(lower)
        mods = [c for c in head.children if c.dep_ in ("compound", "poss", "amod", "nmod")]
        owner = None
        for m in mods:
            owner = a.at(m) or (self._pronoun(m) if m.lower_ in PERSONAL_PRONOUNS else None)
            if owner:
                break
        if cls == "state":
            return a.state_of(owner) if owner else self._default_state(head)
        if cls == "body":
            if owner is None:
                return self._named_body(head) or self._recent(head, persons=False)
            first = min(t.i for t in head.subtree if t.dep_ != "det" and t.i <= head.i)
            span = self.doc[first : head.i + 1]
            return a.body(span, owner)
        if cls in ("document", "media"):
            if any(_nominals().get(m.lemma_.lower()) == "state" for m in mods):
                return self._default_state(head)
            if owner:
                return (
                    a.agent(owner) if a.kind(owner) is not ActorKind.PERSON else a.state_of(owner)
                )
            return self._recent(head, persons=False, named=True)
        if cls == "company" and head.tag_ == "NN":
            if owner and a.kind(owner) is not ActorKind.PERSON:
                return a.agent(owner)
            return self._recent_organisation(head)
        if owner and a.kind(owner) is not ActorKind.PERSON and lemma.endswith(("minister", "s")):
            return a.agent(owner)  # "G7 ministers called for ..."
        if head.tag_ in ("NNS", "NNPS"):
            return None  # "ministers said": several people, none of them one named person
        if (
            lemma in titles
            or lower in titles
            or any(f"{c.lower_} {lower}" in titles for c in head.children)
        ):
            if owner and a.kind(owner) is not ActorKind.PERSON:
                # "an ECB spokesman said": an unnamed officer speaks for the body.
                return self._by_role(head) or a.agent(owner)
            return self._by_role(head) or self._recent(head, persons=True, title=lower)
        if owner and a.kind(owner) is not ActorKind.PERSON:
            return a.agent(owner)
        return None

    def _recent_organisation(self, head: Token) -> str | None:
        """The organisation (not a state or place) named last before "the company"."""
        best, best_start = None, -1
        for actor in self.actors.actors:
            if actor.kind not in (
                ActorKind.ORGANIZATION,
                ActorKind.NEWS_ORGANIZATION,
                ActorKind.INTERNATIONAL_ORGANIZATION,
            ):
                continue
            start = max((m.start for m in actor.mentions if m.start < head.idx), default=-1)
            if start > best_start:
                best, best_start = actor.key, start
        return best

    def _named_body(self, head: Token) -> str | None:
        """The latest body already named with this noun ("the ministry" after "Brazil's foreign
        ministry")."""
        best, best_start = None, -1
        for actor in self.actors.actors:
            if actor.kind not in (ActorKind.GOVERNMENT_BODY, ActorKind.ORGANIZATION):
                continue
            if head.lemma_.lower() not in actor.label.lower().split():
                continue
            start = max((m.start for m in actor.mentions if m.start < head.idx), default=-1)
            if start > best_start:
                best, best_start = actor.key, start
        return best

    def _reporter_of(self, pronoun: Token, verb: Token) -> str | None:
        """ "The ministry said it welcomed ...": a pronoun subject of a reported clause is the
        speaker reporting it, when that speaker is of the pronoun's sort."""
        if pronoun.lower_ not in ("he", "she", "it", "they"):
            return None
        for anc in verb.ancestors:
            if not (anc.pos_ in ("VERB", "AUX") and self._phrase(anc)):
                continue
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
                return None
            key = self._np_actor(subj, anc)
            is_person = self.actors.kind(key) is ActorKind.PERSON
            if (
                key
                and is_person == (pronoun.lower_ in ("he", "she"))
                and (pronoun.lower_ != "they" or self.actors.kind(key) is ActorKind.ANONYMOUS)
            ):
                return key
            return None
        return None

    def _by_role(self, head: Token) -> str | None:
        """A person whose title matches the nominal ("the French president")."""
        words = [t.lower_ for t in head.subtree if t.dep_ != "det" and t.i <= head.i]
        best = None
        for actor in self.actors.actors:
            if actor.kind is not ActorKind.PERSON or not actor.role:
                continue
            role = actor.role.lower()
            if head.lower_ in role and all(
                w in role or self.actors.gazetteer.demonym(w) == [] for w in words
            ):
                if any(m.start < head.idx for m in actor.mentions):
                    best = actor.key
        return best

    def _pronoun(self, tok: Token) -> str | None:
        persons = tok.lower_ in PERSONAL_PRONOUNS or tok.lower_ in ("i", "we")
        if tok.lower_ in ("we", "i"):
            return None
        return self._recent(tok, persons=persons) or self.actors.resolve(tok)

    def _recent(
        self, tok: Token, *, persons: bool, named: bool = False, title: str | None = None
    ) -> str | None:
        """The latest subject (or speaker) of the right sort before ``tok``, outside quotes;
        with ``title`` ("the minister"), not a person whose known role is another."""
        limit = tok.sent.start
        for _ in range(3):
            if limit > 0:
                limit = self.doc[limit - 1].sent.start
        for i, key, is_person in reversed(self.history):
            if i >= tok.i:
                continue
            if i < limit:
                break
            kind = self.actors.kind(key)
            if kind in (ActorKind.PLACE, ActorKind.CITY) and not persons:
                continue
            if kind is ActorKind.COUNTRY and tok.lower_ in ("they", "them", "their"):
                continue  # a state is "it"; "they" are people or bodies
            if kind is ActorKind.ANONYMOUS:
                # "officials said ... they said"; "an official said ... he said" (only next)
                if named or (
                    persons
                    and self.doc[i].sent.end < tok.sent.start - 1
                    and i < self.doc[tok.sent.start - 1].sent.start
                ):
                    continue
                if (
                    persons
                    and tok.lower_ in PERSONAL_PRONOUNS
                    and self.doc[i].tag_ in ("NNS", "NNPS")
                ):
                    continue  # "some people ... he said": he is not the people
                return key
            if (
                title
                and (d := self.actors.get(key))
                and d.role
                and title not in d.role.lower()
                and d.role.lower().strip(".") not in _HONORIFICS
            ):
                continue
            if is_person == persons:
                return key
        return None

    def _default_state(self, tok: Token) -> str | None:
        for start, _end, place, _date in self.layout.datelines:
            span = self.doc.char_span(start, start + len(place), alignment_mode="expand")
            if span is not None:
                for t in span:
                    k = self.actors.at(t)
                    if k:
                        return self.actors.state_of(k)
        return self._recent(tok, persons=False)

    def _remember_subjects(self, sent: Span) -> None:
        for t in sent:
            if t.i in self.quoted:
                continue
            key = self.actors.at(t)
            if key is None:
                continue
            subjectish = t.dep_ in _SUBJECTS or (
                t.dep_ in ("compound", "poss", "appos", "amod") and t.head.dep_ in _SUBJECTS
            )
            if subjectish:
                kind = self.actors.kind(key)
                self.history.append((t.i, self.actors.agent(key), kind is ActorKind.PERSON))
        self.history.sort(key=lambda h: h[0])

    # -- structure ----------------------------------------------------------------------------

    def _nest(self, here: list[_Found]) -> list[_Found]:
        """ "Xinhua said Xi stressed ...": the inner speaker speaks, the outer one relays."""
        out = list(here)
        for outer in here:
            for inner in here:
                if inner is outer or inner.verb is None or outer.verb is None:
                    continue
                if inner.verb.i not in {t.i for t in outer.content}:
                    continue
                if inner.cue == "according to":
                    if inner in out:
                        out.remove(inner)
                    continue
                if inner.speaker != outer.speaker:
                    inner.reported_by = outer.speaker
                    if self.actors.is_media(outer.speaker) and outer in out:
                        out.remove(outer)
        return out

    def _attach_quotes(self, f: _Found, sent: Span, used: set[tuple[int, int]]) -> None:
        for q in self.quotes:
            s, e = q
            if e <= sent.start_char or s >= sent.end_char or q in used:
                continue
            if f.verb is not None and s <= f.verb.idx < e:
                continue
            used.add(q)
            f.quotes.append(q)
            f.start, f.end = min(f.start, s), max(f.end, e)
            before = doc_text(self.doc)[sent.start_char : s].strip()
            after = doc_text(self.doc)[e : sent.end_char].strip()
            # Verbatim speech: the quote is the whole content, not a phrase inside a clause.
            if (
                not before
                or before.endswith((":", ","))
                or after[:1] in (",", "")
                or doc_text(self.doc)[s:e].rstrip('\u201d"').endswith((",", ".", "?", "!"))
            ):
                f.direct = True
        if f.direct:
            f.confidence = 0.9
        f.sents = self._sents_over(f.start, f.end)

    def _sents_over(self, start: int, end: int) -> list[Span]:
        return [s for s in self.sents if s.end_char > start and s.start_char < end]

    def _continuation(
        self, sent: Span, n: int, found: list[_Found], used: set[tuple[int, int]]
    ) -> _Found | None:
        """A sentence that is all quotation, with no attribution: the last speaker goes on."""
        text = sent.text.strip()
        if sum(t.is_alpha for t in sent) < 2:
            return None
        qs = [q for q in self.quotes if q[0] < sent.end_char and q[1] > sent.start_char]
        if not qs or not found:
            return None
        covered = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in qs)
        if covered < 0.6 * len(text):
            return None
        last = found[-1]
        last_sent = max(i for i, s in enumerate(self.sents) if s.start_char < last.end)
        if n - last_sent > 1 or not last.quotes:
            return None
        fresh = [q for q in qs if q not in used]
        if not fresh and sent.start_char < last.end:
            return None
        # A quote whose attribution comes in a later sentence belongs to that sentence.
        for q in fresh:
            for later in self._sents_over(sent.end_char, q[1]):
                if later.start_char >= sent.end_char and any(self._cues(later)):
                    return None
        start = min([sent.start_char, *(q[0] for q in fresh)])
        end = max([sent.end_char, *(q[1] for q in fresh)])
        used.update(fresh)
        f = _Found(
            last.speaker,
            None,
            None,
            start,
            end,
            self._sents_over(start, end),
            content=list(sent),
            quotes=fresh or qs,
            direct=True,
            reported_by=last.reported_by,
            confidence=0.7,
        )
        return f

    def _one_act(self, a: _Found, b: _Found) -> bool:
        """Whether two cues of one speaker in a sentence are one speech act: coordinated
        ("said X and said Y") or one inside the other ("said he asked ..."), rather than two
        clauses of their own ("denied X - he ... and says Y")."""
        if a.verb is None or b.verb is None:
            return True
        for x, y in ((a, b), (b, a)):
            if y.verb.dep_ == "conj" and (
                y.verb.head == x.verb or self._outer_cue(y.verb) == x.verb
            ):
                return True
            if y.verb.i in {t.i for t in x.content}:
                return True
        return False

    def _dedupe(self, here: list[_Found]) -> list[_Found]:
        """One statement per speech act: "said X and said Y" is one, "denied X - and says Y"
        two."""
        out: list[_Found] = []
        for f in here:
            same = next((o for o in out if o.speaker == f.speaker and self._one_act(o, f)), None)
            if same is None:
                out.append(f)
            else:
                same.content.extend(f.content)
                same.quotes.extend(q for q in f.quotes if q not in same.quotes)
                same.start, same.end = min(same.start, f.start), max(same.end, f.end)
                same.sents = self._sents_over(same.start, same.end)
                same.direct = same.direct or f.direct
        return out

    def _time(self, verb: Token) -> TimeRef | None:
        """A date expression attached to the reporting verb itself ("said on Tuesday")."""
        for ent in verb.sent.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            root = ent.root
            head = root.head
            if head == verb or (head.dep_ == "prep" and head.head == verb):
                if root.dep_ not in _SUBJECTS and root.dep_ not in ("dobj", "ccomp"):
                    return resolve_date(ent.text, self.published)
        return None

    def _non_statement(self, speaker: str, verb: Token, sent: Span, cue: str) -> NonStatement:
        speaking = {t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree}
        about = self._about([t for t in verb.subtree if t.i not in speaking], speaker, None, ())
        return NonStatement(
            speaker=speaker,
            evidence=evidence_of(sent, sent),
            cue=cue,
            about=tuple(about),
            confidence=0.7,
        )

    # -- records ------------------------------------------------------------------------------

    def _headline_keys(self) -> list[str]:
        """Actors and topics the title names: what the article is about.

        The title is the heading the text opens with; it is matched against the mentions found
        in the body (headings are not parsed for entities). Short forms ("US") count only as
        written, and not in a title in capitals, where "US" may be "us".
        """
        text = doc_text(self.doc)
        first = next(
            ((s, e) for s, e in self.layout.heading_ranges() if not text[:s].strip()), None
        )
        if first is None:
            return []
        title = text[first[0] : first[1]]
        capitals = title.upper() == title
        keys: list[tuple[int, str]] = []
        # People in a title are who the story is about, not what each quote is about.
        named = [
            (a.key, a.label, a.mentions)
            for a in self.actors.actors
            if a.kind not in (ActorKind.ANONYMOUS, ActorKind.PERSON)
        ]
        named += [
            (t.key, t.label, tuple(m for m in t.mentions if not self.topics.is_anaphor(m)))
            for t in self.topics.topics
        ]
        for key, label, mentions in named:
            for form in {label, *(m.text for m in mentions)}:
                short = len(form) <= 3
                if short and capitals:
                    continue
                m = re.search(
                    rf"(?<!\w){re.escape(form)}(?!\w)", title, 0 if short else re.IGNORECASE
                )
                if m:
                    keys.append((m.start(), key))
                    break
        return list(dict.fromkeys(k for _, k in sorted(keys)))

    def _about(
        self,
        tokens: list[Token],
        speaker: str,
        reported_by: str | None,
        events: Sequence[Summit | Policy],
    ) -> list[str]:
        keys: list[str] = []
        for t in tokens:
            k = self.actors.at(t) or self.topics.at(t)
            if k is None and t.lower_ in PERSONAL_PRONOUNS and t.i not in self.quoted:
                # "reacted to his warning": the person the pronoun stands for.
                k = self._recent(t, persons=True)
                if k is not None and self.actors.kind(k) is not ActorKind.PERSON:
                    k = None
            if k is None:
                k = self._place_named_before(t)
            if k and k not in keys:
                keys.append(k)
        if tokens:
            lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
            for ev in events:
                spans = [(ev.evidence.start, ev.evidence.end)] + [
                    (m.start, m.end) for m in ev.mentions
                ]
                if any(lo <= s and e <= hi for s, e in spans) and ev.key not in keys:
                    keys.append(ev.key)
        return [k for k in keys if k not in (speaker, reported_by)]

    def _place_named_before(self, tok: Token) -> str | None:
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
        limit = tok.sent.start
        for _ in range(2):
            if limit > 0:
                limit = self.doc[limit - 1].sent.start
        for i in range(tok.i - 1, limit - 1, -1):
            key = self.actors.at(self.doc[i])
            if key and self.actors.kind(key) in kinds and not self._subject_over(self.doc[i], tok):
                return key
        return None

    @staticmethod
    def _subject_over(cand: Token, tok: Token) -> bool:
        """Whether ``cand`` is in the subject of a clause that contains ``tok``: "Beijing would
        protect the island" never means Beijing by "the island"; "Argentina said the country
        needs ..." does mean Argentina (another clause)."""
        head = cand
        while head.dep_ in ("compound", "poss", "amod", "appos", "det") and head.head != head:
            head = head.head
        clause = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return head.dep_ in _SUBJECTS and head.head == clause

    def freeze(self, f: _Found, events: Sequence[Summit | Policy]) -> Statement:
        sents = f.sents or self._sents_over(f.start, f.end)
        s0, s1 = sents[0].start_char, sents[-1].end_char
        speaker_tokens = set()
        if f.verb is not None:
            for c in f.verb.children:
                if c.dep_ in _SUBJECTS:
                    speaker_tokens.update(t.i for t in c.subtree)
        content = [t for s in sents for t in s if t.i not in speaker_tokens]
        about = self._about(content, f.speaker, f.reported_by, events)
        if not about:
            # Words that name nothing ("there was still a lot of work to do") are about what
            # the article is about.
            about = [k for k in self.headline if k not in (f.speaker, f.reported_by)]
        quote = " ... ".join(_quote_words(doc_text(self.doc), s, e) for s, e in f.quotes) or None
        text = doc_text(self.doc)[s0:s1]
        return Statement(
            speaker=f.speaker,
            evidence=Evidence(max(f.start, s0), min(f.end, s1), text, s0, s1),
            cue=f.cue,
            direct=f.direct,
            quote=quote,
            about=tuple(about),
            reported_by=f.reported_by,
            time=f.time,
            confidence=f.confidence,
        )


__all__ = ["evidence_of", "find_quotes", "find_statements"]
