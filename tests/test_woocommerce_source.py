"""The WooCommerce source end to end: the registered plugin, the real sync engine and the real
webhook route, against the loopback WooCommerce fake over real sockets.

Full and incremental syncs of products and variations, resuming from a page checkpoint,
refused keys, bad product data, signed webhooks (applied once and in order, the creation ping
answered), forged webhooks refused, and shop isolation.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from bson import Decimal128
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop, SourceSyncState, SyncRun
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.sources import Checkpoint, EntityKind, ProductRecord, RejectedRecord
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.woocommerce import source as woo_source
from cloudcat.plugins.woocommerce.errors import WooCommerceError
from cloudcat.plugins.woocommerce.source import WooCommerceConfig, WooCommerceSource, is_loopback
from tests.catalog_checks import assert_failed_alone, catalog_writes, snapshot
from tests.conftest import make_shop
from tests.fakes.deliveries import SentDelivery, WebhookDelivery, send_sequence
from tests.fakes.server import FakeRequest, FakeResponse
from tests.fakes.woocommerce import API, WooCommerceFake, signature

SOURCE = "woocommerce"


class RevokingFake(WooCommerceFake):
    """A WooCommerce site whose seller revokes the API key while page `revoke_at_page` of the
    product listing is asked for."""

    revoke_at_page: int | None = None

    def handle(self, request: FakeRequest) -> FakeResponse:
        page = request.query.get("page", ["1"])[-1]
        if request.path == f"{API}/products" and self.revoke_at_page == int(page):
            self.revoke_at_page = None
            for key, state in list(self.keys.items()):
                if not state.revoked:
                    self.revoke_key(key)
        return super().handle(request)


@pytest.fixture
def fake() -> Iterator[RevokingFake]:
    with RevokingFake(products=30, seed=11) as server:
        yield server


@pytest.fixture
def client(settings: Settings, services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(settings, services)) as http:
        yield http


def connect(services: Services, slug: str, fake: WooCommerceFake) -> Shop:
    """A new shop with the WooCommerce source configured for `fake` and enabled."""
    shop = make_shop(slug, slug)
    services.shop_plugins.configure(
        shop.id,
        SOURCE,
        {"site_url": fake.base_url, "consumer_key": fake.consumer_key},
        {"consumer_secret": fake.consumer_secret, "webhook_secret": fake.webhook_secret},
    )
    services.shop_plugins.set_enabled(shop.id, SOURCE, True)
    return shop


@pytest.fixture
def shop(services: Services, fake: WooCommerceFake) -> Shop:
    return connect(services, "tea-house", fake)


def sync(services: Services, shop: Shop, kind: str | None = None) -> SyncReport:
    return run_source_sync(services.shop_plugins, shop, SOURCE, kind=kind, checkpoint_interval=0)


def product_requests(fake: WooCommerceFake) -> list[FakeRequest]:
    with fake.lock:
        return [r for r in fake.requests if r.path == f"{API}/products"]


def simple_ids(fake: WooCommerceFake) -> list[int]:
    return [p for p in fake.product_ids() if fake.products[p]["type"] == "simple"]


def deliver(client: TestClient, shop: Shop, delivery: WebhookDelivery) -> Any:
    return client.post(
        f"/webhooks/{SOURCE}/{shop.id}", content=delivery.body, headers=delivery.headers
    )


def money(value: Any) -> Decimal:
    assert isinstance(value, Decimal128)
    return value.to_decimal()


# --- syncing -------------------------------------------------------------------------------


def test_a_full_sync_stores_products_and_variations_with_exact_prices(
    services: Services, shop: Shop, fake: WooCommerceFake, db: RawDatabase
) -> None:
    report = sync(services, shop)

    ids = fake.product_ids()
    stored = snapshot(db, shop.id)
    assert report.kind == "full" and report.failed == 0
    assert report.products.created == len(ids) and report.expected["product"] == len(ids)
    assert set(stored) == {str(pid) for pid in ids}
    variable = fake.variable_ids()[0]
    doc, variations = stored[str(variable)], fake.variations_of(variable)
    assert doc["currency"] == "CNY" and doc["source"] == SOURCE
    assert [v["external_id"] for v in doc["variants"]] == [str(v["id"]) for v in variations]
    for kept, given in zip(doc["variants"], variations, strict=True):
        assert money(kept["price"]) == Decimal(given["price"])
        assert {o["name"]: o["value"] for o in kept["options"]} == {
            a["name"]: a["option"] for a in given["attributes"]
        }
        assert kept["stock"] == given["stock_quantity"] and kept["sku"] == given["sku"]
        if given["sale_price"]:
            assert money(kept["compare_at_price"]) == Decimal(given["regular_price"])
        else:
            assert kept.get("compare_at_price") is None
    assert money(doc["price"]) == min(Decimal(v["price"]) for v in variations)
    assert doc["stock"] == sum(v["stock_quantity"] for v in variations)
    simple = fake.product(simple_ids(fake)[0])
    kept = stored[str(simple["id"])]
    assert money(kept["price"]) == Decimal(simple["price"]) and kept["variants"] == []
    assert kept["stock"] == simple["stock_quantity"] and kept["url"] == simple["permalink"]
    drafts = [p for p in ids if fake.products[p]["status"] == "draft"]
    assert drafts and all(stored[str(p)]["status"] == "delisted" for p in drafts)

    writes = catalog_writes(db)
    again = sync(services, shop, "full")
    assert again.products.unchanged == len(ids) and catalog_writes(db) == writes


def test_an_incremental_sync_asks_for_products_modified_since_in_gmt(
    services: Services, shop: Shop, fake: WooCommerceFake, db: RawDatabase
) -> None:
    sync(services, shop)
    simple, variable = simple_ids(fake)[0], fake.variable_ids()[0]
    fake.update_product(simple, name="明前龙井 Longjing 2026", regular_price="66.00", price="66.00")
    fake.update_variation(variable, 0, price="9.90", regular_price="9.90", sale_price="")
    first = len(product_requests(fake))

    report = sync(services, shop)

    assert report.kind == "incremental"
    assert report.products.updated == 2 and report.products.read == 2
    (listing,) = product_requests(fake)[first:]
    assert listing.query["dates_are_gmt"] == ["true"] and "modified_after" in listing.query
    stored = snapshot(db, shop.id)
    assert stored[str(simple)]["title"] == "明前龙井 Longjing 2026"
    assert money(stored[str(simple)]["price"]) == Decimal("66.00")
    assert money(stored[str(variable)]["variants"][0]["price"]) == Decimal("9.90")
    assert money(stored[str(variable)]["price_min"]) == Decimal("9.90")


def test_a_sync_stopped_by_a_revoked_key_resumes_from_its_page_with_a_new_key(
    services: Services,
    shop: Shop,
    fake: RevokingFake,
    db: RawDatabase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(woo_source, "PAGE_SIZE", 7)
    fake.revoke_at_page = 3

    with pytest.raises(SyncFailed) as stopped:
        sync(services, shop)

    assert stopped.value.code == "SOURCE_AUTH_EXPIRED" and not stopped.value.retryable
    assert "create a new read key" in str(stopped.value)
    state = SourceSyncState.objects(shop_id=shop.id, source=SOURCE).get()
    assert "create a new read key" in (state.last_error or "")
    assert len(snapshot(db, shop.id)) == 14  # the two pages read before
    key, secret = fake.issue_key()
    services.shop_plugins.configure(
        shop.id,
        SOURCE,
        {"site_url": fake.base_url, "consumer_key": key},
        {"consumer_secret": secret},
    )
    before = len(product_requests(fake))

    report = sync(services, shop)

    assert report.resumed == 1 and report.kind == "full"
    pages = [r.query["page"][-1] for r in product_requests(fake)[before:]]
    assert pages[0] == "2"  # asked again (for products deletions shifted onto it), then the rest
    assert set(snapshot(db, shop.id)) == {str(pid) for pid in fake.product_ids()}
    assert all(doc["status"] in ("active", "delisted") for doc in snapshot(db, shop.id).values())


def test_a_revoked_key_asks_for_a_new_one_and_keeps_the_catalog(
    services: Services, shop: Shop, fake: WooCommerceFake, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    fake.revoke_key(fake.consumer_key)

    with pytest.raises(SyncFailed) as stopped:
        sync(services, shop, "full")

    assert stopped.value.code == "SOURCE_AUTH_EXPIRED"
    state = SourceSyncState.objects(shop_id=shop.id, source=SOURCE).get()
    assert state.last_run_status == "failed"
    assert "refused the API keys" in (state.last_error or "")
    assert "create a new read key" in (state.last_error or "")
    assert snapshot(db, shop.id) == before


def test_bad_products_fail_alone_and_keep_their_stored_copy(
    services: Services, shop: Shop, fake: WooCommerceFake, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    simple, variable = simple_ids(fake), fake.variable_ids()
    broken = {
        simple[0]: ("price", "not an amount of money"),
        simple[1]: ("name", "has no name"),
        variable[0]: ("huge_name", "characters"),
        variable[1]: ("no_variations", "has no variation"),
    }
    for pid, (kind, _) in broken.items():
        fake.corrupt_product(pid, kind)

    report = sync(services, shop, "full")

    reasons = {str(pid): reason for pid, (_, reason) in broken.items()}
    assert_failed_alone(report, before, snapshot(db, shop.id), reasons, len(fake.product_ids()))


def test_the_site_must_be_https_unless_it_is_this_machine(
    services: Services, shop: Shop, fake: WooCommerceFake
) -> None:
    assert is_loopback("http://127.0.0.1:8080") and is_loopback("http://localhost/shop")
    assert not is_loopback("http://shop.example.com") and not is_loopback("http://10.0.0.1")
    config = WooCommerceConfig.model_validate(
        {"site_url": "http://shop.example.com", "consumer_key": "ck", "consumer_secret": "cs"}
    )
    built = services.shop_plugins.provider(shop, SOURCE)
    assert isinstance(built, WooCommerceSource)
    built.config = config
    with pytest.raises(WooCommerceError, match="is not HTTPS"):
        built.client()


# --- webhooks ------------------------------------------------------------------------------


def test_a_signed_product_update_is_applied_once_and_never_undone_by_an_older_one(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    pid = simple_ids(fake)[0]
    fake.update_product(pid, name="第一版 First", regular_price="30.00", price="30.00")
    older = fake.webhook("product.updated", pid)
    fake.update_product(pid, name="第二版 Second", regular_price="35.00", price="35.00")
    newer = fake.webhook("product.updated", pid)

    url = f"/webhooks/{SOURCE}/{shop.id}"

    def post(target: str, delivery: WebhookDelivery) -> SentDelivery:
        response = client.post(target, content=delivery.body, headers=delivery.headers)
        return SentDelivery(delivery, response.status_code)

    (first,) = send_sequence(url, [older, newer], [1], sender=post)
    revision = snapshot(db, shop.id)[str(pid)]["revision"]
    later = send_sequence(url, [older, newer], [1, 0], sender=post)

    assert [s.status for s in [first, *later]] == [200, 200, 200]
    stored = snapshot(db, shop.id)[str(pid)]
    assert stored["title"] == "第二版 Second" and money(stored["price"]) == Decimal("35.00")
    assert stored["revision"] == revision
    runs = SyncRun.objects(shop_id=shop.id, kind="changes")
    assert runs.count() == 1 and runs.first().trigger == "webhook"

    requests_before = len(fake.requests)
    repeat = deliver(client, shop, newer)
    assert repeat.json() == {"applied": 1, "changed": 0, "failed": 0}
    assert len(fake.requests) == requests_before  # a simple product's payload is enough


def test_a_deletion_wins_over_an_older_update_delivered_after_it(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    pid = simple_ids(fake)[1]
    update = fake.webhook("product.updated", pid)
    fake.delete_product(pid)

    gone = deliver(client, shop, fake.webhook_for("product.deleted", {"id": pid}))
    late = deliver(client, shop, update)

    assert gone.json()["changed"] == 1 and late.json()["changed"] == 0
    assert snapshot(db, shop.id)[str(pid)]["status"] == "deleted"


def test_a_variable_product_is_read_again_and_the_ping_changes_nothing(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    writes = catalog_writes(db)

    ping = deliver(client, shop, fake.ping())

    assert ping.status_code == 200 and ping.json() == {"applied": 0, "changed": 0, "failed": 0}
    assert catalog_writes(db) == writes and SyncRun.objects(kind="changes").count() == 0
    pid = fake.variable_ids()[2]
    fake.update_variation(pid, 1, price="1.50", regular_price="1.50", sale_price="")
    answer = deliver(client, shop, fake.webhook("product.updated", pid))
    assert answer.json() == {"applied": 1, "changed": 1, "failed": 0}
    assert any(r.path == f"{API}/products/{pid}" for r in fake.requests)
    stored = snapshot(db, shop.id)[str(pid)]
    assert money(stored["variants"][1]["price"]) == Decimal("1.50")


def test_webhooks_before_the_first_sync_read_the_product_from_the_api(
    shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    pid = simple_ids(fake)[0]
    answer = deliver(client, shop, fake.webhook("product.created", pid))
    assert answer.json() == {"applied": 1, "changed": 1, "failed": 0}
    assert snapshot(db, shop.id)[str(pid)]["currency"] == "CNY"


def test_forged_and_altered_deliveries_are_refused_and_change_nothing(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    pid = simple_ids(fake)[0]
    fake.update_product(pid, name="Real", regular_price="10.00", price="10.00")
    genuine = fake.webhook("product.updated", pid)
    before, writes = snapshot(db, shop.id), catalog_writes(db)
    forgeries = [
        genuine.altered(genuine.body.replace(b'"10.00"', b'"0.01"')),
        genuine.with_header("X-WC-Webhook-Signature", "c2lnbmF0dXJl"),
        genuine.without_header("X-WC-Webhook-Signature"),
        genuine.with_header("X-WC-Webhook-Signature", signature("someone-else", genuine.body)),
    ]

    for forged in forgeries:
        answer = deliver(client, shop, forged)
        assert answer.status_code == 401, forged.headers
        assert answer.json()["error"]["code"] == "WEBHOOK_REJECTED"

    assert snapshot(db, shop.id) == before and catalog_writes(db) == writes
    assert deliver(client, shop, genuine).json()["changed"] == 1


def test_an_authentic_delivery_that_cannot_be_read_is_recorded_as_failed(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    broken = fake.webhook_for("product.updated", {"id": 1})
    broken = broken.altered(b'{"id": 1, "name": ')
    broken = broken.with_header(
        "X-WC-Webhook-Signature", signature(fake.webhook_secret, broken.body)
    )
    no_id = fake.webhook_for("product.updated", {})
    pid = simple_ids(fake)[0]
    bad_price = {**fake.product(pid), "price": "12,80", "date_modified_gmt": "2030-01-01T00:00:00"}

    answers = [
        deliver(client, shop, broken),
        deliver(client, shop, no_id),
        deliver(client, shop, fake.webhook_for("product.updated", bad_price)),
    ]

    assert [a.json()["failed"] for a in answers] == [1, 1, 1]
    assert snapshot(db, shop.id) == before


# --- shops ---------------------------------------------------------------------------------


def test_shops_never_touch_each_other(
    services: Services, shop: Shop, fake: WooCommerceFake, client: TestClient, db: RawDatabase
) -> None:
    with WooCommerceFake(products=12, seed=3, webhook_secret="whsec-other-site") as other_site:
        other = connect(services, "silk-house", other_site)
        sync(services, shop)
        sync(services, other)
        mine, theirs = snapshot(db, shop.id), snapshot(db, other.id)
        pid = simple_ids(other_site)[0]
        other_site.update_product(pid, name="Only theirs", regular_price="5.00", price="5.00")
        delivery = other_site.webhook("product.updated", pid)

        refused = deliver(client, shop, delivery)
        accepted = client.post(
            f"/webhooks/{SOURCE}/{other.id}", content=delivery.body, headers=delivery.headers
        )
        other_site.revoke_key(other_site.consumer_key)
        with pytest.raises(SyncFailed):
            sync(services, other, "full")
        report = sync(services, shop, "full")

    assert refused.status_code == 401 and accepted.json()["changed"] == 1
    assert snapshot(db, shop.id) == mine and report.products.unchanged == len(mine)
    assert snapshot(db, other.id)[str(pid)]["title"] == "Only theirs"
    assert set(snapshot(db, other.id)) == set(theirs)
    assert SourceSyncState.objects(shop_id=shop.id).get().last_error is None


def test_fetch_reads_products_by_id_and_reports_the_gone_ones(
    services: Services, shop: Shop, fake: WooCommerceFake
) -> None:
    built = services.shop_plugins.provider(shop, SOURCE)
    assert isinstance(built, WooCommerceSource)
    pid, gone = fake.product_ids()[:2]
    fake.delete_product(gone)

    items = list(built.fetch(EntityKind.PRODUCT, [str(pid), str(gone), "abc"]))

    assert [type(i).__name__ for i in items] == ["ProductRecord", "Deleted", "RejectedRecord"]
    assert list(built.fetch(EntityKind.ORDER, ["1"])) == []
    product = items[0]
    assert isinstance(product, ProductRecord)
    assert product.modified_at is not None and product.modified_at < datetime.now(UTC)


def listed(source: WooCommerceSource, checkpoint: str | None = None) -> list[Any]:
    """What a full product listing yields (resumed at `checkpoint`)."""
    return list(source.iter_products(since=None, checkpoint=checkpoint))


def product_refs(items: list[Any]) -> list[str]:
    """The ids of the products (records and rejections) in `items`, in order."""
    return [
        item.external_id if isinstance(item, ProductRecord) else item.reference
        for item in items
        if isinstance(item, ProductRecord | RejectedRecord)
    ]


def test_a_resume_starts_after_its_checkpoint_even_when_products_were_deleted_before_it(
    services: Services, shop: Shop, fake: WooCommerceFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(woo_source, "PAGE_SIZE", 7)
    built = services.shop_plugins.provider(shop, SOURCE)
    assert isinstance(built, WooCommerceSource)
    ids = [str(pid) for pid in fake.product_ids()]
    items = listed(built)
    assert product_refs(items) == ids
    tokens = [item.token for item in items if isinstance(item, Checkpoint)]
    assert tokens[:2] == [f"2:{ids[6]}", f"3:{ids[13]}"]  # the next page, the last id read

    assert product_refs(listed(built, tokens[1])) == ids[14:]  # nothing of pages 1-2 again
    fake.delete_product(int(ids[0]))  # two products of page 1 go: page 3's first two
    fake.delete_product(int(ids[8]))  # products move onto page 2
    before = len(product_requests(fake))
    assert product_refs(listed(built, tokens[1])) == ids[14:]  # and are not lost
    pages = [r.query["page"][-1] for r in product_requests(fake)[before:]]
    assert pages[:2] == ["2", "3"]


def test_a_checkpoint_of_the_earlier_page_tokens_still_reads_that_page_again(
    services: Services, shop: Shop, fake: WooCommerceFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(woo_source, "PAGE_SIZE", 7)
    built = services.shop_plugins.provider(shop, SOURCE)
    assert isinstance(built, WooCommerceSource)
    ids = [str(pid) for pid in fake.product_ids()]
    assert product_refs(listed(built, "2")) == ids[7:]  # a stored "2": page 2 was the last read
    assert product_refs(listed(built, "not-a-token")) == ids  # unknown: from the start
