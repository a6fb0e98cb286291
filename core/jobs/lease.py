"""The worker's side of a job: claiming it under a lease, renewing it, and recording the outcome.

A claim is atomic (`find_one_and_update`): a worker takes the oldest due job that is queued or
retrying, or one still `running` whose lease expired because its worker died or stalled. Each
claim increments `attempts`, and every later write of that attempt is conditional on
(`_id`, `lease_owner`, `attempts`, state running): a worker that lost its lease cannot
overwrite the work of the one that took the job over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ReturnDocument

from cloudcat.core.jobs.model import WAITING_STATES, Job, JobState, job_from_document, utcnow
from cloudcat.core.jobs.store import jobs_collection, suspended_shops
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import call_with_retries

log = logging.getLogger(__name__)

MAX_ERRORS_KEPT = 10
MAX_MESSAGE_LENGTH = 2000
MAX_TRACEBACK_LENGTH = 8000
MAX_WAITS = 1000
"""How many announced waits (see `finish_waiting`) a job may take in all; after that, each one
counts as a failed attempt again, so that a marketplace banning for ever cannot keep a job
alive for ever."""


@dataclass(frozen=True)
class Claim:
    """One attempt at one job by one worker: the key of every write of that attempt."""

    job_id: ObjectId
    worker_id: str
    attempt: int

    @property
    def filter(self) -> dict[str, Any]:
        return {
            "_id": self.job_id,
            "lease_owner": self.worker_id,
            "attempts": self.attempt,
            "state": JobState.RUNNING.value,
        }


@dataclass(frozen=True)
class Claimed:
    """A claimed job; `lost_owner` names the worker whose expired lease was taken over."""

    job: Job
    claim: Claim
    lost_owner: str | None


@dataclass(frozen=True)
class Renewal:
    """The answer to a lease renewal: whether the lease is still ours, and the cancel flag."""

    held: bool
    cancel_requested: bool


def _truncate(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def error_entry(
    attempt: int, message: str, worker: str | None, traceback: str | None = None
) -> dict[str, Any]:
    """A stored entry of a job's bounded error history."""
    return {
        "attempt": attempt,
        "at": utcnow(),
        "message": _truncate(message, MAX_MESSAGE_LENGTH),
        "worker": worker,
        "traceback": _truncate(traceback, MAX_TRACEBACK_LENGTH),
    }


def _push_error(entry: dict[str, Any]) -> dict[str, Any]:
    return {"errors": {"$each": [entry], "$slice": -MAX_ERRORS_KEPT}}


def running_per_shop(db: RawDatabase, now: datetime) -> dict[ObjectId, int]:
    """How many jobs of each shop run under a live lease now (system jobs are not counted)."""
    pipeline: list[dict[str, Any]] = [
        {"$match": {"state": JobState.RUNNING.value, "lease_expires_at": {"$gt": now}}},
        {"$group": {"_id": "$shop_id", "running": {"$sum": 1}}},
    ]
    rows = call_with_retries(lambda: list(jobs_collection(db).aggregate(pipeline)))
    return {row["_id"]: int(row["running"]) for row in rows if row["_id"] is not None}


def claim_next(
    db: RawDatabase, worker_id: str, lease_seconds: float, *, shop_limit: int | None = None
) -> Claimed | None:
    """Atomically take the next due job for `worker_id`, or None when nothing is due.

    Fair across shops: a due job of a shop with nothing running goes first, so one shop's
    long or stuck jobs never hold the slots while other shops' jobs wait. Only when no such
    job is due does a shop get another slot, and then only below `shop_limit` jobs running at
    once (None: no limit). The counts are read just before the claim, so two workers claiming
    at the same moment may each see a slot free: the limit is a fairness rule, not a lock.
    """
    running = running_per_shop(db, utcnow())
    claimed = _claim(db, worker_id, lease_seconds, list(running))
    if claimed is not None or not running:
        return claimed
    full = [
        shop for shop, count in running.items() if shop_limit is not None and count >= shop_limit
    ]
    return _claim(db, worker_id, lease_seconds, full)


