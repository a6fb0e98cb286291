"""The public API for plugin authors: the only CloudCat module a plugin needs to import.

    from cloudcat.core.plugin_api import hookimpl, ChannelPublisher, PublishResult

    class Pigeon(ChannelPublisher):
        name = "pigeon"
        title = "Carrier pigeon"
        ...

    @hookimpl
    def cloudcat_channel_publishers():
        return [Pigeon]

Register the module in your package's ``[project.entry-points."cloudcat.plugins"]``.
"""

from __future__ import annotations

import pluggy
from pydantic import SecretStr

from cloudcat.core import __version__
from cloudcat.core.documents import Role
from cloudcat.core.errors import PluginFailure
from cloudcat.core.hookspecs import PROJECT
from cloudcat.core.http import describe_request_error, http_session, redact_url
from cloudcat.core.providers import (
    AnalyticsSink,
    ChannelPublisher,
    MarketplaceSource,
    NoConfig,
    OutgoingMessage,
    ProductRecord,
    ProviderContext,
    ProviderKind,
    PublishResult,
    RejectedRecord,
    ShopInfo,
    StorefrontPage,
    Theme,
    TrackedEvent,
)
from cloudcat.schema.contrib import GraphQLContribution, require_plugin_enabled

hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = [
    "AnalyticsSink",
    "ChannelPublisher",
    "GraphQLContribution",
    "MarketplaceSource",
    "NoConfig",
    "OutgoingMessage",
    "PluginFailure",
    "ProductRecord",
    "ProviderContext",
    "ProviderKind",
    "PublishResult",
    "RejectedRecord",
    "Role",
    "SecretStr",
    "ShopInfo",
    "StorefrontPage",
    "Theme",
    "TrackedEvent",
    "__version__",
    "describe_request_error",
    "hookimpl",
    "http_session",
    "redact_url",
    "require_plugin_enabled",
]
