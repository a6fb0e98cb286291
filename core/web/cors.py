"""CORS for the storefront API and the event collector: browsers on a shop's own domains may
call them with the shop's publishable key; no other origin gets CORS headers.

A preflight (`OPTIONS` with `Access-Control-Request-Method`) carries no key, so it is allowed
when any shop lists the origin in `allowed_origins` (an indexed lookup). The real request then
carries the key: it gets `Access-Control-Allow-Origin` only when the key's shop lists the origin
(otherwise the browser withholds the answer from the page). No credentials (cookies) are
involved: the key travels in a header.
"""

from __future__ import annotations

from collections.abc import Collection

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cloudcat.core.auth import StorefrontKeyCache, shop_for_storefront_key
from cloudcat.core.documents import Shop

CORS_PATHS = frozenset({"/storefront/graphql", "/collect"})
ALLOW_METHODS = "GET, POST, OPTIONS"
ALLOW_HEADERS = "content-type, x-cloudcat-storefront-key, authorization"
EXPOSE_HEADERS = "Retry-After, X-Request-ID"
MAX_AGE_SECONDS = 600


def origin_configured(origin: str) -> bool:
    """Whether any shop allows `origin` (uses the index on `allowed_origins`)."""
    return Shop.objects(allowed_origins=origin).only("id").first() is not None


def _key(headers: Headers, scope: Scope) -> str:
    key = headers.get("x-cloudcat-storefront-key", "")
    if not key:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else ""
    if not key and scope["method"] == "GET":  # a storefront GET may name it in the URL
        key = QueryParams(scope["query_string"]).get("storefrontKey", "")
    return key


def _key_allows(key: str, origin: str, keys: StorefrontKeyCache) -> bool:
    found = shop_for_storefront_key(key, keys) if key else None
    return found is not None and origin in found[0].allowed_origins


class StorefrontCors:
    """Pure ASGI middleware answering preflights and adding CORS headers on `paths`."""

    def __init__(
        self, app: ASGIApp, keys: StorefrontKeyCache, paths: Collection[str] = CORS_PATHS
    ) -> None:
        self.app = app
        self.keys = keys
        self.paths = frozenset(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request: preflights here, everything else through the app."""
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if scope["method"] == "OPTIONS":
            response = await _preflight(origin, headers)
            await response(scope, receive, send)
            return
        if origin is None:
            await self.app(scope, receive, send)
            return
        allowed = await run_in_threadpool(_key_allows, _key(headers, scope), origin, self.keys)

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                response_headers.add_vary_header("Origin")
                if allowed:
                    response_headers["Access-Control-Allow-Origin"] = origin
                    response_headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def _preflight(origin: str | None, headers: Headers) -> Response:
    """A preflight's answer: 204 with the grant when some shop allows the origin, else 403."""
    if origin is None or "access-control-request-method" not in headers:
        return Response(status_code=204, headers={"Allow": ALLOW_METHODS})
    if not await run_in_threadpool(origin_configured, origin):
        return Response(status_code=403, headers={"Vary": "Origin"})
    grant = {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": ALLOW_METHODS,
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        "Access-Control-Max-Age": str(MAX_AGE_SECONDS),
        "Vary": "Origin",
    }
    return Response(status_code=204, headers=grant)
