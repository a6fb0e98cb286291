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
from cloudcat.core.catalog.currencies import ISO_4217
from cloudcat.core.documents import Role
from cloudcat.core.errors import PluginFailure
from cloudcat.core.hookspecs import PROJECT
from cloudcat.core.http import describe_request_error, http_session, redact_url
from cloudcat.core.oauth import (
    AuthorizationExpired,
    AuthorizationFailed,
    CallbackExchanger,
    OAuthProvider,
    TokenSet,
    forget_authorization,
)
from cloudcat.core.providers import (
    AnalyticsSink,
    ChannelPublisher,
    MarketplaceSource,
    NoConfig,
    OutgoingMessage,
    ProviderContext,
    ProviderKind,
    PublishResult,
    ShopInfo,
    StorefrontPage,
    Theme,
    TrackedEvent,
)
from cloudcat.core.ratelimit import (
    CallBudget,
    RateLimit,
    RateLimitExceeded,
    SharedRateLimiter,
    ShopBudget,
)
from cloudcat.core.sources import (
    BuyerRecord,
    CategoryRecord,
    CategoryStream,
    Change,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    ListingStatus,
    OrderLineRecord,
    OrderRecord,
    OrderStatus,
    OrderStream,
    ProductRecord,
    ProductStream,
    PromotionItem,
    PromotionRecord,
    PromotionStream,
    RejectedRecord,
    SourceAuthExpired,
    SourceCapability,
    SourceError,
    SourcePermissionMissing,
    SourceRateLimited,
    SourceRecord,
    SourceStream,
    SourceUnsupported,
    VariantRecord,
    WebhookRejected,
)
from cloudcat.schema.contrib import GraphQLContribution, require_plugin_enabled

hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = [
    "ISO_4217",
    "AnalyticsSink",
    "AuthorizationExpired",
    "AuthorizationFailed",
    "BuyerRecord",
    "CallBudget",
    "CallbackExchanger",
    "CategoryRecord",
    "CategoryStream",
    "Change",
    "ChannelPublisher",
    "Checkpoint",
    "Deleted",
    "EntityKind",
    "ExpectedTotal",
    "GraphQLContribution",
    "ListingStatus",
    "MarketplaceSource",
    "NoConfig",
    "OAuthProvider",
    "OrderLineRecord",
    "OrderRecord",
    "OrderStatus",
    "OrderStream",
    "OutgoingMessage",
    "PluginFailure",
    "ProductRecord",
    "ProductStream",
    "PromotionItem",
    "PromotionRecord",
    "PromotionStream",
    "ProviderContext",
    "ProviderKind",
    "PublishResult",
    "RateLimit",
    "RateLimitExceeded",
    "RejectedRecord",
    "Role",
    "SecretStr",
    "SharedRateLimiter",
    "ShopBudget",
    "ShopInfo",
    "SourceAuthExpired",
    "SourceCapability",
    "SourceError",
    "SourcePermissionMissing",
    "SourceRateLimited",
    "SourceRecord",
    "SourceStream",
    "SourceUnsupported",
    "StorefrontPage",
    "Theme",
    "TokenSet",
    "TrackedEvent",
    "VariantRecord",
    "WebhookRejected",
    "__version__",
    "describe_request_error",
    "forget_authorization",
    "hookimpl",
    "http_session",
    "redact_url",
    "require_plugin_enabled",
]
