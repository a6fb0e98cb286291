"""The WooCommerce protocol layer against the loopback WooCommerce fake, over real sockets.

Key authentication, page headers, variations, modified-time filtering, typed errors, faults,
signed webhooks and the creation ping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from cloudcat.core.sources import SourceAuthExpired, SourceRateLimited, WebhookRejected
from cloudcat.plugins.woocommerce.client import WooCommerceClient, decode_json
from cloudcat.plugins.woocommerce.errors import (
    WooCommerceAuthError,
    WooCommerceConnectionError,
    WooCommerceError,
    WooCommerceHTTPError,
    WooCommerceNotFound,
    WooCommerceRateLimited,
    WooCommerceRequestError,
    WooCommerceResponseError,
    WooWebhookRejected,
)
from cloudcat.plugins.woocommerce.models import MalformedProduct, parse_product
from cloudcat.plugins.woocommerce.webhooks import (
    WooPing,
    WooWebhook,
    compute_signature,
    read_delivery,
    verify_signature,
)
from tests.fakes.deliveries import send, send_sequence
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.woocommerce import WooCommerceFake, signature

MONEY = re.compile(r"^\d+\.\d{2}$")


@pytest.fixture
def fake() -> Iterator[WooCommerceFake]:
    with WooCommerceFake(products=40) as server:
        yield server


def client_for(
    fake: WooCommerceFake, key: str | None = None, secret: str | None = None, **options: Any
) -> WooCommerceClient:
    """A client of the fake's site with fast retries."""
    options.setdefault("retries", 2)
    options.setdefault("backoff_factor", 0.01)
    return WooCommerceClient(
        fake.base_url,
        fake.consumer_key if key is None else key,
        fake.consumer_secret if secret is None else secret,
        allow_http=True,
        **options,
    )


def api_requests(fake: WooCommerceFake) -> list[FakeRequest]:
    """The requests the fake received for its REST API."""
    with fake.lock:
        return [r for r in fake.requests if r.path.startswith("/wp-json/wc/v3")]


# --- paging ------------------------------------------------------------------------------


def test_paging_lists_every_product_exactly_once(fake: WooCommerceFake) -> None:
    with client_for(fake) as client:
        pages = list(client.iter_product_pages(per_page=7))

    ids = [item["id"] for page in pages for item in page.items]
    assert ids == fake.product_ids()
    assert [page.page for page in pages] == [1, 2, 3, 4, 5, 6]
    assert {page.total for page in pages} == {40} and {page.total_pages for page in pages} == {6}
    assert len(api_requests(fake)) == 6
    first = api_requests(fake)[0]
    assert first.query["per_page"] == ["7"] and first.query["orderby"] == ["id"]
    assert first.header("Authorization") is not None and "consumer_key" not in first.query


def test_a_listing_resumes_from_a_page(fake: WooCommerceFake) -> None:
    with client_for(fake) as client:
        later = [
            i["id"]
            for page in client.iter_product_pages(per_page=10, start_page=3)
            for i in page.items
        ]

    assert later == fake.product_ids()[20:]


def test_paging_still_ends_when_a_proxy_drops_the_headers(fake: WooCommerceFake) -> None:
    fake.paging_headers = False
    with client_for(fake) as client:
        ids = [p["id"] for p in client.iter_products(per_page=10)]

    assert ids == fake.product_ids()
    assert len(api_requests(fake)) == 5  # four full pages, then an empty one


def test_variations_are_listed_for_variable_products(fake: WooCommerceFake) -> None:
    variable = fake.variable_ids()
    assert variable and len(variable) < len(fake.product_ids())
    with client_for(fake) as client:
        for pid in variable:
            product = fake.product(pid)
            listed = list(client.iter_variations(pid, per_page=2))
            assert [v["id"] for v in listed] == product["variations"]
            assert all(v["attributes"] and MONEY.match(v["price"]) for v in listed)
        simple = next(p for p in client.iter_products() if p["type"] == "simple")
        assert client.variations(simple) == []


def test_products_parse_into_exact_prices(fake: WooCommerceFake) -> None:
    with client_for(fake) as client:
        parsed = [parse_product(p, client.variations(p)) for p in client.iter_products()]

    assert len(parsed) == 40
    for product in parsed:
        raw = fake.product(product.id)
        assert product.name == raw["name"] and isinstance(product.price, Decimal)
        assert MONEY.match(raw["price"])
        if product.type == "variable":
            assert product.price == min(v.price for v in product.variations)
            assert all(set(v.options) == set(product.options) for v in product.variations)
        else:
            assert product.price == Decimal(raw["price"]) and product.stock is not None
    assert any(p.sale_price is not None for p in parsed)
    assert any("茶" in p.name for p in parsed)
    assert all(p.modified_at is not None and p.modified_at.tzinfo is UTC for p in parsed)


