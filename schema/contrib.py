"""What a plugin hands over to extend a GraphQL schema, and the per-shop gate its resolvers use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import OperationType
from strawberry.types import Info

from cloudcat.core.documents import Role, Shop
from cloudcat.core.errors import Forbidden, NotFound, ShopSuspended


@dataclass
class GraphQLContribution:
    """Strawberry types whose fields are merged into the schema's Query and Mutation.

    `query` and `mutation` are `@strawberry.type` classes; `types` lists extra types the schema
    must know that are not reachable from those fields.
    """

    query: type | None = None
    mutation: type | None = None
    types: list[type] = field(default_factory=list)


def require_plugin_enabled(
    info: Info[Any, Any], shop_id: str, provider_name: str, role: Role = Role.ANALYST
) -> Shop:
    """Return the shop `shop_id` if the caller may act there and `provider_name` is enabled.

    Admin schema: the viewer needs at least `role` in the shop (else NOT_FOUND or FORBIDDEN).
    Storefront schema: `shop_id` must be the shop of the storefront key. Then, since the schema
    is shared by all shops, the plugin must be enabled there (else FORBIDDEN). Every plugin
    resolver that takes a shop calls this first.
    """
    context = info.context
    if context.storefront_shop is not None:
        shop: Shop = context.storefront_shop
        if str(shop.id) != str(shop_id):
            raise NotFound(f"no shop with id {shop_id!r}")
    else:
        shop = context.viewer.require(shop_id, role)
        if shop.suspended and info.operation.operation is OperationType.MUTATION:
            raise ShopSuspended()
    if provider_name not in context.shop_plugins.enabled_names(shop.id):
        raise Forbidden(f"the plugin {provider_name!r} is not enabled in this shop")
    return shop
