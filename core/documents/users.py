"""Users: the people who sign in to the admin."""

from __future__ import annotations

from mongoengine import BooleanField, DateTimeField, Document, EmailField, IntField, StringField

from cloudcat.core.documents.base import utcnow


class User(Document):
    """An admin user; the password is stored as an argon2 hash only."""

    meta = {"collection": "users", "indexes": [{"fields": ["email"], "unique": True}]}

    email = EmailField(required=True)
    name = StringField(default="", max_length=200)
    password_hash = StringField(required=True)
    created_at = DateTimeField(default=utcnow)
    is_operator = BooleanField(default=False)  # runs the deployment: `cloudcat operator grant`


class LoginThrottle(Document):
    """Sign-in attempts counted against one key (an account or a client address) in a window
    that ends at `expires_at`; the TTL index removes finished windows."""

    meta = {
        "collection": "login_throttles",
        "indexes": [{"fields": ["expires_at"], "expireAfterSeconds": 0}],
    }

    id = StringField(primary_key=True)
    attempts = IntField(required=True, default=0)
    expires_at = DateTimeField(required=True)
