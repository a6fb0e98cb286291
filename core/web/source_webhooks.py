"""Inbound marketplace webhooks: ``POST /webhooks/{source}/{shop_id}``.

The marketplace source of the shop (enabled, with the ``webhooks`` capability) checks the
delivery's signature with `verify_webhook` before anything else reads it; a delivery that does
not verify is refused with 401 and changes nothing. The changes it announces are applied at once
by the sync engine, idempotently and order-safely (a duplicate or an older delivery arriving
late changes nothing), and recorded in the shop's sync ledger when anything changed or failed.

Answers: 200 ``{"applied": n, "changed": n, "failed": n}``; 401 for a bad signature; 404 for
an unknown shop or a source that is not enabled there or takes no webhooks; 413 for a body over
`MAX_WEBHOOK_BYTES`; 503 when the changes could not be stored (the marketplace retries).
"""

from __future__ import annotations

import logging
from typing import Any

from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cloudcat.core.catalog.engine import apply_changes
from cloudcat.core.documents import Shop
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.services import Services
from cloudcat.core.sources import SourceCapability, WebhookRejected
from cloudcat.core.web.bodies import RequestRejected, read_body

log = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 5_000_000


def _answer(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _source(services: Services, source: str, shop_id: str) -> tuple[Shop, MarketplaceSource]:
    """The shop and its enabled source taking webhooks; `LookupError` if there is none."""
    if not ObjectId.is_valid(shop_id):
        raise LookupError("no such shop")
    shop = Shop.objects(id=ObjectId(shop_id)).first()
    installed = services.plugins.provider(source)
    if shop is None or installed is None:
        raise LookupError("no such shop or source")
    if source not in services.shop_plugins.enabled_names(shop.id):
        raise LookupError("that source is not enabled in this shop")
    provider = services.shop_plugins.provider(shop, source)
    if not isinstance(provider, MarketplaceSource) or (
        SourceCapability.WEBHOOKS.value not in provider.capabilities
    ):
        raise LookupError("that source takes no webhooks")
    return shop, provider


def _deliver(
    services: Services, source: str, shop_id: str, headers: dict[str, str], body: bytes
) -> Response:
    try:
        shop, provider = _source(services, source, shop_id)
    except LookupError as exc:
        return _answer(404, "NOT_FOUND", str(exc))
    try:
        changes = provider.verify_webhook(headers, body)
    except WebhookRejected as exc:
        log.warning("webhook for %s in shop %s refused: %s", source, shop_id, exc)
        return _answer(401, "WEBHOOK_REJECTED", str(exc))
    except Exception as exc:
        log.warning("webhook for %s in shop %s unreadable: %s", source, shop_id, exc)
        return _answer(400, "BAD_REQUEST", "the delivery cannot be read")
    if shop.suspended:  # the marketplace delivers again later; resuming catches up
        return _answer(503, "SHOP_SUSPENDED", "this shop is suspended: deliver again later")
    try:
        report = apply_changes(
            shop, provider, changes, observers=services.shop_plugins, trigger="webhook"
        )
    except Exception as exc:
        log.warning("webhook changes for %s in shop %s not stored: %s", source, shop_id, exc)
        return _answer(503, "UNAVAILABLE", "the changes could not be stored; deliver again")
    changed = sum(entity.changed for entity in report.entities.values())
    body_out: dict[str, Any] = {
        "applied": len(changes),
        "changed": changed,
        "failed": report.failed,
    }
    return JSONResponse(body_out)


def source_webhook_routes(services: Services) -> list[Route]:
    """The route receiving marketplace webhooks for every shop and source."""

    async def endpoint(request: Request) -> Response:
        try:
            body = await read_body(request, MAX_WEBHOOK_BYTES)
        except RequestRejected as exc:
            return _answer(exc.status, exc.code, exc.message)
        headers = {key.lower(): value for key, value in request.headers.items()}
        source, shop_id = request.path_params["source"], request.path_params["shop_id"]
        return await run_in_threadpool(_deliver, services, source, shop_id, headers, body)

    return [Route("/webhooks/{source}/{shop_id}", endpoint, methods=["POST"])]
