"""Totals of judged attributions: the figures ``newskg eval --format brat`` reports.

Counts are summed over documents, then divided (micro-averaged); every ratio is rounded to
four places and is ``None`` where its denominator is zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newskg.evaluation.attribution import CUE_CLASSES, SOURCE_FORMS, DocumentScore, Judged


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else None


def _recall(judged: Sequence[Judged]) -> dict[str, Any]:
    found = sum(j.statement is not None for j in judged)
    return {"gold": len(judged), "found": found, "recall": ratio(found, len(judged))}


def _prf(judged: Sequence[Judged], matched: int, predicted: int) -> dict[str, Any]:
    out = _recall(judged)
    out.update(matched=matched, predicted=predicted, precision=ratio(matched, predicted))
    out["f1"] = f1(out["precision"], out["recall"])
    return out


def _speaker(judged: Sequence[Judged]) -> dict[str, Any]:
    """Speaker accuracy over found attributions with a source; unresolved ones are counted
    apart (a pronoun or description whose chain has no proper name)."""
    with_source = [j for j in judged if j.statement is not None and j.source is not None]
    oks = [j.source_ok for j in with_source if j.source_ok is not None]
    return {
        "correct": sum(oks),
        "judged": len(oks),
        "unresolved": len(with_source) - len(oks),
        "accuracy": ratio(sum(oks), len(oks)),
    }


def summarize(scores: Sequence[DocumentScore]) -> dict[str, Any]:
    """The headline figures over some documents (see the module docstring of
    :mod:`newskg.evaluation.attribution` for what each counts)."""
    judged = [j for s in scores for j in s.judged]
    hits = [h for s in scores for h in s.hits.values()]
    matched = sum(bool(h) for h in hits)
    only_other = sum(bool(h) and "speech" not in h for h in hits)
    nested = sum(len(s.nested) for s in scores)
    speech = [j for j in judged if j.cue_class == "speech"]
    found = [j for j in judged if j.statement is not None]
    quote = [j.quote_f1 for j in found if j.quote_f1 is not None]
    span = [j.span_f1 for j in found if j.span_f1 is not None]
    return {
        "attributions": len(judged),
        "statements": len(hits),
        "speech": _prf(speech, matched - only_other, len(hits) - only_other),
        "all_cues": _prf(judged, matched, len(hits)),
        "recall_by_cue": {
            **{c: _recall([j for j in judged if j.cue_class == c]) for c in CUE_CLASSES},
            "quoted": _recall([j for j in judged if j.quoted]),
            "unquoted": _recall([j for j in judged if not j.quoted]),
        },
        "speaker": {
            "speech": _speaker(speech),
            "all": _speaker(judged),
            **{f: _speaker([j for j in judged if j.source_form == f]) for f in SOURCE_FORMS},
        },
        "content": {
            "quote_f1": ratio(sum(quote), len(quote)),
            "quote_n": len(quote),
            "span_f1": ratio(sum(span), len(span)),
            "span_n": len(span),
        },
        "nested_unmatched": nested,
        "precision_unnested": ratio(matched, len(hits) - nested),
        "swapped_gold": sum(j.swapped for j in judged),
    }
