"""What a plugin hands over to extend a GraphQL schema, and the per-shop gate its resolvers use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info

from cloudcat.core.errors import Forbidden


@dataclass
class GraphQLContribution:
    """Strawberry types whose fields are merged into the schema's Query and Mutation.

    `query` and `mutation` are `@strawberry.type` classes; `types` lists extra types the schema
    must know that are not reachable from those fields.
    """

    query: type | None = None
    mutation: type | None = None
    types: list[type] = field(default_factory=list)


def require_plugin_enabled(info: Info[Any, Any], shop_id: str, provider_name: str) -> None:
    """Raise FORBIDDEN unless `provider_name` is enabled for the shop `shop_id`.

    The schema is shared by all shops, so plugin fields are gated here at resolve time.
    """
    enabled = info.context.shop_plugins.enabled_names(shop_id)
    if provider_name not in enabled:
        raise Forbidden(f"the plugin {provider_name!r} is not enabled in this shop")
