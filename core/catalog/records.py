"""Validating source records into the fields the catalog stores, with their content hashes.

`identify(entity, record)` reads what tells a record unchanged (its id, a fingerprint of its
content, its status and modification time) without validating it; `prepare(entity, record)`
turns a `ProductRecord`, `CategoryRecord`, `PromotionRecord` or `OrderRecord` into a
`Prepared`: the BSON-ready marketplace-owned fields, the status (kept apart, so that delisting
does not change the fingerprint) and the marketplace's modification time. Anything a record
gets wrong (a missing or overlong field, a float or malformed price, an unknown currency, a
value of the wrong type) raises `RecordProblem` with a reason a seller can read; the record
then fails alone and nothing stored is touched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from bson import Decimal128

from cloudcat.core.catalog.currencies import ISO_4217
from cloudcat.core.sources import (
    CategoryRecord,
    EntityKind,
    ListingStatus,
    OrderLineRecord,
    OrderRecord,
    OrderStatus,
    ProductRecord,
    PromotionRecord,
    VariantRecord,
)

MAX_ID_LENGTH = 255
MAX_TITLE_LENGTH = 500
MAX_NAME_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 200_000
MAX_URL_LENGTH = 2_000
MAX_CODE_LENGTH = 200
MAX_OPTION_LENGTH = 200
MAX_IMAGES = 50
MAX_VARIANTS = 1_000
MAX_CATEGORIES = 200
MAX_PROMOTION_ITEMS = 10_000
MAX_ORDER_LINES = 1_000
MAX_AMOUNT = Decimal("1e12")
MAX_STOCK = 10**12
_CENT = Decimal("0.01")
_LISTING = frozenset(status.value for status in ListingStatus)
_ORDER = frozenset(status.value for status in OrderStatus)


class RecordProblem(ValueError):
    """A record that cannot be stored; the message says why, in words a seller can read."""


@dataclass(frozen=True)
class Prepared:
    """A validated record: what to store."""

    external_id: str
    fields: dict[str, Any]
    status: str
    modified_at: datetime | None


# --- scalar checks -------------------------------------------------------------------------


def _type_name(value: object) -> str:
    return type(value).__name__


def external_id(value: object, what: str = "external id") -> str:
    """A non-empty id of at most `MAX_ID_LENGTH` characters."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise RecordProblem(f"missing {what}")
    if len(value) > MAX_ID_LENGTH:
        raise RecordProblem(f"{what} is longer than {MAX_ID_LENGTH} characters")
    return value.strip()


