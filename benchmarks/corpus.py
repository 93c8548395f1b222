"""A deterministic benchmark corpus of news-like articles made from the dev articles' paragraphs.

Each generated article mixes the paragraphs of two dev articles in a seeded random order, until
it has about 500 words; texts are distinct (the store would merge identical texts). The same
seed and size always give the same file.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
ARTICLE_WORDS = 500


@dataclass(frozen=True)
class Corpus:
    path: Path
    documents: int
    words: int


def generate(out: Path, words: int, *, source: Path = DEV_DIR, seed: int = 1) -> Corpus:
    """Write at least ``words`` words of articles to ``out`` as JSON lines."""
    articles = [
        [p for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
        for f in sorted(source.glob("*.txt"))
    ]
    if len(articles) < 2:
        raise SystemExit(f"need at least two .txt articles in {source}")
    rng = random.Random(seed)
    seen: set[str] = set()
    total = n = 0
    with out.open("w", encoding="utf-8") as f:
        while total < words:
            a, b = rng.sample(range(len(articles)), 2)
            pool = [*articles[a], *articles[b]]
            rng.shuffle(pool)
            text, count = [], 0
            for paragraph in pool:
                text.append(paragraph)
                count += len(paragraph.split())
                if count >= ARTICLE_WORDS:
                    break
            body = "\n".join(text)
            digest = hashlib.sha256(body.encode()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            f.write(json.dumps({"id": f"bench-{n:07d}", "text": body}) + "\n")
            total += count
            n += 1
    return Corpus(out, n, total)


def texts(corpus: Path):
    """The corpus's texts, one at a time."""
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]
