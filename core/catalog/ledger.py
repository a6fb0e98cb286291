"""The sync ledger and lock: one run at a time per (shop, source), resumable after a crash.

`Ledger` is used by one sync run of one source in one shop:

* `acquire()` takes the (shop, source) lock on the `sync_states` document, unless another run
  holds it and has sent a heartbeat within the lease (then `SyncAlreadyRunning`). A heartbeat
  thread keeps the lock while the run lives; a killed process stops sending them, and once the
  lease passes the next run takes the lock over.
* `open_run()` resumes the latest interrupted or failed run (within `RESUME_WINDOW`) when the
  kind asked for allows it, with its checkpoints, finished steps and counts, or starts a new
  `sync_runs` entry with the kind and `since` bounds the caller plans.
* `save_progress()` stores a checkpoint once everything before it is written, together with a
  chunk of the ids seen and changed since the previous one (`sync_progress`), so that a resumed
  full sync still knows everything the killed part saw.
* `finish()` closes the run (succeeded or failed, with the error in words a seller can act on),
  moves the watermarks on success, and `release()` frees the lock.

Everything is raw pymongo and scoped by shop and source.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError, PyMongoError

from cloudcat.core.catalog.report import EntityReport, Issue, Notice, SyncReport
from cloudcat.core.documents import SourceSyncState, SyncProgressChunk, SyncRun
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import CloudCatError, Conflict
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import call_with_retries

log = logging.getLogger(__name__)

DEFAULT_LEASE = timedelta(seconds=60)
"""How long a run that sends no heartbeat keeps its lock."""
RESUME_WINDOW = timedelta(hours=24)
"""An interrupted or failed run younger than this is resumed rather than started over."""
COMPLETE_KINDS = ("full", "reconcile")


class SyncAlreadyRunning(Conflict):
    """Another run of this source in this shop holds the lock; `retry_after` says when its
    lease would run out if it stopped sending heartbeats."""

    retryable = True

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SyncLeaseLost(CloudCatError):
    """This run's lock was taken over (it sent no heartbeat within the lease); it stops."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "CONFLICT")


@dataclass
class RunHandle:
    """The run being executed: what it must do and what it already did."""

    id: ObjectId
    kind: str
    trigger: str
    started_at: datetime
    since: dict[str, datetime | None]
    checkpoints: dict[str, str] = field(default_factory=dict)
    steps_done: list[str] = field(default_factory=list)
    resumed: int = 0

    @property
    def complete(self) -> bool:
        """Whether this run lists everything (full or reconcile)."""
        return self.kind in COMPLETE_KINDS


@dataclass
class Chunk:
    """Ids seen and changed since the last checkpoint of one entity."""

    seen: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.seen or self.created or self.updated or self.removed)

    def note(self, change: str, external_id: str) -> None:
        """Record a change (``created``, ``updated`` or ``removed``)."""
        ids: list[str] = getattr(self, change)
        ids.append(external_id)


Planner = Callable[[Mapping[str, Any], str | None], tuple[str, dict[str, datetime | None]]]
"""``planner(state, requested_kind) -> (kind, since per entity)`` for a new run."""


