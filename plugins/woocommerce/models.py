"""WooCommerce products and variations read into typed values, or refused with a reason.

`parse_product` takes a product as the REST API returns it, with its variations (for a variable
product), and gives a `WooProduct` with exact `Decimal` prices, or raises `MalformedProduct`
saying what is wrong (no name, a name too long to be real, a price that is not a number, a
variable product without variations...). Money arrives as strings (``"19.90"``, ``""`` for
none); times as the site's local time and as GMT without an offset (the GMT ones are used).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

MAX_NAME_CHARS = 1000
_MONEY = re.compile(r"^\d{1,15}(\.\d{1,6})?$")


class MalformedProduct(ValueError):
    """A product that cannot be read; the message says why."""


@dataclass(frozen=True)
class WooVariation:
    """One variation of a variable product."""

    id: int
    price: Decimal
    regular_price: Decimal | None
    sale_price: Decimal | None
    options: dict[str, str]
    stock: int | None
    in_stock: bool
    sku: str = ""
    image_url: str = ""
    modified_at: datetime | None = None


@dataclass(frozen=True)
class WooProduct:
    """One product. A simple product carries its own price and stock; a variable product's
    `price` is its lowest variation price."""

    id: int
    name: str
    slug: str
    type: str
    status: str
    description: str
    url: str
    price: Decimal
    regular_price: Decimal | None
    sale_price: Decimal | None
    stock: int | None
    in_stock: bool
    created_at: datetime | None
    modified_at: datetime | None
    sku: str = ""
    image_urls: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)
    variations: list[WooVariation] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Whether the product is published (on sale)."""
        return self.status == "publish"


def parse_money(value: Any, what: str) -> Decimal:
    """A money string (``"19.90"``) as an exact decimal; refuse anything else."""
    text = value.strip() if isinstance(value, str) else None
    if not text or not _MONEY.match(text):
        raise MalformedProduct(f"the {what} {value!r} is not an amount of money")
    return Decimal(text)


def parse_optional_money(value: Any, what: str) -> Decimal | None:
    """Like `parse_money`, but ``""`` (no such price) is None."""
    return None if value in ("", None) else parse_money(value, what)


def parse_gmt(value: Any) -> datetime | None:
    """A ``*_gmt`` time (``2026-01-05T08:38:00``) as an aware UTC datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError as exc:
        raise MalformedProduct(f"{value!r} is not a time") from exc


def _stock(record: dict[str, Any]) -> int | None:
    quantity = record.get("stock_quantity")
    if isinstance(quantity, int) and not isinstance(quantity, bool):
        return quantity
    return None


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return value if isinstance(value, str) else ""


def parse_variation(record: dict[str, Any], product_id: int) -> WooVariation:
    """One variation as the API returns it."""
    vid = record.get("id")
    what = f"variation {vid} of product {product_id}"
    image = record.get("image")
    return WooVariation(
        id=int(vid) if isinstance(vid, int) else 0,
        price=parse_money(record.get("price"), f"price of {what}"),
        regular_price=parse_optional_money(record.get("regular_price"), f"regular price of {what}"),
        sale_price=parse_optional_money(record.get("sale_price"), f"sale price of {what}"),
        options={
            str(a.get("name")): str(a.get("option"))
            for a in record.get("attributes") or []
            if isinstance(a, dict)
        },
        stock=_stock(record),
        in_stock=record.get("stock_status") != "outofstock",
        sku=_text(record, "sku"),
        image_url=_text(image, "src") if isinstance(image, dict) else "",
        modified_at=parse_gmt(record.get("date_modified_gmt")),
    )


def parse_product(record: dict[str, Any], variations: Sequence[dict[str, Any]] = ()) -> WooProduct:
    """One product (and its variations); raise `MalformedProduct` when it cannot be read."""
    pid = record.get("id")
    if not isinstance(pid, int) or isinstance(pid, bool):
        raise MalformedProduct(f"a product has no valid id ({pid!r})")
    name = _text(record, "name").strip()
    if not name:
        raise MalformedProduct(f"product {pid} has no name")
    if len(name) > MAX_NAME_CHARS:
        raise MalformedProduct(
            f"product {pid} has a name of {len(name):,} characters (at most {MAX_NAME_CHARS:,})"
        )
    kind = _text(record, "type") or "simple"
    parsed = [parse_variation(v, pid) for v in variations if isinstance(v, dict)]
    if kind == "variable":
        if not parsed:
            raise MalformedProduct(f"variable product {pid} has no variation (so no price)")
        price = min(v.price for v in parsed)
    else:
        price = parse_money(record.get("price"), f"price of product {pid}")
    options = {
        str(a.get("name")): [str(o) for o in a.get("options") or []]
        for a in record.get("attributes") or []
        if isinstance(a, dict) and a.get("variation")
    }
    return WooProduct(
        id=pid,
        name=name,
        slug=_text(record, "slug"),
        type=kind,
        status=_text(record, "status") or "publish",
        description=_text(record, "description"),
        url=_text(record, "permalink"),
        price=price,
        regular_price=parse_optional_money(
            record.get("regular_price"), f"regular price of product {pid}"
        ),
        sale_price=parse_optional_money(record.get("sale_price"), f"sale price of product {pid}"),
        stock=_stock(record),
        in_stock=record.get("stock_status") != "outofstock",
        created_at=parse_gmt(record.get("date_created_gmt")),
        modified_at=parse_gmt(record.get("date_modified_gmt")),
        sku=_text(record, "sku"),
        image_urls=[
            i["src"]
            for i in record.get("images") or []
            if isinstance(i, dict) and isinstance(i.get("src"), str)
        ],
        categories=[
            str(c.get("name")) for c in record.get("categories") or [] if isinstance(c, dict)
        ],
        options=options,
        variations=parsed,
    )
