"""The Shopify protocol layer against the loopback Shopify fake, over real sockets.

GraphQL paging and cost-based throttling, authentication failures, faults, install/callback
HMACs, the OAuth code exchange and refresh, and signed webhook deliveries.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests

from cloudcat.core.oauth import AuthorizationFailed
from cloudcat.core.sources import SourceAuthExpired, SourceRateLimited, WebhookRejected
from cloudcat.plugins.shopify.client import ShopifyClient
from cloudcat.plugins.shopify.domains import (
    InvalidShopDomain,
    is_shop_domain,
    normalize_shop_domain,
)
from cloudcat.plugins.shopify.errors import (
    ShopifyAccessDenied,
    ShopifyAuthError,
    ShopifyConnectionError,
    ShopifyGraphQLError,
    ShopifyHTTPError,
    ShopifyOAuthError,
    ShopifyResponseError,
    ShopifyThrottled,
    ShopifyWebhookRejected,
)
from cloudcat.plugins.shopify.hmac import (
    InvalidHmac,
    parse_query_string,
    query_hmac,
    query_message,
    verify_query,
    verify_webhook_hmac,
)
from cloudcat.plugins.shopify.models import MalformedProduct, parse_product
from cloudcat.plugins.shopify.oauth import ShopifyOAuth, granted_scopes
from cloudcat.plugins.shopify.webhooks import ShopifyWebhook, parse_timestamp, read_webhook
from tests.fakes.deliveries import send, send_sequence
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.shopify import (
    ShopifyFake,
    callback_params,
    product_gid,
    reference_signature,
    webhook_signature,
)

CALLBACK = "https://cloudcat.example/oauth/shopify/callback"


@pytest.fixture
def fake() -> Iterator[ShopifyFake]:
    with ShopifyFake(products=45) as server:
        yield server


def client_for(fake: ShopifyFake, token: str | None = None, **options: Any) -> ShopifyClient:
    """A client talking to the fake, with fast retries."""
    options.setdefault("retries", 2)
    options.setdefault("backoff_factor", 0.01)
    return ShopifyClient(fake.shop, token or fake.access_token, endpoint=fake.base_url, **options)


def oauth_for(fake: ShopifyFake, **options: Any) -> ShopifyOAuth:
    """The OAuth helper of the fake's app and shop."""
    return ShopifyOAuth(
        fake.shop, fake.client_id, fake.client_secret, endpoint=fake.base_url, **options
    )


