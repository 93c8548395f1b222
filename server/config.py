"""Settings, declared as data in one place: each with a default, a help text and, when it can
be set from the environment, its name there (``NEWSKG_`` + the name in capitals).

This module is the declaration every layer above reads: :class:`ServerConfig` holds what the
server needs, and ``newskg.settings`` declares the command line's own settings with the same
:func:`_setting` and reads both with :func:`from_env` (the server may not import newskg, so the
mechanism lives here).
"""

from __future__ import annotations

import os
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from extract import DEFAULT_MODEL
from graph.iris import DEFAULT_BASE

ENV_PREFIX = "NEWSKG_"

MIN_QUERY_MEMORY = 256 << 20
"""The smallest per-query memory limit: a worker holds about 100 MB before any query."""
LONG_LANE_PER_WORKER = 3
"""Extra workers the pool may start, per ready worker, in place of ones running long queries."""


class ByteSize(int):
    """A number of bytes; in the environment and on the command line also ``800M``, ``1.5G``."""


def _setting(default: Any, help: str, *, env: str | None = None) -> Any:
    """A declared setting; ``env`` names it in the environment and the docs (None: not read
    from the environment, only given by the command line or in code)."""
    return field(default=default, metadata={"help": help, "env": env})


def env_var(name: str) -> str:
    """The environment variable of a setting: ``NEWSKG_`` + its name in capitals."""
    return ENV_PREFIX + name.upper()


@dataclass(frozen=True, slots=True)
class Declared:
    """One declared setting: its field, its name in the environment and docs, default, help."""

    field: str
    name: str | None
    default: Any
    help: str
    kind: Any


def declared(cls: type) -> list[Declared]:
    """The settings ``cls`` declares with :func:`_setting`, in declaration order."""
    hints = typing.get_type_hints(cls)
    return [
        Declared(f.name, f.metadata.get("env"), f.default, f.metadata["help"], hints[f.name])
        for f in fields(cls)
        if "help" in f.metadata
    ]


def _parse(kind: Any, raw: str) -> Any:
    """An environment value as the setting's type (``int | None`` reads as int)."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        kind = next(k for k in typing.get_args(kind) if k is not type(None))
    if kind is ByteSize:
        return parse_size(raw)
    if kind is bool:
        if raw.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if raw.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"not a yes/no value: {raw!r}")
    return kind(raw)


T = TypeVar("T")


def from_env(cls: type[T], environ: Mapping[str, str] | None = None, **overrides: Any) -> T:
    """``cls`` built from its defaults, then ``NEWSKG_*`` variables, then explicit ``overrides``
    (those not None). A variable that does not parse is a ValueError naming it."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for d in declared(cls):
        var = env_var(d.name) if d.name else None
        if var and var in environ:
            try:
                values[d.field] = _parse(d.kind, environ[var])
            except ValueError as exc:
                raise ValueError(f"{var}: {exc}") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**values)


