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
from cloudcat.core.contributions import GraphQLContribution, require_plugin_enabled
from cloudcat.core.documents import Role
from cloudcat.core.errors import PluginFailure
from cloudcat.core.hookspecs import PROJECT
from cloudcat.core.http import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_TIMEOUT,
    IDEMPOTENT_METHODS,
    RETRY_STATUSES,
    BlockedAddress,
    Timeout,
    TimeoutAdapter,
    build_retry,
    describe_request_error,
    http_session,
    redact_url,
    retry_after_seconds,
)
from cloudcat.core.http_limits import DeadlineExceeded, ResponseTooLarge
from cloudcat.core.i18n import ENUM_NAMES_KEY, I18N_KEY, untranslated
from cloudcat.core.media import ImageSet, image_set
from cloudcat.core.oauth import (
    AuthorizationExpired,
    AuthorizationFailed,
    CallbackExchanger,
    OAuthProvider,
    TokenSet,
)
from cloudcat.core.plugin_state import MAX_VALUE_BYTES as STATE_MAX_VALUE_BYTES
from cloudcat.core.plugin_state import ProviderState
from cloudcat.core.providers import (
    APP_LEVEL_KEY,
    AnalyticsSink,
    AuthorizedAccount,
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

hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = [
    "APP_LEVEL_KEY",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_TIMEOUT",
    "ENUM_NAMES_KEY",
    "I18N_KEY",
    "IDEMPOTENT_METHODS",
    "ISO_4217",
    "RETRY_STATUSES",
    "STATE_MAX_VALUE_BYTES",
    "AnalyticsSink",
    "AuthorizationExpired",
    "AuthorizationFailed",
    "AuthorizedAccount",
    "BlockedAddress",
    "BuyerRecord",
    "CallBudget",
    "CallbackExchanger",
    "CategoryRecord",
    "CategoryStream",
    "Change",
    "ChannelPublisher",
    "Checkpoint",
    "DeadlineExceeded",
    "Deleted",
    "EntityKind",
    "ExpectedTotal",
    "GraphQLContribution",
    "ImageSet",
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
    "ProviderState",
    "PublishResult",
    "RateLimit",
    "RateLimitExceeded",
    "RejectedRecord",
    "ResponseTooLarge",
    "Role",
    "SecretStr",
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
    "Timeout",
    "TimeoutAdapter",
    "TokenSet",
    "TrackedEvent",
    "VariantRecord",
    "WebhookRejected",
    "__version__",
    "build_retry",
    "describe_request_error",
    "hookimpl",
    "http_session",
    "image_set",
    "redact_url",
    "require_plugin_enabled",
    "retry_after_seconds",
    "untranslated",
]
