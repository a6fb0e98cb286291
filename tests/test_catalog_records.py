"""Validating source records: what is stored, and the reasons bad records are refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from bson import Decimal128

from cloudcat.core.catalog.records import RecordProblem, identify, prepare
from cloudcat.core.plugin_api import (
    BuyerRecord,
    CategoryRecord,
    EntityKind,
    OrderLineRecord,
    OrderRecord,
    PromotionItem,
    PromotionRecord,
)
from tests.catalog_sources import product

P = EntityKind.PRODUCT


def test_a_product_is_stored_with_exact_money_and_its_price_range() -> None:
    fields = prepare(P, product("P1", " Tea ", "10.00", variants=3)).fields

    assert fields["title"] == "Tea" and fields["price"] == Decimal128("10.00")
    assert (fields["price_min"], fields["price_max"]) == (Decimal128("10.00"), Decimal128("12.00"))
    assert fields["stock"] == 5 + 6 + 7
    assert fields["options"][0] == {"name": "颜色", "values": ["红色", "蓝色", "绿色"]}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"external_id": ""}, "missing external id"),
        ({"title": "  "}, "missing title"),
        ({"title": None}, "title must be text, not NoneType"),
        ({"title": "t" * 10_000_000}, "title is longer than 500 characters"),
        ({"price": 1.5}, "price must be a Decimal, not float"),
        ({"price": "9.90"}, "price must be a Decimal, not str"),
        ({"price": Decimal("NaN")}, "price NaN is not a non-negative amount"),
        ({"price": Decimal("1e13")}, "price 1E+13 is out of range"),
        ({"price": Decimal("0.001")}, "price 0.001 has more than two decimals"),
        ({"currency": "RMB"}, "unknown currency 'RMB'"),
        ({"currency": "cny"}, "unknown currency 'cny'"),
        ({"status": "gone"}, "status 'gone' is not one of active, deleted, delisted"),
        ({"url": "javascript:alert(1)"}, "url must be an http(s) address"),
        ({"image_urls": "https://x/1.jpg"}, "image_urls must be a list of addresses, not str"),
        ({"stock": 2.5}, "stock must be a whole number, not float"),
        ({"modified_at": "yesterday"}, "modified_at must be a datetime, not str"),
        ({"category_ids": [""]}, "missing category_ids"),
    ],
)
def test_a_bad_product_is_refused_with_a_reason(change: dict[str, Any], reason: str) -> None:
    with pytest.raises(RecordProblem) as caught:
        prepare(P, replace(product("P1", "Tea", "10.00"), **change))
    assert str(caught.value) == reason


def test_bad_variants_name_the_variant() -> None:
    record = product("P1", "Tea", "10.00", variants=2)
    twice = replace(record, variants=[record.variants[0], record.variants[0]])
    with pytest.raises(RecordProblem, match="variant id 'P1-0' appears twice"):
        prepare(P, twice)
    bad = replace(record, variants=[replace(record.variants[1], options={"颜色": ""})])
    with pytest.raises(RecordProblem, match="variant P1-1: missing option value"):
        prepare(P, bad)


def test_times_are_kept_in_utc_at_millisecond_precision() -> None:
    shanghai = timezone(timedelta(hours=8))
    modified = datetime(2024, 5, 1, 16, 0, 0, 123456, tzinfo=shanghai)
    found = identify(P, product("P1", "Tea", "1.00", modified=modified))
    assert found.modified_at == datetime(2024, 5, 1, 8, 0, 0, 123000, tzinfo=UTC)
    naive = identify(P, product("P1", "Tea", "1.00", modified=datetime(2024, 5, 1)))
    assert naive.modified_at == datetime(2024, 5, 1, tzinfo=UTC)


def test_the_fingerprint_follows_content_not_status_or_time() -> None:
    record = product("P1", "Tea", "1.00", variants=1)
    base = identify(P, record).fingerprint
    assert identify(P, replace(record, status="delisted")).fingerprint == base
    assert identify(P, replace(record, modified_at=datetime.now(UTC))).fingerprint == base
    assert identify(P, replace(record, title="Tea!")).fingerprint != base
    with pytest.raises(RecordProblem, match="expected a ProductRecord, not dict"):
        identify(P, {"external_id": "P1"})


def test_categories_promotions_and_orders_are_validated_too() -> None:
    with pytest.raises(RecordProblem, match="kind 'tag' is not one of category, collection"):
        prepare(EntityKind.CATEGORY, CategoryRecord("c", "Tea", kind="tag"))
    start = datetime(2024, 6, 1, tzinfo=UTC)
    late = PromotionRecord("x", "618", starts_at=start, ends_at=start - timedelta(days=1))
    with pytest.raises(RecordProblem, match="the promotion ends before it starts"):
        prepare(EntityKind.PROMOTION, late)
    priced = PromotionRecord("x", "618", items=[PromotionItem("P1", Decimal("9.00"))])
    with pytest.raises(RecordProblem, match="unknown currency ''"):
        prepare(EntityKind.PROMOTION, priced)
    order = OrderRecord(
        "O1",
        "paid",
        "CNY",
        Decimal("20.00"),
        start,
        lines=[OrderLineRecord("L1", "Tea", 2, Decimal("10.00"))],
        buyer=BuyerRecord(id="u1", name="nick"),
    )
    fields = prepare(EntityKind.ORDER, order).fields
    assert fields["lines"][0]["total"] == Decimal128("20.00") and fields["buyer"]["id"] == "u1"
    with pytest.raises(RecordProblem, match="status 'shipping' is not one of"):
        prepare(EntityKind.ORDER, replace(order, status="shipping"))
    with pytest.raises(RecordProblem, match="line L1 quantity -1 is out of range"):
        prepare(
            EntityKind.ORDER, replace(order, lines=[OrderLineRecord("L1", "T", -1, Decimal(1))])
        )
