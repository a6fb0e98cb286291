"""Reading WooCommerce webhook deliveries: the signature first, then the headers and JSON.

``WC_Webhook::deliver`` POSTs the JSON body (as ``wp_json_encode`` writes it) with
``X-WC-Webhook-Source``, ``-Topic`` (``product.updated``), ``-Resource``, ``-Event``,
``-Signature`` (base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret), ``-ID``
and ``-Delivery-ID``. When a webhook is created WooCommerce first POSTs an unsigned ping, the
form body ``webhook_id=N``, and keeps the webhook only if it gets HTTP 200: `read_delivery`
returns a `WooPing` for it (which must change nothing). Any other unsigned or wrongly signed
delivery is refused with `WooWebhookRejected`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cloudcat.plugins.woocommerce.errors import WooWebhookRejected

SIGNATURE_HEADER = "X-WC-Webhook-Signature"
TOPIC_HEADER = "X-WC-Webhook-Topic"
RESOURCE_HEADER = "X-WC-Webhook-Resource"
EVENT_HEADER = "X-WC-Webhook-Event"
SOURCE_HEADER = "X-WC-Webhook-Source"
WEBHOOK_ID_HEADER = "X-WC-Webhook-ID"
DELIVERY_ID_HEADER = "X-WC-Webhook-Delivery-ID"
_PING = re.compile(rb"^webhook_id=(\d+)$")


@dataclass(frozen=True)
class WooPing:
    """The ping sent when webhook `webhook_id` is created; answer 200 and do nothing else."""

    webhook_id: int


@dataclass(frozen=True)
class WooWebhook:
    """One verified delivery. `payload` is None when the (authentic) body is not JSON; then
    `problem` says why."""

    topic: str
    resource: str
    event: str
    webhook_id: str
    delivery_id: str
    source: str
    payload: Any
    body: bytes
    problem: str = ""


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header's value, matched without regard to case."""
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def compute_signature(secret: str, body: bytes) -> str:
    """The ``X-WC-Webhook-Signature`` of `body`: base64 HMAC-SHA256 keyed with `secret`."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def verify_signature(secret: str | Sequence[str], body: bytes, signature: str | None) -> None:
    """Check a signature over the raw `body`; raise `WooWebhookRejected` when it fails.

    Several secrets may be given (during a rotation); every one is compared.
    """
    if not signature:
        raise WooWebhookRejected("WooCommerce webhook refused: no X-WC-Webhook-Signature")
    given = signature.strip().encode()
    matched = False
    for candidate in [secret] if isinstance(secret, str) else list(secret):
        matched |= hmac.compare_digest(compute_signature(candidate, body).encode(), given)
    if not matched:
        raise WooWebhookRejected("WooCommerce webhook refused: the signature does not match")


def read_ping(headers: Mapping[str, str], body: bytes) -> WooPing | None:
    """The creation ping if this delivery is one (unsigned, no topic, ``webhook_id=N``)."""
    if header(headers, SIGNATURE_HEADER) is not None or header(headers, TOPIC_HEADER) is not None:
        return None
    ping = _PING.match(body.strip())
    return WooPing(int(ping.group(1))) if ping is not None else None


def read_delivery(
    secret: str | Sequence[str], headers: Mapping[str, str], body: bytes
) -> WooWebhook | WooPing:
    """Verify and read one delivery (or recognize the creation ping)."""
    ping = read_ping(headers, body)
    if ping is not None:
        return ping
    signature = header(headers, SIGNATURE_HEADER)
    verify_signature(secret, body, signature)
    topic = (header(headers, TOPIC_HEADER) or "").strip()
    if not topic:
        raise WooWebhookRejected("WooCommerce webhook refused: no X-WC-Webhook-Topic")
    resource, _, event = topic.partition(".")
    payload: Any = None
    problem = ""
    try:
        payload = json.loads(body)
    except ValueError as exc:
        problem = f"the webhook body is not valid JSON ({exc})"
    return WooWebhook(
        topic=topic,
        resource=(header(headers, RESOURCE_HEADER) or resource).strip(),
        event=(header(headers, EVENT_HEADER) or event).strip(),
        webhook_id=(header(headers, WEBHOOK_ID_HEADER) or "").strip(),
        delivery_id=(header(headers, DELIVERY_ID_HEADER) or "").strip(),
        source=(header(headers, SOURCE_HEADER) or "").strip(),
        payload=payload,
        body=body,
        problem=problem,
    )
