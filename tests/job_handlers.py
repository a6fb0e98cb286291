"""Job handlers for tests/test_jobs.py, and a worker entry point to run as a real subprocess.

Run as ``python tests/job_handlers.py MONGO_URI DATABASE WORKER_ID LEASE_SECONDS``: it connects
to that database and runs a worker with these handlers until it is killed (or gets SIGTERM).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from typing import Any

from cloudcat.core.jobs import JobContext, JobHandler, run_worker
from cloudcat.core.storage.database import connect

HANG_SECONDS = 60.0


def hang_on_first_attempt(job: JobContext) -> dict[str, Any]:
    """Report progress, then hang on attempt 1 (to be killed); finish on any later attempt."""
    steps = int(job.payload.get("steps", 3))
    if job.attempt == 1:
        job.progress(1, steps, "first step done; hanging until killed")
        deadline = time.monotonic() + HANG_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
        raise RuntimeError("this attempt was supposed to be killed")
    for step in range(1, steps + 1):
        job.progress(step, steps, f"step {step}")
    return {"finished_by_attempt": job.attempt}


def echo(job: JobContext) -> dict[str, Any]:
    """Return the payload: the simplest job that succeeds."""
    return {"echo": job.payload}


HANDLERS: dict[str, JobHandler] = {
    "test.hang_on_first_attempt": hang_on_first_attempt,
    "test.echo": echo,
}


def main(argv: list[str]) -> None:
    """Run a worker with `HANDLERS` against the database named on the command line."""
    uri, database, worker_id, lease_seconds = argv
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    db = connect(uri, database)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    run_worker(
        db,
        HANDLERS,
        stop_event=stop,
        worker_id=worker_id,
        lease_seconds=float(lease_seconds),
        poll_seconds=0.05,
        progress_interval=0.05,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
