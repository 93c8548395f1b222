"""Scoring one document's statements, non-entities and questions against its gold file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newskg.evaluation.gold_graph import GraphView, Predicted, rows
from newskg.evaluation.gold_match import (
    Counter,
    Ref,
    any_matches,
    contains,
    count_matches,
    judge_question,
    match_one_to_one,
    ratio,
    ref_matches,
    required,
    resolve,
)
from newskg.evaluation.gold_queries import question_query


@dataclass(frozen=True)
class _Statements:
    """The gold and predicted statements of one document, and the two matching rules."""

    golds: list[dict[str, Any]]
    preds: list[Predicted]
    req: list[bool]
    speakers: list[Ref]
    ents: list[dict[str, Any]]

    def evidence_ok(self, p: int, g: int) -> bool:
        return contains(self.preds[p].text, self.golds[g]["evidence"])

    def speaker_ok(self, p: int, g: int) -> bool:
        sp = self.preds[p].speaker
        return sp is not None and ref_matches(self.speakers[g], sp)

    def gold_id(self, g: int) -> Any:
        return self.golds[g].get("id", g)


def _listed(st: _Statements, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Matched pairs, missed gold statements and predictions matched to nothing."""
    golds, preds, req = st.golds, st.preds, st.req
    paired = {p for p, _ in pairs}
    matched_gold = {g for _, g in pairs}
    return {
        "matched": [{"gold": st.gold_id(g), "statement": preds[p].iri} for p, g in pairs if req[g]],
        "missed": [
            {
                "gold": st.gold_id(g),
                "speaker": golds[g]["speaker"],
                "evidence": golds[g]["evidence"],
            }
            for g in range(len(golds))
            if req[g] and g not in matched_gold
        ],
        "unmatched": [
            {
                "statement": pred.iri,
                "text": pred.text,
                "speaker": pred.speaker.label if pred.speaker else None,
            }
            for p, pred in enumerate(preds)
            if p not in paired
        ],
    }


def _speaker_accuracy(st: _Statements) -> dict[str, Any]:
    """Match by evidence only (a right speaker first), then check the speaker."""
    ev_pairs = match_one_to_one(
        len(st.preds),
        len(st.golds),
        st.evidence_ok,
        gold_first=st.req,
        tier=lambda p, g: 0 if st.speaker_ok(p, g) else 1,
    )
    spk = Counter()
    wrong_speakers = []
    for p, g in ev_pairs:
        if not st.req[g]:
            continue
        ok = st.speaker_ok(p, g)
        spk.add(ok)
        if not ok:
            sp = st.preds[p].speaker
            wrong_speakers.append(
                {
                    "gold": st.gold_id(g),
                    "expected": st.golds[g]["speaker"],
                    "got": sp.label if sp else None,
                }
            )
    return spk.as_dict() | {"wrong": wrong_speakers}