class Ledger:
    """The lock, the run entry and the sync state of one run of one source in one shop."""

    def __init__(
        self, db: RawDatabase, shop_id: ObjectId, source: str, *, lease: timedelta = DEFAULT_LEASE
    ) -> None:
        self.shop_id = shop_id
        self.source = source
        self.lease = lease
        self.owner = uuid.uuid4().hex
        self.runs: Collection[dict[str, Any]] = db[SyncRun._get_collection_name()]
        self.states: Collection[dict[str, Any]] = db[SourceSyncState._get_collection_name()]
        self.chunks: Collection[dict[str, Any]] = db[SyncProgressChunk._get_collection_name()]
        self._lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def key(self) -> dict[str, Any]:
        return {"shop_id": self.shop_id, "source": self.source}

    # --- the lock ------------------------------------------------------------------------

    def acquire(self) -> dict[str, Any]:
        """Take the lock and return the sync state; raise `SyncAlreadyRunning` if held."""
        now = utcnow()
        query = {
            **self.key,
            "$or": [{"lock": None}, {"lock.heartbeat_at": {"$lt": now - self.lease}}],
        }
        update = {
            "$set": {"lock": {"owner": self.owner, "heartbeat_at": now}},
            "$setOnInsert": {"created_at": now, "watermarks": {}},
        }
        try:
            state = call_with_retries(
                lambda: self.states.find_one_and_update(
                    query, update, upsert=True, return_document=ReturnDocument.AFTER
                )
            )
        except DuplicateKeyError:
            held = self.states.find_one(self.key, {"lock": 1}) or {}
            beat = (held.get("lock") or {}).get("heartbeat_at")
            wait = None
            if isinstance(beat, datetime):
                wait = max(0.0, (beat + self.lease - now).total_seconds())
            raise SyncAlreadyRunning(
                f"a sync of {self.source} is already running in this shop", wait
            ) from None
        assert state is not None
        self._start_heartbeat()
        return state

    def _start_heartbeat(self) -> None:
        interval = min(10.0, max(0.5, self.lease.total_seconds() / 6))
        self._thread = threading.Thread(
            target=self._beat, args=(interval,), name=f"sync-heartbeat-{self.source}", daemon=True
        )
        self._thread.start()

    def _beat(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                result = self.states.update_one(
                    {**self.key, "lock.owner": self.owner},
                    {"$set": {"lock.heartbeat_at": utcnow()}},
                )
            except PyMongoError:
                log.warning("sync of %s: could not send a heartbeat", self.source, exc_info=True)
                continue
            if result.matched_count == 0:
                self._lost.set()
                return

    def check(self) -> None:
        """Raise `SyncLeaseLost` if another run took the lock over."""
        if self._lost.is_set():
            raise SyncLeaseLost(f"another sync of {self.source} took over this one")

    def release(self) -> None:
        """Stop the heartbeat and free the lock (if this run still holds it)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        try:
            self.states.update_one({**self.key, "lock.owner": self.owner}, {"$set": {"lock": None}})
        except PyMongoError:
            log.warning("sync of %s: could not free its lock", self.source, exc_info=True)

    # --- runs ----------------------------------------------------------------------------

    def open_run(
        self, state: Mapping[str, Any], requested: str | None, trigger: str, planner: Planner
    ) -> tuple[RunHandle, SyncReport]:
        """Resume the latest unfinished run, or start one planned by `planner`."""
        now = utcnow()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # as the database keeps it
        unfinished = self.runs.find_one(
            {
                **self.key,
                "resumable": True,
                "status": {"$in": ["running", "failed"]},
                "started_at": {"$gte": now - RESUME_WINDOW},
            },
            sort=[("started_at", -1)],
        )
        if unfinished is not None and requested in (None, unfinished["kind"]):
            return self._resume(unfinished, now)
        self._close_unfinished(now)
        kind, since = planner(state, requested)
        doc: dict[str, Any] = {
            **self.key,
            "kind": kind,
            "trigger": trigger,
            "status": "running",
            "started_at": now,
            "created_at": now,
            "heartbeat_at": now,
            "owner": self.owner,
            "resumed": 0,
            "resumable": True,
            "counts": {},
            "expected": {},
            "issues": [],
            "issues_dropped": 0,
            "warnings": [],
            "steps_done": [],
            "checkpoints": {},
            "since": since,
        }
        run_id = call_with_retries(lambda: self.runs.insert_one(doc).inserted_id)
        handle = RunHandle(run_id, kind, trigger, now, dict(since))
        report = SyncReport(
            shop_id=str(self.shop_id),
            source=self.source,
            kind=kind,
            trigger=trigger,
            run_id=str(run_id),
            started_at=now,
        )
        return handle, report

    def _close_unfinished(self, now: datetime) -> None:
        """Older unfinished runs will not be resumed any more: say so in the ledger."""
        self.runs.update_many(
            {**self.key, "status": "running"},
            {
                "$set": {
                    "status": "failed",
                    "finished_at": now,
                    "error": "interrupted, and replaced by a newer sync",
                    "error_code": "SUPERSEDED",
                }
            },
        )
        self.runs.update_many({**self.key, "resumable": True}, {"$set": {"resumable": False}})

    def _resume(self, doc: Mapping[str, Any], now: datetime) -> tuple[RunHandle, SyncReport]:
        self.runs.update_one(
            {"_id": doc["_id"], "shop_id": self.shop_id},
            {
                "$set": {
                    "status": "running",
                    "owner": self.owner,
                    "heartbeat_at": now,
                    "finished_at": None,
                    "error": None,
                    "error_code": None,
                },
                "$inc": {"resumed": 1},
            },
        )
        handle = RunHandle(
            id=doc["_id"],
            kind=doc["kind"],
            trigger=doc.get("trigger", "job"),
            started_at=doc["started_at"],
            since=dict(doc.get("since") or {}),
            checkpoints=dict(doc.get("checkpoints") or {}),
            steps_done=list(doc.get("steps_done") or []),
            resumed=int(doc.get("resumed", 0)) + 1,
        )
        report = SyncReport(
            shop_id=str(self.shop_id),
            source=self.source,
            kind=handle.kind,
            trigger=handle.trigger,
            run_id=str(handle.id),
            started_at=handle.started_at,
            resumed=handle.resumed,
            issues=[Issue(i["entity"], i["reference"], i["reason"]) for i in doc.get("issues", [])],
            issues_dropped=int(doc.get("issues_dropped", 0)),
            warnings=list(doc.get("warnings") or []),
            notices=[
                Notice(n["entity"], n["code"], n["message"]) for n in doc.get("notices") or []
            ],
            expected=dict(doc.get("expected") or {}),
        )
        for entity, counts in (doc.get("counts") or {}).items():
            report.entities[entity] = EntityReport(**counts)
        log.info("resuming sync run %s of %s (%s)", handle.id, self.source, handle.kind)
        return handle, report

    def _progress_fields(self, report: SyncReport) -> dict[str, Any]:
        return {
            "counts": {kind: entity.counts() for kind, entity in report.entities.items()},
            "issues": [vars(issue) for issue in report.issues],
            "issues_dropped": report.issues_dropped,
            "warnings": report.warnings,
            "notices": [vars(notice) for notice in report.notices],
            "expected": report.expected,
            "heartbeat_at": utcnow(),
        }

    def _update_run(self, run: RunHandle, update: dict[str, Any]) -> None:
        result = call_with_retries(
            lambda: self.runs.update_one(
                {"_id": run.id, "shop_id": self.shop_id, "owner": self.owner}, update
            )
        )
        if result.matched_count == 0:
            self._lost.set()
            self.check()

    def _store_chunk(self, run: RunHandle, entity: str, chunk: Chunk) -> None:
        if not chunk:
            return
        doc = {
            "shop_id": self.shop_id,
            "run_id": run.id,
            "entity": entity,
            "seen": chunk.seen,
            "created": chunk.created,
            "updated": chunk.updated,
            "removed": chunk.removed,
            "created_at": utcnow(),
        }
        call_with_retries(lambda: self.chunks.insert_one(doc))

    def save_progress(
        self, run: RunHandle, report: SyncReport, entity: str, token: str, chunk: Chunk
    ) -> None:
        """Store checkpoint `token` of `entity` (everything before it is written)."""
        self.check()
        self._store_chunk(run, entity, chunk)
        fields = self._progress_fields(report)
        fields[f"checkpoints.{entity}"] = token
        self._update_run(run, {"$set": fields})
        run.checkpoints[entity] = token

    def step_done(self, run: RunHandle, report: SyncReport, step: str, chunk: Chunk) -> None:
        """Record that `step` (an entity kind, or ``changes``) is finished."""
        self.check()
        self._store_chunk(run, step, chunk)
        self._update_run(
            run, {"$set": self._progress_fields(report), "$addToSet": {"steps_done": step}}
        )
        run.steps_done.append(step)

    def seen_ids(self, run: RunHandle, entity: str) -> set[str]:
        """Ids of `entity` that earlier lives of this run stored chunks for."""
        found: set[str] = set()
        query = {"shop_id": self.shop_id, "run_id": run.id, "entity": entity}
        for doc in self.chunks.find(query, {"seen": 1}):
            found.update(doc.get("seen") or [])
        return found

    def merge_changed_ids(self, run: RunHandle, report: SyncReport) -> None:
        """Add the changed ids stored by earlier lives of a resumed run to `report`."""
        for doc in self.chunks.find({"shop_id": self.shop_id, "run_id": run.id}, {"seen": 0}):
            entity = report.entity(doc["entity"]) if doc["entity"] != "changes" else None
            if entity is None:
                continue
            for change in ("created", "updated", "removed"):
                ids: list[str] = getattr(entity, f"{change}_ids")
                known = set(ids)
                ids.extend(i for i in doc.get(change) or [] if i not in known)

    def finish(
        self,
        run: RunHandle,
        report: SyncReport,
        *,
        error: str | None = None,
        error_code: str | None = None,
        entities: Iterable[str] = (),
    ) -> None:
        """Close the run; on success move the watermarks of `entities` to its start (not of
        a part switched off by a notice: once it works again, it is listed from scratch).
        The state keeps the run's notices (none after a run without them)."""
        now = utcnow()
        report.finished_at = now
        report.status = "failed" if error else "succeeded"
        report.error, report.error_code = error, error_code
        fields = self._progress_fields(report)
        fields.update(
            status=report.status,
            finished_at=now,
            duration_seconds=(now - run.started_at).total_seconds(),
            error=error,
            error_code=error_code,
            resumable=error is not None,
        )
        where = {"_id": run.id, "shop_id": self.shop_id}
        call_with_retries(lambda: self.runs.update_one(where, {"$set": fields}))
        state: dict[str, Any] = {
            "last_run_id": run.id,
            "last_run_kind": run.kind,
            "last_run_status": report.status,
            "updated_at": now,
        }
        if error is None:
            state.update(last_success_at=now, last_error=None, last_error_code=None)
            state["notices"] = [vars(notice) for notice in report.notices]
            switched_off = {notice.entity for notice in report.notices}
            for entity in entities:
                if entity not in switched_off:
                    state[f"watermarks.{entity}"] = run.started_at
            if run.complete:
                state["last_full_at"] = run.started_at
        else:
            state.update(last_error=error, last_error_code=error_code, last_error_at=now)
        call_with_retries(lambda: self.states.update_one(self.key, {"$set": state}))


def record_changes_run(db: RawDatabase, report: SyncReport) -> ObjectId:
    """Store the ledger entry of applied change messages or webhook deliveries."""
    now = utcnow()
    report.finished_at = report.finished_at or now
    report.status = "succeeded"
    doc = {
        "shop_id": ObjectId(report.shop_id),
        "source": report.source,
        "kind": "changes",
        "trigger": report.trigger,
        "status": report.status,
        "started_at": report.started_at,
        "created_at": report.started_at,
        "finished_at": report.finished_at,
        "duration_seconds": (report.finished_at - report.started_at).total_seconds(),
        "resumed": 0,
        "resumable": False,
        "counts": {kind: entity.counts() for kind, entity in report.entities.items()},
        "expected": {},
        "issues": [vars(issue) for issue in report.issues],
        "issues_dropped": report.issues_dropped,
        "warnings": report.warnings,
        "steps_done": [],
        "checkpoints": {},
        "since": {},
    }
    run_id: ObjectId = call_with_retries(
        lambda: db[SyncRun._get_collection_name()].insert_one(doc).inserted_id
    )
    report.run_id = str(run_id)
    return run_id
