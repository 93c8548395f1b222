"""Optional online reconciliation with Wikidata, for mentions the offline gazetteer does not know.

Off by default (``newskg ingest --online-linking`` turns it on). :class:`OnlineLinker` asks the
Wikidata API — ``wbsearchentities`` for candidates, then ``wbgetentities`` for their
"instance of" (P31) claims — and accepts a candidate only when its English label or alias is the
mention and its class fits the actor's kind (a person mention links only to a human, a country
mention only to a state). Answers, including "nothing found", are cached on disk, one JSON file
per (kind, name), so the same mention is never asked twice, across runs. Requests carry a
descriptive User-Agent (Wikidata's policy), time out, and are retried with exponential backoff on
network errors, HTTP 429 and 5xx. When Wikidata cannot be reached the linker logs one warning and
answers ``None`` from then on: ingest goes on without online links.

Only the standard library is used (no HTTP client dependency).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NamedTuple

from extract.normalise import name_key
from extract.records import Actor, ActorKind, Extraction
from graph.wikidata_classes import classes_by_kind

log = logging.getLogger(__name__)

WIKIDATA_API = "https://www.wikidata.org/w/api.php"

try:
    _VERSION = version("newskg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    _VERSION = "0"

DEFAULT_USER_AGENT = (
    f"newskg/{_VERSION} (news knowledge-graph builder; entity reconciliation; "
    f"https://github.com/newskg/newskg) Python-urllib"
)
"""Wikidata asks for a User-Agent naming the tool and a way to contact its operator; deployments
should pass their own with a contact address (``user_agent=``)."""

KIND_CLASSES: dict[str, frozenset[str]] = classes_by_kind()
"""Wikidata classes (P31 values) accepted for each kind of mention, from the sourced table in
``graph/data/wikidata_classes.tsv``; a candidate of none of them is not linked. Extend through
``OnlineLinker(kinds=...)``."""

_KIND_ALIASES = {
    "person": "person",
    "country": "country",
    "city": "city",
    "place": "place",
    "gpe": "place",
    "loc": "place",
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "governmentbody": "organization",
    "internationalorganization": "organization",
    "newsorganization": "organization",
}

CONFIDENCE_LABEL = 0.8
"""The mention is the candidate's English label and its class fits."""
CONFIDENCE_ALIAS = 0.7
"""The mention is one of its English aliases and its class fits."""


class OnlineMatch(NamedTuple):
    """``(qid, label, description, confidence)``; a tuple with named fields."""

    qid: str
    label: str
    description: str | None
    confidence: float


class OnlineLinker:
    """Reconcile a mention with Wikidata: ``search(label, kind) -> OnlineMatch | None``.

    Args:
        endpoint: the MediaWiki API URL (``https://www.wikidata.org/w/api.php``; tests pass a
            local server's).
        cache_dir: directory of the on-disk cache (created if missing).
        timeout: seconds per HTTP request.
        retries: further attempts after a failed request (network error, timeout, 429, 5xx).
        user_agent: the User-Agent header; name the tool and a contact.
        backoff: first retry delay in seconds, doubled each time (a ``Retry-After`` header of
            at most 30 s is honoured instead).
        language: language of labels, aliases and descriptions.
        limit: candidates asked of ``wbsearchentities``.
    """

    def __init__(
        self,
        endpoint: str = WIKIDATA_API,
        cache_dir: str | os.PathLike[str] = ".newskg-cache/wikidata",
        timeout: float = 10.0,
        retries: int = 3,
        user_agent: str = DEFAULT_USER_AGENT,
        *,
        backoff: float = 1.0,
        language: str = "en",
        limit: int = 7,
        kinds: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.cache_dir = Path(cache_dir)
        self.timeout = timeout
        self.retries = max(0, retries)
        self.user_agent = user_agent
        self.backoff = backoff
        self.language = language
        self.limit = limit
        self.kinds = kinds or KIND_CLASSES
        self.offline = False
        self.requests = 0
        """HTTP requests made (attempts included), for logs and tests."""

    # -- public ------------------------------------------------------------------------

    def search(self, label: str, kind: str) -> OnlineMatch | None:
        """The Wikidata item ``label`` names, if one fits ``kind`` unambiguously.

        ``kind`` is ``person``, ``country``, ``city``, ``place`` or ``organization`` (an
        ``ActorKind`` value such as ``GovernmentBody`` is accepted too). Returns ``None`` when
        nothing fits, when two items fit equally, and when Wikidata cannot be reached.
        """
        group = _KIND_ALIASES.get(re.sub(r"[^a-z]", "", kind.lower()))
        name = label.strip()
        if group is None or not name:
            return None
        path = self._cache_path(group, name)
        cached = self._read_cache(path)
        if cached is not None:
            found = cached.get("match")
            return OnlineMatch(**found) if found else None
        if self.offline:
            return None
        try:
            match = self._reconcile(name, group)
        except _Unreachable as exc:
            self.offline = True
            log.warning(
                "Wikidata is unreachable (%s); online linking is off for the rest of this run "
                "and mentions stay linked only through the offline gazetteer",
                exc,
            )
            return None
        self._write_cache(
            path,
            {
                "query": {"label": name, "kind": group, "language": self.language},
                "match": None
                if match is None
                else {
                    "qid": match.qid,
                    "label": match.label,
                    "description": match.description,
                    "confidence": match.confidence,
                },
            },
        )
        return match

    # -- reconciliation -----------------------------------------------------------------

    def _reconcile(self, name: str, group: str) -> OnlineMatch | None:
        found = self._get(
            {
                "action": "wbsearchentities",
                "search": name,
                "language": self.language,
                "uselang": self.language,
                "type": "item",
                "limit": str(self.limit),
                "format": "json",
            }
        ).get("search", [])
        wanted = name_key(name)
        exact = [
            c
            for c in found
            if name_key(c.get("label", "")) == wanted
            or name_key(c.get("match", {}).get("text", "")) == wanted
        ]
        if not exact:
            return None
        ids = [c["id"] for c in exact if re.fullmatch(r"Q\d+", c.get("id", ""))]
        if not ids:
            return None
        entities = self._get(
            {
                "action": "wbgetentities",
                "ids": "|".join(ids),
                "props": "labels|aliases|descriptions|claims",
                "languages": self.language,
                "format": "json",
            }
        ).get("entities", {})
        classes = self.kinds.get(group, frozenset())
        fitting: list[OnlineMatch] = []
        for qid in ids:
            entity = entities.get(qid) or {}
            if not classes & _instance_of(entity):
                continue
            en_label = _value(entity.get("labels", {}).get(self.language))
            aliases = [_value(a) for a in entity.get("aliases", {}).get(self.language, [])]
            if en_label is not None and name_key(en_label) == wanted:
                confidence = CONFIDENCE_LABEL
            elif any(a is not None and name_key(a) == wanted for a in aliases):
                confidence = CONFIDENCE_ALIAS
            else:
                continue
            fitting.append(
                OnlineMatch(
                    qid=qid,
                    label=en_label or name,
                    description=_value(entity.get("descriptions", {}).get(self.language)),
                    confidence=confidence,
                )
            )
        if not fitting:
            return None
        best = max(f.confidence for f in fitting)
        top = [f for f in fitting if f.confidence == best]
        return top[0] if len(top) == 1 else None

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        url = f"{self.endpoint}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "application/json",
            },
        )
        delay = self.backoff
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(delay)
                delay *= 2
            self.requests += 1
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    payload = json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                last = exc
                exc.close()
                if exc.code == 429 or exc.code >= 500:
                    delay = _retry_after(exc, delay)
                    continue
                raise _Unreachable(f"HTTP {exc.code} from {self.endpoint}") from exc
            except (
                urllib.error.URLError,
                TimeoutError,
                ConnectionError,
                json.JSONDecodeError,
            ) as exc:
                last = exc
                continue
            if isinstance(payload, dict) and "error" in payload:
                raise _Unreachable(f"API error {payload['error'].get('code', '?')}")
            return payload if isinstance(payload, dict) else {}
        raise _Unreachable(f"{self.retries + 1} attempts failed, last: {last}")

    # -- cache ----------------------------------------------------------------------------

    def _cache_path(self, group: str, name: str) -> Path:
        key = f"{self.language}\t{group}\t{name_key(name)}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    @staticmethod
    def _read_cache(path: Path) -> dict[str, Any] | None:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    @staticmethod
    def _write_cache(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, path)


