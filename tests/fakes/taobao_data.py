"""A realistic, deterministic Taobao seller for the TOP fake: items with SKUs, shop categories,
promotions and sold trades, in TOP's own field names and formats.

`make_seller(user_id, nick, items=N, skus=K, seed=S)` builds the same catalog for the same
arguments: Chinese titles, SKUs over real property ids (颜色分类 1627207, 尺码 20509...), prices
as yuan strings ("129.00"), times as GMT+8 strings, image URLs on alicdn. Everything is kept as
plain JSON-ready dicts, which the fake serves (and lets tests change) as they are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from itertools import product
from typing import Any

CHINA = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
BASE_TIME = datetime(2024, 6, 1, 12, 0, 0, tzinfo=CHINA)
"""Generated items were last modified up to 90 days before this moment."""

Json = dict[str, Any]

COLOR = (1627207, "颜色分类")
SIZE = (20509, "尺码")
SHOE_SIZE = (20549, "鞋码")
VOLUME = (122216347, "容量")
WEIGHT = (1625924, "净含量")

COLORS = [
    (28320, "白色"),
    (28341, "黑色"),
    (28326, "红色"),
    (28338, "蓝色"),
    (28335, "绿色"),
    (28334, "灰色"),
    (3232483, "杏色"),
    (28332, "浅黄色"),
]
SIZES = [(28314, "S"), (28315, "M"), (28316, "L"), (28317, "XL"), (6145171, "XXL")]
SHOE_SIZES = [(3267945 + n, str(35 + n)) for n in range(10)]
VOLUMES = [(3226292, "350ml"), (3226293, "500ml"), (3226294, "750ml")]
WEIGHTS = [(3226401, "100g"), (3226402, "250g"), (3226403, "500g")]

TEMPLATES: list[tuple[str, int, list[tuple[tuple[int, str], list[tuple[int, str]]]], int, int]] = [
    ("连衣裙", 50010850, [(COLOR, COLORS), (SIZE, SIZES)], 89, 399),
    ("纯棉T恤", 50000436, [(COLOR, COLORS), (SIZE, SIZES)], 39, 129),
    ("羊毛开衫", 50000697, [(COLOR, COLORS), (SIZE, SIZES)], 159, 599),
    ("运动鞋", 50012906, [(COLOR, COLORS), (SHOE_SIZE, SHOE_SIZES)], 199, 899),
    ("保温杯", 50002809, [(COLOR, COLORS), (VOLUME, VOLUMES)], 49, 259),
    ("西湖龙井 明前特级", 121452038, [(WEIGHT, WEIGHTS)], 68, 980),
    ("真皮手提包", 50012010, [(COLOR, COLORS)], 299, 1999),
    ("蓝牙耳机", 50005050, [(COLOR, COLORS)], 99, 699),
    ("陶瓷茶杯套装", 50002790, [(COLOR, COLORS)], 59, 399),
    ("丝巾", 50010410, [(COLOR, COLORS)], 49, 299),
]
PREFIXES = ["2024新款", "夏季", "秋冬", "韩版", "复古", "简约", "宽松", "修身", "原创设计", "国潮"]
SUFFIXES = ["女", "男", "情侣款", "送礼", "包邮", "正品", "百搭", "显瘦"]
BRANDS = [(3275069, "云猫"), (3275070, "山茶"), (3275071, "青禾"), (3275072, "白鹿")]
CATEGORY_NAMES = ["新品上架", "女装", "男装", "鞋包配饰", "家居茶具", "数码配件", "清仓特惠"]
TRADE_STATUSES = [
    "WAIT_BUYER_PAY",
    "WAIT_SELLER_SEND_GOODS",
    "WAIT_BUYER_CONFIRM_GOODS",
    "TRADE_FINISHED",
    "TRADE_CLOSED",
]


def top_time(moment: datetime) -> str:
    """`moment` as TOP writes it (GMT+8)."""
    return moment.astimezone(CHINA).strftime(TIME_FORMAT)


def yuan(value: Decimal) -> str:
    """A price as TOP writes it: yuan with two decimals."""
    return f"{value.quantize(Decimal('0.01'))}"


@dataclass
class Seller:
    """One seller's shop as the fake holds it."""

    user_id: int
    nick: str
    items: dict[int, Json] = field(default_factory=dict)
    categories: list[Json] = field(default_factory=list)
    promotions: dict[int, list[Json]] = field(default_factory=dict)
    """num_iid → its ``promotion_in_item`` entries."""
    shop_promotions: list[Json] = field(default_factory=list)
    activities: list[Json] = field(default_factory=list)
    """The shop's unconditional item discounts, as ``taobao.promotionmisc.item.activity.get``
    describes one (``item_promotion``: ``activity_id``, ``name``, ``description``,
    ``participate_range`` 0 for every item or 1 for some, times, discount fields)."""
    ranges: dict[int, list[int]] = field(default_factory=dict)
    """activity_id → the items taking part (``taobao.promotionmisc.activity.range.list.get``),
    for the activities of ``participate_range`` 1."""
    trades: dict[int, Json] = field(default_factory=dict)
    next_num_iid: int = 0
    next_sku_id: int = 0
    next_tid: int = 0


