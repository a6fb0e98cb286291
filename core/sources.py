"""What a marketplace source hands to the sync engine: records, markers, changes and errors.

A source (`cloudcat.core.providers.MarketplaceSource`) reads one shop's data from a marketplace
and yields the plain dataclasses of this module; the engine (`cloudcat.core.catalog`) validates
them, stores them and keeps the ledger. Sources never write the database themselves.

* **Records** describe one object as the marketplace has it now: `ProductRecord` (with its
  `VariantRecord`s), `CategoryRecord`, `PromotionRecord` (with `PromotionItem`s) and
  `OrderRecord` (with `OrderLineRecord`s and a `BuyerRecord`). Money is always `Decimal` (never
  `float`) with an ISO 4217 currency code; times are timezone-aware `datetime`s.
* **Markers** ride along in the same iterators: `RejectedRecord` (this object cannot be read,
  and why), `Deleted` (this object is gone from the marketplace), `Checkpoint` (everything
  yielded so far may be taken as stored: resume after this point) and `ExpectedTotal` (how
  many objects to expect, for progress bars).
* **Changes** (`Change`) are what change messages and webhooks announce.
* **Errors**: `SourceAuthExpired` (the seller must reconnect), `SourceRateLimited` (with
  `retry_after`), `SourcePermissionMissing` (the app may not call a part: it is switched off
  with a notice), `SourceUnsupported` (the source lacks the capability) and `WebhookRejected`
  (a webhook whose signature does not verify). All are `PluginFailure`s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal, TypeAlias

from cloudcat.core.errors import PluginFailure


class SourceCapability(StrEnum):
    """What a source can do; a source lists the ones it supports in `capabilities`.

    The engine only calls what a source declares: a source without ``promotions`` is never
    asked for promotions (and its absence of promotions never removes any).
    """

    PRODUCTS = "products"
    """`iter_products` yields the catalog (every source has this)."""
    CATEGORIES = "categories"
    """`iter_categories` yields categories/collections."""
    PROMOTIONS = "promotions"
    """`iter_promotions` yields item- and shop-level promotions."""
    ORDERS = "orders"
    """`iter_orders` yields orders (sold trades)."""
    INCREMENTAL = "incremental"
    """The `iter_*` methods honour `since` (only objects modified at or after it)."""
    CHANGE_MESSAGES = "change_messages"
    """`poll_changes` / `confirm` pull change messages (Taobao TMC style), and `fetch` reads
    objects by id for messages that carry no full record."""
    WEBHOOKS = "webhooks"
    """`verify_webhook` checks and reads the marketplace's signed webhook deliveries."""
    OAUTH = "oauth"
    """The seller connects the source by an OAuth authorization."""


class EntityKind(StrEnum):
    """The kinds of object a source syncs."""

    PRODUCT = "product"
    CATEGORY = "category"
    PROMOTION = "promotion"
    ORDER = "order"


class ListingStatus(StrEnum):
    """A product's (or category's, promotion's) status on the marketplace."""

    ACTIVE = "active"
    """On sale."""
    DELISTED = "delisted"
    """Off the shelf (e.g. Taobao ``instock``) or no longer listed by the source."""
    DELETED = "deleted"
    """Deleted on the marketplace (an explicit delete from a change message or webhook)."""


class OrderStatus(StrEnum):
    """An order's status, normalized; the marketplace's own word goes in `source_status`."""

    PENDING = "pending"
    """Placed, not paid yet."""
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    DELETED = "deleted"


# --- records -------------------------------------------------------------------------------


@dataclass
class VariantRecord:
    """One SKU of a product: its option values, price, stock and codes.

    `options` maps option names to values in display order, e.g. ``{"颜色": "红色",
    "尺码": "M"}``. `sku` is the seller's own code (Taobao ``outer_id``); `barcode` the
    EAN/UPC. `stock` None means the marketplace does not say.
    """

    external_id: str
    price: Decimal
    options: dict[str, str] = field(default_factory=dict)
    compare_at_price: Decimal | None = None
    stock: int | None = None
    sku: str = ""
    barcode: str = ""
    title: str = ""
    image_url: str = ""


@dataclass
class ProductRecord:
    """One product as the marketplace has it now.

    `price` is the listed price (for a product with variants usually the lowest variant's);
    the engine computes the price range over `variants`. `compare_at_price` is the "was"
    price shown struck through. `status` is a `ListingStatus` value. `url` is where a shopper
    buys it on the marketplace. `category_ids` are external ids of the source's categories.
    `modified_at` is the marketplace's modification time: the engine uses it to ignore stale
    data that arrives after newer data, so give it whenever the marketplace does.
    """

    external_id: str
    title: str
    price: Decimal
    currency: str
    description: str = ""
    image_urls: list[str] = field(default_factory=list)
    url: str = ""
    status: str = ListingStatus.ACTIVE.value
    compare_at_price: Decimal | None = None
    variants: list[VariantRecord] = field(default_factory=list)
    category_ids: list[str] = field(default_factory=list)
    stock: int | None = None
    sku: str = ""
    barcode: str = ""
    modified_at: datetime | None = None


