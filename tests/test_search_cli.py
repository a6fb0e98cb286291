"""`cloudcat search reindex [--shop SLUG]` rebuilds indexes in-process and says what it did."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cloudcat.core.documents import Product
from cloudcat.core.search import search_products
from cloudcat.core.storage.database import RawDatabase
from tests.conftest import make_shop
from tests.test_cli_sync import cloudcat


def test_reindex_builds_the_index_of_one_shop_or_of_all(
    db: RawDatabase, mongo_uri: str, database_name: str, tmp_path: Path
) -> None:
    tea, other = make_shop("tea"), make_shop("other")
    for shop, title in ((tea, "西湖龙井"), (tea, "Jasmine tea"), (other, "铁观音")):
        Product(
            shop_id=shop.id,
            source="feed",
            external_id=title,
            title=title,
            price=Decimal("1.00"),
            currency="CNY",
        ).save()
    assert search_products(tea.id, "longjing").total == 0  # nothing indexed yet
    one = cloudcat(mongo_uri, database_name, tmp_path, "search", "reindex", "--shop", "tea")
    assert one.returncode == 0, one.stderr
    assert "tea: 2 products indexed" in one.stdout
    assert search_products(tea.id, "longjing").total == 1
    assert search_products(other.id, "铁观音").total == 0
    every = cloudcat(mongo_uri, database_name, tmp_path, "search", "reindex")
    assert every.returncode == 0, every.stderr
    assert "other: 1 products indexed" in every.stdout
    assert search_products(other.id, "铁观音").total == 1
    missing = cloudcat(mongo_uri, database_name, tmp_path, "search", "reindex", "--shop", "nope")
    assert missing.returncode == 1
    assert "there is no shop 'nope'" in missing.stdout
