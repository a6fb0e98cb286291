"""Shopify product nodes read into typed values, or refused with a reason a seller can read.

`parse_product` takes one GraphQL ``Product`` node as `ShopifyClient` returns it (variants
completed) and gives a `ShopifyProduct` with exact `Decimal` prices, or raises
`MalformedProduct` saying what is wrong (no title, a title too long to be real, a price that
is not a number, no variant...). One bad product never stops the others from being read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_TITLE_CHARS = 1000
"""Longer titles are refused (Shopify itself allows 255)."""
_MONEY = re.compile(r"^\d{1,15}(\.\d{1,6})?$")
_GID = re.compile(r"^gid://shopify/(\w+)/(\d+)$")


class MalformedProduct(ValueError):
    """A product node that cannot be read; the message says why."""


@dataclass(frozen=True)
class ShopifyVariant:
    """One variant: option values in the product's option order, price, stock, codes."""

    id: str
    legacy_id: str
    title: str
    price: Decimal
    compare_at_price: Decimal | None
    stock: int | None
    options: dict[str, str]
    sku: str = ""
    barcode: str = ""
    image_url: str = ""
    available: bool = True
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ShopifyProduct:
    """One product as the shop has it now."""

    id: str
    legacy_id: str
    title: str
    handle: str
    status: str
    description: str
    vendor: str
    product_type: str
    url: str
    created_at: datetime | None
    updated_at: datetime | None
    variants: list[ShopifyVariant]
    tags: list[str] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Whether the product is on sale (status ``ACTIVE``)."""
        return self.status == "ACTIVE"


def legacy_id(gid: str) -> str:
    """The numeric id inside a ``gid://shopify/Type/123`` id."""
    match = _GID.match(gid)
    if match is None:
        raise MalformedProduct(f"{gid!r} is not a Shopify id")
    return match.group(2)


def parse_money(value: Any, what: str) -> Decimal:
    """A ``Money`` string (``"19.90"``) as an exact decimal; refuse anything else."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or not _MONEY.match(text):
        raise MalformedProduct(f"the {what} {value!r} is not an amount of money")
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise MalformedProduct(f"the {what} {value!r} is not an amount of money") from exc


def parse_time(value: Any) -> datetime | None:
    """A ``DateTime`` (``2026-01-05T02:00:00Z``) as an aware datetime; None when absent."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedProduct(f"{value!r} is not a time")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedProduct(f"{value!r} is not a time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    return value if isinstance(value, str) else ""


def _nodes(connection: Any) -> list[dict[str, Any]]:
    if not isinstance(connection, dict):
        return []
    nodes = connection.get("nodes")
    if nodes is None:
        edges = connection.get("edges") or []
        nodes = [edge.get("node") for edge in edges if isinstance(edge, dict)]
    return [n for n in nodes or [] if isinstance(n, dict)]


def parse_variant(node: dict[str, Any]) -> ShopifyVariant:
    """One ``ProductVariant`` node."""
    gid = _text(node, "id")
    quantity = node.get("inventoryQuantity")
    selected = [o for o in node.get("selectedOptions") or [] if isinstance(o, dict)]
    options = {
        str(o.get("name")): str(o.get("value"))
        for o in selected
        if (o.get("name"), o.get("value")) != ("Title", "Default Title")
    }
    compare_at = node.get("compareAtPrice")
    image = node.get("image")
    return ShopifyVariant(
        id=gid,
        legacy_id=legacy_id(gid),
        title=_text(node, "title"),
        price=parse_money(node.get("price"), f"price of variant {gid}"),
        compare_at_price=(
            parse_money(compare_at, f"compare-at price of variant {gid}")
            if compare_at not in (None, "")
            else None
        ),
        stock=quantity if isinstance(quantity, int) and not isinstance(quantity, bool) else None,
        options=options,
        sku=_text(node, "sku"),
        barcode=_text(node, "barcode"),
        image_url=_text(image, "url") if isinstance(image, dict) else "",
        available=node.get("availableForSale") is not False,
        updated_at=parse_time(node.get("updatedAt")),
    )


def parse_product(node: dict[str, Any]) -> ShopifyProduct:
    """One ``Product`` node; raise `MalformedProduct` when it cannot be read."""
    gid = _text(node, "id")
    number = legacy_id(gid)
    title = _text(node, "title").strip()
    if not title:
        raise MalformedProduct(f"product {number} has no title")
    if len(title) > MAX_TITLE_CHARS:
        raise MalformedProduct(
            f"product {number} has a title of {len(title):,} characters "
            f"(at most {MAX_TITLE_CHARS:,})"
        )
    variants = [parse_variant(v) for v in _nodes(node.get("variants"))]
    if not variants:
        raise MalformedProduct(f"product {number} has no variant (so no price)")
    images = []
    for media in _nodes(node.get("media")):
        image = media.get("image")
        if isinstance(image, dict) and isinstance(image.get("url"), str):
            images.append(image["url"])
    tags = node.get("tags")
    return ShopifyProduct(
        id=gid,
        legacy_id=number,
        title=title,
        handle=_text(node, "handle"),
        status=_text(node, "status") or "ACTIVE",
        description=_text(node, "description"),
        vendor=_text(node, "vendor"),
        product_type=_text(node, "productType"),
        url=_text(node, "onlineStoreUrl"),
        created_at=parse_time(node.get("createdAt")),
        updated_at=parse_time(node.get("updatedAt")),
        variants=variants,
        tags=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
        image_urls=images,
    )
