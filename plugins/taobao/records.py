"""Taobao answers as catalog records: items, seller categories, promotions and sold trades.

Each function reads one object as TOP serves it (field names and formats of the open platform:
prices as yuan strings such as ``"129.00"``, times as ``yyyy-MM-dd HH:mm:ss`` in GMT+8, SKU
options in ``properties_name``) and returns the record of `cloudcat.core.sources`, or raises
`Unreadable` with a reason a seller can act on, so that the source yields a `RejectedRecord`
for that one object. Prices become `Decimal` through their text (never a float); Taobao prices
are in yuan (CNY).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cloudcat.core.plugin_api import (
    BuyerRecord,
    CategoryRecord,
    ListingStatus,
    OrderLineRecord,
    OrderRecord,
    OrderStatus,
    ProductRecord,
    PromotionItem,
    PromotionRecord,
    VariantRecord,
)
from cloudcat.plugins.taobao.client import as_list
from cloudcat.plugins.taobao.signing import parse_time

CURRENCY = "CNY"
ITEM_URL = "https://item.taobao.com/item.htm?id={num_iid}"

TRADE_STATUSES: dict[str, OrderStatus] = {
    "TRADE_NO_CREATE_PAY": OrderStatus.PENDING,
    "WAIT_BUYER_PAY": OrderStatus.PENDING,
    "PAY_PENDING": OrderStatus.PENDING,
    "WAIT_PRE_AUTH_CONFIRM": OrderStatus.PENDING,
    "WAIT_SELLER_SEND_GOODS": OrderStatus.PAID,
    "PAID_FORBID_CONSIGN": OrderStatus.PAID,
    "SELLER_CONSIGNED_PART": OrderStatus.SHIPPED,
    "WAIT_BUYER_CONFIRM_GOODS": OrderStatus.SHIPPED,
    "TRADE_BUYER_SIGNED": OrderStatus.SHIPPED,
    "TRADE_FINISHED": OrderStatus.COMPLETED,
    "TRADE_CLOSED": OrderStatus.REFUNDED,
    "TRADE_CLOSED_BY_TAOBAO": OrderStatus.CANCELLED,
}
"""TOP trade statuses (``status``) in CloudCat's words. ``TRADE_CLOSED`` is a trade closed
after a full refund; ``TRADE_CLOSED_BY_TAOBAO`` one closed before payment."""


class Unreadable(ValueError):
    """An object TOP served that cannot be read; the message says what is wrong with it."""


# --- fields --------------------------------------------------------------------------------


def yuan(value: Any, what: str) -> Decimal:
    """A TOP price (yuan, as text) as a `Decimal`; `Unreadable` when it is not one.

    A JSON number is read through its shortest text (``129.9`` → ``Decimal("129.9")``)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        if value is None or value == "":
            raise Unreadable(f"{what} is missing")
        raise Unreadable(f"{what} is not a price: {str(value)[:40]!r}")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise Unreadable(f"{what} is not a price: {str(value)[:40]!r}") from exc
    if not amount.is_finite():
        raise Unreadable(f"{what} is not a price: {str(value)[:40]!r}")
    return amount


def optional_yuan(value: Any, what: str) -> Decimal | None:
    """A price that may be absent (None or empty)."""
    return None if value is None or value == "" else yuan(value, what)


def top_time(value: Any, what: str) -> datetime:
    """A TOP time as an aware datetime; `Unreadable` when it is absent or malformed."""
    if not isinstance(value, str) or not value.strip():
        raise Unreadable(f"{what} is missing")
    try:
        return parse_time(value)
    except ValueError as exc:
        raise Unreadable(f"{what} is not a time: {value[:40]!r}") from exc


def optional_time(value: Any, what: str) -> datetime | None:
    """A TOP time that may be absent (None or empty)."""
    return None if value is None or value == "" else top_time(value, what)