def _image(rng: random.Random, user_id: int) -> str:
    token = "".join(
        rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(18)
    )
    return f"https://img.alicdn.com/imgextra/i{rng.randint(1, 4)}/{user_id}/O1CN01{token}_!!{user_id}.jpg"


def make_item(
    seller: Seller, rng: random.Random, index: int, skus: int, modified: datetime
) -> Json:
    """One generated item of `seller` with up to `skus` SKUs, last modified at `modified`."""
    noun, cid, dimensions, low, high = TEMPLATES[index % len(TEMPLATES)]
    num_iid = seller.next_num_iid
    seller.next_num_iid += rng.randint(3, 97)
    brand_id, brand = BRANDS[rng.randrange(len(BRANDS))]
    title = f"{brand} {rng.choice(PREFIXES)}{noun}{rng.choice(SUFFIXES)}"
    base = Decimal(rng.randint(low, high)) - Decimal("0.10") * rng.randint(0, 1)
    listed = modified - timedelta(days=rng.randint(0, 60), seconds=rng.randint(0, 86_399))
    chosen = [values[:] for _, values in dimensions]
    for values in chosen:
        rng.shuffle(values)
    combos = list(product(*chosen))[: max(0, skus)]
    sku_rows: list[Json] = []
    for position, combo in enumerate(combos):
        props = [
            (pid, vid, pname, vname)
            for ((pid, pname), _), (vid, vname) in zip(dimensions, combo, strict=True)
        ]
        seller.next_sku_id += rng.randint(1, 9)
        price = base + Decimal(10 * (position % 3))
        sku_rows.append(
            {
                "sku_id": seller.next_sku_id,
                "properties": ";".join(f"{p}:{v}" for p, v, _, _ in props),
                "properties_name": ";".join(f"{p}:{v}:{pn}:{vn}" for p, v, pn, vn in props),
                "price": yuan(price),
                "quantity": rng.choice([0, 3, 12, 25, 40, 88, 150]),
                "outer_id": f"{num_iid % 100000:05d}-{position + 1:02d}",
                "barcode": f"69{rng.randrange(10**10, 10**11)}",
                "created": top_time(listed),
                "modified": top_time(modified),
                "with_hold_quantity": 0,
            }
        )
    images = [_image(rng, seller.user_id) for _ in range(rng.randint(1, 5))]
    categories = rng.sample(seller.categories, k=min(2, len(seller.categories)))
    prices = [Decimal(s["price"]) for s in sku_rows] or [base]
    quantity = sum(s["quantity"] for s in sku_rows) if sku_rows else rng.randint(0, 300)
    return {
        "num_iid": num_iid,
        "title": title,
        "nick": seller.nick,
        "type": "fixed",
        "cid": cid,
        "seller_cids": "," + ",".join(str(c["cid"]) for c in categories) + ",",
        "props_name": f"20000:{brand_id}:品牌:{brand}",
        "property_alias": "",
        "pic_url": images[0],
        "item_imgs": [
            {"id": num_iid * 10 + n, "url": url, "position": n} for n, url in enumerate(images)
        ],
        "num": quantity,
        "price": yuan(min(prices)),
        "outer_id": f"CC{num_iid % 1000000:06d}",
        "approve_status": "onsale",
        "list_time": top_time(listed),
        "delist_time": top_time(listed + timedelta(days=7)),
        "modified": top_time(modified),
        "sold_quantity": rng.randint(0, 5000),
        "desc": f"<p>{title}</p><p>品质保证，七天无理由退换。</p>",
        "detail_url": f"https://item.taobao.com/item.htm?id={num_iid}",
        "skus": sku_rows,
    }


