"""Writing pages: create, change a page's own fields (handle, campaign window, tags), save a
locale's draft, restore a revision into the draft, delete.

Drafts never change what the site shows, so only the writes that do (a rename, a new campaign
window or tags, a delete) bump the shop's site version. Pages are returned as raw documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from cloudcat.core import site_version
from cloudcat.core.content.data import check_locale, clean_data, clean_handle, clean_tags
from cloudcat.core.content.documents import HOME_HANDLE, KINDS, ContentPage, ContentRevision
from cloudcat.core.errors import BadInput, Conflict, FieldError, NotFound

Raw = dict[str, Any]
MAX_PROMOTIONS = 20


def utcnow() -> datetime:
    return datetime.now(UTC)


def pages_collection() -> Collection[Raw]:
    return ContentPage._get_collection()


def revisions_collection() -> Collection[Raw]:
    return ContentRevision._get_collection()


def parse_page_id(page_id: str | ObjectId) -> ObjectId:
    """`page_id` as an ObjectId; NOT_FOUND when it cannot be one."""
    if isinstance(page_id, ObjectId):
        return page_id
    if not ObjectId.is_valid(page_id):
        raise NotFound("there is no such page")
    return ObjectId(page_id)


def load_page(shop_id: ObjectId, page_id: str | ObjectId) -> Raw:
    """The page `page_id` of shop `shop_id`; NOT_FOUND when the shop has none such."""
    doc = pages_collection().find_one({"_id": parse_page_id(page_id), "shop_id": shop_id})
    if doc is None:
        raise NotFound("there is no such page")
    return doc


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise BadInput("unknown page kind", [FieldError(["kind"], f"one of {', '.join(KINDS)}")])
    return kind


def _check_window(starts_at: datetime | None, ends_at: datetime | None) -> None:
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise BadInput(
            "a campaign ends after it starts", [FieldError(["endsAt"], "must be after startsAt")]
        )


def _check_promotions(ids: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    if len(cleaned) > MAX_PROMOTIONS or any(len(i) > 200 for i in cleaned):
        raise BadInput(
            "too many promotions",
            [FieldError(["promotionIds"], f"at most {MAX_PROMOTIONS} ids of 200 characters")],
        )
    return cleaned


def _free_handle(shop_id: ObjectId, kind: str, wanted: str, *, exact: bool) -> str:
    """`wanted`, or (not `exact`) the first of `wanted-2`, `wanted-3`... no page of this kind
    uses; `exact` and taken is BAD_USER_INPUT."""
    taken = {
        doc["handle"]
        for doc in pages_collection().find(
            {"shop_id": shop_id, "kind": kind, "handle": {"$regex": f"^{wanted}(-[0-9]+)?$"}},
            {"handle": 1},
        )
    }
    if wanted not in taken:
        return wanted
    if exact:
        raise BadInput(
            "another page already uses this handle",
            [FieldError(["handle"], "already used by another page", "handle_taken")],
        )
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def _release_handle(shop_id: ObjectId, kind: str, handle: str) -> None:
    """Stop redirecting `handle` (now a current handle) from whichever page had it before."""
    pages_collection().update_many(
        {"shop_id": shop_id, "kind": kind, "previous_handles": handle},
        {"$pull": {"previous_handles": handle}},
    )


def draft_titles(doc: Mapping[str, Any], locale: str, title: str) -> list[str]:
    """Every locale's draft title once `locale`'s becomes `title` (the admin's search field)."""
    titles = {
        name: (state.get("draft") or {}).get("title", "")
        for name, state in (doc.get("locales") or {}).items()
    }
    titles[locale] = title
    return sorted({t for t in titles.values() if t})


def create_page(
    shop_id: ObjectId,
    kind: str,
    locale: str,
    data: dict[str, Any],
    *,
    handle: str | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    promotion_ids: list[str] | None = None,
    tags: list[str] | None = None,
    now: datetime | None = None,
) -> Raw:
    """A new page of `kind` with a first draft in `locale` (nothing is published).

    The handle is `handle` (slugified) or one made from the title; a shop has one home page
    (handle ``home``)."""
    now = now or utcnow()
    _check_kind(kind)
    check_locale(locale)
    draft = clean_data(data, ["data"])
    _check_window(starts_at, ends_at)
    if kind == "home":
        wanted, exact = HOME_HANDLE, True
    elif handle:
        wanted, exact = clean_handle(handle), True
    else:
        wanted, exact = clean_handle(draft["title"]), False
    doc: Raw = {
        "shop_id": shop_id,
        "kind": kind,
        "previous_handles": [],
        "starts_at": starts_at,
        "ends_at": ends_at,
        "promotion_ids": _check_promotions(promotion_ids or []),
        "tags": clean_tags(tags or []),
        "created_at": now,
        "updated_at": now,
        "locales": {
            locale: {"draft": draft, "draft_saved_at": now, "draft_version": 1, "revisions": 0}
        },
        "titles": [draft["title"]],
        "live": False,
        "live_locales": [],
        "first_published_at": None,
        "next_publish_at": None,
    }
    for _ in range(3):
        doc["handle"] = _free_handle(shop_id, kind, wanted, exact=exact)
        try:
            pages_collection().insert_one(doc)
        except DuplicateKeyError:
            if kind == "home":
                raise Conflict("this shop has a home page already") from None
            doc.pop("_id", None)
            continue
        _release_handle(shop_id, kind, doc["handle"])
        return doc
    raise Conflict("the handle was taken meanwhile: try again")


def update_page(
    shop_id: ObjectId,
    page_id: str | ObjectId,
    *,
    handle: str | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    promotion_ids: list[str] | None = None,
    tags: list[str] | None = None,
    now: datetime | None = None,
) -> Raw:
    """Change a page's own fields (what is given). A new handle keeps the old one, which then
    answers with a 301 to the new one. Bumps the site version (these show on the site)."""
    now = now or utcnow()
    doc = load_page(shop_id, page_id)
    changes: Raw = {"updated_at": now}
    update: Raw = {"$set": changes}
    if handle is not None and doc["kind"] != "home":
        new_handle = clean_handle(handle)
        if new_handle != doc["handle"]:
            _free_handle(shop_id, doc["kind"], new_handle, exact=True)
            changes["handle"] = new_handle
            previous = [h for h in doc.get("previous_handles", []) if h != new_handle]
            changes["previous_handles"] = [*previous, doc["handle"]]
    elif handle is not None and clean_handle(handle) != HOME_HANDLE:
        raise BadInput(
            "the home page's handle is fixed", [FieldError(["handle"], "the home page is home")]
        )
    window_start = starts_at if starts_at is not None else doc.get("starts_at")
    window_end = ends_at if ends_at is not None else doc.get("ends_at")
    _check_window(window_start, window_end)
    if starts_at is not None:
        changes["starts_at"] = starts_at
    if ends_at is not None:
        changes["ends_at"] = ends_at
    if promotion_ids is not None:
        changes["promotion_ids"] = _check_promotions(promotion_ids)
    if tags is not None:
        changes["tags"] = clean_tags(tags)
    try:
        updated = pages_collection().find_one_and_update(
            {"_id": doc["_id"], "shop_id": shop_id},
            update,
            return_document=ReturnDocument.AFTER,
        )
    except DuplicateKeyError:
        raise BadInput(
            "another page already uses this handle",
            [FieldError(["handle"], "already used by another page", "handle_taken")],
        ) from None
    if updated is None:
        raise NotFound("there is no such page")
    if "handle" in changes:
        _release_handle(shop_id, doc["kind"], changes["handle"])
    site_version.bump(shop_id, "content.page_changed")
    return updated


def save_draft(
    shop_id: ObjectId,
    page_id: str | ObjectId,
    locale: str,
    data: dict[str, Any],
    *,
    draft_version: int | None = None,
    now: datetime | None = None,
) -> Raw:
    """Replace `locale`'s draft with `data` (cleaned). With `draft_version`, only if the draft
    is still at that version (else CONFLICT: someone saved in between)."""
    now = now or utcnow()
    check_locale(locale)
    draft = clean_data(data, ["data"])
    doc = load_page(shop_id, page_id)
    return _write_draft(shop_id, doc, locale, draft, draft_version, now)


def _write_draft(
    shop_id: ObjectId,
    doc: Raw,
    locale: str,
    draft: Raw,
    draft_version: int | None,
    now: datetime,
) -> Raw:
    state = f"locales.{locale}"
    query: Raw = {"_id": doc["_id"], "shop_id": shop_id}
    if draft_version is not None:
        query[f"{state}.draft_version"] = draft_version if draft_version > 0 else {"$in": [0, None]}
    updated = pages_collection().find_one_and_update(
        query,
        {
            "$set": {
                f"{state}.draft": draft,
                f"{state}.draft_saved_at": now,
                "updated_at": now,
                "titles": draft_titles(doc, locale, draft["title"]),
            },
            "$inc": {f"{state}.draft_version": 1},
        },
        return_document=ReturnDocument.AFTER,
    )
    if updated is None:
        load_page(shop_id, doc["_id"])  # NOT_FOUND when it was deleted meanwhile
        raise Conflict("this draft was saved by someone else since you opened it: reload it first")
    return updated


def restore_revision(
    shop_id: ObjectId,
    page_id: str | ObjectId,
    locale: str,
    number: int,
    *,
    now: datetime | None = None,
) -> Raw:
    """Copy revision `number` of `locale` into its draft. What is live stays live and nothing
    is deleted: the seller publishes the restored draft when ready."""
    now = now or utcnow()
    check_locale(locale)
    doc = load_page(shop_id, page_id)
    revision = revisions_collection().find_one(
        {"shop_id": shop_id, "page_id": doc["_id"], "locale": locale, "number": number}
    )
    if revision is None:
        raise NotFound(f"this page has no revision {number} in {locale}")
    return _write_draft(shop_id, doc, locale, dict(revision["data"]), None, now)


def delete_page(shop_id: ObjectId, page_id: str | ObjectId) -> bool:
    """Delete the page with its revisions (its pending schedules then do nothing)."""
    doc = load_page(shop_id, page_id)
    pages_collection().delete_one({"_id": doc["_id"], "shop_id": shop_id})
    revisions_collection().delete_many({"shop_id": shop_id, "page_id": doc["_id"]})
    site_version.bump(shop_id, "content.page_deleted")
    return True
