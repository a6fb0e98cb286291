"""The worker: threads that claim due jobs, run their handlers under a lease, record outcomes.

Any number of workers, in any number of processes, share one database. Each of a worker's
`concurrency` threads claims one due job at a time (see `cloudcat.core.jobs.lease`), runs its
handler while a heartbeat thread renews the lease, and records success, failure (retried with
exponential backoff, then dead-lettered) or cancellation. A worker that dies mid-job simply stops
renewing; once the lease expires another worker claims the job again as a new attempt. The
worker's main thread turns due schedules into jobs. Setting the stop event stops claiming and
lets running handlers finish for a grace period; handlers still running then are told to stop
at their next check and give their job back (queued again, the attempt not counted).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from bson import ObjectId
from bson.errors import BSONError

from cloudcat.core.jobs.backoff import Backoff
from cloudcat.core.jobs.context import Heartbeat, JobCancelled, JobContext, JobLeaseLost
from cloudcat.core.jobs.lease import (
    Claimed,
    claim_next,
    finish_abandoned,
    finish_cancelled,
    finish_failed,
    finish_succeeded,
    finish_waiting,
    release,
)
from cloudcat.core.jobs.model import JobState, utcnow
from cloudcat.core.jobs.schedules import enqueue_due_schedules
from cloudcat.core.jobs.store import ensure_job_indexes
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase

log = logging.getLogger(__name__)

JobHandler = Callable[[JobContext], Any]
"""A job handler: called with the job's context; its return value (BSON-encodable) is stored
as the job's result, and an exception fails the attempt."""

DEFAULT_LEASE_SECONDS = 30.0
DEFAULT_POLL_SECONDS = 1.0
DEFAULT_GRACE_SECONDS = 10.0


