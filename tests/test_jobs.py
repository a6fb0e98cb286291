"""Durable jobs against the real database: idempotency, leases, retries, cancel, schedules."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from bson import ObjectId

from cloudcat.core.errors import BadInput, Conflict, NotFound
from cloudcat.core.jobs import (
    Backoff,
    Job,
    JobContext,
    JobHandler,
    JobLeaseLost,
    JobState,
    Worker,
    cancel,
    enqueue,
    enqueue_due_schedules,
    get_job,
    list_jobs,
    list_schedules,
    retry,
    run_worker,
    schedule,
    unschedule,
)
from cloudcat.core.jobs.lease import claim_next, finish_succeeded
from cloudcat.core.jobs.model import utcnow
from cloudcat.core.jobs.schedules import next_slot
from cloudcat.core.storage.database import RawDatabase
from tests.job_handlers import HANDLERS

T = TypeVar("T")

WAIT_SECONDS = 15.0
FAST_BACKOFF = Backoff(base_seconds=0.01, max_seconds=0.05)


def wait_for(probe: Callable[[], T | None], what: str, timeout: float = WAIT_SECONDS) -> T:
    """Poll `probe` until it returns something truthy (bounded), and return that."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def job_in_state(
    db: RawDatabase, shop_id: ObjectId | None, job_id: ObjectId, *states: JobState
) -> Callable[[], Job | None]:
    def probe() -> Job | None:
        job = get_job(db, shop_id, job_id)
        return job if job is not None and job.state in states else None

    return probe


@pytest.fixture
def shop_id() -> ObjectId:
    return ObjectId()


@pytest.fixture
def workers(db: RawDatabase) -> Iterator[Callable[..., Worker]]:
    """Start in-process workers with fast timings; all are stopped after the test."""
    started: list[Worker] = []

    def start(handlers: dict[str, JobHandler], **options: Any) -> Worker:
        settings: dict[str, Any] = {
            "lease_seconds": 10.0,  # generous: a loaded CI machine must not lose leases
            "poll_seconds": 0.02,
            "backoff": FAST_BACKOFF,
            "progress_interval": 0.05,
            **options,
        }
        worker = Worker(db, handlers, **settings)
        worker.start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop(timeout=WAIT_SECONDS)


def drain(worker: Worker, limit: int = 50) -> int:
    """Run due jobs in this thread until none is due; returns how many ran."""
    ran = 0
    while ran < limit and worker.run_once():
        ran += 1
    return ran


# -- enqueue ---------------------------------------------------------------------------------


def test_same_idempotency_key_gives_one_job_that_runs_once(
    db: RawDatabase, shop_id: ObjectId
) -> None:
    calls: list[ObjectId] = []

    def handler(job: JobContext) -> dict[str, Any]:
        calls.append(job.id)
        return {"n": job.payload["n"]}

    first = enqueue(db, "test.once", {"n": 1}, shop_id=shop_id, idempotency_key="order-42")
    second = enqueue(db, "test.once", {"n": 2}, shop_id=shop_id, idempotency_key="order-42")
    other_shop = enqueue(db, "test.once", {"n": 3}, shop_id=ObjectId(), idempotency_key="order-42")
    assert first == second
    assert other_shop != first

    worker = Worker(db, {"test.once": handler})
    drain(worker)
    enqueue(db, "test.once", {"n": 4}, shop_id=shop_id, idempotency_key="order-42")
    drain(worker)

    assert Counter(calls) == {first: 1, other_shop: 1}
    job = get_job(db, shop_id, first)
    assert job is not None
    assert job.state is JobState.SUCCEEDED
    assert job.attempts == 1
    assert job.result == {"n": 1}  # the first payload wins
    assert len(list_jobs(db, shop_id).jobs) == 1


def test_concurrent_enqueues_with_one_key_race_to_one_job(
    db: RawDatabase, shop_id: ObjectId
) -> None:
    callers = 8
    barrier = threading.Barrier(callers, timeout=WAIT_SECONDS)
    ids: list[ObjectId] = []

    def enqueue_after_barrier() -> None:
        barrier.wait()
        ids.append(enqueue(db, "test.race", {}, shop_id=shop_id, idempotency_key="same"))

    threads = [threading.Thread(target=enqueue_after_barrier) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS)
    assert len(ids) == callers
    assert len(set(ids)) == 1
    assert db.jobs.count_documents({"shop_id": shop_id}) == 1