def test_modified_after_lists_only_changed_products(fake: WooCommerceFake) -> None:
    mark = max(
        datetime.fromisoformat(fake.product(pid)["date_modified_gmt"]).replace(tzinfo=UTC)
        for pid in fake.product_ids()
    )
    simple = next(pid for pid in fake.product_ids() if pid not in fake.variable_ids())
    variable = fake.variable_ids()[2]
    fake.update_product(simple, regular_price="99.00", price="99.00", name="新品 New")
    fake.update_variation(variable, 0, price="1.50", regular_price="1.50")

    with client_for(fake) as client:
        changed = list(client.iter_products(modified_after=mark))
        variations = client.variations(next(p for p in changed if p["id"] == variable))

    assert sorted(p["id"] for p in changed) == sorted([simple, variable])
    assert next(p for p in changed if p["id"] == variable)["price"] == "1.50"
    assert variations[0]["price"] == "1.50"
    request = api_requests(fake)[0]
    assert request.query["dates_are_gmt"] == ["true"]


def test_without_dates_are_gmt_the_site_compares_local_time(fake: WooCommerceFake) -> None:
    pid = fake.product_ids()[10]
    modified = datetime.fromisoformat(fake.product(pid)["date_modified_gmt"])
    bound = (modified + timedelta(hours=1)).isoformat()  # after it in GMT, before it locally
    with client_for(fake) as client:
        as_gmt = client.get(
            "/products", {"modified_after": bound, "dates_are_gmt": "true", "per_page": 100}
        )
        as_local = client.get("/products", {"modified_after": bound, "per_page": 100})

    gmt_ids = {p["id"] for p in as_gmt.data}
    local_ids = {p["id"] for p in as_local.data}
    assert pid in local_ids and pid not in gmt_ids  # local times are 8 hours ahead of GMT


def test_one_product_and_the_currency(fake: WooCommerceFake) -> None:
    pid = fake.product_ids()[0]
    with client_for(fake) as client:
        assert client.product(pid) == fake.product(pid)
        assert client.product(99_999) is None
        assert client.currency() == "CNY"


# --- authentication ----------------------------------------------------------------------


def test_no_keys_are_refused_like_production(fake: WooCommerceFake) -> None:
    with client_for(fake, "", "") as client, pytest.raises(WooCommerceAuthError) as info:
        list(client.iter_products())

    assert isinstance(info.value, SourceAuthExpired)
    assert info.value.status == 401 and info.value.wc_code == "woocommerce_rest_cannot_view"
    assert "Sorry, you cannot list resources." in str(info.value)
    assert "new read key" in str(info.value)
    assert len(api_requests(fake)) == 1  # never retried


def test_a_wrong_secret_is_refused_with_the_authentication_error(fake: WooCommerceFake) -> None:
    with (
        client_for(fake, secret="cs_" + "0" * 40) as client,
        pytest.raises(WooCommerceAuthError) as info,
    ):
        client.currency()

    assert info.value.wc_code == "woocommerce_rest_authentication_error"
    assert "Consumer secret is invalid." in str(info.value)


def test_a_revoked_key_and_a_write_only_key_are_refused(fake: WooCommerceFake) -> None:
    with client_for(fake) as client:
        assert client.currency() == "CNY"
        fake.revoke_key(fake.consumer_key)
        with pytest.raises(WooCommerceAuthError) as revoked:
            client.currency()
    assert revoked.value.wc_code == "woocommerce_rest_cannot_view"

    key, secret = fake.issue_key("write")
    with client_for(fake, key, secret) as client, pytest.raises(WooCommerceAuthError) as info:
        client.currency()
    assert "does not have read permissions" in str(info.value)


def test_keys_in_the_query_string_work_too(fake: WooCommerceFake) -> None:
    with client_for(fake, auth="query") as client:
        assert len(list(client.iter_products())) == 40
    request = api_requests(fake)[0]
    assert request.header("Authorization") is None
    assert request.query["consumer_key"] == [fake.consumer_key]

    with (
        client_for(fake, secret="cs_wrong", auth="query") as client,
        pytest.raises(WooCommerceAuthError),
    ):
        client.currency()


def test_a_plain_http_address_is_refused() -> None:
    with pytest.raises(WooCommerceError, match="not HTTPS"):
        WooCommerceClient("http://shop.example.com", "ck_x", "cs_x")
    with pytest.raises(WooCommerceError, match="not a web address"):
        WooCommerceClient("shop.example.com", "ck_x", "cs_x")


# --- errors and faults -------------------------------------------------------------------


