"""How much newskg's extraction adds to spaCy, per article, after the model is loaded.

Runs in one process: (a) the spaCy pipeline alone over each dev article (the baseline), then
(b) the same plus every newskg extractor. Prints milliseconds per article and the ratio b/a.

    python benchmarks/bench_extract.py [EVAL_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from extract import gazetteer as gaz
from extract.document import extract_document
from extract.nlp import load_pipeline
from extract.records import DocumentInfo
from newskg.pipeline import sha256

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.eval_dir.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles in {args.eval_dir}")
    nlp = load_pipeline()
    g = gaz.bundled()
    infos = [DocumentInfo(id=str(i), text=t, sha256=sha256(t)) for i, t in enumerate(texts)]
    nlp(texts[0])  # warm-up
    spacy_ms, full_ms = [], []
    for _ in range(args.repeat):
        for info in infos:
            t0 = time.perf_counter()
            doc = nlp(info.text)
            t1 = time.perf_counter()
            extract_document(doc, info, g)
            t2 = time.perf_counter()
            spacy_ms.append((t1 - t0) * 1000)
            full_ms.append((t2 - t0) * 1000)
    words = sum(len(t.split()) for t in texts) / len(texts)
    a, b = statistics.median(spacy_ms), statistics.median(full_ms)
    print(f"{len(texts)} articles, {words:.0f} words on average, {args.repeat} repeats")
    print(f"{'stage':<28}{'median ms/article':>20}")
    print(f"{'(a) spaCy pipeline alone':<28}{a:>20.1f}")
    print(f"{'(b) spaCy + newskg extract':<28}{b:>20.1f}")
    print(f"{'ratio b/a':<28}{b / a:>20.2f}")
    print(f"{'extraction per 500 words':<28}{(b - a) * 500 / words:>17.1f} ms")


if __name__ == "__main__":
    main()
