"""Names that are not actors: programmes and schemes, and the acronyms defined beside names.

The NER tags "International Finance Facility" or "Generalised System of Preferences" as ORG,
but such a name is something actors talk about, not an actor: its head noun says so, or the
broadcast noun after it ("the Today programme"; ``lexicons/programme_nouns.tsv``). An acronym
in brackets right after a name ("... Facility (IFF)") is that name again, never a new entity.
Both actors and topics ask this module, so the two never disagree about a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from extract import lexicons
from extract.gazetteer import Gazetteer
from extract.text import doc_ents

# Labels of entity spans that may name a programme (LAW and WORK_OF_ART never name an actor).
PROGRAMME_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC"})
_MINOR = frozenset({"of", "the", "and", "for", "on", "de", "in", "to"})


@cache
def programme_nouns(where: str) -> frozenset[str]:
    """Nouns of ``lexicons/programme_nouns.tsv`` usable as a name's ``head`` or ``after`` it."""
    return frozenset(
        row["word"]
        for row in lexicons.table("programme_nouns.tsv")
        if row["where"] in (where, "both")
    )


def name_part(span: Span) -> Span:
    """The span without a leading article or possessor: "Mr Brown's International Finance
    Facility" -> "International Finance Facility" (the possessor is a mention of its own)."""
    doc, start, end = span.doc, span.start, span.end
    end = next((i for i in range(start + 1, end) if doc[i].text == "("), end)
    for i in range(end - 2, start - 1, -1):
        if doc[i].tag_ == "POS" or doc[i].text in ("'s", "\u2019s"):
            start = i + 1
            break
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def possessor(span: Span) -> Span | None:
    """The possessor written inside an entity span ("Mr Brown" in "Mr Brown's ... Facility")."""
    name = name_part(span)
    if name.start == span.start:
        return None
    end = name.start - 1
    start = span.start
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return span.doc[start:end] if start < end else None


def is_programme(span: Span) -> bool:
    """Whether an entity span names a programme, scheme, law or broadcast rather than an actor.

    Its head noun is a programme noun written as part of the name ("Finance Facility",
    "System of Preferences"), or the name modifies a lower-case programme noun right after it
    ("the Today programme").
    """
    if span.label_ not in PROGRAMME_LABELS or len(span) == 0:
        return False
    root = span.root
    if (
        root.lower_ in programme_nouns("head")
        and (root.is_title or root.is_upper)
        and len(span) > 1
    ):
        return True
    return _before_broadcast_noun(span)


def _own_head(span: Span) -> bool:
    return span.root.lower_ in programme_nouns("head") and len(span) > 1


def _before_broadcast_noun(span: Span) -> bool:
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lower_ in programme_nouns("after") and after.is_lower and span.root.head == after


def bracketed_acronyms(doc: Doc) -> list[tuple[Span, Span]]:
    """``(name, acronym)`` pairs where an acronym in brackets follows the name it abbreviates:
    "the International Finance Facility (IFF)", "General Agreement on Tariffs and Trade (GATT)".

    The name is the shortest run of capitalised words before the bracket (minor words such as
    "of" and "and" allowed inside) whose initials are the acronym's letters.
    """
    pairs = []
    for tok in doc[1:-1]:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acronym = doc[tok.i + 1]
        letters = acronym.text.replace(".", "")
        if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
            continue
        end = start = tok.i
        while start > 0 and end - start < 3 * len(letters) + 2:
            prev = doc[start - 1]
            hyphen = doc[start - 2] if start >= 2 else None
            joined = hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_
            if not (
                prev.is_title
                or prev.is_upper
                and prev.is_alpha
                or joined
                or prev.text == "-"
                and not prev.whitespace_
                or prev.lower_ in _MINOR
                and start < end
            ):
                break
            start -= 1
            if prev.is_title and _initials(doc[start:end].text) == letters:
                pairs.append((doc[start:end], doc[tok.i + 1 : tok.i + 2]))
                break
    return pairs


def _initials(name: str) -> str:
    """First letters of the words of a name, minor words skipped; a hyphenated word is one."""
    return "".join(w[0] for w in name.split() if w.lower() not in _MINOR and w[0].isalpha()).upper()


@dataclass(frozen=True)
class Programmes:
    """The programme names of one document and the acronyms defined for them."""

    names: tuple[Span, ...]
    acronyms: dict[str, Span]

    def covers(self, span: Span) -> bool:
        """Whether an entity span is a programme name or one of their acronyms."""
        name = name_part(span)
        return name.text in self.acronyms or any(
            n.start == name.start and n.end == name.end for n in self.names
        )


_PROGRAMMES_KEY = "newskg.programmes"


def programmes(doc: Doc, gazetteer: Gazetteer) -> Programmes:
    """The entity spans of ``doc`` that name programmes (none the gazetteer knows as an actor),
    and the acronyms in brackets defined for them.

    Kept in ``doc.user_data`` per gazetteer: both the actor and the topic finders ask, and
    each answer walks every entity and token of the document."""
    kept = doc.user_data.get(_PROGRAMMES_KEY)
    if kept is None or kept[0] is not gazetteer:
        kept = doc.user_data[_PROGRAMMES_KEY] = (gazetteer, _programmes(doc, gazetteer))
    return kept[1]


def _programmes(doc: Doc, gazetteer: Gazetteer) -> Programmes:
    names = tuple(
        name_part(e)
        for e in doc_ents(doc)
        if is_programme(name_part(e)) and not gazetteer.knows(name_part(e).text)
    )
    # A name that also stands alone elsewhere ("the Commission said") is an actor even where it
    # precedes "programme".
    alone = {name_part(e).text for e in doc_ents(doc) if not _before_broadcast_noun(name_part(e))}
    names = tuple(
        n for n in names if not (_before_broadcast_noun(n) and n.text in alone and not _own_head(n))
    )
    acronyms: dict[str, Span] = {}
    for name, acronym in bracketed_acronyms(doc):
        match = next((n for n in names if n.end == name.end), None)
        if match is not None and not gazetteer.knows(acronym.text):
            acronyms[acronym.text] = match
    return Programmes(names, acronyms)


__all__ = [
    "Programmes",
    "bracketed_acronyms",
    "is_programme",
    "name_part",
    "possessor",
    "programme_nouns",
    "programmes",
]
