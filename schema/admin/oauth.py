"""Connecting a shop's plugin by one-click authorization (OAuth) with its provider."""

from __future__ import annotations

from datetime import datetime

import strawberry
from starlette.concurrency import run_in_threadpool

from cloudcat.core.auth import SESSION_COOKIE
from cloudcat.core.documents import Role
from cloudcat.core.errors import Unauthenticated
from cloudcat.core.oauth import OAuthFlows
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.context import AppInfo


@strawberry.type(description="A started authorization: send the seller's browser to `url`.")
class AuthorizationStart:
    url: str = strawberry.field(description="The provider's authorization page.")
    expires_at: datetime = strawberry.field(
        description="The seller must approve, and come back, before this time."
    )


@strawberry.type
class OAuthMutation:
    @strawberry.mutation(
        description=(
            "Start connecting a plugin of a shop with its provider (editor; a signed-in user, "
            "not an admin token). Returns the provider's authorization page: the provider "
            "sends the browser back to /oauth/{plugin}/callback, which stores the "
            "authorization and redirects to /admin/shops/{shopId}/plugins?connected={plugin} "
            "(or ?denied= / ?failed=, with the reason in the plugin's lastError). The "
            "authorization must come back within 10 minutes, in this browser session, once."
        )
    )
    async def start_authorization(
        self, info: AppInfo, shop_id: strawberry.ID, plugin: str
    ) -> AuthorizationStart:
        shop = await authorize(info, shop_id, Role.EDITOR)
        user = info.context.viewer.require_user()
        session = info.context.request.cookies.get(SESSION_COOKIE)
        if not session:
            raise Unauthenticated("sign in with your browser to connect a plugin")
        flows = OAuthFlows(info.context.shop_plugins)
        started = await run_in_threadpool(flows.start, shop, plugin, user.id, session)
        return AuthorizationStart(url=started.url, expires_at=started.expires_at)

    @strawberry.mutation(
        description=(
            "Forget a plugin's authorization in a shop (editor); true if there was one. "
            "The provider may keep the grant until it expires or the seller revokes it there."
        )
    )
    async def disconnect_authorization(
        self, info: AppInfo, shop_id: strawberry.ID, plugin: str
    ) -> bool:
        shop = await authorize(info, shop_id, Role.EDITOR)
        flows = OAuthFlows(info.context.shop_plugins)
        return await run_in_threadpool(flows.disconnect, shop.id, plugin)