def _activity(rng: random.Random, activity_id: int, start: datetime) -> Json:
    """An unconditional item discount for some items (``participate_range`` 1)."""
    rate = rng.choice([80, 85, 88, 90, 95])
    return {
        "activity_id": activity_id,
        "name": rng.choice(["限时折扣", "618大促", "新品尝鲜价", "店铺周年庆"]),
        "description": f"{rate / 10:g}折",
        "participate_range": 1,
        "start_time": top_time(start),
        "end_time": top_time(start + timedelta(days=rng.randint(3, 30))),
        "is_user_tag": False,
        "user_tag": "",
        "is_decrease_money": False,
        "decrease_amount": 0,
        "is_discount": True,
        "discount_rate": rate * 10,
    }


def _promotion(rng: random.Random, item: Json, activity: Json) -> Json:
    """The ``promotion_in_item`` entry ``taobao.ump.promotion.get`` gives `item` for the
    discount `activity` (its prices for the item and each SKU)."""
    rate = Decimal(activity["discount_rate"]) / 1000
    skus = item.get("skus") or []
    return {
        "promotion_id": f"mjs-{activity['activity_id']}",
        "name": activity["name"],
        "desc": activity["description"],
        "item_promo_price": yuan(Decimal(item["price"]) * rate),
        "sku_id_list": [str(s["sku_id"]) for s in skus],
        "sku_price_list": [yuan(Decimal(s["price"]) * rate) for s in skus],
        "start_time": activity["start_time"],
        "end_time": activity["end_time"],
        "other_need": "",
        "other_send": "",
    }


def add_activity(
    seller: Seller, activity_id: int, start: datetime, items: list[int] | None
) -> Json:
    """Give `seller` a discount on `items` (None: on every item, ``participate_range`` 0)."""
    activity = _activity(random.Random(activity_id), activity_id, start)
    activity["participate_range"] = 0 if items is None else 1
    seller.activities.append(activity)
    if items is not None:
        seller.ranges[activity_id] = list(items)
    for num_iid in seller.items if items is None else items:
        entry = _promotion(random.Random(num_iid), seller.items[num_iid], activity)
        seller.promotions.setdefault(num_iid, []).append(entry)
    return activity


