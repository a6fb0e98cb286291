"""The event collector: shopper footprints posted by a storefront, sent to the shop's sinks.

A plain Starlette endpoint rather than GraphQL, because it is the high-volume path. Each event
is validated on its own: bad ones are reported by index, good ones are still accepted.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cloudcat.core.auth import StorefrontKeyCache
from cloudcat.core.documents import Shop
from cloudcat.core.providers import AnalyticsSink, ProviderKind, TrackedEvent
from cloudcat.core.services import Services
from cloudcat.core.web.bodies import RequestRejected, parse_json, read_body, require_json
from cloudcat.core.web.graphql import storefront_authenticator
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.schema.context import Context

MAX_EVENTS = 100
EVENT_TYPES = frozenset(
    {
        "page_view",
        "product_view",
        "add_to_cart",
        "remove_from_cart",
        "checkout",
        "order",
        "share",
        "search",
    }
)


class IncomingEvent(BaseModel):
    """One event as a storefront posts it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, min_length=8, max_length=64)
    type: str
    anonymous_id: str = Field(alias="anonymousId", min_length=1, max_length=128)
    occurred_at: datetime | None = Field(default=None, alias="occurredAt")
    url: str = Field(default="", max_length=2048)
    properties: dict[str, Any] = Field(default_factory=dict)

    def tracked(self) -> TrackedEvent:
        return TrackedEvent(
            id=self.id,
            type=self.type,
            occurred_at=self.occurred_at or datetime.now(UTC),
            anonymous_id=self.anonymous_id,
            properties=self.properties,
            url=self.url,
        )


def _deliver(services: Services, shop: Shop, events: list[TrackedEvent]) -> None:
    shop_plugins = services.shop_plugins
    for sink in shop_plugins.enabled_providers(shop, ProviderKind.ANALYTICS_SINK):
        assert isinstance(sink, AnalyticsSink)
        try:
            sink.deliver(events)
        except Exception as exc:  # one failing sink never stops the others
            shop_plugins.record_error(shop.id, sink.name, exc)
    shop_plugins.call_observers(shop, "cloudcat_events_tracked", events=events)


def collect_endpoint(
    services: Services, limiter: RateLimiter, keys: StorefrontKeyCache | None = None
) -> Any:
    """Build the endpoint for `POST /collect` (storefront key lookups cached in `keys`)."""
    authenticate = storefront_authenticator(limiter, keys)

    async def endpoint(request: Request) -> Response:
        try:
            require_json(request)
            body = parse_json(await read_body(request, services.settings.max_body_bytes))
            context = Context(request=request, services=services)
            await authenticate(request, context)
            raw_events = body.get("events") if isinstance(body, dict) else None
            if not isinstance(raw_events, list) or not 1 <= len(raw_events) <= MAX_EVENTS:
                raise RequestRejected(
                    400, "BAD_REQUEST", f"send {{'events': [...]}} with 1 to {MAX_EVENTS} events"
                )
        except RequestRejected as refusal:
            return refusal.response()
        accepted: list[TrackedEvent] = []
        rejected: list[dict[str, Any]] = []
        for index, raw in enumerate(raw_events):
            try:
                event = IncomingEvent.model_validate(raw)
                if event.type not in EVENT_TYPES:
                    raise ValueError(f"unknown event type {event.type!r}")
            except (ValidationError, ValueError) as exc:
                rejected.append({"index": index, "reason": str(exc)})
                continue
            accepted.append(event.tracked())
        shop = context.storefront()
        if accepted:
            await run_in_threadpool(_deliver, services, shop, accepted)
        return JSONResponse({"accepted": len(accepted), "rejected": rejected}, status_code=202)

    return endpoint