class RecordingSleep:
    """Records every wait the client asks for, and waits it."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)


# --- paging ------------------------------------------------------------------------------


def test_paging_lists_every_product_exactly_once_with_all_its_variants(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        nodes = list(client.iter_products())

    ids = [int(node["legacyResourceId"]) for node in nodes]
    assert ids == fake.product_ids()
    for node in nodes:
        stored = fake.product(int(node["legacyResourceId"]))
        assert [v["id"] for v in node["variants"]["nodes"]] == [
            v["id"] for v in stored["_variants"]
        ]
    assert len(fake.calls) > 1  # several pages
    costs = [call.payload["extensions"]["cost"] for call in fake.calls if call.payload]
    assert all(cost["requestedQueryCost"] <= 1000 for cost in costs)


def test_page_size_grows_from_the_cost_shopify_reports(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        pages = list(client.iter_product_pages())

    sizes = [len(page.products) for page in pages]
    assert sizes[0] == 10
    assert max(sizes) > 10
    requested: list[int] = []
    for call in fake.calls:
        assert call.payload is not None
        requested.append(call.payload["extensions"]["cost"]["requestedQueryCost"])
    assert max(requested) <= 1000
    assert sum(sizes) == 45


def test_products_with_more_variants_than_fit_are_completed(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        nodes = list(client.iter_products(variants_per_product=2))

    many = [n for n in nodes if len(fake.product(int(n["legacyResourceId"]))["_variants"]) > 2]
    assert many, "the sample catalog has products with more than two variants"
    for node in nodes:
        stored = fake.product(int(node["legacyResourceId"]))["_variants"]
        assert [v["sku"] for v in node["variants"]["nodes"]] == [v["sku"] for v in stored]
    variant_queries = [c for c in fake.calls if b"CloudCatProductVariants" in c.request.body]
    assert len(variant_queries) >= len(many)


def test_a_page_cursor_resumes_the_listing(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        first = next(client.iter_product_pages(page_size=20))
        rest = list(client.iter_products(after=first.end_cursor, page_size=20))

    ids = [n["legacyResourceId"] for n in [*first.products, *rest]]
    assert [int(i) for i in ids] == fake.product_ids()


def test_updated_since_lists_only_products_changed_since(fake: ShopifyFake) -> None:
    mark = max(datetime.fromisoformat(fake.product(n)["updatedAt"]) for n in fake.product_ids())
    first, second = fake.product_ids()[3], fake.product_ids()[30]
    fake.update_variant(second, 1, price="9.90")
    fake.update_product(first, title="新茶上市 New Season Tea")

    with client_for(fake) as client:
        changed = list(client.iter_products(updated_since=mark + timedelta(seconds=1)))
        count = client.count_products(updated_since=mark + timedelta(seconds=1))

    assert [int(n["legacyResourceId"]) for n in changed] == [second, first]  # oldest change first
    assert changed[0]["variants"]["nodes"][0]["price"] == "9.90"
    assert changed[1]["title"] == "新茶上市 New Season Tea"
    assert count == 2


def test_one_product_and_the_shop(fake: ShopifyFake) -> None:
    number = fake.product_ids()[0]
    with client_for(fake) as client:
        node = client.product(product_gid(number))
        missing = client.product(product_gid(1))
        shop = client.shop_info()

    assert node is not None and node["title"] == fake.product(number)["title"]
    assert missing is None
    assert shop["currencyCode"] == "CNY" and shop["myshopifyDomain"] == fake.shop


def test_product_nodes_parse_into_exact_prices_and_options(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        products = [parse_product(node) for node in client.iter_products()]

    by_id = {int(p.legacy_id): p for p in products}
    for number, product in by_id.items():
        stored = fake.product(number)
        assert product.title == stored["title"]
        assert [v.price for v in product.variants] == [
            Decimal(v["price"]) for v in stored["_variants"]
        ]
        assert all(isinstance(v.price, Decimal) for v in product.variants)
    with_options = next(p for p in products if len(p.variants) > 1)
    assert all(v.options for v in with_options.variants)
    simple = next(p for p in products if len(p.variants) == 1 and not p.variants[0].options)
    assert simple.variants[0].title == "Default Title"
    assert any("中" in p.title or "茶" in p.title for p in products)


def test_malformed_products_fail_one_by_one_with_a_reason(fake: ShopifyFake) -> None:
    numbers = fake.product_ids()
    fake.corrupt_product(numbers[1], "price")
    fake.corrupt_product(numbers[2], "title")
    fake.corrupt_product(numbers[3], "huge_title")
    fake.corrupt_product(numbers[4], "no_variants")

    good: list[str] = []
    reasons: dict[int, str] = {}
    with client_for(fake) as client:
        for node in client.iter_products():
            try:
                good.append(parse_product(node).legacy_id)
            except MalformedProduct as exc:
                reasons[int(node["legacyResourceId"])] = str(exc)

    assert len(good) == 41
    assert "not an amount of money" in reasons[numbers[1]]
    assert "has no title" in reasons[numbers[2]]
    assert "characters" in reasons[numbers[3]] and len(reasons[numbers[3]]) < 200
    assert "no variant" in reasons[numbers[4]]


# --- authentication ----------------------------------------------------------------------


def test_a_wrong_token_is_refused_like_production_and_means_reconnect(fake: ShopifyFake) -> None:
    with (
        client_for(fake, "shpat_not-a-real-token") as client,
        pytest.raises(ShopifyAuthError) as info,
    ):
        client.shop_info()

    assert isinstance(info.value, SourceAuthExpired)
    assert "reconnect" in str(info.value)
    assert "Invalid API key or access token" in str(info.value)
    (call,) = fake.calls  # a 401 is never retried
    assert call.status == 401


@pytest.mark.parametrize("how", ["revoke", "expire"])
def test_revoked_and_expired_tokens_are_refused(fake: ShopifyFake, how: str) -> None:
    token = fake.issue_token(expires_in=3600)
    with client_for(fake, token) as client:
        assert client.shop_info()["name"]
        if how == "revoke":
            fake.revoke_token(token)
        else:
            fake.expire_token(token)
        with pytest.raises(ShopifyAuthError):
            list(client.iter_products())


def test_a_missing_scope_is_access_denied(fake: ShopifyFake) -> None:
    token = fake.issue_token(scopes={"read_orders"})
    with client_for(fake, token) as client, pytest.raises(ShopifyAccessDenied) as info:
        list(client.iter_products())

    assert "read_products" in str(info.value)
    assert fake.calls[0].status == 200  # the error came inside HTTP 200


# --- throttling --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 429])
def test_throttling_is_waited_out_by_the_restore_rate(status: int) -> None:
    with ShopifyFake(products=12, restore_rate=1000.0, throttled_status=status) as fake:
        fake.drain_bucket()
        sleep = RecordingSleep()
        with client_for(fake, sleep=sleep) as client:
            nodes = list(client.iter_products(page_size=12))

    assert len(nodes) == 12
    first, second = fake.calls
    assert first.throttled and first.status == status
    assert "data" not in (first.payload or {})
    assert second.status == 200 and second.payload and second.payload["data"]
    assert first.payload is not None
    cost = first.payload["extensions"]["cost"]
    missing = cost["requestedQueryCost"] + 1 - cost["throttleStatus"]["currentlyAvailable"]
    assert sleep.waits == [pytest.approx(missing / 1000.0)]
    assert client.stats.throttled == 1


def test_a_plain_429_is_retried(fake: ShopifyFake) -> None:
    fake.fail_next(429, body=b'{"errors":"Exceeded 2 calls per second for api client"}')
    fake.fail_next(429, retry_after="0", body=b'{"errors":"Too many requests"}')
    sleep = RecordingSleep()
    with client_for(fake, sleep=sleep) as client:
        assert client.shop_info()["name"]

    assert [call.status for call in fake.calls] == [429, 429, 200]
    assert sleep.waits == [pytest.approx(1.0)]  # no cost, no Retry-After: a plain backoff


def test_a_long_listing_waits_for_the_bucket_instead_of_being_throttled() -> None:
    with ShopifyFake(products=40, bucket_size=300.0, restore_rate=3000.0) as fake:
        sleep = RecordingSleep()
        with client_for(fake, sleep=sleep) as client:
            nodes = list(client.iter_products())

        assert len(nodes) == 40
        assert fake.throttled_calls == []
        assert sleep.waits, "the client waited for the bucket before sending"
        served = [c.payload for c in fake.calls if c.payload and c.payload.get("data")]
        assert max(p["extensions"]["cost"]["requestedQueryCost"] for p in served) <= 300


def test_throttling_that_never_ends_is_reported_as_rate_limited() -> None:
    with ShopifyFake(products=5, restore_rate=0.001) as fake:
        fake.drain_bucket()
        with (
            client_for(fake, max_throttle_retries=2, max_throttle_wait=0.05) as client,
            pytest.raises(ShopifyThrottled) as info,
        ):
            client.shop_info()

    assert isinstance(info.value, SourceRateLimited)
    assert info.value.retry_after == 0.05
    assert len(fake.throttled_calls) == 3


def test_a_page_costing_more_than_the_maximum_is_halved(fake: ShopifyFake) -> None:
    with client_for(fake) as client:
        nodes = list(client.iter_products(page_size=250))

    assert len(nodes) == 45
    codes = [
        err["extensions"]["code"]
        for call in fake.calls
        for err in (call.payload or {}).get("errors", [])
    ]
    assert "MAX_COST_EXCEEDED" in codes


# --- faults ------------------------------------------------------------------------------


def test_broken_json_once_is_asked_for_again(fake: ShopifyFake) -> None:
    fake.break_json_next()
    with client_for(fake) as client:
        nodes = list(client.iter_products())

    assert len(nodes) == 45
    assert client.stats.unreadable == 1
    assert fake.calls[0].payload is None and fake.calls[0].status == 200


def test_broken_json_every_time_is_an_error(fake: ShopifyFake) -> None:
    fake.break_json_next(times=5)
    with client_for(fake) as client, pytest.raises(ShopifyResponseError, match="not valid JSON"):
        client.shop_info()

    assert len(fake.calls) == 3


def test_a_5xx_is_retried_and_a_lasting_one_reported(fake: ShopifyFake) -> None:
    fake.fail_next(503)
    with client_for(fake) as client:
        assert client.shop_info()["name"]
    assert [c.status for c in fake.calls] == [503, 200]

    fake.fail_next(502, times=10)
    with client_for(fake) as client, pytest.raises(ShopifyHTTPError) as info:
        client.shop_info()
    assert info.value.status == 502 and info.value.retryable
    assert [c.status for c in fake.calls[2:]] == [502, 502, 502]


def test_graphql_errors_inside_http_200_are_raised(fake: ShopifyFake) -> None:
    with client_for(fake) as client, pytest.raises(ShopifyGraphQLError) as info:
        client.query("{ produts(first: 1) { nodes { id } } }")

    assert "Cannot query field" in str(info.value)
    assert info.value.errors


def test_an_unsupported_version_is_served_by_the_oldest_supported_one(fake: ShopifyFake) -> None:
    with client_for(fake, api_version="2024-01") as client:
        assert client.shop_info()["name"]
        assert client.served_api_version == "2025-10"
    with client_for(fake, api_version="latest") as client, pytest.raises(ShopifyHTTPError) as info:
        client.shop_info()
    assert info.value.status == 404 and not info.value.retryable


def test_an_unreachable_shop_is_a_connection_error() -> None:
    with ShopifyFake(products=1) as fake:
        endpoint = fake.base_url
    client = ShopifyClient(
        "tea-house.myshopify.com", "shpat_x", endpoint=endpoint, retries=0, timeout=2.0
    )
    with client, pytest.raises(ShopifyConnectionError, match="could not connect"):
        client.shop_info()


# --- shop domains and install HMAC -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("tea-house", "tea-house.myshopify.com"),
        ("Tea-House.myshopify.com", "tea-house.myshopify.com"),
        ("https://tea-house.myshopify.com/admin/products", "tea-house.myshopify.com"),
        ("https://admin.shopify.com/store/tea-house/orders", "tea-house.myshopify.com"),
    ],
)
def test_shop_addresses_are_normalized(text: str, domain: str) -> None:
    assert normalize_shop_domain(text) == domain


@pytest.mark.parametrize(
    "text",
    [
        "tea-house.example.com",
        "-tea.myshopify.com",
        "tea.myshopify.com.evil.example",
        "tea.myshopify.com:8443",
        "",
        "tea house",
    ],
)
def test_other_addresses_are_refused(text: str) -> None:
    with pytest.raises(InvalidShopDomain):
        normalize_shop_domain(text)
    assert not is_shop_domain(text)


def test_the_install_query_verifies(fake: ShopifyFake) -> None:
    params = fake.install_params()
    assert oauth_for(fake).verify_install(params) == fake.shop
    assert verify_query(fake.client_secret, params) == int(params["timestamp"])


def test_a_query_signed_23_hours_ago_still_verifies_but_25_hours_does_not(
    fake: ShopifyFake,
) -> None:
    now = time.time()
    recent = fake.install_params(timestamp=int(now - 23 * 3600))
    old = fake.install_params(timestamp=int(now - 25 * 3600))

    assert oauth_for(fake).verify_install(recent, now=now) == fake.shop
    with pytest.raises(ShopifyOAuthError, match="too old"):
        oauth_for(fake).verify_install(old, now=now)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda p: {**p, "shop": "evil.myshopify.com"},
        lambda p: {**p, "timestamp": str(int(p["timestamp"]) + 1)},
        lambda p: {**p, "hmac": p["hmac"][:-1] + ("0" if p["hmac"][-1] != "0" else "1")},
        lambda p: {k: v for k, v in p.items() if k != "hmac"},
        lambda p: {**p, "extra": "1"},
    ],
)
def test_a_tampered_install_query_is_refused(fake: ShopifyFake, tamper: Any) -> None:
    with pytest.raises(ShopifyOAuthError, match="did not come from Shopify"):
        oauth_for(fake).verify_install(tamper(fake.install_params()))


def test_a_query_signed_with_another_secret_is_refused(fake: ShopifyFake) -> None:
    params = fake.install_params()
    with pytest.raises(InvalidHmac, match="does not match"):
        verify_query("shpss_someone-else", params)


def test_the_signed_message_escapes_like_shopify() -> None:
    params = {"shop": "a.myshopify.com", "note": "50%&off", "k=ey": "v", "hmac": "x"}
    assert query_message(params) == "k%3Dey=v&note=50%25%26off&shop=a.myshopify.com"
    assert query_hmac("secret", params) == reference_signature("secret", params)
    listed = parse_query_string("ids[]=1&ids[]=2&shop=a.myshopify.com&signature=zz")
    assert query_message(listed) == 'ids=["1", "2"]&shop=a.myshopify.com'


# --- OAuth -------------------------------------------------------------------------------


def authorize(fake: ShopifyFake, oauth: ShopifyOAuth, state: str) -> dict[str, str]:
    """Follow the authorize URL the way the merchant's browser does; return the callback query."""
    response = requests.get(oauth.authorize_url(state, CALLBACK), allow_redirects=False, timeout=5)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(CALLBACK + "?")
    return callback_params(location)


