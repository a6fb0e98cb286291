"""Content in the storefront API: published pages, articles, campaigns and menus.

`ContentQuery` is a mixin of the storefront's Query. Only what is published comes out (the
reads of `cloudcat.core.content.reads`): drafts and scheduled versions never do. `locale`
defaults to the shop's; a page not published in it comes in the shop's locale, else in any
published one (`locale` and `alternates` say which). A product grid block gives the ids of its
products (`productIds`), a countdown its end (`endsAt`); image refs in settings and `cover`
are media asset ids or https URLs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core.content import reads
from cloudcat.core.content.grids import grid_product_ids
from cloudcat.core.documents import Promotion
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.schema.context import AppInfo
from cloudcat.schema.jsonvalues import jsonable
from cloudcat.schema.pagination import (
    Connection,
    build_connection,
    check_page_size,
    decode_cursor,
    encode_cursor,
)

MAX_PAGE = 50


@strawberry.type(name="ContentBlock", description="One block of a page, in the page's order.")
class StorefrontBlock:
    id: strawberry.ID
    type: str
    settings: JSON
    shop_id: strawberry.Private[ObjectId]
    raw: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="A product grid's products, in its order (else null).")
    async def product_ids(self) -> list[strawberry.ID] | None:
        if self.type != "product_grid":
            return None
        ids = await run_in_threadpool(grid_product_ids, self.shop_id, self.raw)
        return [strawberry.ID(i) for i in ids]

    @strawberry.field(description="When a countdown ends (its promotion's end), else null.")
    async def ends_at(self) -> datetime | None:
        if self.type != "countdown":
            return None
        if self.raw.get("ends_at"):
            return datetime.fromisoformat(str(self.raw["ends_at"]))
        promotion = await run_in_threadpool(
            Promotion._get_collection().find_one,
            {
                "shop_id": self.shop_id,
                "status": "active",
                "external_id": str(self.raw.get("promotion_id") or ""),
            },
            {"ends_at": 1},
        )
        return promotion.get("ends_at") if promotion else None


@strawberry.type(name="ContentPage", description="A published page in one locale.")
class StorefrontPage:
    id: strawberry.ID
    kind: str = strawberry.field(description="home, landing, campaign or article.")
    handle: str
    locale: str = strawberry.field(description="The locale shown (after any fallback).")
    title: str
    seo_title: str | None
    seo_description: str | None
    blocks: list[StorefrontBlock]
    body_html: str | None = strawberry.field(description="An article's body (sanitized HTML).")
    excerpt: str | None
    cover: str | None = strawberry.field(description="An image ref: media asset id or URL.")
    published_at: datetime | None
    updated_at: datetime | None
    starts_at: datetime | None
    ends_at: datetime | None
    tags: list[str]
    alternates: list[str] = strawberry.field(description="Every locale it is published in.")

    @classmethod
    def of(cls, shop_id: ObjectId, page: reads.PublishedPage) -> StorefrontPage:
        return cls(
            id=strawberry.ID(page.id),
            kind=page.kind,
            handle=page.handle,
            locale=page.locale,
            title=page.title,
            seo_title=page.seo_title,
            seo_description=page.seo_description,
            blocks=[
                StorefrontBlock(
                    id=strawberry.ID(str(block["id"])),
                    type=str(block["type"]),
                    settings=cast(JSON, jsonable(block.get("settings") or {})),
                    shop_id=shop_id,
                    raw=dict(block.get("settings") or {}),
                )
                for block in page.blocks
            ],
            body_html=page.body_html,
            excerpt=page.excerpt,
            cover=page.cover,
            published_at=page.published_at,
            updated_at=page.updated_at,
            starts_at=page.starts_at,
            ends_at=page.ends_at,
            tags=page.tags,
            alternates=page.alternates,
        )


@strawberry.type(description="A link of a menu, with its sub-links.")
class MenuItem:
    label: str
    url: str
    children: list[MenuItem]

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> MenuItem:
        return cls(
            label=str(raw.get("label") or ""),
            url=str(raw.get("url") or ""),
            children=[cls.from_raw(child) for child in raw.get("children") or []],
        )


async def _one(info: AppInfo, kind: str, handle: str, locale: str | None) -> StorefrontPage | None:
    shop: ShopDoc = info.context.storefront()
    page = await run_in_threadpool(
        reads.published_page, shop.id, kind, handle, locale or shop.locale, shop.locale
    )
    return StorefrontPage.of(shop.id, page) if page is not None else None


def _max_page(info: AppInfo) -> int:
    return min(MAX_PAGE, info.context.services.settings.page_size_max)


@strawberry.type
class ContentQuery:
    @strawberry.field(description="The published home page, or null.")
    async def home_page(self, info: AppInfo, locale: str | None = None) -> StorefrontPage | None:
        return await _one(info, "home", "home", locale)

    @strawberry.field(description="A published landing page by handle, or null.")
    async def page(
        self, info: AppInfo, handle: str, locale: str | None = None
    ) -> StorefrontPage | None:
        return await _one(info, "landing", handle, locale)

    @strawberry.field(description="A published article by handle, or null.")
    async def article(
        self, info: AppInfo, handle: str, locale: str | None = None
    ) -> StorefrontPage | None:
        return await _one(info, "article", handle, locale)

    @strawberry.field(description="Published articles, newest first (at most 50 a page).")
    async def articles(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        tag: str | None = None,
        locale: str | None = None,
    ) -> Connection[StorefrontPage]:
        shop: ShopDoc = info.context.storefront()
        size = check_page_size(first, _max_page(info))
        last = str(decode_cursor(after)) if after is not None else None
        rows = await run_in_threadpool(
            lambda: reads.published_pages(
                shop.id, "article", locale or shop.locale, shop.locale,
                limit=size + 1, after=last, tag=tag,
            )
        )  # fmt: skip
        return build_connection(
            rows,
            size,
            after,
            lambda page: StorefrontPage.of(shop.id, page),
            lambda page: encode_cursor(ObjectId(page.id)),
        )

    @strawberry.field(description="A published campaign by handle, or null (whatever its dates).")
    async def campaign(
        self, info: AppInfo, handle: str, locale: str | None = None
    ) -> StorefrontPage | None:
        return await _one(info, "campaign", handle, locale)

    @strawberry.field(description="The running published campaigns, newest first.")
    async def campaigns(self, info: AppInfo, locale: str | None = None) -> list[StorefrontPage]:
        shop: ShopDoc = info.context.storefront()
        rows = await run_in_threadpool(
            lambda: reads.published_pages(
                shop.id, "campaign", locale or shop.locale, shop.locale, limit=MAX_PAGE
            )
        )
        return [StorefrontPage.of(shop.id, page) for page in rows]

    @strawberry.field(description="A menu's items (`main`, `footer`...), or null.")
    async def menu(
        self, info: AppInfo, handle: str, locale: str | None = None
    ) -> list[MenuItem] | None:
        shop: ShopDoc = info.context.storefront()
        items = await run_in_threadpool(
            reads.menu, shop.id, handle, locale or shop.locale, shop.locale
        )
        return [MenuItem.from_raw(item) for item in items] if items is not None else None