@dataclass
class CategoryRecord:
    """A category (the seller's own shop category tree) or a collection.

    `parent_id` is the parent's external id (None for a root); `kind` is ``category`` or
    ``collection``; `sort_order` orders siblings (smaller first).
    """

    external_id: str
    name: str
    parent_id: str | None = None
    kind: str = "category"
    sort_order: int = 0
    image_url: str = ""
    modified_at: datetime | None = None


@dataclass
class PromotionItem:
    """The promotional price of one product in a promotion.

    `price` applies to the whole product; `variant_prices` (variant external id -> price)
    overrides it per SKU. Either may be left out.
    """

    product_id: str
    price: Decimal | None = None
    variant_prices: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class PromotionRecord:
    """An item-level (``level="item"``, with `items`) or shop-level (``"shop"``) promotion.

    The promotion applies from `starts_at` (inclusive) to `ends_at` (exclusive); None means
    open-ended. `currency` is required when any item has a price. `description` says the
    rule in words (e.g. "满200减20"). `status` is ``active`` or ``deleted``.
    """

    external_id: str
    name: str
    level: str = "item"
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    description: str = ""
    currency: str = ""
    items: list[PromotionItem] = field(default_factory=list)
    status: str = ListingStatus.ACTIVE.value
    modified_at: datetime | None = None


@dataclass
class BuyerRecord:
    """The buyer as the marketplace identifies them (whatever it gives; all optional).

    `id` is the marketplace's stable buyer id (Taobao ``buyer_open_uid``, a Shopify customer
    id...), `name` the nick or display name.
    """

    id: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class OrderLineRecord:
    """One line of an order. `total` defaults to `unit_price` x `quantity`."""

    external_id: str
    title: str
    quantity: int
    unit_price: Decimal
    total: Decimal | None = None
    product_id: str = ""
    variant_id: str = ""
    sku: str = ""


@dataclass
class OrderRecord:
    """An order (a sold trade): buyer, lines, amounts, status and times.

    `status` is an `OrderStatus` value; `source_status` keeps the marketplace's own status
    (e.g. ``WAIT_SELLER_SEND_GOODS``). All amounts are in `currency`.
    """

    external_id: str
    status: str
    currency: str
    total: Decimal
    placed_at: datetime
    lines: list[OrderLineRecord] = field(default_factory=list)
    buyer: BuyerRecord = field(default_factory=BuyerRecord)
    subtotal: Decimal | None = None
    shipping: Decimal | None = None
    discount: Decimal | None = None
    source_status: str = ""
    paid_at: datetime | None = None
    modified_at: datetime | None = None


# --- markers -------------------------------------------------------------------------------


@dataclass
class RejectedRecord:
    """An object that could not be read, with the reason (shown to the seller).

    `reference` is the object's external id when known (then its stored copy is kept as it
    is, and a full sync does not delist it), else a label such as ``line 7``.
    """

    reference: str
    reason: str


@dataclass
class Deleted:
    """The object `external_id` no longer exists on the marketplace (an explicit delete)."""

    external_id: str
    modified_at: datetime | None = None


@dataclass(frozen=True)
class Checkpoint:
    """A resume point: everything yielded before it may be taken as stored.

    `token` is opaque to the engine (a page number, a cursor, a modified-time bound...). The
    engine stores it once everything before it is written; if the run is killed, the same
    iterator is called again with ``checkpoint=token`` (and the same `since`) and must go on
    with what came after this marker. Yielding the same objects again is harmless.
    """

    token: str


@dataclass(frozen=True)
class ExpectedTotal:
    """How many objects this iterator will yield in all (for "n of N" progress), if known."""

    count: int


Marker: TypeAlias = RejectedRecord | Deleted | Checkpoint | ExpectedTotal
"""What may be yielded between records by any `iter_*` method."""
ProductStream: TypeAlias = Iterator[ProductRecord | Marker]
"""What `MarketplaceSource.iter_products` returns."""
CategoryStream: TypeAlias = Iterator[CategoryRecord | Marker]
"""What `MarketplaceSource.iter_categories` returns."""
PromotionStream: TypeAlias = Iterator[PromotionRecord | Marker]
"""What `MarketplaceSource.iter_promotions` returns."""
OrderStream: TypeAlias = Iterator[OrderRecord | Marker]
"""What `MarketplaceSource.iter_orders` returns."""
SourceRecord: TypeAlias = ProductRecord | CategoryRecord | PromotionRecord | OrderRecord
"""Any record."""
SourceStream: TypeAlias = Iterator[SourceRecord | Marker]
"""Any of the streams above, or what `MarketplaceSource.fetch` returns."""


