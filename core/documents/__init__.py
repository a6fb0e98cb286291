"""mongoengine documents, one module per aggregate. Importing this package registers them all."""

from cloudcat.core.documents.catalog import Product
from cloudcat.core.documents.credentials import AdminToken, Session, StorefrontKey
from cloudcat.core.documents.plugins import ShopPlugin
from cloudcat.core.documents.shops import Membership, Role, Shop
from cloudcat.core.documents.users import User

__all__ = [
    "AdminToken",
    "Membership",
    "Product",
    "Role",
    "Session",
    "Shop",
    "ShopPlugin",
    "StorefrontKey",
    "User",
]
