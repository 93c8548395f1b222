"""Every setting newskg reads, declared once: name, default, environment variable and help.

The server's settings are declared in :class:`server.config.ServerConfig` (the server may not
import newskg); this module declares the command line's own (store, ingest limits, linking,
where to listen) with the same :func:`server.config._setting`, and :class:`Settings` holds both.
The CLI takes its options' defaults and help from these declarations; a test checks that each
setting with an environment variable is documented in the README.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from server.config import Declared, ServerConfig, _setting, declared, env_var, from_env

__all__ = ["Settings", "declaration", "documented", "env_var"]


@dataclass(frozen=True, slots=True)
class Settings:
    store: str = _setting("./newskg-store", "Directory of the on-disk Oxigraph store.", env="store")
    # 32 rather than 64: the same speed within noise on news articles, and a peak of 500 MB
    # per process instead of 800 MB, which keeps two workers under 1.5 GB (docs/benchmarks.md).
    batch_size: int = _setting(
        32,
        "Documents per spaCy nlp.pipe batch (and per worker task and write transaction).",
        env="batch_size",
    )
    max_chars: int = _setting(
        1_000_000,
        "Largest document (in characters) ingest accepts; longer ones are skipped.",
        env="max_chars",
    )
    workers: int = _setting(
        0, "Extraction processes for ingest; 0 means one per CPU core.", env="workers"
    )
    max_seconds: float = _setting(
        60.0,
        "Longest the extractors may spend on one document; slower ones are skipped.",
        env="max_seconds",
    )
    cache_dir: str = _setting(
        ".newskg-cache",
        "Directory of on-disk caches (online Wikidata answers in wikidata/).",
        env="cache_dir",
    )
    wikidata_api: str = _setting(
        "https://www.wikidata.org/w/api.php",
        "MediaWiki API that --online-linking asks (wbsearchentities, wbgetentities).",
        env="wikidata_api",
    )
    wikidata_user_agent: str | None = _setting(
        None,
        "User-Agent for --online-linking requests; name your project and a contact, as "
        "Wikidata's policy asks (unset: newskg's own).",
        env="wikidata_user_agent",
    )
    gazetteer: str | None = _setting(
        None,
        "Knowledge-base TSV for offline linking (--gazetteer): a full build replaces the bundled "
        "core, another file extends it.",
        env="gazetteer",
    )
    host: str = _setting("127.0.0.1", "Address the server listens on.", env="host")
    port: int = _setting(5000, "Port the server listens on.", env="port")
    server: ServerConfig = field(default_factory=ServerConfig)
    """The server's settings (model, base IRI, query limits, update token: ServerConfig)."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``NEWSKG_*`` variables, then explicit ``overrides`` (not None); an
        override may name a field of either class (``batch_size=8``, ``query_timeout_s=5``)."""
        mine = {f.name for f in fields(cls)}  # a name of both (workers) is the CLI's own
        own = {k: v for k, v in overrides.items() if k in mine}
        rest = {k: v for k, v in overrides.items() if k not in mine}
        return from_env(cls, environ, server=from_env(ServerConfig, environ, **rest), **own)


def _all() -> list[Declared]:
    return declared(Settings) + declared(ServerConfig)


def declaration(name: str) -> Declared:
    """The setting called ``name`` in the environment and docs (``query_timeout``)."""
    return next(d for d in _all() if d.name == name)


def documented() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting read from the environment, for help and docs."""
    return [(d.name, d.default, d.help) for d in _all() if d.name]
