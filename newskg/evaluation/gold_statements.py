"""Scoring one document's statements, non-entities and questions against its gold file."""

from __future__ import annotations

from collections.abc import Sequence
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


def score_questions(gold: dict[str, Any], store: Any, doc_iri: str) -> dict[str, Any]:
    """Answer every gold question with :data:`QUESTION_QUERY` and judge the answer."""
    ents = gold.get("entities") or []
    questions = gold.get("questions") or []
    failures = []
    answered = 0
    for q in questions:
        sparql = question_query(doc_iri, resolve(q["speaker"], ents), resolve(q["about"], ents))
        texts = [r["text"] or "" for r in rows(store, sparql)]
        ok, missing = judge_question(
            texts, q.get("must_include_evidence") or (), bool(q.get("must_be_empty"))
        )
        answered += ok
        if not ok:
            failures.append(
                {
                    "ask": q.get("ask"),
                    "returned": len(texts),
                    "missing": missing,
                    "must_be_empty": bool(q.get("must_be_empty")),
                }
            )
    return {
        "answered": answered,
        "total": len(questions),
        "accuracy": ratio(answered, len(questions)),
        "failures": failures,
    }
