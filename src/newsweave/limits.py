"""Per-document limits: what one input may cost before it is reported and skipped.

Read from the environment so that the workers of a process pool or a Dask
cluster apply the same limits as the command that started them
(``newsweave --max-bytes ... --max-seconds ...`` sets them).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from newsweave.errors import InputError

# 50 MB: ten times the largest news page we have seen, far below what would exhaust a laptop's memory.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# 120 s: a 1 MB article is cleaned and analysed in under 30 s on one core; four times that is a runaway.
DEFAULT_MAX_SECONDS = 120.0
MAX_BYTES_VARIABLE = "NEWSWEAVE_MAX_BYTES"
MAX_SECONDS_VARIABLE = "NEWSWEAVE_MAX_SECONDS"


class ByteStream(Protocol):
    """What a reader reads from: a file, a gzip stream, stdin."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class TooLarge(InputError):
    """An input (or one record of it) is larger than ``max_bytes()``."""

    def __init__(self, what: str = "input") -> None:
        super().__init__(f"{what} larger than {describe_bytes(max_bytes())} (raise the limit with --max-bytes)")


class TooSlow(InputError, TimeoutError):
    """One document took longer than ``max_seconds()`` to process."""


def max_bytes() -> int:
    return int(os.environ.get(MAX_BYTES_VARIABLE) or DEFAULT_MAX_BYTES)


def max_seconds() -> float:
    return float(os.environ.get(MAX_SECONDS_VARIABLE) or DEFAULT_MAX_SECONDS)


def describe_bytes(count: int) -> str:
    return f"{count / 1024 / 1024:g} MB" if count >= 1024 * 1024 else f"{count} bytes"


def read_at_most(stream: ByteStream, what: str = "input") -> bytes:
    """All of ``stream``, or TooLarge once it passes the limit (never more than the limit in memory)."""
    limit = max_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(what)
    return data


@contextmanager
def time_limit(what: str) -> Iterator[None]:
    """Raise TooSlow when the body runs longer than ``max_seconds()``. A wall-clock alarm works only on a
    process's main thread (the CLI and process-pool workers); elsewhere (Dask threads) it does nothing."""
    seconds = max_seconds()
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(*_: object) -> None:
        raise TooSlow(f"{what} took longer than {seconds:g} s (raise the limit with --max-seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
