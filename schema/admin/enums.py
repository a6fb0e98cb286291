"""GraphQL enums of the admin schema: the domain enums, registered with strawberry."""

from __future__ import annotations

import strawberry

from cloudcat.core.documents import Role as RoleValue
from cloudcat.core.providers import ProviderKind

# strawberry.enum() registers the GraphQL definition on the class and returns that same class.
strawberry.enum(RoleValue, name="Role", description="A member's role in a shop.")
strawberry.enum(ProviderKind, name="PluginKind", description="What a plugin provides.")

Role = RoleValue
PluginKind = ProviderKind
