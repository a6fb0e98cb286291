"""The event collector: shopper footprints posted by a storefront, sent to the shop's sinks.

A plain Starlette endpoint rather than GraphQL, because it is the high-volume path. Each event
is validated on its own: bad ones are reported by index in `rejected`, good ones still go on.
An event whose `occurredAt` lies outside [now - 7 days, now + 10 minutes] is rejected (nothing
is clamped: the storefront learns which events to fix), and so is one whose `properties` nest
deeper than 8 levels.

`accepted` counts only events a sink stored. Valid events no sink stored are listed in
`dropped` with a reason: `no_sink_enabled` (the shop enabled no analytics sink) or
`sink_failed` (every enabled sink failed); when the best sink stored only part of a batch the
rest is one `{"reason": "partly_stored", "count": n}` entry (sinks report counts, not which).
The answer is 202 `{"accepted": n, "rejected": [...], "dropped": [...]}`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cloudcat.core.auth import StorefrontKeyCache
from cloudcat.core.documents import Shop
from cloudcat.core.providers import AnalyticsSink, ProviderKind, TrackedEvent
from cloudcat.core.services import Services
from cloudcat.core.web.bodies import (
    RequestRejected,
    json_depth,
    parse_json,
    read_body,
    require_json,
)
from cloudcat.core.web.graphql import storefront_authenticator
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.schema.context import Context

MAX_EVENTS = 100
MAX_PROPERTIES_DEPTH = 8
# How far from the time of receipt an event's `occurredAt` may lie.
MAX_EVENT_AGE = timedelta(days=7)
MAX_EVENT_LEAD = timedelta(minutes=10)
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
        # The site's footprints snippet (`cloudcat.core.site.footprints`).
        "view_item",
        "select_item",
        "click_buy",
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

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in EVENT_TYPES:
            raise ValueError(f"unknown event type {value!r}")
        return value

    @field_validator("occurred_at")
    @classmethod
    def _recent(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)  # a time without offset is read as UTC
        now = datetime.now(UTC)
        if value < now - MAX_EVENT_AGE:
            raise ValueError(f"occurredAt is more than {MAX_EVENT_AGE.days} days ago")
        if value > now + MAX_EVENT_LEAD:
            minutes = int(MAX_EVENT_LEAD.total_seconds() // 60)
            raise ValueError(f"occurredAt is more than {minutes} minutes in the future")
        return value

    @field_validator("properties")
    @classmethod
    def _shallow(cls, value: dict[str, Any]) -> dict[str, Any]:
        if json_depth(value) > MAX_PROPERTIES_DEPTH:
            raise ValueError(f"properties nest deeper than {MAX_PROPERTIES_DEPTH} levels")
        return value

    def tracked(self) -> TrackedEvent:
        """The event as sinks receive it (received now when it carries no time)."""
        return TrackedEvent(
            id=self.id,
            type=self.type,
            occurred_at=self.occurred_at or datetime.now(UTC),
            anonymous_id=self.anonymous_id,
            properties=self.properties,
            url=self.url,
        )


def _deliver(services: Services, shop: Shop, events: list[TrackedEvent]) -> tuple[int, str]:
    """Give `events` to the shop's enabled sinks, then tell its observers: how many the best
    sink stored, and the reason for the rest (meaningful only when not all were stored)."""
    shop_plugins = services.shop_plugins
    sinks = list(shop_plugins.enabled_providers(shop, ProviderKind.ANALYTICS_SINK))
    stored = 0
    failures = 0
    for sink in sinks:
        assert isinstance(sink, AnalyticsSink)
        try:
            stored = max(stored, min(len(events), int(sink.deliver(events))))
        except Exception as exc:  # one failing sink never stops the others
            failures += 1
            shop_plugins.record_error(shop.id, sink.name, exc)
    shop_plugins.call_observers(shop, "cloudcat_events_tracked", events=events)
    if not sinks:
        return 0, "no_sink_enabled"
    return stored, "sink_failed" if failures == len(sinks) else "partly_stored"


def _dropped(indexes: list[int], stored: int, reason: str) -> list[dict[str, Any]]:
    """The `dropped` part of the answer for valid events at `indexes` of which `stored` were
    stored."""
    if stored == 0:
        return [{"index": index, "reason": reason} for index in indexes]
    if stored < len(indexes):
        return [{"reason": reason, "count": len(indexes) - stored}]
    return []


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
        valid: list[TrackedEvent] = []
        indexes: list[int] = []
        rejected: list[dict[str, Any]] = []
        for index, raw in enumerate(raw_events):
            try:
                event = IncomingEvent.model_validate(raw)
            except ValidationError as exc:
                rejected.append({"index": index, "reason": str(exc)})
                continue
            valid.append(event.tracked())
            indexes.append(index)
        stored, reason = 0, ""
        if valid:
            stored, reason = await run_in_threadpool(
                _deliver, services, context.storefront(), valid
            )
        answer = {
            "accepted": stored,
            "rejected": rejected,
            "dropped": _dropped(indexes, stored, reason),
        }
        return JSONResponse(answer, status_code=202)

    return endpoint
