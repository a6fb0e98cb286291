"""Catalog types shared by the admin and storefront schemas, built from stored documents.

Money is always an exact decimal with its currency. A product's `title`, `description` and SEO
texts are the seller's own (CloudCat-owned content) when set, else the marketplace's; the
marketplace's own stay readable as `marketplaceTitle` / `marketplaceDescription`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar, Self

import strawberry
from bson import Decimal128, ObjectId

from cloudcat.core.catalog.queries import is_published
from cloudcat.schema.context import AppInfo
from cloudcat.schema.types import Money


@functools.lru_cache(maxsize=4096)
def _decimal(bid: bytes) -> Decimal:
    """The `Decimal` of a Decimal128's 16 bytes (bson's conversion is slow; prices repeat)."""
    return Decimal128.from_bid(bid).to_decimal()


def amount(value: Any) -> Decimal | None:
    """A stored amount (Decimal128, Decimal or None) as a `Decimal`."""
    if value is None:
        return None
    if isinstance(value, Decimal128):
        return _decimal(value.bid)
    return Decimal(str(value))


class LazyFields:
    """A type whose fields are built from its stored document on first read, then kept.

    Subclasses list a builder per field in `BUILDERS` and make instances without the dataclass
    `__init__` (`cls.__new__`), setting only what the builders read; strawberry reads a plain
    field with `getattr`, which reaches `__getattr__` for a field not built yet.
    """

    BUILDERS: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    def __getattr__(self, name: str) -> Any:
        builder = type(self).BUILDERS.get(name)
        if builder is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = builder(self)
        self.__dict__[name] = value
        return value


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
class Variant(LazyFields):
    id: str = strawberry.field(description="The variant's id on the marketplace.")
    title: str
    options: list[OptionValue]
    price: Money
    compare_at_price: Money | None
    stock: int | None
    sku: str
    barcode: str
    image_url: str
    raw: strawberry.Private[dict[str, Any]]
    currency: strawberry.Private[str]

    BUILDERS: ClassVar[dict[str, Callable[[Any], Any]]] = {
        "id": lambda v: v.raw["external_id"],
        "title": lambda v: v.raw.get("title") or "",
        "options": lambda v: [
            OptionValue(name=o["name"], value=o["value"]) for o in v.raw.get("options", [])
        ],
        "price": lambda v: _money(v.raw.get("price"), v.currency),
        "compare_at_price": lambda v: money(v.raw.get("compare_at_price"), v.currency),
        "stock": lambda v: v.raw.get("stock"),
        "sku": lambda v: v.raw.get("sku") or "",
        "barcode": lambda v: v.raw.get("barcode") or "",
        "image_url": lambda v: v.raw.get("image_url") or "",
    }

    @classmethod
    def from_raw(cls, raw: dict[str, Any], currency: str) -> Variant:
        """The variant of stored sub-document `raw`; its fields are built when first read."""
        variant = cls.__new__(cls)
        variant.raw = raw
        variant.currency = currency
        return variant


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
    def from_raw(cls, raw: dict[str, Any]) -> Self:
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


def _title(product: Product) -> str:
    return str(product.owned.get("title") or product.raw.get("title", ""))


def _description(product: Product) -> str:
    return str(product.owned.get("description") or product.raw.get("description", ""))


def _price_range(product: Product) -> PriceRange:
    low = money(product.raw.get("price_min"), product.currency) or product.price
    high = money(product.raw.get("price_max"), product.currency) or product.price
    return PriceRange(min=low, max=high)


def _content(product: Product) -> ProductContent:
    owned = product.owned
    return ProductContent(
        title=owned.get("title") or "",
        description=owned.get("description") or "",
        seo_title=owned.get("seo_title") or "",
        seo_description=owned.get("seo_description") or "",
        sort_order=int(owned.get("sort_order") or 0),
        published=owned.get("published", True) is not False,
        updated_at=owned.get("updated_at"),
    )


@strawberry.type(description="A product synced from a marketplace source, with its variants.")
class Product(LazyFields):
    id: strawberry.ID
    source: str
    external_id: str
    handle: str = strawberry.field(
        description="The product's stable URL handle (it never changes with the title)."
    )
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
    raw: strawberry.Private[dict[str, Any]]
    owned: strawberry.Private[dict[str, Any]]
    currency: strawberry.Private[str]

    BUILDERS: ClassVar[dict[str, Callable[[Any], Any]]] = {
        "id": lambda p: strawberry.ID(str(p.raw["_id"])),
        "source": lambda p: p.raw["source"],
        "external_id": lambda p: p.raw["external_id"],
        "handle": lambda p: p.raw.get("handle") or str(p.raw["_id"]),
        "title": _title,
        "marketplace_title": lambda p: p.raw.get("title", ""),
        "description": _description,
        "marketplace_description": lambda p: p.raw.get("description", ""),
        "status": lambda p: ListingStatus(p.raw.get("status", "active")),
        "published": lambda p: is_published(p.raw),
        "url": lambda p: p.raw.get("url") or "",
        "image_urls": lambda p: list(p.raw.get("image_urls") or []),
        "price": lambda p: _money(p.raw.get("price"), p.currency),
        "compare_at_price": lambda p: money(p.raw.get("compare_at_price"), p.currency),
        "price_range": _price_range,
        "stock": lambda p: p.raw.get("stock"),
        "sku": lambda p: p.raw.get("sku") or "",
        "barcode": lambda p: p.raw.get("barcode") or "",
        "options": lambda p: [
            ProductOption(name=o["name"], values=list(o.get("values", [])))
            for o in p.raw.get("options") or []
        ],
        "variants": lambda p: [
            Variant.from_raw(v, p.currency) for v in p.raw.get("variants") or []
        ],
        "category_ids": lambda p: list(p.raw.get("category_ids") or []),
        "content": _content,
        "seo_title": lambda p: p.owned.get("seo_title") or p.title,
        "seo_description": lambda p: p.owned.get("seo_description") or p.description[:300],
        "source_modified_at": lambda p: p.raw.get("source_modified_at"),
        "created_at": lambda p: p.raw.get("created_at"),
        "updated_at": lambda p: p.raw.get("updated_at"),
    }

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Product:
        """The product of stored document `raw`; each field is built when first read, so a
        query converts (Decimal128 amounts included) only what it selects."""
        product = cls.__new__(cls)
        product.raw = raw
        product.owned = raw.get("owned") or {}
        product.currency = raw.get("currency", "")
        product.shop_id = raw["shop_id"]
        return product

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
