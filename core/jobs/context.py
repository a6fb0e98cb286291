"""What a job handler receives: the job's data, progress reporting and cancellation.

A handler is called as ``handler(job)`` with a `JobContext`. It reports progress with
``job.progress(done, total, message)``; progress is stored at most once per progress interval
(the latest value is never lost: the heartbeat and the end of the attempt store it). When a
cancel was requested, ``progress()`` and ``check_cancelled()`` raise `JobCancelled`; when the
worker lost its lease (another worker took the job over), they raise `JobLeaseLost`. Both derive
from `BaseException`, like `asyncio.CancelledError`, so a handler's ``except Exception`` does not
swallow them.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import Any

from bson import ObjectId
from pymongo.errors import PyMongoError

from cloudcat.core.jobs.lease import Claimed, Renewal, read_cancel_requested, renew
from cloudcat.core.jobs.model import Job, utcnow
from cloudcat.core.storage.database import RawDatabase

log = logging.getLogger(__name__)


class JobCancelled(BaseException):
    """Raised inside a handler when a cancel of its job was requested; the job ends cancelled."""


class JobLeaseLost(BaseException):
    """Raised inside a handler whose worker lost the job's lease; its outcome is discarded."""


class JobContext:
    """One attempt of one job, as its handler sees it."""

    def __init__(
        self,
        db: RawDatabase,
        claimed: Claimed,
        *,
        lease_seconds: float,
        progress_interval: float = 1.0,
    ) -> None:
        self.db = db
        self.job: Job = claimed.job
        self.claim = claimed.claim
        self.lease_seconds = lease_seconds
        self.progress_interval = progress_interval
        self._lock = threading.Lock()
        self._progress: dict[str, Any] | None = None
        self._pending = False
        self._last_write = -math.inf
        self._last_check = time.monotonic()
        self._cancel = threading.Event()
        self._lost = threading.Event()
        self.abandoned = False
        if claimed.job.cancel_requested:
            self._cancel.set()

    @property
    def id(self) -> ObjectId:
        return self.job.id

    @property
    def shop_id(self) -> ObjectId | None:
        return self.job.shop_id

    @property
    def kind(self) -> str:
        return self.job.kind

    @property
    def payload(self) -> dict[str, Any]:
        return self.job.payload

    @property
    def attempt(self) -> int:
        """This attempt's number, from 1."""
        return self.claim.attempt

    @property
    def max_attempts(self) -> int:
        return self.job.max_attempts

    @property
    def worker_id(self) -> str:
        return self.claim.worker_id

    @property
    def cancel_requested(self) -> bool:
        """Whether a cancel was requested (as last seen; does not raise)."""
        return self._cancel.is_set()

    @property
    def lease_lost(self) -> bool:
        return self._lost.is_set()

    def progress(self, done: float, total: float | None = None, message: str | None = None) -> None:
        """Report that `done` of `total` units are done; `total`/`message` None keep the last.

        Stored at once the first time, then at most once per progress interval. Raises
        `JobCancelled` when a cancel was requested, `JobLeaseLost` when the lease was lost.
        """
        self._raise_if_stopped()
        now = time.monotonic()
        with self._lock:
            previous = self._progress or {}
            self._progress = {
                "done": done,
                "total": total if total is not None else previous.get("total"),
                "message": message if message is not None else previous.get("message"),
                "updated_at": utcnow(),
            }
            self._pending = True
            due = now - self._last_write >= self.progress_interval
        if due:
            self._sync_quietly(write_progress=True)
        self._raise_if_stopped()

    def check_cancelled(self) -> None:
        """Raise `JobCancelled` if a cancel was requested (asks the database now and then)."""
        self._raise_if_stopped()
        if time.monotonic() - self._last_check >= self.progress_interval:
            self._sync_quietly(write_progress=False)
            self._raise_if_stopped()

    def _sync_quietly(self, *, write_progress: bool) -> None:
        # Progress is not worth failing the job's work for: the heartbeat will try again.
        try:
            self.sync(write_progress=write_progress)
        except PyMongoError:
            self._last_check = time.monotonic()
            log.warning("job %s: could not store progress", self.id, exc_info=True)

    def _raise_if_stopped(self) -> None:
        if self._lost.is_set():
            raise JobLeaseLost(f"job {self.id}: another worker took over this attempt")
        if self._cancel.is_set():
            raise JobCancelled(f"job {self.id} was cancelled")

    def abandon(self) -> None:
        """Make the handler stop at its next check (as if the lease were lost): its worker is
        shutting down and gives the job back (see `Worker.run`)."""
        self.abandoned = True
        self._lost.set()

    def take_pending_progress(self) -> dict[str, Any] | None:
        """The progress not yet stored (marking it stored), or None."""
        with self._lock:
            if not self._pending:
                return None
            self._pending = False
            self._last_write = time.monotonic()
            return dict(self._progress) if self._progress is not None else None

    def _restore_pending(self, progress: dict[str, Any]) -> None:
        with self._lock:
            if not self._pending:
                self._progress = progress
                self._pending = True

    def sync(self, *, write_progress: bool) -> None:
        """Renew the lease (storing pending progress) or just read the cancel flag."""
        progress = self.take_pending_progress() if write_progress else None
        try:
            if write_progress:
                renewal = renew(self.db, self.claim, self.lease_seconds, progress)
            else:
                renewal = read_cancel_requested(self.db, self.claim)
        except Exception:
            if progress is not None:
                self._restore_pending(progress)
            raise
        self.apply(renewal)

    def apply(self, renewal: Renewal) -> None:
        """Take note of what the database said about the lease and the cancel flag."""
        self._last_check = time.monotonic()
        if not renewal.held:
            self._lost.set()
        if renewal.cancel_requested:
            self._cancel.set()


class Heartbeat:
    """A thread that renews a running job's lease (and stores pending progress) until stopped."""

    def __init__(self, context: JobContext, interval: float) -> None:
        self.context = context
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"cloudcat-heartbeat-{context.id}", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.context.sync(write_progress=True)
            except Exception:
                log.warning("job %s: could not renew its lease", self.context.id, exc_info=True)
            if self.context.lease_lost:
                log.warning("job %s: the lease was lost to another worker", self.context.id)
                return