def _claim(
    db: RawDatabase, worker_id: str, lease_seconds: float, skip_shops: list[ObjectId]
) -> Claimed | None:
    """Take the oldest due job not of `skip_shops` (see `claim_next`)."""
    collection = jobs_collection(db)
    now = utcnow()
    expires = now + timedelta(seconds=lease_seconds)
    changes = {
        "state": JobState.RUNNING.value,
        "lease_owner": worker_id,
        "lease_expires_at": expires,
        "started_at": now,
        "updated_at": now,
    }
    waiting = call_with_retries(lambda: suspended_shops(db))
    before = call_with_retries(
        lambda: collection.find_one_and_update(
            {
                "shop_id": {"$nin": [*waiting, *skip_shops]},
                "$or": [
                    {"state": {"$in": list(WAITING_STATES)}, "run_at": {"$lte": now}},
                    {"state": JobState.RUNNING.value, "lease_expires_at": {"$lte": now}},
                ],
            },
            {"$set": changes, "$inc": {"attempts": 1}},
            sort=[("run_at", 1), ("_id", 1)],
            return_document=ReturnDocument.BEFORE,
        )
    )
    if before is None:
        return None
    lost_owner = before.get("lease_owner") if before["state"] == JobState.RUNNING.value else None
    after = {**before, **changes, "attempts": int(before.get("attempts", 0)) + 1}
    claim = Claim(job_id=before["_id"], worker_id=worker_id, attempt=after["attempts"])
    if lost_owner is not None:
        entry = error_entry(
            claim.attempt - 1,
            f"worker {lost_owner} stopped renewing its lease during attempt "
            f"{claim.attempt - 1} (it died or stalled); the job was taken over",
            lost_owner,
        )
        collection.update_one(
            claim.filter, {"$set": {"last_error": entry["message"]}, "$push": _push_error(entry)}
        )
        after["last_error"] = entry["message"]
        log.warning("job %s (%s): %s", claim.job_id, before["kind"], entry["message"])
    return Claimed(job=job_from_document(after), claim=claim, lost_owner=lost_owner)


def renew(
    db: RawDatabase,
    claim: Claim,
    lease_seconds: float,
    progress: dict[str, Any] | None = None,
) -> Renewal:
    """Extend the lease (storing `progress` when given); tells whether it is still ours."""
    now = utcnow()
    changes: dict[str, Any] = {
        "lease_expires_at": now + timedelta(seconds=lease_seconds),
        "updated_at": now,
    }
    if progress is not None:
        changes["progress"] = progress
    doc = call_with_retries(
        lambda: jobs_collection(db).find_one_and_update(
            claim.filter,
            {"$set": changes},
            projection={"cancel_requested": 1},
            return_document=ReturnDocument.AFTER,
        )
    )
    if doc is None:
        return Renewal(held=False, cancel_requested=False)
    return Renewal(held=True, cancel_requested=bool(doc.get("cancel_requested")))


def read_cancel_requested(db: RawDatabase, claim: Claim) -> Renewal:
    """Whether cancellation was requested, without writing; `held` False if the lease is lost."""
    doc = jobs_collection(db).find_one(claim.filter, {"cancel_requested": 1})
    if doc is None:
        return Renewal(held=False, cancel_requested=False)
    return Renewal(held=True, cancel_requested=bool(doc.get("cancel_requested")))


def _finish(
    db: RawDatabase,
    claim: Claim,
    changes: dict[str, Any],
    *,
    extra_filter: dict[str, Any] | None = None,
    error: dict[str, Any] | None = None,
) -> bool:
    """End the attempt with `changes` (and an error entry), if the lease is still ours."""
    update: dict[str, Any] = {
        "$set": {"lease_owner": None, "lease_expires_at": None, "updated_at": utcnow(), **changes}
    }
    if error is not None:
        update["$push"] = _push_error(error)
    result = call_with_retries(
        lambda: jobs_collection(db).update_one({**claim.filter, **(extra_filter or {})}, update)
    )
    return result.modified_count == 1


def finish_succeeded(
    db: RawDatabase, claim: Claim, result: Any, progress: dict[str, Any] | None
) -> bool:
    """Record success with the handler's `result`; False when the lease was lost."""
    changes: dict[str, Any] = {
        "state": JobState.SUCCEEDED.value,
        "result": result,
        "finished_at": utcnow(),
    }
    if progress is not None:
        changes["progress"] = progress
    return _finish(db, claim, changes)


