"""Content in the admin: pages (home, landing, campaign, article) with per-locale drafts,
schedules and versions, the block types of the editor, preview links and menus.

Every field takes `shopId`: analysts (and up) read, editors write. Problems answer
BAD_USER_INPUT with `extensions.fields`, NOT_FOUND, or CONFLICT (a stale `draftVersion`).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, cast

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core.content import menus, pages, publishing
from cloudcat.core.content.blocks import BLOCK_TYPES
from cloudcat.core.content.data import check_locale
from cloudcat.core.content.reads import preview_token
from cloudcat.core.content.urls import page_path
from cloudcat.core.documents import Role
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.storage.database import RawDatabase
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.context import AppInfo
from cloudcat.schema.jsonvalues import jsonable
from cloudcat.schema.pagination import (
    Connection,
    build_connection,
    check_page_size,
    decode_cursor,
    encode_cursor,
)

Raw = dict[str, Any]
MAX_PREVIEW_MINUTES = 7 * 24 * 60


@strawberry.enum(description="What a content page is.")
class ContentKind(Enum):
    HOME = "home"
    LANDING = "landing"
    CAMPAIGN = "campaign"
    ARTICLE = "article"


@strawberry.enum(description="Where one locale of a page stands.")
class ContentStatus(Enum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CHANGED = "changed"  # published, with a newer draft


@strawberry.type(description="One block of a page: its type and its settings.")
class ContentBlock:
    id: strawberry.ID
    type: str
    settings: JSON


@strawberry.type(description="What one version of a page says in one locale.")
class ContentData:
    title: str
    seo_title: str | None
    seo_description: str | None
    blocks: list[ContentBlock]
    body_html: str | None
    excerpt: str | None
    cover: str | None = strawberry.field(description="An image ref: media asset id or URL.")

    @classmethod
    def from_raw(cls, raw: Raw) -> ContentData:
        return cls(
            title=raw.get("title") or "",
            seo_title=raw.get("seo_title"),
            seo_description=raw.get("seo_description"),
            blocks=[
                ContentBlock(
                    id=strawberry.ID(str(b["id"])),
                    type=str(b["type"]),
                    settings=cast(JSON, jsonable(b.get("settings") or {})),
                )
                for b in raw.get("blocks") or []
            ],
            body_html=raw.get("body_html"),
            excerpt=raw.get("excerpt"),
            cover=raw.get("cover"),
        )


def _data(raw: Raw | None) -> ContentData | None:
    return ContentData.from_raw(raw) if raw else None


def _same(a: Raw | None, b: Raw | None) -> bool:
    fields = ("title", "seo_title", "seo_description", "blocks", "body_html", "excerpt", "cover")
    return all((a or {}).get(f) == (b or {}).get(f) for f in fields)


def locale_status(state: Raw) -> ContentStatus:
    """SCHEDULED when a publish is pending, else PUBLISHED (CHANGED when the draft differs
    from what is live), else DRAFT."""
    if state.get("scheduled_at"):
        return ContentStatus.SCHEDULED
    if state.get("published"):
        if state.get("draft") and not _same(state["draft"], state["published"]):
            return ContentStatus.CHANGED
        return ContentStatus.PUBLISHED
    return ContentStatus.DRAFT


@strawberry.type(description="One locale of a page: its draft, what is live, what is planned.")
class ContentLocale:
    locale: str
    status: ContentStatus
    draft: ContentData | None
    draft_saved_at: datetime | None
    draft_version: int = strawberry.field(
        description="Send it back with saveContentDraft: a save made meanwhile is a CONFLICT."
    )
    published: ContentData | None
    published_at: datetime | None
    published_revision: int | None
    scheduled_at: datetime | None
    scheduled_revision: int | None

    @classmethod
    def from_raw(cls, locale: str, state: Raw) -> ContentLocale:
        return cls(
            locale=locale,
            status=locale_status(state),
            draft=_data(state.get("draft")),
            draft_saved_at=state.get("draft_saved_at"),
            draft_version=int(state.get("draft_version") or 0),
            published=_data(state.get("published")),
            published_at=state.get("published_at"),
            published_revision=state.get("published_revision"),
            scheduled_at=state.get("scheduled_at"),
            scheduled_revision=state.get("scheduled_revision"),
        )


@strawberry.type(description="A home, landing, campaign or article page.")
class ContentPage:
    id: strawberry.ID
    kind: ContentKind
    handle: str
    locales: list[ContentLocale]
    starts_at: datetime | None
    ends_at: datetime | None
    promotion_ids: list[str]
    tags: list[str]
    url: str = strawberry.field(description="Where the page is (once published) on the site.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_raw(cls, raw: Raw, site_url: str) -> ContentPage:
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            kind=ContentKind(raw["kind"]),
            handle=raw["handle"],
            locales=[
                ContentLocale.from_raw(name, state)
                for name, state in sorted((raw.get("locales") or {}).items())
            ],
            starts_at=raw.get("starts_at"),
            ends_at=raw.get("ends_at"),
            promotion_ids=list(raw.get("promotion_ids") or []),
            tags=list(raw.get("tags") or []),
            url=site_url + page_path(raw["kind"], raw["handle"]),
            created_at=raw["created_at"],
            updated_at=raw.get("updated_at") or raw["created_at"],
        )


@strawberry.type(description="A version of one locale of a page.")
class ContentRevision:
    number: int
    locale: str
    created_at: datetime
    created_by: str | None
    note: str | None
    data: ContentData
    live: bool = strawberry.field(description="This version is what the site shows now.")


@strawberry.type(description="A block type the editor can add, with its settings' JSON Schema.")
class ContentBlockType:
    type: str
    title: str
    description: str
    schema: JSON


@strawberry.type(description="A signed link showing a draft until it expires.")
class PreviewLink:
    url: str
    expires_at: datetime


@strawberry.type(description="A navigation menu in one locale.")
class Menu:
    handle: str
    locale: str
    items: JSON = strawberry.field(description="[{label, url, children: [...]}]")


@strawberry.input
class ContentBlockInput:
    id: strawberry.ID | None = strawberry.field(default=None, description="Absent: a new block.")
    type: str
    settings: JSON


@strawberry.input
class ContentDataInput:
    title: str
    seo_title: str | None = None
    seo_description: str | None = None
    blocks: list[ContentBlockInput] | None = None
    body_html: str | None = strawberry.field(default=None, description="Articles (sanitized).")
    excerpt: str | None = None
    cover: str | None = None

    def raw(self) -> Raw:
        """The plain dict the content checks read."""
        found: Raw = {
            "title": self.title,
            "seo_title": self.seo_title,
            "seo_description": self.seo_description,
            "body_html": self.body_html,
            "excerpt": self.excerpt,
            "cover": self.cover,
            "blocks": [
                {"id": block.id, "type": block.type, "settings": block.settings}
                for block in self.blocks or []
            ],
        }
        return found


@strawberry.input
class MenuItemInput:
    label: str
    url: str
    children: list[MenuItemInput] | None = None

    def raw(self) -> Raw:
        return {
            "label": self.label,
            "url": self.url,
            "children": [child.raw() for child in self.children or []],
        }


def _site_url(info: AppInfo, shop: ShopDoc) -> str:
    return f"{info.context.services.settings.public_url}/s/{shop.slug}"


def _by(info: AppInfo) -> str | None:
    viewer = info.context.viewer
    if viewer.user is not None:
        return str(viewer.user.email)
    return f"token {viewer.token.name}" if viewer.token is not None else None


async def _read(info: AppInfo, shop_id: str) -> ShopDoc:
    return await authorize(info, shop_id)


async def _write(info: AppInfo, shop_id: str) -> ShopDoc:
    return await authorize(info, shop_id, Role.EDITOR)


async def _page(info: AppInfo, shop: ShopDoc, work: Callable[[], Raw]) -> ContentPage:
    raw = await run_in_threadpool(work)
    return ContentPage.from_raw(raw, _site_url(info, shop))


def _revision_cursor(number: int) -> str:
    return base64.urlsafe_b64encode(f"rev:{number}".encode()).decode()


def _revision_after(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith("rev:"):
            raise ValueError(cursor)
        return int(raw[4:])
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadInput("that cursor is not valid", [FieldError(["after"], "bad cursor")]) from exc


def _list_pages(
    shop_id: ObjectId, kind: ContentKind | None, search: str | None, after: str | None, size: int
) -> list[Raw]:
    query: Raw = {"shop_id": shop_id}
    if kind is not None:
        query["kind"] = kind.value
    if after is not None:
        query["_id"] = {"$lt": decode_cursor(after)}
    text = (search or "").strip()[:100]
    if text:
        pattern = {"$regex": re.escape(text), "$options": "i"}
        query["$or"] = [{"handle": pattern}, {"titles": pattern}]
    rows = pages.pages_collection().find(query).sort("_id", -1).limit(size + 1)
    return list(rows)


@strawberry.type
class ContentAdminQuery:
    @strawberry.field(description="The shop's content pages, newest first.")
    async def content_pages(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        kind: ContentKind | None = None,
        search: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[ContentPage]:
        shop = await _read(info, shop_id)
        size = check_page_size(first, info.context.services.settings.page_size_max)
        rows = await run_in_threadpool(_list_pages, shop.id, kind, search, after, size)
        site = _site_url(info, shop)
        return build_connection(
            rows, size, after, lambda raw: ContentPage.from_raw(raw, site),
            lambda raw: encode_cursor(raw["_id"]),
        )  # fmt: skip

    @strawberry.field(description="One content page, or null.")
    async def content_page(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> ContentPage | None:
        shop = await _read(info, shop_id)
        if not ObjectId.is_valid(str(id)):
            return None
        raw = await run_in_threadpool(
            pages.pages_collection().find_one, {"_id": ObjectId(str(id)), "shop_id": shop.id}
        )
        return ContentPage.from_raw(raw, _site_url(info, shop)) if raw else None

    @strawberry.field(description="The versions of one locale of a page, newest first.")
    async def content_revisions(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        page_id: strawberry.ID,
        locale: str,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[ContentRevision]:
        shop = await _read(info, shop_id)
        check_locale(locale)
        size = check_page_size(first, info.context.services.settings.page_size_max)

        def fetch() -> tuple[Raw, list[Raw]]:
            page = pages.load_page(shop.id, str(page_id))
            query: Raw = {"shop_id": shop.id, "page_id": page["_id"], "locale": locale}
            if after is not None:
                query["number"] = {"$lt": _revision_after(after)}
            rows = pages.revisions_collection().find(query).sort("number", -1).limit(size + 1)
            return page, list(rows)

        page, rows = await run_in_threadpool(fetch)
        live = ((page.get("locales") or {}).get(locale) or {}).get("published_revision")

        def convert(raw: Raw) -> ContentRevision:
            return ContentRevision(
                number=raw["number"],
                locale=raw["locale"],
                created_at=raw["created_at"],
                created_by=raw.get("created_by"),
                note=raw.get("note"),
                data=ContentData.from_raw(raw["data"]),
                live=raw["number"] == live,
            )

        return build_connection(
            rows, size, after, convert, lambda raw: _revision_cursor(raw["number"])
        )

    @strawberry.field(description="The block types the editor offers (in the caller's language).")
    async def content_block_types(
        self, info: AppInfo, shop_id: strawberry.ID
    ) -> list[ContentBlockType]:
        await _read(info, shop_id)
        locale = info.context.locale
        found = []
        for block in BLOCK_TYPES.values():
            title, description = block.texts(locale)
            schema = cast(JSON, block.schema(locale))
            found.append(
                ContentBlockType(
                    type=block.name, title=title, description=description, schema=schema
                )
            )
        return found

    @strawberry.field(description="The shop's menus (every locale, or one).")
    async def menus(
        self, info: AppInfo, shop_id: strawberry.ID, locale: str | None = None
    ) -> list[Menu]:
        shop = await _read(info, shop_id)
        if locale is not None:
            check_locale(locale)
        rows = await run_in_threadpool(menus.shop_menus, shop.id, locale)
        return [Menu(handle=h, locale=loc, items=cast(JSON, items)) for h, loc, items in rows]


def _db(info: AppInfo) -> RawDatabase:
    return info.context.services.db


@strawberry.type
class ContentAdminMutation:
    @strawberry.mutation(description="A new page with a first draft in `locale`.")
    async def create_content_page(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        kind: ContentKind,
        locale: str,
        data: ContentDataInput,
        handle: str | None = None,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
        promotion_ids: list[str] | None = None,
        tags: list[str] | None = None,
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        return await _page(
            info, shop,
            lambda: pages.create_page(
                shop.id, kind.value, locale, data.raw(), handle=handle, starts_at=starts_at,
                ends_at=ends_at, promotion_ids=promotion_ids, tags=tags,
            ),
        )  # fmt: skip

    @strawberry.mutation(
        description="Change a page's handle, campaign window, promotions or tags (what is "
        "given). A new handle keeps the old one, which then redirects (301)."
    )
    async def update_content_page(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        id: strawberry.ID,
        handle: str | None = None,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
        promotion_ids: list[str] | None = None,
        tags: list[str] | None = None,
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        return await _page(
            info, shop,
            lambda: pages.update_page(
                shop.id, str(id), handle=handle, starts_at=starts_at, ends_at=ends_at,
                promotion_ids=promotion_ids, tags=tags,
            ),
        )  # fmt: skip

    @strawberry.mutation(
        description="Save the draft of one locale. With `draftVersion`, a save made by "
        "someone else meanwhile is refused (CONFLICT)."
    )
    async def save_content_draft(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        id: strawberry.ID,
        locale: str,
        data: ContentDataInput,
        draft_version: int | None = None,
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        raw = data.raw()
        return await _page(
            info,
            shop,
            lambda: pages.save_draft(shop.id, str(id), locale, raw, draft_version=draft_version),
        )

    @strawberry.mutation(
        description="Publish one locale's draft now (`at` null) or at a future time `at`; "
        "other locales are untouched."
    )
    async def publish_content(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        id: strawberry.ID,
        locale: str,
        at: datetime | None = None,
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        by = _by(info)
        if at is None:
            return await _page(
                info, shop, lambda: publishing.publish_now(shop.id, str(id), locale, by=by)
            )
        when = at
        return await _page(
            info, shop,
            lambda: publishing.schedule_publish(_db(info), shop.id, str(id), locale, when, by=by),
        )  # fmt: skip

    @strawberry.mutation(description="Drop one locale's scheduled publish.")
    async def cancel_scheduled_content(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID, locale: str
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        return await _page(info, shop, lambda: publishing.cancel_schedule(shop.id, str(id), locale))

    @strawberry.mutation(description="Take one locale off the site (draft and versions stay).")
    async def unpublish_content(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID, locale: str
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        return await _page(info, shop, lambda: publishing.unpublish(shop.id, str(id), locale))

    @strawberry.mutation(
        description="Copy version `number` into the draft of `locale`; what is live stays."
    )
    async def restore_content_revision(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID, locale: str, number: int
    ) -> ContentPage:
        shop = await _write(info, shop_id)
        return await _page(
            info, shop, lambda: pages.restore_revision(shop.id, str(id), locale, number)
        )

    @strawberry.mutation(description="Delete a page with its versions.")
    async def delete_content_page(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> bool:
        shop = await _write(info, shop_id)
        return await run_in_threadpool(pages.delete_page, shop.id, str(id))

    @strawberry.mutation(description="A signed link showing one locale's draft for `minutes`.")
    async def content_preview_link(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        id: strawberry.ID,
        locale: str,
        minutes: int = 60,
    ) -> PreviewLink:
        shop = await _write(info, shop_id)
        check_locale(locale)
        if not 1 <= minutes <= MAX_PREVIEW_MINUTES:
            raise BadInput(
                "a preview link lasts 1 minute to 7 days",
                [FieldError(["minutes"], f"between 1 and {MAX_PREVIEW_MINUTES}")],
            )
        page = await run_in_threadpool(pages.load_page, shop.id, str(id))
        expires = datetime.now(UTC) + timedelta(minutes=minutes)
        token = preview_token(shop.id, page["_id"], locale, expires)
        return PreviewLink(url=f"{_site_url(info, shop)}/preview/{token}", expires_at=expires)

    @strawberry.mutation(description="Save and publish a menu's items in one locale.")
    async def save_menu(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        handle: str,
        locale: str,
        items: list[MenuItemInput],
    ) -> Menu:
        shop = await _write(info, shop_id)
        raw = [item.raw() for item in items]
        saved = await run_in_threadpool(menus.save_menu, shop.id, handle, locale, raw)
        return Menu(handle=handle, locale=locale, items=cast(JSON, saved))
