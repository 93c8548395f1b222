"""The readable form of a ``newskg eval --format brat`` report: a line per measure, then the
speech attributions missed and the speakers judged wrong, per document."""

from __future__ import annotations

from typing import Any


def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _speaker_line(name: str, s: dict[str, Any]) -> str:
    return (
        f"  {name:<30} {_f(s['accuracy'])}  ({s['correct']}/{s['judged']}; "
        f"{s['unresolved']} unresolved)"
    )


def _measures(o: dict[str, Any]) -> list[str]:
    sp, allc, sk, c = o["speech"], o["all_cues"], o["speaker"], o["content"]
    lines = [
        f"speech cues precision            {_f(sp['precision'])}  "
        f"({sp['matched']}/{sp['predicted']})",
        f"speech cues recall               {_f(sp['recall'])}  ({sp['found']}/{sp['gold']})",
        f"speech cues F1                   {_f(sp['f1'])}",
        f"all cues P / R / F1              {_f(allc['precision'])} / {_f(allc['recall'])} / "
        f"{_f(allc['f1'])}  ({allc['found']}/{allc['gold']} attributions)",
    ]
    lines += [
        f"  recall, {k} cues".ljust(33) + f"{_f(v['recall'])}  ({v['found']}/{v['gold']})"
        for k, v in o["recall_by_cue"].items()
        if k != "speech"
    ]
    lines += ["speaker accuracy"]
    lines += [_speaker_line("speech cues", sk["speech"]), _speaker_line("all cues", sk["all"])]
    lines += [_speaker_line(f"{f} sources (all cues)", sk[f]) for f in ("named", "descriptive")]
    lines += [_speaker_line("pronoun sources (all cues)", sk["pronoun"])]
    lines += [
        f"content bag-of-words F1          quote {_f(c['quote_f1'])} (n={c['quote_n']}), "
        f"evidence span {_f(c['span_f1'])} (n={c['span_n']})",
        f"unmatched statements nested in a gold content: {o['nested_unmatched']} "
        f"(precision without them {_f(o['precision_unnested'])})",
    ]
    return lines


def _failures(docs: dict[str, Any]) -> list[str]:
    out = []
    for name, d in docs.items():
        for m in d["missed"]:
            out.append(
                f"  {name}: {m['gold']} speech attribution missed: "
                f"{m['source'] or '(no source)'} / {m['cue']!r}: {m['content']!r}"
            )
        for w in d["wrong_speaker"]:
            want = w["source"] + (f" (= {w['antecedent']})" if w["antecedent"] else "")
            out.append(
                f"  {name}: {w['gold']} wrong speaker: {w['speaker']!r} for {want!r} ({w['cue']!r})"
            )
    return out


def format_brat_report(report: dict[str, Any]) -> str:
    """The report as lines of text (see the module docstring)."""
    docs, o = report["documents"], report["overall"]
    parsed = report["coreference"]
    lines = [
        f"newskg eval --format brat — measured {report['measured_at']} — newskg "
        f"{report['newskg_version']}, model {report['model']}",
        f"corpus: {report['corpus_dir']} ({len(docs)} document{'s' if len(docs) != 1 else ''}, "
        f"{o['attributions']} attributions with content, {o['statements']} statements; "
        f"CoreNLP coreference for {parsed} of {len(docs)})",
        "",
        *_measures(o),
    ]
    problems = _failures(docs)
    if problems:
        lines += ["", "FAILURES", *problems]
    if report.get("failed_documents"):
        lines += ["", "EXTRACTION FAILED (scored without statements)"]
        lines += [f"  {d}: {why}" for d, why in report["failed_documents"].items()]
    return "\n".join(lines)
