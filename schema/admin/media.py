"""A shop's media library in the admin API: list and search, read, edit the alt text, delete.

Uploading is not GraphQL: it is `POST /media/{shopId}` with the file's bytes (docs/media.md).
Viewers (the analyst role) read; editors change.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Role
from cloudcat.core.errors import NotFound
from cloudcat.core.media import MediaAsset as MediaAssetDoc
from cloudcat.core.media import asset_json, media_store
from cloudcat.core.media.library import delete_asset, find_asset, list_assets, set_alt
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import (
    Connection,
    build_connection,
    check_page_size,
    decode_cursor,
    encode_cursor,
)


@strawberry.type(description="An image in a shop's media library.")
class MediaAsset:
    id: strawberry.ID
    url: str = strawberry.field(description="The picture up to 1024 px wide, original format.")
    thumbnail_url: str = strawberry.field(description="The smallest WebP variant (320 px).")
    srcset: str = strawberry.field(description="Every width in the original format, for srcset.")
    webp_srcset: str = strawberry.field(description="Every width as WebP, for srcset.")
    width: int
    height: int
    content_type: str = strawberry.field(description="As detected from the bytes.")
    size: int = strawberry.field(description="Bytes of the uploaded file.")
    filename: str
    alt: str
    created_at: datetime

    @classmethod
    def from_doc(cls, doc: MediaAssetDoc, base_url: str) -> MediaAsset:
        shown = asset_json(doc, base_url)
        return cls(
            id=strawberry.ID(shown["id"]),
            url=shown["url"],
            thumbnail_url=shown["thumbnailUrl"],
            srcset=shown["srcset"],
            webp_srcset=shown["webpSrcset"],
            width=doc.width,
            height=doc.height,
            content_type=doc.content_type,
            size=doc.size,
            filename=doc.filename or "",
            alt=doc.alt or "",
            created_at=doc.created_at,
        )


def _base_url(info: AppInfo) -> str:
    return info.context.services.settings.public_url


@strawberry.type
class MediaQuery:
    @strawberry.field(
        description="The shop's images, newest first; `search` matches the file name or alt text."
    )
    async def media_assets(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
        search: str | None = None,
    ) -> Connection[MediaAsset]:
        shop = await authorize(info, shop_id)
        size = check_page_size(first, info.context.services.settings.page_size_max)
        before = decode_cursor(after) if after is not None else None
        rows = await run_in_threadpool(list_assets, shop.id, size + 1, before, search)
        base = _base_url(info)
        return build_connection(
            rows,
            size,
            after,
            lambda doc: MediaAsset.from_doc(doc, base),
            lambda doc: encode_cursor(doc.id),
        )

    @strawberry.field(description="One image of the shop (null if there is none with that id).")
    async def media_asset(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> MediaAsset | None:
        shop = await authorize(info, shop_id)
        doc = await run_in_threadpool(find_asset, shop.id, str(id))
        return MediaAsset.from_doc(doc, _base_url(info)) if doc is not None else None


async def _asset(info: AppInfo, shop_id: str, asset_id: str) -> MediaAssetDoc:
    shop = await authorize(info, shop_id, Role.EDITOR)
    doc = await run_in_threadpool(find_asset, shop.id, asset_id)
    if doc is None:
        raise NotFound(f"no image with id {asset_id!r}")
    return doc


@strawberry.type
class MediaMutation:
    @strawberry.mutation(description="Change an image's alt text (editor).")
    async def update_media_asset(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID, alt: str
    ) -> MediaAsset:
        doc = await _asset(info, shop_id, str(id))
        await run_in_threadpool(set_alt, doc, alt)
        return MediaAsset.from_doc(doc, _base_url(info))

    @strawberry.mutation(
        description="Delete an image (editor). Pages still naming it show no picture there."
    )
    async def delete_media_asset(
        self, info: AppInfo, shop_id: strawberry.ID, id: strawberry.ID
    ) -> bool:
        doc = await _asset(info, shop_id, str(id))
        store = media_store(info.context.services.settings)
        await run_in_threadpool(delete_asset, store, doc)
        return True
