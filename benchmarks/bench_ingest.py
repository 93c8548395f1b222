"""newskg ingest against its limits, on the same generated corpus and worker counts.

In one run, for each worker count: (a) the spaCy pipeline alone (same model and components,
``nlp.pipe`` with ``n_process`` = workers, the Docs discarded); (w) the workers' own work: the
same extractor ``newskg ingest`` uses (spaCy + extraction + mapping to N-Quads in the worker
processes, the inputs read and sent as by ingest) with the results discarded, no store; and
(b) ``newskg ingest`` end to end into a fresh on-disk store. Each runs as a subprocess timed
from start to exit (interpreter, model load and all) while a sampler adds up the resident
memory of the process tree every 0.2 s. Prints one table: words/s, b/w (the writer's cost),
b/a, 2 workers against 1, peak RSS.

The corpus is generated at run time (see ``corpus.py``) from the paragraphs of the ``--source``
articles, by default the PolNeAR train texts in ../shared (840 news articles; read, never
copied into the repository), else the 9 dev articles.

    python benchmarks/bench_ingest.py                      # >= 1M words (the full run)
    python benchmarks/bench_ingest.py --words 100000       # a quick try
    python benchmarks/bench_ingest.py --keep-store DIR     # keep the last store (bench_query)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from extract import DEFAULT_MODEL  # noqa: E402
from newskg.settings import Settings  # noqa: E402


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS of the process tree, stderr) of a command; exits on failure."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode(errors='replace')[-2000:]}")
    return seconds, peak, err.decode(errors="replace")


def raw_spacy(corpus: Path, workers: int, batch_size: int, model: str) -> None:
    """Mode (a), run in its own process: the pipeline alone over every text."""
    from extract.nlp import load_pipeline

    nlp = load_pipeline(model)
    for _ in nlp.pipe(corpus_mod.texts(corpus), batch_size=batch_size, n_process=workers):
        pass


def workers_only(corpus: Path, workers: int, batch_size: int, model: str) -> None:
    """Mode (w), run in its own process: ingest's extractor with the results discarded."""
    from graph.iris import DEFAULT_BASE
    from newskg.parallel import ModelSpec, parallel_extractor
    from newskg.pipeline import Encoded, document_info
    from newskg.sources import SourceDocument, read_inputs

    extractor = parallel_extractor(
        ModelSpec(model), workers, batch_size=batch_size, base=DEFAULT_BASE
    )
    infos = (document_info(s) for s in read_inputs([str(corpus)]) if isinstance(s, SourceDocument))
    for outcome in extractor(infos):
        if not isinstance(outcome, Encoded):
            sys.exit(f"not mapped: {outcome.document.id}")


POLNEAR_TRAIN = corpus_mod.DEV_DIR.parent / "polnear" / "data" / "train" / "text"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="corpus size (default 1M)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--batch-size", type=int, default=Settings().batch_size)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument(
        "--source",
        type=Path,
        default=POLNEAR_TRAIN if POLNEAR_TRAIN.is_dir() else corpus_mod.DEV_DIR,
        help="folder of .txt articles the corpus is made from (default: PolNeAR train texts, "
        "../shared/eval/polnear/data/train/text, else ../shared/eval/dev)",
    )
    ap.add_argument("--keep-store", type=Path, help="move the last ingested store here")
    ap.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    if args.raw:
        raw_spacy(args.raw, counts[0], args.batch_size, args.model)
        return
    if args.workers_only:
        workers_only(args.workers_only, counts[0], args.batch_size, args.model)
        return

    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        corpus = corpus_mod.generate(Path(tmp) / "corpus.jsonl", args.words, source=args.source)
        rows = []
        for n in counts:
            common = ["--workers", str(n), "--batch-size", str(args.batch_size)]
            common += ["--model", args.model]
            a_s, a_rss, _ = timed([sys.executable, __file__, "--raw", str(corpus.path), *common])
            w_s, w_rss, _ = timed(
                [sys.executable, __file__, "--workers-only", str(corpus.path), *common]
            )
            store = Path(tmp) / f"store-{n}"
            b_s, b_rss, err = timed(
                [sys.executable, "-m", "newskg", "ingest", str(corpus.path)]
                + ["--store", str(store), *common]
            )
            summary = err.strip().splitlines()[-1]
            if f"{corpus.documents} documents ingested" not in summary:
                sys.exit(f"ingest did not take every document: {summary}")
            words = corpus.words
            rows.append(Row(n, words / a_s, words / w_s, words / b_s, a_rss, w_rss, b_rss))
            if args.keep_store and n == counts[-1]:
                shutil.rmtree(args.keep_store, ignore_errors=True)
                shutil.move(str(store), args.keep_store)
            else:
                shutil.rmtree(store, ignore_errors=True)
    print_table(corpus, rows, args)


@dataclass(frozen=True)
class Row:
    """One worker count's figures: words/s and peak RSS (bytes) of (a), (w) and (b)."""

    workers: int
    spacy: float
    work: float
    ingest: float
    spacy_rss: int
    work_rss: int
    ingest_rss: int


def print_table(corpus: corpus_mod.Corpus, rows: list[Row], args: argparse.Namespace) -> None:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"corpus: {corpus.documents:,} documents, {corpus.words:,} words made from "
        f"{args.source}; model {args.model}; batch {args.batch_size}; {os.cpu_count()} cores, "
        f"{mem:.0f} GiB, Python {platform.python_version()}; load average "
        f"{os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'workers':>7} {'(a) spaCy w/s':>14} {'(w) workers w/s':>16} {'(b) ingest w/s':>15} "
        f"{'b/w':>5} {'b/a':>5} {'RSS (a)':>9} {'RSS (w)':>9} {'RSS (b)':>9}"
    )
    for r in rows:
        print(
            f"{r.workers:>7} {r.spacy:>14,.0f} {r.work:>16,.0f} {r.ingest:>15,.0f} "
            f"{r.ingest / r.work:>5.2f} {r.ingest / r.spacy:>5.2f} "
            f"{r.spacy_rss / 2**20:>6,.0f} MB {r.work_rss / 2**20:>6,.0f} MB "
            f"{r.ingest_rss / 2**20:>6,.0f} MB"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"{last.workers} workers / {first.workers}: spaCy {last.spacy / first.spacy:.2f}x, "
            f"workers {last.work / first.work:.2f}x, ingest {last.ingest / first.ingest:.2f}x"
        )


if __name__ == "__main__":
    main()
