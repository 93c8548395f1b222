"""What the written form of a name says about which entry it means (rules "dotted" and
"acronym" of :mod:`extract.linking`).

The name index folds dots and case ("N.C." and "NC" are one key), so two readings meet there
that the text tells apart:

- **Dotted.** "N.C." is written the way US state abbreviations are (AP style: "N.C.", "Ga.",
  "Wash."), "NC" the way codes and initialisms are (New Caledonia, Nepali Congress). A dotted
  mention keeps only the entries one of whose names is written with those dots, when any is.
- **Acronym.** An acronym whose letters are the initials of a name the article itself writes
  out ("Monetary Compensatory Amounts ... MCA") stands for that name, not for an entry that
  merely shares the short name (a Malaysian party called MCA).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.gazetteer import Entry, Gazetteer, initials
from extract.normalise import name_key
from extract.text import doc_ents

_DOTTED = re.compile(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4}")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def dotted_forms(text: str, candidates: list[Entry]) -> list[Entry]:
    """The candidates that write ``text`` with its dots ("N.C." -> North Carolina, not the
    "NC" of New Caledonia); all of them when none does or ``text`` has no dots."""
    if "." not in text or not _DOTTED.fullmatch(text):
        return candidates
    form = text.casefold()
    kept = [e for e in candidates if any(n.casefold() == form for n in (e.label, *e.aliases))]
    return kept or candidates


def spelled_out(doc: Doc) -> dict[str, frozenset[str]]:
    """Initials -> the name keys of the multi-word names the article writes out with those
    initials (computed once per Doc)."""
    cached = doc.user_data.get("newskg_spelled_out")
    if cached is None:
        found: dict[str, set[str]] = {}
        for ent in doc_ents(doc):
            words = ent.text.split()
            if len(words) > 1 and all(w[:1].isupper() or w.islower() for w in words):
                letters = initials(ent.text)
                if len(letters) > 1:
                    found.setdefault(letters, set()).add(name_key(ent.text))
        cached = doc.user_data["newskg_spelled_out"] = {k: frozenset(v) for k, v in found.items()}
    return cached


def defined_otherwise(text: str, entry: Entry, doc: Doc) -> bool:
    """Whether the acronym ``text`` is the initials of a name the article writes out that is
    none of ``entry``'s names."""
    if not _ACRONYM.fullmatch(text):
        return False
    names = spelled_out(doc).get(text)
    if not names:
        return False
    own = {_loose(n) for n in (entry.label, *entry.aliases)}
    return not {_loose(n) for n in names} & own


def _loose(name: str) -> tuple[str, ...]:
    """A name by the first four letters of its major words: spellings of one name agree
    ("World Trade Organisation", "Organization of the Petroleum ...")."""
    words = re.findall(r"[a-z]+", name_key(name))
    return tuple(w[:4] for w in words if w not in _MINOR)


_MINOR = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "et"})


def joined_name(span: Span, gazetteer: Gazetteer) -> tuple[Entry, bool] | None:
    """The entry labelled by ``span`` written together with the entity right before or after
    it, when the NER split one name in two ("UK" + "Independence Party"): the entry, and
    whether ``span`` is its first part."""
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].ent_type_
    after = span.end < len(doc) and doc[span.end].ent_iob_ == "B"
    if not (before or after):
        return None
    for ent in doc_ents(doc):
        if ent.end == span.start and ent[-1].whitespace_ == " ":
            first, last, is_first = ent, span, False
        elif ent.start == span.end and span[-1].whitespace_ == " ":
            first, last, is_first = span, ent, True
        else:
            continue
        name = f"{first.text} {last.text}"
        for e in gazetteer.lookup(name):
            if gazetteer.is_label(name, e):
                return e, is_first
    return None
