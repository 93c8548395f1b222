"""``newskg ask``: a question in plain English -> the SPARQL that answers it, run on the store.

The composition of the layers for questions: spaCy reads the question
(:func:`extract.questions.parse_question`), the graph layer resolves its names and runs the
query of its pattern (:func:`graph.questions.answer`). The answer always carries its SPARQL.
"""

from __future__ import annotations

import json
from typing import Any

from spacy.language import Language

from extract.gazetteer import Gazetteer
from extract.questions import parse_question
from graph.questions import Answer, answer
from graph.store import KnowledgeStore

_COLUMN_WIDTH = 100


def ask(
    store: KnowledgeStore, nlp: Language, text: str, gazetteer: Gazetteer | None = None
) -> Answer:
    """Answer one question.

    Raises:
        extract.questions.QuestionError: empty or overlong input.
    """
    return answer(store, parse_question(nlp, text, gazetteer))


def to_json(result: Answer) -> str:
    return json.dumps(result.as_json(), ensure_ascii=False, indent=1)


def to_text(result: Answer) -> str:
    """The answer for a terminal: what was understood, the SPARQL, then the rows."""
    data = result.as_json()
    lines = [f"question: {result.question}"]
    understood = data["understood"]
    if understood.get("pattern"):
        lines.append(
            f"understood as a question like {understood['pattern']!r} "
            f"({understood['intent']}: {understood['rule']})"
        )
    for name in understood["names"]:
        found = ", ".join(f"{m['label']} ({m['how']})" for m in name["matches"])
        found = found or "not in the graph"
        lines.append(f"  {name['role']}: {name['text']!r} -> {found}")
    if "dates" in understood:
        d = understood["dates"]
        lines.append(f"  dates: {d['text']!r} -> {d['from'] or '…'} to {d['to'] or '…'}")
    for note in understood.get("notes", ()):
        lines.append(f"  note: {note}")
    if result.message:
        lines.append(result.message)
    for text, matches in data.get("candidates", {}).items():
        lines.append(f"candidates for {text!r}:")
        lines += [f"  {m['label']}  <{m['iri']}>" for m in matches]
    if result.nearest:
        lines.append("nearest supported questions:")
        lines += [f"  {p.example}" for p in result.nearest]
    lines += ["", "SPARQL:", result.sparql.rstrip(), ""]
    if result.status == "answered":
        lines += _table(list(result.results))
    return "\n".join(lines)


def _table(rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return ["(no results)"]
    names = list(rows[0])
    cells = [[" ".join(str(r[n]).split()) if r[n] is not None else "" for n in names] for r in rows]
    widths = [
        min(_COLUMN_WIDTH, max([len(n), *(len(c[i]) for c in cells)])) for i, n in enumerate(names)
    ]
    out = [
        "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    out += ["  ".join(c[:w].ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return out