def test_delayed_job_waits_for_its_run_at(db: RawDatabase, shop_id: ObjectId) -> None:
    later = enqueue(db, "test.echo", {}, shop_id=shop_id, run_at=utcnow() + timedelta(hours=1))
    worker = Worker(db, HANDLERS)
    assert worker.run_once() is False
    job = get_job(db, shop_id, later)
    assert job is not None and job.state is JobState.QUEUED and job.attempts == 0

    soon_at = utcnow() + timedelta(milliseconds=300)
    soon = enqueue(db, "test.echo", {"x": 1}, shop_id=shop_id, run_at=soon_at)
    succeeded = job_in_state(db, shop_id, soon, JobState.SUCCEEDED)
    done = wait_for(lambda: succeeded() if worker.run_once() else None, "the delayed job to run")
    assert done.started_at is not None and done.started_at >= soon_at
    job = get_job(db, shop_id, later)
    assert job is not None and job.state is JobState.QUEUED


# -- failures --------------------------------------------------------------------------------


def test_failing_job_is_retried_with_backoff_then_dead_lettered(
    db: RawDatabase, shop_id: ObjectId, workers: Callable[..., Worker]
) -> None:
    attempts_seen: list[int] = []

    def always_fails(job: JobContext) -> None:
        attempts_seen.append(job.attempt)
        raise ValueError(f"upstream said no (attempt {job.attempt})")

    job_id = enqueue(db, "test.fails", {}, shop_id=shop_id, max_attempts=3)
    workers({"test.fails": always_fails})
    job = wait_for(job_in_state(db, shop_id, job_id, JobState.DEAD), "the job to die")

    assert attempts_seen == [1, 2, 3]
    assert job.attempts == 3
    assert job.finished_at is not None
    assert job.last_error == "ValueError: upstream said no (attempt 3)"
    assert [error.attempt for error in job.errors] == [1, 2, 3]
    assert all(error.traceback and "always_fails" in error.traceback for error in job.errors)
    assert job.lease_owner is None and job.lease_expires_at is None


def test_a_failed_attempt_waits_for_its_backoff(db: RawDatabase, shop_id: ObjectId) -> None:
    def fails(job: JobContext) -> None:
        raise RuntimeError("boom")

    job_id = enqueue(db, "test.fails", {}, shop_id=shop_id, max_attempts=2)
    worker = Worker(db, {"test.fails": fails}, backoff=Backoff(base_seconds=3600, jitter=0))
    assert worker.run_once() is True
    job = get_job(db, shop_id, job_id)
    assert job is not None and job.state is JobState.RETRYING
    assert job.started_at is not None
    assert job.run_at >= job.started_at + timedelta(seconds=3599)
    assert worker.run_once() is False  # not due before its backoff has passed


def test_error_history_is_bounded(db: RawDatabase, shop_id: ObjectId) -> None:
    def fails(job: JobContext) -> None:
        raise RuntimeError(f"failure {job.attempt}")

    job_id = enqueue(db, "test.fails", {}, shop_id=shop_id, max_attempts=14)
    worker = Worker(db, {"test.fails": fails}, backoff=Backoff(base_seconds=0, max_seconds=0))
    wait_for(
        lambda: (worker.run_once() or True) and job_in_state(db, shop_id, job_id, JobState.DEAD)(),
        "the job to die",
    )
    job = get_job(db, shop_id, job_id)
    assert job is not None and job.attempts == 14
    assert [error.attempt for error in job.errors] == list(range(5, 15))


def test_unknown_kind_is_dead_with_a_clear_error(db: RawDatabase, shop_id: ObjectId) -> None:
    job_id = enqueue(db, "nobody.handles.this", {}, shop_id=shop_id)
    assert Worker(db, HANDLERS).run_once() is True
    job = get_job(db, shop_id, job_id)
    assert job is not None
    assert job.state is JobState.DEAD
    assert job.last_error is not None
    assert "no handler is registered for job kind 'nobody.handles.this'" in job.last_error


