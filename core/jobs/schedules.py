"""Per-shop periodic jobs: a schedule enqueues `kind` with `payload` every `interval_seconds`.

Schedules live in `job_schedules`, one per (shop_id, kind, name). Workers turn due schedules
into jobs with `enqueue_due_schedules`. Each due time is a *slot*; the job of a slot carries the
idempotency key ``schedule:<schedule id>:<slot in epoch ms>``, so however many workers see the
same slot, one job is enqueued. The job is enqueued before the schedule moves on (a
compare-and-set on `next_run_at`), so a worker dying in between loses no slot: the next worker
enqueues the same slot again, which the key turns into a no-op. Slots missed while no worker
ran are not caught up one by one: the schedule runs once and moves to its next future slot.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, ReturnDocument
from pymongo.collection import Collection

from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.jobs.model import SCHEDULES, Schedule, aware, schedule_from_document, utcnow
from cloudcat.core.jobs.store import (
    DEFAULT_MAX_ATTEMPTS,
    ensure_job_indexes,
    insert_job,
    suspended_shops,
)
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import call_with_retries, retry_transient

log = logging.getLogger(__name__)

MIN_INTERVAL_SECONDS = 0.001


def schedules_collection(db: RawDatabase) -> Collection[dict[str, Any]]:
    """The `job_schedules` collection, its indexes ensured."""
    ensure_job_indexes(db)
    return db[SCHEDULES]


@retry_transient
def schedule(
    db: RawDatabase,
    shop_id: ObjectId | None,
    kind: str,
    payload: Mapping[str, Any] | None,
    every_seconds: float,
    *,
    name: str = "default",
    enabled: bool = True,
    start_at: datetime | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> Schedule:
    """Create or update the schedule (shop_id, kind, name) and return it.

    A new schedule first runs at `start_at` (default: now). Updating one keeps its next run
    time unless `start_at` is given. `enabled=False` pauses it without forgetting it.
    """
    problems: list[FieldError] = []
    if not isinstance(kind, str) or not kind.strip():
        problems.append(FieldError(["kind"], "a schedule needs a job kind"))
    if not isinstance(name, str) or not name.strip():
        problems.append(FieldError(["name"], "a schedule needs a name"))
    if not math.isfinite(every_seconds) or every_seconds < MIN_INTERVAL_SECONDS:
        problems.append(FieldError(["every_seconds"], "must be a positive number of seconds"))
    if max_attempts < 1:
        problems.append(FieldError(["max_attempts"], "must be at least 1"))
    if problems:
        raise BadInput("the schedule is not valid", problems)
    now = utcnow()
    changes: dict[str, Any] = {
        "payload": dict(payload or {}),
        "interval_seconds": float(every_seconds),
        "enabled": enabled,
        "max_attempts": max_attempts,
        "updated_at": now,
    }
    on_insert: dict[str, Any] = {"created_at": now}
    if start_at is not None:
        changes["next_run_at"] = aware(start_at)
    else:
        on_insert["next_run_at"] = now
    doc = schedules_collection(db).find_one_and_update(
        {"shop_id": shop_id, "kind": kind, "name": name},
        {"$set": changes, "$setOnInsert": on_insert},
        upsert=True,
        return_document=ReturnDocument.AFTER,
    )
    assert doc is not None  # an upsert returning the document after always finds one
    return schedule_from_document(doc)


@retry_transient
def unschedule(
    db: RawDatabase, shop_id: ObjectId | None, kind: str, *, name: str = "default"
) -> bool:
    """Delete the schedule (shop_id, kind, name); False when there was none."""
    result = schedules_collection(db).delete_one({"shop_id": shop_id, "kind": kind, "name": name})
    return result.deleted_count == 1


def list_schedules(db: RawDatabase, shop_id: ObjectId | None) -> list[Schedule]:
    """Every schedule of `shop_id`, by kind then name."""
    cursor = schedules_collection(db).find({"shop_id": shop_id})
    documents = cursor.sort([("kind", ASCENDING), ("name", ASCENDING)])
    return [schedule_from_document(doc) for doc in documents]


def next_slot(slot: datetime, interval_seconds: float, now: datetime) -> datetime:
    """The first slot after `now` on the grid `slot + k * interval_seconds`."""
    interval = timedelta(seconds=interval_seconds)
    if slot > now:
        return slot
    steps = math.floor((now - slot) / interval) + 1
    following = slot + steps * interval
    following = following.replace(microsecond=following.microsecond // 1000 * 1000)
    while following <= now:  # millisecond truncation may land on or before now
        following += interval
    return following


def slot_key(schedule_id: ObjectId, slot: datetime) -> str:
    """The idempotency key of the job for `slot` of schedule `schedule_id`."""
    return f"schedule:{schedule_id}:{round(aware(slot).timestamp() * 1000)}"


def enqueue_due_schedules(
    db: RawDatabase, *, now: datetime | None = None, limit: int = 100
) -> list[ObjectId]:
    """Enqueue one job per due schedule slot (any number of workers may call this at once).

    Returns the ids of the jobs this call created (a slot another caller already enqueued is
    not counted). At most `limit` slots are handled per call. The schedules of suspended shops
    wait (they are due once more when the shop is resumed).
    """
    collection = schedules_collection(db)
    created: list[ObjectId] = []
    waiting = suspended_shops(db)
    for _ in range(limit):
        moment = aware(now) if now is not None else utcnow()
        doc = collection.find_one(
            {"enabled": True, "next_run_at": {"$lte": moment}, "shop_id": {"$nin": waiting}},
            sort=[("next_run_at", ASCENDING), ("_id", ASCENDING)],
        )
        if doc is None:
            break
        due = schedule_from_document(doc)
        job_id, new = insert_job(
            db,
            due.kind,
            due.payload,
            shop_id=due.shop_id,
            idempotency_key=slot_key(due.id, due.next_run_at),
            max_attempts=int(doc.get("max_attempts", DEFAULT_MAX_ATTEMPTS)),
            extra={"schedule_id": due.id},
        )
        if new:
            created.append(job_id)
            log.info("schedule %s enqueued job %s (%s)", due.id, job_id, due.kind)
        following = next_slot(due.next_run_at, due.interval_seconds, moment)
        _advance(collection, doc, following, moment, job_id)
    return created


def _advance(
    collection: Collection[dict[str, Any]],
    doc: dict[str, Any],
    following: datetime,
    moment: datetime,
    job_id: ObjectId,
) -> None:
    """Move the schedule to `following`, only if it still stands at the slot we enqueued."""
    call_with_retries(
        lambda: collection.update_one(
            {"_id": doc["_id"], "next_run_at": doc["next_run_at"]},
            {
                "$set": {
                    "next_run_at": following,
                    "last_enqueued_at": moment,
                    "last_job_id": job_id,
                }
            },
        )
    )
