"""Ordered registries of small named rules.

An extractor keeps each decision it makes (who acts, what a word needs, which status) as a
:class:`Registry`: rules are plain functions registered under a name, in the order they are
tried, each with a docstring saying which construction it reads and an example sentence::

    ACTOR: Registry[ActorRule] = Registry("policy actor")

    @ACTOR.register("possessor")
    def possessor(site: Site) -> str | None:
        \"""The possessor of the measure: "Peru's quota on sugar" -> Peru.\"""

The registry refuses a rule without a docstring and a name used twice, and looking up a name
it does not hold is a :class:`KeyError` naming the registry: a rule is never silently missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from typing import Generic, TypeVar

R = TypeVar("R", bound=Callable[..., object])


class Outcome(Enum):
    """What a rule returns besides a value: ``None`` alone means "not mine, try the next rule"."""

    NONE = "none"
    """Decided: there is no value, and later rules must not find one."""
    SKIP = "skip"
    """(Rules run over a sequence, such as a chain of verbs) this item gives nothing: go on."""


class Registry(Generic[R]):
    """Named rules of one kind, kept in the order they were registered."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._rules: dict[str, R] = {}

    def register(self, name: str) -> Callable[[R], R]:
        def add(rule: R) -> R:
            if name in self._rules:
                raise ValueError(f"{self.what}: a rule named {name!r} is already registered")
            if not (rule.__doc__ or "").strip():
                raise ValueError(f"{self.what} rule {name!r} needs a docstring with an example")
            self._rules[name] = rule
            return rule

        return add

    def __getitem__(self, name: str) -> R:
        try:
            return self._rules[name]
        except KeyError:
            raise KeyError(f"{self.what}: no rule named {name!r}") from None

    def __iter__(self) -> Iterator[R]:
        return iter(tuple(self._rules.values()))

    def __len__(self) -> int:
        return len(self._rules)

    def names(self) -> tuple[str, ...]:
        return tuple(self._rules)

    def items(self) -> tuple[tuple[str, R], ...]:
        return tuple(self._rules.items())


__all__ = ["Outcome", "Registry"]