def test_the_oauth_flow_yields_an_expiring_token_that_works_and_refreshes(
    fake: ShopifyFake,
) -> None:
    oauth = oauth_for(fake)
    url = oauth.authorize_url("state-123", CALLBACK)
    assert "scope=read_products%2Cread_inventory%2Cread_orders%2Cread_discounts" in url
    callback = oauth.verify_callback(authorize(fake, oauth, "state-123"), state="state-123")

    tokens = oauth.exchange_code(callback.code, CALLBACK)
    assert tokens.refresh_token and tokens.expires_at and tokens.refresh_expires_at
    assert tokens.expires_at > datetime.now(UTC) + timedelta(minutes=50)
    assert set(tokens.scopes) >= {"read_products", "read_orders"}
    assert tokens.account_id == fake.shop
    with client_for(fake, tokens.access_token) as client:
        assert len(list(client.iter_products())) == 45

    renewed = oauth.refresh(tokens)
    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token != tokens.refresh_token
    with client_for(fake, renewed.access_token) as client:
        assert client.shop_info()["name"]
    with client_for(fake, tokens.access_token) as client, pytest.raises(ShopifyAuthError):
        client.shop_info()
    with pytest.raises(ShopifyOAuthError, match="already used"):
        oauth.refresh(tokens)


