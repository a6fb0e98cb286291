"""Per-shop plugin state: enabled or not, validated config, encrypted secrets, health."""

from __future__ import annotations

from mongoengine import BooleanField, DateTimeField, DictField, StringField

from cloudcat.core.documents.base import TenantDocument, utcnow


class ShopPlugin(TenantDocument):
    """One plugin (provider) as one shop uses it."""

    meta = {
        "collection": "shop_plugins",
        "indexes": [{"fields": ["shop_id", "name"], "unique": True}],
    }

    name = StringField(required=True)
    enabled = BooleanField(default=False)
    config = DictField()
    secrets = DictField()  # field name -> Fernet token (encrypted at rest)
    health = StringField(default="unknown", choices=("unknown", "ok", "error"))
    last_error = StringField()
    last_error_at = DateTimeField()
    updated_at = DateTimeField(default=utcnow)
