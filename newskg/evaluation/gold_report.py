"""One document's report, the micro-averaged totals over documents, and the readable tables of
``newskg eval`` (gold JSON).
"""

from __future__ import annotations

from typing import Any

from newskg.evaluation.gold_events import score_linking, score_policies, score_summits
from newskg.evaluation.gold_graph import read_graph
from newskg.evaluation.gold_match import prf, ratio
from newskg.evaluation.gold_statements import (
    Asker,
    score_not_entities,
    score_questions,
    score_statements,
)


def score_document(
    gold: dict[str, Any], store: Any, doc_iri: str, text: str, asker: Asker | None = None
) -> dict[str, Any]:
    """Every measure for one document (the questions asked through ``asker``, if given)."""
    view = read_graph(store, doc_iri)
    return {
        "statements": score_statements(gold, view),
        "not_entities": score_not_entities(gold, view.actor_labels),
        "questions": score_questions(gold, store, doc_iri, asker),
        "summits": score_summits(gold, view, text),
        "policies": score_policies(gold, view, text),
        "linking": score_linking(gold, view.entities),
    }


# --------------------------------------------------------------------------------------------
# Summing up
# --------------------------------------------------------------------------------------------


def _sum_prf(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out = prf(
        sum(p["tp"] for p in parts),
        sum(p["predicted"] for p in parts),
        sum(p["gold"] for p in parts),
    )
    out["excused"] = sum(p.get("excused", 0) for p in parts)
    return out


def _sum_counter(parts: list[dict[str, Any]]) -> dict[str, Any]:
    c, t = sum(p["correct"] for p in parts), sum(p["total"] for p in parts)
    return {"correct": c, "total": t, "accuracy": ratio(c, t)}


def _sum_events(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out = _sum_prf(parts)
    out["kind_agnostic"] = _sum_prf([p["kind_agnostic"] for p in parts])
    kinds = sorted({k for p in parts for k in p["per_kind"]})
    out["per_kind"] = {
        k: _sum_prf([p["per_kind"][k] for p in parts if k in p["per_kind"]]) for k in kinds
    }
    names = list(dict.fromkeys(n for p in parts for n in p["attributes"]))
    out["attributes"] = {
        n: _sum_counter([p["attributes"][n] for p in parts if n in p["attributes"]]) for n in names
    }
    return out


def overall(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged totals over documents (counts summed, then divided)."""
    d = list(docs.values())
    st = [x["statements"] for x in d]
    statements = _sum_prf(st)
    statements["speaker"] = _sum_counter([s["speaker"] for s in st])
    ab_r, ab_t = sum(s["about"]["recalled"] for s in st), sum(s["about"]["total"] for s in st)
    statements["about"] = {"recalled": ab_r, "total": ab_t, "recall": ratio(ab_r, ab_t)}
    statements["negation_violations"] = {
        "count": sum(s["negation_violations"]["count"] for s in st),
        "checked": sum(s["negation_violations"]["checked"] for s in st),
    }
    qs = [x["questions"] for x in d]
    qa, qt = sum(q["answered"] for q in qs), sum(q["total"] for q in qs)
    questions: dict[str, Any] = {"answered": qa, "total": qt, "accuracy": ratio(qa, qt)}
    if any(q.get("asked") for q in qs):
        gq = sum(q.get("gold_query", q)["answered"] for q in qs)
        questions["gold_query"] = {"answered": gq, "total": qt}
    ne_c = sum(x["not_entities"]["count"] for x in d)
    ne_t = sum(x["not_entities"]["checked"] for x in d)
    lk = [x["linking"] for x in d]
    linked, with_qid = sum(x["linked"] for x in lk), sum(x["gold_with_qid"] for x in lk)
    judged, wrong = sum(x["judged_links"] for x in lk), sum(x["wrong_links"] for x in lk)
    return {
        "documents": len(d),
        "statements": statements,
        "not_entities": {"count": ne_c, "checked": ne_t},
        "questions": questions,
        "summits": _sum_events([x["summits"] for x in d]),
        "policies": _sum_events([x["policies"] for x in d]),
        "linking": {
            "gold_with_qid": with_qid,
            "linked": linked,
            "accuracy": ratio(linked, with_qid),
            "judged_links": judged,
            "wrong_links": wrong,
            "wrong_link_rate": ratio(wrong, judged),
        },
    }


def _f(x: float | None) -> str:
    return "  —  " if x is None else f"{x:5.2f}"


def _prf_cells(d: dict[str, Any]) -> str:
    return (
        f"{d['tp']:>4} {d['predicted']:>5} {d['gold']:>5}  "
        f"{_f(d['precision'])} {_f(d['recall'])} {_f(d['f1'])}"
    )


Rows = list[tuple[str, dict[str, Any]]]


def _statement_lines(rows: Rows, w: int) -> list[str]:
    lines = [
        "STATEMENTS".ljust(w) + "   tp  pred  gold      P     R    F1   spk-acc  about-R  "
        "neg-viol  not-ent",
    ]
    for name, d in rows:
        s = d["statements"]
        lines.append(
            f"{name:<{w}} {_prf_cells(s)}   {_f(s['speaker']['accuracy'])}    "
            f"{_f(s['about']['recall'])}   {s['negation_violations']['count']:>3}/"
            f"{s['negation_violations']['checked']:<3}  {d['not_entities']['count']:>3}/"
            f"{d['not_entities']['checked']}"
        )
    return lines


def _question_lines(rows: Rows, w: int) -> list[str]:
    lines = ["QUESTIONS".ljust(w) + "  answered   LINKING  linked  acc   wrong/judged  rate"]
    for name, d in rows:
        q, lk = d["questions"], d["linking"]
        lines.append(
            f"{name:<{w}}  {q['answered']:>3}/{q['total']:<3}  {_f(q['accuracy'])}"
            f"          {lk['linked']:>3}/{lk['gold_with_qid']:<3} {_f(lk['accuracy'])}"
            f"  {lk['wrong_links']:>3}/{lk['judged_links']:<3}  "
            f"{_f(lk['wrong_link_rate'])}"
        )
    gq = rows[-1][1]["questions"].get("gold_query")
    if gq is not None:
        lines.append(
            "  questions asked as written (newskg ask, over the whole store); by the gold "
            f"speaker and topic labels instead: {gq['answered']}/{gq['total']}"
        )
    return lines


def _event_lines(rows: Rows, w: int, tot: dict[str, Any], section: str) -> list[str]:
    lines = [
        f"{section.upper():<{w}}   tp  pred  gold      P     R    F1   "
        "| kind-agnostic tp     P     R    F1",
    ]
    for name, d in rows:
        e = d[section]
        ka = e["kind_agnostic"]
        lines.append(
            f"{name:<{w}} {_prf_cells(e)}   |            {ka['tp']:>4} "
            f"{_f(ka['precision'])} {_f(ka['recall'])} {_f(ka['f1'])}"
        )
    lines.append("  per kind (overall):")
    for kind, k in tot[section]["per_kind"].items():
        lines.append(f"    {kind:<20} {_prf_cells(k)}")
    attrs = ", ".join(
        f"{n} {_f(a['accuracy']).strip()} ({a['correct']}/{a['total']})"
        for n, a in tot[section]["attributes"].items()
    )
    lines.append(f"  on matched items: {attrs}")
    return lines


def _problems(name: str, d: dict[str, Any]) -> list[str]:
    """The FAILURES lines of one document."""
    problems = []
    for f in d["questions"]["failures"]:
        why = (
            f"not answered ({f['status']})"
            if f.get("status", "answered") != "answered"
            else "returned statements but must be empty"
            if f["must_be_empty"]
            else f"missing {f['missing']} ({f['returned']} returned)"
        )
        problems.append(f"  {name}: question {f['ask']!r}: {why}")
    for v in d["statements"]["negation_violations"]["items"]:
        problems.append(
            f"  {name}: negation violated: {v['speaker']} about {v['about']}: {v['evidence']!r}"
        )
    for m in d["statements"]["missed"]:
        problems.append(f"  {name}: statement missed: {m['speaker']}: {m['evidence']!r}")
    for u in d["statements"].get("unmatched", ()):
        problems.append(
            f"  {name}: statement not in the gold: {u['speaker']}: "
            f"{' '.join(u['text'].split())[:120]!r}"
        )
    for o in d["not_entities"]["offenders"]:
        problems.append(f"  {name}: not an entity, but an actor: {o!r}")
    for wl in d["linking"]["wrong"]:
        problems.append(
            f"  {name}: wrong link: {wl['label']} -> {', '.join(wl['qids'])}; "
            f"expected {'; '.join(wl['expected'])}"
        )
    for sec in ("summits", "policies"):
        for gid in d[sec]["gold_evidence_not_found"]:
            problems.append(f"  {name}: gold {sec} {gid}: evidence not found in the text")
    return problems


def format_report(report: dict[str, Any]) -> str:
    """The report as readable tables."""
    docs, tot = report["documents"], report["overall"]
    rows: Rows = [*docs.items(), ("OVERALL (micro)", tot)]
    w = max(len(k) for k, _ in rows)
    lines = [
        f"newskg eval — measured {report['measured_at']} — newskg {report['newskg_version']}, "
        f"model {report['model']}",
        f"gold: {report['gold_dir']} ({len(docs)} document{'s' if len(docs) != 1 else ''}"
        + (
            f", {len(report['failed_documents'])} FAILED extraction: scored empty"
            if report.get("failed_documents")
            else ""
        )
        + ")",
        "",
        *_statement_lines(rows, w),
        "",
        *_question_lines(rows, w),
    ]
    for section in ("summits", "policies"):
        lines += ["", *_event_lines(rows, w, tot, section)]
    problems = [line for name, d in docs.items() for line in _problems(name, d)]
    if problems:
        lines += ["", "FAILURES", *problems]
    if report.get("failed_documents"):
        lines += ["", "EXTRACTION FAILED (scored as empty graphs)"]
        lines += [f"  {d}: {why}" for d, why in report["failed_documents"].items()]
    return "\n".join(lines)