def test_a_code_works_once(fake: ShopifyFake) -> None:
    oauth = oauth_for(fake)
    callback = oauth.verify_callback(authorize(fake, oauth, "s"), state="s")
    oauth.exchange_code(callback.code)

    with pytest.raises(ShopifyOAuthError, match="already used") as info:
        oauth.exchange_code(callback.code)
    assert isinstance(info.value, AuthorizationFailed)
    assert info.value.status == 400 and info.value.error == "invalid_request"


def test_a_non_expiring_token_has_no_refresh(fake: ShopifyFake) -> None:
    oauth = oauth_for(fake, expiring=False)
    callback = oauth.verify_callback(authorize(fake, oauth, "s"), state="s")
    tokens = oauth.exchange_code(callback.code)

    assert tokens.expires_at is None and tokens.refresh_token is None
    with pytest.raises(ShopifyOAuthError, match="reconnect"):
        oauth.refresh(tokens)


def test_a_wrong_client_secret_is_refused_at_the_token_endpoint(fake: ShopifyFake) -> None:
    oauth = oauth_for(fake)
    callback = oauth.verify_callback(authorize(fake, oauth, "s"), state="s")
    impostor = ShopifyOAuth(fake.shop, fake.client_id, "shpss_wrong", endpoint=fake.base_url)

    with pytest.raises(ShopifyOAuthError) as info:
        impostor.exchange_code(callback.code)
    assert info.value.error == "invalid_client"


