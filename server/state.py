"""What one app holds: its settings, the store (opened once), the query pool, the write lock."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from dataclasses import dataclass, field

from flask import current_app, request

from graph.store import KnowledgeStore
from ontology.vocab import PREFIXES
from server.answer import Answer, Batcher, Relay, RelayClosed
from server.config import ServerConfig, format_size
from server.errors import (
    BadRequest,
    Forbidden,
    NotAcceptable,
    QueryMemoryExceeded,
    QuerySyntaxError,
    QueryTimeout,
    ServerError,
    Unauthorized,
)
from server.executor import STREAMED_MEDIA, JobError, QueryJob, run_query
from server.federation import vet
from server.workers import QueryPool

EXTENSION = "newskg"

log = logging.getLogger(__name__)


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

    def start(self, job: QueryJob, *, whole: bool = False) -> Answer:
        """Start answering a query (in a worker process, or a thread for in-memory stores)
        and return once the answer is complete, or, unless ``whole``, once a first piece of
        a result that may stream (:data:`~server.executor.STREAMED_MEDIA`) has arrived
        (:meth:`~server.answer.Relay.wait_ready` decides whether it streams).

        In-thread (in-memory store, or ``workers=0``) the time limit is only checked between
        result rows: a query that blocks inside ``Store.query`` (aggregates, sorting) runs to
        its end, and there is no memory limit.

        Raises:
            ServerError: the matching domain error (400, 406, 503, 500) of a query that
                failed before its answer was ready.
        """
        self.vet(job.query, job.base_iri)
        relay = Relay()
        threading.Thread(
            target=self._produce, args=(job, relay), name="newskg-query", daemon=True
        ).start()
        streamed = relay.wait_ready(lambda media: not whole and media in STREAMED_MEDIA)
        if relay.error is not None:  # nothing is sent yet: the client gets the error's status
            relay.close()
            raise relay.error
        return Answer(relay, streamed)

    def run(self, job: QueryJob) -> Answer:
        """Answer a query whole (for pages that render the result); see :meth:`start`."""
        return self.start(job, whole=True)

    def _produce(self, job: QueryJob, relay: Relay) -> None:
        try:
            if self.pool is not None:
                outcome, tail = self.pool.run(job, relay)
            else:
                deadline = time.monotonic() + self.config.query_timeout_s
                batcher = _ThreadSink(relay)
                outcome = run_query(self.store.oxigraph, _with_deadline(job, deadline), batcher)
                tail = batcher.tail()
            relay.finish(outcome, tail)
        except RelayClosed:
            pass
        except JobError as exc:
            relay.fail(_domain_error(exc, self.config))
        except ServerError as exc:
            relay.fail(exc)
        except Exception as exc:  # a fault: logged, the client gets a 500 without details
            log.exception("query failed")
            relay.fail(ServerError(f"the query failed: {type(exc).__name__}"))

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


class _ThreadSink(Batcher):
    """A result written in this process goes to the relay in pieces, like a worker's."""

    def __init__(self, relay: Relay) -> None:
        super().__init__(relay.write)
        self.begin = relay.begin


def _domain_error(exc: JobError, config: ServerConfig) -> ServerError:
    if exc.kind == "syntax":
        return QuerySyntaxError(exc.message)
    if exc.kind == "bad-request":
        return BadRequest(exc.message)
    if exc.kind == "not-acceptable":
        return NotAcceptable(exc.message)
    if exc.kind == "timeout":
        return QueryTimeout(
            f"the query exceeded the time limit of {config.query_timeout_s:g} s and was "
            "stopped; make it more selective (bind IRIs or labels, add LIMIT)"
        )
    if exc.kind == "memory":
        return QueryMemoryExceeded(
            f"the query exceeded the memory limit of {format_size(config.query_memory_limit)} "
            "per query (max_query_memory) and was stopped; make it more selective (bind IRIs "
            "or labels, add LIMIT, avoid ORDER BY or GROUP BY over large joins)"
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