def count(value: Any, what: str) -> int | None:
    """A stock or quantity (absent: None)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise Unreadable(f"{what} is not a number: {value!r}")
    try:
        return int(str(value))
    except ValueError as exc:
        raise Unreadable(f"{what} is not a number: {str(value)[:40]!r}") from exc


def identifier(value: Any, what: str) -> str:
    """A TOP numeric id as text."""
    if isinstance(value, bool) or value is None or str(value).strip() == "":
        raise Unreadable(f"{what} is missing")
    return str(value).strip()


def text(value: Any) -> str:
    """A text field (absent: empty)."""
    return "" if value is None else str(value)


def seller_cids(value: Any) -> list[str]:
    """The shop categories of an item: ``",12,34,"`` → ``["12", "34"]``."""
    return [part.strip() for part in text(value).split(",") if part.strip()]


def aliases(value: Any) -> dict[tuple[str, str], str]:
    """An item's ``property_alias`` (``pid:vid:alias;…``): the seller's own value names."""
    found: dict[tuple[str, str], str] = {}
    for part in text(value).split(";"):
        pieces = part.split(":", 2)
        if len(pieces) == 3 and pieces[2]:
            found[(pieces[0], pieces[1])] = pieces[2]
    return found


def sku_options(properties_name: Any, renamed: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """A SKU's option values, in order, from ``pid:vid:pname:vname;…`` (the seller's aliases
    replace value names)."""
    options: dict[str, str] = {}
    for part in text(properties_name).split(";"):
        if not part:
            continue
        pieces = part.split(":", 3)
        if len(pieces) != 4 or not pieces[2] or not pieces[3]:
            raise Unreadable(f"a SKU has unreadable properties: {part[:60]!r}")
        pid, vid, name, value = pieces
        options[name] = renamed.get((pid, vid), value)
    return options


def images(item: Mapping[str, Any]) -> list[str]:
    """The item's pictures in order (``item_imgs`` by position), else its main picture."""
    found = [
        img
        for img in as_list(item.get("item_imgs"))
        if isinstance(img, Mapping) and isinstance(img.get("url"), str) and img["url"]
    ]
    found.sort(key=lambda img: count(img.get("position"), "image position") or 0)
    urls = [str(img["url"]) for img in found]
    main = item.get("pic_url")
    if not urls and isinstance(main, str) and main:
        urls = [main]
    return urls


# --- records -------------------------------------------------------------------------------


def product_record(item: Mapping[str, Any], default_status: str = "onsale") -> ProductRecord:
    """An item in detail (``taobao.items.seller.list.get`` with ``sku``) as a product.

    ``approve_status`` ``onsale`` is active and ``instock`` delisted (`default_status` when
    the item does not say)."""
    num_iid = identifier(item.get("num_iid"), "num_iid")
    renamed = aliases(item.get("property_alias"))
    variants = []
    for sku in as_list(item.get("skus")):
        if not isinstance(sku, Mapping):
            raise Unreadable("a SKU is not an object")
        sku_id = identifier(sku.get("sku_id"), "a SKU's sku_id")
        variants.append(
            VariantRecord(
                external_id=sku_id,
                price=yuan(sku.get("price"), f"the price of SKU {sku_id}"),
                options=sku_options(sku.get("properties_name"), renamed),
                stock=count(sku.get("quantity"), f"the stock of SKU {sku_id}"),
                sku=text(sku.get("outer_id")),
                barcode=text(sku.get("barcode")),
            )
        )
    status = text(item.get("approve_status")) or default_status
    if status not in ("onsale", "instock"):
        raise Unreadable(f"unknown approve_status {status[:40]!r}")
    return ProductRecord(
        external_id=num_iid,
        title=text(item.get("title")),
        price=yuan(item.get("price"), "price"),
        currency=CURRENCY,
        description=text(item.get("desc")),
        image_urls=images(item),
        url=text(item.get("detail_url")) or ITEM_URL.format(num_iid=num_iid),
        status=(ListingStatus.ACTIVE if status == "onsale" else ListingStatus.DELISTED).value,
        variants=variants,
        category_ids=seller_cids(item.get("seller_cids")),
        stock=count(item.get("num"), "num"),
        sku=text(item.get("outer_id")),
        modified_at=top_time(item.get("modified"), "modified"),
    )


