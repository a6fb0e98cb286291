"""The admin mutation editing CloudCat-owned product content (never touched by a sync)."""

from __future__ import annotations

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.catalog.editing import OwnedChanges, update_owned_content
from cloudcat.core.documents import Product as ProductDoc
from cloudcat.core.documents import Role
from cloudcat.core.errors import NotFound
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.catalog.types import Product
from cloudcat.schema.context import AppInfo


@strawberry.input(description="The seller's own content; a field left out stays as it is.")
class ProductContentInput:
    title: str | None = strawberry.field(default=None, description='"" uses the marketplace\'s.')
    description: str | None = None
    seo_title: str | None = None
    seo_description: str | None = None
    sort_order: int | None = None
    published: bool | None = None


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(
        description="Change a product's CloudCat-owned content (editor); syncs never undo it."
    )
    async def update_product_content(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        product_id: strawberry.ID,
        input: ProductContentInput,
    ) -> Product:
        shop = await authorize(info, shop_id, Role.EDITOR)
        changes = OwnedChanges(
            title=input.title,
            description=input.description,
            seo_title=input.seo_title,
            seo_description=input.seo_description,
            sort_order=input.sort_order,
            published=input.published,
        )
        await run_in_threadpool(update_owned_content, shop.id, str(product_id), changes)
        query = {"_id": ObjectId(str(product_id)), "shop_id": shop.id}
        raw = await run_in_threadpool(ProductDoc._get_collection().find_one, query)
        if raw is None:
            raise NotFound("no such product in this shop")
        return Product.from_raw(raw)
