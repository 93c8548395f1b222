"""Scoring statements against gold attributions (the counting rule of ``newskg eval --format
brat``; README, "How good is the extraction", says it in words).

* A statement **matches** an attribution when its evidence span, widened to its sentence,
  overlaps the gold content, and (when both have one) the first word of its
  ``nkg:reportingVerb`` is a word or a lemma of the gold cue. The statement standing for the
  attribution is the matching one whose span holds the cue, else the one overlapping most.
* Cues are classed by lemma as *according* > *speech* > *cognition* > *other*
  (``cue_words.tsv``). Speech recall: speech attributions some statement matches; speech
  precision: statements matching an attribution, over all statements, leaving out those that
  match only non-speech attributions.
* The speaker of a found attribution is right when its label or an alternative label shares a
  content word with the gold source or, for a pronoun or a description ("the mayor"), with the
  nearest proper-name mention of the source's coreference chain in the corpus's CoreNLP parse.
  A pronoun or a description without such a mention cannot be judged (*unresolved*).
* Content: bag-of-words F1 of ``nkg:quote`` and of the evidence span against the gold content.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newskg.evaluation.brat import Attribution, BratDocument, Span
from newskg.evaluation.corenlp import Parse, Token, content_words, word_class, words

SOURCE_FORMS = ("named", "descriptive", "pronoun")
CUE_CLASSES = ("speech", "cognition", "according", "other")


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement as read from the graph: ``start``..``end`` is its evidence span widened to
    its sentence; ``names`` are the speaker's label and alternative labels."""

    iri: str
    start: int
    end: int
    span: Span
    verb: str | None
    quote: str | None
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Judged:
    """What became of one gold attribution."""

    gold: str
    cue_class: str
    cue: str
    content: str
    quoted: bool
    swapped: bool = False
    statement: Statement | None = None
    span_f1: float | None = None
    quote_f1: float | None = None
    source: str | None = None
    source_form: str | None = None
    antecedent: str | None = None
    source_ok: bool | None = None  # None: no source, or a pronoun/description unresolved


@dataclass
class DocumentScore:
    """The judged attributions of a document and, per statement, the cue classes it matches."""

    judged: list[Judged] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    hits: dict[str, list[str]] = field(default_factory=dict)
    nested: set[str] = field(default_factory=set)


def bag_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    common = sum((Counter(gold) & Counter(pred)).values())
    return 2 * common / (len(gold) + len(pred)) if common else 0.0


