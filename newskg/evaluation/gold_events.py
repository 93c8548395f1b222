"""Scoring one document's summits, policies and entity links against its gold file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newskg.evaluation.gold_graph import GraphView, Predicted
from newskg.evaluation.gold_match import (
    Counter,
    Entity,
    Ref,
    any_matches,
    count_matches,
    locate,
    match_one_to_one,
    name_key,
    overlaps,
    quantity_correct,
    ratio,
    required,
    resolve,
    status_correct,
    unit_key,
)

Judge = Callable[[dict[str, Any], Predicted], bool | list[bool] | None]


def _per_kind(
    golds: list[dict[str, Any]],
    preds: list[Predicted],
    req: list[bool],
    pairs: list[tuple[int, int]],
) -> dict[str, Any]:
    kinds = sorted({g["kind"] for g in golds} | {p.kind for p in preds})
    per_kind = {}
    for k in kinds:
        kp = [(p, g) for p, g in pairs if golds[g]["kind"] == k]
        n_pred = sum(1 for p in preds if p.kind == k)
        req_k = [r and g["kind"] == k for g, r in zip(golds, req, strict=True)]
        per_kind[k] = count_matches(kp, n_pred, req_k)
    return per_kind


def _attribute_accuracy(
    golds: list[dict[str, Any]],
    preds: list[Predicted],
    req: list[bool],
    pairs: list[tuple[int, int]],
    attributes: dict[str, Judge],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Accuracy of each attribute on matched required items, and the items judged wrong."""
    counters = {name: Counter() for name in attributes}
    wrong: list[dict[str, Any]] = []
    for p, g in pairs:
        if not req[g]:
            continue
        for name, judge in attributes.items():
            verdict = judge(golds[g], preds[p])
            verdicts = (
                [] if verdict is None else verdict if isinstance(verdict, list) else [verdict]
            )
            for ok in verdicts:
                counters[name].add(ok)
            if not all(verdicts):
                wrong.append(
                    {
                        "gold": golds[g].get("id", g),
                        "attribute": name,
                        "expected": golds[g].get(name),
                    }
                )
    return {name: c.as_dict() for name, c in counters.items()}, wrong


def _event_scores(
    golds: list[dict[str, Any]],
    preds: list[Predicted],
    text: str,
    ents: list[dict[str, Any]],
    *,
    who: str,
    attributes: dict[str, Judge],
) -> dict[str, Any]:
    """Shared scheme of summits and policies: match by evidence overlap, kind and ``who``
    (participants/actor), strictly and kind-agnostic; attribute accuracy on strict matches of
    required items (a judge returns ``None`` where gold says nothing, or one verdict per gold
    value)."""
    req = [required(g) for g in golds]
    spans = [locate(text, g["evidence"]) for g in golds]

    def who_refs(g: dict[str, Any]) -> list[Ref]:
        names = g.get(who)
        names = names if isinstance(names, list) else [names] if names else []
        return [resolve(n, ents) for n in names]

    refs = [who_refs(g) for g in golds]
    role = "participant" if who == "participants" else who

    def base_ok(p: int, g: int) -> bool:
        span = spans[g]
        found = preds[p].roles.get(role, ())
        return (
            span is not None
            and overlaps(preds[p].span, span)
            and (not refs[g] or any(any_matches(r, found) for r in refs[g]))
        )

    def strict_ok(p: int, g: int) -> bool:
        return preds[p].kind == golds[g]["kind"] and base_ok(p, g)

    def agreement(p: int, g: int) -> int:
        """Lower for a pair sharing more of the gold's parties: of four visits sharing one
        sentence and one visitor, each goes to the gold item of its own host, whatever order
        the graph lists them in."""
        found = preds[p].roles.get(role, ())
        return -sum(any_matches(r, found) for r in refs[g])

    pairs = match_one_to_one(len(preds), len(golds), strict_ok, tier=agreement, gold_first=req)
    relaxed = match_one_to_one(len(preds), len(golds), base_ok, tier=agreement, gold_first=req)
    out: dict[str, Any] = count_matches(pairs, len(preds), req)
    out["kind_agnostic"] = count_matches(relaxed, len(preds), req)

    out["per_kind"] = _per_kind(golds, preds, req, pairs)
    out["attributes"], out["attribute_errors"] = _attribute_accuracy(
        golds, preds, req, pairs, attributes
    )
    out.update(_leftovers(golds, preds, text, req, spans, pairs))
    return out


def _leftovers(
    golds: list[dict[str, Any]],
    preds: list[Predicted],
    text: str,
    req: list[bool],
    spans: list[tuple[int, int] | None],
    pairs: list[tuple[int, int]],
) -> dict[str, list[Any]]:
    """What the strict matching left: required gold items missed, predictions no gold item
    took (false positives, so a report shows what to cut), gold evidence not in the text."""
    paired = {p for p, _ in pairs}
    matched = {g for _, g in pairs}
    return {
        "missed": [
            {"gold": g.get("id", i), "kind": g["kind"], "evidence": g["evidence"]}
            for i, g in enumerate(golds)
            if req[i] and i not in matched
        ],
        "unmatched": [
            {
                "iri": pred.iri,
                "kind": pred.kind,
                "text": text[pred.span[0] : pred.span[1]],
                "roles": {r: [e.label for e in ents_] for r, ents_ in pred.roles.items()},
            }
            for p, pred in enumerate(preds)
            if p not in paired
        ],
        "gold_evidence_not_found": [
            g.get("id", i) for i, g in enumerate(golds) if spans[i] is None
        ],
    }


