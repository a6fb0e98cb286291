"""Raw loopback sockets for the outgoing-HTTP tests: a listener that only records whether
anything connected, and a server that answers slowly, one piece at a time."""

from __future__ import annotations

import socket
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Self


class Listener:
    """A listening socket nobody answers on: it tells whether a connection reached it."""

    def __init__(self, host: str = "127.0.0.1", family: socket.AddressFamily = socket.AF_INET):
        self._sock = socket.socket(family, socket.SOCK_STREAM)
        self._sock.bind((host, 0))
        self._sock.listen(16)
        self._sock.setblocking(False)
        self.port: int = self._sock.getsockname()[1]
        self.connections = 0

    def reached(self) -> bool:
        """Whether any connection was made to it so far (the kernel queues them for us)."""
        while True:
            try:
                conn, _ = self._sock.accept()
            except BlockingIOError:
                return self.connections > 0
            conn.close()
            self.connections += 1

    def close(self) -> None:
        """Stop listening."""
        self._sock.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class TrickleServer:
    """An HTTP server on loopback sending its answer in `pieces`, `interval` seconds apart.

    Each connection gets the same answer; `served` counts the connections.
    """

    def __init__(self, pieces: Sequence[bytes], interval: float) -> None:
        self.pieces = list(pieces)
        self.interval = interval
        self.served = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port: int = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str = "/") -> str:
        """The absolute URL of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.served += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)  # the request (small, in one piece on loopback)
                for piece in self.pieces:
                    conn.sendall(piece)
                    if self._stop.wait(self.interval):
                        return
            except OSError:
                return  # the client hung up

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._sock.close()


def trickled(head: bytes, body: bytes) -> list[bytes]:
    """An answer as pieces: `head` at once, then `body` one byte at a time."""
    return [head] + [body[i : i + 1] for i in range(len(body))]
