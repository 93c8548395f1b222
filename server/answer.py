"""A query answer on its way to the client: what is known about it, and its body in a spool.

The executor writes a result into a spool as it reads it from the store; the spool stays in
memory up to :data:`SPOOL_MEMORY_BYTES` and moves to a temporary file beyond that, and the
response streams it from there in chunks. So a large result is never held whole in memory, and
the response headers can still say exactly how many rows it has and whether ``--max-rows`` cut
it: both are known once the result is written, before the first byte is sent. (The time limit
covers writing the spool; a slow client then holds a file, not a query worker.)
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from server.executor import QueryOutcome

SPOOL_MEMORY_BYTES = 1 << 20
CHUNK_BYTES = 64 * 1024


def new_spool() -> IO[bytes]:
    return tempfile.SpooledTemporaryFile(
        max_size=SPOOL_MEMORY_BYTES, mode="w+b", prefix="newskg-answer-"
    )


@dataclass
class Answer:
    outcome: QueryOutcome
    body: IO[bytes]

    @property
    def size(self) -> int:
        self.body.seek(0, 2)
        return self.body.tell()

    def chunks(self) -> Iterator[bytes]:
        """The body in chunks, closing the spool at the end (or when the client leaves)."""
        try:
            self.body.seek(0)
            while chunk := self.body.read(CHUNK_BYTES):
                yield chunk
        finally:
            self.body.close()

    def read(self) -> bytes:
        """The whole body (for the small answers a page renders), closing the spool."""
        try:
            self.body.seek(0)
            return self.body.read()
        finally:
            self.body.close()

    def close(self) -> None:
        self.body.close()
