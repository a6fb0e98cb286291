"""The built-in event store: tracked shopper events kept first-party in MongoDB.

Events go into the raw collection `events`, one document per event, carrying `shop_id`. Each
is written by an insert-only upsert keyed by (shop_id, event_id), so delivery is idempotent: a
redelivered event is counted as accepted but stored once, and a unique index on the pair settles
concurrent deliveries. The indexes are created by `ensure_event_indexes(db)` (call it at
startup) or, failing that, lazily on the first delivery through each database.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel, UpdateOne
from pymongo.database import Database
from pymongo.errors import BulkWriteError

from cloudcat.core.plugin_api import AnalyticsSink, TrackedEvent

RawDatabase = Database[dict[str, Any]]
log = logging.getLogger(__name__)

EVENTS_COLLECTION = "events"
DUPLICATE_KEY = 11000
INDEXES = [
    IndexModel([("shop_id", ASCENDING), ("event_id", ASCENDING)], unique=True, name="shop_event"),
    IndexModel([("shop_id", ASCENDING), ("occurred_at", DESCENDING)], name="shop_time"),
    IndexModel([("shop_id", ASCENDING), ("type", ASCENDING), ("occurred_at", DESCENDING)]),
]

_indexed: set[tuple[int, str]] = set()
_indexed_lock = threading.Lock()


@dataclass(frozen=True)
class StoreResult:
    """What one `store_events` call did: newly stored, already stored, and refused events."""

    inserted: int
    duplicates: int
    failed: int

    @property
    def accepted(self) -> int:
        """Events that are now stored, whether by this call or an earlier one."""
        return self.inserted + self.duplicates


def ensure_event_indexes(db: RawDatabase) -> None:
    """Create the `events` indexes, including the unique (shop_id, event_id) one (idempotent)."""
    db[EVENTS_COLLECTION].create_indexes(INDEXES)
    with _indexed_lock:
        _indexed.add((id(db.client), db.name))


def _ensure_once(db: RawDatabase) -> None:
    if (id(db.client), db.name) not in _indexed:
        ensure_event_indexes(db)


def event_document(shop_id: ObjectId, event: TrackedEvent, received_at: datetime) -> dict[str, Any]:
    """The stored form of one event."""
    return {
        "shop_id": shop_id,
        "event_id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at,
        "anonymous_id": event.anonymous_id,
        "member_id": event.member_id,
        "url": event.url,
        "properties": event.properties,
        "received_at": received_at,
    }


def store_events(db: RawDatabase, shop_id: ObjectId, events: Iterable[TrackedEvent]) -> StoreResult:
    """Store the events of one shop, skipping those already stored (by event id).

    Each event is an upsert that only inserts, so a redelivery changes nothing even before the
    unique index exists; the index settles concurrent deliveries of the same event.
    """
    _ensure_once(db)
    received_at = datetime.now(UTC)
    operations = [
        UpdateOne(
            {"shop_id": shop_id, "event_id": event.id},
            {"$setOnInsert": event_document(shop_id, event, received_at)},
            upsert=True,
        )
        for event in events
    ]
    if not operations:
        return StoreResult(0, 0, 0)
    try:
        result = db[EVENTS_COLLECTION].bulk_write(operations, ordered=False)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        raced = sum(1 for error in errors if error.get("code") == DUPLICATE_KEY)
        failed = len(errors) - raced
        if failed:
            first = next(e for e in errors if e.get("code") != DUPLICATE_KEY)
            log.warning("%d events refused for shop %s: %s", failed, shop_id, first.get("errmsg"))
        inserted = int(exc.details.get("nUpserted", 0))
        return StoreResult(inserted, int(exc.details.get("nMatched", 0)) + raced, failed)
    return StoreResult(result.upserted_count, result.matched_count, 0)


class EventStore(AnalyticsSink):
    """Keeps every tracked event of the shop in CloudCat's own database."""

    name = "event_store"
    title = "CloudCat event store"
    description = (
        "Keeps every shopper footprint first-party in CloudCat's database, for paths, funnels, "
        "abandoned carts and attribution."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "CloudCat 事件存储"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "将每条顾客足迹以第一方数据保存在 CloudCat 的数据库中，"
        "用于路径、漏斗、弃购和归因分析。"
    }
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"
    capabilities: ClassVar[frozenset[str]] = frozenset({"events.store", "events.idempotent"})

    def deliver(self, events: Iterable[TrackedEvent]) -> int:
        """Store `events`; return how many are stored (redelivered ones included)."""
        return store_events(self.context.db, ObjectId(self.context.shop.id), events).accepted
