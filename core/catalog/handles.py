"""URL handles: the readable, stable address part of a product (and of pages).

A product's handle is made once, when the catalog writer first stores it, from its title and its
external id (`product_handle`): ``xi-hu-long-jing-ming-qian-593847``. Chinese is written in
pinyin, so the handle stays ASCII. It never changes when the title does, so links shared to
channels keep working. `find_by_handle` is how the site and the storefront API look one up.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bson import ObjectId
from pypinyin import lazy_pinyin

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.documents import Product
from cloudcat.core.storage.database import RawDatabase, register_raw_indexes

MAX_SLUG_LENGTH = 60
MAX_HANDLE_LENGTH = 100
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_HANDLE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """An ASCII slug of `text`: pinyin for Chinese, accents dropped, lowercase words joined by
    ``-``, at most `max_length` characters cut at a word boundary ("" when nothing is left)."""
    spelled = " ".join(lazy_pinyin(unicodedata.normalize("NFKC", text or "")))
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def product_handle(title: str, external_id: str) -> str:
    """The handle of a new product: its title's slug, then its external id's (unique per source)."""
    tail = slugify(external_id, MAX_HANDLE_LENGTH - MAX_SLUG_LENGTH - 1) or "item"
    head = slugify(title)
    return f"{head}-{tail}" if head else tail


def is_handle(value: str) -> bool:
    """Whether `value` has the shape of a handle (what a URL may carry; checked before a query)."""
    return bool(_HANDLE.match(value or ""))


def find_by_handle(shop_id: ObjectId, handle: str) -> dict[str, Any] | None:
    """The raw published product of `shop_id` with `handle` (or with that id, when `handle` is a
    24-hex ObjectId), or None. Read only; one indexed lookup."""
    collection = Product._get_collection()
    if ObjectId.is_valid(handle) and len(handle) == 24:
        doc = collection.find_one({"_id": ObjectId(handle), **published_products(shop_id)})
        if doc is not None:
            return doc
    if not is_handle(handle):
        return None
    doc = collection.find_one({"shop_id": shop_id, "handle": handle, **_published_rest(shop_id)})
    return doc


def _published_rest(shop_id: ObjectId) -> dict[str, Any]:
    """The published condition without the shop (so `handle` can sit right after `shop_id`)."""
    return {k: v for k, v in published_products(shop_id).items() if k != "shop_id"}


def backfill_handles(batch: int = 500) -> int:
    """Give a handle to every product stored before handles existed; return how many.

    Run at start (a write at start, never on a read path); a no-op once done."""
    collection = Product._get_collection()
    done = 0
    while True:
        rows = list(
            collection.find(
                {"handle": {"$exists": False}}, {"title": 1, "external_id": 1}, limit=batch
            )
        )
        if not rows:
            return done
        for row in rows:
            handle = product_handle(str(row.get("title") or ""), str(row.get("external_id") or ""))
            collection.update_one(
                {"_id": row["_id"], "handle": {"$exists": False}}, {"$set": {"handle": handle}}
            )
        done += len(rows)


def _backfill_at_start(_db: RawDatabase) -> None:
    backfill_handles()


register_raw_indexes(_backfill_at_start)  # the handle index is only useful once handles are set
