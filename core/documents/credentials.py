"""Credentials that stand in for a password: sessions, admin API tokens, storefront keys.

Each is a random token shown once; only its SHA-256 digest is stored, so a database leak does not
leak usable credentials. A short prefix is kept to let sellers tell keys apart.
"""

from __future__ import annotations

from mongoengine import (
    DateTimeField,
    Document,
    EnumField,
    ObjectIdField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow
from cloudcat.core.documents.shops import Role


class Session(Document):
    """A signed-in admin browser session (cookie)."""

    meta = {
        "collection": "sessions",
        "indexes": [
            {"fields": ["token_hash"], "unique": True},
            {"fields": ["expires_at"], "expireAfterSeconds": 0},
        ],
    }

    token_hash = StringField(required=True)
    user_id = ObjectIdField(required=True)
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField(required=True)


class ShopCredential(TenantDocument):
    """A named, revocable credential of one shop, found by the digest of its secret value."""

    meta = {"abstract": True, "indexes": [{"fields": ["token_hash"], "unique": True}, "shop_id"]}

    name = StringField(required=True, max_length=100)
    token_hash = StringField(required=True)
    prefix = StringField(required=True)
    created_by = ObjectIdField(required=True)
    last_used_at = DateTimeField()
    revoked_at = DateTimeField()


class AdminToken(ShopCredential):
    """A bearer token for the admin API, acting for one shop with a fixed role."""

    meta = {"collection": "admin_tokens"}

    role = EnumField(Role, required=True)


class StorefrontKey(ShopCredential):
    """A publishable key that scopes storefront API calls to one shop (read-only data)."""

    meta = {"collection": "storefront_keys"}


__all__ = ["AdminToken", "Session", "ShopCredential", "StorefrontKey"]