def _text(value: object, what: str, limit: int, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise RecordProblem(f"{what} must be text, not {_type_name(value)}")
    if len(value) > limit:
        raise RecordProblem(f"{what} is longer than {limit:,} characters")
    value = value.strip()
    if required and not value:
        raise RecordProblem(f"missing {what}")
    return value


def money(value: object, what: str = "price") -> Decimal:
    """A non-negative `Decimal` below 10^12 with at most two decimals (never a float)."""
    if value is None:
        raise RecordProblem(f"missing {what}")
    if not isinstance(value, Decimal):
        raise RecordProblem(f"{what} must be a Decimal, not {_type_name(value)}")
    if not value.is_finite() or value < 0:
        raise RecordProblem(f"{what} {value} is not a non-negative amount")
    if value >= MAX_AMOUNT:
        raise RecordProblem(f"{what} {value} is out of range")
    try:
        exact = value.quantize(_CENT)
    except InvalidOperation as exc:
        raise RecordProblem(f"{what} {value} is out of range") from exc
    if exact != value:
        raise RecordProblem(f"{what} {value} has more than two decimals")
    return exact


def _optional_money(value: object, what: str) -> Decimal | None:
    return None if value is None else money(value, what)


def _bson_money(value: Decimal | None) -> Decimal128 | None:
    return None if value is None else Decimal128(value)


def currency(value: object) -> str:
    """An ISO 4217 code in use (upper case)."""
    if not isinstance(value, str) or value not in ISO_4217:
        shown = value if isinstance(value, str) and len(value) < 20 else _type_name(value)
        raise RecordProblem(f"unknown currency {shown!r}")
    return value


def moment(value: object, what: str) -> datetime | None:
    """A `datetime` in UTC at millisecond precision (what the database keeps); naive is UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise RecordProblem(f"{what} must be a datetime, not {_type_name(value)}")
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _count(value: object, what: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise RecordProblem(f"{what} must be a whole number, not {_type_name(value)}")
    if not 0 <= value <= MAX_STOCK:
        raise RecordProblem(f"{what} {value} is out of range")
    return value


def _url(value: object, what: str) -> str:
    url = _text(value, what, MAX_URL_LENGTH)
    if url and not url.startswith(("https://", "http://")):
        raise RecordProblem(f"{what} must be an http(s) address")
    return url


def _urls(value: object, what: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise RecordProblem(f"{what} must be a list of addresses, not {_type_name(value)}")
    if len(value) > MAX_IMAGES:
        raise RecordProblem(f"{what} has more than {MAX_IMAGES} entries")
    return [_url(url, what) for url in value if url]


def _ids(value: object, what: str, limit: int) -> list[str]:
    if not isinstance(value, list | tuple):
        raise RecordProblem(f"{what} must be a list of ids, not {_type_name(value)}")
    if len(value) > limit:
        raise RecordProblem(f"{what} has more than {limit} entries")
    return [external_id(item, what) for item in value]


def _one_of(value: object, allowed: frozenset[str], what: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        shown = value if isinstance(value, str) and len(value) < 40 else _type_name(value)
        raise RecordProblem(f"{what} {shown!r} is not one of {', '.join(sorted(allowed))}")
    return value


# --- products ------------------------------------------------------------------------------


def _options(value: object) -> list[dict[str, str]]:
    if not isinstance(value, Mapping):
        raise RecordProblem(f"variant options must be a mapping, not {_type_name(value)}")
    return [
        {
            "name": _text(name, "option name", MAX_OPTION_LENGTH, required=True),
            "value": _text(text, "option value", MAX_OPTION_LENGTH, required=True),
        }
        for name, text in value.items()
    ]


def _variant(variant: object) -> tuple[dict[str, Any], Decimal]:
    if not isinstance(variant, VariantRecord):
        raise RecordProblem(f"a variant must be a VariantRecord, not {_type_name(variant)}")
    vid = external_id(variant.external_id, "variant id")
    try:
        price = money(variant.price, "price")
        fields = {
            "external_id": vid,
            "title": _text(variant.title, "title", MAX_TITLE_LENGTH),
            "options": _options(variant.options),
            "price": Decimal128(price),
            "compare_at_price": _bson_money(
                _optional_money(variant.compare_at_price, "compare-at price")
            ),
            "stock": _count(variant.stock, "stock"),
            "sku": _text(variant.sku, "sku", MAX_CODE_LENGTH),
            "barcode": _text(variant.barcode, "barcode", MAX_CODE_LENGTH),
            "image_url": _url(variant.image_url, "image_url"),
        }
    except RecordProblem as exc:
        raise RecordProblem(f"variant {vid}: {exc}") from exc
    return fields, price


def _variants(values: object) -> tuple[list[dict[str, Any]], list[Decimal]]:
    if not isinstance(values, list | tuple):
        raise RecordProblem(f"variants must be a list, not {_type_name(values)}")
    if len(values) > MAX_VARIANTS:
        raise RecordProblem(f"more than {MAX_VARIANTS} variants")
    variants: list[dict[str, Any]] = []
    prices: list[Decimal] = []
    seen: set[str] = set()
    for value in values:
        fields, price = _variant(value)
        if fields["external_id"] in seen:
            raise RecordProblem(f"variant id {fields['external_id']!r} appears twice")
        seen.add(fields["external_id"])
        variants.append(fields)
        prices.append(price)
    return variants, prices


def _product_options(variants: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every option name in first-seen order, with its values in first-seen order."""
    found: dict[str, list[str]] = {}
    for variant in variants:
        for option in variant["options"]:
            values = found.setdefault(option["name"], [])
            if option["value"] not in values:
                values.append(option["value"])
    return [{"name": name, "values": values} for name, values in found.items()]


def prepare_product(record: object) -> Prepared:
    """Validate a `ProductRecord` into the product fields the catalog stores."""
    if not isinstance(record, ProductRecord):
        raise RecordProblem(f"expected a ProductRecord, not {_type_name(record)}")
    eid = external_id(record.external_id)
    price = money(record.price)
    variants, prices = _variants(record.variants)
    prices = prices or [price]
    stocks = [variant["stock"] for variant in variants]
    stock = _count(record.stock, "stock")
    if variants and all(value is not None for value in stocks):
        stock = sum(stocks)
    fields = {
        "title": _text(record.title, "title", MAX_TITLE_LENGTH, required=True),
        "description": _text(record.description, "description", MAX_DESCRIPTION_LENGTH),
        "currency": currency(record.currency),
        "price": Decimal128(price),
        "compare_at_price": _bson_money(
            _optional_money(record.compare_at_price, "compare-at price")
        ),
        "price_min": Decimal128(min(prices)),
        "price_max": Decimal128(max(prices)),
        "stock": stock,
        "sku": _text(record.sku, "sku", MAX_CODE_LENGTH),
        "barcode": _text(record.barcode, "barcode", MAX_CODE_LENGTH),
        "image_urls": _urls(record.image_urls, "image_urls"),
        "url": _url(record.url, "url"),
        "category_ids": _ids(record.category_ids, "category_ids", MAX_CATEGORIES),
        "options": _product_options(variants),
        "variants": variants,
    }
    status = _one_of(record.status, _LISTING, "status")
    return Prepared(eid, fields, status, moment(record.modified_at, "modified_at"))


# --- categories, promotions, orders ---------------------------------------------------------


def prepare_category(record: object) -> Prepared:
    """Validate a `CategoryRecord` into the category fields the catalog stores."""
    if not isinstance(record, CategoryRecord):
        raise RecordProblem(f"expected a CategoryRecord, not {_type_name(record)}")
    eid = external_id(record.external_id)
    sort_order = record.sort_order
    if not isinstance(sort_order, int) or isinstance(sort_order, bool):
        raise RecordProblem(f"sort_order must be a whole number, not {_type_name(sort_order)}")
    fields = {
        "name": _text(record.name, "name", MAX_NAME_LENGTH, required=True),
        "parent_id": None
        if record.parent_id is None
        else external_id(record.parent_id, "parent id"),
        "kind": _one_of(record.kind, frozenset({"category", "collection"}), "kind"),
        "sort_order": sort_order,
        "image_url": _url(record.image_url, "image_url"),
    }
    modified = moment(record.modified_at, "modified_at")
    return Prepared(eid, fields, ListingStatus.ACTIVE.value, modified)


def _promotion_items(record: PromotionRecord) -> list[dict[str, Any]]:
    if not isinstance(record.items, list | tuple):
        raise RecordProblem(f"items must be a list, not {_type_name(record.items)}")
    if len(record.items) > MAX_PROMOTION_ITEMS:
        raise RecordProblem(f"more than {MAX_PROMOTION_ITEMS} items")
    items = []
    for item in record.items:
        product_id = external_id(getattr(item, "product_id", None), "item product id")
        prices = getattr(item, "variant_prices", None)
        if not isinstance(prices, Mapping):
            raise RecordProblem(f"item {product_id}: variant_prices must be a mapping")
        items.append(
            {
                "product_id": product_id,
                "price": _bson_money(_optional_money(item.price, f"item {product_id} price")),
                "variant_prices": [
                    {
                        "variant_id": external_id(vid, "variant id"),
                        "price": Decimal128(money(price, f"item {product_id} variant price")),
                    }
                    for vid, price in prices.items()
                ],
            }
        )
    return items


def prepare_promotion(record: object) -> Prepared:
    """Validate a `PromotionRecord` into the promotion fields the catalog stores."""
    if not isinstance(record, PromotionRecord):
        raise RecordProblem(f"expected a PromotionRecord, not {_type_name(record)}")
    eid = external_id(record.external_id)
    starts, ends = moment(record.starts_at, "starts_at"), moment(record.ends_at, "ends_at")
    if starts is not None and ends is not None and ends <= starts:
        raise RecordProblem("the promotion ends before it starts")
    items = _promotion_items(record)
    has_prices = any(item["price"] is not None or item["variant_prices"] for item in items)
    code = record.currency
    if has_prices or code:
        code = currency(code)
    fields = {
        "name": _text(record.name, "name", MAX_NAME_LENGTH, required=True),
        "description": _text(record.description, "description", MAX_DESCRIPTION_LENGTH),
        "level": _one_of(record.level, frozenset({"item", "shop"}), "level"),
        "starts_at": starts,
        "ends_at": ends,
        "currency": code,
        "items": items,
    }
    status = _one_of(record.status, _LISTING, "status")
    return Prepared(eid, fields, status, moment(record.modified_at, "modified_at"))


def _line(line: object) -> dict[str, Any]:
    if not isinstance(line, OrderLineRecord):
        raise RecordProblem(f"an order line must be an OrderLineRecord, not {_type_name(line)}")
    lid = external_id(line.external_id, "line id")
    quantity = _count(line.quantity, f"line {lid} quantity")
    unit_price = money(line.unit_price, f"line {lid} unit price")
    total = _optional_money(line.total, f"line {lid} total")
    if total is None:
        total = unit_price * (quantity or 0)
    return {
        "external_id": lid,
        "title": _text(line.title, f"line {lid} title", MAX_TITLE_LENGTH, required=True),
        "quantity": quantity,
        "unit_price": Decimal128(unit_price),
        "total": Decimal128(total),
        "product_id": _text(line.product_id, "line product id", MAX_ID_LENGTH),
        "variant_id": _text(line.variant_id, "line variant id", MAX_ID_LENGTH),
        "sku": _text(line.sku, "line sku", MAX_CODE_LENGTH),
    }


def prepare_order(record: object) -> Prepared:
    """Validate an `OrderRecord` into the order fields the catalog stores."""
    if not isinstance(record, OrderRecord):
        raise RecordProblem(f"expected an OrderRecord, not {_type_name(record)}")
    eid = external_id(record.external_id)
    if not isinstance(record.lines, list | tuple):
        raise RecordProblem(f"lines must be a list, not {_type_name(record.lines)}")
    if len(record.lines) > MAX_ORDER_LINES:
        raise RecordProblem(f"more than {MAX_ORDER_LINES} lines")
    buyer = record.buyer
    placed = moment(record.placed_at, "placed_at")
    if placed is None:
        raise RecordProblem("missing placed_at")
    fields = {
        "source_status": _text(record.source_status, "source status", MAX_CODE_LENGTH),
        "currency": currency(record.currency),
        "subtotal": _bson_money(_optional_money(record.subtotal, "subtotal")),
        "shipping": _bson_money(_optional_money(record.shipping, "shipping")),
        "discount": _bson_money(_optional_money(record.discount, "discount")),
        "total": Decimal128(money(record.total, "total")),
        "placed_at": placed,
        "paid_at": moment(record.paid_at, "paid_at"),
        "buyer": {
            "id": _text(getattr(buyer, "id", None), "buyer id", MAX_ID_LENGTH),
            "name": _text(getattr(buyer, "name", None), "buyer name", MAX_NAME_LENGTH),
            "email": _text(getattr(buyer, "email", None), "buyer email", MAX_NAME_LENGTH),
            "phone": _text(getattr(buyer, "phone", None), "buyer phone", MAX_CODE_LENGTH),
        },
        "lines": [_line(line) for line in record.lines],
    }
    status = _one_of(record.status, _ORDER, "status")
    return Prepared(eid, fields, status, moment(record.modified_at, "modified_at"))


# --- fingerprints --------------------------------------------------------------------------

FINGERPRINT_VERSION = "1"
"""Changing it makes the next sync rewrite every object once (after a change of `prepare`)."""
_CONTENT_FIELDS: dict[type, tuple[str, ...]] = {
    ProductRecord: (
        "external_id",
        "title",
        "price",
        "currency",
        "description",
        "image_urls",
        "url",
        "compare_at_price",
        "variants",
        "category_ids",
        "stock",
        "sku",
        "barcode",
    ),
    CategoryRecord: ("external_id", "name", "parent_id", "kind", "sort_order", "image_url"),
    PromotionRecord: (
        "external_id",
        "name",
        "level",
        "starts_at",
        "ends_at",
        "description",
        "currency",
        "items",
    ),
    OrderRecord: (
        "external_id",
        "currency",
        "total",
        "placed_at",
        "lines",
        "buyer",
        "subtotal",
        "shipping",
        "discount",
        "source_status",
        "paid_at",
    ),
}
RECORD_TYPES: dict[EntityKind, type] = {
    EntityKind.PRODUCT: ProductRecord,
    EntityKind.CATEGORY: CategoryRecord,
    EntityKind.PROMOTION: PromotionRecord,
    EntityKind.ORDER: OrderRecord,
}


@dataclass(frozen=True)
class Identity:
    """What the engine reads of a record before validating it: enough to tell it unchanged."""

    external_id: str
    fingerprint: str
    status: str
    modified_at: datetime | None


def identify(entity: EntityKind, record: object) -> Identity:
    """The id, content fingerprint, status and modification time of a record, cheaply.

    The fingerprint digests the record's marketplace-owned content as the source gave it
    (not its status or modification time), so an unchanged record is recognised without
    validating it again. Raises `RecordProblem` for a record of the wrong type or id.
    """
    expected = RECORD_TYPES[entity]
    if type(record) is not expected:
        raise RecordProblem(f"expected a {expected.__name__}, not {_type_name(record)}")
    content = tuple(getattr(record, name) for name in _CONTENT_FIELDS[expected])
    encoded = f"{FINGERPRINT_VERSION}{content!r}".encode(errors="surrogatepass")
    status = getattr(record, "status", ListingStatus.ACTIVE.value)
    return Identity(
        external_id=external_id(getattr(record, "external_id", None)),
        fingerprint=hashlib.blake2b(encoded, digest_size=16).hexdigest(),
        status=status if isinstance(status, str) else repr(status),
        modified_at=moment(getattr(record, "modified_at", None), "modified_at"),
    )


PREPARERS: dict[EntityKind, Callable[[object], Prepared]] = {
    EntityKind.PRODUCT: prepare_product,
    EntityKind.CATEGORY: prepare_category,
    EntityKind.PROMOTION: prepare_promotion,
    EntityKind.ORDER: prepare_order,
}


def prepare(entity: EntityKind, record: object) -> Prepared:
    """Validate `record` as an object of kind `entity`; raise `RecordProblem` if it is bad."""
    try:
        return PREPARERS[entity](record)
    except RecordProblem:
        raise
    except (AttributeError, TypeError, ValueError, InvalidOperation) as exc:
        raise RecordProblem(f"the record cannot be read: {type(exc).__name__}: {exc}") from exc
