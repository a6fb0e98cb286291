"""The webhook publisher against a real receiver on loopback that verifies signatures itself."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
import requests

from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput, PluginFailure
from cloudcat.core.plugin_api import OutgoingMessage, PublishResult
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.webhook.publisher import WebhookPublisher
from cloudcat.plugins.webhook.signing import (
    InvalidSignature,
    is_valid_signature,
    sign,
    verify_signature,
)
from tests.fakes.webhook import WebhookReceiver

SECRET = "whsec-0123456789abcdef"
MESSAGE = OutgoingMessage(
    id="post-1",
    title="新品上市 New arrivals",
    body="Spring tea is here",
    url="https://tea.example/p/1",
    image_urls=["https://img.example/1.jpg"],
)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(SECRET) as server:
        yield server


def publisher(
    shop_plugins: ShopPlugins, shop: Shop, url: str, secret: str = SECRET
) -> WebhookPublisher:
    shop_plugins.configure(shop.id, "webhook", {"url": url}, {"secret": secret})
    shop_plugins.set_enabled(shop.id, "webhook", True)
    built = shop_plugins.provider(shop, "webhook")
    assert isinstance(built, WebhookPublisher)
    return built


def test_publish_delivers_signed_json_that_the_receiver_verifies(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    result = publisher(shop_plugins, shop, receiver.url("/hooks/cloudcat")).publish(MESSAGE)

    assert result == PublishResult(external_id="dlv_1", url=receiver.url("/posts/1"))
    assert receiver.rejected == []
    (delivery,) = receiver.deliveries
    assert delivery.event == "message.published"
    assert delivery.key == f"{shop.id}:post-1"
    assert delivery.payload["message"] == {
        "id": "post-1",
        "title": "新品上市 New arrivals",
        "body": "Spring tea is here",
        "url": "https://tea.example/p/1",
        "image_urls": ["https://img.example/1.jpg"],
    }
    assert delivery.payload["shop"] == {
        "id": str(shop.id),
        "slug": "tea-house",
        "name": "Tea House",
    }
    header = delivery.request.header("X-CloudCat-Signature")
    assert verify_signature(SECRET, header, delivery.request.body) > time.time() - 60


def test_republishing_the_same_message_is_deduplicated_by_the_receiver(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    webhook = publisher(shop_plugins, shop, receiver.url("/hook"))

    first = webhook.publish(MESSAGE)
    again = webhook.publish(MESSAGE)

    assert first == again
    assert len(receiver.deliveries) == 1
    assert receiver.duplicates == 1


def test_a_wrong_secret_is_refused_and_reported_clearly(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    webhook = publisher(shop_plugins, shop, receiver.url("/hook"), secret="not-the-right-secret")

    with pytest.raises(PluginFailure, match=r"answered HTTP 401.*same secret") as caught:
        webhook.publish(MESSAGE)

    assert "bad signature" in str(caught.value)
    assert receiver.deliveries == []
    assert [problem for _, problem in receiver.rejected] == ["bad signature"]


def test_forged_altered_and_stale_deliveries_are_rejected(receiver: WebhookReceiver) -> None:
    body = json.dumps({"event": "message.published", "message": {"id": "x"}}).encode()
    headers = {"Content-Type": "application/json", "X-CloudCat-Event": "message.published"}

    def post(signature: str | None, payload: bytes = body, key: str = "k1") -> int:
        sent = {**headers, "Idempotency-Key": key}
        if signature is not None:
            sent["X-CloudCat-Signature"] = signature
        return requests.post(
            receiver.url("/hook"), data=payload, headers=sent, timeout=5
        ).status_code

    good = sign(SECRET, body)
    altered = body.replace(b'"x"', b'"y"')
    assert post(None) == 401
    assert post(sign("forged-secret-000000", body)) == 401
    assert post(good, altered) == 401
    assert post(sign(SECRET, body, timestamp=int(time.time()) - 3600)) == 401
    assert post("t=abc,v1=00") == 401
    assert [problem for _, problem in receiver.rejected] == [
        "missing signature",
        "bad signature",
        "bad signature",
        "stale timestamp",
        "malformed signature",
    ]
    assert receiver.deliveries == []
    assert post(good) == 200
    assert len(receiver.deliveries) == 1


def test_non_2xx_answers_surface_as_plugin_failures(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    webhook = publisher(shop_plugins, shop, receiver.url("/hook"))

    receiver.respond_with(422, "message too long")
    with pytest.raises(PluginFailure, match=r"answered HTTP 422 .*\(message too long\)"):
        webhook.publish(MESSAGE)

    receiver.respond_with(500)  # a 5xx is retried (the key makes it safe), then it goes through
    assert webhook.publish(MESSAGE).external_id == "dlv_1"
    assert len(receiver.requests) == 3


def test_check_sends_a_signed_ping(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    webhook = publisher(shop_plugins, shop, receiver.url("/hook"))

    assert webhook.check().startswith("the webhook at http://127.0.0.1:")
    (ping,) = receiver.deliveries
    assert ping.event == "ping" and ping.payload["event"] == "ping"
    assert ping.key.startswith("ping:")

    with WebhookReceiver("another-secret-0000") as other:
        stranger = publisher(shop_plugins, shop, other.url("/hook"))
        with pytest.raises(PluginFailure, match="HTTP 401"):
            stranger.check()


def test_the_secret_is_validated_and_never_stored_in_clear(
    receiver: WebhookReceiver, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    with pytest.raises(BadInput) as caught:
        shop_plugins.configure(shop.id, "webhook", {"url": receiver.url()}, {"secret": "short"})
    assert [f.path for f in caught.value.fields] == [["config", "secret"]]

    publisher(shop_plugins, shop, receiver.url("/hook"))
    state = shop_plugins.state(shop.id, "webhook")
    assert state is not None
    assert SECRET not in json.dumps(state.to_mongo().to_dict(), default=str)
    assert WebhookPublisher.secret_fields() == ["secret"]


def test_verify_signature_checks_time_and_content() -> None:
    body = b'{"a":1}'
    now = 1_700_000_000
    header = sign(SECRET, body, timestamp=now)

    assert verify_signature(SECRET, header, body, now=now + 10) == now
    rotated = f"{header},v1={'0' * 64}"
    assert verify_signature(SECRET, rotated, body, now=now) == now
    for bad_header, bad_body, at, reason in [
        (header, body, now + 301, "outside the tolerance"),
        (header, body, now - 301, "outside the tolerance"),
        (header, b'{"a":2}', now, "does not match"),
        ("v1=abc", body, now, "needs t= and v1="),
        ("t=1;v1=2", body, now, "malformed"),
        (None, body, now, "no X-CloudCat-Signature header"),
    ]:
        with pytest.raises(InvalidSignature, match=reason):
            verify_signature(SECRET, bad_header, bad_body, now=at)
    assert is_valid_signature(SECRET, sign(SECRET, body), body)
    assert not is_valid_signature("other-secret", sign(SECRET, body), body)
