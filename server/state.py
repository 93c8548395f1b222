"""What one app holds: its settings, the store (opened once), the query pool, the write lock."""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass, field

from flask import current_app, request

from graph.store import KnowledgeStore
from ontology.vocab import PREFIXES
from server.answer import Answer, new_spool
from server.config import ServerConfig
from server.errors import (
    BadRequest,
    Forbidden,
    NotAcceptable,
    QuerySyntaxError,
    QueryTimeout,
    ServerError,
    Unauthorized,
)
from server.executor import JobError, QueryJob, run_query
from server.federation import vet
from server.workers import QueryPool

EXTENSION = "newskg"


@dataclass
class AppState:
    config: ServerConfig
    store: KnowledgeStore
    pool: QueryPool | None = None
    owns_store: bool = False
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    started: float = field(default_factory=time.time)
    last_update: float = 0.0
    """VoID's ``dcterms:modified`` (epoch seconds): the last write through this app, else the
    moment the app started. The store records no ingest time, but nothing else can write to it
    while the app holds it, so the data is no newer than this."""

    def __post_init__(self) -> None:
        self.last_update = self.started

    def run(self, job: QueryJob) -> Answer:
        """Answer a query: in a worker process (hard time limit) or in this thread.

        In-thread (in-memory store, or ``workers=0``) the time limit is only checked between
        result rows: a query that blocks inside ``Store.query`` (aggregates, sorting) runs to
        its end.

        Raises:
            ServerError: the matching domain error (400, 406, 503, 500).
        """
        self.vet(job.query, job.base_iri)
        spool = new_spool()
        try:
            if self.pool is not None:
                outcome = self.pool.run(job, spool)
            else:
                deadline = time.monotonic() + self.config.query_timeout_s
                outcome = run_query(self.store.oxigraph, _with_deadline(job, deadline), spool)
        except JobError as exc:
            spool.close()
            raise _domain_error(exc, self.config.query_timeout_s) from None
        except BaseException:
            spool.close()
            raise
        return Answer(outcome, spool)

    def vet(self, text: str, base: str | None) -> None:
        """Refuse a query or update reaching where the operator has not allowed (SERVICE to
        non-public addresses, LOAD); see :mod:`server.federation`.

        Raises:
            Forbidden, BadRequest: as :func:`server.federation.vet`.
        """
        vet(
            text,
            base=base,
            prefixes=PREFIXES,
            allow_private_service=self.config.allow_private_service,
            allow_load=self.config.allow_load,
        )

    def after_write(self) -> None:
        self.last_update = time.time()
        if self.pool is not None:
            self.pool.notify_write()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.owns_store:
            self.store.close()
            self.owns_store = False


def _with_deadline(job: QueryJob, deadline: float) -> QueryJob:
    from dataclasses import replace

    return replace(job, deadline=deadline)


def _domain_error(exc: JobError, timeout_s: float) -> ServerError:
    if exc.kind == "syntax":
        return QuerySyntaxError(exc.message)
    if exc.kind == "bad-request":
        return BadRequest(exc.message)
    if exc.kind == "not-acceptable":
        return NotAcceptable(exc.message)
    if exc.kind == "timeout":
        return QueryTimeout(
            f"the query exceeded the time limit of {timeout_s:g} s and was "
            "stopped; make it more selective (bind IRIs or labels, add LIMIT)"
        )
    return ServerError(exc.message)


def get_state() -> AppState:
    state: AppState = current_app.extensions[EXTENSION]
    return state


def require_update_token() -> None:
    """Let a write through only with ``Authorization: Bearer <update_token>``.

    Raises:
        Forbidden: writes are closed (no token configured) or the token is wrong.
        Unauthorized: no bearer token in the request.
    """
    expected = get_state().config.update_token
    if expected is None:
        raise Forbidden("this server is read-only: writes are disabled (no update token set)")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("writes need an 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
        raise Forbidden("the bearer token is not valid for writes")