def category_record(category: Mapping[str, Any]) -> CategoryRecord:
    """A seller category (``taobao.sellercats.list.get``); ``parent_cid`` 0 is a root."""
    parent = text(category.get("parent_cid")).strip()
    return CategoryRecord(
        external_id=identifier(category.get("cid"), "cid"),
        name=text(category.get("name")),
        parent_id=parent if parent not in ("", "0") else None,
        sort_order=count(category.get("sort_order"), "sort_order") or 0,
        image_url=text(category.get("pic_url")),
    )


def item_promotion(num_iid: str, promotion: Mapping[str, Any]) -> PromotionItem:
    """One item's price in a ``promotion_in_item`` entry (with its SKUs' prices)."""
    sku_ids = [identifier(s, "a sku_id_list entry") for s in as_list(promotion.get("sku_id_list"))]
    prices = as_list(promotion.get("sku_price_list"))
    if len(sku_ids) != len(prices):
        raise Unreadable("sku_id_list and sku_price_list differ in length")
    return PromotionItem(
        product_id=num_iid,
        price=optional_yuan(promotion.get("item_promo_price"), "item_promo_price"),
        variant_prices={
            sku: yuan(price, f"the promotional price of SKU {sku}")
            for sku, price in zip(sku_ids, prices, strict=True)
        },
    )


def promotion_record(
    promotion: Mapping[str, Any], level: str, items: Iterable[PromotionItem] = ()
) -> PromotionRecord:
    """A ``promotion_in_item`` (level ``item``, with the `items` it prices) or
    ``promotion_in_shop`` (level ``shop``) entry of ``taobao.ump.promotion.get``."""
    priced = list(items)
    description = promotion.get("desc") or promotion.get("promotion_detail_desc")
    return PromotionRecord(
        external_id=identifier(promotion.get("promotion_id"), "promotion_id"),
        name=text(promotion.get("name")),
        level=level,
        starts_at=optional_time(promotion.get("start_time"), "start_time"),
        ends_at=optional_time(promotion.get("end_time"), "end_time"),
        description=text(description),
        currency=CURRENCY if priced else "",
        items=priced,
    )


def order_line(order: Mapping[str, Any]) -> OrderLineRecord:
    """One ``orders`` entry of a trade."""
    oid = identifier(order.get("oid"), "an order line's oid")
    quantity = count(order.get("num"), f"the quantity of line {oid}")
    if quantity is None:
        raise Unreadable(f"line {oid} has no quantity")
    return OrderLineRecord(
        external_id=oid,
        title=text(order.get("title")),
        quantity=quantity,
        unit_price=yuan(order.get("price"), f"the price of line {oid}"),
        total=optional_yuan(order.get("total_fee"), f"the total of line {oid}"),
        product_id=text(order.get("num_iid")),
        variant_id=text(order.get("sku_id")),
        sku=text(order.get("outer_sku_id")) or text(order.get("outer_iid")),
    )


def order_record(trade: Mapping[str, Any]) -> OrderRecord:
    """A sold trade (``taobao.trades.sold.increment.get``) with its lines."""
    tid = identifier(trade.get("tid"), "tid")
    status = text(trade.get("status"))
    normalized = TRADE_STATUSES.get(status)
    if normalized is None:
        raise Unreadable(f"unknown trade status {status[:40]!r}")
    return OrderRecord(
        external_id=tid,
        status=normalized.value,
        currency=CURRENCY,
        total=yuan(trade.get("payment"), "payment"),
        placed_at=top_time(trade.get("created"), "created"),
        lines=[order_line(o) for o in as_list(trade.get("orders")) if isinstance(o, Mapping)],
        buyer=BuyerRecord(id=text(trade.get("buyer_open_uid")), name=text(trade.get("buyer_nick"))),
        subtotal=optional_yuan(trade.get("total_fee"), "total_fee"),
        shipping=optional_yuan(trade.get("post_fee"), "post_fee"),
        discount=optional_yuan(trade.get("discount_fee"), "discount_fee"),
        source_status=status,
        paid_at=optional_time(trade.get("pay_time"), "pay_time"),
        modified_at=optional_time(trade.get("modified"), "modified"),
    )
