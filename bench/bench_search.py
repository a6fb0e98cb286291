"""Search: 20 typical queries over a 10,000-product shop, the search index against a full scan of
the shop's products, p95 of each in the same run.

Setup: an embedded in-memory SecantusDB server with CloudCat's indexes; a shop of 10,000
published products x 3 SKUs (2,000 with ``--quick``) with Chinese, English and mixed titles
and descriptions made from a fixed vocabulary (tea, food, clothes, electronics; `catalog`),
stored as the sync stores them, plus a second shop of the same size (so the scan filters by
shop as it would in a real deployment); the shop's search index built by `reindex_shop`
(its time is printed).

Each round runs the 20 queries of `QUERIES` (Chinese words, full pinyin, spaced pinyin,
initials, English, English with a typo, a word being typed, a category filter, a price range)
once each, interleaving per query (the order alternates every round):

- **baseline**: a full scan of the shop's published products, the storefront's existing
  search (`cloudcat.core.catalog.queries.product_listing(search=...)`: a case-insensitive
  substring match on the titles, which the database can only answer by decoding every product
  of the shop), the matching documents read;
- **subject**: `search_products(shop, query, ...)` with its facets and suggestion (the token
  index: a few indexed lookups).

Result ``search_query`` (per query; medians as everywhere) and, in words, the p95 of each side
over every query of every round and their ratio (target: search p95 < 0.1 x the scan's p95).
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from typing import Any

from bson import Decimal128, ObjectId

from bench.harness import Result, RunConfig, Side
from cloudcat.core.catalog.queries import product_listing
from cloudcat.core.search import reindex_shop, search_products
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase

NAME = "search"
SIZES = (3, 10_000)  # rounds, products
QUICK_SIZES = (2, 2_000)
VARIANTS = 3
CACHE_SIZE = "2G"
REBUILD_SECONDS: list[float] = []
"""How long each index build took (printed by `describe`)."""

ORIGINS = ("西湖", "安溪", "云南", "武夷山", "黄山", "福建", "杭州", "四川", "内蒙古", "新疆")
GOODS: tuple[tuple[str, str, str], ...] = (
    # (Chinese name, English name, category)
    ("龙井绿茶", "Longjing Green Tea", "tea"),
    ("铁观音", "Tieguanyin Oolong", "tea"),
    ("普洱茶饼", "Pu'er Tea Cake", "tea"),
    ("大红袍", "Da Hong Pao Rock Tea", "tea"),
    ("茉莉花茶", "Jasmine Tea", "tea"),
    ("白茶", "White Tea", "tea"),
    ("牛肉干", "Beef Jerky", "food"),
    ("火腿", "Cured Ham", "food"),
    ("蜂蜜", "Wild Honey", "food"),
    ("核桃", "Walnuts", "food"),
    ("纯棉T恤", "Cotton T-shirt", "clothes"),
    ("羊毛围巾", "Wool Scarf", "clothes"),
    ("连帽卫衣", "Hooded Sweatshirt", "clothes"),
    ("运动鞋", "Running Shoes", "clothes"),
    ("蓝牙耳机", "Bluetooth Headphones", "electronics"),
    ("手机壳", "Phone Case", "electronics"),
    ("充电宝", "Power Bank", "electronics"),
    ("紫砂壶", "Yixing Teapot", "ware"),
    ("玻璃茶杯", "Glass Tea Cup", "ware"),
    ("茶具套装", "Tea Set", "ware"),
)
GRADES = ("特级", "一级", "精选", "礼盒装", "新品", "限量", "经典款", "家庭装")
SIZES_TEXT = ("250g", "500g", "1kg", "S", "M", "L", "XL", "2件")
COLOURS = ("红色", "蓝色", "黑色", "白色")

QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("龙井", {}),
    ("铁观音", {}),
    ("西湖龙井", {}),
    ("牛肉干", {}),
    ("蓝牙耳机", {}),
    ("茶", {}),
    ("longjing", {}),
    ("tieguanyin", {}),
    ("long jing", {}),
    ("lj", {}),
    ("puer", {}),
    ("jasmine tea", {}),
    ("headphones", {}),
    ("wool scarf", {}),
    ("hedphones", {}),  # a typo
    ("teapto", {}),  # a typo the index does not fix (a transposition)
    ("blueto", {}),  # a word being typed
    ("sweat", {}),  # a word being typed
    ("茶", {"category_id": "cat-ware"}),
    ("tea", {"price_min": Decimal("100"), "price_max": Decimal("300")}),
)


def catalog(shop_id: ObjectId, count: int) -> list[dict[str, Any]]:
    """`count` product documents of shop `shop_id`, as the sync stores them."""
    docs = []
    now = datetime.now(UTC)
    for n in range(count):
        zh, en, category = GOODS[n % len(GOODS)]
        origin = ORIGINS[(n // len(GOODS)) % len(ORIGINS)]
        grade = GRADES[(n // 7) % len(GRADES)]
        size = SIZES_TEXT[(n // 3) % len(SIZES_TEXT)]
        title = f"{origin}{zh} {grade} {size} · {en}" if n % 3 else f"{origin}{zh} {grade} {size}"
        price = Decimal(19 + (n * 37) % 480) + Decimal(n % 100) / 100
        variants = [
            {
                "external_id": f"B{n:06d}-{k}",
                "title": COLOURS[k % len(COLOURS)],
                "options": [{"name": "颜色", "value": COLOURS[k % len(COLOURS)]}],
                "price": Decimal128(price + k),
                "stock": (n + k) % 50,
                "sku": f"SKU-B{n:06d}-{k}",
                "barcode": f"69{n:08d}{k}",
                "image_url": "",
            }
            for k in range(VARIANTS)
        ]
        docs.append(
            {
                "shop_id": shop_id,
                "source": "feed",
                "external_id": f"B{n:06d}",
                "title": title,
                "description": f"{origin}产的{zh}，{grade}。{en} from {origin}. " * 3,
                "status": "active",
                "currency": "CNY",
                "price": Decimal128(price),
                "price_min": Decimal128(price),
                "price_max": Decimal128(price + VARIANTS - 1),
                "stock": n % 50,
                "image_urls": [f"https://img.example/B{n:06d}/{i}.jpg" for i in range(3)],
                "url": f"https://item.taobao.com/item.htm?id={600000000000 + n}",
                "category_ids": [f"cat-{category}"],
                "variants": variants,
                "owned": {"title": "", "description": "", "published": True, "sort_order": 0},
                "revision": 1,
                "updated_at": now,
            }
        )
    return docs


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile (nearest rank) of `samples`."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def measure(db: RawDatabase, shop_id: ObjectId, rounds: int, count: int) -> list[Result]:
    """An untimed warm-up round, then `rounds` interleaved rounds of the 20 queries."""
    products = db["products"]

    def scan(text: str, filters: dict[str, Any]) -> int:
        query = product_listing(
            shop_id,
            statuses=["active"],
            published=True,
            search=text,
            category_id=filters.get("category_id"),
        )
        return len(list(products.find(query)))

    def search(text: str, filters: dict[str, Any]) -> int:
        return len(search_products(shop_id, text, **filters).product_ids)

    baseline: list[float] = []
    subject: list[float] = []
    for index in range(rounds + 1):  # round 0 warms up and is not kept
        for text, filters in QUERIES:
            first, second = (scan, search) if index % 2 == 0 else (search, scan)
            times = {
                side.__name__: _timed(partial(side, text, filters)) for side in (first, second)
            }
            if index:
                baseline.append(times["scan"])
                subject.append(times["search"])
    description = f"{len(QUERIES)} queries over a {count:,}-product shop (x {VARIANTS} SKUs)"
    return [
        Result(
            name="search_query",
            description=description,
            unit="query",
            rounds=rounds,
            iterations=len(QUERIES),
            baseline=Side("full scan of the shop's products (substring match)", baseline),
            subject=Side("search_products (token index, facets, suggestion)", subject),
            paired_ratios=[s / b for s, b in zip(subject, baseline, strict=True)],
        )
    ]


@contextlib.contextmanager
def benchmarks(config: RunConfig) -> Iterator[list[Result]]:
    """Set up the database, the two shops and the index, measure, yield the result."""
    rounds, count = config.sizes(SIZES, QUICK_SIZES)
    logging.getLogger("cloudcat").setLevel(logging.WARNING)
    with EmbeddedDatabase(":memory:", cache_size=CACHE_SIZE) as server:
        db = connect(server.uri, "bench_search")
        ensure_indexes()
        shop_id, other = ObjectId(), ObjectId()
        for owner in (shop_id, other):
            docs = catalog(owner, count)
            for start in range(0, len(docs), 1000):
                db["products"].insert_many(docs[start : start + 1000], ordered=False)
        REBUILD_SECONDS.append(_timed(lambda: reindex_shop(shop_id)))
        yield measure(db, shop_id, rounds, count)


def describe(results: Sequence[Result]) -> list[str]:
    """The p95 figures the target is about, and the index build time, in words."""
    (result,) = results
    scan, search = p95(result.baseline.samples), p95(result.subject.samples)
    built = f"index built in {REBUILD_SECONDS[-1]:.1f}s; " if REBUILD_SECONDS else ""
    return [
        f"{built}p95 search {search * 1000:.1f} ms vs full scan {scan * 1000:.1f} ms: "
        f"{search / scan:.3f} of the scan's p95 (target < 0.1)"
    ]