def test_retry_requeues_a_dead_job(db: RawDatabase, shop_id: ObjectId) -> None:
    broken = {"yes": True}

    def flaky(job: JobContext) -> str:
        if broken["yes"]:
            raise RuntimeError("dependency down")
        return "ok"

    job_id = enqueue(db, "test.flaky", {}, shop_id=shop_id, max_attempts=1)
    worker = Worker(db, {"test.flaky": flaky})
    worker.run_once()
    dead = get_job(db, shop_id, job_id)
    assert dead is not None and dead.state is JobState.DEAD

    queued = retry(db, shop_id, job_id)
    assert queued.state is JobState.QUEUED
    assert queued.attempts == 0 and queued.finished_at is None
    broken["yes"] = False
    assert worker.run_once() is True

    job = get_job(db, shop_id, job_id)
    assert job is not None
    assert job.state is JobState.SUCCEEDED and job.result == "ok" and job.attempts == 1
    assert [error.message for error in job.errors] == ["RuntimeError: dependency down"]
    with pytest.raises(Conflict):
        retry(db, shop_id, job_id)


# -- progress and cancellation -----------------------------------------------------------------


def test_progress_is_visible_while_the_job_runs(
    db: RawDatabase, shop_id: ObjectId, workers: Callable[..., Worker]
) -> None:
    release = threading.Event()

    def slow(job: JobContext) -> str:
        job.progress(2, 5, "halfway there")
        release.wait(WAIT_SECONDS)
        job.progress(4)
        job.progress(5, message="done")
        return "finished"

    job_id = enqueue(db, "test.slow", {}, shop_id=shop_id)
    workers({"test.slow": slow})

    def running_with_progress() -> Job | None:
        job = get_job(db, shop_id, job_id)
        if job and job.state is JobState.RUNNING and job.progress and job.progress.done == 2:
            return job
        return None

    running = wait_for(running_with_progress, "progress while running")
    assert running.progress is not None
    assert (running.progress.total, running.progress.message) == (5, "halfway there")
    assert running.progress.fraction == pytest.approx(0.4)
    assert running.lease_owner is not None and running.lease_expires_at is not None
    release.set()

    done = wait_for(job_in_state(db, shop_id, job_id, JobState.SUCCEEDED), "the job to finish")
    assert done.progress is not None
    assert (done.progress.done, done.progress.total, done.progress.message) == (5, 5, "done")
    assert done.result == "finished"


def test_cancel_a_queued_job(db: RawDatabase, shop_id: ObjectId) -> None:
    calls: list[ObjectId] = []
    job_id = enqueue(db, "test.never", {}, shop_id=shop_id)
    job = cancel(db, shop_id, job_id)
    assert job.state is JobState.CANCELLED and job.finished_at is not None
    assert cancel(db, shop_id, job_id).state is JobState.CANCELLED  # cancelling again is fine

    assert Worker(db, {"test.never": lambda job: calls.append(job.id)}).run_once() is False
    assert calls == []

    finished = enqueue(db, "test.echo", {}, shop_id=shop_id)
    assert Worker(db, HANDLERS).run_once() is True
    with pytest.raises(Conflict):
        cancel(db, shop_id, finished)


def test_cancel_a_running_job(
    db: RawDatabase, shop_id: ObjectId, workers: Callable[..., Worker]
) -> None:
    reached: list[int] = []

    def long_running(job: JobContext) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        step = 0
        while time.monotonic() < deadline:
            step += 1
            job.progress(step, message="working")
            reached.append(step)
            time.sleep(0.01)
        return "never cancelled"

    job_id = enqueue(db, "test.long", {}, shop_id=shop_id)
    workers({"test.long": long_running})
    wait_for(job_in_state(db, shop_id, job_id, JobState.RUNNING), "the job to start")

    requested = cancel(db, shop_id, job_id)
    assert requested.state is JobState.RUNNING and requested.cancel_requested

    job = wait_for(job_in_state(db, shop_id, job_id, JobState.CANCELLED), "the cancel")
    assert job.finished_at is not None and job.attempts == 1
    assert job.progress is not None and job.progress.done >= 1
    # A cancelled job can be retried.
    assert retry(db, shop_id, job_id).state is JobState.QUEUED


