"""GraphQL enums of the admin schema."""

from __future__ import annotations

import strawberry

from cloudcat.core.documents import Role as RoleValue
from cloudcat.core.providers import ProviderKind

Role = strawberry.enum(RoleValue, name="Role", description="A member's role in a shop.")
PluginKind = strawberry.enum(ProviderKind, name="PluginKind", description="What a plugin provides.")
