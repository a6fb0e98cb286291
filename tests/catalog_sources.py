"""An in-process marketplace for catalog tests, and the source plugin that reads it.

`Market` holds a shop's products, categories, promotions and orders as the marketplace has them,
with a clock for modification times, a queue of change messages (kept until confirmed, like
Taobao TMC) and failure switches (an expired authorization, a rate limit, a source crash after
some pages). `MarketSource` reads it page by page through the real `MarketplaceSource`
interface: `since`, checkpoints ("page:N"), `fetch`, `poll_changes`/`confirm` and HMAC-signed
webhooks. Markets are found by name in `MARKETS` (the source's config names one), so a child
process can rebuild the same market with `Market.generated(...)`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import BaseModel

from cloudcat.core.plugin_api import (
    BuyerRecord,
    CategoryRecord,
    CategoryStream,
    Change,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    MarketplaceSource,
    OrderLineRecord,
    OrderRecord,
    OrderStream,
    ProductRecord,
    ProductStream,
    PromotionItem,
    PromotionRecord,
    PromotionStream,
    RejectedRecord,
    SourceAuthExpired,
    SourceRateLimited,
    SourceRecord,
    SourceStream,
    VariantRecord,
    WebhookRejected,
    hookimpl,
)

EPOCH = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
WEBHOOK_SECRET = "whsec-test"


def product(
    pid: str,
    title: str,
    price: str,
    *,
    variants: int = 0,
    modified: datetime = EPOCH,
    categories: Sequence[str] = (),
    status: str = "active",
) -> ProductRecord:
    """A product with `variants` colour variants (the first at `price`, then +1 each)."""
    colours = ["红色", "蓝色", "绿色", "黑色"]
    return ProductRecord(
        external_id=pid,
        title=title,
        price=Decimal(price),
        currency="CNY",
        description=f"{title} description",
        image_urls=[f"https://img.example/{pid}.jpg"],
        url=f"https://item.example/{pid}",
        status=status,
        variants=[
            VariantRecord(
                external_id=f"{pid}-{n}",
                price=Decimal(price) + n,
                options={"颜色": colours[n % len(colours)], "尺码": "M"},
                stock=5 + n,
                sku=f"{pid}-SKU-{n}",
            )
            for n in range(variants)
        ],
        category_ids=list(categories),
        modified_at=modified,
    )


@dataclass
class Market:
    """What one marketplace shop holds, and how its API misbehaves."""

    products: dict[str, ProductRecord] = field(default_factory=dict)
    categories: dict[str, CategoryRecord] = field(default_factory=dict)
    promotions: dict[str, PromotionRecord] = field(default_factory=dict)
    orders: dict[str, OrderRecord] = field(default_factory=dict)
    messages: list[Change] = field(default_factory=list)
    extra_items: list[Any] = field(default_factory=list)
    page_size: int = 50
    page_delay: float = 0.0
    clock: datetime = EPOCH
    auth_expired: bool = False
    rate_limited_after_pages: int | None = None
    crash_after_pages: int | None = None
    calls: list[str] = field(default_factory=list)

    def tick(self) -> datetime:
        """Move the marketplace clock on (to now, or a millisecond later) and return it."""
        now = datetime.now(UTC)
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        self.clock = max(now, self.clock + timedelta(milliseconds=1))
        return self.clock

    def put(self, record: ProductRecord, *, message: bool = False) -> ProductRecord:
        """Store `record` as modified now; optionally announce it as a change message."""
        stamped = replace(record, modified_at=self.tick())
        self.products[stamped.external_id] = stamped
        if message:
            self.messages.append(
                Change(
                    id=f"m{len(self.messages) + 1}",
                    entity=EntityKind.PRODUCT,
                    external_id=stamped.external_id,
                    modified_at=stamped.modified_at,
                )
            )
        return stamped

    @classmethod
    def generated(cls, count: int, version: int = 1, variants: int = 2) -> Market:
        """A deterministic market of `count` products; version 2 changes, drops and adds some."""
        market = cls(categories={"c1": CategoryRecord("c1", "茶叶 Tea", sort_order=1)})
        for n in range(count):
            pid = f"P{n:05d}"
            if version >= 2 and n % 10 == 3:
                continue  # removed from the marketplace in version 2
            price = f"{10 + n % 90}.{n % 100:02d}"
            if version >= 2 and n % 10 == 5:
                price = f"{200 + n % 50}.00"  # repriced in version 2
            market.products[pid] = product(
                pid, f"商品 Item {n}", price, variants=variants, categories=["c1"]
            )
        if version >= 2:
            for n in range(count, count + count // 10):
                pid = f"P{n:05d}"
                market.products[pid] = product(pid, f"新品 New {n}", "9.90", variants=variants)
        return market


MARKETS: dict[str, Market] = {}


class MarketConfig(BaseModel):
    """Which market of `MARKETS` to read."""

    market: str = "default"


class MarketSource(MarketplaceSource):
    """Reads a `Market` page by page, like a marketplace API would."""

    name = "market"
    title = "Test market"
    capabilities: ClassVar[frozenset[str]] = frozenset(
        {
            "products",
            "categories",
            "promotions",
            "orders",
            "incremental",
            "change_messages",
            "webhooks",
        }
    )
    config_model = MarketConfig
    change_batch_size = 3

    @property
    def market(self) -> Market:
        config = self.config
        assert isinstance(config, MarketConfig)
        return MARKETS[config.market]

    def _pages(
        self, kind: str, items: Mapping[str, Any], since: datetime | None, checkpoint: str | None
    ) -> Iterator[Any]:
        market = self.market
        market.calls.append(f"{kind} since={since} checkpoint={checkpoint}")
        if market.auth_expired:
            raise SourceAuthExpired()
        chosen = [
            items[key]
            for key in sorted(items)
            if since is None
            or getattr(items[key], "modified_at", None) is None
            or items[key].modified_at >= since
        ]
        yield ExpectedTotal(len(chosen))
        start = int(checkpoint.split(":")[1]) if checkpoint else 0
        for page in range(start, (len(chosen) + market.page_size - 1) // market.page_size):
            if market.crash_after_pages is not None and page >= market.crash_after_pages:
                raise ConnectionResetError("the marketplace closed the connection")
            if market.rate_limited_after_pages is not None and (
                page >= market.rate_limited_after_pages
            ):
                raise SourceRateLimited("App Call Limited", retry_after=7)
            if market.page_delay:
                time.sleep(market.page_delay)
            yield from chosen[page * market.page_size : (page + 1) * market.page_size]
            yield Checkpoint(f"page:{page + 1}")

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """The market's products, then any `extra_items` (bad data)."""
        yield from self._pages("products", self.market.products, since, checkpoint)
        yield from self.market.extra_items

    def iter_categories(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> CategoryStream:
        """The market's categories."""
        yield from self._pages("categories", self.market.categories, since, checkpoint)

    def iter_promotions(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> PromotionStream:
        """The market's promotions."""
        yield from self._pages("promotions", self.market.promotions, since, checkpoint)

    def iter_orders(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> OrderStream:
        """The market's orders."""
        yield from self._pages("orders", self.market.orders, since, checkpoint)

    def fetch(self, entity: EntityKind, external_ids: Sequence[str]) -> SourceStream:
        """Current records of `external_ids`; `Deleted` for those gone."""
        self.market.calls.append(f"fetch {entity.value} {','.join(external_ids)}")
        stores: dict[EntityKind, Mapping[str, SourceRecord]] = {
            EntityKind.PRODUCT: self.market.products,
            EntityKind.CATEGORY: self.market.categories,
            EntityKind.PROMOTION: self.market.promotions,
            EntityKind.ORDER: self.market.orders,
        }
        store = stores[entity]
        for external_id in external_ids:
            found = store.get(external_id)
            yield found if found is not None else Deleted(external_id)

    def poll_changes(self, limit: int) -> list[Change]:
        """Pending messages, oldest first (they stay pending until confirmed)."""
        return list(self.market.messages[:limit])

    def confirm(self, change_ids: Sequence[str]) -> None:
        """Drop the confirmed messages."""
        done = set(change_ids)
        self.market.messages = [m for m in self.market.messages if m.id not in done]

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> list[Change]:
        """Check ``x-market-signature`` (hex HMAC-SHA256 of the body) and read the changes."""
        expected = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(headers.get("x-market-signature", ""), expected):
            raise WebhookRejected()
        return [webhook_change(item) for item in json.loads(body)]


def webhook_body(changes: Sequence[Mapping[str, Any]]) -> tuple[bytes, dict[str, str]]:
    """A signed webhook delivery for `MarketSource`: body and headers."""
    body = json.dumps(list(changes)).encode()
    signature = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return body, {"x-market-signature": signature, "content-type": "application/json"}


def webhook_change(item: Mapping[str, Any]) -> Change:
    """A `Change` from one webhook entry: id, product id, action, time and fields."""
    modified = datetime.fromisoformat(item["modified_at"])
    record = None
    if item.get("action", "upsert") == "upsert":
        record = product(item["product"], item["title"], item["price"], modified=modified)
    return Change(
        id=item["id"],
        entity=EntityKind.PRODUCT,
        external_id=item["product"],
        action=item.get("action", "upsert"),
        record=record,
        modified_at=modified,
    )


def sample_order(oid: str, *, status: str = "paid", modified: datetime = EPOCH) -> OrderRecord:
    """An order of two lines by buyer ``tb_buyer``."""
    return OrderRecord(
        external_id=oid,
        status=status,
        currency="CNY",
        total=Decimal("59.80"),
        placed_at=EPOCH,
        lines=[
            OrderLineRecord("L1", "龙井 Longjing", 1, Decimal("39.90"), product_id="P1"),
            OrderLineRecord("L2", "Cup", 2, Decimal("9.95"), product_id="P2"),
        ],
        buyer=BuyerRecord(id="buyer-1", name="tb_buyer"),
        source_status="WAIT_SELLER_SEND_GOODS",
        modified_at=modified,
    )


def sample_promotion(pid: str = "PR1", *, product_id: str = "P1") -> PromotionRecord:
    """An item promotion of `product_id` at 15.00, running from EPOCH for a year."""
    return PromotionRecord(
        external_id=pid,
        name="618 大促",
        starts_at=EPOCH,
        ends_at=EPOCH + timedelta(days=365 * 5),
        currency="CNY",
        items=[PromotionItem(product_id, Decimal("15.00"), {f"{product_id}-0": Decimal("14.00")})],
        modified_at=EPOCH,
    )


class MarketPlugin:
    """The test plugin registering `MarketSource`."""

    @hookimpl
    def cloudcat_marketplace_sources(self) -> list[type[MarketplaceSource]]:
        return [MarketSource]


__all__ = [
    "EPOCH",
    "MARKETS",
    "Market",
    "MarketConfig",
    "MarketPlugin",
    "MarketSource",
    "RejectedRecord",
    "product",
    "sample_order",
    "sample_promotion",
    "webhook_body",
]
