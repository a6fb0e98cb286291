"""`cloudcat serve --workers 2` runs two API processes on one port, over one embedded database
started by the parent: both answer (each names its process id outside production)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from cloudcat.core.testing import TEST_SECRET_KEY


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def parent_of(pid: int) -> int:
    """The parent process id of `pid` (Linux /proc)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])


def test_two_worker_processes_answer_on_one_port(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "CLOUDCAT_ENVIRONMENT": "test",
        "CLOUDCAT_SECRET_KEY": TEST_SECRET_KEY,
        "CLOUDCAT_DATA_DIR": str(tmp_path),
    }
    env.pop("CLOUDCAT_MONGODB_URI", None)
    command = "from cloudcat.core.cli import main; main()"
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", command, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        while len(seen) < 2 and time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            try:
                # A new connection each time: the kernel hands it to either process.
                answer = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
            except requests.ConnectionError:
                time.sleep(0.2)
                continue
            assert answer.status_code == 200 and answer.json() == {"status": "ready"}
            seen.add(int(answer.headers["x-cloudcat-worker"]))
        assert len(seen) == 2, f"only process {seen} answered"
        assert server.pid not in seen
        assert {parent_of(pid) for pid in seen} == {server.pid}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert not any(Path(f"/proc/{pid}").exists() for pid in seen)