def make_trade(seller: Seller, rng: random.Random, when: datetime) -> Json:
    """One generated sold trade of `seller` (1-3 order lines over its items)."""
    seller.next_tid += rng.randint(11, 999)
    tid = seller.next_tid
    items = rng.sample(
        sorted(seller.items.values(), key=lambda i: i["num_iid"]),
        k=min(rng.randint(1, 3), len(seller.items)),
    )
    status = rng.choice(TRADE_STATUSES)
    orders: list[Json] = []
    for n, item in enumerate(items):
        sku = rng.choice(item["skus"]) if item.get("skus") else None
        price = Decimal(sku["price"] if sku else item["price"])
        num = rng.randint(1, 3)
        orders.append(
            {
                "oid": tid * 10 + n,
                "num_iid": item["num_iid"],
                "sku_id": str(sku["sku_id"]) if sku else "",
                "outer_iid": item["outer_id"],
                "outer_sku_id": sku["outer_id"] if sku else "",
                "sku_properties_name": sku["properties_name"] if sku else "",
                "title": item["title"],
                "pic_path": item["pic_url"],
                "price": yuan(price),
                "num": num,
                "total_fee": yuan(price * num),
                "payment": yuan(price * num),
                "status": status,
            }
        )
    total = sum((Decimal(o["total_fee"]) for o in orders), Decimal(0))
    post_fee = Decimal(rng.choice([0, 0, 6, 10]))
    created = when - timedelta(hours=rng.randint(0, 48))
    return {
        "tid": tid,
        "status": status,
        "type": "fixed",
        "buyer_nick": f"{rng.choice('tlzwxq')}**{rng.randint(1, 9)}",
        "buyer_open_uid": f"AAH{rng.randrange(16**20):020x}",
        "created": top_time(created),
        "modified": top_time(when),
        "pay_time": top_time(created + timedelta(minutes=3)) if status != "WAIT_BUYER_PAY" else "",
        "end_time": top_time(when) if status in ("TRADE_FINISHED", "TRADE_CLOSED") else "",
        "total_fee": yuan(total),
        "post_fee": yuan(post_fee),
        "discount_fee": "0.00",
        "payment": yuan(total + post_fee),
        "orders": orders,
    }


def make_seller(
    user_id: int,
    nick: str,
    *,
    items: int = 30,
    skus: int = 3,
    trades: int = 20,
    seed: int = 1,
    base_time: datetime = BASE_TIME,
) -> Seller:
    """A seller with `items` items of up to `skus` SKUs, shop categories, promotions on about
    a fifth of the items, one shop-wide promotion and `trades` sold trades; the same for the
    same arguments."""
    rng = random.Random(f"{seed}:{user_id}")
    seller = Seller(
        user_id=user_id,
        nick=nick,
        next_num_iid=600_000_000_000 + rng.randrange(10**9),
        next_sku_id=4_000_000_000_000 + rng.randrange(10**9),
        next_tid=3_000_000_000_000_000 + rng.randrange(10**12),
    )
    seller.categories = [
        {
            "cid": 1_200_000_000 + user_id % 1000 * 100 + n,
            "parent_cid": 0,
            "name": name,
            "pic_url": "",
            "sort_order": n + 1,
            "type": "manual_type",
        }
        for n, name in enumerate(CATEGORY_NAMES)
    ]
    for index in range(items):
        modified = base_time - timedelta(seconds=rng.randint(0, 90 * 86_400))
        item = make_item(seller, rng, index, skus, modified)
        seller.items[item["num_iid"]] = item
    activity: Json | None = None
    for n, item in enumerate(sorted(seller.items.values(), key=lambda i: i["num_iid"])):
        if rng.random() < 0.2:
            if activity is None or len(seller.ranges[activity["activity_id"]]) == 3:
                start = base_time - timedelta(days=rng.randint(0, 10))
                activity = _activity(rng, 9_000_000 + n, start)
                seller.activities.append(activity)
                seller.ranges[activity["activity_id"]] = []
            seller.ranges[activity["activity_id"]].append(item["num_iid"])
            seller.promotions[item["num_iid"]] = [_promotion(rng, item, activity)]
    seller.shop_promotions = [
        {
            "promotion_id": f"shop-{user_id}",
            "name": "满199减20",
            "promotion_detail_desc": "全店满199元减20元，上不封顶",
            "start_time": top_time(base_time - timedelta(days=7)),
            "end_time": top_time(base_time + timedelta(days=23)),
        }
    ]
    if seller.items:
        for _ in range(trades):
            trade = make_trade(
                seller, rng, base_time - timedelta(seconds=rng.randint(0, 30 * 86_400))
            )
            seller.trades[trade["tid"]] = trade
    return seller
