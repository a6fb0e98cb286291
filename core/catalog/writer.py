"""Idempotent, order-safe bulk writes of one source's objects of one kind into one shop.

`EntityWriter` queues `Pending` records and deletions; `flush()` stores a batch with one
unordered pymongo `bulk_write`:

1. it looks up the stored fingerprint, status and marketplace modification time of every
   queued id: from a map loaded once (`preload()`, for complete listings: one scan instead of
   a query per batch) or with one `$in` query per batch;
2. an object whose fingerprint and status are unchanged is not written at all (at most its
   newer marketplace modification time is recorded, without touching `updated_at`), and is
   not even validated again: it was valid when it was stored;
3. an object the marketplace modified *before* what is stored is stale and skipped, and writes
   to objects that carry a modification time repeat that check in their filter, so a
   concurrent newer write is never undone;
4. everything else is validated (`prepare`; a bad record fails alone) and written keyed by
   (shop, source, external id): a new object is inserted whole (with the CloudCat-owned
   defaults; if another writer inserted it first, the unique index refuses it and it is
   planned again as an update), a known one gets `$set` of the marketplace-owned fields
   only: a sync never writes CloudCat-owned content;
5. an object that fails to store (a write error) is recorded as failed alone.

`remove_absent()` gives the "absent" status (e.g. delisted) to the objects a complete listing
did not see. Every query filters by shop and source.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import InsertOne, UpdateMany, UpdateOne
from pymongo.collection import Collection
from pymongo.errors import BulkWriteError

from cloudcat.core.catalog.entities import EntitySpec
from cloudcat.core.catalog.handles import product_handle
from cloudcat.core.catalog.records import RecordProblem, prepare
from cloudcat.core.catalog.report import SyncReport
from cloudcat.core.documents.base import utcnow
from cloudcat.core.sources import EntityKind
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import call_with_retries

DUPLICATE_KEY = 11000
REMOVE_CHUNK = 1000

Write = InsertOne[dict[str, Any]] | UpdateOne


@dataclass(frozen=True)
class Pending:
    """A record (or, with `record` None, an explicit delete) waiting to be stored."""

    external_id: str
    record: object | None
    fingerprint: str
    status: str
    modified_at: datetime | None


@dataclass(frozen=True)
class Stored:
    """What the catalog holds of one object, as far as the writer needs to know."""

    fingerprint: str
    status: str
    modified_at: datetime | None
    updated_at: datetime | None
    created_at: datetime | None = None


def _replaces(candidate: Pending, queued: Pending) -> bool:
    """Whether `candidate` should replace `queued` for the same id in one batch."""
    if candidate.modified_at is not None and queued.modified_at is not None:
        return candidate.modified_at >= queued.modified_at
    return True


class EntityWriter:
    """Batches writes of one entity kind for one (shop, source) and counts their outcome."""

    def __init__(
        self,
        db: RawDatabase,
        spec: EntitySpec,
        shop_id: ObjectId,
        source: str,
        report: SyncReport,
        *,
        batch_size: int = 500,
    ) -> None:
        self.spec = spec
        self.collection: Collection[dict[str, Any]] = db[spec.collection]
        self.shop_id = shop_id
        self.source = source
        self.report = report
        self.counts = report.entity(spec.kind)
        self.batch_size = batch_size
        self.queue: dict[str, Pending] = {}
        self.known: dict[str, Stored] | None = None
        self.on_change: Callable[[str, str], None] | None = None
        """Called as ``on_change(change, external_id)`` for each created/updated/removed."""
        self.resumed_from: datetime | None = None
        """A resumed run's start: an object found unchanged that an earlier life of the run
        stored (after its last checkpoint) is counted as that life's creation or update."""
        self.counted: set[str] = set()
        """Ids an earlier life of a resumed run counted already: read again, not counted."""

    @property
    def full(self) -> bool:
        """Whether the queue reached the batch size (the caller should `flush()`)."""
        return len(self.queue) >= self.batch_size

    def key(self, external_id: str) -> dict[str, Any]:
        """The filter of one object: shop, source and external id."""
        return {"shop_id": self.shop_id, "source": self.source, "external_id": external_id}

    def preload(self) -> None:
        """Load the state of every stored object of this source (for complete listings)."""
        projection = {
            "_id": 0,
            "external_id": 1,
            "content_hash": 1,
            "status": 1,
            "source_modified_at": 1,
            "updated_at": 1,
            "created_at": 1,
        }
        query = {"shop_id": self.shop_id, "source": self.source}
        docs = call_with_retries(lambda: list(self.collection.find(query, projection)))
        self.known = {doc["external_id"]: _stored(doc) for doc in docs}

    def add(self, item: Pending) -> None:
        """Queue a record or a deletion; a newer one for the same id replaces a queued one."""
        queued = self.queue.get(item.external_id)
        if queued is not None:
            self.counts.unchanged += 1  # the superseded one was read and is not stored
            if not _replaces(item, queued):
                return
        self.queue[item.external_id] = item

    def _note(self, change: str, external_id: str) -> None:
        self.counts.note(change, external_id)
        if self.on_change is not None:
            self.on_change(change, external_id)

    def _lookup(self, ids: list[str]) -> dict[str, Stored]:
        if self.known is not None:
            return {i: self.known[i] for i in ids if i in self.known}
        projection = {
            "_id": 0,
            "external_id": 1,
            "content_hash": 1,
            "status": 1,
            "source_modified_at": 1,
            "updated_at": 1,
            "created_at": 1,
        }
        query = {"shop_id": self.shop_id, "source": self.source, "external_id": {"$in": ids}}
        docs = call_with_retries(lambda: list(self.collection.find(query, projection)))
        return {doc["external_id"]: _stored(doc) for doc in docs}

    def _filter(self, external_id: str, stored: Stored | None, modified_at: datetime | None) -> Any:
        """The key, plus "not modified after this one" when both times are known."""
        query = self.key(external_id)
        if modified_at is not None and stored is not None and stored.modified_at is not None:
            query["source_modified_at"] = {"$lte": modified_at}
        return query

    def _plan(
        self, item: Pending, stored: Stored | None, now: datetime
    ) -> tuple[Write | None, str | None]:
        """The write for `item` (or None) and the change it makes (None: unchanged)."""
        if (
            stored is not None
            and stored.modified_at is not None
            and item.modified_at is not None
            and stored.modified_at > item.modified_at
        ):
            return None, None  # stale: the stored object is newer
        where = self._filter(item.external_id, stored, item.modified_at)
        if item.record is None:
            if stored is None or stored.status == self.spec.deleted_status:
                return None, None
            values: dict[str, Any] = {"status": self.spec.deleted_status, "updated_at": now}
            if item.modified_at is not None:
                values["source_modified_at"] = item.modified_at
            return UpdateOne(where, {"$set": values, "$inc": {"revision": 1}}), "removed"
        if (
            stored is not None
            and stored.fingerprint == item.fingerprint
            and stored.status == item.status
        ):
            if item.modified_at is not None and (
                stored.modified_at is None or item.modified_at > stored.modified_at
            ):
                return UpdateOne(where, {"$set": {"source_modified_at": item.modified_at}}), None
            return None, None
        prepared = prepare(self.spec.kind, item.record)  # may raise RecordProblem
        values = {
            **prepared.fields,
            "content_hash": item.fingerprint,
            "status": prepared.status,
            "updated_at": now,
        }
        if item.modified_at is not None:
            values["source_modified_at"] = item.modified_at
        if stored is None:  # new: a plain insert (a concurrent insert fails it: planned again)
            document = {
                **self.key(item.external_id),
                **values,
                "created_at": now,
                "revision": 1,
                **dict(self.spec.owned_defaults),
            }
            if self.spec.kind == EntityKind.PRODUCT:
                title = str(values.get("title") or "")
                document["handle"] = product_handle(title, item.external_id)
            return InsertOne(document), "created"
        return UpdateOne(where, {"$set": values, "$inc": {"revision": 1}}), "updated"

    def flush(self) -> None:
        """Store the queued batch (see the module docstring)."""
        if not self.queue:
            return
        items = list(self.queue.values())
        self.queue = {}
        self._store(items, retry=True)

    def _store(self, items: list[Pending], *, retry: bool) -> None:
        stored = self._lookup([item.external_id for item in items])
        now = utcnow()
        operations: list[Write] = []
        planned: list[tuple[Pending, str | None]] = []
        for item in items:
            try:
                operation, change = self._plan(item, stored.get(item.external_id), now)
            except RecordProblem as exc:
                self.report.fail(self.spec.kind, item.external_id, str(exc))
                continue
            if operation is None:
                self._unchanged(item.external_id, stored.get(item.external_id))
                continue
            operations.append(operation)
            planned.append((item, change))
        failures = self._write(operations)
        again: list[Pending] = []
        for index, (item, change) in enumerate(planned):
            error = failures.get(index)
            if error is not None and error[0] == DUPLICATE_KEY:
                if retry:
                    again.append(item)  # the stored state moved meanwhile: plan again
                else:
                    self.counts.unchanged += 1  # lost to a newer concurrent write
            elif error is not None:
                self.report.fail(self.spec.kind, item.external_id, f"not stored: {error[1]}")
            else:
                self._remember(item, now, change)
                if change is None:
                    self._unchanged(item.external_id, stored.get(item.external_id))
                else:
                    self._note(change, item.external_id)
        if again:
            if self.known is not None:
                for item in again:
                    self.known.pop(item.external_id, None)
                self.known.update(self._fresh([item.external_id for item in again]))
            self._store(again, retry=False)

    def _unchanged(self, external_id: str, stored: Stored | None) -> None:
        """Count an object found as stored (see `resumed_from` and `counted`)."""
        if external_id in self.counted:
            return
        since = self.resumed_from
        if since is not None and stored is not None:
            if stored.created_at is not None and stored.created_at >= since:
                self._note("created", external_id)
                return
            if stored.updated_at is not None and stored.updated_at >= since:
                self._note("updated", external_id)
                return
        self.counts.unchanged += 1

    def _fresh(self, ids: list[str]) -> dict[str, Stored]:
        known, self.known = self.known, None
        try:
            return self._lookup(ids)
        finally:
            self.known = known

    def _remember(self, item: Pending, now: datetime, change: str | None) -> None:
        if self.known is None:
            return
        before = self.known.get(item.external_id)
        if item.record is None:
            status, fingerprint = self.spec.deleted_status, before.fingerprint if before else ""
        else:
            status, fingerprint = item.status, item.fingerprint
        updated = now if change is not None else (before.updated_at if before else now)
        modified = item.modified_at or (before.modified_at if before else None)
        created = now if change == "created" else (before.created_at if before else None)
        self.known[item.external_id] = Stored(fingerprint, status, modified, updated, created)

    def _write(self, operations: list[Write]) -> dict[int, tuple[int, str]]:
        """Run `operations` unordered; return index -> (error code, message) of failures."""
        if not operations:
            return {}
        write = functools.partial(self.collection.bulk_write, operations, ordered=False)
        try:
            call_with_retries(write)
        except BulkWriteError as exc:
            return {
                int(error["index"]): (int(error.get("code", 0)), str(error.get("errmsg", "")))
                for error in exc.details.get("writeErrors", [])
            }
        return {}

    def absent(self, seen: set[str], started_at: datetime) -> list[str]:
        """The stored objects `remove_absent` would give the absent status, in id order."""
        if self.spec.absent_status is None:
            return []
        if self.known is None:
            self.preload()
        assert self.known is not None
        keep = (self.spec.absent_status, self.spec.deleted_status)
        return sorted(
            external_id
            for external_id, stored in self.known.items()
            if external_id not in seen
            and stored.status not in keep
            and (stored.updated_at is None or stored.updated_at < started_at)
        )

    def remove_absent(self, seen: set[str], started_at: datetime) -> None:
        """Give the absent status to stored objects not in `seen` and untouched since
        `started_at` (an object written meanwhile, e.g. by a webhook, is kept)."""
        status = self.spec.absent_status
        if status is None:
            return
        keep = (status, self.spec.deleted_status)
        missing = self.absent(seen, started_at)
        for chunk in _chunks(missing, REMOVE_CHUNK):
            query = {
                "shop_id": self.shop_id,
                "source": self.source,
                "external_id": {"$in": chunk},
                "status": {"$nin": list(keep)},
                "updated_at": {"$lt": started_at},
            }
            update = {"$set": {"status": status, "updated_at": utcnow()}, "$inc": {"revision": 1}}
            call_with_retries(
                functools.partial(self.collection.bulk_write, [UpdateMany(query, update)])
            )
            for external_id in chunk:
                self._note("removed", external_id)


def _stored(doc: dict[str, Any]) -> Stored:
    return Stored(
        doc.get("content_hash", ""),
        doc.get("status", ""),
        doc.get("source_modified_at"),
        doc.get("updated_at"),
        doc.get("created_at"),
    )


def _chunks(values: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
