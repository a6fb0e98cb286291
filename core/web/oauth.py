"""The authorization callback every plugin shares: ``GET /oauth/{plugin}/callback``.

The provider sends the seller's browser here after its authorization page. The ``state`` is
checked first (see `OAuthFlows.claim`: started here, for this plugin, by this very browser
session, less than 10 minutes ago, and never used); a callback that fails the check changes
nothing and gets a plain error page. Then:

* ``error=…`` (``access_denied`` when the seller declined) is recorded on the plugin's status
  and the browser goes back to ``/admin/shops/{shopId}/plugins?denied={plugin}``;
* otherwise the code is exchanged and the tokens stored: ``…/plugins?connected={plugin}``
  (a provider defining ``exchange_callback`` gets the whole query instead of the code, to
  verify what else the callback carries, e.g. Shopify's ``hmac``);
  when the exchange fails, the reason is recorded and the browser goes to ``?failed={plugin}``.

Answers are never cached and send no referrer (the URL carried a code).
"""

from __future__ import annotations

import logging
from html import escape
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cloudcat.core.auth import SESSION_COOKIE
from cloudcat.core.errors import NotFound
from cloudcat.core.oauth import CALLBACK_PATH, OAuthFlows, StateRejected
from cloudcat.core.services import Services

log = logging.getLogger(__name__)

PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _page(status: int, title: str, detail: str) -> HTMLResponse:
    body = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>"
        f"<p>{escape(detail)}</p><p><a href='/admin/'>Back to the CloudCat admin</a></p>"
        "</body></html>"
    )
    return HTMLResponse(body, status_code=status, headers=PRIVATE)


def _back(shop_id: object, outcome: str, plugin: str) -> RedirectResponse:
    query = urlencode({outcome: plugin})
    return RedirectResponse(
        f"/admin/shops/{shop_id}/plugins?{query}", status_code=303, headers=PRIVATE
    )


def complete_callback(
    flows: OAuthFlows, plugin: str, params: dict[str, str], session: str | None
) -> Response:
    """Handle one callback (blocking: runs in a worker thread)."""
    try:
        claimed = flows.claim(params.get("state"), plugin, session)
    except StateRejected as rejected:
        log.warning("refused an authorization callback for %s: %s", plugin, rejected.reason)
        return _page(400, "This authorization cannot be completed", rejected.message)
    error = params.get("error")
    if error:
        flows.deny(claimed, error, params.get("error_description", ""))
        return _back(claimed.shop_id, "denied", plugin)
    try:
        flows.complete(claimed, params.get("code", ""), params)
    except NotFound as gone:
        return _page(404, "This shop no longer exists", gone.message)
    except Exception as exc:  # a failing provider is recorded on the plugin, never raised
        flows.fail(claimed, exc)
        return _back(claimed.shop_id, "failed", plugin)
    return _back(claimed.shop_id, "connected", plugin)


def oauth_routes(services: Services) -> list[BaseRoute]:
    """The callback route, for every plugin that implements `OAuthProvider`."""
    flows = OAuthFlows(services.shop_plugins)

    async def callback(request: Request) -> Response:
        params = {key: request.query_params[key] for key in request.query_params}
        session = request.cookies.get(SESSION_COOKIE)
        plugin = request.path_params["plugin"]
        return await run_in_threadpool(complete_callback, flows, plugin, params, session)

    return [Route(CALLBACK_PATH, callback, methods=["GET"])]
