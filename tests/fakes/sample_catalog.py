"""A seeded, realistic sample catalog that the marketplace fakes render in their own protocols.

`generate_catalog(count, seed=...)` always returns the same products for the same arguments:
bilingual (Chinese and English) titles of tea, porcelain, silk and kitchen goods, simple
products (one variant, no options) and products with one or two options (颜色/Color,
尺码/Size, 规格/Weight) whose variants carry their own price, "was" price, stock and SKU.
Prices are exact `Decimal`s with two places; times are timezone-aware UTC.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import product as cartesian

_FAMILIES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # (category, Chinese stem, English stem, [(Chinese adjective, English adjective)])
    (
        "茶叶 Tea",
        "龙井绿茶",
        "Longjing Green Tea",
        [("明前特级", "Pre-Qingming Grade"), ("西湖", "West Lake"), ("有机", "Organic")],
    ),
    (
        "茶叶 Tea",
        "武夷岩茶大红袍",
        "Da Hong Pao Rock Oolong",
        [("传统炭焙", "Charcoal-Roasted"), ("浓香", "Rich"), ("精选", "Select")],
    ),
    (
        "茶叶 Tea",
        "云南普洱茶饼",
        "Yunnan Pu-erh Cake",
        [("古树", "Old-Tree"), ("熟普", "Ripe"), ("生普", "Raw")],
    ),
    (
        "瓷器 Porcelain",
        "景德镇青花瓷茶杯",
        "Jingdezhen Blue-and-White Teacup",
        [("手绘", "Hand-Painted"), ("薄胎", "Eggshell"), ("仿古", "Antique-Style")],
    ),
    (
        "瓷器 Porcelain",
        "汝窑盖碗",
        "Ru Kiln Gaiwan",
        [("天青色", "Sky-Blue"), ("开片", "Crackle-Glaze"), ("小号", "Petite")],
    ),
    (
        "丝绸 Silk",
        "真丝围巾",
        "Mulberry Silk Scarf",
        [("苏绣", "Suzhou-Embroidered"), ("印花", "Printed"), ("双面", "Double-Sided")],
    ),
    (
        "丝绸 Silk",
        "香云纱衬衫",
        "Gambiered Silk Shirt",
        [("复古", "Vintage"), ("宽松", "Relaxed"), ("手工", "Handmade")],
    ),
    (
        "厨房 Kitchen",
        "章丘铁锅",
        "Zhangqiu Hand-Forged Wok",
        [("无涂层", "Uncoated"), ("32厘米", "32 cm"), ("轻量", "Lightweight")],
    ),
    (
        "厨房 Kitchen",
        "竹制蒸笼",
        "Bamboo Steamer Basket",
        [("双层", "Two-Tier"), ("天然", "Natural"), ("家用", "Home")],
    ),
    (
        "文房 Stationery",
        "宣纸书法套装",
        "Xuan Paper Calligraphy Set",
        [("初学者", "Beginner"), ("收藏级", "Collector"), ("便携", "Travel")],
    ),
]

_OPTIONS: dict[str, list[tuple[str, list[str]]]] = {
    "茶叶 Tea": [("规格 Weight", ["50g", "100g", "250g", "500g"])],
    "瓷器 Porcelain": [("颜色 Color", ["青花 Blue", "白瓷 White", "天青 Celadon"])],
    "丝绸 Silk": [
        ("颜色 Color", ["朱红 Vermilion", "月白 Moon White", "黛青 Indigo"]),
        ("尺码 Size", ["S", "M", "L", "XL"]),
    ],
    "厨房 Kitchen": [("尺寸 Size", ["28cm", "30cm", "32cm", "34cm"])],
    "文房 Stationery": [],
}

_VENDORS = ["杭州茗香茶业", "景德镇陶然居", "苏州锦绣坊", "Tea House 茶舍", "山东匠心铁器"]
_TAGS = ["新品 New", "热销 Bestseller", "礼盒 Gift", "包邮 Free Shipping", "限量 Limited"]
_PRICE_ENDINGS = [Decimal("0.00"), Decimal("0.90"), Decimal("0.50"), Decimal("0.80")]


@dataclass
class SampleVariant:
    """One variant (SKU) of a sample product."""

    position: int
    sku: str
    options: dict[str, str]
    price: Decimal
    compare_at_price: Decimal | None
    stock: int
    barcode: str


@dataclass
class SampleProduct:
    """One sample product, independent of any marketplace's shapes."""

    number: int
    title: str
    handle: str
    description: str
    vendor: str
    category: str
    tags: list[str]
    options: list[tuple[str, list[str]]]
    variants: list[SampleVariant]
    image_urls: list[str]
    status: str
    created_at: datetime
    updated_at: datetime
    extra: dict[str, str] = field(default_factory=dict)


