"""Whether the SPARQL lexer (graph/sparql.py) stays linear on adversarial text.

For each shape of input known to have made a regular-expression lexer quadratic, times
:func:`graph.sparql.declares_dataset` on N and on 4N characters in one process and prints the
ratio: about 4 means linear, about 16 quadratic. Also prints microseconds per character.

    python benchmarks/bench_sparql_lexer.py [--size N]
"""

from __future__ import annotations

import argparse
import time

from graph.sparql import declares_dataset

SHAPES = {
    "escaped quotes": "'''\n\\",
    "double quotes": '"',
    "dotted words": "a.",
    "unclosed IRIs": "<a",
    "braces": "{",
}


def _seconds(text: str) -> float:
    started = time.perf_counter()
    declares_dataset(text)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000, help="characters of the smaller input")
    args = ap.parse_args()
    print(f"{'shape':<16} {'N us/char':>10} {'4N us/char':>11} {'ratio 4N/N':>11}")
    for name, unit in SHAPES.items():
        small = unit * (args.size // len(unit))
        large = unit * (4 * args.size // len(unit))
        a, b = _seconds(small), _seconds(large)
        print(
            f"{name:<16} {a / len(small) * 1e6:>10.2f} {b / len(large) * 1e6:>11.2f} {b / a:>11.1f}"
        )


if __name__ == "__main__":
    main()
