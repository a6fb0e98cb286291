"""Webhook deliveries as marketplaces send them: exact bytes, headers, duplicates, odd order.

A `WebhookDelivery` is one HTTP POST ready to go (raw body plus headers). `send(url, delivery)`
posts it; `send_sequence(url, deliveries, order)` posts them in the order given by indexes,
where an index may repeat (a duplicate delivery, byte-identical, as marketplaces retry) and
the order may differ from creation order (out-of-order delivery). `altered` and `resigned`
make tampered copies for negative tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import requests


@dataclass(frozen=True)
class WebhookDelivery:
    """One webhook request: the raw body and the headers the marketplace sends with it."""

    topic: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def altered(self, body: bytes) -> WebhookDelivery:
        """The same headers (and so the same signature) over a different body."""
        return replace(self, body=body)

    def with_header(self, name: str, value: str) -> WebhookDelivery:
        """A copy with one header replaced (e.g. a forged signature)."""
        return replace(self, headers={**self.headers, name: value})

    def without_header(self, name: str) -> WebhookDelivery:
        """A copy without one header."""
        headers = {k: v for k, v in self.headers.items() if k.lower() != name.lower()}
        return replace(self, headers=headers)


@dataclass
class SentDelivery:
    """What happened to one POST: the delivery and the receiver's status code."""

    delivery: WebhookDelivery
    status: int


def send(url: str, delivery: WebhookDelivery, *, timeout: float = 5.0) -> SentDelivery:
    """POST `delivery` to `url` exactly as built; return the receiver's answer."""
    response = requests.post(url, data=delivery.body, headers=delivery.headers, timeout=timeout)
    return SentDelivery(delivery, response.status_code)


def send_sequence(
    url: str,
    deliveries: Sequence[WebhookDelivery],
    order: Sequence[int] | None = None,
    *,
    sender: Callable[[str, WebhookDelivery], SentDelivery] = send,
) -> list[SentDelivery]:
    """Send `deliveries[i]` for each `i` in `order` (default: creation order), one by one.

    ``order=[2, 0, 0, 1]`` sends the third delivery first, the first one twice (a duplicate
    with the same id and bytes), then the second.
    """
    indexes = range(len(deliveries)) if order is None else order
    return [sender(url, deliveries[index]) for index in indexes]