def _price(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low, high)) + rng.choice(_PRICE_ENDINGS)


def _variants(
    rng: random.Random, number: int, options: list[tuple[str, list[str]]], base: Decimal
) -> list[SampleVariant]:
    combos = list(cartesian(*(values for _, values in options)))[:8] if options else [()]
    variants = []
    for position, combo in enumerate(combos, start=1):
        price = base + Decimal(10 * (position - 1))
        on_sale = rng.random() < 0.3
        variants.append(
            SampleVariant(
                position=position,
                sku=f"CC-{number:05d}-{position:02d}",
                options={name: value for (name, _), value in zip(options, combo, strict=True)},
                price=price,
                compare_at_price=(price + Decimal(rng.choice([20, 30, 50]))) if on_sale else None,
                stock=rng.choice([0, 3, 12, 25, 60, 120, 300]),
                barcode=f"69{rng.randint(10**10, 10**11 - 1)}",
            )
        )
    return variants


def generate_catalog(
    count: int,
    *,
    seed: int = 7,
    start: datetime = datetime(2026, 1, 5, 2, 0, tzinfo=UTC),
    image_host: str = "https://cdn.example.com",
) -> list[SampleProduct]:
    """`count` deterministic sample products, created and last updated after `start`."""
    rng = random.Random(seed)
    products = []
    for number in range(1, count + 1):
        category, zh, en, adjectives = _FAMILIES[(number - 1) % len(_FAMILIES)]
        adjective_zh, adjective_en = rng.choice(adjectives)
        title = f"{adjective_zh}{zh} {adjective_en} {en}"
        if number % 4 == 0:
            title = f"{adjective_en} {en}"  # some English-only titles
        options = [
            (name, values[: rng.randint(2, len(values))]) for name, values in _OPTIONS[category]
        ]
        if number % 5 == 0:
            options = []  # a simple product
        base = _price(rng, 19, 899)
        variants = _variants(rng, number, options, base)
        created = start + timedelta(hours=6 * number, minutes=rng.randint(0, 59))
        updated = created + timedelta(days=rng.randint(0, 30), minutes=rng.randint(0, 59))
        products.append(
            SampleProduct(
                number=number,
                title=title,
                handle=f"{en.lower().replace(' ', '-')}-{number}",
                description=f"{zh}，{adjective_zh}。{adjective_en} {en}, carefully selected.",
                vendor=rng.choice(_VENDORS),
                category=category,
                tags=rng.sample(_TAGS, rng.randint(0, 3)),
                options=options,
                variants=variants,
                image_urls=[
                    f"{image_host}/products/{number:05d}-{index}.jpg"
                    for index in range(1, rng.randint(1, 4) + 1)
                ],
                status="draft" if number % 17 == 0 else "active",
                created_at=created,
                updated_at=updated,
            )
        )
    return products


def money(value: Decimal) -> str:
    """A price as a two-decimal string, the way both marketplaces send money."""
    return f"{value.quantize(Decimal('0.01'))}"