def finish_cancelled(db: RawDatabase, claim: Claim, progress: dict[str, Any] | None) -> bool:
    """Record that the handler stopped on a cancel request; False when the lease was lost."""
    changes: dict[str, Any] = {"state": JobState.CANCELLED.value, "finished_at": utcnow()}
    if progress is not None:
        changes["progress"] = progress
    return _finish(db, claim, changes)


def finish_failed(
    db: RawDatabase,
    claim: Claim,
    *,
    message: str,
    traceback: str | None,
    retry_at: datetime | None,
    progress: dict[str, Any] | None = None,
) -> JobState | None:
    """Record a failed attempt and return the job's new state (None when the lease was lost).

    With `retry_at` the job becomes `retrying` until then, unless a cancel was requested
    meanwhile (then `cancelled`); without it the job is `dead`.
    """
    entry = error_entry(claim.attempt, message, claim.worker_id, traceback)
    base: dict[str, Any] = {"last_error": entry["message"]}
    if progress is not None:
        base["progress"] = progress
    if retry_at is not None:
        retrying = {**base, "state": JobState.RETRYING.value, "run_at": retry_at}
        if _finish(
            db, claim, retrying, extra_filter={"cancel_requested": {"$ne": True}}, error=entry
        ):
            return JobState.RETRYING
        cancelled = {**base, "state": JobState.CANCELLED.value, "finished_at": utcnow()}
        if _finish(db, claim, cancelled, extra_filter={"cancel_requested": True}, error=entry):
            return JobState.CANCELLED
        return None
    dead = {**base, "state": JobState.DEAD.value, "finished_at": utcnow()}
    return JobState.DEAD if _finish(db, claim, dead, error=entry) else None


def finish_waiting(
    db: RawDatabase,
    claim: Claim,
    *,
    message: str,
    retry_at: datetime,
    progress: dict[str, Any] | None = None,
) -> JobState | None:
    """Reschedule the job for `retry_at` without using up this attempt: the handler stopped
    on a wait it was told to make (a ban the marketplace announced), not on a failure.

    The job becomes `retrying` with its attempt count back where it was before this claim
    (unless a cancel was requested meanwhile: then `cancelled`). Returns None when the lease
    was lost, or when the job already waited `MAX_WAITS` times (the caller then records a
    failure instead)."""
    doc = jobs_collection(db).find_one(claim.filter, {"waits": 1})
    if doc is None or int(doc.get("waits") or 0) >= MAX_WAITS:
        return None
    base: dict[str, Any] = {"last_error": _truncate(message, MAX_MESSAGE_LENGTH)}
    if progress is not None:
        base["progress"] = progress
    waiting = {
        **base,
        "state": JobState.RETRYING.value,
        "run_at": retry_at,
        "attempts": claim.attempt - 1,
        "waits": int(doc.get("waits") or 0) + 1,
    }
    if _finish(db, claim, waiting, extra_filter={"cancel_requested": {"$ne": True}}):
        return JobState.RETRYING
    cancelled = {**base, "state": JobState.CANCELLED.value, "finished_at": utcnow()}
    if _finish(db, claim, cancelled, extra_filter={"cancel_requested": True}):
        return JobState.CANCELLED
    return None


def release(db: RawDatabase, claim: Claim, progress: dict[str, Any] | None) -> bool:
    """Give a job back unfinished (its worker is shutting down): queued again at once, this
    attempt not counted, for any worker to claim; False when the lease was lost."""
    changes: dict[str, Any] = {
        "state": JobState.QUEUED.value,
        "run_at": utcnow(),
        "attempts": claim.attempt - 1,
    }
    if progress is not None:
        changes["progress"] = progress
    return _finish(db, claim, changes)


def finish_abandoned(db: RawDatabase, claim: Claim, message: str) -> bool:
    """Dead-letter a job taken over after its last attempt was lost (this claim is no attempt)."""
    changes: dict[str, Any] = {
        "state": JobState.DEAD.value,
        "attempts": claim.attempt - 1,
        "last_error": _truncate(message, MAX_MESSAGE_LENGTH),
        "finished_at": utcnow(),
    }
    return _finish(db, claim, changes)
