"""Catalog types shared by the admin and storefront schemas, built from stored documents.

Money is always an exact decimal with its currency. A product's `title`, `description` and SEO
texts are the seller's own (CloudCat-owned content) when set, else the marketplace's; the
marketplace's own stay readable as `marketplaceTitle` / `marketplaceDescription`.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from bson import Decimal128, ObjectId

from cloudcat.core.catalog.queries import is_published
from cloudcat.schema.context import AppInfo
from cloudcat.schema.types import Money


def amount(value: Any) -> Decimal | None:
    """A stored amount (Decimal128, Decimal or None) as a `Decimal`."""
    if value is None:
        return None
    if isinstance(value, Decimal128):
        return value.to_decimal()
    return Decimal(str(value))


def money(value: Any, currency: str) -> Money | None:
    """A stored amount as `Money` in `currency` (None stays None)."""
    exact = amount(value)
    return None if exact is None else Money(amount=exact, currency_code=currency)


def _money(value: Any, currency: str) -> Money:
    found = money(value, currency)
    if found is None:
        raise ValueError("a required amount is missing")
    return found


@strawberry.enum(description="Where a synced object stands on its marketplace.")
class ListingStatus(Enum):
    ACTIVE = "active"
    DELISTED = "delisted"
    DELETED = "deleted"


ProductStatus = ListingStatus


@strawberry.type(description="One option value of a variant, e.g. 颜色: 红色.")
class OptionValue:
    name: str
    value: str


@strawberry.type(description="An option of a product and the values its variants use.")
class ProductOption:
    name: str
    values: list[str]


@strawberry.type(description="The lowest and highest price of a product's variants.")
class PriceRange:
    min: Money
    max: Money


@strawberry.type(description="One SKU of a product.")
class Variant:
    id: str = strawberry.field(description="The variant's id on the marketplace.")
    title: str
    options: list[OptionValue]
    price: Money
    compare_at_price: Money | None
    stock: int | None
    sku: str
    barcode: str
    image_url: str

    @classmethod
    def from_raw(cls, raw: dict[str, Any], currency: str) -> Variant:
        return cls(
            id=raw["external_id"],
            title=raw.get("title") or "",
            options=[OptionValue(name=o["name"], value=o["value"]) for o in raw.get("options", [])],
            price=_money(raw.get("price"), currency),
            compare_at_price=money(raw.get("compare_at_price"), currency),
            stock=raw.get("stock"),
            sku=raw.get("sku") or "",
            barcode=raw.get("barcode") or "",
            image_url=raw.get("image_url") or "",
        )


@strawberry.type(description="What the seller writes in CloudCat; a sync never changes it.")
class ProductContent:
    title: str
    description: str
    seo_title: str
    seo_description: str
    sort_order: int
    published: bool
    updated_at: datetime | None


@strawberry.type(description="A category or collection synced from a source.")
class Category:
    id: strawberry.ID
    source: str
    external_id: str
    name: str
    parent_id: str | None = strawberry.field(description="The parent's external id.")
    kind: str
    sort_order: int
    image_url: str
    status: ListingStatus
    updated_at: datetime | None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Category:
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            source=raw["source"],
            external_id=raw["external_id"],
            name=raw.get("name", ""),
            parent_id=raw.get("parent_id"),
            kind=raw.get("kind", "category"),
            sort_order=int(raw.get("sort_order") or 0),
            image_url=raw.get("image_url") or "",
            status=ListingStatus(raw.get("status", "active")),
            updated_at=raw.get("updated_at"),
        )


@strawberry.type(description="A promotional price of one variant.")
class VariantPrice:
    variant_id: str
    price: Money


@strawberry.type(description="A running promotion's price for one product.")
class PromotionPrice:
    promotion_id: str = strawberry.field(description="The promotion's external id.")
    name: str
    price: Money | None = strawberry.field(description="The price of the whole product.")
    variant_prices: list[VariantPrice]
    starts_at: datetime | None
    ends_at: datetime | None

    @property
    def lowest(self) -> Decimal | None:
        prices = [p.price.amount for p in self.variant_prices]
        if self.price is not None:
            prices.append(self.price.amount)
        return min(prices) if prices else None


@strawberry.type(description="A product synced from a marketplace source, with its variants.")
class Product:
    id: strawberry.ID
    source: str
    external_id: str
    title: str = strawberry.field(
        description="The seller's own title when set, else the marketplace's."
    )
    marketplace_title: str
    description: str
    marketplace_description: str
    status: ListingStatus
    published: bool = strawberry.field(description="Active and not hidden by the seller.")
    url: str = strawberry.field(description="Where to buy it on the marketplace.")
    image_urls: list[str]
    price: Money
    compare_at_price: Money | None
    price_range: PriceRange
    stock: int | None
    sku: str
    barcode: str
    options: list[ProductOption]
    variants: list[Variant]
    category_ids: list[str]
    content: ProductContent
    seo_title: str
    seo_description: str
    source_modified_at: datetime | None
    created_at: datetime | None
    updated_at: datetime | None
    shop_id: strawberry.Private[ObjectId]

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Product:
        currency = raw.get("currency", "")
        owned = raw.get("owned") or {}
        title = owned.get("title") or raw.get("title", "")
        description = owned.get("description") or raw.get("description", "")
        price = _money(raw.get("price"), currency)
        low = money(raw.get("price_min"), currency) or price
        high = money(raw.get("price_max"), currency) or price
        status = ListingStatus(raw.get("status", "active"))
        published = owned.get("published", True) is not False
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            source=raw["source"],
            external_id=raw["external_id"],
            title=title,
            marketplace_title=raw.get("title", ""),
            description=description,
            marketplace_description=raw.get("description", ""),
            status=status,
            published=is_published(raw),
            url=raw.get("url") or "",
            image_urls=list(raw.get("image_urls") or []),
            price=price,
            compare_at_price=money(raw.get("compare_at_price"), currency),
            price_range=PriceRange(min=low, max=high),
            stock=raw.get("stock"),
            sku=raw.get("sku") or "",
            barcode=raw.get("barcode") or "",
            options=[
                ProductOption(name=o["name"], values=list(o.get("values", [])))
                for o in raw.get("options") or []
            ],
            variants=[Variant.from_raw(v, currency) for v in raw.get("variants") or []],
            category_ids=list(raw.get("category_ids") or []),
            content=ProductContent(
                title=owned.get("title") or "",
                description=owned.get("description") or "",
                seo_title=owned.get("seo_title") or "",
                seo_description=owned.get("seo_description") or "",
                sort_order=int(owned.get("sort_order") or 0),
                published=published,
                updated_at=owned.get("updated_at"),
            ),
            seo_title=owned.get("seo_title") or title,
            seo_description=owned.get("seo_description") or description[:300],
            source_modified_at=raw.get("source_modified_at"),
            created_at=raw.get("created_at"),
            updated_at=raw.get("updated_at"),
            shop_id=raw["shop_id"],
        )

    @strawberry.field(description="The product's categories.")
    async def categories(self, info: AppInfo) -> list[Category]:
        keys = [(self.shop_id, self.source, category) for category in self.category_ids]
        found = await info.context.loaders.categories.load_many(keys)
        return [Category.from_raw(raw) for raw in found if raw is not None]

    @strawberry.field(description="The promotions running now that reduce this product.")
    async def promotions(self, info: AppInfo) -> list[PromotionPrice]:
        docs = await info.context.loaders.running_promotions.load(
            (self.shop_id, self.source, self.external_id)
        )
        found = [promotion_prices(doc, self.external_id) for doc in docs]
        return [price for price in found if price is not None]

    @strawberry.field(description="The lowest price a running promotion offers, or null.")
    async def sale_price(self, info: AppInfo) -> Money | None:
        running = await self.promotions(info)
        lows = [p.lowest for p in running if p.lowest is not None]
        if not lows:
            return None
        return Money(amount=min(lows), currency_code=self.price.currency_code)


def promotion_prices(raw: dict[str, Any], product_id: str) -> PromotionPrice | None:
    """The prices promotion `raw` gives product `product_id` (None if it does not list it)."""
    currency = raw.get("currency") or ""
    for item in raw.get("items") or []:
        if item.get("product_id") != product_id:
            continue
        return PromotionPrice(
            promotion_id=raw["external_id"],
            name=raw.get("name", ""),
            price=money(item.get("price"), currency),
            variant_prices=[
                VariantPrice(variant_id=v["variant_id"], price=_money(v["price"], currency))
                for v in item.get("variant_prices") or []
            ],
            starts_at=raw.get("starts_at"),
            ends_at=raw.get("ends_at"),
        )
    return None