def test_check_cancelled_stops_a_handler_that_reports_no_progress(
    db: RawDatabase, shop_id: ObjectId, workers: Callable[..., Worker]
) -> None:
    started = threading.Event()

    def quiet(job: JobContext) -> None:
        started.set()
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            job.check_cancelled()
            time.sleep(0.01)

    job_id = enqueue(db, "test.quiet", {}, shop_id=shop_id)
    workers({"test.quiet": quiet})
    assert started.wait(WAIT_SECONDS)
    cancel(db, shop_id, job_id)
    job = wait_for(job_in_state(db, shop_id, job_id, JobState.CANCELLED), "the cancel")
    assert job.progress is None


# -- tenancy and listing -----------------------------------------------------------------------


def test_jobs_are_scoped_to_their_shop(db: RawDatabase, shop_id: ObjectId) -> None:
    other_shop = ObjectId()
    job_id = enqueue(db, "test.echo", {}, shop_id=shop_id)
    system_job = enqueue(db, "test.echo", {}, shop_id=None)

    assert get_job(db, other_shop, job_id) is None
    assert list_jobs(db, other_shop).jobs == []
    with pytest.raises(NotFound):
        cancel(db, other_shop, job_id)
    with pytest.raises(NotFound):
        retry(db, other_shop, job_id)
    assert get_job(db, shop_id, system_job) is None
    assert [job.id for job in list_jobs(db, None).jobs] == [system_job]
    assert get_job(db, shop_id, "not-an-object-id") is None

    job = get_job(db, shop_id, str(job_id))
    assert job is not None and job.state is JobState.QUEUED and job.shop_id == shop_id

    schedule(db, shop_id, "test.echo", {}, 60)
    assert list_schedules(db, other_shop) == []
    assert unschedule(db, other_shop, "test.echo") is False
    assert [s.kind for s in list_schedules(db, shop_id)] == ["test.echo"]


def test_list_jobs_pages_newest_first_and_filters(db: RawDatabase, shop_id: ObjectId) -> None:
    ids = [enqueue(db, f"test.kind{n % 2}", {"n": n}, shop_id=shop_id) for n in range(5)]
    cancel(db, shop_id, ids[0])

    page = list_jobs(db, shop_id, first=2)
    assert [job.id for job in page.jobs] == [ids[4], ids[3]] and page.has_next_page
    page = list_jobs(db, shop_id, first=2, after=page.end_cursor)
    assert [job.id for job in page.jobs] == [ids[2], ids[1]] and page.has_next_page
    page = list_jobs(db, shop_id, first=2, after=page.end_cursor)
    assert [job.id for job in page.jobs] == [ids[0]] and not page.has_next_page

    assert [j.id for j in list_jobs(db, shop_id, kind="test.kind0").jobs] == [
        ids[4],
        ids[2],
        ids[0],
    ]
    cancelled = list_jobs(db, shop_id, states=[JobState.CANCELLED]).jobs
    assert [job.id for job in cancelled] == [ids[0]]
    queued = list_jobs(db, shop_id, states=["queued"], kind="test.kind1").jobs
    assert [job.id for job in queued] == [ids[3], ids[1]]
    assert all(isinstance(job, Job) and job.payload == {"n": ids.index(job.id)} for job in queued)


# -- schedules ---------------------------------------------------------------------------------


