"""What loading the offline knowledge base costs: seconds and resident memory.

Each gazetteer is loaded in a fresh Python process (so that memory is that of one load):
the sourced 1.3k-row gazetteer (the baseline), the bundled core, and a full build if given.
The load includes the look-ups a first article makes (a name, a surname: the surname index
is built on first use). Prints wall and CPU seconds, peak RSS, and the ratios to the baseline.

    newskg gazetteer build --extracts ../shared/wikidata -o kb_full.tsv
    python benchmarks/bench_kb_load.py [--full kb_full.tsv] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from extract.gazetteer import BUNDLED_BASE, BUNDLED_GAZETTEER

_CHILD = """
import json, resource, sys, time
from extract.gazetteer import Gazetteer
w, c = time.perf_counter(), time.process_time()
g = Gazetteer.from_tsv(sys.argv[1])
g.lookup("Boris Johnson"); g.surnamed("Lawson"); g.closed_names()
print(json.dumps({
    "rows": len(g),
    "wall": time.perf_counter() - w,
    "cpu": time.process_time() - c,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def measure(path: str, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, path], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(out.stdout))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", help="a full build (newskg gazetteer build --extracts DIR)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    kbs = [("sourced gazetteer (baseline)", str(BUNDLED_BASE)), ("core", str(BUNDLED_GAZETTEER))]
    if args.full:
        kbs.append(("full", args.full))
    base = None
    print(f"{'knowledge base':<30}{'rows':>8}{'wall s':>8}{'cpu s':>8}{'RSS MB':>8}{'x cpu':>7}")
    for name, path in kbs:
        m = measure(path, args.repeat)
        base = base or m
        print(
            f"{name:<30}{m['rows']:>8.0f}{m['wall']:>8.2f}{m['cpu']:>8.2f}{m['rss_mb']:>8.0f}"
            f"{m['cpu'] / base['cpu']:>7.1f}"
        )
    print("(RSS includes the Python interpreter and extract's imports)")


if __name__ == "__main__":
    main()
