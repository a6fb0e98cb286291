"""Shops (the tenants) and the memberships that give users a role in a shop."""

from __future__ import annotations

from enum import StrEnum

from mongoengine import (
    BooleanField,
    DateTimeField,
    Document,
    EnumField,
    ListField,
    ObjectIdField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$"


class Role(StrEnum):
    """A user's role in a shop. Each role can do everything the roles below it can."""

    ANALYST = "analyst"
    EDITOR = "editor"
    OWNER = "owner"

    @property
    def rank(self) -> int:
        return [Role.ANALYST, Role.EDITOR, Role.OWNER].index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


class Shop(Document):
    """A seller's shop: the unit of tenancy."""

    meta = {
        "collection": "shops",
        "indexes": [{"fields": ["slug"], "unique": True}, "allowed_origins"],
    }

    slug = StringField(required=True, regex=SLUG_PATTERN)
    name = StringField(required=True, max_length=200)
    currency = StringField(required=True, regex=r"^[A-Z]{3}$", default="CNY")
    locale = StringField(required=True, default="zh-CN", max_length=20)
    timezone = StringField(required=True, default="Asia/Shanghai", max_length=64)
    # Browser origins (scheme://host[:port]) whose pages may call the storefront API with this
    # shop's keys (CORS).
    allowed_origins = ListField(StringField(max_length=300), default=list)
    created_at = DateTimeField(default=utcnow)
    suspended = BooleanField(default=False)  # by an operator: site, API and jobs stop
    suspended_reason = StringField(max_length=500)
    suspended_at = DateTimeField()


class Membership(TenantDocument):
    """A user's role in one shop."""

    meta = {
        "collection": "memberships",
        "indexes": [{"fields": ["shop_id", "user_id"], "unique": True}, "user_id"],
    }

    user_id = ObjectIdField(required=True)
    role = EnumField(Role, required=True)