def _about_recall(st: _Statements, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Gold ``about`` items found among the matched statement's ``nkg:about`` values."""
    about = Counter()
    missed_about = []
    for p, g in pairs:
        if not st.req[g]:
            continue
        for item in st.golds[g].get("about") or ():
            ok = any_matches(resolve(item, st.ents), st.preds[p].about, plural=True)
            about.add(ok)
            if not ok:
                missed_about.append({"gold": st.gold_id(g), "about": item})
    return {
        "recalled": about.correct,
        "total": about.total,
        "recall": ratio(about.correct, about.total),
        "missed": missed_about,
    }


def _negation_violations(gold: dict[str, Any], st: _Statements) -> dict[str, Any]:
    """Negated speech (gold ``non_statements``) that became a statement anyway."""
    violations = []
    for ns in gold.get("non_statements") or ():
        sp, ab = resolve(ns["speaker"], st.ents), resolve(ns["about"], st.ents)
        for pred in st.preds:
            if (
                pred.speaker is not None
                and ref_matches(sp, pred.speaker)
                and contains(pred.text, ns["evidence"])
                and any_matches(ab, pred.about, plural=True)
            ):
                violations.append(
                    {
                        "evidence": ns["evidence"],
                        "speaker": ns["speaker"],
                        "about": ns["about"],
                        "statement": pred.iri,
                    }
                )
    return {
        "count": len(violations),
        "checked": len(gold.get("non_statements") or ()),
        "items": violations,
    }


def score_statements(gold: dict[str, Any], view: GraphView) -> dict[str, Any]:
    """Statement P/R/F1, speaker accuracy, about recall, negation violations, not_entities."""
    ents = gold.get("entities") or []
    golds = gold.get("statements") or []
    st = _Statements(
        golds=golds,
        preds=view.statements,
        req=[required(g) for g in golds],
        speakers=[resolve(g["speaker"], ents) for g in golds],
        ents=ents,
    )
    pairs = match_one_to_one(
        len(st.preds),
        len(golds),
        lambda p, g: st.evidence_ok(p, g) and st.speaker_ok(p, g),
        gold_first=st.req,
    )
    out = count_matches(pairs, len(st.preds), st.req)
    out.update(_listed(st, pairs))
    out["speaker"] = _speaker_accuracy(st)
    out["about"] = _about_recall(st, pairs)
    out["negation_violations"] = _negation_violations(gold, st)
    return out


def score_not_entities(gold: dict[str, Any], actor_labels: Sequence[str]) -> dict[str, Any]:
    """Gold ``not_entities`` that are the exact (white-space normalised) label of an actor.

    >>> score_not_entities({"not_entities": ["Mao", "Post"]}, ["Mao", "Mao Ning"])["offenders"]
    ['Mao']
    """
    labels = {" ".join(label.split()) for label in actor_labels}
    offenders = [s for s in gold.get("not_entities") or () if " ".join(s.split()) in labels]
    return {
        "count": len(offenders),
        "checked": len(gold.get("not_entities") or ()),
        "offenders": offenders,
    }


# How a question is put to the graph as a researcher puts it: the question text -> the answer's
# status ("answered", "ambiguous", "unsupported") and the texts of the rows it returned.
Asker = Callable[[str], tuple[str, list[str]]]


def score_questions(
    gold: dict[str, Any], store: Any, doc_iri: str, asker: Asker | None = None
) -> dict[str, Any]:
    """Judge the answer to every gold question.

    With ``asker`` each question is asked as written (``newskg ask``: its words read, its names
    resolved over the whole store), and an answer that is ambiguous or unsupported is not the
    gold's; ``gold_query`` then still gives the count of :func:`question_query` (this
    document's statements by the gold speaker about the gold topic, matched by QID or label),
    which measures the ``about`` labels rather than what a researcher gets. Without ``asker``
    (no model at hand) the questions are scored by :func:`question_query` alone.
    """
    ents = gold.get("entities") or []
    questions = gold.get("questions") or []
    by_query = [
        _judged(q, "answered", [r["text"] or "" for r in rows(store, _query(q, doc_iri, ents))])
        for q in questions
    ]
    judged = [_judged(q, *asker(q.get("ask") or "")) for q in questions] if asker else by_query
    answered = sum(ok for ok, _ in judged)
    out: dict[str, Any] = {
        "answered": answered,
        "total": len(questions),
        "accuracy": ratio(answered, len(questions)),
        "asked": asker is not None,
        "failures": [f for ok, f in judged if not ok],
    }
    if asker is not None:
        out["gold_query"] = {"answered": sum(ok for ok, _ in by_query), "total": len(questions)}
    return out


def _query(q: dict[str, Any], doc_iri: str, ents: list[dict[str, Any]]) -> str:
    return question_query(doc_iri, resolve(q["speaker"], ents), resolve(q["about"], ents))


def _judged(q: dict[str, Any], status: str, texts: list[str]) -> tuple[bool, dict[str, Any]]:
    """Whether the answer is the gold's, and the failure record if not."""
    ok, missing = judge_question(
        texts, q.get("must_include_evidence") or (), bool(q.get("must_be_empty"))
    )
    return ok and status == "answered", {
        "ask": q.get("ask"),
        "status": status,
        "returned": len(texts),
        "missing": missing,
        "must_be_empty": bool(q.get("must_be_empty")),
    }
