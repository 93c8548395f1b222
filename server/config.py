"""Server settings, declared as data in one place (each with a default and help text)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields

from graph.iris import DEFAULT_BASE

MIN_QUERY_MEMORY = 256 << 20
"""The smallest per-query memory limit: a worker holds about 100 MB before any query."""
LONG_LANE_PER_WORKER = 3
"""Extra workers the pool may start, per ready worker, in place of ones running long queries."""


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class ServerConfig:
    """Everything ``create_app`` needs to know; immutable once the app is built."""

    store_path: str | None = _setting(  # type: ignore[assignment]
        None, "Directory of the on-disk Oxigraph store; None for an in-memory store (tests)."
    )
    base_iri: str = _setting(  # type: ignore[assignment]
        DEFAULT_BASE, "IRI base of minted resources; /resource/<rest> dereferences base_iri+rest."
    )
    query_timeout_s: float = _setting(  # type: ignore[assignment]
        30.0,
        "Hard time limit of one SPARQL query (on-disk stores: the worker is killed; "
        "in-memory stores: checked between result rows only).",
    )
    max_rows: int = _setting(  # type: ignore[assignment]
        10000,
        "Most result rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned; announced in "
        "X-Result-Truncated and, for SPARQL JSON, in the body.",
    )
    max_request_bytes: int = _setting(  # type: ignore[assignment]
        1_000_000, "Largest accepted request body; larger bodies get 413."
    )
    update_token: str | None = _setting(  # type: ignore[assignment]
        None, "Bearer token for /update and GSP writes; None closes all writes (403)."
    )
    cors_origins: str = _setting(  # type: ignore[assignment]
        "*", "Access-Control-Allow-Origin for read endpoints; empty string disables CORS."
    )
    allow_private_service: bool = _setting(  # type: ignore[assignment]
        False,
        "Let SERVICE reach loopback, private and link-local addresses (and SERVICE "
        "?variable); off so that federation is no proxy into the host's network.",
    )
    allow_load: bool = _setting(  # type: ignore[assignment]
        False, "Let SPARQL Update LOAD fetch URLs (writes still need the update token)."
    )
    workers: int = _setting(  # type: ignore[assignment]
        4,
        "Ready query worker processes for an on-disk store (queries that run long move to up "
        "to 3 extra ones each); 0 runs queries in the request thread.",
    )
    max_query_memory: int | None = _setting(  # type: ignore[assignment]
        None,
        "Most memory (bytes) one query's worker may hold; a query past it is stopped with 503 "
        "and its worker replaced. None: half of physical memory shared over the most workers "
        "that can run at once (workers plus the long lane), e.g. 750 MB of 24 GB with 4 workers.",
    )
    model: str | None = _setting(  # type: ignore[assignment]
        None,
        "spaCy pipeline /ask reads questions with (an installed package name or a path), "
        "loaded on the first question; None: the extractors' default model.",
    )
    debug: bool = _setting(False, "Flask debug mode (and the Flask development server).")  # type: ignore[assignment]
    page_rows: int = _setting(  # type: ignore[assignment]
        20, "Rows per section of a resource page (each section pages on by itself)."
    )

    def __post_init__(self) -> None:
        if self.query_timeout_s <= 0:
            raise ValueError("query_timeout_s must be positive")
        if self.max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        if self.page_rows < 1:
            raise ValueError("page_rows must be at least 1")
        if self.max_request_bytes < 1:
            raise ValueError("max_request_bytes must be at least 1")
        if self.workers < 0:
            raise ValueError("workers must be >= 0")
        if self.max_query_memory is not None and self.max_query_memory < MIN_QUERY_MEMORY:
            raise ValueError(
                f"max_query_memory must be at least {format_size(MIN_QUERY_MEMORY)} "
                f"(a query worker holds about 100 MB before any query), "
                f"not {format_size(self.max_query_memory)}"
            )
        if self.model is not None and not self.model.strip():
            raise ValueError("model must not be empty (use None for the default model)")
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
    return {f.name: f.metadata["help"] for f in fields(ServerConfig)}


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
