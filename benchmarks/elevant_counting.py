"""ELEVANT's counting of one text's links, "IGNORED" mode, "entity" mentions.

Restated from ``ad-freiburg/elevant`` @ 8df933fa0a8f (``src/elevant/evaluation/case_generator.py``,
``case.py``, ``mention_type.py``), the code that computed the published systems' figures in
``elevant_system_results.tsv``, so newskg is counted the way they are:

- a prediction and a gold mention match when their spans are equal, either one's span widened
  to word boundaries (``word_boundary``) included;
- on a gold mention with a QID: the same QID is a true positive, another QID a false positive
  *and* a false negative, no prediction a false negative;
- on a gold mention Wikidata lacks (``<NIL>``, ``<NO_MAPPING>``, "Unknown"), a QID is a false
  positive (ELEVANT's "unk / ent: IGN"), no prediction nothing;
- a prediction matching no gold span — overlapping one or nowhere near any — is a false
  positive;
- mentions that are pronouns or lower-case "the ..." nominals are coreference, not "entity",
  and are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

_UNKNOWN = ("<NIL>", "<NO_MAPPING>", "Unknown")
_PRONOUNS = frozenset(
    "i my me myself mine you your yourself yours he his him himself she her herself hers it its "
    "itself we us our ourselves ours yourselves they their them themselves theirs".split()
)
_NOMINAL_PREFIXES = tuple(
    w + " " for w in "the that this these those my your his her its our their".split()
)

Span = tuple[int, int]


def word_boundary(span: Span, text: str) -> Span:
    """ELEVANT's widening of a span to the word boundaries around it."""
    start, end = span
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'\"_"):
        start -= 1
    while end < len(text) - 1 and (text[end].isalnum() or text[end] in "'\"_"):
        end += 1
    if text[start] == '"' and '"' not in text[start + 1 : end]:
        start += 1
    return start, end


def is_coreference(mention: str) -> bool:
    """A pronoun ("it", not "IT") or a nominal ("the company", not "the Fed")."""
    if mention.lower() in _PRONOUNS and (not mention.isupper() or mention.lower() == "i"):
        return True
    lower = mention.lower()
    return any(
        lower.startswith(p) and len(mention) > len(p) and not mention[len(p)].isupper()
        for p in _NOMINAL_PREFIXES
    )


def score(text: str, gold: list[dict], predicted: Mapping[Span, str]) -> tuple[Counter, list]:
    """Counts (``gold``, ``tp``, ``fp``, ``fn``) of one text, and each false positive as
    ``(kind, span, predicted QID, gold QID or None)``."""
    widened = {word_boundary(s, text): q for s, q in predicted.items()}
    found = {**predicted, **widened}
    gold_spans: set[Span] = set()
    c: Counter = Counter()
    wrong: list = []
    for label in gold:
        span: Span = (label["span"][0], label["span"][1])
        wide = word_boundary(span, text)
        gold_spans.update((span, wide))
        if is_coreference(text[span[0] : span[1]]):
            continue
        qid = found.get(span) or found.get(wide)
        known = label["entity_id"][:1] == "Q"
        c["gold"] += known
        if not known:
            if qid:
                wrong.append(("on a gold mention Wikidata lacks", span, qid, None))
        elif qid == label["entity_id"]:
            c["tp"] += 1
        else:
            c["fn"] += 1
            if qid:
                wrong.append(("wrong QID on a gold span", span, qid, label["entity_id"]))
    for span, qid in sorted(predicted.items()):
        if span in gold_spans or word_boundary(span, text) in gold_spans:
            continue
        if is_coreference(text[span[0] : span[1]]):
            continue
        overlapping = [g for g in gold if span[0] < g["span"][1] and g["span"][0] < span[1]]
        kind = "another span than the gold's" if overlapping else "no gold mention there"
        wrong.append((kind, span, qid, overlapping[0]["entity_id"] if overlapping else None))
    c["fp"] = len(wrong)
    for kind, *_ in wrong:
        c["fp:" + kind] += 1
    return c, wrong
