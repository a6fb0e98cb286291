"""What a plugin hands over to extend a GraphQL schema, and the per-shop gate its resolvers use.

Both live in the domain (not in `cloudcat.schema`) so that the plugin API never pulls in the
schema package: the schema builder reads `GraphQLContribution`s, and plugin resolvers call
`require_plugin_enabled` with the strawberry `Info` they are given.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bson import ObjectId
from graphql import OperationType

from cloudcat.core.documents import Role, Shop
from cloudcat.core.errors import Forbidden, NotFound, ShopSuspended

if TYPE_CHECKING:
    from cloudcat.core.auth import Viewer


@dataclass
class GraphQLContribution:
    """Strawberry types whose fields are merged into the schema's Query and Mutation.

    `query` and `mutation` are `@strawberry.type` classes; `types` lists extra types the schema
    must know that are not reachable from those fields.
    """

    query: type | None = None
    mutation: type | None = None
    types: list[type] = field(default_factory=list)


class EnabledPlugins(Protocol):
    """Which plugins a shop has enabled (`cloudcat.core.tenancy.ShopPlugins`)."""

    def enabled_names(self, shop_id: str | ObjectId) -> Collection[str]:
        """The names of the plugins enabled in shop `shop_id`."""
        ...


class GateContext(Protocol):
    """What `require_plugin_enabled` reads of a resolver's `info.context`."""

    @property
    def viewer(self) -> Viewer: ...

    @property
    def storefront_shop(self) -> Shop | None: ...

    @property
    def shop_plugins(self) -> EnabledPlugins: ...


def require_plugin_enabled(
    info: Any, shop_id: str, provider_name: str, role: Role = Role.ANALYST
) -> Shop:
    """Return the shop `shop_id` if the caller may act there and `provider_name` is enabled.

    `info` is the strawberry `Info` of the resolver (its `context` a `GateContext`).
    Admin schema: the viewer needs at least `role` in the shop (else NOT_FOUND or FORBIDDEN).
    Storefront schema: `shop_id` must be the shop of the storefront key. Then, since the schema
    is shared by all shops, the plugin must be enabled there (else FORBIDDEN). Every plugin
    resolver that takes a shop calls this first.
    """
    context: GateContext = info.context
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
