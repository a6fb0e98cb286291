"""Serve an ASGI app with uvicorn on a free loopback port, in a background thread.

Benchmarks talk to the app over real sockets (HTTP/1.1, keep-alive) exactly as a client would;
the thread only keeps the whole benchmark in one process that cleans up after itself.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn


class ServerStartError(RuntimeError):
    """The server did not start listening in time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve_in_thread(
    app: Any, *, port: int | None = None, name: str = "bench-server", timeout: float = 20.0
) -> Iterator[str]:
    """Run `app` under uvicorn on `port` (default: a free loopback port); yield its base URL;
    stop the server on exit."""
    port = port or free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive():
            raise ServerStartError(f"{name} exited before it started listening on port {port}")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise ServerStartError(f"{name} did not start listening within {timeout:.0f}s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
