"""Who may read /metrics: with `CLOUDCAT_METRICS_TOKEN` set, only a scraper sending it as a
bearer token; without one, anyone in development and tests, and no one in production (404),
so a deployment never exposes its metrics by accident."""

from __future__ import annotations

import hmac

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

METRICS_PATH = "/metrics"


def metrics_allowed(authorization: str, token: str, production: bool) -> bool | None:
    """True to serve, False to ask for the token (401), None to hide /metrics (404)."""
    if not token:
        return None if production else True
    scheme, _, given = authorization.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token)


class MetricsAccess:
    """Pure ASGI middleware guarding `/metrics` as `metrics_allowed` says."""

    def __init__(self, app: ASGIApp, token: str, production: bool) -> None:
        self.app = app
        self.token = token
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request; a refused /metrics request never reaches the app."""
        if scope["type"] != "http" or scope["path"] != METRICS_PATH:
            await self.app(scope, receive, send)
            return
        authorization = Headers(scope=scope).get("authorization", "")
        allowed = metrics_allowed(authorization, self.token, self.production)
        if allowed:
            await self.app(scope, receive, send)
            return
        if allowed is None:
            response = JSONResponse({"error": "not found"}, status_code=404)
        else:
            response = JSONResponse(
                {"error": "send the metrics token: Authorization: Bearer <token>"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        await response(scope, receive, send)
