"""The headline figures of the two evaluations and their comparison with the recorded floor
(``tests/data/score_floor.json``), for ``tests/test_score_floor.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests_support import ROOT

FLOOR_FILE = ROOT / "tests" / "data" / "score_floor.json"
EPSILON = 1e-9  # figures are compared as recorded; this only absorbs float noise


def _get(report: dict[str, Any], path: str) -> float | None:
    value: Any = report
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def dev_figures(report: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """``newskg eval`` (gold JSON) headline figures: ``at_least`` ones must not drop,
    ``at_most`` ones (counts and rates of errors) must not rise."""
    o = report["overall"]
    names = [
        "statements.precision",
        "statements.recall",
        "statements.f1",
        "statements.speaker.accuracy",
        "statements.about.recall",
        "questions.answered",
        "linking.accuracy",
    ]
    for section in ("summits", "policies"):
        names += [f"{section}.precision", f"{section}.recall", f"{section}.f1"]
        names += [f"{section}.attributes.{a}.accuracy" for a in o[section]["attributes"]]
    at_most = [
        "statements.negation_violations.count",
        "not_entities.count",
        "linking.wrong_link_rate",
    ]
    return {
        "at_least": {n: _get(o, n) for n in names},
        "at_most": {n: _get(o, n) for n in at_most},
    }


def polnear_figures(report: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """``newskg eval --format brat`` headline figures (all must not drop)."""
    names = ["speech.precision", "speech.recall", "speech.f1", "all_cues.recall"]
    names += [f"speaker.{k}.accuracy" for k in ("speech", "all", "named", "descriptive", "pronoun")]
    names += ["content.quote_f1", "content.span_f1"]
    return {"at_least": {n: _get(report["overall"], n) for n in names}}


def load_floor(path: Path = FLOOR_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _worse(direction: str, floor: float, measured: float | None) -> bool:
    if measured is None:
        return True
    if direction == "at_least":
        return measured < floor - EPSILON
    return measured > floor + EPSILON


def drops(floor: dict[str, Any], measured: dict[str, dict[str, float | None]]) -> list[str]:
    """One line per recorded figure that got worse (or is no longer reported)."""
    out = []
    for direction, figures in floor.items():
        for name, value in figures.items():
            got = measured.get(direction, {}).get(name)
            if _worse(direction, value, got):
                bound = "floor" if direction == "at_least" else "ceiling"
                out.append(f"{name}: {bound} {value}, measured {got}")
    return out


def raised(
    floor: dict[str, Any], measured: dict[str, dict[str, float | None]]
) -> dict[str, dict[str, float]]:
    """The floor with every figure that got better moved to its measured value (and new
    figures added); a figure that got worse keeps its recorded value: lowering a floor is a
    decision taken by hand in the file, never by a run."""
    out: dict[str, dict[str, float]] = {}
    for direction, figures in measured.items():
        old = floor.get(direction, {})
        out[direction] = {}
        for name, got in figures.items():
            if got is None:
                continue
            if name in old and _worse(direction, old[name], got):
                out[direction][name] = old[name]
            else:
                out[direction][name] = got
    return out
