"""Shops (the tenants) and the memberships that give users a role in a shop."""

from __future__ import annotations

from enum import StrEnum

from mongoengine import (
    BooleanField,
    DateTimeField,
    Document,
    EmbeddedDocument,
    EmbeddedDocumentListField,
    EnumField,
    ListField,
    ObjectIdField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$"
HOST_PATTERN = r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"


class ShopDomain(EmbeddedDocument):
    """A custom domain of a shop's site (`cloudcat.core.site.domains`): it serves the site
    once `verified_at` is set, after the domain answered with `token`."""

    host = StringField(required=True, regex=HOST_PATTERN)
    token = StringField(required=True)
    added_at = DateTimeField(default=utcnow)
    verified_at = DateTimeField()


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
        "indexes": [{"fields": ["slug"], "unique": True}, "allowed_origins", "domains.host"],
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
    # The publishable storefront key the site's footprints snippet posts with (public by
    # design: it only reads published data and records events); set by
    # `cloudcat.core.site.footprints.issue_site_key`. No key: no snippet.
    site_key = StringField(max_length=100)
    # Custom domains of the shop's site; one serves the site only once verified.
    domains = EmbeddedDocumentListField(ShopDomain, default=list)


class Membership(TenantDocument):
    """A user's role in one shop."""

    meta = {
        "collection": "memberships",
        "indexes": [{"fields": ["shop_id", "user_id"], "unique": True}, "user_id"],
    }

    user_id = ObjectIdField(required=True)
    role = EnumField(Role, required=True)
