"""Orders synced from marketplace sources: buyer identity, lines, amounts, status and times.

The buyer is kept exactly as the marketplace identifies them (its buyer id, nick, and whatever
contact it discloses); stitching buyers to members happens elsewhere. Amounts are Decimal128 in
the order's currency.
"""

from __future__ import annotations

from mongoengine import (
    DateTimeField,
    Decimal128Field,
    EmbeddedDocument,
    EmbeddedDocumentField,
    EmbeddedDocumentListField,
    IntField,
    StringField,
)

from cloudcat.core.documents.catalog import SyncedDocument

ORDER_STATUSES = ("pending", "paid", "shipped", "completed", "cancelled", "refunded", "deleted")


class Buyer(EmbeddedDocument):
    """The buyer as the marketplace identifies them."""

    id = StringField(default="")
    name = StringField(default="")
    email = StringField(default="")
    phone = StringField(default="")


class OrderLine(EmbeddedDocument):
    """One line of an order."""

    external_id = StringField(required=True)
    title = StringField(required=True)
    quantity = IntField(required=True)
    unit_price = Decimal128Field(required=True)
    total = Decimal128Field(required=True)
    product_id = StringField(default="")
    variant_id = StringField(default="")
    sku = StringField(default="")


class Order(SyncedDocument):
    """An order of one source, keyed by (shop, source, external id)."""

    meta = {
        "collection": "orders",
        "indexes": [
            {"fields": ["shop_id", "source", "external_id"], "unique": True},
            ("shop_id", "source", "external_id", "source_modified_at"),
            ("shop_id", "placed_at", "_id"),
            ("shop_id", "status", "placed_at"),
            ("shop_id", "buyer.id"),
        ],
    }

    status = StringField(required=True, choices=ORDER_STATUSES)
    source_status = StringField(default="")
    currency = StringField(required=True)
    subtotal = Decimal128Field()
    shipping = Decimal128Field()
    discount = Decimal128Field()
    total = Decimal128Field(required=True)
    placed_at = DateTimeField(required=True)
    paid_at = DateTimeField()
    buyer = EmbeddedDocumentField(Buyer, default=Buyer)
    lines = EmbeddedDocumentListField(OrderLine)


__all__ = ["ORDER_STATUSES", "Buyer", "Order", "OrderLine"]
