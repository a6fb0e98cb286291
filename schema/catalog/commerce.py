"""Categories, promotions and orders as the admin lists them (filters, keyset pagination)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Category as CategoryDoc
from cloudcat.core.documents import Order as OrderDoc
from cloudcat.core.documents import Promotion as PromotionDoc
from cloudcat.core.documents.base import utcnow
from cloudcat.schema.catalog.keyset import SortKey, keyset_page
from cloudcat.schema.catalog.loaders import running_promotions_query
from cloudcat.schema.catalog.types import (
    Category,
    ListingStatus,
    VariantPrice,
    money,
)
from cloudcat.schema.pagination import Connection
from cloudcat.schema.types import Money

CategoryT = TypeVar("CategoryT", bound=Category)


@strawberry.type(description="One product of an item-level promotion.")
class PromotionItem:
    product_id: str = strawberry.field(description="The product's external id.")
    price: Money | None
    variant_prices: list[VariantPrice]


@strawberry.type(description="An item- or shop-level promotion synced from a source.")
class Promotion:
    id: strawberry.ID
    source: str
    external_id: str
    name: str
    description: str
    level: str
    starts_at: datetime | None
    ends_at: datetime | None
    status: ListingStatus
    running: bool = strawberry.field(description="Active, and its time window holds now.")
    items: list[PromotionItem]
    updated_at: datetime | None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Promotion:
        currency = raw.get("currency") or ""
        now = utcnow()
        starts, ends = raw.get("starts_at"), raw.get("ends_at")
        status = ListingStatus(raw.get("status", "active"))
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            source=raw["source"],
            external_id=raw["external_id"],
            name=raw.get("name", ""),
            description=raw.get("description") or "",
            level=raw.get("level", "item"),
            starts_at=starts,
            ends_at=ends,
            status=status,
            running=status is ListingStatus.ACTIVE
            and (starts is None or starts <= now)
            and (ends is None or ends > now),
            items=[
                PromotionItem(
                    product_id=item["product_id"],
                    price=money(item.get("price"), currency),
                    variant_prices=[
                        VariantPrice(
                            variant_id=v["variant_id"],
                            price=Money(amount=v["price"].to_decimal(), currency_code=currency),
                        )
                        for v in item.get("variant_prices") or []
                    ],
                )
                for item in raw.get("items") or []
            ],
            updated_at=raw.get("updated_at"),
        )


@strawberry.enum(description="An order's status, normalized across marketplaces.")
class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    DELETED = "deleted"


@strawberry.type(description="The buyer as the marketplace identifies them.")
class Buyer:
    id: str
    name: str
    email: str
    phone: str


@strawberry.type
class OrderLine:
    external_id: str
    title: str
    quantity: int
    unit_price: Money
    total: Money
    product_id: str
    variant_id: str
    sku: str


@strawberry.type(description="An order synced from a source.")
class Order:
    id: strawberry.ID
    source: str
    external_id: str
    status: OrderStatus
    source_status: str = strawberry.field(description="The marketplace's own status.")
    buyer: Buyer
    lines: list[OrderLine]
    subtotal: Money | None
    shipping: Money | None
    discount: Money | None
    total: Money
    placed_at: datetime
    paid_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Order:
        currency = raw.get("currency", "")
        buyer = raw.get("buyer") or {}
        total = money(raw.get("total"), currency)
        assert total is not None
        return cls(
            id=strawberry.ID(str(raw["_id"])),
            source=raw["source"],
            external_id=raw["external_id"],
            status=OrderStatus(raw.get("status", "pending")),
            source_status=raw.get("source_status") or "",
            buyer=Buyer(
                id=buyer.get("id", ""),
                name=buyer.get("name", ""),
                email=buyer.get("email", ""),
                phone=buyer.get("phone", ""),
            ),
            lines=[
                OrderLine(
                    external_id=line["external_id"],
                    title=line.get("title", ""),
                    quantity=int(line.get("quantity") or 0),
                    unit_price=Money(
                        amount=line["unit_price"].to_decimal(), currency_code=currency
                    ),
                    total=Money(amount=line["total"].to_decimal(), currency_code=currency),
                    product_id=line.get("product_id") or "",
                    variant_id=line.get("variant_id") or "",
                    sku=line.get("sku") or "",
                )
                for line in raw.get("lines") or []
            ],
            subtotal=money(raw.get("subtotal"), currency),
            shipping=money(raw.get("shipping"), currency),
            discount=money(raw.get("discount"), currency),
            total=total,
            placed_at=raw["placed_at"],
            paid_at=raw.get("paid_at"),
            updated_at=raw.get("updated_at"),
        )


@strawberry.input
class PromotionFilter:
    status: list[ListingStatus] | None = None
    source: str | None = None
    level: str | None = None
    running: bool | None = strawberry.field(
        default=None, description="Only promotions running now (true)."
    )


@strawberry.input
class OrderFilter:
    status: list[OrderStatus] | None = None
    source: str | None = None
    buyer_id: str | None = None
    placed_after: datetime | None = None
    placed_before: datetime | None = None


async def category_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    source: str | None,
    max_page: int,
    *,
    storefront: bool = False,
    node: type[CategoryT] = Category,  # type: ignore[assignment]
) -> Connection[CategoryT]:
    """The shop's categories by sort order (active ones only on the storefront), as `node`s
    (`Category` or a subclass of it)."""
    query: dict[str, Any] = {"shop_id": shop_id}
    if source:
        query["source"] = source
    if storefront:
        query["status"] = "active"
    sort = SortKey("sort_order", kind="int")
    return await keyset_page(
        CategoryDoc._get_collection(), query, sort, first, after, max_page, node.from_raw
    )


async def promotion_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    filter: PromotionFilter | None,
    max_page: int,
) -> Connection[Promotion]:
    """The shop's promotions, those starting last first."""
    filter = filter or PromotionFilter()
    query: dict[str, Any] = {"shop_id": shop_id}
    if filter.running:
        query = running_promotions_query(shop_id, filter.source or "")
        query.pop("level")
        if not filter.source:
            query.pop("source")
    if filter.status:
        query["status"] = {"$in": [s.value for s in filter.status]}
    if filter.source:
        query["source"] = filter.source
    if filter.level:
        query["level"] = filter.level
    sort = SortKey("starts_at", descending=True, kind="datetime")
    return await keyset_page(
        PromotionDoc._get_collection(), query, sort, first, after, max_page, Promotion.from_raw
    )


async def order_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    filter: OrderFilter | None,
    max_page: int,
) -> Connection[Order]:
    """The shop's orders, newest first."""
    filter = filter or OrderFilter()
    query: dict[str, Any] = {"shop_id": shop_id}
    if filter.status:
        query["status"] = {"$in": [s.value for s in filter.status]}
    if filter.source:
        query["source"] = filter.source
    if filter.buyer_id:
        query["buyer.id"] = filter.buyer_id
    placed: dict[str, datetime] = {}
    if filter.placed_after:
        placed["$gte"] = filter.placed_after
    if filter.placed_before:
        placed["$lt"] = filter.placed_before
    if placed:
        query["placed_at"] = placed
    sort = SortKey("placed_at", descending=True, kind="datetime")
    return await keyset_page(
        OrderDoc._get_collection(), query, sort, first, after, max_page, Order.from_raw
    )


async def order_by_id(shop_id: ObjectId, order_id: str) -> Order | None:
    """One order of the shop, or None."""
    if not ObjectId.is_valid(order_id):
        return None
    query = {"_id": ObjectId(order_id), "shop_id": shop_id}
    raw = await run_in_threadpool(OrderDoc._get_collection().find_one, query)
    return Order.from_raw(raw) if raw is not None else None
