"""The Taobao source end to end: the sync engine reading the loopback TOP fake over real
sockets, as a worker does it (config and tokens from the database, the shared call budget)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from bson import ObjectId

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import OAuthConnection, Shop, ShopPlugin, SourceSyncState, SyncRun
from cloudcat.core.documents.base import utcnow
from cloudcat.core.job_handlers import CATALOG_SYNC, catalog_sync_handler, start_catalog_sync
from cloudcat.core.jobs import Backoff, JobState, Worker, get_job
from cloudcat.core.oauth import OAuthFlows, TokenSet, connected, connection_of
from cloudcat.core.ratelimit import COLLECTION
from cloudcat.core.services import Services
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.taobao.source import RECONNECT, TaobaoSource, group_name
from tests.catalog_checks import comparable, snapshot
from tests.fakes.taobao import DELETE, TaobaoFake
from tests.fakes.taobao_data import CATEGORY_NAMES, CHINA, add_activity, top_time
from tests.graphql_client import GraphQLClient

FAST = 1000.0
"""A call budget the tests never reach (unless they mean to)."""
ROOT = Path(__file__).resolve().parent.parent
SECOND_SELLER = (3_300_112_233, "茶山小铺")


def recent() -> datetime:
    """A catalog generated as of an hour ago (its trades within the last three months)."""
    return datetime.now(CHINA) - timedelta(hours=1)


@pytest.fixture
def fake() -> Iterator[TaobaoFake]:
    with TaobaoFake(items=30, skus=3, trades=12, base_time=recent()) as server:
        yield server


@pytest.fixture
def shop_plugins(services: Services) -> ShopPlugins:
    return services.shop_plugins


def new_shop(slug: str) -> Shop:
    owner = create_user(f"{slug}@example.com", "correct horse battery")
    return create_shop(owner, slug, ShopFields(name=slug))


def connect(
    shop_plugins: ShopPlugins,
    shop: Shop,
    fake: TaobaoFake,
    *,
    user_id: int | None = None,
    secret: str | None = None,
    **settings: Any,
) -> str:
    """Configure, enable and connect the shop's Taobao source for a seller of the fake, as the
    one-click authorization leaves it; return the seller's session."""
    seller = fake.sellers[user_id or fake.seller.user_id]
    config = {
        "app_key": fake.app_key,
        "gateway_url": fake.gateway_url,
        "oauth_url": fake.oauth_url,
        "calls_per_second": FAST,
        "burst": 50,
        **settings,
    }
    shop_plugins.configure(shop.id, "taobao", config, {"app_secret": secret or fake.app_secret})
    shop_plugins.set_enabled(shop.id, "taobao", True)
    token = fake.issue_session(user_id=seller.user_id)
    reconnect(shop_plugins, shop, fake, token, seller.user_id)
    return token


def reconnect(
    shop_plugins: ShopPlugins, shop: Shop, fake: TaobaoFake, token: str, user_id: int
) -> None:
    """Store `token` as the shop's Taobao authorization."""
    seller = fake.sellers[user_id]
    OAuthFlows(shop_plugins).store(
        shop.id,
        "taobao",
        TokenSet(
            access_token=token,
            expires_at=utcnow() + timedelta(days=1),
            account_id=str(seller.user_id),
            account_name=seller.nick,
        ),
    )


def sync(shop_plugins: ShopPlugins, shop: Shop, kind: str | None = None) -> SyncReport:
    return run_source_sync(shop_plugins, shop, "taobao", kind=kind)


def source_of(shop_plugins: ShopPlugins, shop: Shop, *capabilities: str) -> TaobaoSource:
    """The shop's Taobao source, reduced to `capabilities` when given."""
    built = shop_plugins.provider(shop, "taobao")
    assert isinstance(built, TaobaoSource)
    if not capabilities:
        return built
    declared = frozenset(capabilities)

    class ReducedTaobaoSource(TaobaoSource):
        """The Taobao source declaring only the given capabilities."""

        capabilities = declared

    return ReducedTaobaoSource(built.context)


def options_of(properties_name: str) -> list[dict[str, str]]:
    return [
        {"name": part.split(":")[2], "value": part.split(":")[3]}
        for part in properties_name.split(";")
    ]


def money(value: Any) -> Decimal:
    found: Decimal = value.to_decimal()
    return found


# --- full and incremental syncs -------------------------------------------------------------


