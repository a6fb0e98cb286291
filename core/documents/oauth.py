"""One-click authorization with marketplaces and channels: pending flows and their results.

An `OAuthState` is one authorization a signed-in user started for a shop's plugin: the random
``state`` sent to the provider (only its SHA-256 digest is stored), who started it (user and
session), where the provider must send the browser back, when it expires (10 minutes) and when
it was used (once at most). An `OAuthConnection` is what a completed flow left: the provider's
token set, encrypted at rest, with the account it belongs to and when it stops working.
"""

from __future__ import annotations

from mongoengine import BooleanField, DateTimeField, ObjectIdField, StringField

from cloudcat.core.documents.base import TenantDocument, utcnow

STATE_RETENTION_SECONDS = 24 * 3600
"""How long an expired or used state is kept (to say "expired" rather than "unknown")."""


class OAuthState(TenantDocument):
    """An authorization flow started for one plugin of one shop, awaiting its callback."""

    meta = {
        "collection": "oauth_states",
        "indexes": [
            {"fields": ["state_hash"], "unique": True},
            {"fields": ["expires_at"], "expireAfterSeconds": STATE_RETENTION_SECONDS},
        ],
    }

    state_hash = StringField(required=True)
    plugin = StringField(required=True)
    user_id = ObjectIdField(required=True)
    session_hash = StringField(required=True)
    redirect_uri = StringField(required=True)
    expires_at = DateTimeField(required=True)
    used_at = DateTimeField()


class OAuthConnection(TenantDocument):
    """A shop's authorization with one plugin's provider: the token set (encrypted) and its
    account. At most one per shop and plugin."""

    meta = {
        "collection": "oauth_connections",
        "indexes": [{"fields": ["shop_id", "plugin"], "unique": True}],
    }

    plugin = StringField(required=True)
    token = StringField(required=True)  # the token set as JSON, Fernet-encrypted
    account_id = StringField(default="")
    account_name = StringField(default="")
    expires_at = DateTimeField()  # when the access token stops working (None: not known)
    can_refresh = BooleanField(default=False)  # a refresh token was given
    refresh_expires_at = DateTimeField()  # when the refresh token stops working (None: never)
    connected_by = ObjectIdField()
    connected_at = DateTimeField(default=utcnow)
    refreshed_at = DateTimeField()
    updated_at = DateTimeField(default=utcnow)


__all__ = ["OAuthConnection", "OAuthState"]
