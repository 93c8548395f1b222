"""newskg ingest against its limit, raw spaCy, on the same generated corpus and worker counts.

In one run, for each worker count: (a) the spaCy pipeline alone (same model and components,
``nlp.pipe`` with ``n_process`` = workers, the Docs discarded) and (b) ``newskg ingest`` end to
end into a fresh on-disk store. Both run as subprocesses timed from start to exit (interpreter,
model load and all) while a sampler adds up the resident memory of the process tree every
0.2 s. Prints one table: words/s, the ratio b/a, 2 workers against 1, peak RSS.

    python benchmarks/bench_ingest.py                      # >= 1M words (the full run)
    python benchmarks/bench_ingest.py --words 20000        # a quick try
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="corpus size (default 1M)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--batch-size", type=int, default=Settings().batch_size)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument(
        "--source",
        type=Path,
        default=corpus_mod.DEV_DIR,
        help="articles the corpus is made from (default ../shared/eval/dev)",
    )
    ap.add_argument("--keep-store", type=Path, help="move the last ingested store here")
    ap.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    if args.raw:
        raw_spacy(args.raw, counts[0], args.batch_size, args.model)
        return

    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        corpus = corpus_mod.generate(Path(tmp) / "corpus.jsonl", args.words, source=args.source)
        rows = []
        for n in counts:
            a_s, a_rss, _ = timed(
                [
                    sys.executable,
                    __file__,
                    "--raw",
                    str(corpus.path),
                    "--workers",
                    str(n),
                    "--batch-size",
                    str(args.batch_size),
                    "--model",
                    args.model,
                ]
            )
            store = Path(tmp) / f"store-{n}"
            b_s, b_rss, err = timed(
                [
                    sys.executable,
                    "-m",
                    "newskg",
                    "ingest",
                    str(corpus.path),
                    "--store",
                    str(store),
                    "--workers",
                    str(n),
                    "--batch-size",
                    str(args.batch_size),
                    "--model",
                    args.model,
                ]
            )
            summary = err.strip().splitlines()[-1]
            if f"{corpus.documents} documents ingested" not in summary:
                sys.exit(f"ingest did not take every document: {summary}")
            rows.append((n, corpus.words / a_s, corpus.words / b_s, a_rss, b_rss))
            if args.keep_store and n == counts[-1]:
                shutil.rmtree(args.keep_store, ignore_errors=True)
                shutil.move(str(store), args.keep_store)
            else:
                shutil.rmtree(store, ignore_errors=True)
    print_table(corpus, rows, args)


def print_table(corpus: corpus_mod.Corpus, rows: list, args: argparse.Namespace) -> None:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"corpus: {corpus.documents:,} documents, {corpus.words:,} words; model "
        f"{args.model}; batch {args.batch_size}; {os.cpu_count()} cores, {mem:.0f} GiB, "
        f"Python {platform.python_version()}"
    )
    print(
        f"{'workers':>7} {'(a) spaCy words/s':>18} {'(b) ingest words/s':>19} {'b/a':>6} "
        f"{'peak RSS (a)':>13} {'peak RSS (b)':>13}"
    )
    for n, a, b, a_rss, b_rss in rows:
        print(
            f"{n:>7} {a:>18,.0f} {b:>19,.0f} {b / a:>6.2f} {a_rss / 2**20:>10,.0f} MB "
            f"{b_rss / 2**20:>10,.0f} MB"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"{last[0]} workers / {first[0]}: spaCy {last[1] / first[1]:.2f}x, "
            f"ingest {last[2] / first[2]:.2f}x"
        )


if __name__ == "__main__":
    main()
