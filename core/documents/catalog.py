"""The catalog as sources sync it. Minimal for now: a product with its price and source."""

from __future__ import annotations

from mongoengine import (
    DateTimeField,
    Decimal128Field,
    ListField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow


class Product(TenantDocument):
    """A product synced from a marketplace source, keyed by (shop, source, external id)."""

    meta = {
        "collection": "products",
        "indexes": [
            {"fields": ["shop_id", "source", "external_id"], "unique": True},
            ("shop_id", "status"),
        ],
    }

    source = StringField(required=True)
    external_id = StringField(required=True)
    title = StringField(required=True, max_length=500)
    description = StringField(default="")
    price = Decimal128Field(required=True, precision=2)
    currency = StringField(required=True, regex=r"^[A-Z]{3}$")
    image_urls = ListField(StringField())
    url = StringField(default="")
    status = StringField(default="active", choices=("active", "delisted"))
    updated_at = DateTimeField(default=utcnow)