def test_a_schedule_slot_is_enqueued_once_by_concurrent_workers(
    db: RawDatabase, shop_id: ObjectId
) -> None:
    sched = schedule(db, shop_id, "test.echo", {"report": "daily"}, every_seconds=3600)
    callers = 6
    created: list[ObjectId] = []

    def run_slot(moment: Any) -> None:
        barrier = threading.Barrier(callers, timeout=WAIT_SECONDS)

        def call() -> None:
            barrier.wait()
            created.extend(enqueue_due_schedules(db, now=moment))

        threads = [threading.Thread(target=call) for _ in range(callers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT_SECONDS)

    run_slot(utcnow())
    assert len(created) == 1
    assert db.jobs.count_documents({"shop_id": shop_id}) == 1
    first_slot = sched.next_run_at

    (moved,) = list_schedules(db, shop_id)
    assert moved.next_run_at == first_slot + timedelta(hours=1)
    assert moved.last_job_id == created[0]

    run_slot(moved.next_run_at + timedelta(seconds=1))
    assert len(created) == 2
    jobs = list_jobs(db, shop_id).jobs
    assert {job.schedule_id for job in jobs} == {sched.id}
    assert all(job.payload == {"report": "daily"} for job in jobs)
    assert len({job.idempotency_key for job in jobs}) == 2


def test_two_workers_run_each_schedule_slot_once(
    db: RawDatabase, shop_id: ObjectId, workers: Callable[..., Worker]
) -> None:
    runs: list[ObjectId] = []
    lock = threading.Lock()

    def tick(job: JobContext) -> None:
        with lock:
            runs.append(job.id)

    interval_ms = 200
    sched = schedule(db, shop_id, "test.tick", {}, every_seconds=interval_ms / 1000)
    handlers: dict[str, JobHandler] = {"test.tick": tick}
    first = workers(handlers, worker_id="worker-a", poll_seconds=0.01)
    second = workers(handlers, worker_id="worker-b", poll_seconds=0.01)
    wait_for(lambda: len(list_jobs(db, shop_id, states=[JobState.SUCCEEDED]).jobs) >= 4, "4 runs")
    unschedule(db, shop_id, "test.tick")
    first.stop(WAIT_SECONDS)
    second.stop(WAIT_SECONDS)

    jobs = list_jobs(db, shop_id, first=100).jobs
    slots = sorted(int(str(job.idempotency_key).rsplit(":", 1)[1]) for job in jobs)
    assert len(slots) == len(set(slots)) == len(jobs)
    assert all((slot - slots[0]) % interval_ms == 0 for slot in slots)
    assert all(job.schedule_id == sched.id for job in jobs)
    assert Counter(runs) == {job.id: 1 for job in jobs if job.state is JobState.SUCCEEDED}


def test_schedule_upserts_by_shop_kind_and_name(db: RawDatabase, shop_id: ObjectId) -> None:
    start = utcnow() + timedelta(hours=2)
    first = schedule(db, shop_id, "test.echo", {"v": 1}, 60, start_at=start)
    again = schedule(db, shop_id, "test.echo", {"v": 2}, 120)
    named = schedule(db, shop_id, "test.echo", {"v": 3}, 60, name="nightly", enabled=False)
    assert again.id == first.id and again.payload == {"v": 2} and again.interval_seconds == 120
    assert again.next_run_at == start  # kept when start_at is not given
    assert named.id != first.id and not named.enabled
    assert enqueue_due_schedules(db, now=start + timedelta(days=1)) != []
    assert db.jobs.count_documents({"shop_id": shop_id}) == 1  # the disabled one did not run
    assert unschedule(db, shop_id, "test.echo", name="nightly") is True
    assert [s.name for s in list_schedules(db, shop_id)] == ["default"]


def test_next_slot_stays_on_the_grid() -> None:
    slot = utcnow()
    assert next_slot(slot, 10, slot) == slot + timedelta(seconds=10)
    assert next_slot(slot, 10, slot + timedelta(seconds=35)) == slot + timedelta(seconds=40)
    later = slot + timedelta(seconds=5)
    assert next_slot(later, 10, slot) == later


# -- workers -----------------------------------------------------------------------------------


def test_run_worker_runs_jobs_concurrently_and_stops_gracefully(
    db: RawDatabase, shop_id: ObjectId
) -> None:
    together = threading.Barrier(3, timeout=WAIT_SECONDS)

    def meet(job: JobContext) -> int:
        return together.wait()

    ids = [enqueue(db, "test.meet", {}, shop_id=shop_id) for _ in range(3)]
    stop = threading.Event()
    thread = threading.Thread(
        target=run_worker,
        args=(db, {"test.meet": meet}),
        kwargs={"concurrency": 3, "stop_event": stop, "poll_seconds": 0.02, "lease_seconds": 5},
    )
    thread.start()
    try:
        for job_id in ids:
            wait_for(job_in_state(db, shop_id, job_id, JobState.SUCCEEDED), "all three to meet")
    finally:
        stop.set()
        thread.join(WAIT_SECONDS)
    assert not thread.is_alive()
    results = {job.result for job in list_jobs(db, shop_id).jobs}
    assert results == {0, 1, 2}  # each handler got a different place at the barrier


def test_a_stalled_worker_loses_its_lease_and_cannot_overwrite_the_takeover(
    db: RawDatabase, shop_id: ObjectId
) -> None:
    job_id = enqueue(db, "test.echo", {"x": 1}, shop_id=shop_id)
    stalled = claim_next(db, "stalled", lease_seconds=0.05)
    assert stalled is not None and stalled.job.id == job_id and stalled.claim.attempt == 1
    context = JobContext(db, stalled, lease_seconds=0.05, progress_interval=0)

    taken = wait_for(lambda: claim_next(db, "rescuer", lease_seconds=5), "the lease to expire")
    assert taken.lost_owner == "stalled" and taken.claim.attempt == 2

    with pytest.raises(JobLeaseLost):
        context.progress(1, 2)
    assert finish_succeeded(db, stalled.claim, "stale", None) is False
    assert finish_succeeded(db, taken.claim, "fresh", None) is True
    job = get_job(db, shop_id, job_id)
    assert job is not None and job.state is JobState.SUCCEEDED and job.result == "fresh"
    assert job.progress is None  # the stalled attempt's progress was refused too


def test_a_job_lost_on_its_last_attempt_is_dead(db: RawDatabase, shop_id: ObjectId) -> None:
    job_id = enqueue(db, "test.echo", {}, shop_id=shop_id, max_attempts=1)
    assert claim_next(db, "ghost", lease_seconds=0.05) is not None
    worker = Worker(db, HANDLERS)
    wait_for(worker.run_once, "the lease to expire")
    job = get_job(db, shop_id, job_id)
    assert job is not None and job.state is JobState.DEAD and job.attempts == 1
    assert job.last_error is not None and "lost with worker ghost" in job.last_error
    assert [(error.attempt, error.worker) for error in job.errors] == [(1, "ghost")]


def test_a_payload_the_database_cannot_store_is_refused(db: RawDatabase, shop_id: ObjectId) -> None:
    with pytest.raises(BadInput):
        enqueue(db, "test.echo", {"when": object()}, shop_id=shop_id)
    with pytest.raises(BadInput):
        enqueue(db, "", {}, shop_id=shop_id)
    assert list_jobs(db, shop_id).jobs == []


def test_a_worker_killed_mid_job_leaves_a_job_another_worker_finishes(
    db: RawDatabase,
    mongo_uri: str,
    database_name: str,
    shop_id: ObjectId,
    workers: Callable[..., Worker],
    tmp_path: Path,
) -> None:
    job_id = enqueue(db, "test.hang_on_first_attempt", {"steps": 3}, shop_id=shop_id)
    script = Path(__file__).with_name("job_handlers.py")
    log_path = tmp_path / "doomed-worker.log"
    with open(log_path, "wb") as log_file:
        doomed = subprocess.Popen(
            [sys.executable, str(script), mongo_uri, database_name, "doomed-worker", "1.0"],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:

        def hanging() -> Job | None:
            assert doomed.poll() is None, log_path.read_text()
            job = get_job(db, shop_id, job_id)
            if job and job.state is JobState.RUNNING and job.progress and job.progress.done == 1:
                return job
            return None

        running = wait_for(hanging, "the subprocess worker to report progress")
        assert running.lease_owner == "doomed-worker" and running.attempts == 1
    finally:
        doomed.kill()
        doomed.wait(WAIT_SECONDS)

    still = get_job(db, shop_id, job_id)
    assert still is not None and still.state is JobState.RUNNING  # nobody knows it died yet

    workers(HANDLERS, worker_id="rescuer", lease_seconds=1.0)
    done = wait_for(job_in_state(db, shop_id, job_id, JobState.SUCCEEDED), "the takeover")
    assert done.attempts == 2
    assert done.result == {"finished_by_attempt": 2}
    assert done.progress is not None and (done.progress.done, done.progress.total) == (3, 3)
    (lost,) = done.errors
    assert lost.attempt == 1 and lost.worker == "doomed-worker"
    assert "doomed-worker" in lost.message and "lease" in lost.message