def test_per_page_above_100_is_a_request_error(fake: WooCommerceFake) -> None:
    with client_for(fake) as client, pytest.raises(WooCommerceRequestError) as info:
        list(client.iter_products(per_page=101))

    assert info.value.status == 400 and info.value.wc_code == "rest_invalid_param"
    assert info.value.params == {
        "per_page": "per_page must be between 1 (inclusive) and 100 (inclusive)"
    }
    assert not info.value.retryable
    assert len(api_requests(fake)) == 1


def test_an_unknown_route_means_no_woocommerce_there(fake: WooCommerceFake) -> None:
    with (
        WooCommerceClient(
            fake.url("/blog"), fake.consumer_key, fake.consumer_secret, allow_http=True
        ) as client,
        pytest.raises(WooCommerceNotFound, match="no WooCommerce REST API"),
    ):
        client.currency()


def test_a_5xx_is_retried_and_a_lasting_one_reported(fake: WooCommerceFake) -> None:
    fake.fail_next(503, retry_after="0")
    with client_for(fake) as client:
        assert client.currency() == "CNY"
    assert [r.path for r in api_requests(fake)].count("/wp-json/wc/v3/data/currencies/current") == 2

    fake.fail_next(500, times=5)
    with client_for(fake) as client, pytest.raises(WooCommerceHTTPError) as info:
        client.currency()
    assert info.value.status == 500 and info.value.retryable
    assert len(api_requests(fake)) == 2 + 3


def test_lasting_429_is_rate_limited(fake: WooCommerceFake) -> None:
    fake.fail_next(429, times=5, retry_after="0")
    with client_for(fake) as client, pytest.raises(WooCommerceRateLimited) as info:
        client.currency()

    assert isinstance(info.value, SourceRateLimited) and info.value.retry_after == 0.0


def test_broken_json_once_is_asked_for_again(fake: WooCommerceFake) -> None:
    fake.break_json_next()
    with client_for(fake) as client:
        assert len(list(client.iter_products())) == 40
        assert client.unreadable == 1


def test_json_behind_a_php_notice_is_read(fake: WooCommerceFake) -> None:
    fake.break_json_next(kind="php_notice", times=3)
    with client_for(fake) as client:
        assert len(list(client.iter_products(per_page=20))) == 40
        assert client.currency() == "CNY"
        assert client.unreadable == 0
    assert decode_json(b"<br />\n<b>Notice</b>: x\n[1, 2]") == [1, 2]


def test_broken_json_every_time_is_an_error(fake: WooCommerceFake) -> None:
    fake.break_json_next(times=5)
    with client_for(fake) as client, pytest.raises(WooCommerceResponseError, match="valid JSON"):
        client.currency()
    assert len(api_requests(fake)) == 3


def test_an_unreachable_site_is_a_connection_error() -> None:
    with WooCommerceFake(products=1) as fake:
        address = fake.base_url
    client = WooCommerceClient(address, "ck_x", "cs_x", allow_http=True, retries=0, timeout=2.0)
    with client, pytest.raises(WooCommerceConnectionError, match="could not connect"):
        client.currency()


def test_malformed_products_fail_one_by_one_with_a_reason(fake: WooCommerceFake) -> None:
    simple = [pid for pid in fake.product_ids() if pid not in fake.variable_ids()]
    variable = fake.variable_ids()
    fake.corrupt_product(simple[0], "price")
    fake.corrupt_product(variable[0], "price")
    fake.corrupt_product(variable[1], "no_variations")
    fake.corrupt_product(simple[1], "name")
    fake.corrupt_product(simple[2], "huge_name")

    reasons: dict[int, str] = {}
    good = 0
    with client_for(fake) as client:
        for product in client.iter_products():
            try:
                parse_product(product, client.variations(product))
                good += 1
            except MalformedProduct as exc:
                reasons[product["id"]] = str(exc)

    assert good == 35
    assert "not an amount of money" in reasons[simple[0]]
    assert "not an amount of money" in reasons[variable[0]] and "variation" in reasons[variable[0]]
    assert "no variation" in reasons[variable[1]]
    assert "has no name" in reasons[simple[1]]
    assert "characters" in reasons[simple[2]] and len(reasons[simple[2]]) < 200


# --- webhooks ----------------------------------------------------------------------------


class Inbox(LoopbackServer):
    """A webhook receiver that verifies deliveries with the plugin's `read_delivery`."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret
        self.accepted: list[WooWebhook | WooPing] = []
        self.rejected: list[str] = []

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Answer 401 to anything that does not verify, 200 otherwise (pings included)."""
        try:
            delivery = read_delivery(self.secret, request.headers, request.body)
        except WooWebhookRejected as exc:
            with self.lock:
                self.rejected.append(str(exc))
            return FakeResponse(401, b"")
        with self.lock:
            self.accepted.append(delivery)
        return FakeResponse(200, b"")


