"""Building the actor index from entity spans: names cleaned, titles made roles, people joined.

:func:`find_actors` groups the entity mentions of a ``Doc`` into actors: a surname joins the
full name already mentioned, titles become roles, gazetteer names get their QID, programme names
are left to the topics, and aliases are merged last (:mod:`extract.actors.aliases`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.actors.aliases import merge_aliases, one_edit_apart
from extract.actors.index import ACTOR_LABELS, ActorIndex, _Draft, _from_entry
from extract.gazetteer import Gazetteer, normalise
from extract.linking import link, resolve
from extract.names import Programmes, possessor, programmes
from extract.normalise import wire_apostrophes
from extract.records import ActorKind
from extract.text import Layout, doc_ents

_KIND_OF_LABEL = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.PLACE,
    "LOC": ActorKind.PLACE,
    "FAC": ActorKind.PLACE,
}
# A person's name with the title written before it, if any.
_Named = tuple[Span, str | None]


@cache
def _articles() -> frozenset[str]:
    return lexicons.words("articles.txt")


def _clean_span(span: Span) -> Span:
    """Drop a leading 'the', a trailing possessive and a bracket the NER ran into ("National
    Association of Pension Funds (NAPF") from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    end = next((i for i in range(start + 1, end) if doc[i].text == "("), end)
    while start < end and doc[start].lower_ in _articles():
        start += 1
    while (
        end > start
        and doc[end - 1].tag_ == "POS"
        or (end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"))
    ):
        end -= 1
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def _strip_title(span: Span, titles: frozenset[str]) -> tuple[Span, str | None]:
    """'President Xi' -> ('Xi', 'President')."""
    doc = span.doc
    start = span.start
    while start < span.end - 1:
        two = doc[start : start + 2].text.lower()
        if two in titles and start + 2 < span.end:
            start += 2
        elif doc[start].lower_ in titles:
            start += 1
        else:
            break
    if start == span.start:
        return span, None
    return Span(doc, start, span.end, label=span.label), doc[span.start : start].text


def _addressed(name: Span) -> Span:
    """The name with the forms of address written just before it ("Sheikh Ali", "Mr Blair"):
    the text names the person so, though the NER span and the label leave them out."""
    honorifics = _honorifics()
    start = name.start
    while start > 0 and name.doc[start - 1].lower_.rstrip(".") in honorifics:
        start -= 1
    return name if start == name.start else Span(name.doc, start, name.end, label=name.label)


@cache
def _honorifics() -> frozenset[str]:
    return lexicons.words("honorifics.txt")


def _person_role(span: Span, name: Span, title: str | None, titles: frozenset[str]) -> str | None:
    """The title written in a person's name, else the one before it; an office before a form
    of address wins over the form ("Kuwait oil minister Sheikh Ali ...": "Sheikh" is how he is
    addressed, not what he does)."""
    addressed = _addressed(name)
    honorific = span.doc[addressed.start : name.start].text
    if not honorific or title not in (None, honorific):
        return title or _role_before(span, titles)
    whole = Span(span.doc, min(span.start, addressed.start), span.end)
    return _role_before(whole, titles) or honorific


def _role_before(span: Span, titles: frozenset[str]) -> str | None:
    """The title written just before a name: 'U.S. Treasury Secretary' Scott Bessent."""
    doc = span.doc
    i = span.start - 1
    first = span.start
    while i >= 0:
        t = doc[i]
        if (
            t.is_punct
            and t.text not in (".",)
            or t.pos_ in ("VERB", "AUX", "DET", "ADP", "CCONJ", "PRON", "SCONJ", "NUM")
        ):
            break
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") and not t.ent_type_:
            break
        first = i
        i -= 1
    if first == span.start:
        return None
    words = doc[first : span.start]
    lowered = words.text.lower()
    if not any(w.lower_ in titles for w in words) and not any(
        title in lowered for title in titles if " " in title
    ):
        return None
    return wire_apostrophes(words.text)


def find_actors(doc: Doc, gazetteer: Gazetteer, layout: Layout | None = None) -> ActorIndex:
    """Group the entity mentions of ``doc`` into actors.

    Headings are skipped (a headline fragment is not an actor), a dateline gives a place, and a
    single name joins a full name of the same document that contains it.
    """
    layout = layout or Layout(doc.text)
    titles = lexicons.words("titles.txt")
    index = ActorIndex(doc, gazetteer)
    ents = [
        e for e in doc_ents(doc) if e.label_ in ACTOR_LABELS and not layout.in_heading(e.start_char)
    ]
    # Tokens of full personal names: an ORG/GPE mention equal to one is that person misread.
    name_tokens = {
        t.lower_
        for e in ents
        if e.label_ == "PERSON"
        for t in _strip_title(_clean_span(e), titles)[0]
        if len(e) > 1 and t.is_alpha
    }
    progs = programmes(doc, gazetteer)
    persons: list[_Named] = []
    for ent in ents:
        persons.extend(_add_entity(index, ent, layout, titles, name_tokens, progs))
    _add_persons(index, persons, gazetteer)
    _add_missed_names(index, layout)
    merge_aliases(index, doc)
    # A person's country (from a demonym or title) is an actor of the document too, so the
    # graph describes every country it points to.
    for draft in list(index._drafts.values()):
        if draft.country_qid and draft.country_qid in gazetteer.by_qid:
            index.ensure_entry(gazetteer.by_qid[draft.country_qid])
    return index


def _add_entity(
    index: ActorIndex,
    ent: Span,
    layout: Layout,
    titles: frozenset[str],
    name_tokens: set[str],
    progs: Programmes,
) -> list[_Named]:
    """Add the actor an entity span names; a person's name is returned instead, to be added
    once every full name is known."""
    doc, gazetteer = index.doc, index.gazetteer
    span = _clean_span(ent)
    if len(span) == 0:
        return []
    if ent.label_ == "ORG" and progs.covers(span):
        # A programme is a topic; whose programme it is may still name a person.
        owner = possessor(span)
        if owner is not None and any(t.lower_ in titles for t in owner):
            return [_strip_title(Span(doc, owner.start, owner.end, label="PERSON"), titles)]
        return []
    if (
        ent.label_ != "PERSON"
        and span.text.lower() in name_tokens
        and link(span, gazetteer) is None
    ):
        return [(Span(doc, span.start, span.end, label="PERSON"), None)]
    if ent.label_ in ("ORG", "GPE") and len(span) >= 2 and doc[span.end - 2].text.endswith("."):
        # Only after an abbreviation's stop: "China Times", "Georgia Power" are names.
        head = Span(doc, span.start, span.end - 1, label="GPE")
        last = doc[span.end - 1]
        states = [e for e in gazetteer.lookup(head.text) if e.type == "country"]
        institutions = lexicons.words("institutions.txt")
        if len(states) == 1 and last.lower_ not in institutions and not gazetteer.lookup(span.text):
            # "U.S. Imports": wire style capitalises the word after an abbreviation.
            index._add(_from_entry(states[0], 0.9), head)
            return []
    if ent.label_ == "ORG" and not any(t.is_title or t.is_upper for t in span):
        return []  # "working party": a lower-case phrase is not a name
    if ent.label_ == "PERSON":
        name, title = _strip_title(span, titles)
        return [(name, _person_role(span, name, title, titles))]
    if ent.label_ == "NORP":
        states = [e for e in gazetteer.demonym(span.text) if e.type == "country"]
        if len(states) == 1:
            index._add(_from_entry(states[0], 0.9), span)
        return []
    resolution = resolve(span, gazetteer)
    if resolution.link is not None:
        linked = resolution.link
        index._add(_from_entry(linked.entry, linked.confidence), span)
        return []
    kind = _KIND_OF_LABEL[ent.label_]
    if layout.in_dateline(span.start_char):
        kind = ActorKind.PLACE
    label = _tied_name(resolution.candidates, gazetteer) or span.text
    draft = _Draft(key=f"{kind.value}:{normalise(label)}", label=label, kind=kind)
    draft.candidates = resolution.candidates
    index._add(draft, span)
    return []


def _tied_name(candidates: tuple[tuple[str, float], ...], gazetteer: Gazetteer) -> str | None:
    """The name every tied candidate bears ("Times": several newspapers called "The Times"):
    which one is meant is open, what it is called is not."""
    labels = {e.label for qid, _ in candidates if (e := gazetteer.by_qid.get(qid)) is not None}
    return labels.pop() if len(labels) == 1 else None


def _add_persons(index: ActorIndex, persons: list[_Named], gazetteer: Gazetteer) -> None:
    """Add the people; full names first, so that a lone surname or given name can join them."""
    persons.sort(key=lambda p: -len(p[0]))
    full: list[_Draft] = []
    for name, role in persons:
        resolution = resolve(name, gazetteer, role)
        found = resolution.link
        tokens = [t.lower_ for t in name]
        match = None
        if len(tokens) == 1:
            match = next((d for d in full if tokens[0] in d.label.lower().split()), None)
            if match is None and found is None:
                # "Mulrony" beside "Brian Mulroney": a surname misspelt by one letter.
                close = {
                    d.key: d for d in full if one_edit_apart(tokens[0], d.label.lower().split()[-1])
                }
                match = next(iter(close.values())) if len(close) == 1 else None
        if match is None and found is not None:
            draft = _from_entry(found.entry, found.confidence)
        elif match is not None:
            draft = _Draft(key=match.key, label=match.label, kind=ActorKind.PERSON)
        else:
            # A lone surname is never a label: keep the title with it ("President Reagan").
            label = f"{role} {name.text}" if len(tokens) == 1 and role else name.text
            draft = _Draft(key=f"Person:{normalise(name.text)}", label=label, kind=ActorKind.PERSON)
            draft.candidates = resolution.candidates
        draft.role = role
        if role:
            draft.country_qid = _country_in(role, gazetteer)
        key = index._add(draft, _addressed(name))
        if len(tokens) > 1 and index._drafts[key] not in full:
            full.append(index._drafts[key])


def _add_missed_names(index: ActorIndex, layout: Layout) -> None:
    """A person's name the NER missed where the document names the person elsewhere is a
    mention of that person: the full name ("Ivanka Trump, his daughter, noted ..."), or the
    surname of exactly one person named in full ("Latest: Trump urges ..."). The tagger often
    calls such a word a common noun, so title case is what makes it a name here."""
    doc = index.doc
    full: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    for d in index._drafts.values():
        if d.kind is not ActorKind.PERSON:
            continue
        for text in {d.label, *(m.text for m in d.mentions)}:
            words = normalise(text).split()
            if len(words) > 1:
                full.setdefault(" ".join(words), set()).add(d.key)
                surnames.setdefault(words[-1], set()).add(d.key)
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _bare_name_word(doc[j], index, layout):
            j += 1
        if j == i:
            i += 1
            continue
        span = doc[i:j]
        text = normalise(span.text)
        keys = full.get(text) or (surnames.get(text) if len(span) == 1 else None)
        if keys is not None and len(keys) == 1:
            index._add(index._drafts[next(iter(keys))], span)
        i = j


_NOT_ACTOR_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART"})


def _bare_name_word(token: Token, index: ActorIndex, layout: Layout) -> bool:
    """A capitalised word outside every actor entity and mention, not in a heading (the NER
    reads a lone surname as a product or a work now and then: "had restrained Lyng")."""
    return (
        token.ent_type_ in _NOT_ACTOR_LABELS
        and index.at(token) is None
        and token.is_alpha
        and token.is_title
        and token.pos_ in ("PROPN", "NOUN")
        and not layout.in_heading(token.idx)
    )


def _country_in(role: str, gazetteer: Gazetteer) -> str | None:
    for word in role.replace("-", " ").split():
        states = [e for e in gazetteer.demonym(word) if e.type == "country"]
        if not states:
            states = [e for e in gazetteer.lookup(word) if e.type == "country"]
        if len(states) == 1:
            return states[0].qid
    return None


__all__ = ["find_actors"]
