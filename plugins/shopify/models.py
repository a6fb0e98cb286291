"""Shopify product nodes read into typed values, or refused with a reason a seller can read.

`parse_product` takes one GraphQL ``Product`` node as `ShopifyClient` returns it (variants
completed) and gives a `ShopifyProduct` with exact `Decimal` prices, or raises
`MalformedProduct` saying what is wrong (no title, a title too long to be real, a price that
is not a number, no variant...). One bad product never stops the others from being read.

`parse_webhook_product` reads the REST-shaped product of a ``products/create`` or
``products/update`` webhook into the same `ShopifyProduct`, so a product read from a webhook and
the same product read by GraphQL compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
    description_html: str = ""

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


def _text(node: Mapping[str, Any], key: str) -> str:
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


def _title(node: Mapping[str, Any], number: str) -> str:
    """A product's title, refused when it is missing or too long to be real."""
    title = node.get("title")
    title = title.strip() if isinstance(title, str) else ""
    if not title:
        raise MalformedProduct(f"product {number} has no title")
    if len(title) > MAX_TITLE_CHARS:
        raise MalformedProduct(
            f"product {number} has a title of {len(title):,} characters "
            f"(at most {MAX_TITLE_CHARS:,})"
        )
    return title


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
    title = _title(node, number)
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
        description_html=_text(node, "descriptionHtml"),
    )


# --- webhook payloads (the REST shape) -------------------------------------------------------


def _rest_id(value: Any, kind: str, what: str) -> tuple[str, str]:
    """The GraphQL id and the numeric id of a REST ``id`` (an integer)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise MalformedProduct(f"{what} has no valid id ({value!r})")
    return f"gid://shopify/{kind}/{value}", str(value)


def _position(item: Mapping[str, Any]) -> int:
    """An option's or variant's ``position`` (0 when it has none)."""
    position = item.get("position")
    return position if isinstance(position, int) and not isinstance(position, bool) else 0


def _rest_variant(
    node: Mapping[str, Any], option_names: list[str], images: Mapping[Any, str]
) -> ShopifyVariant:
    gid, number = _rest_id(node.get("id"), "ProductVariant", "a variant")
    options = {}
    for position, name in enumerate(option_names, start=1):
        value = node.get(f"option{position}")
        if value is not None and (name, value) != ("Title", "Default Title"):
            options[name] = str(value)
    quantity = node.get("inventory_quantity")
    compare_at = node.get("compare_at_price")
    return ShopifyVariant(
        id=gid,
        legacy_id=number,
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
        image_url=images.get(node.get("image_id"), ""),
        updated_at=parse_time(node.get("updated_at")),
    )


def parse_webhook_product(payload: Mapping[str, Any]) -> ShopifyProduct:
    """The product of a ``products/create``/``products/update`` webhook (REST field names:
    ``body_html``, ``variants[].option1``, ``images[].src``...); raise `MalformedProduct`."""
    gid, number = _rest_id(payload.get("id"), "Product", "a product")
    title = _title(payload, number)
    raw_options = [o for o in payload.get("options") or [] if isinstance(o, dict)]
    raw_options.sort(key=_position)
    option_names = [str(o.get("name")) for o in raw_options]
    raw_images = [i for i in payload.get("images") or [] if isinstance(i, dict)]
    images = {i.get("id"): i["src"] for i in raw_images if isinstance(i.get("src"), str)}
    raw_variants = [v for v in payload.get("variants") or [] if isinstance(v, dict)]
    raw_variants.sort(key=_position)
    variants = [_rest_variant(v, option_names, images) for v in raw_variants]
    if not variants:
        raise MalformedProduct(f"product {number} has no variant (so no price)")
    tags = payload.get("tags")
    return ShopifyProduct(
        id=gid,
        legacy_id=number,
        title=title,
        handle=_text(payload, "handle"),
        status=(_text(payload, "status") or "active").upper(),
        description="",
        vendor=_text(payload, "vendor"),
        product_type=_text(payload, "product_type"),
        url="",
        created_at=parse_time(payload.get("created_at")),
        updated_at=parse_time(payload.get("updated_at")),
        variants=variants,
        tags=[t.strip() for t in tags.split(",") if t.strip()] if isinstance(tags, str) else [],
        image_urls=[i["src"] for i in raw_images if isinstance(i.get("src"), str)],
        description_html=_text(payload, "body_html"),
    )
