"""A deterministic synthetic catalog for the catalog-sync benchmark: N products x K SKUs.

`feed_rows(count, variants)` gives the products as rows of a JSON product feed (the format of
the feed source plugin); `records(count, variants)` gives the same products as the
`ProductRecord`s any source hands to the sync engine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from cloudcat.core.plugin_api import ProductRecord, VariantRecord

COLOURS = ("红色 Red", "蓝色 Blue", "黑色 Black", "白色 White")
SIZES = ("S", "M", "L", "XL")
MODIFIED = datetime(2024, 6, 1, tzinfo=UTC)


def _price(n: int, k: int) -> str:
    return f"{19 + (n * 7 + k * 3) % 480}.{(n + k) % 100:02d}"


def feed_rows(count: int, variants: int) -> list[dict[str, Any]]:
    """`count` products with `variants` SKUs each, as JSON feed rows."""
    rows = []
    for n in range(count):
        pid = f"B{n:06d}"
        skus = [
            {
                "id": f"{pid}-{k}",
                "price": _price(n, k),
                "options": {"颜色": COLOURS[k % len(COLOURS)], "尺码": SIZES[(n + k) % len(SIZES)]},
                "stock": (n + k) % 50,
                "sku": f"SKU-{pid}-{k}",
                "barcode": f"69{n:08d}{k}",
            }
            for k in range(variants)
        ]
        rows.append(
            {
                "id": pid,
                "title": f"云猫商品 {n} · CloudCat product {n}",
                "description": f"第 {n} 号商品的描述。Description of product {n}, " * 4,
                "price": min((sku["price"] for sku in skus), key=Decimal, default=_price(n, 0)),
                "currency": "CNY",
                "image": [f"https://img.example/{pid}/{i}.jpg" for i in range(3)],
                "url": f"https://item.taobao.com/item.htm?id={600000000000 + n}",
                "categories": [f"cat-{n % 20}"],
                "variants": skus,
                "modified": (MODIFIED + timedelta(seconds=n)).isoformat(),
            }
        )
    return rows


def records(count: int, variants: int) -> list[ProductRecord]:
    """The same products as `ProductRecord`s."""
    found = []
    for row in feed_rows(count, variants):
        found.append(
            ProductRecord(
                external_id=row["id"],
                title=row["title"],
                price=Decimal(row["price"]),
                currency=row["currency"],
                description=row["description"],
                image_urls=list(row["image"]),
                url=row["url"],
                category_ids=list(row["categories"]),
                variants=[
                    VariantRecord(
                        external_id=sku["id"],
                        price=Decimal(sku["price"]),
                        options=dict(sku["options"]),
                        stock=sku["stock"],
                        sku=sku["sku"],
                        barcode=sku["barcode"],
                    )
                    for sku in row["variants"]
                ],
                modified_at=datetime.fromisoformat(row["modified"]),
            )
        )
    return found
