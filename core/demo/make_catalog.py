"""Generate the demo shop's catalog (`catalog.json`): products with SKUs, categories, promotions.

    python -m cloudcat.core.demo.make_catalog          # rewrites core/demo/catalog.json

The output is a JSON product feed (the format of the feed source plugin) of a made-up Chinese
marketplace shop selling tea, teaware and crafts, in Chinese and English. It has no pictures:
the development server adds the ones it drew for the demo shop (`images.py`) when it serves the
feed. It is deterministic: the same code always writes the same file, so the committed file can
be checked against it.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("catalog.json")
PRODUCT_COUNT = 240
SEED = 20240618
MODIFIED = "2024-06-01T10:00:00+08:00"

CATEGORIES: list[tuple[str, str, str | None]] = [
    ("tea", "茶叶 Tea", None),
    ("green-tea", "绿茶 Green tea", "tea"),
    ("oolong", "乌龙茶 Oolong", "tea"),
    ("dark-tea", "黑茶与普洱 Dark tea & Pu'er", "tea"),
    ("teaware", "茶具 Teaware", None),
    ("ceramics", "陶瓷 Ceramics", None),
    ("silk", "丝绸 Silk", None),
    ("bamboo", "竹编 Bamboo crafts", None),
    ("stationery", "文房 Calligraphy & stationery", None),
    ("home", "家居香薰 Home & incense", None),
]


@dataclass(frozen=True)
class Template:
    """A kind of product: its names, category, price band and options."""

    zh: str
    en: str
    category: str
    low: int
    high: int
    options: tuple[tuple[str, tuple[str, ...]], ...]


TEMPLATES = [
    Template(
        "龙井", "Longjing tea", "green-tea", 68, 398, (("规格 Size", ("50g", "100g", "250g")),)
    ),
    Template("碧螺春", "Biluochun tea", "green-tea", 58, 288, (("规格 Size", ("50g", "100g")),)),
    Template("铁观音", "Tieguanyin oolong", "oolong", 48, 268, (("规格 Size", ("100g", "250g")),)),
    Template("大红袍", "Da Hong Pao oolong", "oolong", 88, 588, (("规格 Size", ("50g", "100g")),)),
    Template(
        "普洱茶饼",
        "Pu'er tea cake",
        "dark-tea",
        98,
        998,
        (("年份 Vintage", ("2015", "2018", "2021")),),
    ),
    Template("安化黑茶", "Anhua dark tea", "dark-tea", 78, 368, (("规格 Size", ("250g", "500g")),)),
    Template(
        "紫砂壶",
        "Yixing clay teapot",
        "teaware",
        168,
        1280,
        (("容量 Capacity", ("150ml", "220ml")),),
    ),
    Template(
        "盖碗",
        "Gaiwan tea bowl",
        "teaware",
        39,
        199,
        (("颜色 Colour", ("青瓷 Celadon", "白瓷 White", "天目 Tenmoku")),),
    ),
    Template(
        "公道杯",
        "Fairness pitcher",
        "teaware",
        29,
        129,
        (("材质 Material", ("玻璃 Glass", "陶瓷 Porcelain")),),
    ),
    Template(
        "青花瓷茶杯",
        "Blue-and-white tea cups",
        "ceramics",
        38,
        238,
        (("数量 Set", ("2只 2 cups", "4只 4 cups", "6只 6 cups")),),
    ),
    Template(
        "汝窑花瓶",
        "Ru-ware vase",
        "ceramics",
        128,
        680,
        (("尺寸 Size", ("小 Small", "中 Medium", "大 Large")),),
    ),
    Template(
        "真丝围巾",
        "Mulberry silk scarf",
        "silk",
        139,
        599,
        (("颜色 Colour", ("朱红 Vermilion", "黛蓝 Indigo", "月白 Moon white", "墨黑 Ink black")),),
    ),
    Template(
        "真丝睡衣",
        "Silk pyjamas",
        "silk",
        399,
        1299,
        (("颜色 Colour", ("香槟 Champagne", "藏青 Navy")), ("尺码 Size", ("S", "M", "L", "XL"))),
    ),
    Template(
        "竹编收纳篮",
        "Bamboo storage basket",
        "bamboo",
        39,
        189,
        (("尺寸 Size", ("小 Small", "大 Large")),),
    ),
    Template("竹制茶盘", "Bamboo tea tray", "bamboo", 89, 359, (("尺寸 Size", ("40cm", "60cm")),)),
    Template(
        "毛笔套装",
        "Calligraphy brush set",
        "stationery",
        59,
        399,
        (("规格 Set", ("入门 Starter", "进阶 Advanced")),),
    ),
    Template(
        "宣纸",
        "Xuan rice paper",
        "stationery",
        29,
        169,
        (("张数 Sheets", ("50张 50", "100张 100")),),
    ),
    Template(
        "檀香线香",
        "Sandalwood incense sticks",
        "home",
        25,
        128,
        (("香型 Scent", ("老山檀 Sandalwood", "沉香 Agarwood", "桂花 Osmanthus")),),
    ),
    Template(
        "香薰蜡烛",
        "Scented candle",
        "home",
        49,
        199,
        (("香型 Scent", ("白茶 White tea", "柚子 Pomelo", "雪松 Cedar")),),
    ),
]
STYLES = [
    ("特级", "Premium"),
    ("手工", "Handmade"),
    ("经典", "Classic"),
    ("礼盒装", "Gift-boxed"),
    ("明前", "Spring-harvest"),
    ("收藏级", "Collector's"),
    ("日常", "Everyday"),
    ("限量", "Limited"),
]
ORIGINS = [
    ("杭州", "Hangzhou"),
    ("苏州", "Suzhou"),
    ("景德镇", "Jingdezhen"),
    ("宜兴", "Yixing"),
    ("福建", "Fujian"),
    ("云南", "Yunnan"),
]


def _price(rng: random.Random, low: int, high: int) -> Decimal:
    whole = rng.randint(low, high)
    return Decimal(f"{whole}.{rng.choice(['00', '90', '80', '50', '99'])}")


def _variants(
    rng: random.Random, pid: str, base: Decimal, template: Template
) -> list[dict[str, Any]]:
    combos: list[dict[str, str]] = [{}]
    for name, values in template.options:
        combos = [{**combo, name: value} for combo in combos for value in values]
    variants = []
    for index, combo in enumerate(combos):
        price = base + Decimal(index * rng.choice([0, 10, 20, 30]))
        variants.append(
            {
                "id": f"{pid}-{index + 1}",
                "price": f"{price:.2f}",
                "options": combo,
                "stock": rng.choice([0, 3, 8, 15, 30, 120]),
                "sku": f"CC-{pid.upper()}-{index + 1:02d}",
                "barcode": f"69{rng.randrange(10**10, 10**11)}",
            }
        )
    return variants


def product(rng: random.Random, number: int) -> dict[str, Any]:
    """The demo product `number` (from 1)."""
    template = TEMPLATES[(number - 1) % len(TEMPLATES)]
    style_zh, style_en = STYLES[(number * 7) % len(STYLES)]
    origin_zh, origin_en = ORIGINS[(number * 5) % len(ORIGINS)]
    pid = f"demo-{number:03d}"
    base = _price(rng, template.low, template.high)
    variants = _variants(rng, pid, base, template)
    lowest = min(Decimal(v["price"]) for v in variants)
    row: dict[str, Any] = {
        "id": pid,
        "title": f"{origin_zh}{style_zh}{template.zh} | {style_en} {template.en} from {origin_en}",
        "description": (
            f"{origin_zh}出品的{style_zh}{template.zh}，云猫演示店精选。"
            f" A {style_en.lower()} {template.en.lower()} from {origin_en}, picked for the "
            "CloudCat demo shop."
        ),
        "price": f"{lowest:.2f}",
        "currency": "CNY",
        "url": f"https://item.taobao.com/item.htm?id={600000000000 + number}",
        "categories": [template.category],
        "variants": variants,
        "modified": MODIFIED,
    }
    parent = next(p for c, _, p in CATEGORIES if c == template.category)
    if parent:
        row["categories"].insert(0, parent)
    if number % 4 == 0:
        row["compare_at_price"] = f"{lowest * Decimal('1.25'):.2f}"
    if number % 37 == 0:
        row["status"] = "delisted"
    return row


def promotions(products: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Item promotions (one always running, one past, one far ahead) and a shop-wide offer."""

    def items(step: int, ratio: str) -> list[dict[str, Any]]:
        chosen = products[::step]
        return [
            {
                "product": p["id"],
                "price": f"{Decimal(p['price']) * Decimal(ratio):.2f}",
                "variants": {
                    v["id"]: f"{Decimal(v['price']) * Decimal(ratio):.2f}" for v in p["variants"]
                },
            }
            for p in chosen
        ]

    return [
        {
            "id": "everyday-deals",
            "name": "天天特惠 Everyday deals",
            "description": "精选好物九折 10% off selected items",
            "starts_at": "2024-01-01T00:00:00+08:00",
            "ends_at": "2035-01-01T00:00:00+08:00",
            "items": items(6, "0.90"),
        },
        {
            "id": "618-2024",
            "name": "618 年中大促 Mid-year sale",
            "description": "全场八折 20% off",
            "starts_at": "2024-06-01T00:00:00+08:00",
            "ends_at": "2024-06-19T00:00:00+08:00",
            "items": items(5, "0.80"),
        },
        {
            "id": "double-11-2034",
            "name": "双11 狂欢 Singles' Day",
            "description": "预告：七五折 Coming soon: 25% off",
            "starts_at": "2034-11-11T00:00:00+08:00",
            "ends_at": "2034-11-12T00:00:00+08:00",
            "items": items(9, "0.75"),
        },
        {
            "id": "spend-200-save-20",
            "name": "满200减20 Spend ¥200, save ¥20",
            "level": "shop",
            "description": "全店满200元减20元 ¥20 off every ¥200 in one order",
            "starts_at": "2024-01-01T00:00:00+08:00",
            "ends_at": "2035-01-01T00:00:00+08:00",
        },
    ]


def catalog() -> dict[str, Any]:
    """The whole demo feed."""
    rng = random.Random(SEED)
    products = [product(rng, number) for number in range(1, PRODUCT_COUNT + 1)]
    return {
        "categories": [
            {"id": cid, "name": name, "parent": parent, "sort": index}
            for index, (cid, name, parent) in enumerate(CATEGORIES, start=1)
        ],
        "products": products,
        "promotions": promotions(products),
    }


def render() -> str:
    """The demo feed as the text of `catalog.json`."""
    return json.dumps(catalog(), ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    """Write `catalog.json` (or the path given as the first argument)."""
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
