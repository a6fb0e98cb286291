"""Site versions: one number per shop that changes exactly when what its public face shows does.

The shop's site and its storefront API are read far more than they change, so their answers are
cached, and every cache entry is keyed on the shop's **site version**. Whatever commits a change
that the site or the API shows (a sync that changed products, a seller's edit, a published page,
a menu, a theme setting) calls `bump` afterwards; the next read then misses the cache and sees
the change. Reads call `current`, one `_id` lookup that never writes.

Some changes happen by themselves at a known time: a promotion starts or ends, a page is
scheduled to go live. `bump` stores the earliest such moment (`next_change_at`, from the
functions in `SCHEDULE_SOURCES`) and queues a `site.change_due` job for it, which bumps again
when it runs. Until that job has run, `SiteState.cacheable` is False past that moment, so caches
serve fresh answers instead of stale ones in between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, ReturnDocument

from cloudcat.core.documents.base import utcnow
from cloudcat.core.documents.promotions import Promotion
from cloudcat.core.documents.site import SiteVersion
from cloudcat.core.jobs import JobContext, enqueue
from cloudcat.core.storage.retry import call_with_retries

log = logging.getLogger(__name__)

SITE_CHANGE_DUE = "site.change_due"
"""The job kind that bumps a shop's site version when a scheduled change falls due."""

ScheduleSource = Callable[[ObjectId, datetime], datetime | None]


@dataclass(frozen=True)
class SiteState:
    """What a cache needs to know of a shop's site: its version and until when it holds."""

    version: int
    valid_until: datetime | None = None

    def cacheable(self, now: datetime | None = None) -> bool:
        """Whether answers may be served from (and stored in) a cache keyed on `version`:
        False once `valid_until` has passed and the bump due then has not landed yet."""
        return self.valid_until is None or (now or utcnow()) < self.valid_until


def _next_promotion_boundary(shop_id: ObjectId, now: datetime) -> datetime | None:
    """The next start or end of an active promotion of the shop (promotion prices change then)."""
    collection = Promotion._get_collection()
    moments: list[datetime] = []
    for field in ("starts_at", "ends_at"):
        doc = collection.find_one(
            {"shop_id": shop_id, "status": "active", field: {"$gt": now}},
            {field: 1},
            sort=[(field, ASCENDING)],
        )
        if doc is not None and isinstance(doc.get(field), datetime):
            moments.append(doc[field])
    return min(moments, default=None)


SCHEDULE_SOURCES: list[ScheduleSource] = [_next_promotion_boundary]
"""Functions ``fn(shop_id, now)`` giving the next moment a shop's shown data changes by itself
(None: no such moment). Modules with scheduled changes append theirs when imported."""


def _next_change(shop_id: ObjectId, now: datetime) -> datetime | None:
    moments = [moment for source in SCHEDULE_SOURCES if (moment := source(shop_id, now))]
    return min((m for m in moments if m > now), default=None)


def bump(shop_id: ObjectId, reason: str) -> int:
    """Record that what shop `shop_id` shows has changed; return its new site version.

    Call it after the change is committed. `reason` is kept for diagnostics ("catalog sync",
    "page published"...). The next scheduled change is recomputed and a job queued for it.
    """
    now = utcnow()
    next_change_at = _next_change(shop_id, now)
    update: dict[str, Any] = {
        "$inc": {"version": 1},
        "$set": {"changed_at": now, "reason": reason[:200], "next_change_at": next_change_at},
    }
    collection = SiteVersion._get_collection()
    doc = call_with_retries(
        lambda: collection.find_one_and_update(
            {"_id": shop_id}, update, upsert=True, return_document=ReturnDocument.AFTER
        )
    )
    if next_change_at is not None:
        moment = int(next_change_at.timestamp() * 1000)
        enqueue(
            SiteVersion._get_db(),
            SITE_CHANGE_DUE,
            {},
            shop_id=shop_id,
            idempotency_key=f"due:{moment}",
            run_at=next_change_at,
        )
    version = int(doc["version"])
    log.debug("site version of shop %s is now %s (%s)", shop_id, version, reason)
    return version


def current(shop_id: ObjectId) -> SiteState:
    """The site state of shop `shop_id` (version 0 for a shop that never changed). Read only."""
    doc = SiteVersion._get_collection().find_one(
        {"_id": shop_id}, {"version": 1, "next_change_at": 1}
    )
    if doc is None:
        return SiteState(0)
    return SiteState(int(doc.get("version") or 0), doc.get("next_change_at"))


def change_due_handler(job: JobContext) -> dict[str, Any]:
    """The `site.change_due` job: a scheduled change fell due, so bump the shop's version."""
    if job.shop_id is None:
        return {"version": None}
    return {"version": bump(job.shop_id, "scheduled change due")}
