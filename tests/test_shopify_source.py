"""The Shopify source end to end: the registered plugin, the real sync engine, the real webhook
route and the real OAuth callback, against the loopback Shopify fake over real sockets.

Connecting a shop (the seller's browser on the fake's authorization page, a signed callback,
tokens stored encrypted and refreshed), full and incremental syncs by cursor pages, resuming
after a refused token, throttling waited out, bad product data, signed webhooks applied once and
in order, forged ones refused, the app uninstalled, and shop isolation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests
from bson import Decimal128
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import OAuthConnection, Shop, SourceSyncState, SyncRun
from cloudcat.core.documents.base import utcnow
from cloudcat.core.oauth import OAuthFlows, TokenSet
from cloudcat.core.secrets import SecretBox
from cloudcat.core.services import Services
from cloudcat.core.sources import EntityKind, SourceRateLimited
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.shopify.errors import ShopifyThrottled
from cloudcat.plugins.shopify.oauth import ShopifyOAuth
from cloudcat.plugins.shopify.source import SCOPES, ShopifySource
from tests.catalog_checks import assert_failed_alone, catalog_writes, snapshot
from tests.conftest import TEST_SECRET_KEY, make_shop
from tests.fakes.deliveries import SentDelivery, WebhookDelivery, send_sequence
from tests.fakes.server import FakeRequest, FakeResponse
from tests.fakes.shopify import ShopifyFake, webhook_signature
from tests.graphql_client import GraphQLClient

SOURCE = "shopify"
CALLBACK = f"http://testserver/oauth/{SOURCE}/callback"
START = "mutation($s: ID!, $p: String!) { startAuthorization(shopId: $s, plugin: $p) { url } }"
PLUGINS = (
    "query($s: ID!) { shop(id: $s) { plugins { name connected accountName health lastError } } }"
)
CONFIGURE = "mutation($s: ID!, $n: String!, $c: JSON!, $x: JSON) { configurePlugin(shopId: $s, name: $n, config: $c, secrets: $x) { name } }"


class RevokingFake(ShopifyFake):
    """A Shopify shop whose merchant revokes the app's token when the products query number
    `revoke_at_query` (1-based) arrives."""

    revoke_at_query: int | None = None
    product_queries = 0

    def handle(self, request: FakeRequest) -> FakeResponse:
        if request.path.endswith("/graphql.json") and b"CloudCatProducts(" in request.body:
            self.product_queries += 1
            if self.product_queries == self.revoke_at_query:
                for token in list(self.tokens):
                    self.revoke_token(token)
        return super().handle(request)


@pytest.fixture
def fake() -> Iterator[RevokingFake]:
    with RevokingFake(products=30, redirect_uris=[CALLBACK], restore_rate=1000.0) as server:
        yield server


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    with TestClient(app) as http:
        yield http


def config_of(fake: ShopifyFake) -> dict[str, Any]:
    return {"shop": fake.shop, "client_id": fake.client_id, "endpoint": fake.base_url}


def connect(services: Services, slug: str, fake: ShopifyFake, token: str | None = None) -> Shop:
    """A new shop with the Shopify source configured for `fake`, enabled and authorized."""
    shop = make_shop(slug, slug)
    services.shop_plugins.configure(
        shop.id, SOURCE, config_of(fake), {"client_secret": fake.client_secret}
    )
    services.shop_plugins.set_enabled(shop.id, SOURCE, True)
    authorize(services, shop, token or fake.access_token)
    return shop


def authorize(services: Services, shop: Shop, token: str) -> None:
    OAuthFlows(services.shop_plugins).store(shop.id, SOURCE, TokenSet(access_token=token))


@pytest.fixture
def shop(services: Services, fake: ShopifyFake) -> Shop:
    return connect(services, "tea-house", fake)


def sync(services: Services, shop: Shop, kind: str | None = None) -> SyncReport:
    return run_source_sync(services.shop_plugins, shop, SOURCE, kind=kind, checkpoint_interval=0)


def deliver(client: TestClient, shop: Shop, delivery: WebhookDelivery) -> Any:
    return client.post(
        f"/webhooks/{SOURCE}/{shop.id}", content=delivery.body, headers=delivery.headers
    )


def money(value: Any) -> Decimal:
    assert isinstance(value, Decimal128)
    return value.to_decimal()


def product_calls(fake: ShopifyFake) -> list[dict[str, Any]]:
    """The variables of every products query the fake answered."""
    with fake.lock:
        bodies = [json.loads(c.request.body) for c in fake.calls]
    return [b.get("variables") or {} for b in bodies if "CloudCatProducts(" in b["query"]]


def multi_variant(fake: ShopifyFake) -> int:
    return next(n for n in fake.product_ids() if len(fake.product(n)["_variants"]) > 2)


# --- syncing -------------------------------------------------------------------------------


def test_a_full_sync_stores_products_and_variants_with_exact_prices(
    services: Services, shop: Shop, fake: ShopifyFake, db: RawDatabase
) -> None:
    report = sync(services, shop)

    numbers = fake.product_ids()
    stored = snapshot(db, shop.id)
    assert report.kind == "full" and report.failed == 0
    assert report.products.created == len(numbers) and report.expected["product"] == len(numbers)
    assert set(stored) == {str(n) for n in numbers}
    number = multi_variant(fake)
    given, doc = fake.product(number), stored[str(number)]
    assert doc["currency"] == "CNY" and doc["description"] == given["descriptionHtml"]
    assert doc["url"] == f"https://{fake.shop}/products/{given['handle']}"
    assert doc["image_urls"] == [m["image"]["url"] for m in given["_media"]]
    for kept, variant in zip(doc["variants"], given["_variants"], strict=True):
        assert kept["external_id"] == variant["legacyResourceId"]
        assert money(kept["price"]) == Decimal(variant["price"])
        assert {o["name"]: o["value"] for o in kept["options"]} == {
            o["name"]: o["value"] for o in variant["selectedOptions"]
        }
        assert kept["stock"] == variant["inventoryQuantity"] and kept["sku"] == variant["sku"]
        assert kept["barcode"] == variant["barcode"]
        if variant["compareAtPrice"]:
            assert money(kept["compare_at_price"]) == Decimal(variant["compareAtPrice"])
    assert money(doc["price"]) == min(Decimal(v["price"]) for v in given["_variants"])
    assert doc["stock"] == sum(v["inventoryQuantity"] for v in given["_variants"])
    drafts = [n for n in numbers if fake.product(n)["status"] == "DRAFT"]
    assert drafts and all(stored[str(n)]["status"] == "delisted" for n in drafts)
    assert all(stored[str(n)]["url"] == "" for n in drafts)

    writes = catalog_writes(db)
    again = sync(services, shop, "full")
    assert again.products.unchanged == len(numbers) and catalog_writes(db) == writes


def test_an_incremental_sync_asks_for_products_updated_since(
    services: Services, shop: Shop, fake: ShopifyFake, db: RawDatabase
) -> None:
    sync(services, shop)
    first, second = fake.product_ids()[3], multi_variant(fake)
    fake.update_product(first, title="明前龙井 Longjing 2026")
    fake.update_variant(second, 2, price="9.90", compareAtPrice="19.90", inventoryQuantity=4)
    calls = len(product_calls(fake))

    report = sync(services, shop)

    assert report.kind == "incremental"
    assert report.products.updated == 2 and report.products.read == 2
    (listing,) = product_calls(fake)[calls:]
    assert listing["query"].startswith("updated_at:>='") and listing["sortKey"] == "UPDATED_AT"
    stored = snapshot(db, shop.id)
    assert stored[str(first)]["title"] == "明前龙井 Longjing 2026"
    variant = stored[str(second)]["variants"][1]
    assert money(variant["price"]) == Decimal("9.90") and variant["stock"] == 4
    assert money(variant["compare_at_price"]) == Decimal("19.90")


def test_a_revoked_token_asks_to_reconnect_and_a_new_one_resumes_from_the_cursor(
    services: Services, shop: Shop, fake: RevokingFake, db: RawDatabase
) -> None:
    fake.revoke_at_query = 2

    with pytest.raises(SyncFailed) as stopped:
        sync(services, shop)

    assert stopped.value.code == "SOURCE_AUTH_EXPIRED" and not stopped.value.retryable
    state = SourceSyncState.objects(shop_id=shop.id, source=SOURCE).get()
    assert "reconnect the shop" in (state.last_error or "")
    stored = snapshot(db, shop.id)
    assert 0 < len(stored) < len(fake.product_ids())
    run = SyncRun.objects(shop_id=shop.id).get()
    cursor = run.checkpoints["product"]
    authorize(services, shop, fake.issue_token())
    calls = len(product_calls(fake))

    report = sync(services, shop)

    assert report.resumed == 1 and report.run_id == str(run.id)
    assert product_calls(fake)[calls]["after"] == cursor
    assert set(snapshot(db, shop.id)) == {str(n) for n in fake.product_ids()}
    assert report.products.created == len(fake.product_ids())  # the first part counts too
    assert {k: snapshot(db, shop.id)[k] for k in stored} == stored


def test_a_revoked_token_keeps_the_catalog_and_says_reconnect(
    services: Services, shop: Shop, fake: ShopifyFake, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    fake.revoke_token(fake.access_token)

    with pytest.raises(SyncFailed) as stopped:
        sync(services, shop, "full")

    assert "reconnect the shop" in str(stopped.value)
    state = SourceSyncState.objects(shop_id=shop.id, source=SOURCE).get()
    assert state.last_run_status == "failed" and "reconnect" in (state.last_error or "")
    assert snapshot(db, shop.id) == before


def test_an_expired_token_is_refreshed_before_the_sync(
    services: Services, shop: Shop, fake: ShopifyFake, db: RawDatabase
) -> None:
    oauth = ShopifyOAuth(
        fake.shop, fake.client_id, fake.client_secret, scopes=SCOPES, endpoint=fake.base_url
    )
    location = approve_in_browser(oauth.authorize_url("state", CALLBACK))
    tokens = oauth.exchange_code(dict(parse_qsl(urlsplit(location).query))["code"])
    fake.expire_token(tokens.access_token)
    expired = replace(tokens, expires_at=utcnow() - timedelta(seconds=1))
    OAuthFlows(services.shop_plugins).store(shop.id, SOURCE, expired)

    report = sync(services, shop)

    assert report.products.created == len(fake.product_ids())
    renewed = OAuthFlows(services.shop_plugins).token_set(shop.id, SOURCE)
    assert renewed is not None and renewed.access_token != tokens.access_token
    assert renewed.refresh_token and renewed.refresh_token != tokens.refresh_token


def test_throttling_is_waited_out(services: Services, shop: Shop, fake: ShopifyFake) -> None:
    fake.drain_bucket(0)

    report = sync(services, shop)

    assert report.products.created == len(fake.product_ids())
    assert fake.throttled_calls
    assert issubclass(ShopifyThrottled, SourceRateLimited)


def test_bad_products_fail_alone_and_keep_their_stored_copy(
    services: Services, shop: Shop, fake: ShopifyFake, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    numbers = fake.product_ids()
    broken = {
        numbers[0]: ("price", "is not an amount of money"),
        numbers[1]: ("title", "has no title"),
        numbers[2]: ("huge_title", "characters"),
        numbers[4]: ("no_variants", "has no variant"),
    }
    for number, (kind, _) in broken.items():
        fake.corrupt_product(number, kind)

    report = sync(services, shop, "full")

    reasons = {str(number): reason for number, (_, reason) in broken.items()}
    assert_failed_alone(report, before, snapshot(db, shop.id), reasons, len(numbers))


# --- webhooks ------------------------------------------------------------------------------


def test_updates_are_applied_once_and_never_undone_by_an_older_delivery(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    number = multi_variant(fake)
    fake.update_product(number, title="第一版 First")
    older = fake.webhook("products/update", number)
    fake.update_variant(number, 1, price="12.30")
    fake.update_product(number, title="第二版 Second")
    newer = fake.webhook("products/update", number)
    url = f"/webhooks/{SOURCE}/{shop.id}"

    def post(target: str, delivery: WebhookDelivery) -> SentDelivery:
        response = client.post(target, content=delivery.body, headers=delivery.headers)
        return SentDelivery(delivery, response.status_code)

    (first,) = send_sequence(url, [older, newer], [1], sender=post)
    revision = snapshot(db, shop.id)[str(number)]["revision"]
    later = send_sequence(url, [older, newer], [1, 0], sender=post)

    assert [s.status for s in [first, *later]] == [200, 200, 200]
    stored = snapshot(db, shop.id)[str(number)]
    assert stored["title"] == "第二版 Second" and stored["revision"] == revision
    assert money(stored["variants"][0]["price"]) == Decimal("12.30")
    assert SyncRun.objects(shop_id=shop.id, kind="changes").count() == 1
    graphql_calls = len(fake.calls)
    report = sync(services, shop, "full")
    assert report.products.unchanged == len(fake.product_ids())  # the webhook's copy is exact
    assert len(fake.calls) > graphql_calls


def test_a_deletion_wins_over_an_older_update_delivered_after_it(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    number = fake.product_ids()[5]
    update = fake.webhook("products/update", number)
    deletion = fake.webhook("products/delete", number)
    fake.delete_product(number)

    answers = [deliver(client, shop, d).json() for d in (deletion, update, deletion)]

    assert [a["changed"] for a in answers] == [1, 0, 0]
    assert snapshot(db, shop.id)[str(number)]["status"] == "deleted"


def test_a_created_product_arrives_by_webhook_and_is_read_by_api_before_any_sync(
    shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    created = fake.add_product("新品 New tea", "66.00")
    number = int(created["legacyResourceId"])

    answer = deliver(client, shop, fake.webhook("products/create", number))

    assert answer.json() == {"applied": 1, "changed": 1, "failed": 0}
    stored = snapshot(db, shop.id)[str(number)]
    assert stored["title"] == "新品 New tea" and money(stored["price"]) == Decimal("66.00")
    assert any(b"CloudCatProduct(" in c.request.body for c in fake.calls)


def test_forged_and_altered_deliveries_are_refused_and_change_nothing(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    number = fake.product_ids()[0]
    fake.update_variant(number, 1, price="10.00")
    genuine = fake.webhook("products/update", number)
    before, writes = snapshot(db, shop.id), catalog_writes(db)
    forgeries = [
        genuine.altered(genuine.body.replace(b'"10.00"', b'"0.01"')),
        genuine.with_header("X-Shopify-Hmac-Sha256", webhook_signature("wrong", genuine.body)),
        genuine.without_header("X-Shopify-Hmac-Sha256"),
        genuine.with_header("X-Shopify-Shop-Domain", "other-shop.myshopify.com"),
    ]

    for forged in forgeries:
        answer = deliver(client, shop, forged)
        assert answer.status_code == 401, forged.headers
        assert answer.json()["error"]["code"] == "WEBHOOK_REJECTED"

    assert snapshot(db, shop.id) == before and catalog_writes(db) == writes
    assert deliver(client, shop, genuine).json()["changed"] == 1


def test_bad_authentic_deliveries_fail_alone(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    number = fake.product_ids()[0]
    payload = fake.rest_payload(number)
    broken_price = {**payload, "updated_at": "2030-01-01T00:00:00Z"}
    broken_price["variants"] = [{**payload["variants"][0], "price": "12,80元"}]
    not_json = fake.webhook_for("products/update", {}).altered(b'{"id": 1, "title": ')
    not_json = not_json.with_header(
        "X-Shopify-Hmac-Sha256", webhook_signature(fake.client_secret, not_json.body)
    )

    answers = [
        deliver(client, shop, fake.webhook_for("products/update", broken_price)),
        deliver(client, shop, not_json),
        deliver(client, shop, fake.webhook_for("products/update", {"title": "no id"})),
    ]

    assert [a.json()["failed"] for a in answers] == [1, 1, 1]
    assert snapshot(db, shop.id) == before


def test_the_app_uninstalled_disconnects_and_compliance_topics_are_acknowledged(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    sync(services, shop)
    before = snapshot(db, shop.id)
    for topic in ("customers/data_request", "customers/redact", "shop/redact"):
        answer = deliver(client, shop, fake.webhook_for(topic, {"shop_domain": fake.shop}))
        assert answer.json() == {"applied": 0, "changed": 0, "failed": 0}, topic

    gone = deliver(client, shop, fake.webhook_for("app/uninstalled", {"domain": fake.shop}))

    assert gone.status_code == 200 and OAuthConnection.objects(shop_id=shop.id).count() == 0
    state = services.shop_plugins.state(shop.id, SOURCE)
    assert state is not None and state.health == "error"
    assert "uninstalled" in (state.last_error or "") and "reconnect" in (state.last_error or "")
    with pytest.raises(SyncFailed, match="connect the shop"):
        sync(services, shop)
    assert snapshot(db, shop.id) == before


# --- shops ---------------------------------------------------------------------------------


def test_shops_never_touch_each_other(
    services: Services, shop: Shop, fake: ShopifyFake, client: TestClient, db: RawDatabase
) -> None:
    other_fake = ShopifyFake(
        shop="silk-house.myshopify.com", client_secret="shpss_other", products=12, seed=3
    )
    with other_fake:
        other = connect(services, "silk-house", other_fake)
        sync(services, shop)
        sync(services, other)
        mine, theirs = snapshot(db, shop.id), snapshot(db, other.id)
        number = other_fake.product_ids()[0]
        other_fake.update_product(number, title="Only theirs")
        delivery = other_fake.webhook("products/update", number)

        refused = deliver(client, shop, delivery)
        accepted = deliver(client, other, delivery)
        other_fake.revoke_token(other_fake.access_token)
        with pytest.raises(SyncFailed):
            sync(services, other, "full")
        report = sync(services, shop, "full")

    assert refused.status_code == 401 and accepted.json()["changed"] == 1
    assert snapshot(db, shop.id) == mine and report.products.unchanged == len(mine)
    assert snapshot(db, other.id)[str(number)]["title"] == "Only theirs"
    assert set(snapshot(db, other.id)) == set(theirs)
    assert str(number) in mine  # the same ids in both shops, kept apart
    assert SourceSyncState.objects(shop_id=shop.id).get().last_error is None


def test_fetch_reads_products_by_id_and_reports_the_gone_ones(
    services: Services, shop: Shop, fake: ShopifyFake
) -> None:
    built = services.shop_plugins.provider(shop, SOURCE)
    assert isinstance(built, ShopifySource)
    number, gone = fake.product_ids()[:2]
    fake.delete_product(gone)

    items = list(built.fetch(EntityKind.PRODUCT, [str(number), str(gone), "abc"]))

    assert [type(i).__name__ for i in items] == ["ProductRecord", "Deleted", "RejectedRecord"]
    assert list(built.fetch(EntityKind.ORDER, ["1"])) == []


# --- connecting ----------------------------------------------------------------------------


@pytest.fixture
def shop_id(owner: GraphQLClient, fake: ShopifyFake) -> str:
    shop = owner.create_shop("tea-house", "茶馆")
    owner.data(
        CONFIGURE,
        {"s": shop, "n": SOURCE, "c": config_of(fake), "x": {"client_secret": fake.client_secret}},
    )
    return shop


def approve_in_browser(url: str) -> str:
    """The seller on Shopify's authorization page: approve, get sent back. The callback URL."""
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return str(response.headers["Location"])


