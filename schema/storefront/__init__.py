"""The public storefront schema: read-only published data of the shop the key belongs to."""

from __future__ import annotations

import strawberry

from cloudcat.schema.catalog import product_by_id, product_connection
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import Connection
from cloudcat.schema.types import Product


@strawberry.type(name="Shop", description="The public face of a shop.")
class StorefrontShop:
    slug: str
    name: str
    currency: str
    locale: str
    timezone: str


@strawberry.type
class StorefrontQuery:
    @strawberry.field(description="The shop the storefront key belongs to.")
    def shop(self, info: AppInfo) -> StorefrontShop:
        shop = info.context.storefront()
        return StorefrontShop(
            slug=shop.slug,
            name=shop.name,
            currency=shop.currency,
            locale=shop.locale,
            timezone=shop.timezone,
        )

    @strawberry.field(description="Published (active) products, oldest first.")
    async def products(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        search: str | None = None,
    ) -> Connection[Product]:
        shop = info.context.storefront()
        max_page = info.context.services.settings.page_size_max
        return await product_connection(shop.id, first, after, search, ["active"], max_page)

    @strawberry.field(description="One published product by id, or null.")
    async def product(self, info: AppInfo, id: strawberry.ID) -> Product | None:
        shop = info.context.storefront()
        product = await product_by_id(shop.id, id)
        return product if product is not None and product.status.value == "active" else None
