"""Named rules and the ordered registries that run them.

A rule is a plain function with a one-line docstring saying which construction it reads, with an
example sentence; a registry is a tuple of :class:`Rule` in the order the rules run. The order
is part of the behaviour (a participant found first is listed first), so a new rule goes where
its construction should win or lose against the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule(Generic[F]):
    """One construction: ``read`` is the function, ``name`` how logs, tests and docs call it."""

    name: str
    read: F

    @property
    def summary(self) -> str:
        """The first paragraph of the rule's docstring: the construction and an example."""
        first = (self.read.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(line.strip() for line in first.splitlines())


def registry(*rules: tuple[str, F]) -> tuple[Rule[F], ...]:
    """An ordered registry from ``(name, function)`` pairs; names must be unique."""
    names = [name for name, _ in rules]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate rule names in {names}")
    return tuple(Rule(name, read) for name, read in rules)


def by_name(rules: tuple[Rule[F], ...], name: str) -> Rule[F]:
    """The rule called ``name`` (a KeyError names the registry's rules when there is none)."""
    for rule in rules:
        if rule.name == name:
            return rule
    raise KeyError(f"no rule {name!r}; the registry has {[r.name for r in rules]}")