class _Unreachable(Exception):
    """Wikidata did not answer usefully after every retry."""


def _retry_after(exc: urllib.error.HTTPError, default: float) -> float:
    value = exc.headers.get("Retry-After") if exc.headers else None
    if value and value.isdigit() and int(value) <= 30:
        return float(value)
    return default


def _value(obj: Any) -> str | None:
    return obj.get("value") if isinstance(obj, dict) else None


def _instance_of(entity: dict[str, Any]) -> set[str]:
    out = set()
    for claim in entity.get("claims", {}).get("P31", []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {})
        if isinstance(value, dict) and "id" in value:
            out.add(value["id"])
    return out


# Anonymous sources are per-document stand-ins, never real-world items.
_NOT_LINKABLE = frozenset({ActorKind.ANONYMOUS})


def link_extraction(extraction: Extraction, linker: OnlineLinker) -> Extraction:
    """The extraction with each actor the offline gazetteer left unlinked asked of Wikidata.

    Actors already carrying a QID keep it: the sourced gazetteer outranks a search answer.
    """
    actors = tuple(_linked(actor, linker) for actor in extraction.actors)
    return replace(extraction, actors=actors) if actors != extraction.actors else extraction


def _linked(actor: Actor, linker: OnlineLinker) -> Actor:
    if actor.qid or actor.kind in _NOT_LINKABLE:
        return actor
    match = linker.search(actor.label, actor.kind.value)
    if match is None:
        return actor
    return replace(
        actor,
        qid=match.qid,
        description=actor.description or match.description,
        link_confidence=match.confidence,
    )


class OnlineLinkHook:
    """What ``newskg ingest --online-linking`` applies to each extraction before it is stored.

    A callable ``Extraction -> Extraction``; ``linker`` stays reachable for the run's summary
    (requests made, whether Wikidata was reachable).
    """

    def __init__(self, linker: OnlineLinker) -> None:
        self.linker = linker

    def __call__(self, extraction: Extraction) -> Extraction:
        return link_extraction(extraction, self.linker)


def online_link_hook(
    *,
    cache_dir: str | os.PathLike[str],
    endpoint: str | None = None,
    timeout: float = 10.0,
    user_agent: str | None = None,
) -> Callable[[Extraction], Extraction]:
    """An :class:`OnlineLinkHook` over a linker with this cache, endpoint and timeout."""
    return OnlineLinkHook(
        OnlineLinker(
            endpoint or WIKIDATA_API,
            cache_dir,
            timeout,
            user_agent=user_agent or DEFAULT_USER_AGENT,
        )
    )
