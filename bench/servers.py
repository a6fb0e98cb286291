"""Serve an ASGI app with uvicorn on a free loopback port, in a background thread or a child
process.

Benchmarks talk to the app over real sockets (HTTP/1.1, keep-alive) exactly as a client would;
the thread keeps the whole benchmark in one process that cleans up after itself, a child
process (`serve_in_subprocess`) gives a server its own interpreter when many concurrent clients
are measured, and `cpu_seconds` tells how much CPU such a process used.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mongoengine
import uvicorn

from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase


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


@contextlib.contextmanager
def serve_in_subprocess(
    factory: str, env: dict[str, str], *, name: str = "bench-server", timeout: float = 60.0
) -> Iterator[tuple[str, int]]:
    """Run the ASGI app factory `factory` ("module:function") under uvicorn in a child process
    with `env` added to this one's environment; yield (base URL, process id); stop it on exit.

    A child process has its own GIL, so a server measured under many concurrent clients is not
    slowed by the clients (or by another server) sharing its interpreter."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--lifespan",
        "off",
    ]
    process = subprocess.Popen(command, env={**os.environ, **env})
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise ServerStartError(f"{name} exited with code {process.returncode}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                raise ServerStartError(f"{name} did not start listening within {timeout:.0f}s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) process `pid` has used so far (Linux `/proc`)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def production_backend(stack: contextlib.ExitStack) -> tuple[Settings, RawDatabase, int]:
    """An embedded in-memory database and production settings for a CloudCat app on a free
    loopback port, both closed with `stack`: the settings, the connected database and the port."""
    data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="cloudcat-bench-"))
    database = stack.enter_context(EmbeddedDatabase(":memory:"))
    port = free_port()
    settings = Settings(
        environment="production",
        secret_key=secrets.token_urlsafe(48),
        mongodb_uri=database.uri,
        database_name=f"bench_{secrets.token_hex(4)}",
        data_dir=data_dir,
        public_url=f"http://127.0.0.1:{port}",
    )
    db = connect(database.uri, settings.database_name)
    stack.callback(mongoengine.disconnect)
    ensure_indexes()
    return settings, db, port