def _entity_attr(
    name: str, ents: list[dict[str, Any]], role: str | None = None, plural: bool = False
) -> Callable[[dict[str, Any], Predicted], bool | None]:
    def judge(g: dict[str, Any], p: Predicted) -> bool | None:
        if not g.get(name):
            return None
        return any_matches(resolve(g[name], ents), p.roles.get(role or name, ()), plural=plural)

    return judge


def _status(g: dict[str, Any], p: Predicted) -> bool | None:
    return status_correct(g["status"], p.status) if g.get("status") else None


def score_summits(gold: dict[str, Any], view: GraphView, text: str) -> dict[str, Any]:
    """Summit P/R/F1 (per kind, overall, kind-agnostic) and, on matched summits, accuracy of
    participants (each gold participant found counts), location, status and initiated_by."""
    ents = gold.get("entities") or []

    def participants(g: dict[str, Any], p: Predicted) -> list[bool]:
        found = p.roles.get("participant", ())
        return [any_matches(resolve(n, ents), found) for n in g.get("participants") or ()]

    return _event_scores(
        gold.get("summits") or [],
        view.summits,
        text,
        ents,
        who="participants",
        attributes={
            "participants": participants,
            "location": _entity_attr("location", ents),
            "status": _status,
            "initiated_by": _entity_attr("initiated_by", ents),
        },
    )


def score_policies(gold: dict[str, Any], view: GraphView, text: str) -> dict[str, Any]:
    """Policy P/R/F1 and accuracy of actor, target, commodity, quantity, unit, status."""
    ents = gold.get("entities") or []

    def unit(g: dict[str, Any], p: Predicted) -> bool | None:
        if not g.get("unit"):
            return None
        return p.unit is not None and unit_key(p.unit) == unit_key(g["unit"])

    return _event_scores(
        gold.get("policies") or [],
        view.policies,
        text,
        ents,
        who="actor",
        attributes={
            "actor": _entity_attr("actor", ents),
            "target": _entity_attr("target", ents, plural=True),
            "commodity": _entity_attr("commodity", ents, plural=True),
            "quantity": lambda g, p: (
                quantity_correct(g["quantity"], p.quantity)
                if g.get("quantity") is not None
                else None
            ),
            "unit": unit,
            "status": _status,
        },
    )


# Graph classes each gold entity type can be. A resource of another kind that shares a name
# with a gold entity is a different thing the gold did not annotate, not a wrong link: the
# city a minister visits ("visiting Beijing") beside the state the gold lists "Beijing" under
# ("Beijing says ...").
_GOLD_KINDS: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Country": frozenset({"Country"}),
    "City": frozenset({"City", "Place"}),
    "Organization": frozenset(
        {"Organization", "GovernmentBody", "InternationalOrganization", "NewsOrganization"}
    ),
}


# A state is a place too (nkg:Country is an nkg:Place), so "Place" alone would make the country
# a gold city is named after ("LUXEMBOURG, Oct 19 -", the city, whose country the graph also
# holds) a rival of the city; the reverse case (a visited capital beside its state) is already
# told apart by the Country class.
_NOT_GOLD_KINDS: dict[str, frozenset[str]] = {"City": frozenset({"Country"})}


def _same_kind(gold_entity: dict[str, Any], ent: Entity) -> bool:
    kind = gold_entity.get("type", "")
    kinds = _GOLD_KINDS.get(kind)
    if ent.types & _NOT_GOLD_KINDS.get(kind, frozenset()):
        return False
    return kinds is None or not ent.types or bool(kinds & ent.types)


def score_linking(gold: dict[str, Any], entities: dict[str, Entity]) -> dict[str, Any]:
    """Entity linking: gold QIDs present as owl:sameAs in the document's graph, and wrong
    links (a predicted entity of the gold entity's kind whose label/altLabels match its label or
    mentions but whose QID is none of theirs)."""
    golds = [e for e in gold.get("entities") or () if e.get("label")]
    linked_qids = {q for e in entities.values() for q in e.qids}
    with_qid = [e for e in golds if e.get("qid")]
    missing = [
        {"label": e["label"], "qid": e["qid"]} for e in with_qid if e["qid"] not in linked_qids
    ]
    judged = 0
    wrong = []
    for ent in entities.values():
        if not ent.qids:
            continue
        forms = {name_key(f) for f in ent.forms()}
        same = [
            e
            for e in golds
            if e.get("qid")
            and _same_kind(e, ent)
            and forms & {name_key(m) for m in [e["label"], *(e.get("mentions") or ())]}
        ]
        if not same:
            continue
        judged += 1
        if not ent.qids & {e["qid"] for e in same}:
            wrong.append(
                {
                    "label": ent.label,
                    "qids": sorted(ent.qids),
                    "expected": sorted({f"{e['label']} ({e['qid']})" for e in same}),
                }
            )
    return {
        "gold_with_qid": len(with_qid),
        "linked": len(with_qid) - len(missing),
        "accuracy": ratio(len(with_qid) - len(missing), len(with_qid)),
        "missing": missing,
        "judged_links": judged,
        "wrong_links": len(wrong),
        "wrong_link_rate": ratio(len(wrong), judged),
        "wrong": wrong,
    }
