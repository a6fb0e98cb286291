"""The embedded database: SecantusDB run as a child process on a free loopback port.

SecantusDB is GPL-2.0-only, so it is never imported: it runs as a separate process through its
`secantusd-py` command (which also keeps its work off this process's GIL). Its data lives in a
folder that survives restarts; `:memory:` gives a throw-away store for tests.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import pymongo
from pymongo.errors import PyMongoError

log = logging.getLogger(__name__)

COMMAND = "secantusd-py"
PR_SET_PDEATHSIG = 1


class EmbeddedDatabaseError(RuntimeError):
    """The embedded database could not be started or died."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGTERM it when this process dies, however it
    dies (even SIGKILL), so no orphaned server keeps the data folder locked."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return  # not Linux: stop() and the context manager still stop the server


def _find_command() -> str:
    beside_python = Path(sys.executable).with_name(COMMAND)
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(COMMAND)
    if not found:
        raise EmbeddedDatabaseError(
            f"{COMMAND} was not found: install CloudCat's dependencies (pip install -e .) "
            "or set CLOUDCAT_MONGODB_URI to a MongoDB server"
        )
    return found


class EmbeddedDatabase:
    """A SecantusDB child process; use as a context manager or call start()/stop()."""

    def __init__(
        self,
        data_dir: Path | str,
        *,
        port: int | None = None,
        startup_timeout: float = 30.0,
        cache_size: str = "256M",
    ) -> None:
        self.data_dir = data_dir if data_dir == ":memory:" else Path(data_dir)
        self.port = port
        self.startup_timeout = startup_timeout
        self.cache_size = cache_size
        self.process: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None

    @property
    def uri(self) -> str:
        if self.port is None:
            raise EmbeddedDatabaseError("the embedded database is not started")
        return f"mongodb://127.0.0.1:{self.port}/?directConnection=true"

    def _prepare_data_dir(self) -> Path:
        if self.data_dir == ":memory:":
            folder = Path(os.environ.get("TMPDIR", "/tmp"))
            return folder
        assert isinstance(self.data_dir, Path)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            probe = self.data_dir / ".write-probe"
            probe.write_text("ok")
            probe.unlink()
        except OSError as exc:
            raise EmbeddedDatabaseError(
                f"the data folder {self.data_dir} is not usable: {exc.strerror or exc}"
            ) from exc
        return self.data_dir

    def start(self) -> str:
        """Start the server, wait until it answers a ping, and return its URI."""
        if self.process is not None:
            return self.uri
        log_folder = self._prepare_data_dir()
        if self.port is None:
            self.port = _free_port()
        elif not _port_is_free(self.port):
            raise EmbeddedDatabaseError(f"port {self.port} on 127.0.0.1 is already in use")
        storage = ":memory:" if self.data_dir == ":memory:" else str(Path(self.data_dir) / "db")
        self._log_path = log_folder / f"secantusd-{self.port}.log"
        command = [
            _find_command(),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--storage-path",
            storage,
            "--cache-size",
            self.cache_size,
            "--log-level",
            "WARNING",
        ]
        log.info("starting embedded database: %s", " ".join(command))
        with open(self._log_path, "ab") as log_file:
            self.process = subprocess.Popen(
                command,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        self._wait_until_ready()
        return self.uri

    def _wait_until_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + self.startup_timeout
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(
            self.uri, serverSelectionTimeoutMS=250, connectTimeoutMS=250
        )
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise EmbeddedDatabaseError(
                        f"the embedded database exited with code {self.process.returncode}: "
                        f"{self._log_tail()}"
                    )
                try:
                    client.admin.command("ping")
                    return
                except PyMongoError:
                    time.sleep(0.1)
        finally:
            client.close()
        self.stop()
        raise EmbeddedDatabaseError(
            f"the embedded database did not answer within {self.startup_timeout:.0f}s: "
            f"{self._log_tail()}"
        )

    def _log_tail(self) -> str:
        if self._log_path is None or not self._log_path.exists():
            return "(no log)"
        lines = self._log_path.read_text(errors="replace").strip().splitlines()
        return " | ".join(lines[-5:]) or "(empty log)"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it does not exit in time."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout)

    def __enter__(self) -> EmbeddedDatabase:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
