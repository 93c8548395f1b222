"""Registries: ordered lists of named rules that an extractor runs in order.

A rule is registered under a name, in the order its module defines it (or ``before`` a named
rule); names are unique, so a second rule of one name is an error rather than a silent
replacement. The statements extractor keeps three: reporting constructions
(:data:`extract.speech.cues.CONSTRUCTIONS`), guards that stop a cue from being speech
(:data:`extract.speech.guards.GUARDS`) and speaker resolvers
(:data:`extract.speech.speakers.SPEAKERS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Named rules of one kind, in order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._rules: dict[str, T] = {}

    def add(self, name: str, rule: T, *, before: str | None = None) -> T:
        """Register ``rule`` as ``name``, last or just before the rule named ``before``."""
        if name in self._rules:
            raise ValueError(f"a {self.kind} rule named {name!r} is already registered")
        if before is None:
            self._rules[name] = rule
            return rule
        if before not in self._rules:
            raise ValueError(f"no {self.kind} rule named {before!r} to insert {name!r} before")
        items = list(self._rules.items())
        at = [n for n, _ in items].index(before)
        self._rules = dict([*items[:at], (name, rule), *items[at:]])
        return rule

    def register(self, name: str, *, before: str | None = None) -> Callable[[T], T]:
        """Decorator form of :meth:`add`."""

        def deco(rule: T) -> T:
            return self.add(name, rule, before=before)

        return deco

    def names(self) -> list[str]:
        return list(self._rules)

    def __getitem__(self, name: str) -> T:
        return self._rules[name]

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._rules.values()))

    def __len__(self) -> int:
        return len(self._rules)


__all__ = ["Registry"]
