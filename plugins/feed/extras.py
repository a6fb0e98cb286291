"""The richer parts of a JSON feed: product variants, categories and promotions.

```json
{"products": [{"id": "P1", "title": "…", "price": "19.90", "categories": ["tea"],
               "variants": [{"id": "P1-R", "price": "19.90", "options": {"颜色": "红色"},
                             "compare_at_price": "29.00", "stock": 3, "sku": "…",
                             "barcode": "…", "image": "https://…", "title": "…"}]}],
 "categories": [{"id": "tea", "name": "茶叶 Tea", "parent": null, "kind": "category",
                 "sort": 1, "image": "https://…"}],
 "promotions": [{"id": "PR1", "name": "618", "level": "item", "currency": "CNY",
                 "starts_at": "2024-06-01T00:00:00+08:00", "ends_at": "…",
                 "description": "…", "items": [{"product": "P1", "price": "15.90",
                                                "variants": {"P1-R": "14.90"}}]}]}
```

Each bad entry becomes a `RejectedRecord` naming it; the rest of the feed goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from cloudcat.core.plugin_api import (
    ISO_4217,
    CategoryRecord,
    PromotionItem,
    PromotionRecord,
    RejectedRecord,
    VariantRecord,
)
from cloudcat.plugins.feed.values import (
    RowError,
    optional_price,
    parse_count,
    parse_price,
    parse_time,
    text,
    web_url,
)

MAX_ID_LENGTH = 200
MAX_NAME_LENGTH = 200


def _id(value: Any, field: str) -> str:
    found = text(value, field)
    if not found:
        raise RowError(f"missing {field}")
    if len(found) > MAX_ID_LENGTH:
        raise RowError(f"{field} is longer than {MAX_ID_LENGTH} characters")
    return found


def _options(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RowError("options must be an object of option names to values")
    return {
        text(name, "option name"): text(option, "option value") for name, option in value.items()
    }


def read_variants(value: Any) -> list[VariantRecord]:
    """The `variants` list of a product row ([] when absent)."""
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise RowError("variants must be a list")
    variants = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, Mapping):
            raise RowError(f"variant {index} is not an object")
        try:
            variants.append(
                VariantRecord(
                    external_id=_id(item.get("id"), "id"),
                    price=parse_price(item.get("price")),
                    options=_options(item.get("options")),
                    compare_at_price=optional_price(
                        item.get("compare_at_price"), "compare_at_price"
                    ),
                    stock=parse_count(item.get("stock"), "stock"),
                    sku=text(item.get("sku"), "sku"),
                    barcode=text(item.get("barcode"), "barcode"),
                    title=text(item.get("title"), "title"),
                    image_url=web_url(item.get("image"), "image"),
                )
            )
        except RowError as exc:
            raise RowError(f"variant {index}: {exc}") from exc
    return variants


def read_category(row: Any) -> CategoryRecord:
    """One entry of the `categories` list."""
    if not isinstance(row, Mapping):
        raise RowError("is not an object")
    name = text(row.get("name"), "name")
    if not name:
        raise RowError("missing name")
    if len(name) > MAX_NAME_LENGTH:
        raise RowError(f"name is longer than {MAX_NAME_LENGTH} characters")
    kind = text(row.get("kind"), "kind") or "category"
    if kind not in ("category", "collection"):
        raise RowError(f"kind {kind!r} is not category or collection")
    parent = text(row.get("parent"), "parent")
    return CategoryRecord(
        external_id=_id(row.get("id"), "id"),
        name=name,
        parent_id=parent or None,
        kind=kind,
        sort_order=parse_count(row.get("sort"), "sort") or 0,
        image_url=web_url(row.get("image"), "image"),
        modified_at=parse_time(row.get("modified"), "modified"),
    )


def _promotion_item(item: Any, index: int) -> PromotionItem:
    if not isinstance(item, Mapping):
        raise RowError(f"item {index} is not an object")
    prices = item.get("variants") or {}
    if not isinstance(prices, Mapping):
        raise RowError(f"item {index}: variants must be an object of variant ids to prices")
    try:
        return PromotionItem(
            product_id=_id(item.get("product"), "product"),
            price=optional_price(item.get("price"), "price"),
            variant_prices={
                _id(vid, "variant id"): parse_price(price) for vid, price in prices.items()
            },
        )
    except RowError as exc:
        raise RowError(f"item {index}: {exc}") from exc


def read_promotion(row: Any, default_currency: str) -> PromotionRecord:
    """One entry of the `promotions` list."""
    if not isinstance(row, Mapping):
        raise RowError("is not an object")
    name = text(row.get("name"), "name")
    if not name:
        raise RowError("missing name")
    level = text(row.get("level"), "level") or "item"
    if level not in ("item", "shop"):
        raise RowError(f"level {level!r} is not item or shop")
    currency = text(row.get("currency"), "currency").upper() or default_currency
    if currency not in ISO_4217:
        raise RowError(f"unknown currency {currency!r}")
    items = row.get("items") or []
    if not isinstance(items, list):
        raise RowError("items must be a list")
    return PromotionRecord(
        external_id=_id(row.get("id"), "id"),
        name=name[:MAX_NAME_LENGTH],
        level=level,
        starts_at=parse_time(row.get("starts_at"), "starts_at"),
        ends_at=parse_time(row.get("ends_at"), "ends_at"),
        description=text(row.get("description"), "description"),
        currency=currency,
        items=[_promotion_item(item, index) for index, item in enumerate(items, start=1)],
        modified_at=parse_time(row.get("modified"), "modified"),
    )


def _reference(row: Any, label: str) -> str:
    if isinstance(row, Mapping):
        value = row.get("id")
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()[:MAX_ID_LENGTH]
    return label


def read_categories(rows: Iterable[tuple[str, Any]]) -> Iterator[CategoryRecord | RejectedRecord]:
    """A record or a rejection for every category entry."""
    for label, row in rows:
        try:
            yield read_category(row)
        except RowError as exc:
            yield RejectedRecord(_reference(row, label), f"{label}: {exc}")


def read_promotions(
    rows: Iterable[tuple[str, Any]], default_currency: str
) -> Iterator[PromotionRecord | RejectedRecord]:
    """A record or a rejection for every promotion entry."""
    for label, row in rows:
        try:
            yield read_promotion(row, default_currency)
        except RowError as exc:
            yield RejectedRecord(_reference(row, label), f"{label}: {exc}")