@pytest.fixture
def inbox(fake: WooCommerceFake) -> Iterator[Inbox]:
    with Inbox(fake.webhook_secret) as server:
        yield server


def test_a_signed_delivery_is_accepted_over_its_raw_bytes(
    fake: WooCommerceFake, inbox: Inbox
) -> None:
    pid = fake.product_ids()[0]
    delivery = fake.webhook("product.updated", pid)

    assert send(inbox.url("/hooks/woo"), delivery).status == 200
    (hook,) = inbox.accepted
    assert isinstance(hook, WooWebhook)
    assert (hook.topic, hook.resource, hook.event) == ("product.updated", "product", "updated")
    assert hook.webhook_id == "7" and hook.delivery_id and hook.source == fake.url("/")
    assert hook.payload == fake.product(pid)
    assert b"\\u" in delivery.body and b"\\/" in delivery.body  # PHP's json_encode escapes
    reencoded = json.dumps(hook.payload).encode()
    with pytest.raises(WooWebhookRejected):  # a re-serialized body does not verify
        verify_signature(fake.webhook_secret, reencoded, delivery.headers["X-WC-Webhook-Signature"])


@pytest.mark.parametrize("forgery", ["other-secret", "altered-body", "no-signature"])
def test_forged_or_altered_deliveries_are_refused(
    fake: WooCommerceFake, inbox: Inbox, forgery: str
) -> None:
    delivery = fake.webhook("product.updated", fake.product_ids()[0])
    if forgery == "other-secret":
        forged = delivery.with_header(
            "X-WC-Webhook-Signature", signature("attacker", delivery.body)
        )
    elif forgery == "altered-body":
        forged = delivery.altered(delivery.body.replace(b'"price":"', b'"price":"0', 1))
    else:
        forged = delivery.without_header("X-WC-Webhook-Signature")

    assert send(inbox.url("/hooks/woo"), forged).status == 401
    assert inbox.accepted == [] and len(inbox.rejected) == 1


def test_the_creation_ping_is_answered_and_only_the_ping(
    fake: WooCommerceFake, inbox: Inbox
) -> None:
    ping = fake.ping()
    assert send(inbox.url("/hooks/woo"), ping).status == 200
    assert inbox.accepted == [WooPing(7)]

    for body in (b"webhook_id=7&topic=product.updated", b'{"id": 1}'):
        assert send(inbox.url("/hooks/woo"), ping.altered(body)).status == 401
    assert inbox.accepted == [WooPing(7)]


def test_duplicates_and_out_of_order_deliveries_arrive_as_sent(
    fake: WooCommerceFake, inbox: Inbox
) -> None:
    first, second = fake.product_ids()[:2]
    early = fake.webhook("product.updated", first)
    fake.update_product(first, name="改名 Renamed")
    late = fake.webhook("product.updated", first)
    gone = fake.webhook("product.deleted", second)

    sent = send_sequence(inbox.url("/hooks/woo"), [early, late, gone], order=[1, 0, 1, 2, 2])

    assert [s.status for s in sent] == [200] * 5
    hooks = [h for h in inbox.accepted if isinstance(h, WooWebhook)]
    assert [h.delivery_id for h in hooks] == [
        late.headers["X-WC-Webhook-Delivery-ID"],
        early.headers["X-WC-Webhook-Delivery-ID"],
        late.headers["X-WC-Webhook-Delivery-ID"],
        gone.headers["X-WC-Webhook-Delivery-ID"],
        gone.headers["X-WC-Webhook-Delivery-ID"],
    ]
    old_name = json.loads(early.body)["name"]
    assert old_name != "改名 Renamed"
    assert [h.payload["name"] for h in hooks[:3]] == ["改名 Renamed", old_name, "改名 Renamed"]
    modified = [h.payload["date_modified_gmt"] for h in hooks[:2]]
    assert modified[0] > modified[1]
    assert hooks[3].payload == {"id": second} and hooks[3].event == "deleted"


def test_signature_helpers() -> None:
    body = b'{"id":1,"name":"\\u7eff\\u8336"}'
    good = compute_signature("s3cret", body)
    assert good == signature("s3cret", body)
    verify_signature(["old", "s3cret"], body, good)
    with pytest.raises(WebhookRejected):
        verify_signature("s3cret", body + b"\n", good)
    unreadable = read_delivery(
        "s3cret",
        {
            "X-WC-Webhook-Topic": "product.updated",
            "X-WC-Webhook-Signature": compute_signature("s3cret", b"{"),
        },
        b"{",
    )
    assert isinstance(unreadable, WooWebhook) and unreadable.payload is None
    assert "not valid JSON" in unreadable.problem