def plugin_state(client: GraphQLClient, shop: str) -> dict[str, Any]:
    plugins = client.data(PLUGINS, {"s": shop})["shop"]["plugins"]
    found: dict[str, Any] = next(p for p in plugins if p["name"] == SOURCE)
    return found


def test_connecting_verifies_the_signed_callback_and_stores_the_tokens_encrypted(
    owner: GraphQLClient,
    shop_id: str,
    fake: ShopifyFake,
    services: Services,
    db: RawDatabase,
) -> None:
    url = owner.data(START, {"s": shop_id, "p": SOURCE})["startAuthorization"]["url"]
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == fake.url("/admin/oauth/authorize")
    assert query["client_id"] == fake.client_id and query["redirect_uri"] == CALLBACK
    assert query["scope"] == "read_products,read_inventory"

    location = approve_in_browser(url)
    signed = set(dict(parse_qsl(urlsplit(location).query)))
    assert signed == {"code", "hmac", "host", "shop", "state", "timestamp"}
    response = owner.http.get(location, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?connected={SOURCE}"
    state = plugin_state(owner, shop_id)
    assert state["connected"] is True and state["accountName"] == fake.shop
    assert state["health"] == "OK" and state["lastError"] is None
    raw = db["oauth_connections"].find_one({"plugin": SOURCE})
    assert raw is not None and raw["expires_at"] is not None and raw["can_refresh"]
    tokens = TokenSet.from_json(SecretBox(TEST_SECRET_KEY).decrypt(raw["token"]))
    assert tokens.access_token.startswith("shpat_") and tokens.refresh_token
    assert tokens.access_token not in json.dumps(raw, default=str)
    assert tokens.access_token in fake.tokens and not fake.tokens[tokens.access_token].revoked
    shop = Shop.objects(id=shop_id).get()
    services.shop_plugins.set_enabled(shop.id, SOURCE, True)
    assert sync(services, shop).products.created == len(fake.product_ids())


Tampering = Callable[[dict[str, str], ShopifyFake], dict[str, str]]
TAMPERINGS: dict[str, tuple[Tampering, str]] = {
    "wrong-hmac": (lambda q, _: {**q, "hmac": "0" * 64}, "the hmac does not match"),
    "altered-code": (lambda q, _: {**q, "code": q["code"][::-1]}, "the hmac does not match"),
    "no-hmac": (lambda q, _: {k: v for k, v in q.items() if k != "hmac"}, "carries no hmac"),
    "signed-for-another-shop": (
        lambda q, f: f.sign({**q, "shop": "other-shop.myshopify.com"}),
        "is for other-shop.myshopify.com, not for tea-house.myshopify.com",
    ),
    "signed-25-hours-ago": (
        lambda q, f: f.sign({**q, "timestamp": str(int(q["timestamp"]) - 90_000)}),
        "too old",
    ),
}


@pytest.mark.parametrize(("tamper", "reason"), TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_callback_that_does_not_verify_is_refused(
    owner: GraphQLClient,
    shop_id: str,
    fake: ShopifyFake,
    tamper: Tampering,
    reason: str,
) -> None:
    url = owner.data(START, {"s": shop_id, "p": SOURCE})["startAuthorization"]["url"]
    location = approve_in_browser(url)
    query = dict(parse_qsl(urlsplit(location).query))
    forged = f"{CALLBACK}?{urlencode(tamper(query, fake))}"
    exchanges = len([r for r in fake.requests if r.path == "/admin/oauth/access_token"])

    response = owner.http.get(forged, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?failed={SOURCE}"
    state = plugin_state(owner, shop_id)
    assert state["connected"] is False and state["health"] == "ERROR"
    assert reason in state["lastError"]
    assert OAuthConnection.objects.count() == 0
    assert len([r for r in fake.requests if r.path == "/admin/oauth/access_token"]) == exchanges
