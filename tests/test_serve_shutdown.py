"""`cloudcat serve --worker N` shuts down in order on SIGTERM, quietly: the worker stops, then
the database client is closed and the embedded database stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import TEST_SECRET_KEY

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 60.0
CLOUDCAT = [sys.executable, "-c", "from cloudcat.core.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int, child: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert child.poll() is None, child.communicate()[1]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not come up")


def test_sigterm_stops_the_server_its_worker_and_the_embedded_database_quietly(
    tmp_path: Path,
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "CLOUDCAT_ENVIRONMENT": "test",
        "CLOUDCAT_SECRET_KEY": TEST_SECRET_KEY,
        "CLOUDCAT_DATA_DIR": str(tmp_path / "data"),
        "CLOUDCAT_JOB_POLL_SECONDS": "0.05",
    }
    env.pop("CLOUDCAT_MONGODB_URI", None)  # the embedded database: it is stopped last
    child = subprocess.Popen(
        [*CLOUDCAT, "serve", "--worker", "2", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_up(port, child)
        time.sleep(0.5)  # the worker threads poll for jobs and schedules meanwhile
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    # uvicorn ends a clean shutdown by re-raising the signal it caught.
    assert child.returncode in (0, -signal.SIGTERM), stderr
    assert "Traceback" not in stderr, stderr
    assert " ERROR " not in stderr, stderr
    assert "worker" in stderr and "stopped" in stderr  # the worker ended before the database
