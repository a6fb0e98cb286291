"""The catalog shared by every marketplace source: products with their variants, and categories.

A product is keyed by (shop, source, external id). Its fields split in two:

* **marketplace-owned** fields (title, description, prices, stock, images, variants, status,
  categories, the marketplace URL...) always follow the source: every sync that finds them
  changed overwrites them, and nothing else writes them;
* **CloudCat-owned** content lives in the `owned` sub-document (the seller's own title and
  description, SEO texts, sort order, published flag): a sync never writes it.

Money is stored as Decimal128 with the product's ISO 4217 currency, never as floats. The sync
engine writes these collections with raw pymongo (bulk upserts); the documents here declare the
shape and the indexes, and are what the rest of CloudCat reads.
"""

from __future__ import annotations

from mongoengine import (
    BooleanField,
    DateTimeField,
    Decimal128Field,
    EmbeddedDocument,
    EmbeddedDocumentField,
    EmbeddedDocumentListField,
    IntField,
    ListField,
    StringField,
)

from cloudcat.core.documents.base import TenantDocument, utcnow

LISTING_STATUSES = ("active", "delisted", "deleted")
CURRENCY_PATTERN = r"^[A-Z]{3}$"


class OptionValue(EmbeddedDocument):
    """One option of a variant, e.g. 颜色: 红色."""

    name = StringField(required=True)
    value = StringField(required=True)


class ProductOption(EmbeddedDocument):
    """An option of a product with every value its variants use, in order."""

    name = StringField(required=True)
    values = ListField(StringField())


class Variant(EmbeddedDocument):
    """One SKU of a product."""

    external_id = StringField(required=True)
    title = StringField(default="")
    options = EmbeddedDocumentListField(OptionValue)
    price = Decimal128Field(required=True)
    compare_at_price = Decimal128Field()
    stock = IntField()
    sku = StringField(default="")
    barcode = StringField(default="")
    image_url = StringField(default="")


class OwnedContent(EmbeddedDocument):
    """What the seller writes in CloudCat about a product; a sync never touches it.

    Empty texts mean "use the marketplace's". `published` False hides the product from the
    storefront even while it is on sale.
    """

    title = StringField(default="", max_length=500)
    description = StringField(default="")
    seo_title = StringField(default="", max_length=200)
    seo_description = StringField(default="", max_length=1000)
    sort_order = IntField(default=0)
    published = BooleanField(default=True)
    updated_at = DateTimeField()


class SyncedDocument(TenantDocument):
    """Fields every synced object has: its source, external id and sync bookkeeping.

    `content_hash` fingerprints the marketplace-owned content as the source gave it (not the
    status) so a sync can tell unchanged objects without rewriting them; `source_modified_at`
    is the marketplace's own modification time, which keeps older changes from overwriting
    newer ones (the index on it keeps that guard fast); `revision` counts the writes;
    `updated_at` moves only when something really changed.
    """

    meta = {"abstract": True}

    source = StringField(required=True)
    external_id = StringField(required=True)
    content_hash = StringField(default="")
    source_modified_at = DateTimeField()
    revision = IntField(default=0)
    updated_at = DateTimeField(default=utcnow)


class Product(SyncedDocument):
    """A product synced from a marketplace source, keyed by (shop, source, external id)."""

    meta = {
        "collection": "products",
        "indexes": [
            {"fields": ["shop_id", "source", "external_id"], "unique": True},
            ("shop_id", "source", "external_id", "source_modified_at"),
            # The lists of `cloudcat.core.catalog.queries`: (shop, status[, published]) and
            # the same within one source or one category, each ending in `_id` for the pages.
            ("shop_id", "status", "_id"),
            ("shop_id", "status", "owned.published", "_id"),
            ("shop_id", "source", "status", "owned.published", "_id"),
            ("shop_id", "category_ids", "status", "owned.published", "_id"),
            # Sorted admin lists (MongoDB walks these for the sort).
            ("shop_id", "title", "_id"),
            ("shop_id", "price_min", "_id"),
            ("shop_id", "updated_at", "_id"),
            ("shop_id", "handle"),
        ],
    }

    title = StringField(required=True, max_length=500)
    handle = StringField(max_length=100)  # stable URL handle, see cloudcat.core.catalog.handles
    description = StringField(default="")
    status = StringField(default="active", choices=LISTING_STATUSES)
    currency = StringField(required=True, regex=CURRENCY_PATTERN)
    price = Decimal128Field(required=True)
    compare_at_price = Decimal128Field()
    price_min = Decimal128Field()
    price_max = Decimal128Field()
    stock = IntField()
    sku = StringField(default="")
    barcode = StringField(default="")
    image_urls = ListField(StringField())
    url = StringField(default="")
    category_ids = ListField(StringField())
    options = EmbeddedDocumentListField(ProductOption)
    variants = EmbeddedDocumentListField(Variant)
    owned = EmbeddedDocumentField(OwnedContent, default=OwnedContent)

    def clean(self) -> None:
        """A product saved through mongoengine gets its price range from its variants."""
        prices = [variant.price for variant in self.variants or []] or [self.price]
        if self.price_min is None:
            self.price_min = min(prices)
        if self.price_max is None:
            self.price_max = max(prices)

    @property
    def display_title(self) -> str:
        """The seller's own title when set, else the marketplace's."""
        return (self.owned.title if self.owned else "") or self.title

    @property
    def display_description(self) -> str:
        """The seller's own description when set, else the marketplace's."""
        return (self.owned.description if self.owned else "") or self.description


class Category(SyncedDocument):
    """A category (the seller's category tree) or a collection, from one source."""

    meta = {
        "collection": "categories",
        "indexes": [
            {"fields": ["shop_id", "source", "external_id"], "unique": True},
            ("shop_id", "source", "external_id", "source_modified_at"),
            ("shop_id", "status", "sort_order", "_id"),
        ],
    }

    name = StringField(required=True, max_length=200)
    parent_id = StringField()
    kind = StringField(default="category", choices=("category", "collection"))
    sort_order = IntField(default=0)
    image_url = StringField(default="")
    status = StringField(default="active", choices=LISTING_STATUSES)


__all__ = [
    "Category",
    "OptionValue",
    "OwnedContent",
    "Product",
    "ProductOption",
    "SyncedDocument",
    "Variant",
]
