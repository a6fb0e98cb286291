"""Enqueueing, reading and steering jobs; every call is scoped to one shop (None: system jobs).

Jobs live in the `jobs` collection, written with raw pymongo. An idempotency key makes
`enqueue` safe to repeat: a unique partial index on (shop_id, kind, idempotency_key) keeps one
job per key, and a lost insert race hands back the job that won.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from bson import ObjectId
from bson.errors import InvalidDocument, InvalidId
from pymongo import ASCENDING, DESCENDING, IndexModel, MongoClient
from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from cloudcat.core.errors import BadInput, Conflict, FieldError, NotFound
from cloudcat.core.jobs.model import (
    JOBS,
    SCHEDULES,
    WAITING_STATES,
    Job,
    JobPage,
    JobState,
    aware,
    job_from_document,
    utcnow,
)
from cloudcat.core.storage.database import RawDatabase, register_raw_indexes
from cloudcat.core.storage.retry import call_with_retries, retry_transient

log = logging.getLogger(__name__)
SHOPS = "shops"
"""The shops collection (`cloudcat.core.documents.Shop`), read for the suspended ones."""

DEFAULT_MAX_ATTEMPTS = 5
MAX_PAGE_SIZE = 500
MAX_KEY_LENGTH = 500

JOB_INDEXES = [
    IndexModel(
        [("shop_id", ASCENDING), ("kind", ASCENDING), ("idempotency_key", ASCENDING)],
        name="idempotency",
        unique=True,
        partialFilterExpression={"idempotency_key": {"$type": "string"}},
    ),
    IndexModel([("state", ASCENDING), ("run_at", ASCENDING)], name="due"),
    IndexModel([("state", ASCENDING), ("lease_expires_at", ASCENDING)], name="lease"),
    IndexModel([("shop_id", ASCENDING), ("_id", DESCENDING)], name="shop_newest"),
    IndexModel(
        [("shop_id", ASCENDING), ("state", ASCENDING), ("_id", DESCENDING)], name="shop_state"
    ),
    IndexModel(
        [("shop_id", ASCENDING), ("kind", ASCENDING), ("_id", DESCENDING)], name="shop_kind"
    ),
]
SCHEDULE_INDEXES = [
    IndexModel(
        [("shop_id", ASCENDING), ("kind", ASCENDING), ("name", ASCENDING)],
        name="schedule_identity",
        unique=True,
    ),
    IndexModel([("enabled", ASCENDING), ("next_run_at", ASCENDING)], name="due"),
]

_indexed: weakref.WeakKeyDictionary[MongoClient[dict[str, Any]], set[str]] = (
    weakref.WeakKeyDictionary()
)
_indexed_lock = threading.Lock()


def ensure_job_indexes(db: RawDatabase, *, force: bool = False) -> None:
    """Create the indexes of `jobs` and `job_schedules` (idempotent; once per process and db).

    `enqueue`, `schedule` and the worker call this themselves, because idempotency relies on
    the unique index; calling it at startup just moves that first round trip earlier.
    """
    with _indexed_lock:
        done = _indexed.setdefault(db.client, set())
        if db.name in done and not force:
            return
        db[JOBS].create_indexes(JOB_INDEXES)
        db[SCHEDULES].create_indexes(SCHEDULE_INDEXES)
        done.add(db.name)


register_raw_indexes(ensure_job_indexes)


def jobs_collection(db: RawDatabase) -> Collection[dict[str, Any]]:
    """The `jobs` collection, its indexes ensured."""
    ensure_job_indexes(db)
    return db[JOBS]


def suspended_shops(db: RawDatabase) -> list[ObjectId]:
    """The ids of the suspended shops, whose jobs wait (unclaimed, attempts untouched) until
    the shop is resumed."""
    return [doc["_id"] for doc in db[SHOPS].find({"suspended": True}, {"_id": 1})]


def parse_id(value: ObjectId | str) -> ObjectId | None:
    """`value` as an ObjectId, or None when it cannot be one (so it matches nothing)."""
    if isinstance(value, ObjectId):
        return value
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        return None


def _check_enqueue(kind: str, idempotency_key: str | None, max_attempts: int) -> None:
    problems: list[FieldError] = []
    if not isinstance(kind, str) or not kind.strip():
        problems.append(FieldError(["kind"], "a job needs a kind"))
    if idempotency_key is not None and (
        not isinstance(idempotency_key, str)
        or not idempotency_key
        or len(idempotency_key) > MAX_KEY_LENGTH
    ):
        problems.append(
            FieldError(
                ["idempotency_key"],
                f"must be a non-empty string of at most {MAX_KEY_LENGTH} characters",
            )
        )
    if max_attempts < 1:
        problems.append(FieldError(["max_attempts"], "must be at least 1"))
    if problems:
        raise BadInput("the job cannot be enqueued", problems)


def insert_job(
    db: RawDatabase,
    kind: str,
    payload: Mapping[str, Any] | None,
    *,
    shop_id: ObjectId | None,
    idempotency_key: str | None = None,
    run_at: datetime | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    extra: Mapping[str, Any] | None = None,
) -> tuple[ObjectId, bool]:
    """Insert a job (or find the one with the same idempotency key): (id, newly created)."""
    _check_enqueue(kind, idempotency_key, max_attempts)
    collection = jobs_collection(db)
    now = utcnow()
    document: dict[str, Any] = {
        "shop_id": shop_id,
        "kind": kind,
        "payload": dict(payload or {}),
        "state": JobState.QUEUED.value,
        "attempts": 0,
        "max_attempts": max_attempts,
        "run_at": aware(run_at) if run_at is not None else now,
        "created_at": now,
        "updated_at": now,
        "started_at": None,
        "finished_at": None,
        "lease_owner": None,
        "lease_expires_at": None,
        "cancel_requested": False,
        "progress": None,
        "result": None,
        "last_error": None,
        "errors": [],
        **(extra or {}),
    }
    if idempotency_key is not None:
        document["idempotency_key"] = idempotency_key
    identity = {"shop_id": shop_id, "kind": kind, "idempotency_key": idempotency_key}
    for _ in range(5):
        if idempotency_key is not None:
            existing = collection.find_one(identity, {"_id": 1})
            if existing is not None:
                return existing["_id"], False
        document.pop("_id", None)
        try:
            call_with_retries(lambda: collection.insert_one(document))
        except InvalidDocument as exc:
            raise BadInput(
                "the job payload cannot be stored",
                [FieldError(["payload"], f"not storable in the database: {exc}")],
            ) from exc
        except DuplicateKeyError:
            # Another caller inserted the same key between our look-up and our insert.
            log.debug("idempotency race on %s/%s, using the winner", kind, idempotency_key)
            continue
        return document["_id"], True
    raise Conflict(f"could not enqueue {kind!r}: the idempotency key kept changing hands")


def enqueue(
    db: RawDatabase,
    kind: str,
    payload: Mapping[str, Any] | None = None,
    *,
    shop_id: ObjectId | None,
    idempotency_key: str | None = None,
    run_at: datetime | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> ObjectId:
    """Queue a job of `kind` for `shop_id` (None for a system job) and return its id.

    `payload` must be BSON-encodable. With an `idempotency_key`, enqueueing the same
    (shop_id, kind, key) again returns the existing job, whatever its state, and the job runs
    once; the first payload wins. `run_at` delays the first run (naive datetimes are UTC).
    A failing job is retried with backoff until `max_attempts` attempts, then dead-lettered.
    """
    job_id, created = insert_job(
        db,
        kind,
        payload,
        shop_id=shop_id,
        idempotency_key=idempotency_key,
        run_at=run_at,
        max_attempts=max_attempts,
    )
    if created:
        log.info("enqueued job %s (%s) for shop %s", job_id, kind, shop_id)
    return job_id


def get_job(db: RawDatabase, shop_id: ObjectId | None, job_id: ObjectId | str) -> Job | None:
    """The job `job_id` of `shop_id`, or None when that shop has no such job."""
    object_id = parse_id(job_id)
    if object_id is None:
        return None
    doc = jobs_collection(db).find_one({"_id": object_id, "shop_id": shop_id})
    return job_from_document(doc) if doc is not None else None


def list_jobs(
    db: RawDatabase,
    shop_id: ObjectId | None,
    *,
    states: Iterable[JobState | str] | None = None,
    kind: str | None = None,
    first: int = 20,
    after: ObjectId | None = None,
) -> JobPage:
    """One page of `shop_id`'s jobs, newest first, optionally only some states or one kind.

    Keyset pagination on `_id`: pass the previous page's `end_cursor` as `after`. `first` is
    capped at `MAX_PAGE_SIZE`.
    """
    if first < 1:
        raise BadInput("first must be at least 1", [FieldError(["first"], "must be at least 1")])
    first = min(first, MAX_PAGE_SIZE)
    query: dict[str, Any] = {"shop_id": shop_id}
    if states is not None:
        try:
            wanted = sorted({JobState(state).value for state in states})
        except ValueError as exc:
            raise BadInput(
                "unknown job state",
                [FieldError(["states"], f"one of {[s.value for s in JobState]}")],
            ) from exc
        query["state"] = {"$in": wanted}
    if kind is not None:
        query["kind"] = kind
    if after is not None:
        query["_id"] = {"$lt": after}
    cursor = jobs_collection(db).find(query).sort("_id", DESCENDING).limit(first + 1)
    documents = list(cursor)
    return JobPage(
        jobs=[job_from_document(doc) for doc in documents[:first]],
        has_next_page=len(documents) > first,
    )


def _require(db: RawDatabase, shop_id: ObjectId | None, job_id: ObjectId | str) -> Job:
    job = get_job(db, shop_id, job_id)
    if job is None:
        raise NotFound(f"there is no job {job_id}")
    return job


@retry_transient
def cancel(db: RawDatabase, shop_id: ObjectId | None, job_id: ObjectId | str) -> Job:
    """Cancel a job of `shop_id` and return it as it is now.

    A queued or retrying job is cancelled at once. A running job gets `cancel_requested`: its
    handler's next `progress()` or `check_cancelled()` raises `JobCancelled` and the worker
    records it cancelled (a handler that never checks runs to its end). Cancelling a cancelled
    job is a no-op; a succeeded or dead job raises `Conflict`; an unknown one `NotFound`.
    """
    collection = jobs_collection(db)
    for _ in range(5):
        job = _require(db, shop_id, job_id)
        now = utcnow()
        if job.state.value in WAITING_STATES:
            result = collection.update_one(
                {"_id": job.id, "shop_id": shop_id, "state": {"$in": list(WAITING_STATES)}},
                {
                    "$set": {
                        "state": JobState.CANCELLED.value,
                        "cancel_requested": True,
                        "finished_at": now,
                        "updated_at": now,
                    }
                },
            )
        elif job.state is JobState.RUNNING:
            result = collection.update_one(
                {"_id": job.id, "shop_id": shop_id, "state": JobState.RUNNING.value},
                {"$set": {"cancel_requested": True, "updated_at": now}},
            )
        elif job.state is JobState.CANCELLED:
            return job
        else:
            raise Conflict(f"job {job.id} is already {job.state.value}; it cannot be cancelled")
        if result.modified_count:
            log.info("cancel of job %s (%s) requested while %s", job.id, job.kind, job.state)
            return _require(db, shop_id, job.id)
    raise Conflict(f"job {job_id} kept changing state; try cancelling it again")


@retry_transient
def retry(db: RawDatabase, shop_id: ObjectId | None, job_id: ObjectId | str) -> Job:
    """Queue a dead, cancelled or retrying job of `shop_id` to run now, and return it.

    A dead or cancelled job starts again with a fresh budget of `max_attempts` (its error
    history is kept); a retrying job just skips the rest of its backoff. A queued, running or
    succeeded job raises `Conflict`; an unknown one `NotFound`.
    """
    collection = jobs_collection(db)
    for _ in range(5):
        job = _require(db, shop_id, job_id)
        now = utcnow()
        changes: dict[str, Any] = {
            "state": JobState.QUEUED.value,
            "run_at": now,
            "updated_at": now,
            "cancel_requested": False,
            "finished_at": None,
            "lease_owner": None,
            "lease_expires_at": None,
        }
        if job.state in (JobState.DEAD, JobState.CANCELLED):
            changes["attempts"] = 0
        elif job.state is not JobState.RETRYING:
            raise Conflict(
                f"job {job.id} is {job.state.value}; only dead, cancelled or retrying jobs "
                "can be retried"
            )
        result = collection.update_one(
            {"_id": job.id, "shop_id": shop_id, "state": job.state.value}, {"$set": changes}
        )
        if result.modified_count:
            log.info("job %s (%s) re-queued from %s", job.id, job.kind, job.state)
            return _require(db, shop_id, job.id)
    raise Conflict(f"job {job_id} kept changing state; try again")
