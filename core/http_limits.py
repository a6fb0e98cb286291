"""A total deadline and a size cap for outgoing fetches.

requests only has timeouts for connecting and *between* bytes, so a server sending one byte
every few seconds could hold a worker forever. Here a fetch (one `Session.send`, its retries and
redirects, and the reading of its body) gets a `Deadline`: connection attempts and retry waits
are cut to the time left, and when the deadline passes a watchdog thread shuts down the socket
of every connection the fetch still uses, which ends a read blocked on it at once. The body
reader `limit_body()` installs then raises `DeadlineExceeded` instead of handing back a
truncated body, and `ResponseTooLarge` once a body grows past its cap (compressed bodies are
counted as they decode, so a small gzip bomb is caught too).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

import requests

T = TypeVar("T")


class DeadlineExceeded(requests.Timeout):
    """A fetch took longer than its total deadline."""


class ResponseTooLarge(requests.RequestException):
    """An answer's body is larger than the cap of the session that fetched it."""

    def __init__(self, limit: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(f"the answer is larger than {limit} bytes", *args, **kwargs)
        self.limit = limit


class DeadlinePassed(Exception):
    """Raised inside urllib3 when a fetch's deadline has passed.

    Deliberately not an `OSError`, so that urllib3 does not retry it;
    `cloudcat.core.http` turns it into `DeadlineExceeded`.
    """


class Deadline:
    """The moment a fetch must be over by, and the connections it uses meanwhile."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._pauses = 0
        self._lock = threading.Lock()
        self._connections: weakref.WeakSet[Any] = weakref.WeakSet()

    def remaining(self) -> float:
        """Seconds left (0 once passed)."""
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        """Whether the deadline has passed (whether or not the watchdog has acted yet)."""
        return self.expired or time.monotonic() >= self.at

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """A wait that does not count (for a call budget's turn, say): the deadline moves later
        by as long as it lasts, and does not expire meanwhile."""
        started = time.monotonic()
        with self._lock:
            self._pauses += 1
        try:
            yield
        finally:
            with self._lock:
                self._pauses -= 1
                self.at += time.monotonic() - started
            _watchdog.watch(self)

    def attach(self, connection: Any) -> None:
        """Note that `connection` (an urllib3 connection) now works for this fetch."""
        if self.passed():
            raise DeadlinePassed(f"the fetch took longer than {self.seconds:g} s")
        with self._lock:
            connection._cloudcat_deadline = self
            self._connections.add(connection)

    def detach(self, connection: Any) -> None:
        """Note that `connection` is done with this fetch (it went back to its pool)."""
        with self._lock:
            self._connections.discard(connection)

    def expire(self) -> None:
        """Mark the deadline passed and cut the sockets of the connections still working for it."""
        with self._lock:
            if self._pauses or time.monotonic() < self.at:
                return  # paused or moved later: watched again for the new moment
            self.expired = True
            connections = [c for c in self._connections if c._cloudcat_deadline is self]
            self._connections.clear()
        for connection in connections:
            sock = getattr(connection, "cloudcat_socket", None) or connection.sock
            if sock is None:
                continue
            with contextlib.suppress(OSError):
                # The plain socket's shutdown, also for a TLS socket: it wakes a blocked read.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread that expires deadlines when their time comes."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, weakref.ref[Deadline]]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> None:
        """Expire `deadline` when its time comes (unless it is forgotten before)."""
        with self._wake:
            heapq.heappush(self._heap, (deadline.at, next(self._order), weakref.ref(deadline)))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="cloudcat-http-deadlines", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap:
                    self._wake.wait()
                at, _, ref = self._heap[0]
                wait = at - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)
            deadline = ref()
            if deadline is not None:
                deadline.expire()


_watchdog = _Watchdog()
DEFAULT_DEADLINE = 60.0
"""Seconds a whole fetch may take unless configured otherwise (`CLOUDCAT_HTTP_DEADLINE_SECONDS`):
retries, redirects and reading the answer included."""
_default_seconds = DEFAULT_DEADLINE


def configure_default_deadline(seconds: float) -> None:
    """Make `seconds` the deadline of fetches whose session does not set its own."""
    global _default_seconds
    _default_seconds = seconds


def default_deadline() -> float:
    """The deadline, in seconds, of fetches whose session does not set its own."""
    return _default_seconds


_current: ContextVar[Deadline | None] = ContextVar("cloudcat_http_deadline", default=None)


@contextlib.contextmanager
def fetch_deadline(seconds: float) -> Iterator[Deadline]:
    """The deadline of the fetch being made: the enclosing one, or a new one of `seconds`."""
    current = _current.get()
    if current is not None:
        yield current
        return
    deadline = Deadline(seconds)
    _watchdog.watch(deadline)
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def remaining_time() -> float | None:
    """Seconds left to the current fetch's deadline (None outside a fetch)."""
    current = _current.get()
    return None if current is None else current.remaining()


def bound_timeout(timeout: object) -> float | None:
    """`timeout` in seconds (None for none: also urllib3's "default" marker), cut to the time
    left to the current fetch's deadline; raises `DeadlinePassed` when none is left."""
    seconds = float(timeout) if isinstance(timeout, int | float) else None
    left = remaining_time()
    if left is None:
        return seconds
    if left <= 0:
        raise DeadlinePassed("no time is left for the fetch")
    return left if seconds is None else min(seconds, left)


def watch_connection(connection: Any) -> None:
    """Put `connection` under the current fetch's deadline (raises `DeadlinePassed` if over)."""
    current = _current.get()
    if current is not None:
        current.attach(connection)


def limit_body(response: requests.Response, deadline: Deadline, max_bytes: int) -> None:
    """Make reading `response`'s body raise past `deadline` or beyond `max_bytes` bytes.

    Wraps the reads of the urllib3 response under it, which `iter_content`, `.content`,
    `.text` and `.json()` all go through.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.close()
        raise ResponseTooLarge(max_bytes, request=response.request, response=response)
    raw = response.raw
    connection = getattr(raw, "connection", None)
    size = 0

    def checked(read: Callable[[], bytes]) -> bytes:
        nonlocal size
        try:
            data = read()
        except Exception as exc:
            if deadline.passed():
                raise _exceeded(deadline, response) from exc
            raise
        if deadline.passed():
            raise _exceeded(deadline, response)
        size += len(data)
        if size > max_bytes:
            response.close()
            raise ResponseTooLarge(max_bytes, request=response.request, response=response)
        return data

    read, read_chunked, release_conn = raw.read, raw.read_chunked, raw.release_conn

    def guarded_release_conn() -> None:
        if connection is not None:
            deadline.detach(connection)  # back to the pool: no longer this fetch's to cut
        release_conn()

    def guarded_read(*args: Any, **kwargs: Any) -> bytes:
        return checked(lambda: read(*args, **kwargs))

    def guarded_read_chunked(*args: Any, **kwargs: Any) -> Iterator[bytes]:
        chunks = read_chunked(*args, **kwargs)
        while True:
            chunk = checked(lambda: next(chunks, b""))
            if not chunk:
                return
            yield chunk

    raw.read = guarded_read  # type: ignore[method-assign]
    raw.read_chunked = guarded_read_chunked  # type: ignore[method-assign]
    raw.release_conn = guarded_release_conn  # type: ignore[method-assign]


def _exceeded(deadline: Deadline, response: requests.Response) -> DeadlineExceeded:
    return DeadlineExceeded(
        f"the fetch took longer than {deadline.seconds:g} s",
        request=response.request,
        response=response,
    )