@dataclass(frozen=True)
class ServerConfig:
    """Everything ``create_app`` needs to know; immutable once the app is built."""

    store_path: str | None = _setting(
        None, "Directory of the on-disk Oxigraph store; None for an in-memory store (tests)."
    )
    base_iri: str = _setting(
        DEFAULT_BASE,
        "IRI base of every resource newskg mints (documents, entities, statements); "
        "/resource/<rest> dereferences base_iri+rest.",
        env="base_iri",
    )
    query_timeout_s: float = _setting(
        30.0,
        "Seconds a SPARQL query may run before it is stopped (503; on-disk stores: the worker "
        "is killed; in-memory stores: checked between result rows only).",
        env="query_timeout",
    )
    max_rows: int = _setting(
        10000,
        "Most result rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned; announced in "
        "X-Result-Truncated and, for SPARQL JSON, in the body.",
        env="max_rows",
    )
    max_request_bytes: int = _setting(
        1_000_000, "Largest accepted request body; larger bodies get 413."
    )
    update_token: str | None = _setting(
        None,
        "Bearer token that opens SPARQL Update and Graph Store writes; unset closes them (403).",
        env="update_token",
    )
    cors_origins: str = _setting(
        "*", "Access-Control-Allow-Origin for read endpoints; empty string disables CORS."
    )
    allow_private_service: bool = _setting(
        False,
        "Let SERVICE reach loopback, private and link-local addresses (and SERVICE "
        "?variable); off so that federation is no proxy into the host's network.",
    )
    allow_load: bool = _setting(
        False, "Let SPARQL Update LOAD fetch URLs (writes still need the update token)."
    )
    workers: int = _setting(
        4,
        "Ready query worker processes for an on-disk store (queries that run long move to up "
        "to 3 extra ones each); 0 runs queries in the request thread.",
    )
    max_query_memory: ByteSize | None = _setting(
        None,
        "Most memory (bytes, or e.g. 800M, 1.5G) one query's worker may hold; a query past it "
        "is stopped with 503 and its worker replaced. None: half of physical memory shared over "
        "the most workers that can run at once (workers plus the long lane), e.g. 750 MB of 24 GB "
        "with 4 workers.",
        env="max_query_memory",
    )
    model: str = _setting(
        DEFAULT_MODEL,
        "spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_md; "
        "ingest extracts with it, /ask reads questions with it (loaded on the first question).",
        env="model",
    )
    debug: bool = _setting(False, "Flask debug mode (and the Flask development server).")
    page_rows: int = _setting(
        20, "Rows per section of a resource page (each section pages on by itself)."
    )

    def __post_init__(self) -> None:
        if self.query_timeout_s <= 0:
            raise ValueError("query_timeout_s must be positive")
        if self.max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        if self.max_request_bytes < 1:
            raise ValueError("max_request_bytes must be at least 1")
        if self.workers < 0:
            raise ValueError("workers must be >= 0")
        if self.page_rows < 1:
            raise ValueError("page_rows must be at least 1")
        if self.max_query_memory is not None and self.max_query_memory < MIN_QUERY_MEMORY:
            raise ValueError(
                f"max_query_memory must be at least {format_size(MIN_QUERY_MEMORY)} "
                f"(a query worker holds about 100 MB before any query), "
                f"not {format_size(self.max_query_memory)}"
            )
        if not self.model.strip():
            raise ValueError("model must not be empty")
        if self.update_token is not None and not self.update_token.strip():
            raise ValueError("update_token must not be empty (use None to close writes)")

    @property
    def long_lane(self) -> int:
        """Most extra workers started in place of ones running long queries."""
        return LONG_LANE_PER_WORKER * self.workers

    @property
    def query_memory_limit(self) -> int:
        """``max_query_memory``, or its default from the machine's physical memory."""
        if self.max_query_memory is not None:
            return self.max_query_memory
        most_workers = max(1, self.workers + self.long_lane)
        return max(MIN_QUERY_MEMORY, physical_memory() // (2 * most_workers))

    def __repr__(self) -> str:  # never show the token
        def shown_value(name: str) -> str:
            return (
                "'***'"
                if name == "update_token" and self.update_token
                else repr(getattr(self, name))
            )

        shown = ", ".join(f"{f.name}={shown_value(f.name)}" for f in fields(self))
        return f"ServerConfig({shown})"


def setting_help() -> dict[str, str]:
    """Help text of every setting, by name (for the CLI and the docs)."""
    return {d.field: d.help for d in declared(ServerConfig)}


def physical_memory() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from ``"1073741824"``, ``"800M"``, ``"1.5G"``, ``"2GiB"`` (powers of 1024).

    Raises:
        ValueError: not a size.

    >>> parse_size("1.5G")
    1610612736
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size; write bytes or e.g. 800M, 1.5G")
    number, unit = match.groups()
    return int(float(number) * 1024 ** " kmgt".index(unit.lower() or " "))


def format_size(n: int) -> str:
    """``n`` bytes for people: ``'768 MiB'``, ``'1.5 GiB'``."""
    if n >= 1 << 30:
        return f"{n / (1 << 30):.3g} GiB"
    return f"{n / (1 << 20):.0f} MiB"