def overlap(a: Span, spans: Sequence[Span]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def cue_class(toks: Sequence[Token]) -> str:
    if "according" in {w for w, _, _ in toks}:
        return "according"
    lemmas = {lemma for _, lemma, _ in toks} - word_class("aux")
    if lemmas & word_class("speech"):
        return "speech"
    return "cognition" if lemmas & word_class("cognition") else "other"


def _text(text: str, spans: Sequence[Span]) -> str:
    return " ".join(text[s:e] for s, e in spans)


def _unswap(g: Attribution, cue: list[Token], src: list[Token]) -> tuple[Attribution, bool]:
    """A few PolNeAR attributions ("..., said Mulgrew") have their Source and Cue labels
    swapped: a one-word speech "source" with a cue that is no verb of speech or thought."""
    verbs = word_class("speech") | word_class("cognition")
    swapped = len(src) == 1 and src[0][1] in word_class("speech")
    swapped = swapped and not {lemma for _, lemma, _ in cue} & verbs
    if swapped:
        g = Attribution(g.id, source=g.cue, cue=g.source, content=g.content)
    return g, swapped


def _best(
    g: Attribution, cue_forms: set[str], preds: Sequence[Statement], doc: DocumentScore, cls: str
) -> Statement | None:
    best: tuple[tuple[bool, int], Statement] | None = None
    for p in preds:
        if not overlap((p.start, p.end), g.content):
            continue
        if p.verb and g.cue and p.verb.split()[0] not in cue_forms:
            continue
        doc.hits[p.iri].append(cls)
        key = (any(p.start <= s < p.end for s, _ in g.cue), overlap((p.start, p.end), g.content))
        if best is None or key > best[0]:
            best = (key, p)
    return best[1] if best else None


def source_form(src: str, src_toks: Sequence[Token], parse: Parse) -> str:
    """``pronoun``, ``named`` (a proper noun in it; without a parse: a capitalised word that
    is not a stop word) or ``descriptive``."""
    if src.lower().strip(" ,.\"'") in word_class("pronoun"):
        return "pronoun"
    if any(pos.startswith("NNP") for _, _, pos in src_toks):
        return "named"
    stop = word_class("stop")
    if not parse.tokens and any(w[:1].isupper() and w.lower() not in stop for w in src.split()):
        return "named"
    return "descriptive"


def _judge_source(
    g: Attribution, doc: BratDocument, parse: Parse, src_toks: list[Token], found: Statement | None
) -> dict[str, Any]:
    src = _text(doc.text, g.source)
    form = source_form(src, src_toks, parse)
    ante_span = parse.proper_antecedent(g.source[0][0], g.source[-1][1])
    ante = doc.text[ante_span[0] : ante_span[1]] if ante_span and form != "named" else None
    out: dict[str, Any] = {"source": src, "source_form": form, "antecedent": ante}
    if found is not None:
        names = set().union(*(content_words(n) for n in found.names))
        ok = [bool(names & content_words(x)) for x in (src, ante) if x is not None]
        if form == "named" or any(ok) or ante is not None:
            out["source_ok"] = any(ok)
    return out


def judge(g: Attribution, doc: BratDocument, parse: Parse, score: DocumentScore) -> Judged:
    """Find the statement standing for one gold attribution and judge its speaker and content."""
    text = doc.text
    cue_toks, src_toks = parse.lemmas(g.cue, text), parse.lemmas(g.source, text)
    g, swapped = _unswap(g, cue_toks, src_toks)
    if swapped:
        cue_toks, src_toks = src_toks, cue_toks
    cls = cue_class(cue_toks)
    cue_forms = {w for w, _, _ in cue_toks} | {lemma for _, lemma, _ in cue_toks}
    content = _text(text, g.content)
    found = _best(g, cue_forms, score.statements, score, cls)
    extra: dict[str, Any] = {}
    if found is not None:
        gold_words = words(content)
        extra["span_f1"] = bag_f1(gold_words, words(text[found.span[0] : found.span[1]]))
        extra["quote_f1"] = bag_f1(gold_words, words(found.quote)) if found.quote else None
    if g.source:
        extra.update(_judge_source(g, doc, parse, src_toks, found))
    quoted = any(c in content for c in '"\u201c\u201d')
    return Judged(g.id, cls, _text(text, g.cue), content, quoted, swapped, found, **extra)


def score_document(doc: BratDocument, parse: Parse, preds: Sequence[Statement]) -> DocumentScore:
    """Judge every gold attribution with content, then mark the unmatched statements whose
    verb is inside an overlapping gold content (likely speech nested in another attribution,
    which univocal annotation such as PolNeAR's cannot mark)."""
    score = DocumentScore(statements=list(preds), hits={p.iri: [] for p in preds})
    score.judged = [judge(g, doc, parse, score) for g in doc.attributions if g.content]
    content_forms: dict[str, set[str]] = {}  # words and lemmas of each gold content
    for p in preds:
        if score.hits[p.iri] or not p.verb:
            continue
        inside: set[str] = set()
        for g in doc.attributions:
            if overlap((p.start, p.end), g.content):
                if g.id not in content_forms:
                    toks = parse.lemmas(g.content, doc.text)
                    content_forms[g.id] = {x for t in toks for x in t[:2]}
                inside |= content_forms[g.id]
        if p.verb.split()[0] in inside:
            score.nested.add(p.iri)
    return score
