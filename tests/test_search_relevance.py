"""Search relevance on a labelled catalog: Chinese words, pinyin (full, spaced, initials),
English with typos, prefixes while typing, filters, facets, did-you-mean, and the promise that a
word of a shown title always finds its product."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from bson import ObjectId

from cloudcat.core.documents import OwnedContent, Product, Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.search import reindex_shop, search_products, suggest
from cloudcat.core.storage.database import RawDatabase

# external id: (title, description, category, price)
CATALOG: dict[str, tuple[str, str, str, str]] = {
    "longjing": (
        "西湖龙井 明前特级绿茶 250g",
        "Premium Longjing green tea from Hangzhou",
        "tea",
        "128",
    ),
    "tieguanyin": ("安溪铁观音 浓香型乌龙茶", "福建安溪的乌龙茶", "tea", "88"),
    "puer": ("云南普洱茶饼 357克 熟茶", "陈年熟普", "tea", "199"),
    "cup": ("龙井茶杯 玻璃 300ml", "泡绿茶的玻璃杯", "ware", "39"),
    "ham": ("金华火腿 礼盒装", "浙江金华特产", "food", "268"),
    "jerky": ("五香牛肉干 内蒙古风干", "独立小包装", "food", "45"),
    "tshirt": ("纯棉短袖T恤 男款 白色", "夏季透气", "clothes", "59"),
    "scarf": ("羊毛围巾 女款 冬季保暖", "澳洲美利奴羊毛", "clothes", "159"),
    "jasmine": ("Organic Jasmine Green Tea", "Fragrant jasmine tea leaves", "tea", "75"),
    "teapot": ("Ceramic Teapot Set", "A teapot with four cups", "ware", "220"),
    "case": ("iPhone 15 手机壳 防摔", "Shockproof phone case", "accessories", "29"),
    "headphones": ("Bluetooth Headphones 蓝牙耳机", "Wireless, 30 hours", "electronics", "399"),
    "yunwu": ("高山云雾茶", "产自黄山，清香如龙井", "tea", "66"),
}


def title_words(title: str) -> list[str]:
    """What a shopper may type of `title`, found independently of the analyzer: each chunk
    between spaces, its Latin words, and every run of 1 to 4 Chinese characters in it."""
    words: list[str] = []
    for chunk in title.split():
        words.append(chunk)
        words += re.findall(r"[A-Za-z0-9]+", chunk)
        for run in re.findall(r"[\u4e00-\u9fff]+", chunk):
            words += [
                run[i:j] for i in range(len(run)) for j in range(i + 1, min(len(run), i + 4) + 1)
            ]
    return list(dict.fromkeys(words))


HIDDEN = ("hidden", "龙井 隐藏款")
DELISTED = ("delisted", "龙井 下架款")


def _save(
    shop_id: ObjectId,
    eid: str,
    title: str,
    description: str,
    category: str,
    price: str,
    *,
    status: str = "active",
    owned: OwnedContent | None = None,
) -> Product:
    product = Product(
        shop_id=shop_id,
        source="feed",
        external_id=eid,
        title=title,
        description=description,
        category_ids=[category],
        price=Decimal(price),
        currency="CNY",
        status=status,
        owned=owned or OwnedContent(),
    )
    product.save()
    return product


@pytest.fixture
def catalog(db: RawDatabase, shop: Shop) -> dict[str, str]:
    """The labelled catalog in `shop`, indexed; external id -> product id."""
    ids = {eid: str(_save(shop.id, eid, *row).id) for eid, row in CATALOG.items()}
    _save(shop.id, HIDDEN[0], HIDDEN[1], "", "tea", "10", owned=OwnedContent(published=False))
    _save(shop.id, DELISTED[0], DELISTED[1], "", "tea", "10", status="delisted")
    renamed = _save(
        shop.id,
        "renamed",
        "旧标题 杂货",
        "",
        "tea",
        "58",
        owned=OwnedContent(title="桂花乌龙 新品"),
    )
    ids["renamed"] = str(renamed.id)
    reindex_shop(shop.id)
    return ids


def _top(shop: Shop, catalog: dict[str, str], text: str, **filters: object) -> list[str]:
    by_id = {pid: eid for eid, pid in catalog.items()}
    result = search_products(shop.id, text, **filters)  # type: ignore[arg-type]
    return [by_id[pid] for pid in result.product_ids]


LABELLED: list[tuple[str, list[str]]] = [
    # (query, the expected first results, in order where the order matters)
    ("龙井", ["longjing", "cup", "yunwu"]),  # title hits, then the description hit
    ("longjing", ["longjing", "cup"]),  # full pinyin
    ("long jing", ["longjing", "cup"]),  # pinyin syllables typed apart
    ("lj", ["longjing", "cup"]),  # pinyin initials
    ("xihu", ["longjing"]),
    ("西湖龙井", ["longjing"]),
    ("铁观音", ["tieguanyin"]),
    ("tieguanyin", ["tieguanyin"]),
    ("普洱", ["puer"]),
    ("puer", ["puer"]),
    ("牛肉干", ["jerky"]),
    ("T恤", ["tshirt"]),
    ("围巾", ["scarf"]),
    ("jasmine", ["jasmine"]),
    ("green tea", ["jasmine", "longjing"]),  # both in the title beats both in the description
    ("jasmime", ["jasmine"]),  # a typo
    ("headphnes", ["headphones"]),  # a typo (a letter missing)
    ("teapit", ["teapot"]),  # a typo
    ("headph", ["headphones"]),  # a prefix while typing
    ("tiegu", ["tieguanyin"]),  # a pinyin prefix while typing
    ("iphone", ["case"]),
    ("手机壳", ["case"]),
    ("蓝牙", ["headphones"]),
    ("lanya", ["headphones"]),
    ("桂花", ["renamed"]),  # the seller's own title is what is searched
]


@pytest.mark.parametrize(("text", "expected"), LABELLED, ids=[q for q, _ in LABELLED])
def test_labelled_queries_rank_the_expected_products_first(
    shop: Shop, catalog: dict[str, str], text: str, expected: list[str]
) -> None:
    assert _top(shop, catalog, text)[: len(expected)] == expected


def test_hidden_delisted_and_replaced_titles_are_never_found(
    shop: Shop, catalog: dict[str, str]
) -> None:
    found = search_products(shop.id, "龙井")
    assert found.total == 3
    assert search_products(shop.id, "隐藏").total == 0
    assert search_products(shop.id, "下架").total == 0
    assert search_products(shop.id, "旧标题").total == 0


def test_a_category_filter_and_a_price_range_narrow_the_results(
    shop: Shop, catalog: dict[str, str]
) -> None:
    everything = search_products(shop.id, "茶")
    tea = _top(shop, catalog, "茶", category_id="tea")
    assert set(tea) == {"longjing", "tieguanyin", "puer", "yunwu"}
    assert "cup" in _top(shop, catalog, "茶")
    cheap = _top(shop, catalog, "茶", price_min=Decimal("50"), price_max=Decimal("100"))
    assert set(cheap) == {"tieguanyin", "yunwu"}
    categories = dict(everything.facets.categories)
    assert categories == {"tea": 4, "ware": 1}
    ranges = {(low, high): count for low, high, count in everything.facets.price_ranges}
    assert ranges == {
        (Decimal(0), Decimal(50)): 1,
        (Decimal(50), Decimal(100)): 2,
        (Decimal(100), Decimal(200)): 2,
    }


def test_a_typo_suggests_the_right_words_and_nonsense_suggests_nothing(
    shop: Shop, catalog: dict[str, str]
) -> None:
    assert search_products(shop.id, "jasmime").suggestion == "jasmine"
    assert search_products(shop.id, "organic jasmime tea").suggestion == "organic jasmine tea"
    assert search_products(shop.id, "jasmine").suggestion is None
    nonsense = search_products(shop.id, "zzqqxxv")
    assert (nonsense.total, nonsense.suggestion) == (0, None)


def test_every_word_of_a_shown_title_finds_its_product(shop: Shop, catalog: dict[str, str]) -> None:
    titles = {eid: row[0] for eid, row in CATALOG.items()} | {"renamed": "桂花乌龙 新品"}
    for eid, title in titles.items():
        for word in title_words(title):
            found = search_products(shop.id, word, limit=50).product_ids
            assert catalog[eid] in found, (word, title)


def test_paging_keeps_the_rank_order(shop: Shop, catalog: dict[str, str]) -> None:
    whole = search_products(shop.id, "茶", limit=50)
    pages = [search_products(shop.id, "茶", limit=3, offset=n).product_ids for n in (0, 3, 6)]
    assert [pid for page in pages for pid in page] == whole.product_ids
    assert whole.total == len(whole.product_ids)


def test_suggestions_complete_words_pinyin_and_chinese(shop: Shop, catalog: dict[str, str]) -> None:
    assert "jasmine" in suggest(shop.id, "jas")
    assert "龙井" in suggest(shop.id, "longj")
    assert "铁观音" in suggest(shop.id, "铁观")
    assert len(suggest(shop.id, "t", limit=3)) <= 3


@pytest.mark.parametrize("text", ["", "   ", "茶" * 201])
def test_empty_and_too_long_queries_are_refused(shop: Shop, text: str) -> None:
    with pytest.raises(BadInput) as raised:
        search_products(shop.id, text)
    assert raised.value.fields[0].path == ["query"]
    assert raised.value.fields[0].code in {"string_too_short", "string_too_long"}
