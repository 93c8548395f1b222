"""A query answer on its way to the client: a relay between the query and the response.

The query (in a worker process or a thread, see :mod:`server.state`) writes its result into a
:class:`Relay` as fast as the engine produces it; the response reads from the relay at the
client's pace. The relay holds up to :data:`SPOOL_MEMORY_BYTES` in memory and moves to a
temporary file beyond that, so a large result is never held whole in memory and a slow client
holds a file, not a query worker (the time limit covers the query, not the client).

What is sent depends on the result, not on which thread runs first. A result of at least one
piece (:data:`CHUNK_BYTES`) streams, even when its query has finished before the response
looks: its counts are then known only at its end, and the formats that can say so carry them
there (see :mod:`server.executor`). A smaller one is answered whole, with exact counts in the
headers, unless a first piece came early because the result was slow (:class:`Batcher` sends a
started piece after half a second) and the query was still running: then it streams, so that
the client sees progress.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from waitress.channel import ClientDisconnected

from server.errors import ServerError
from server.executor import QueryOutcome

SPOOL_MEMORY_BYTES = 1 << 20
CHUNK_BYTES = 64 * 1024
"""Size of the pieces a query's result travels in (worker pipe, relay, response)."""
FLUSH_AFTER_S = 0.5
"""Longest a started piece waits for more rows: a slow result still shows progress."""


class RelayClosed(Exception):
    """The reader went away (the client left); the query writing the result should stop."""


class Relay(io.RawIOBase):
    """Bytes written by one producer thread, read by one consumer, in memory then on disk."""

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._memory = bytearray()
        self._file: IO[bytes] | None = None
        self._size = 0
        self._gone = False
        self.media: str | None = None
        self.kind: str | None = None
        self.outcome: QueryOutcome | None = None
        self.error: ServerError | None = None

    def writable(self) -> bool:
        return True

    def begin(self, media: str, kind: str) -> None:
        """The result's media type and kind are known (its first row is ready)."""
        with self._cond:
            self.media, self.kind = media, kind
            self._cond.notify_all()

    def write(self, data: Any) -> int:
        with self._cond:
            self._append(bytes(data))
        return len(data)

    def _append(self, data: bytes) -> None:
        if self._gone:
            raise RelayClosed
        if not data:
            return
        if self._file is None and self._size + len(data) > SPOOL_MEMORY_BYTES:
            self._file = tempfile.TemporaryFile(prefix="newskg-answer-", buffering=0)
            _write_all(self._file, bytes(self._memory))
            self._memory = bytearray()
        if self._file is None:
            self._memory += data
        else:
            _write_all(self._file, data)
        self._size += len(data)
        self._cond.notify_all()

    def finish(self, outcome: QueryOutcome, tail: bytes = b"") -> None:
        """The result's last bytes and its outcome, in one step (a reader sees both or none)."""
        with self._cond:
            self._append(tail)
            self.outcome = outcome
            self._cond.notify_all()

    def fail(self, error: ServerError) -> None:
        with self._cond:
            self.error = error
            self._cond.notify_all()

    @property
    def done(self) -> bool:
        return self.outcome is not None or self.error is not None

    @property
    def size(self) -> int:
        return self._size

    def wait_ready(self, may_stream: Callable[[str | None], bool]) -> bool:
        """Block until the result is complete or failed, or has a first piece and its media
        type ``may_stream``; return whether it streams (see the module's docs).

        The size decides for a result of a piece or more: the query may write it all before
        this thread wakes to its first piece (a loaded machine), and the client would get a
        different response for the same result.
        """
        with self._cond:
            while not self.done and not (self._size and may_stream(self.media)):
                self._cond.wait()
            if self.error is not None or not may_stream(self.media):
                return False
            return self.outcome is None or self._size >= CHUNK_BYTES

    def read_at(self, offset: int) -> bytes:
        """Up to :data:`CHUNK_BYTES` from ``offset``, waiting for them; ``b""`` at the end.

        Raises:
            ServerError: the query failed before writing that far.
        """
        with self._cond:
            while offset >= self._size and not self.done and not self._gone:
                self._cond.wait()
            if offset >= self._size:
                if self.error is not None:
                    raise self.error
                return b""
            if self._file is None:
                return bytes(self._memory[offset : offset + CHUNK_BYTES])
            fd = self._file.fileno()
        return os.pread(fd, min(CHUNK_BYTES, self._size - offset), offset)

    def close(self) -> None:
        with self._cond:
            self._gone = True
            if self._file is not None:
                self._file.close()
            self._memory = bytearray()
            self._cond.notify_all()
        super().close()


def _write_all(file: IO[bytes], data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[file.write(view) or 0 :]


class Batcher(io.RawIOBase):
    """A writable file passing what is written on in pieces of about :data:`CHUNK_BYTES`
    (``emit``), or sooner when a piece has waited :data:`FLUSH_AFTER_S`; the last piece is
    kept for :meth:`tail`, to travel with the result's outcome."""

    def __init__(self, emit: Callable[[bytes], object]) -> None:
        super().__init__()
        self._emit = emit
        self._buffer = bytearray()
        self._since = time.monotonic()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not self._buffer:
            self._since = time.monotonic()
        self._buffer += data
        if len(self._buffer) >= CHUNK_BYTES or time.monotonic() - self._since >= FLUSH_AFTER_S:
            self._emit(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def tail(self) -> bytes:
        tail = bytes(self._buffer)
        self._buffer.clear()
        return tail


class StreamAborted(ClientDisconnected):
    """Raised by a streaming body whose query failed midway, so that the server drops the
    connection without the final chunk: the client sees a broken transfer, never a complete
    looking but partial result. (waitress treats it as a client gone: one log line, no
    traceback.)"""


@dataclass
class Answer:
    relay: Relay
    streamed: bool
    """The body goes as the query writes it; its counts come at its end, not in headers.
    Otherwise the answer is complete."""

    @property
    def outcome(self) -> QueryOutcome:
        """The outcome of a complete answer."""
        assert not self.streamed and self.relay.outcome is not None, "the answer streams"
        return self.relay.outcome

    @property
    def media(self) -> str:
        assert self.relay.media is not None
        return self.relay.media

    @property
    def kind(self) -> str:
        assert self.relay.kind is not None
        return self.relay.kind

    @property
    def size(self) -> int:
        return self.relay.size

    def chunks(self) -> Iterator[bytes]:
        """The body in pieces as the query writes it, closing the relay at the end (or when
        the client leaves, which stops a query still running)."""
        offset = 0
        try:
            while True:
                try:
                    chunk = self.relay.read_at(offset)
                except ServerError as exc:
                    yield f"\n\nnewskg: the result is incomplete: {exc.message}\n".encode()
                    raise StreamAborted(exc.message) from None
                if not chunk:
                    return
                offset += len(chunk)
                yield chunk
        finally:
            self.relay.close()

    def read(self) -> bytes:
        """The whole body (for the small answers a page renders), closing the relay."""
        return b"".join(self.chunks())

    def close(self) -> None:
        self.relay.close()
