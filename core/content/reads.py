"""What the site and the storefront API read of content: published data only, read-only.

Every read is scoped to one shop and shaped for an index of `cloudcat.core.content.documents`
(flat equalities on the leading fields). A page is shown in the asked locale when that locale
is published, else in the shop's locale, else in any published locale (`alternates` lists
them all, for hreflang). Drafts and scheduled versions never come out of here, except through
a preview token: `preview_token` signs (shop, page, locale, expiry) with a key derived from the
app's secret (`configure_preview_key`, called when the app is built) and `preview_page` shows
that locale's draft while the token is valid.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId
from bson.errors import InvalidId

from cloudcat.core.content.documents import ContentMenu, ContentPage

Raw = dict[str, Any]
CAMPAIGN_SCAN = 200  # live campaigns looked at to find the running ones
PREVIEW_PURPOSE = b"cloudcat content preview"


@dataclass(frozen=True)
class PublishedPage:
    """One locale of a page as the public sees it (or, from `preview_page`, its draft)."""

    id: str
    kind: str
    handle: str
    locale: str
    title: str
    seo_title: str | None
    seo_description: str | None
    blocks: list[dict[str, Any]]
    body_html: str | None
    excerpt: str | None
    cover: str | None
    published_at: datetime | None
    updated_at: datetime | None
    starts_at: datetime | None
    ends_at: datetime | None
    tags: list[str]
    alternates: list[str]
    shop_id: str = field(default="")


def _pick_locale(doc: Raw, locale: str, default_locale: str) -> str | None:
    live = list(doc.get("live_locales") or [])
    for wanted in (locale, default_locale):
        if wanted in live:
            return wanted
    return live[0] if live else None


def _page(
    doc: Raw, locale: str, data: Mapping[str, Any], published_at: datetime | None
) -> PublishedPage:
    return PublishedPage(
        id=str(doc["_id"]),
        kind=doc["kind"],
        handle=doc["handle"],
        locale=locale,
        title=data.get("title") or "",
        seo_title=data.get("seo_title"),
        seo_description=data.get("seo_description"),
        blocks=[dict(block) for block in data.get("blocks") or []],
        body_html=data.get("body_html"),
        excerpt=data.get("excerpt"),
        cover=data.get("cover"),
        published_at=published_at,
        updated_at=doc.get("updated_at"),
        starts_at=doc.get("starts_at"),
        ends_at=doc.get("ends_at"),
        tags=list(doc.get("tags") or []),
        alternates=list(doc.get("live_locales") or []),
        shop_id=str(doc["shop_id"]),
    )


def _published(doc: Raw, locale: str, default_locale: str) -> PublishedPage | None:
    chosen = _pick_locale(doc, locale, default_locale)
    if chosen is None:
        return None
    state = doc["locales"][chosen]
    return _page(doc, chosen, state["published"], state.get("published_at"))


def published_page(
    shop_id: ObjectId, kind: str, handle: str, locale: str, default_locale: str
) -> PublishedPage | None:
    """The published page `kind`/`handle` of the shop in the best locale, or None (also when
    no locale of it is published). A campaign is returned whatever its dates (`starts_at`,
    `ends_at` say whether it runs)."""
    doc = ContentPage._get_collection().find_one(
        {"shop_id": shop_id, "kind": kind, "handle": handle}
    )
    return _published(doc, locale, default_locale) if doc is not None else None


def moved_handle(shop_id: ObjectId, kind: str, handle: str) -> str | None:
    """The current handle of the page that used to be `handle` (for a 301), or None."""
    doc = ContentPage._get_collection().find_one(
        {"shop_id": shop_id, "kind": kind, "previous_handles": handle}, {"handle": 1, "live": 1}
    )
    return str(doc["handle"]) if doc is not None and doc.get("live") else None


def _after(shop_id: ObjectId, kind: str, after: str | None) -> Raw:
    """The condition of the pages after page `after` in newest-first order ({} for none)."""
    if after is None or not ObjectId.is_valid(after):
        return {}
    last = ContentPage._get_collection().find_one(
        {"_id": ObjectId(after), "shop_id": shop_id}, {"first_published_at": 1}
    )
    if last is None or last.get("first_published_at") is None:
        return {}
    when = last["first_published_at"]
    return {
        "$or": [
            {"first_published_at": {"$lt": when}},
            {"first_published_at": when, "_id": {"$lt": last["_id"]}},
        ]
    }


def _running(doc: Raw, now: datetime) -> bool:
    starts, ends = doc.get("starts_at"), doc.get("ends_at")
    return (starts is None or starts <= now) and (ends is None or ends > now)


def published_pages(
    shop_id: ObjectId,
    kind: str,
    locale: str,
    default_locale: str,
    *,
    limit: int,
    after: str | None = None,
    tag: str | None = None,
) -> list[PublishedPage]:
    """Published pages of `kind`, newest first (by first publication), at most `limit`,
    after the page with id `after`, with tag `tag` if given. Campaigns: the running ones."""
    query: Raw = {"shop_id": shop_id, "kind": kind}
    if tag:
        query["tags"] = tag
    query["live"] = True
    query.update(_after(shop_id, kind, after))
    order = [("first_published_at", -1), ("_id", -1)]
    rows = ContentPage._get_collection().find(query).sort(order)
    if kind == "campaign":
        now = datetime.now(UTC)
        docs = [doc for doc in rows.limit(CAMPAIGN_SCAN) if _running(doc, now)][:limit]
    else:
        docs = list(rows.limit(limit))
    pages = [_published(doc, locale, default_locale) for doc in docs]
    return [page for page in pages if page is not None]


def menu(
    shop_id: ObjectId, handle: str, locale: str, default_locale: str
) -> list[dict[str, Any]] | None:
    """The items (``{label, url, children}``) of menu `handle` in the best locale, or None."""
    doc = ContentMenu._get_collection().find_one({"shop_id": shop_id, "handle": handle})
    if doc is None:
        return None
    locales = doc.get("locales") or {}
    for wanted in (locale, default_locale, *sorted(locales)):
        if wanted in locales:
            return [dict(item) for item in locales[wanted].get("items") or []]
    return None


# --- preview ---------------------------------------------------------------------------------

_preview_key: list[bytes] = []


def configure_preview_key(secret_key: str) -> None:
    """Sign preview tokens with a key derived from the app's `secret_key` (the app factory
    calls this; every process of a deployment shares the secret, so tokens work on any)."""
    _preview_key[:] = [hmac.new(secret_key.encode(), PREVIEW_PURPOSE, hashlib.sha256).digest()]


def _signature(payload: bytes) -> bytes:
    if not _preview_key:
        raise RuntimeError("preview tokens need configure_preview_key(settings.secret_key)")
    return hmac.new(_preview_key[0], payload, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def preview_token(shop_id: ObjectId, page_id: ObjectId, locale: str, expires_at: datetime) -> str:
    """A URL-safe token that shows `locale`'s draft of the page until `expires_at`."""
    payload = f"{shop_id}.{page_id}.{locale}.{int(expires_at.timestamp())}".encode()
    return f"{_b64(payload)}.{_b64(_signature(payload))}"


def preview_page(
    token: str, now: datetime, *, shop_id: ObjectId | None = None
) -> PublishedPage | None:
    """The draft the token names, as a PublishedPage; None when the signature is wrong, the
    token expired, the page or its draft is gone, or (given `shop_id`) it is another shop's."""
    try:
        encoded, signature = token.split(".")
        payload = _unb64(encoded)
        good = hmac.compare_digest(_unb64(signature), _signature(payload))
        shop, page, locale, expires = payload.decode().split(".")
        if not good or int(expires) <= now.timestamp():
            return None
        if shop_id is not None and str(shop_id) != shop:
            return None
        query = {"_id": ObjectId(page), "shop_id": ObjectId(shop)}
    except (ValueError, InvalidId, binascii.Error, UnicodeDecodeError):
        return None
    doc = ContentPage._get_collection().find_one(query)
    state = ((doc or {}).get("locales") or {}).get(locale) or {}
    if doc is None or not state.get("draft"):
        return None
    return _page(doc, locale, state["draft"], state.get("draft_saved_at"))
