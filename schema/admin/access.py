"""The role check every admin resolver goes through."""

from __future__ import annotations

from graphql import OperationType
from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Role, Shop
from cloudcat.core.errors import Forbidden, ShopSuspended, Unauthenticated
from cloudcat.core.i18n import message
from cloudcat.schema.context import AppInfo


async def authorize(info: AppInfo, shop_id: str, role: Role = Role.ANALYST) -> Shop:
    """The shop `shop_id` if the viewer holds at least `role` there (else NOT_FOUND/FORBIDDEN).

    In a mutation, a suspended shop is refused with SHOP_SUSPENDED (reads stay allowed), but
    to an operator."""
    shop = await run_in_threadpool(info.context.viewer.require, shop_id, role)
    mutating = info.operation.operation is OperationType.MUTATION
    if shop.suspended and mutating and not is_operator(info):
        raise ShopSuspended(message("SHOP_SUSPENDED", info.context.locale))
    return shop


def is_operator(info: AppInfo) -> bool:
    """Whether the viewer is a signed-in operator (admin tokens never are)."""
    user = info.context.viewer.user
    return user is not None and bool(user.is_operator)


def require_operator(info: AppInfo) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless the viewer is an operator."""
    require_signed_in(info)
    if not is_operator(info):
        raise Forbidden("only an operator of this deployment may do this")


def require_signed_in(info: AppInfo) -> None:
    """Raise UNAUTHENTICATED unless a user session or an admin token is present."""
    if not info.context.viewer.authenticated:
        raise Unauthenticated()
