"""Plugin state: per shop (enabled or not, validated config, encrypted secrets, health), and
the operator's app-level config of a plugin for the whole deployment."""

from __future__ import annotations

from mongoengine import BooleanField, DateTimeField, DictField, Document, StringField

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


class AppPluginConfig(Document):
    """The app-level config fields of one plugin, set by the operator for every shop."""

    meta = {"collection": "app_plugin_configs", "indexes": [{"fields": ["name"], "unique": True}]}

    name = StringField(required=True)
    config = DictField()
    secrets = DictField()  # field name -> Fernet token (encrypted at rest)
    updated_at = DateTimeField(default=utcnow)
