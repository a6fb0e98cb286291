"""Promotions synced from marketplace sources: item-level promo prices and shop-level offers.

A promotion applies from `starts_at` (inclusive) to `ends_at` (exclusive). Item-level
promotions list the products they reduce, each with a promo price for the whole product and/or
per variant (by the variants' external ids). Shop-level promotions describe their rule in words.
"""

from __future__ import annotations

from mongoengine import (
    DateTimeField,
    Decimal128Field,
    EmbeddedDocument,
    EmbeddedDocumentListField,
    StringField,
)

from cloudcat.core.documents.catalog import SyncedDocument


class VariantPrice(EmbeddedDocument):
    """The promo price of one variant."""

    variant_id = StringField(required=True)
    price = Decimal128Field(required=True)


class PromotionItem(EmbeddedDocument):
    """One product of an item-level promotion (by the product's external id)."""

    product_id = StringField(required=True)
    price = Decimal128Field()
    variant_prices = EmbeddedDocumentListField(VariantPrice)


class Promotion(SyncedDocument):
    """A promotion of one source, keyed by (shop, source, external id)."""

    meta = {
        "collection": "promotions",
        "indexes": [
            {"fields": ["shop_id", "source", "external_id"], "unique": True},
            ("shop_id", "source", "external_id", "source_modified_at"),
            ("shop_id", "status", "starts_at", "_id"),
            ("shop_id", "source", "items.product_id"),
        ],
    }

    name = StringField(required=True, max_length=200)
    description = StringField(default="")
    level = StringField(default="item", choices=("item", "shop"))
    starts_at = DateTimeField()
    ends_at = DateTimeField()
    currency = StringField(default="")
    items = EmbeddedDocumentListField(PromotionItem)
    status = StringField(default="active", choices=("active", "delisted", "deleted"))


__all__ = ["Promotion", "PromotionItem", "VariantPrice"]
