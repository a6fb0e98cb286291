"""The embedded SecantusDB server: starts, keeps data across restarts, fails clearly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pymongo
import pytest

from cloudcat.core.storage.embedded import EmbeddedDatabase, EmbeddedDatabaseError


def test_data_survives_a_restart(tmp_path: Path) -> None:
    with EmbeddedDatabase(tmp_path) as server:
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(server.uri)
        client.cloudcat.things.insert_one({"name": "kept"})
        client.close()
    assert not server.alive()
    with EmbeddedDatabase(tmp_path) as again:
        client = pymongo.MongoClient(again.uri)
        assert client.cloudcat.things.find_one({}, {"_id": 0}) == {"name": "kept"}
        client.close()


def test_an_unusable_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(EmbeddedDatabaseError, match=r"data folder .* is not usable"):
        EmbeddedDatabase(blocker / "data").start()


def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(EmbeddedDatabaseError, match=f"port {port}"):
            EmbeddedDatabase(tmp_path, port=port).start()


def test_a_server_that_dies_while_starting_is_reported(tmp_path: Path) -> None:
    server = EmbeddedDatabase(tmp_path, cache_size="not-a-size", startup_timeout=20)
    with pytest.raises(EmbeddedDatabaseError, match="exited with code"):
        server.start()
    assert not server.alive()


def test_stop_ends_the_process(tmp_path: Path) -> None:
    server = EmbeddedDatabase(tmp_path)
    server.start()
    assert server.process is not None
    pid = server.process.pid
    server.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_killed_server_is_seen_as_dead(tmp_path: Path) -> None:
    server = EmbeddedDatabase(tmp_path)
    server.start()
    assert server.process is not None and server.alive()
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(10)
    assert not server.alive()
    server.stop()


def _running(pid: int) -> bool:
    """Whether process `pid` still runs (an exited one not yet reaped by its new parent, a
    zombie, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_the_server_dies_with_its_parent_process(tmp_path: Path) -> None:
    """Even a SIGKILLed parent leaves no orphaned server holding the data folder."""
    script = (
        "import sys, time\n"
        "from cloudcat.core.storage.embedded import EmbeddedDatabase\n"
        f"server = EmbeddedDatabase({str(tmp_path)!r})\n"
        "server.start()\n"
        "print(server.process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as parent:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        parent.kill()
        parent.wait(10)
    for _ in range(600):  # up to 30 s: it shuts down cleanly, which takes longer on a busy machine
        if not _running(child):
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the embedded server outlived its parent")
    with EmbeddedDatabase(tmp_path) as again:  # the data folder is usable again
        assert again.alive()
