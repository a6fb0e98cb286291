"""Publishing one locale of a page: now, at a set time, cancelling that, taking it down.

Publishing (or scheduling) the draft makes a revision (numbered per page and locale). Each
locale is independent: publishing zh-CN leaves en as it was. A scheduled publish is a
`content.publish_due` job queued for its time (idempotency key: page, locale, revision) that
calls `apply_due_publish`; `next_scheduled_publish` tells the site version when the shown
content changes by itself. Every change of what is live bumps the shop's site version.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ReturnDocument

from cloudcat.core import site_version
from cloudcat.core.content.data import check_locale
from cloudcat.core.content.pages import (
    Raw,
    load_page,
    pages_collection,
    revisions_collection,
    utcnow,
)
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.jobs import enqueue
from cloudcat.core.storage.database import RawDatabase

PUBLISH_DUE = "content.publish_due"


def _draft_of(doc: Raw, locale: str) -> Raw:
    draft = ((doc.get("locales") or {}).get(locale) or {}).get("draft")
    if not draft:
        raise BadInput(
            f"there is no {locale} draft to publish",
            [FieldError(["locale"], "save a draft in this locale first")],
        )
    return dict(draft)


def _new_revision(
    shop_id: ObjectId,
    doc: Raw,
    locale: str,
    data: Raw,
    by: str | None,
    note: str | None,
    now: datetime,
) -> int:
    """Store `data` as the next revision of `locale` and return its number."""
    counted = pages_collection().find_one_and_update(
        {"_id": doc["_id"], "shop_id": shop_id},
        {"$inc": {f"locales.{locale}.revisions": 1}},
        projection={"locales": 1},
        return_document=ReturnDocument.AFTER,
    )
    if counted is None:
        load_page(shop_id, doc["_id"])
    assert counted is not None
    number = int(counted["locales"][locale]["revisions"])
    revisions_collection().insert_one(
        {
            "shop_id": shop_id,
            "page_id": doc["_id"],
            "locale": locale,
            "number": number,
            "data": data,
            "created_at": now,
            "created_by": by,
            "note": note,
        }
    )
    return number


def earliest_schedule(locales: Mapping[str, Any]) -> datetime | None:
    """The earliest `scheduled_at` of any locale (None when nothing is scheduled)."""
    times = [s["scheduled_at"] for s in locales.values() if s and s.get("scheduled_at")]
    return min(times) if times else None


def _set_locale(
    shop_id: ObjectId, page_id: ObjectId, locale: str, fields: Raw, unset: list[str], now: datetime
) -> Raw:
    """Write `fields` (and remove `unset`) of `locale`'s state, then the page's summary fields
    (live, live_locales, first_published_at, next_publish_at) from the result."""
    state = f"locales.{locale}"
    update: Raw = {"$set": {f"{state}.{k}": v for k, v in fields.items()} | {"updated_at": now}}
    if unset:
        update["$unset"] = {f"{state}.{k}": "" for k in unset}
    doc = pages_collection().find_one_and_update(
        {"_id": page_id, "shop_id": shop_id}, update, return_document=ReturnDocument.AFTER
    )
    if doc is None:
        load_page(shop_id, page_id)
    assert doc is not None
    locales = doc.get("locales") or {}
    live = sorted(name for name, s in locales.items() if s and s.get("published"))
    summary: Raw = {
        "live": bool(live),
        "live_locales": live,
        "next_publish_at": earliest_schedule(locales),
        "first_published_at": doc.get("first_published_at") or (now if live else None),
    }
    pages_collection().update_one({"_id": page_id, "shop_id": shop_id}, {"$set": summary})
    doc.update(summary)
    return doc


def _live_fields(data: Raw, number: int, now: datetime) -> Raw:
    return {"published": data, "published_revision": number, "published_at": now}


def publish_now(
    shop_id: ObjectId,
    page_id: str | ObjectId,
    locale: str,
    *,
    by: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> Raw:
    """Publish `locale`'s draft now (a new revision); a pending schedule of it is dropped."""
    now = now or utcnow()
    check_locale(locale)
    doc = load_page(shop_id, page_id)
    data = _draft_of(doc, locale)
    number = _new_revision(shop_id, doc, locale, data, by, note, now)
    updated = _set_locale(
        shop_id, doc["_id"], locale, _live_fields(data, number, now),
        ["scheduled_revision", "scheduled_at"], now,
    )  # fmt: skip
    site_version.bump(shop_id, "content.published")
    return updated