ChangeAction = Literal["upsert", "delete"]


@dataclass
class Change:
    """One change a change message or a webhook announces.

    `id` identifies the message or delivery (passed back to `confirm`). `action` is
    ``upsert`` (created or changed) or ``delete``. `record` carries the object's new state
    when the message has it (webhooks usually do); when it is None the engine reads the
    object with `MarketplaceSource.fetch`. A `RejectedRecord` as `record` means the message
    could not be read (broken JSON...): it is recorded as failed and still confirmed.
    `modified_at` is when the marketplace changed the object: the engine never lets an older
    change overwrite newer data, so duplicates and out-of-order deliveries are harmless.
    """

    id: str
    entity: EntityKind
    external_id: str
    action: ChangeAction = "upsert"
    record: SourceRecord | RejectedRecord | None = None
    modified_at: datetime | None = None


# --- errors --------------------------------------------------------------------------------


class SourceError(PluginFailure):
    """A source failed; the message is shown to the seller, so say what to do."""

    retryable = True
    """Whether running the same sync again later may succeed (job retries honour it)."""


class SourceAuthExpired(SourceError):
    """The marketplace refused the stored authorization (expired or revoked token).

    Raise it when the marketplace answers with its expired/invalid session error and a token
    refresh (if the source can refresh) did not help. The engine stops the run (keeping its
    checkpoint), does not retry, and tells the seller to reconnect.
    """

    retryable = False

    def __init__(
        self, message: str = "the marketplace authorization expired: reconnect the shop"
    ) -> None:
        super().__init__(message)
        self.code = "SOURCE_AUTH_EXPIRED"


class SourceRateLimited(SourceError):
    """The marketplace asked us to slow down and the source's own retries are spent.

    `retry_after` is the marketplace's wait in seconds when it said one. The engine stops the
    run (resumable from its last checkpoint) and the job retries no sooner than that. A wait
    the marketplace announced (`retry_after` given) is a wait, not a failure
    (`announced_wait`): the job goes on after it without using up one of its attempts.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.code = "SOURCE_RATE_LIMITED"
        self.retry_after = retry_after
        self.announced_wait = retry_after is not None


class SourcePermissionMissing(SourceError):
    """The marketplace refused a call because the app (or the seller's authorization) lacks
    the permission for it, e.g. Taobao's code 11 "Insufficient isv permissions".

    Raised from `iter_categories`, `iter_promotions`, `iter_orders`, `poll_changes` or
    `confirm`, it switches that part off for this run: the engine records a notice (code
    ``PERMISSION_MISSING``, this message, the part) that the seller and the operator read in
    the ledger, keeps what is stored, and syncs the rest; the run succeeds. The part is tried
    again on the next run, so a permission granted later is picked up by itself. Raised from
    `iter_products` it fails the run (there is nothing to sync without the products)."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = "PERMISSION_MISSING"


class SourceUnsupported(SourceError):
    """The source was asked for something it does not declare in its capabilities."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = "SOURCE_UNSUPPORTED"


class WebhookRejected(SourceError):
    """A webhook delivery failed verification (bad or missing signature, wrong shop...).

    Raised by `verify_webhook`; the delivery is refused with HTTP 401 and changes nothing.
    """

    retryable = False

    def __init__(self, message: str = "the webhook signature does not verify") -> None:
        super().__init__(message)
        self.code = "WEBHOOK_REJECTED"


__all__ = [
    "BuyerRecord",
    "CategoryRecord",
    "CategoryStream",
    "Change",
    "ChangeAction",
    "Checkpoint",
    "Deleted",
    "EntityKind",
    "ExpectedTotal",
    "ListingStatus",
    "Marker",
    "OrderLineRecord",
    "OrderRecord",
    "OrderStatus",
    "OrderStream",
    "ProductRecord",
    "ProductStream",
    "PromotionItem",
    "PromotionRecord",
    "PromotionStream",
    "RejectedRecord",
    "SourceAuthExpired",
    "SourceCapability",
    "SourceError",
    "SourcePermissionMissing",
    "SourceRateLimited",
    "SourceRecord",
    "SourceStream",
    "SourceUnsupported",
    "VariantRecord",
    "WebhookRejected",
]