def default_worker_id() -> str:
    """A worker id unique across hosts and processes: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    """A pool of job-running threads over one database; use `run()` or `start()`/`stop()`."""

    def __init__(
        self,
        db: RawDatabase,
        handlers: Mapping[str, JobHandler],
        *,
        concurrency: int = 1,
        stop_event: threading.Event | None = None,
        worker_id: str | None = None,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        backoff: Backoff | None = None,
        progress_interval: float = 1.0,
        run_schedules: bool = True,
        shop_limit: int | None = None,
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
    ) -> None:
        if concurrency < 1:
            raise ValueError("a worker needs a concurrency of at least 1")
        if lease_seconds <= 0 or poll_seconds <= 0 or progress_interval < 0:
            raise ValueError("lease and poll times must be positive")
        for kind, handler in handlers.items():
            if not callable(handler):
                raise TypeError(f"the handler for job kind {kind!r} is not callable")
        self.db = db
        self.handlers = dict(handlers)
        self.concurrency = concurrency
        self.stop_event = stop_event if stop_event is not None else threading.Event()
        self.worker_id = worker_id or default_worker_id()
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.backoff = backoff or Backoff()
        self.progress_interval = progress_interval
        self.run_schedules = run_schedules
        self.shop_limit = shop_limit
        self.grace_seconds = grace_seconds
        self._running: dict[ObjectId, JobContext] = {}
        self._running_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- running ---------------------------------------------------------------------------

    def run(self) -> None:
        """Run until the stop event is set, then wait for running handlers and return.

        Handlers still running `grace_seconds` after the stop are abandoned: they stop at
        their next progress or cancel check and their jobs are queued again.
        """
        ensure_job_indexes(self.db)
        log.info(
            "worker %s started: %d thread(s), kinds %s",
            self.worker_id,
            self.concurrency,
            ", ".join(sorted(self.handlers)) or "(none)",
        )
        threads = [
            threading.Thread(target=self._work_loop, name=f"cloudcat-worker-{index}", daemon=True)
            for index in range(self.concurrency)
        ]
        for thread in threads:
            thread.start()
        try:
            while not self.stop_event.is_set():
                if self.run_schedules:
                    self.enqueue_due_schedules()
                self.stop_event.wait(self.poll_seconds)
        finally:
            self.stop_event.set()
            deadline = time.monotonic() + self.grace_seconds
            for thread in threads:
                thread.join(max(0.0, deadline - time.monotonic()))
            if any(thread.is_alive() for thread in threads):
                self._abandon_running()
            for thread in threads:
                thread.join()
            log.info("worker %s stopped", self.worker_id)

    def _abandon_running(self) -> None:
        with self._running_lock:
            contexts = list(self._running.values())
        for context in contexts:
            log.warning(
                "worker %s: job %s (%s) still running after the %.0f s grace; giving it back",
                self.worker_id,
                context.id,
                context.kind,
                self.grace_seconds,
            )
            context.abandon()

    def start(self) -> None:
        """Run the worker in a background thread (`stop()` ends it)."""
        if self._thread is not None:
            raise RuntimeError("this worker is already started")
        self._thread = threading.Thread(target=self.run, name="cloudcat-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Ask the worker to stop and wait (up to `timeout`) for running handlers to finish."""
        self.stop_event.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def enqueue_due_schedules(self) -> None:
        """Turn due schedules into jobs; database errors are logged, not raised."""
        try:
            enqueue_due_schedules(self.db)
        except Exception:
            log.exception("worker %s could not enqueue due schedules", self.worker_id)

    def _work_loop(self) -> None:
        while not self.stop_event.is_set():
            try:
                worked = self.run_once()
            except Exception:
                log.exception("worker %s: job loop error", self.worker_id)
                worked = False
            if not worked:
                self.stop_event.wait(self.poll_seconds)

    def run_once(self) -> bool:
        """Claim one due job and run it in this thread; False when nothing was due."""
        claimed = claim_next(
            self.db, self.worker_id, self.lease_seconds, shop_limit=self.shop_limit
        )
        if claimed is None:
            return False
        self._execute(claimed)
        return True

    # -- one attempt -----------------------------------------------------------------------

    def _execute(self, claimed: Claimed) -> None:
        job, claim = claimed.job, claimed.claim
        if job.cancel_requested:
            finish_cancelled(self.db, claim, None)
            log.info("job %s (%s) cancelled before its attempt %d", job.id, job.kind, claim.attempt)
            return
        if claim.attempt > job.max_attempts:
            message = (
                f"gave up after {job.max_attempts} attempt(s): the last one was lost with "
                f"worker {claimed.lost_owner}"
            )
            finish_abandoned(self.db, claim, message)
            log.warning("job %s (%s) is dead: %s", job.id, job.kind, message)
            return
        handler = self.handlers.get(job.kind)
        if handler is None:
            known = ", ".join(sorted(self.handlers)) or "none"
            message = (
                f"no handler is registered for job kind {job.kind!r} "
                f"(worker {self.worker_id} knows: {known}); is its plugin installed?"
            )
            finish_failed(self.db, claim, message=message, traceback=None, retry_at=None)
            log.error("job %s is dead: %s", job.id, message)
            return
        context = JobContext(
            self.db,
            claimed,
            lease_seconds=self.lease_seconds,
            progress_interval=self.progress_interval,
        )
        heartbeat = Heartbeat(context, interval=self.lease_seconds / 3)
        heartbeat.start()
        log.info("job %s (%s) attempt %d started", job.id, job.kind, claim.attempt)
        with self._running_lock:
            self._running[job.id] = context
        try:
            try:
                result = handler(context)
            finally:
                heartbeat.stop()
                with self._running_lock:
                    self._running.pop(job.id, None)
        except JobCancelled:
            self._record_cancelled(context)
            return
        except JobLeaseLost:
            if context.abandoned:
                release(self.db, claim, context.take_pending_progress())
                log.info("job %s (%s) given back at shutdown", job.id, job.kind)
            else:
                log.warning("job %s (%s): lease lost, outcome discarded", job.id, job.kind)
            return
        except Exception as exc:
            if self._record_wait(context, f"{type(exc).__name__}: {exc}", exc):
                return
            self._record_failure(
                context, f"{type(exc).__name__}: {exc}", traceback.format_exc(), exc
            )
            return
        self._record_success(context, result)

    def _record_success(self, context: JobContext, result: Any) -> None:
        try:
            held = finish_succeeded(self.db, context.claim, result, context.take_pending_progress())
        except BSONError as exc:
            self._record_failure(context, f"the handler's result cannot be stored: {exc}", None)
            return
        if held:
            log.info("job %s (%s) succeeded", context.id, context.kind)
        else:
            log.warning("job %s (%s) finished after its lease was lost", context.id, context.kind)

    def _record_cancelled(self, context: JobContext) -> None:
        if finish_cancelled(self.db, context.claim, context.take_pending_progress()):
            log.info("job %s (%s) cancelled", context.id, context.kind)

    def _record_wait(self, context: JobContext, message: str, error: BaseException) -> bool:
        """Reschedule the job after the wait `error` announces (``announced_wait`` true and a
        ``retry_after``, e.g. a marketplace's stated ban) without using up the attempt; False
        when `error` is no such wait (or the job waited too often): it is then a failure."""
        wait = getattr(error, "retry_after", None)
        if getattr(error, "announced_wait", False) is not True or not isinstance(wait, int | float):
            return False
        retry_at = utcnow() + timedelta(
            seconds=min(max(float(wait), 0.0), self.backoff.max_seconds)
        )
        state = finish_waiting(
            self.db,
            context.claim,
            message=message,
            retry_at=retry_at,
            progress=context.take_pending_progress(),
        )
        if state is None:
            return False
        log.info(
            "job %s (%s) waits until %s as the marketplace asked (no attempt used): %s",
            context.id,
            context.kind,
            retry_at,
            message,
        )
        return True

    def _record_failure(
        self,
        context: JobContext,
        message: str,
        trace: str | None,
        error: BaseException | None = None,
    ) -> None:
        """Record a failed attempt: retried with backoff (no sooner than the error's
        `retry_after` seconds, when it has one), or dead after the last attempt or when the
        error says ``retryable = False``."""
        attempt = context.attempt
        retry_at = None
        if attempt < context.max_attempts and getattr(error, "retryable", True) is not False:
            delay = self.backoff.delay(attempt)
            wait = getattr(error, "retry_after", None)
            if isinstance(wait, int | float) and wait > delay:
                delay = min(float(wait), self.backoff.max_seconds)
            retry_at = utcnow() + timedelta(seconds=delay)
        state = finish_failed(
            self.db,
            context.claim,
            message=message,
            traceback=trace,
            retry_at=retry_at,
            progress=context.take_pending_progress(),
        )
        if state is JobState.RETRYING:
            log.warning(
                "job %s (%s) attempt %d/%d failed, retrying at %s: %s",
                context.id,
                context.kind,
                attempt,
                context.max_attempts,
                retry_at,
                message,
            )
        elif state is JobState.DEAD:
            log.error(
                "job %s (%s) is dead after %d attempt(s): %s",
                context.id,
                context.kind,
                attempt,
                message,
            )
        elif state is JobState.CANCELLED:
            log.info(
                "job %s (%s) failed after a cancel request: cancelled", context.id, context.kind
            )