def schedule_publish(
    db: RawDatabase,
    shop_id: ObjectId,
    page_id: str | ObjectId,
    locale: str,
    at: datetime,
    *,
    by: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> Raw:
    """Publish `locale`'s draft as it is now at `at` (future; a past time is BAD_USER_INPUT):
    a revision is made now and a `content.publish_due` job queued for `at`. A later schedule
    replaces an earlier one (whose job then does nothing)."""
    now = now or utcnow()
    check_locale(locale)
    if at.tzinfo is None:
        raise BadInput("give the time with its offset", [FieldError(["at"], "no time zone")])
    if at <= now:
        raise BadInput(
            "that time has passed: publish now or pick a later time",
            [FieldError(["at"], "must be in the future", "in_the_past")],
        )
    doc = load_page(shop_id, page_id)
    data = _draft_of(doc, locale)
    number = _new_revision(shop_id, doc, locale, data, by, note, now)
    updated = _set_locale(
        shop_id, doc["_id"], locale, {"scheduled_revision": number, "scheduled_at": at}, [], now
    )
    enqueue(
        db,
        PUBLISH_DUE,
        {"page_id": str(doc["_id"]), "locale": locale, "revision": number},
        shop_id=shop_id,
        idempotency_key=f"{doc['_id']}:{locale}:{number}",
        run_at=at,
    )
    site_version.bump(shop_id, "content.scheduled")
    return updated


def cancel_schedule(
    shop_id: ObjectId, page_id: str | ObjectId, locale: str, *, now: datetime | None = None
) -> Raw:
    """Drop `locale`'s pending schedule (its job then does nothing); the draft stays."""
    now = now or utcnow()
    check_locale(locale)
    doc = load_page(shop_id, page_id)
    updated = _set_locale(
        shop_id, doc["_id"], locale, {}, ["scheduled_revision", "scheduled_at"], now
    )
    site_version.bump(shop_id, "content.schedule_cancelled")
    return updated


def unpublish(
    shop_id: ObjectId, page_id: str | ObjectId, locale: str, *, now: datetime | None = None
) -> Raw:
    """Take `locale` off the site (its draft and revisions stay; other locales stay live)."""
    now = now or utcnow()
    check_locale(locale)
    doc = load_page(shop_id, page_id)
    updated = _set_locale(
        shop_id, doc["_id"], locale, {}, ["published", "published_revision", "published_at"], now
    )
    site_version.bump(shop_id, "content.unpublished")
    return updated


def apply_due_publish(
    shop_id: ObjectId, page_id: str, locale: str, revision: int, *, now: datetime
) -> bool:
    """Publish revision `revision` of `locale` if it is still the scheduled one and its time
    has come (by `now`); False (nothing done) when it was cancelled, replaced, or the page
    deleted. What the `content.publish_due` job runs."""
    if not ObjectId.is_valid(page_id):
        return False
    oid = ObjectId(page_id)
    state = f"locales.{locale}"
    page = pages_collection().find_one(
        {"_id": oid, "shop_id": shop_id, f"{state}.scheduled_revision": revision},
        {f"{state}.scheduled_at": 1},
    )
    if page is None or page["locales"][locale]["scheduled_at"] > now:
        return False
    stored = revisions_collection().find_one(
        {"shop_id": shop_id, "page_id": oid, "locale": locale, "number": revision}
    )
    if stored is None:
        return False
    _set_locale(
        shop_id, oid, locale, _live_fields(dict(stored["data"]), revision, now),
        ["scheduled_revision", "scheduled_at"], now,
    )  # fmt: skip
    site_version.bump(shop_id, "content.scheduled_published")
    return True


def next_scheduled_publish(shop_id: ObjectId, now: datetime) -> datetime | None:
    """When the shop's shown content next changes by itself: the earliest scheduled publish
    after `now`, or a live campaign's start or end after `now` (a schedule source of
    `cloudcat.core.site_version`)."""
    times: list[datetime] = []
    due = pages_collection().find_one(
        {"shop_id": shop_id, "next_publish_at": {"$gt": now}},
        {"next_publish_at": 1},
        sort=[("next_publish_at", 1)],
    )
    if due is not None:
        times.append(due["next_publish_at"])
    campaigns = pages_collection().find(
        {"shop_id": shop_id, "kind": "campaign", "live": True}, {"starts_at": 1, "ends_at": 1}
    )
    for campaign in campaigns:
        times.extend(
            t for t in (campaign.get("starts_at"), campaign.get("ends_at")) if t and t > now
        )
    return min(times) if times else None
