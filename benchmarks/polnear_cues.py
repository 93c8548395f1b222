"""Which speech cues a BRAT attribution corpus annotates, and which of them newskg misses.

Parses the corpus once (the spaCy Docs are cached in ``--cache``, outside the repository), then
runs the statement extractor over the cached Docs and scores them with the counting rule of
``newskg eval --format brat`` (statements are built from the extraction records rather than
read back from a store, so figures may differ slightly from the eval's). Prints speech P/R and
the cue lemmas of the speech attributions, found and missed, most frequent first; with
``--misses LEMMA`` the missed sentences of one cue lemma.

    python benchmarks/polnear_cues.py ../shared/eval/polnear/data/train [--top 80]

This is a development tool: what it prints comes from the corpus and is not to be committed.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from extract import gazetteer as gaz
from extract.document import extract_document
from extract.nlp import load_pipeline
from extract.records import DocumentInfo
from extract.speech import extractor
from extract.speech.guards import guard
from newskg.evaluation.attribution import Statement, score_document
from newskg.evaluation.brat import load_corpus, load_labels
from newskg.evaluation.brat_summary import summarize
from newskg.evaluation.corenlp import read_parse
from newskg.pipeline import sha256

# What became of each cue token read (by token index): guarded, no content, no speaker, found.
OUTCOME: dict[int, str] = {}
_read = extractor.read_cue


def _traced(st, cue, sent):  # type: ignore[no-untyped-def]
    out = _read(st, cue, sent)
    if out is None or type(out).__name__ == "NonStatement":
        if guard(st, cue, sent) is not None:
            why = "guarded"
        elif cue.content(st, sent) is None:
            why = "no content"
        else:
            why = "no speaker"
    else:
        why = "found"
    OUTCOME[cue.token.i] = f"{why}:{cue.construction.name}"
    return out


extractor.read_cue = _traced


def _docs(nlp, docs, cache: Path):  # type: ignore[no-untyped-def]
    key = hashlib.sha1("".join(d.id for d in docs).encode()).hexdigest()[:12]
    path = cache / f"polnear-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed, store_user_data=True).to_disk(path)
    return parsed


def _statements(x) -> list[Statement]:  # type: ignore[no-untyped-def]
    labels = {a.key: a.label for a in x.actors}
    out = []
    for i, st in enumerate(x.statements):
        ev = st.evidence
        out.append(
            Statement(
                iri=str(i),
                start=min(ev.start, ev.sentence_start),
                end=max(ev.end, ev.sentence_end),
                span=(ev.start, ev.end),
                verb=st.cue,
                quote=st.quote,
                names=(labels.get(st.speaker, st.speaker),),
            )
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newskg-polnear-cache"))
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--misses", help="print the missed attributions of this cue lemma")
    ap.add_argument("--fp", action="store_true", help="print the unmatched statements")
    args = ap.parse_args()
    corpus = load_corpus(args.corpus, labels=load_labels(None))
    nlp = load_pipeline()
    g = gaz.bundled()
    found: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    why_missed: Counter[str] = Counter()
    word_found: Counter[str] = Counter()
    word_missed: Counter[str] = Counter()
    why_lemma: Counter[tuple[str, str]] = Counter()
    scores = []
    for d, doc in zip(corpus, _docs(nlp, corpus, args.cache), strict=True):
        info = DocumentInfo(d.id, d.text, sha256(d.text), d.title, d.date)
        OUTCOME.clear()
        x = extract_document(doc, info, g)
        parse = read_parse(d.corenlp_path)
        score = score_document(d, parse, _statements(x))
        scores.append(score)
        for j in score.judged:
            if j.cue_class != "speech":
                continue
            lemma = " ".join(
                t.lemma_.lower()
                for t in doc.char_span(*_cue_span(d, j.gold), alignment_mode="expand") or []
            )
            (found if j.statement else missed)[lemma] += 1
            for w in set(lemma.split()) - {"be", "have", "do", "not", "also", "to"}:
                (word_found if j.statement else word_missed)[w] += 1
            if not j.statement:
                s0, e0 = _cue_span(d, j.gold)
                toks = [t for t in doc if s0 <= t.idx < e0]
                whys = [OUTCOME[t.i] for t in toks if t.i in OUTCOME] or ["no cue"]
                why_missed[whys[0].split(":")[0]] += 1
                why_lemma[(whys[0].split(":")[0], lemma)] += 1
            if args.misses and not j.statement and lemma == args.misses:
                s0, e0 = _cue_span(d, j.gold)
                sent = doc.char_span(s0, e0, alignment_mode="expand")[0].sent
                toks = [t for t in doc if s0 <= t.idx < e0]
                whys = [OUTCOME[t.i] for t in toks if t.i in OUTCOME] or ["no cue"]
                print(f"{whys[0]}\t{d.id}\t{j.source}\t{' '.join(sent.text.split())[:300]}")
        for p in score.statements:
            if not score.hits[p.iri]:
                fp[p.verb or "-"] += 1
                if args.fp:
                    said = " ".join(d.text[p.span[0] : p.span[1]].split())
                    print(f"FP {d.id}\t{p.verb}\t{said[:200]}")
    o = summarize(scores)
    print("speech", o["speech"], "statements", o["statements"])
    print(f"{'cue lemma':<28}{'found':>7}{'missed':>8}")
    for lemma, _n in (found + missed).most_common(args.top):
        print(f"{lemma:<28}{found[lemma]:>7}{missed[lemma]:>8}")
    print("cue words (any form of the cue holding the word): word found missed")
    for w, _n in (word_found + word_missed).most_common(args.top):
        print(f"  W {w:<26}{word_found[w]:>7}{word_missed[w]:>8}")
    print("unmatched statements by cue:", fp.most_common(80))
    print("why missed:", why_missed.most_common())
    for (why, lemma), n in why_lemma.most_common(args.top):
        print(f"  {why:<12}{lemma:<28}{n:>5}")


def _cue_span(d, gid: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    a = next(a for a in d.attributions if a.id == gid)
    return a.cue[0][0], a.cue[-1][1]


if __name__ == "__main__":
    main()