@pytest.mark.parametrize("problem", ["state", "shop", "code", "hmac"])
def test_a_bad_callback_is_refused(fake: ShopifyFake, problem: str) -> None:
    oauth = oauth_for(fake)
    params = authorize(fake, oauth, "good-state")
    if problem == "state":
        expected = "another-state"
    else:
        expected = "good-state"
        if problem == "shop":  # correctly signed, but for another shop
            params = fake.sign({**params, "shop": "other-shop.myshopify.com"})
        elif problem == "code":
            params = {**params, "code": "0" * 32}
        else:
            params = fake.sign({**params, "timestamp": str(int(time.time()) - 90000)})

    with pytest.raises(ShopifyOAuthError):
        oauth.verify_callback(params, state=expected)


def test_missing_scopes_are_detected_after_the_exchange(fake: ShopifyFake) -> None:
    narrow = oauth_for(fake, scopes=("read_products",))
    callback = narrow.verify_callback(authorize(fake, narrow, "s"), state="s")

    wide = oauth_for(fake, scopes=("read_products", "read_orders"))
    with pytest.raises(ShopifyOAuthError, match="did not grant read_orders"):
        wide.exchange_code(callback.code)
    assert granted_scopes("write_products,read_orders") == {
        "write_products",
        "read_products",
        "read_orders",
    }