def run_worker(
    db: RawDatabase,
    handlers: Mapping[str, JobHandler],
    *,
    settings: Settings | None = None,
    concurrency: int = 1,
    stop_event: threading.Event | None = None,
    worker_id: str | None = None,
    lease_seconds: float | None = None,
    poll_seconds: float | None = None,
    backoff: Backoff | None = None,
    progress_interval: float = 1.0,
    run_schedules: bool = True,
) -> None:
    """Run a job worker on `db` until `stop_event` is set (blocks; the `cloudcat worker` entry).

    `handlers` maps job kinds to handlers (collect them from the plugins' `cloudcat_job_handlers`
    hook). `lease_seconds` and `poll_seconds` default to `settings.job_lease_seconds` and
    `settings.job_poll_seconds` (or 30 s and 1 s without settings). The lease is how long a job
    stays claimed without a heartbeat (renewed every third of it): a killed worker's job is taken
    over by another worker that long after its last renewal. `worker_id` defaults to
    ``host:pid:random``. Jobs are claimed fairly across shops, one shop running at most
    `settings.job_shop_concurrency` at once (see `claim_next`). Signal handling is the
    caller's: set `stop_event` on SIGTERM.
    """
    if lease_seconds is None:
        lease_seconds = settings.job_lease_seconds if settings else DEFAULT_LEASE_SECONDS
    if poll_seconds is None:
        poll_seconds = settings.job_poll_seconds if settings else DEFAULT_POLL_SECONDS
    Worker(
        db,
        handlers,
        concurrency=concurrency,
        stop_event=stop_event,
        worker_id=worker_id,
        lease_seconds=lease_seconds,
        poll_seconds=poll_seconds,
        backoff=backoff,
        progress_interval=progress_interval,
        run_schedules=run_schedules,
        shop_limit=settings.job_shop_concurrency if settings else None,
        grace_seconds=settings.job_shutdown_grace_seconds if settings else DEFAULT_GRACE_SECONDS,
    ).run()