def test_a_full_sync_reads_items_skus_categories_promotions_and_orders(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("tea-house")
    connect(shop_plugins, shop, fake)
    ids = sorted(fake.seller.items)
    fake.delist(ids[0])
    fake.update_item(ids[1], property_alias="1627207:28320:月光白")

    report = sync(shop_plugins, shop)

    assert report.kind == "full" and report.failed == 0, report.issues
    assert report.expected["product"] == 30 and report.products.created == 30
    stored = snapshot(db, shop.id)
    assert set(stored) == {str(i) for i in ids}
    assert stored[str(ids[0])]["status"] == "delisted"
    assert all(stored[str(i)]["status"] == "active" for i in ids[1:])
    for num_iid in ids[1:4]:
        item, doc = fake.seller.items[num_iid], stored[str(num_iid)]
        assert doc["title"] == item["title"] and doc["currency"] == "CNY"
        assert money(doc["price"]) == Decimal(item["price"]) and doc["stock"] == item["num"]
        assert doc["url"] == item["detail_url"] and doc["sku"] == item["outer_id"]
        assert doc["image_urls"] == [img["url"] for img in item["item_imgs"]]
        assert doc["category_ids"] == [c for c in item["seller_cids"].split(",") if c]
        assert len(doc["variants"]) == len(item["skus"]) == 3
        for variant, sku in zip(doc["variants"], item["skus"], strict=True):
            assert variant["external_id"] == str(sku["sku_id"])
            assert money(variant["price"]) == Decimal(sku["price"])
            assert variant["stock"] == sku["quantity"] and variant["sku"] == sku["outer_id"]
            expected = options_of(sku["properties_name"])
            if num_iid == ids[1]:  # the seller's own name for a colour
                expected = [
                    {**o, "value": "月光白"} if o["value"] == "白色" else o for o in expected
                ]
            assert variant["options"] == expected
    details = [p["num_iids"].split(",") for p in fake.method_calls("taobao.items.seller.list.get")]
    assert [len(batch) for batch in details] == [20, 9, 1]  # 29 on sale, then the delisted one

    categories = snapshot(db, shop.id, "categories")
    assert sorted(c["name"] for c in categories.values()) == sorted(CATEGORY_NAMES)
    now = datetime.now(CHINA)
    running = {
        p["promotion_id"]: p
        for entries in fake.seller.promotions.values()
        for p in entries
        if datetime.strptime(p["end_time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA) > now
    }
    promotions = snapshot(db, shop.id, "promotions")
    assert set(promotions) == {*running, f"shop-{fake.seller.user_id}"}
    shop_wide = promotions[f"shop-{fake.seller.user_id}"]
    assert shop_wide["level"] == "shop" and shop_wide["name"] == "满199减20"
    for num_iid, entries in fake.seller.promotions.items():
        for entry in entries:
            if entry["promotion_id"] not in running:
                continue
            items = promotions[entry["promotion_id"]]["items"]
            (priced,) = [i for i in items if i["product_id"] == str(num_iid)]
            assert money(priced["price"]) == Decimal(entry["item_promo_price"])
            assert [money(v["price"]) for v in priced["variant_prices"]] == [
                Decimal(p) for p in entry["sku_price_list"]
            ]
    assert any(len(p["items"]) > 1 for p in promotions.values())  # every item, not the first

    orders = snapshot(db, shop.id, "orders")
    assert set(orders) == {str(tid) for tid in fake.seller.trades}
    for tid, trade in fake.seller.trades.items():
        order = orders[str(tid)]
        assert money(order["total"]) == Decimal(trade["payment"])
        assert order["source_status"] == trade["status"]
        assert order["buyer"]["id"] == trade["buyer_open_uid"]
        assert [line["external_id"] for line in order["lines"]] == [
            str(o["oid"]) for o in trade["orders"]
        ]
    assert SyncRun.objects(shop_id=shop.id).get().status == "succeeded"


def test_an_incremental_sync_reads_what_changed_by_modified_time(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("incremental")
    connect(shop_plugins, shop, fake)
    sync(shop_plugins, shop)
    ids = sorted(fake.seller.items)
    fake.update_item(ids[3], title="明前龙井 新茶", price="199.00")
    sku = fake.seller.items[ids[4]]["skus"][0]
    fake.update_sku(ids[4], sku["sku_id"], quantity=0, price="1.50")
    fake.delist(ids[5])
    added = fake.add_item(title="新品上市 白茶")
    tid = fake.add_trade()
    fake.tmc.records.clear()  # no change messages: only the modified times tell
    calls_before = len(fake.calls)

    report = sync(shop_plugins, shop)

    assert report.kind == "incremental" and report.failed == 0
    assert report.products.created_ids == [str(added)]
    assert sorted(report.products.updated_ids) == sorted(str(i) for i in ids[3:6])
    stored = snapshot(db, shop.id)
    assert stored[str(ids[3])]["title"] == "明前龙井 新茶"
    assert money(stored[str(ids[3])]["price"]) == Decimal("199.00")
    changed_sku = stored[str(ids[4])]["variants"][0]
    assert changed_sku["stock"] == 0 and money(changed_sku["price"]) == Decimal("1.50")
    assert stored[str(ids[5])]["status"] == "delisted"
    assert stored[str(added)]["title"] == "新品上市 白茶"
    assert str(tid) in snapshot(db, shop.id, "orders")
    calls = fake.calls[calls_before:]
    listings = [
        p for m, p in calls if m in ("taobao.items.onsale.get", "taobao.items.inventory.get")
    ]
    earliest = datetime.now(CHINA) - timedelta(minutes=10)
    assert listings and all(
        datetime.strptime(p["start_modified"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA) > earliest
        for p in listings
    )
    asked = {
        i for m, p in calls if m == "taobao.items.seller.list.get" for i in p["num_iids"].split(",")
    }
    assert asked == {str(i) for i in (*ids[3:6], added)}
    assert len([m for m, _ in calls if m == "taobao.trades.sold.increment.get"]) <= 2

    again = sync(shop_plugins, shop)
    assert not again.changed


def test_every_item_of_an_activity_is_priced_also_of_one_over_all_items(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("all-items")
    connect(shop_plugins, shop, fake)
    start = datetime.now(CHINA) - timedelta(days=1)
    everything = add_activity(fake.seller, 8_800_001, start, None)
    some = sorted(fake.seller.items)[-5:]
    partial = add_activity(fake.seller, 8_800_002, start, some)
    source = source_of(shop_plugins, shop, "products", "promotions")

    report = run_sync(shop, source, kind="full")

    assert report.failed == 0
    promotions = snapshot(db, shop.id, "promotions")
    whole = promotions[f"mjs-{everything['activity_id']}"]
    assert {i["product_id"] for i in whole["items"]} == {str(i) for i in fake.seller.items}
    assert {i["product_id"] for i in promotions[f"mjs-{partial['activity_id']}"]["items"]} == {
        str(i) for i in some
    }
    ranges = fake.method_calls("taobao.promotionmisc.activity.range.list.get")
    assert str(everything["activity_id"]) not in {p["activity_id"] for p in ranges}


def test_sold_out_and_taken_down_items_are_listed_and_a_reconcile_deletes_a_deleted_item(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("banners")
    connect(shop_plugins, shop, fake)
    sync(shop_plugins, shop)
    ids = sorted(fake.seller.items)
    fake.delist(ids[0], banner="sold_out")
    fake.delist(ids[1], banner="violation_off_shelf")
    fake.delist(ids[2])
    fake.delete_item(ids[3])
    fake.tmc.records.clear()  # only the listing tells

    report = sync(shop_plugins, shop, kind="reconcile")

    assert report.failed == 0
    stored = snapshot(db, shop.id)
    sold_out = stored[str(ids[0])]
    assert sold_out["status"] == "delisted" and sold_out["stock"] == 0
    assert all(v["stock"] == 0 for v in sold_out["variants"])  # read, not just left out
    assert stored[str(ids[1])]["status"] == "delisted"
    assert stored[str(ids[2])]["status"] == "delisted"
    assert stored[str(ids[3])]["status"] == "deleted"  # as a change message would say
    assert report.products.removed_ids == [str(ids[3])]
    banners = {p.get("banner") for p in fake.method_calls("taobao.items.inventory.get")}
    assert banners == {"for_shelved", "sold_out", "violation_off_shelf"}


# --- change messages ------------------------------------------------------------------------


def test_change_messages_update_delist_and_delete_and_are_confirmed(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("messages")
    connect(shop_plugins, shop, fake)
    sync(shop_plugins, shop)
    ids = sorted(fake.seller.items)
    fake.update_item(ids[0], title="第一版")
    fake.update_item(ids[0], title="第二版")
    fake.delist(ids[1])
    fake.delete_item(ids[2])
    fake.update_item(ids[3], price="9.90")
    added = fake.add_item(title="新到 茶具")
    messages = list(fake.tmc.pending())
    assert len(messages) == 6
    assert {m.group for m in messages} == {group_name(str(fake.seller.user_id))}
    fake.tmc.records.reverse()  # delivered newest first

    report = sync(shop_plugins, shop)

    assert report.kind == "incremental" and report.failed == 0
    stored = snapshot(db, shop.id)
    assert stored[str(ids[0])]["title"] == "第二版"
    assert stored[str(ids[1])]["status"] == "delisted"
    assert stored[str(ids[2])]["status"] == "deleted"
    assert money(stored[str(ids[3])]["price"]) == Decimal("9.90")
    assert stored[str(added)]["title"] == "新到 茶具"
    assert fake.tmc.pending() == []
    confirmed = {
        int(i)
        for p in fake.method_calls("taobao.tmc.messages.confirm")
        for i in p["s_message_ids"].split(",")
    }
    assert confirmed == {m.id for m in messages}
    assert all(
        p["group_name"] == group_name(str(fake.seller.user_id))
        for p in fake.method_calls("taobao.tmc.messages.consume")
    )

    # the same messages once more (TMC may deliver twice), an old update of the deleted item
    # arriving after its delete, and a message that cannot be read
    revisions = {key: doc["revision"] for key, doc in snapshot(db, shop.id).items()}
    copies = [
        replace(m, id=m.id + 1_000, confirmed=False, invisible_until=0.0, deliveries=0)
        for m in messages
    ]
    late = replace(
        copies[0],
        id=messages[-1].id + 5_000,
        topic="taobao_item_ItemUpdate",
        content=f'{{"num_iid": {ids[2]}, "title": "旧标题"}}',
        pub_time=top_time(datetime.now(CHINA) - timedelta(hours=1)),
    )
    broken = replace(copies[0], id=messages[-1].id + 5_001, content="{not json")
    fake.tmc.records.extend([*copies, late, broken])

    again = sync(shop_plugins, shop)

    assert not again.changed
    assert again.products.failed == 1
    (issue,) = again.issues
    assert issue.reference == f"message {broken.id}" and "names no item" in issue.reason
    assert {k: d["revision"] for k, d in snapshot(db, shop.id).items()} == revisions
    assert snapshot(db, shop.id)[str(ids[2])]["status"] == "deleted"
    assert fake.tmc.pending() == []


def test_shops_never_see_each_others_sellers(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    other = fake.add_seller(*SECOND_SELLER, items=8, trades=3)
    first, second = new_shop("first"), new_shop("second")
    connect(shop_plugins, first, fake)
    connect(shop_plugins, second, fake, user_id=other.user_id)
    sync(shop_plugins, first)
    sync(shop_plugins, second)
    assert set(snapshot(db, first.id)) == {str(i) for i in fake.seller.items}
    assert set(snapshot(db, second.id)) == {str(i) for i in other.items}
    assert set(snapshot(db, second.id, "orders")) == {str(t) for t in other.trades}
    untouched = snapshot(db, second.id)

    mine = sorted(fake.seller.items)
    fake.update_item(mine[0], title="只属于第一家")
    fake.delete_item(mine[1])
    theirs = sorted(other.items)
    fake.update_item(theirs[0], title="只属于第二家")
    sync(shop_plugins, second)  # takes only its own seller's messages
    assert {m.user_id for m in fake.tmc.pending()} == {fake.seller.user_id}
    sync(shop_plugins, first)

    assert snapshot(db, first.id)[str(mine[0])]["title"] == "只属于第一家"
    assert snapshot(db, first.id)[str(mine[1])]["status"] == "deleted"
    assert snapshot(db, second.id)[str(theirs[0])]["title"] == "只属于第二家"
    changed = {k for k, d in snapshot(db, second.id).items() if d != untouched[k]}
    assert changed == {str(theirs[0])}
    for collection in ("products", "categories", "promotions", "orders"):
        for doc in db[collection].find({"shop_id": second.id}):
            assert doc["source"] == "taobao"
    assert fake.tmc.pending() == []


# --- authorization and refusals -------------------------------------------------------------


def test_an_expired_session_asks_to_reconnect_and_keeps_what_was_stored(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = new_shop("expired")
    token = connect(shop_plugins, shop, fake)
    sync(shop_plugins, shop)
    before = snapshot(db, shop.id)
    ids = sorted(fake.seller.items)
    for num_iid in ids[:3]:
        fake.delete_item(num_iid)
    monkeypatch.setattr(TaobaoSource, "page_size", 5)
    fake.expire_session(token, after_calls=9)  # runs out in the middle of the items

    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop, kind="full")

    assert caught.value.code == "SOURCE_AUTH_EXPIRED" and not caught.value.retryable
    assert str(caught.value).startswith(RECONNECT)
    state = SourceSyncState.objects(shop_id=shop.id, source="taobao").get()
    assert state.last_error == RECONNECT and state.last_error_code == "SOURCE_AUTH_EXPIRED"
    failed = SyncRun.objects(shop_id=shop.id, kind="full").order_by("-started_at").first()
    assert failed.status == "failed" and failed.error == RECONNECT
    assert failed.counts["product"].unchanged > 0  # it was half-way through the items
    plugin = ShopPlugin.objects(shop_id=shop.id, name="taobao").get()
    assert plugin.health == "error" and RECONNECT in plugin.last_error
    assert not connected(connection_of(shop.id, "taobao"))  # the refused session is forgotten
    assert comparable(snapshot(db, shop.id)) == comparable(before)  # nothing delisted or lost

    reconnect(shop_plugins, shop, fake, fake.issue_session(), fake.seller.user_id)
    report = sync(shop_plugins, shop, kind="full")
    assert report.resumed == 1
    assert {k for k, d in snapshot(db, shop.id).items() if d["status"] != "active"} == {
        str(i) for i in ids[:3]
    }
    assert ShopPlugin.objects(shop_id=shop.id, name="taobao").get().health == "ok"


def test_a_shop_not_connected_is_told_to_connect(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("unconnected")
    connect(shop_plugins, shop, fake)
    OAuthConnection.objects(shop_id=shop.id).delete()
    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop)
    assert caught.value.code == "SOURCE_AUTH_EXPIRED"
    assert "Taobao is not connected: connect the shop" in str(caught.value)
    assert fake.calls == []


def test_a_wrong_app_secret_fails_like_production_with_a_clear_message(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("wrong-secret")
    connect(shop_plugins, shop, fake, secret="not-the-app-secret")
    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop)
    message = str(caught.value)
    assert "Taobao refused the request signature (code 25)" in message
    assert "check the app secret" in message and not caught.value.retryable
    assert fake.errors == [("taobao.sellercats.list.get", 25, "")]  # inside HTTP 200, as TOP
    assert fake.calls == [] and snapshot(db, shop.id) == {}
    state = SourceSyncState.objects(shop_id=shop.id, source="taobao").get()
    assert "check the app secret" in state.last_error


TMC_METHODS = (
    "taobao.tmc.user.permit",
    "taobao.tmc.group.add",
    "taobao.tmc.messages.consume",
    "taobao.tmc.messages.confirm",
)


def test_a_missing_permission_switches_that_part_off_with_a_notice_and_the_rest_syncs(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("no-trades")
    connect(shop_plugins, shop, fake)
    fake.deny("taobao.trades.sold.increment.get", *TMC_METHODS)
    fake.deny("taobao.promotionmisc.item.activity.list.get")

    report = sync(shop_plugins, shop)

    assert report.kind == "full" and report.status == "succeeded" and report.failed == 0
    assert len(snapshot(db, shop.id)) == 30 and snapshot(db, shop.id, "orders") == {}
    assert snapshot(db, shop.id, "promotions") == {}
    assert {(n.entity, n.code) for n in report.notices} == {
        ("order", "PERMISSION_MISSING"),
        ("promotion", "PERMISSION_MISSING"),
    }
    (orders,) = [n for n in report.notices if n.entity == "order"]
    assert "taobao.trades.sold.increment.get" in orders.message
    assert "isv.permission-api-package-limit" in orders.message
    run = SyncRun.objects(shop_id=shop.id).get()
    assert run.status == "succeeded" and {n.code for n in run.notices} == {"PERMISSION_MISSING"}
    state = SourceSyncState.objects(shop_id=shop.id, source="taobao").get()
    assert {n.entity for n in state.notices} == {"order", "promotion"}
    assert "order" not in state.watermarks and "product" in state.watermarks
    assert ShopPlugin.objects(shop_id=shop.id, name="taobao").get().health == "ok"

    # the next run is incremental; without TMC the changes are found by modified time
    ids = sorted(fake.seller.items)
    fake.update_item(ids[0], title="没有消息也能同步")
    again = sync(shop_plugins, shop)
    assert again.kind == "incremental" and again.status == "succeeded"
    assert again.products.updated_ids == [str(ids[0])]
    assert {n.entity for n in again.notices} == {"changes", "order", "promotion"}
    assert snapshot(db, shop.id)[str(ids[0])]["title"] == "没有消息也能同步"

    # permissions granted later are picked up by the next run, orders from scratch
    fake.grant("taobao.trades.sold.increment.get", "taobao.promotionmisc.item.activity.list.get")
    granted = sync(shop_plugins, shop)
    assert granted.kind == "incremental" and {n.entity for n in granted.notices} == {"changes"}
    assert set(snapshot(db, shop.id, "orders")) == {str(t) for t in fake.seller.trades}
    assert snapshot(db, shop.id, "promotions")
    state = SourceSyncState.objects(shop_id=shop.id, source="taobao").get()
    assert [n.entity for n in state.notices] == ["changes"] and "order" in state.watermarks


def test_the_seller_reads_the_notice_in_the_sync_status(
    client: GraphQLClient, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    client.sign_up("notices@example.com")
    shop_id = client.create_shop("notices")
    shop = Shop.objects(id=shop_id).get()
    connect(shop_plugins, shop, fake)
    fake.deny("taobao.trades.sold.increment.get")
    sync(shop_plugins, shop)

    data = client.data(
        """query($s: ID!) { shop(id: $s) { syncStatus { source lastError
          lastRun { status notices { entity code message } } } } }""",
        {"s": shop_id},
    )
    (status,) = data["shop"]["syncStatus"]
    assert status["lastError"] is None and status["lastRun"]["status"] == "SUCCEEDED"
    (notice,) = status["lastRun"]["notices"]
    assert notice["entity"] == "order" and notice["code"] == "PERMISSION_MISSING"
    assert "orders (sold trades) are not synced" in notice["message"]


# --- bad data and faults --------------------------------------------------------------------


def test_a_malformed_item_fails_alone_and_keeps_its_stored_copy(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("malformed")
    connect(shop_plugins, shop, fake)
    ids = sorted(fake.seller.items)
    fake.malform_item(ids[0], price="十九块九")
    fake.malform_item(ids[1], title=DELETE)
    fake.malform_item(ids[2], skus=[{"sku_id": 77, "price": "abc", "properties_name": ""}])
    fake.malform_item(ids[3], title="茶" * 3_500_000)  # a title of more than 10 MB

    report = sync(shop_plugins, shop)

    assert report.products.created == 26 and report.products.failed == 4
    reasons = {issue.reference: issue.reason for issue in report.issues}
    assert "price is not a price" in reasons[str(ids[0])]
    assert "title" in reasons[str(ids[1])]
    assert "SKU 77" in reasons[str(ids[2])]
    assert "title" in reasons[str(ids[3])]
    assert set(snapshot(db, shop.id)) == {str(i) for i in ids[4:]}

    stored = snapshot(db, shop.id)[str(ids[4])]
    fake.malform_item(ids[4], price=None)
    again = sync(shop_plugins, shop, kind="full")
    assert again.products.failed == 5
    assert snapshot(db, shop.id)[str(ids[4])] == stored  # kept as it was, not delisted


def test_broken_json_once_is_read_again(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("broken-json")
    connect(shop_plugins, shop, fake)
    fake.break_json_next(method="taobao.items.seller.list.get")
    report = sync(shop_plugins, shop)
    assert report.products.created == 30 and report.failed == 0
    assert len(fake.method_calls("taobao.items.seller.list.get")) == 3  # 20 + 10, one twice


def test_call_limits_are_waited_out_for_every_worker(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("throttled")
    connect(shop_plugins, shop, fake)
    fake.throttle(4, ban_seconds=1)
    source = source_of(shop_plugins, shop, "products", "categories")
    report = run_sync(shop, source, kind="full")
    assert report.products.created == 30 and report.failed == 0
    assert any(code == 7 for _, code, _ in fake.errors)
    assert fake.refused_during_bans == 0  # no call while a ban was on
    stored = db[COLLECTION].find_one({"_id": f"taobao:{fake.app_key}"})
    assert stored is not None and stored["blocked_until"] > 0  # told to every worker


def test_a_long_ban_stops_the_sync_to_be_retried_later(
    db: RawDatabase, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("banned")
    connect(shop_plugins, shop, fake)
    fake.throttle(1, ban_seconds=300)
    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop)
    assert caught.value.code == "SOURCE_RATE_LIMITED" and caught.value.retryable
    assert caught.value.retry_after == 300
    assert "limiting how fast" in str(caught.value)


def test_twenty_announced_bans_in_a_row_are_waited_out_and_the_job_finishes(
    db: RawDatabase, services: Services, shop_plugins: ShopPlugins, fake: TaobaoFake
) -> None:
    shop = new_shop("many-bans")
    connect(shop_plugins, shop, fake)
    fake.ban_next(20, seconds=0.2)  # twenty code-7 answers, each announcing its ban
    worker = Worker(db, {CATALOG_SYNC: catalog_sync_handler(services)}, backoff=Backoff(0.01))
    job_id = start_catalog_sync(db, ObjectId(shop.id), "taobao", "full")

    deadline = time.monotonic() + 60
    job = get_job(db, ObjectId(shop.id), job_id)
    while job is not None and not job.finished and time.monotonic() < deadline:
        if not worker.run_once():
            time.sleep(0.02)
        job = get_job(db, ObjectId(shop.id), job_id)

    assert job is not None and job.state is JobState.SUCCEEDED, job
    assert job.attempts == 1 and job.max_attempts < 20  # the waits used up no attempt
    assert not fake.scripted_bans and fake.refused_during_bans == 0
    assert [code for _, code, _ in fake.errors].count(7) == 20
    waits = [e.message for e in job.errors]
    assert waits == [] or all("Taobao's call limit" in m for m in waits)
    assert len(snapshot(db, shop.id)) == 30
    run = SyncRun.objects(shop_id=shop.id).get()  # one run, resumed after each wait
    assert run.status == "succeeded" and run.resumed >= 4


# --- resuming -------------------------------------------------------------------------------


def wait_for_products(
    db: RawDatabase, shop: Shop, count: int, child: subprocess.Popen[bytes]
) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        run = SyncRun.objects(shop_id=shop.id, status="running").first()
        if run is not None and (run.checkpoints or {}).get("product"):
            stored = db["products"].count_documents({"shop_id": shop.id})
            if stored >= count:
                return
        assert child.poll() is None, "the sync finished before it could be killed"
        time.sleep(0.01)
    raise AssertionError("the child never got half-way")


def test_a_killed_sync_resumes_and_ends_like_an_uninterrupted_one(
    db: RawDatabase, shop_plugins: ShopPlugins, mongo_uri: str, database_name: str
) -> None:
    with TaobaoFake(items=120, skus=3, trades=5, base_time=recent()) as fake:
        killed, control = new_shop("killed"), new_shop("control")
        for shop in (killed, control):
            connect(shop_plugins, shop, fake)
        ids = sorted(fake.seller.items)
        fake.delist(ids[7])
        fake.update_item(ids[8], title="改过的标题")
        fake.latency["taobao.items.seller.list.get"] = 0.15
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.taobao_sync_child",
                *(mongo_uri, database_name, str(killed.id), "10"),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            wait_for_products(db, killed, 40, child)
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
        interrupted = SyncRun.objects(shop_id=killed.id).get()
        assert interrupted.status == "running"
        token = interrupted.checkpoints["product"]
        assert token.startswith("onsale|")
        half = db["products"].count_documents({"shop_id": killed.id})
        assert 40 <= half < 120
        fake.latency.clear()
        listed_before = len(fake.method_calls("taobao.items.onsale.get"))

        report = run_sync(killed, source_of(shop_plugins, killed), lease=timedelta(0))
        sync(shop_plugins, control, kind="full")

        assert report.resumed == 1 and report.run_id == str(interrupted.id)
        resumed_listing = fake.method_calls("taobao.items.onsale.get")[listed_before]
        assert resumed_listing["start_modified"] == token.split("|")[1]
        assert comparable(snapshot(db, killed.id)) == comparable(snapshot(db, control.id))
        assert len(snapshot(db, killed.id)) == 120
        assert snapshot(db, killed.id)[str(ids[7])]["status"] == "delisted"
        for collection in ("categories", "promotions", "orders"):
            assert comparable(snapshot(db, killed.id, collection)) == comparable(
                snapshot(db, control.id, collection)
            )


def test_a_killed_sync_resumes_inside_a_second_shared_by_hundreds_of_items(
    db: RawDatabase, shop_plugins: ShopPlugins, mongo_uri: str, database_name: str
) -> None:
    with TaobaoFake(items=300, skus=1, trades=0, base_time=recent()) as fake:
        bulk_edit = top_time(recent() - timedelta(minutes=30))
        for item in fake.seller.items.values():  # a bulk edit: one modified second for all
            item["modified"] = bulk_edit
        killed, control = new_shop("same-second"), new_shop("same-second-control")
        for shop in (killed, control):
            connect(shop_plugins, shop, fake)
        fake.latency["taobao.items.seller.list.get"] = 0.1
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.taobao_sync_child",
                *(mongo_uri, database_name, str(killed.id), "20", "1.0", "7"),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            wait_for_products(db, killed, 150, child)
            while True:  # kill it with items stored after its last checkpoint
                run = SyncRun.objects(shop_id=killed.id).get()
                counted = run.counts["product"].created if "product" in run.counts else 0
                if db["products"].count_documents({"shop_id": killed.id}) > counted:
                    break
                time.sleep(0.005)
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
        fake.latency.clear()
        token = SyncRun.objects(shop_id=killed.id).get().checkpoints["product"]
        assert token.startswith(f"onsale|{bulk_edit}|")  # the position inside that second
        stored_before = db["products"].count_documents({"shop_id": killed.id})
        reading = (
            "taobao.items.onsale.get",
            "taobao.items.inventory.get",
            "taobao.items.seller.list.get",
        )

        def calls_during(run: Callable[[], SyncReport]) -> tuple[int, SyncReport]:
            before = len(fake.calls_of(fake.seller.user_id))
            result = run()
            made = fake.calls_of(fake.seller.user_id)[before:]
            return len([c for c in made if c.method in reading]), result

        resumed_calls, report = calls_during(
            lambda: run_sync(
                killed,
                source_of(shop_plugins, killed, "products"),
                lease=timedelta(0),
                batch_size=20,
            )
        )
        full_calls, full = calls_during(
            lambda: run_sync(control, source_of(shop_plugins, control, "products"), kind="full")
        )

    assert report.resumed == 1 and full.products.created == 300
    assert len(snapshot(db, killed.id)) == 300
    assert comparable(snapshot(db, killed.id)) == comparable(snapshot(db, control.id))
    assert resumed_calls < full_calls  # it went on inside the second, not from its start
    remaining_pages = -(-(300 - stored_before) // 20)
    assert resumed_calls <= 2 * remaining_pages + 6
    counts = report.products
    assert counts.created + counts.updated + counts.unchanged == 300, counts.counts()
    assert counts.created == 300 and counts.failed == 0  # the whole run, counted once


# --- the shared call budget -----------------------------------------------------------------


def test_two_shops_syncing_at_once_share_the_apps_budget_fairly(
    db: RawDatabase, shop_plugins: ShopPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    rate, burst = 25.0, 2
    with TaobaoFake(items=300, skus=1, trades=0, base_time=recent()) as fake:
        small = fake.add_seller(*SECOND_SELLER, items=40, skus=1, trades=0)
        big_shop, small_shop = new_shop("big"), new_shop("small")
        connect(shop_plugins, big_shop, fake, calls_per_second=rate, burst=burst)
        connect(
            shop_plugins,
            small_shop,
            fake,
            user_id=small.user_id,
            calls_per_second=rate,
            burst=burst,
        )
        monkeypatch.setattr(TaobaoSource, "page_size", 10)
        reports: dict[str, SyncReport] = {}

        def run(shop: Shop) -> None:
            reports[shop.slug] = run_sync(shop, source_of(shop_plugins, shop, "products"))

        big = threading.Thread(target=run, args=(big_shop,))
        big.start()
        deadline = time.monotonic() + 20
        while len(fake.calls_of(fake.seller.user_id)) < 10 and time.monotonic() < deadline:
            time.sleep(0.01)
        little = threading.Thread(target=run, args=(small_shop,))
        little.start()
        little.join(timeout=60)
        big.join(timeout=60)

    assert reports["big"].products.created == 300 and reports["small"].products.created == 40
    big_calls = [c.at for c in fake.calls_of(fake.seller.user_id)]
    small_calls = [c.at for c in fake.calls_of(small.user_id)]
    assert min(small_calls) > min(big_calls) and max(small_calls) < max(big_calls)
    during = [t for t in big_calls if min(small_calls) <= t <= max(small_calls)]
    assert len(small_calls) >= 0.6 * len(during)  # about half each, while both sync
    every = sorted(c.at for c in fake.timeline)
    for index, start in enumerate(every):
        in_window = sum(1 for t in every[index:] if t < start + 1.0)
        assert in_window <= rate + burst + 1  # the app's budget held
