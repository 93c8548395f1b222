"""newskg's offline entity linking on public benchmarks, beside published linkers.

Reads ELEVANT benchmark files (``shared/eval/entity-linking/elevant_*.benchmark.jsonl``: text,
gold spans with Wikidata QIDs), runs the newskg pipeline on each text (no article date: the
files carry none) and scores every mention newskg links (each mention of an actor or topic
that has a QID, demonyms such as "Japanese" for Japan included) with ELEVANT's
"IGNORED" counting on "entity" mentions, restated in ``elevant_counting.py`` (a QID on a
gold mention Wikidata lacks is a false positive, as it is for the published systems).

Why this counting and no other: ELEVANT's annotation guidelines link a demonym to its country,
so newskg links demonyms; Reuters-128 and RSS-500 annotate none and carry no optional labels,
and ELEVANT counted the published systems on these files with every unannotated link a false
positive. The "where the gold has a mention" line below is a diagnostic, not ELEVANT's figure.

A second line counts only the kinds of mention each benchmark annotates (a transparent filter of
newskg's predictions here, not of the graph; :data:`ANNOTATED`). Both annotate named entities,
not topics named by common nouns (one lower-case gold mention in 1,140: "sub-Saharan Africa"),
so newskg's topics ("soybean") are left out. Reuters-128's gold links no
demonym adjective to its state (none of the ~70 "Japanese", "Canadian" ... newskg links there has
a gold span; its one gold "Dutch" is the company Philips), so those predictions are left out;
RSS-500 marks exactly two entity references per sentence, and ELEVANT's own metadata for it says
it "should not be used to compute precision or F1 score unless ground truth mention spans are
given", so only predictions on or overlapping a marked span are counted. In both, an
abbreviation ending a sentence ("in the U.S.") matches the gold span that leaves the full stop
to the sentence ("U.S"). The published systems were counted the first way only.

It prints precision, recall and F1 beside the published systems' "entity" figures in
``elevant_system_results.tsv`` (same files, same mode), and what the gold links to that the
offline knowledge base has no row for (its coverage limit: it has no companies).

    python benchmarks/bench_elevant.py [reuters-128 rss-500 ...] [--gazetteer FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from elevant_counting import score

from extract import gazetteer as gaz
from extract.document import extract_document
from extract.nlp import load_pipeline
from extract.records import DocumentInfo
from newskg.pipeline import sha256

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "entity-linking"


def predictions(extraction, topics: bool = True) -> dict[tuple[int, int], str]:
    """The QID of every mention of a linked actor or topic (or actors only, ``topics=False``),
    by its ``(start, end)``."""
    out: dict[tuple[int, int], str] = {}
    for thing in (*extraction.actors, *(extraction.topics if topics else ())):
        if thing.qid:
            out.update(((m.start, m.end), thing.qid) for m in thing.mentions)
    return out


ANNOTATED = {
    "reuters-128": ("no topic, no demonym adjective, a sentence's stop", True, False),
    "rss-500": ("no topic, the two marked spans of a sentence only, its stop", False, True),
}
"""Per benchmark: what its gold annotates, whether demonym adjectives are left out, and whether
only predictions at a marked span count (demonyms there are judged like any other)."""


def demonym_adjective(mention: str, qid: str, g: gaz.Gazetteer) -> bool:
    """A demonym linked to its state ("Japanese" -> Japan), not a name of it."""
    names = {e.qid for e in g.lookup(mention)}
    return qid not in names and qid in {e.qid for e in g.demonym(mention)}


def annotated_kinds(
    benchmark: str, text: str, gold: list[dict], predicted: dict, g: gaz.Gazetteer
) -> dict[tuple[int, int], str]:
    """The predictions of the kinds ``benchmark`` annotates (:data:`ANNOTATED`)."""
    _, no_demonyms, marked_only = ANNOTATED.get(benchmark, ("", False, False))
    gold_spans = {(m["span"][0], m["span"][1]) for m in gold}
    kept = {}
    for (start, end), qid in predicted.items():
        if text[end - 1 : end] == "." and (start, end - 1) in gold_spans:
            # "in the U.S." ending a sentence: the gold leaves the stop to the sentence ("U.S").
            end -= 1
        if no_demonyms and demonym_adjective(text[start:end], qid, g):
            continue
        if marked_only and not any(start < m["span"][1] and m["span"][0] < end for m in gold):
            continue
        kept[start, end] = qid
    return kept


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def published(benchmark: str) -> list[tuple[str, float, float, float]]:
    rows = []
    with open(DATA / "elevant_system_results.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if (r["benchmark"], r["mode"], r["mention_type"]) == (benchmark, "IGNORED", "entity"):
                rows.append(
                    (r["experiment"], float(r["precision"]), float(r["recall"]), float(r["f1"]))
                )
    return sorted(rows, key=lambda row: -row[3])


def run(benchmark: str, nlp, g: gaz.Gazetteer, detail: list | None = None) -> None:
    lines = (DATA / f"elevant_{benchmark}.benchmark.jsonl").read_text(encoding="utf-8")
    total: Counter = Counter()
    kinds: Counter = Counter()
    absent: Counter = Counter()
    for line in lines.splitlines():
        item = json.loads(line)
        text = item["text"]
        info = DocumentInfo(id=str(item["id"]), text=text, sha256=sha256(text))
        extraction = extract_document(nlp(text), info, g)
        predicted = predictions(extraction)
        counts, wrong = score(text, item["labels"], predicted)
        total += counts
        actors = predictions(extraction, topics=False)
        kept = annotated_kinds(benchmark, text, item["labels"], actors, g)
        kinds += score(text, item["labels"], kept)[0]
        for kind, (start, end), qid, gold in wrong:
            if detail is not None:
                detail.append([benchmark, item["id"], kind, text[start:end], qid, gold])
            if g.demonym(text[start:end]):
                total["fp (demonyms among them)"] += 1
        for label in item["labels"]:
            if label["entity_id"][:1] == "Q" and label["entity_id"] not in g.by_qid:
                absent[label["entity_id"]] += 1
    _report(benchmark, total, kinds, sum(absent.values()))


def _report(benchmark: str, total: Counter, kinds: Counter, absent: int) -> None:
    p, r, f = prf(total)
    print(f"\n{benchmark}: {total['gold']} gold mentions with a QID")
    print(f"{'system':<28}{'precision':>10}{'recall':>8}{'F1':>7}")
    print(f"{'newskg (offline KB)':<28}{p:>10.3f}{r:>8.3f}{f:>7.3f}")
    kp, kr, kf = prf(kinds)
    print(f"{'newskg, annotated kinds *':<28}{kp:>10.3f}{kr:>8.3f}{kf:>7.3f}")
    for name, sp, sr, sf in published(benchmark):
        print(f"{name:<28}{sp:>10.3f}{sr:>8.3f}{sf:>7.3f}")
    print(f"tp {total['tp']} fp {total['fp']} fn {total['fn']}")
    print(
        f"* the kinds {benchmark} annotates ({ANNOTATED.get(benchmark, ('all',))[0]}): "
        f"tp {kinds['tp']} fp {kinds['fp']} fn {kinds['fn']}; the published systems are "
        f"counted the first way"
    )
    fps = sorted(k for k in total if k.startswith("fp"))
    print("false positives: " + "; ".join(f"{k.removeprefix('fp:')} {total[k]}" for k in fps))
    unannotated = total["fp:no gold mention there"]
    judged = total["tp"] + total["fp"] - unannotated
    print(
        f"precision where the gold has a mention (the benchmarks leave many names "
        f"unannotated): {total['tp'] / judged:.3f} ({total['tp']} of {judged})"
    )
    covered = total["gold"] - absent
    print(
        f"coverage: {covered} of {total['gold']} gold mentions link to an item the knowledge "
        f"base has ({covered / total['gold']:.3f}); recall within it {total['tp'] / covered:.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("benchmarks", nargs="*", default=["reuters-128", "rss-500"])
    ap.add_argument("--gazetteer", action="append", default=[], help="a knowledge-base file")
    ap.add_argument("--detail", help="write every false positive to this JSON file")
    args = ap.parse_args()
    files = tuple(args.gazetteer)
    nlp = load_pipeline(gazetteer_files=files)
    g = gaz.load(files)
    detail: list = []
    for benchmark in args.benchmarks:
        run(benchmark, nlp, g, detail)
    if args.detail:
        Path(args.detail).write_text(json.dumps(detail, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