def test_an_unregistered_redirect_uri_is_refused_by_shopify(fake: ShopifyFake) -> None:
    url = oauth_for(fake).authorize_url("s", "https://evil.example/callback")
    response = requests.get(url, allow_redirects=False, timeout=5)
    assert response.status_code == 400
    assert "redirect_uri is not whitelisted" in response.text


# --- webhooks ----------------------------------------------------------------------------


class Inbox(LoopbackServer):
    """A webhook receiver that verifies deliveries with the plugin's `read_webhook`."""

    def __init__(self, secret: str, shop: str) -> None:
        super().__init__()
        self.secret = secret
        self.shop = shop
        self.accepted: list[ShopifyWebhook] = []
        self.rejected: list[str] = []

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Answer 401 to anything that does not verify, 200 (quickly) otherwise."""
        try:
            hook = read_webhook(self.secret, request.headers, request.body, shop=self.shop)
        except ShopifyWebhookRejected as exc:
            with self.lock:
                self.rejected.append(str(exc))
            return FakeResponse(401, b"unauthorized")
        with self.lock:
            self.accepted.append(hook)
        return FakeResponse(200, b"")


@pytest.fixture
def inbox(fake: ShopifyFake) -> Iterator[Inbox]:
    with Inbox(fake.client_secret, fake.shop) as server:
        yield server


def test_a_signed_delivery_is_accepted(fake: ShopifyFake, inbox: Inbox) -> None:
    number = fake.product_ids()[0]
    sent = send(inbox.url("/webhooks/shopify"), fake.webhook("products/update", number))

    assert sent.status == 200
    (hook,) = inbox.accepted
    assert hook.topic == "products/update" and hook.shop_domain == fake.shop
    assert hook.payload["id"] == number
    assert hook.payload["title"] == fake.product(number)["title"]
    assert hook.triggered_at is not None and hook.triggered_at.tzinfo is not None
    assert hook.webhook_id and hook.api_version == "2026-10" and not hook.problem


@pytest.mark.parametrize("forgery", ["other-secret", "altered-body", "no-signature", "other-shop"])
def test_forged_or_altered_deliveries_are_refused(
    fake: ShopifyFake, inbox: Inbox, forgery: str
) -> None:
    delivery = fake.webhook("products/update", fake.product_ids()[0])
    if forgery == "other-secret":
        forged = delivery.with_header(
            "X-Shopify-Hmac-Sha256", webhook_signature("shpss_attacker", delivery.body)
        )
    elif forgery == "altered-body":
        forged = delivery.altered(delivery.body.replace(b'"price":"', b'"price":"0'))
    elif forgery == "no-signature":
        forged = delivery.without_header("X-Shopify-Hmac-Sha256")
    else:  # authentic signature, but it claims to be another shop's
        forged = delivery.with_header("X-Shopify-Shop-Domain", "other-shop.myshopify.com")

    assert send(inbox.url("/webhooks/shopify"), forged).status == 401
    assert inbox.accepted == []
    (reason,) = inbox.rejected
    assert "refused" in reason


def test_duplicates_and_out_of_order_deliveries_arrive_as_sent(
    fake: ShopifyFake, inbox: Inbox
) -> None:
    first, second = fake.product_ids()[:2]
    start = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    early = fake.webhook("products/update", first, triggered_at=start)
    fake.update_product(first, title="改名 Renamed")
    late = fake.webhook("products/update", first, triggered_at=start + timedelta(seconds=30))
    gone = fake.webhook("products/delete", second, triggered_at=start + timedelta(seconds=60))

    sent = send_sequence(inbox.url("/hooks"), [early, late, gone], order=[1, 0, 1, 2, 2])

    assert [s.status for s in sent] == [200] * 5
    ids = [hook.webhook_id for hook in inbox.accepted]
    assert ids == [
        late.headers["X-Shopify-Webhook-Id"],
        early.headers["X-Shopify-Webhook-Id"],
        late.headers["X-Shopify-Webhook-Id"],
        gone.headers["X-Shopify-Webhook-Id"],
        gone.headers["X-Shopify-Webhook-Id"],
    ]
    titles = [hook.payload.get("title") for hook in inbox.accepted[:3]]
    assert titles[0] == titles[2] == "改名 Renamed" != titles[1]
    times = [hook.triggered_at for hook in inbox.accepted]
    assert times[0] is not None and times[1] is not None and times[0] > times[1]
    assert inbox.accepted[3].payload == {"id": second}


def test_an_authentic_body_that_is_not_json_is_read_with_a_problem(fake: ShopifyFake) -> None:
    body = b'{"id": 1, "title": '
    delivery = fake.webhook("products/update", fake.product_ids()[0]).altered(body)
    headers = {
        **delivery.headers,
        "X-Shopify-Hmac-Sha256": webhook_signature(fake.client_secret, body),
    }

    hook = read_webhook(fake.client_secret, headers, body)

    assert hook.payload is None and "not valid JSON" in hook.problem


def test_webhook_verification_helpers() -> None:
    body = '{"id":1,"title":"绿茶"}'.encode()
    good = webhook_signature("s3cret", body)
    verify_webhook_hmac(["old-secret", "s3cret"], body, good)  # during a rotation
    with pytest.raises(InvalidHmac):
        verify_webhook_hmac("s3cret", body + b" ", good)
    with pytest.raises(WebhookRejected):
        read_webhook("s3cret", {"X-Shopify-Hmac-Sha256": good}, body)  # no shop domain header
    moment = parse_timestamp("2026-11-25T09:00:00.877041743Z")
    assert moment == datetime(2026, 11, 25, 9, 0, 0, 877041, tzinfo=UTC)
    assert parse_timestamp("yesterday") is None
