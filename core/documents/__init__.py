"""mongoengine documents, one module per aggregate. Importing this package registers them all."""

from cloudcat.core.documents.catalog import Category, OwnedContent, Product, Variant
from cloudcat.core.documents.credentials import AdminToken, Session, StorefrontKey
from cloudcat.core.documents.oauth import OAuthConnection, OAuthState
from cloudcat.core.documents.orders import Order
from cloudcat.core.documents.plugins import AppPluginConfig, ShopPlugin
from cloudcat.core.documents.promotions import Promotion
from cloudcat.core.documents.shops import Membership, Role, Shop
from cloudcat.core.documents.site import SiteVersion
from cloudcat.core.documents.sync import SourceSyncState, SyncProgressChunk, SyncRun
from cloudcat.core.documents.users import LoginThrottle, User

__all__ = [
    "AdminToken",
    "AppPluginConfig",
    "Category",
    "LoginThrottle",
    "Membership",
    "OAuthConnection",
    "OAuthState",
    "Order",
    "OwnedContent",
    "Product",
    "Promotion",
    "Role",
    "Session",
    "Shop",
    "ShopPlugin",
    "SiteVersion",
    "SourceSyncState",
    "StorefrontKey",
    "SyncProgressChunk",
    "SyncRun",
    "User",
    "Variant",
]
