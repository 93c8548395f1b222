"""newskg's offline entity linking on public benchmarks, beside published linkers.

Reads ELEVANT benchmark files (``shared/eval/entity-linking/elevant_*.benchmark.jsonl``: text,
gold spans with Wikidata QIDs), runs the newskg pipeline on each text (no article date: the
files carry none) and scores every mention newskg links (each mention of an actor or topic
that has a QID; demonyms left out, as the benchmarks do not annotate them) with ELEVANT's
"IGNORED" counting on named entities:

- a prediction is a true positive when a gold mention has the same span and the same QID;
- a prediction overlapping a gold mention that Wikidata lacks (``<NIL>``, ``<NO_MAPPING>``)
  is ignored;
- every other prediction is a false positive; every gold QID mention not matched is a false
  negative.

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

from extract import gazetteer as gaz
from extract.document import extract_document
from extract.nlp import load_pipeline
from extract.records import DocumentInfo
from newskg.pipeline import sha256

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "entity-linking"
_UNKNOWN = ("<NIL>", "<NO_MAPPING>", "Unknown")


def predictions(extraction, g: gaz.Gazetteer) -> set[tuple[int, int, str]]:
    """``(start, end, qid)`` of every mention of a linked actor or topic, except demonyms
    ("Japanese" for Japan): the benchmarks do not annotate adjectives."""
    out: set[tuple[int, int, str]] = set()
    for thing in (*extraction.actors, *extraction.topics):
        if thing.qid:
            out.update(
                (m.start, m.end, thing.qid)
                for m in thing.mentions
                if thing.qid not in {e.qid for e in g.demonym(m.text)}
            )
    return out


def score(gold: list[dict], predicted: set[tuple[int, int, str]]) -> Counter:
    """Counts of one text; false positives also by kind (``fp:wrong QID ...``)."""
    known = {
        (g["span"][0], g["span"][1], g["entity_id"]) for g in gold if g["entity_id"][:1] == "Q"
    }
    spans = {(s, e) for s, e, _ in known}
    unknown = [g["span"] for g in gold if g["entity_id"] in _UNKNOWN]
    c = Counter(gold=len(known))
    for start, end, qid in predicted:
        if (start, end, qid) in known:
            c["tp"] += 1
        elif any(start < e and s < end for s, e in unknown):
            c["ignored"] += 1
        else:
            c["fp"] += 1
            if (start, end) in spans:
                c["fp:wrong QID on a gold span"] += 1
            elif any(start < e and s < end for s, e in spans):
                c["fp:another span than the gold's"] += 1
            else:
                c["fp:no gold mention there"] += 1
    c["fn"] = c["gold"] - c["tp"]
    return c


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


def run(benchmark: str, nlp, g: gaz.Gazetteer) -> None:
    lines = (DATA / f"elevant_{benchmark}.benchmark.jsonl").read_text(encoding="utf-8")
    total: Counter = Counter()
    absent: Counter = Counter()
    for line in lines.splitlines():
        item = json.loads(line)
        text = item["text"]
        info = DocumentInfo(id=str(item["id"]), text=text, sha256=sha256(text))
        extraction = extract_document(nlp(text), info, g)
        total += score(item["labels"], predictions(extraction, g))
        for label in item["labels"]:
            if label["entity_id"][:1] == "Q" and label["entity_id"] not in g.by_qid:
                absent[label["entity_id"]] += 1
    p, r, f = prf(total)
    print(f"\n{benchmark}: {total['gold']} gold mentions with a QID")
    print(f"{'system':<28}{'precision':>10}{'recall':>8}{'F1':>7}")
    print(f"{'newskg (offline KB)':<28}{p:>10.3f}{r:>8.3f}{f:>7.3f}")
    for name, sp, sr, sf in published(benchmark):
        print(f"{name:<28}{sp:>10.3f}{sr:>8.3f}{sf:>7.3f}")
    print(
        f"tp {total['tp']} fp {total['fp']} fn {total['fn']} "
        f"(predictions on gold NIL spans ignored: {total['ignored']})"
    )
    kinds = sorted(k for k in total if k.startswith("fp:"))
    print("false positives: " + "; ".join(f"{k[3:]} {total[k]}" for k in kinds))
    judged = total["tp"] + total["fp:wrong QID on a gold span"]
    judged += total["fp:another span than the gold's"]
    print(
        f"precision where the gold annotates the mention (the benchmarks leave many names "
        f"unannotated): {total['tp'] / judged:.3f} ({total['tp']} of {judged})"
    )
    covered = total["gold"] - sum(absent.values())
    print(
        f"coverage: {covered} of {total['gold']} gold mentions link to an item the knowledge "
        f"base has ({covered / total['gold']:.3f}); recall within it {total['tp'] / covered:.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("benchmarks", nargs="*", default=["reuters-128", "rss-500"])
    ap.add_argument("--gazetteer", action="append", default=[], help="a knowledge-base file")
    args = ap.parse_args()
    files = tuple(args.gazetteer)
    nlp = load_pipeline(gazetteer_files=files)
    g = gaz.load(files)
    for benchmark in args.benchmarks:
        run(benchmark, nlp, g)


if __name__ == "__main__":
    main()
