"""Reading Shopify webhook deliveries: verify the HMAC first, then the headers, then the JSON.

Shopify POSTs each delivery with ``X-Shopify-Topic``, ``X-Shopify-Hmac-Sha256``,
``X-Shopify-Shop-Domain``, ``X-Shopify-Webhook-Id``, ``X-Shopify-Triggered-At`` (and
``X-Shopify-API-Version``, ``X-Shopify-Event-Id``). Deliveries can arrive twice (same webhook
id) and out of order; `ShopifyWebhook` carries the id and the trigger time so the sync engine
can ignore repeats and stale changes. A receiver should answer 2xx quickly and do the work
later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cloudcat.plugins.shopify.domains import is_shop_domain
from cloudcat.plugins.shopify.errors import ShopifyWebhookRejected
from cloudcat.plugins.shopify.hmac import InvalidHmac, verify_webhook_hmac

TOPIC_HEADER = "X-Shopify-Topic"
HMAC_HEADER = "X-Shopify-Hmac-Sha256"
SHOP_HEADER = "X-Shopify-Shop-Domain"
WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id"
EVENT_ID_HEADER = "X-Shopify-Event-Id"
TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At"
API_VERSION_HEADER = "X-Shopify-API-Version"


@dataclass(frozen=True)
class ShopifyWebhook:
    """One verified delivery.

    `payload` is the decoded JSON body, or None when the (authentic) body is not JSON; then
    `problem` says why, so the caller can record the delivery as failed instead of crashing.
    """

    topic: str
    shop_domain: str
    webhook_id: str
    event_id: str
    triggered_at: datetime | None
    api_version: str
    payload: Any
    body: bytes
    problem: str = ""


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header's value, matched without regard to case."""
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 time as Shopify writes it (nanoseconds allowed, ``Z``); None if unreadable."""
    if not value:
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip()).replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_webhook(
    secret: str | Sequence[str],
    headers: Mapping[str, str],
    body: bytes,
    *,
    shop: str | None = None,
) -> ShopifyWebhook:
    """Verify and read one delivery; raise `ShopifyWebhookRejected` when it is not authentic.

    The HMAC is checked over the raw `body` before anything else is trusted; then the shop
    domain (which must be a ``*.myshopify.com`` domain, and `shop` when given), the topic and
    the webhook id must be present.
    """
    try:
        verify_webhook_hmac(secret, body, header(headers, HMAC_HEADER))
    except InvalidHmac as exc:
        raise ShopifyWebhookRejected(f"Shopify webhook refused: {exc}") from exc
    shop_domain = (header(headers, SHOP_HEADER) or "").strip().lower()
    if not is_shop_domain(shop_domain):
        raise ShopifyWebhookRejected("Shopify webhook refused: no valid X-Shopify-Shop-Domain")
    if shop is not None and shop_domain != shop.lower():
        raise ShopifyWebhookRejected(
            f"Shopify webhook refused: it is for {shop_domain}, not for {shop}"
        )
    topic = (header(headers, TOPIC_HEADER) or "").strip()
    webhook_id = (header(headers, WEBHOOK_ID_HEADER) or "").strip()
    if not topic or not webhook_id:
        raise ShopifyWebhookRejected("Shopify webhook refused: topic or webhook id missing")
    payload: Any = None
    problem = ""
    try:
        payload = json.loads(body)
    except ValueError as exc:
        problem = f"the webhook body is not valid JSON ({exc})"
    return ShopifyWebhook(
        topic=topic,
        shop_domain=shop_domain,
        webhook_id=webhook_id,
        event_id=(header(headers, EVENT_ID_HEADER) or "").strip(),
        triggered_at=parse_timestamp(header(headers, TRIGGERED_AT_HEADER)),
        api_version=(header(headers, API_VERSION_HEADER) or "").strip(),
        payload=payload,
        body=body,
        problem=problem,
    )
