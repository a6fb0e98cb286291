"""The role check every admin resolver goes through."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Role, Shop
from cloudcat.core.errors import Unauthenticated
from cloudcat.schema.context import AppInfo


async def authorize(info: AppInfo, shop_id: str, role: Role = Role.ANALYST) -> Shop:
    """The shop `shop_id` if the viewer holds at least `role` there (else NOT_FOUND/FORBIDDEN)."""
    return await run_in_threadpool(info.context.viewer.require, shop_id, role)


def require_signed_in(info: AppInfo) -> None:
    """Raise UNAUTHENTICATED unless a user session or an admin token is present."""
    if not info.context.viewer.authenticated:
        raise Unauthenticated()
