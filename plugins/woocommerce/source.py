"""The WooCommerce marketplace source: a WordPress shop's products read through REST API v3.

`WooCommerceSource` reads products (and the variations of variable products) page by page with
a read-only REST API key, and keeps the catalog current through WooCommerce's signed webhooks:

* **Full and incremental syncs.** Products of any status but trash are listed in id order,
  100 a page; ``since`` becomes ``modified_after`` compared in GMT (``dates_are_gmt=true``).
  Each page ends with a `Checkpoint` naming the next page and the last product id read
  (``<next page>:<last id>``). A resumed run asks for the page before the next one again but
  yields only the products after that id on it (so up to a page of products deleted meanwhile,
  which shift later ones to earlier pages, cannot push one past the resume point), then goes
  on: nothing already read comes twice. The first page's ``X-WP-Total`` is the
  `ExpectedTotal`.
* **Records.** Money stays exact (`Decimal`) in the store's currency (asked once per sync and
  remembered for webhooks); a product on sale has its regular price as the compare-at price;
  a variable product's variants carry their attribute values as options. A product that
  cannot be read (no name, a price that is not a number, a variable product without
  variations...) is rejected alone with the reason.
* **Webhooks** (``product.created``, ``.updated``, ``.restored``, ``.deleted``) are verified
  with the webhook's secret (base64 HMAC-SHA256 of the raw body) before anything is read; the
  unsigned creation ping is answered 200 and changes nothing. A simple product's delivery
  carries the whole product and is applied as it is (its ``date_modified_gmt`` keeps an older
  delivery from overwriting a newer one); a variable product's carries no variation prices,
  so the product is read again through the API. A deletion counts from when it arrives.
* **Errors.** Refused keys (401/403) stop the sync with "create a new read key…"
  (`SourceAuthExpired`); a site that keeps answering 429 stops it as `SourceRateLimited`.

WooCommerce accepts key pairs only over HTTPS, so the site must be ``https://``; plain
``http://`` is accepted only for a loopback address (a development site on the same machine,
or one behind a local TLS terminator).
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr

from cloudcat.core.plugin_api import (
    ENUM_NAMES_KEY,
    I18N_KEY,
    Change,
    Checkpoint,
    Deleted,
    EntityKind,
    ExpectedTotal,
    ListingStatus,
    MarketplaceSource,
    ProductRecord,
    ProductStream,
    RejectedRecord,
    SourceCapability,
    SourceStream,
    VariantRecord,
)
from cloudcat.plugins.woocommerce.client import VERSION, WooCommerceClient
from cloudcat.plugins.woocommerce.errors import WooCommerceNotFound, WooWebhookRejected
from cloudcat.plugins.woocommerce.models import (
    MalformedProduct,
    WooProduct,
    WooVariation,
    parse_gmt,
    parse_product,
)
from cloudcat.plugins.woocommerce.webhooks import WooWebhook, read_delivery, read_ping

UPSERT_EVENTS = frozenset({"created", "updated", "restored"})
PAGE_SIZE = 100


class WooCommerceConfig(BaseModel):
    """A WooCommerce site and the REST API key CloudCat reads it with."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {"description": "WooCommerce 站点，以及读取它所用的 REST API 密钥。"}
            }
        },
    )

    site_url: HttpUrl = Field(
        title="Site Url",
        description="The shop's WordPress address, e.g. https://shop.example.com",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "站点地址",
                    "description": "店铺的 WordPress 地址，例如 https://shop.example.com",
                }
            }
        },
    )
    consumer_key: str = Field(
        min_length=1,
        max_length=200,
        title="Consumer Key",
        description="The REST API key's consumer key (ck_…), with Read permission",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "Consumer Key",
                    "description": "REST API 密钥的 consumer key（ck_…），需有读取权限",
                }
            }
        },
    )
    consumer_secret: SecretStr = Field(
        title="Consumer Secret",
        description="The REST API key's consumer secret (cs_…)",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "Consumer Secret",
                    "description": "REST API 密钥的 consumer secret（cs_…）",
                }
            }
        },
    )
    webhook_secret: SecretStr | None = Field(
        None,
        title="Webhook Secret",
        description="The secret of the WooCommerce webhooks that deliver product changes "
        "(WooCommerce > Settings > Advanced > Webhooks)",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "Webhook 密钥",
                    "description": "推送商品变更的 WooCommerce Webhook 的密钥"
                    "（WooCommerce > 设置 > 高级 > Webhooks）",
                }
            }
        },
    )
    auth: Literal["basic", "query"] = Field(
        "basic",
        title="Auth",
        description="How the key is sent: basic (the Authorization header) or query (for "
        "hosts that strip that header)",
        json_schema_extra={
            ENUM_NAMES_KEY: ["Authorization header (basic)", "Query string"],
            I18N_KEY: {
                "zh-CN": {
                    "title": "认证方式",
                    "description": "密钥的发送方式：basic（Authorization 请求头）或 query"
                    "（用于会去掉该请求头的主机）",
                    ENUM_NAMES_KEY: ["Authorization 请求头（basic）", "查询参数"],
                }
            },
        },
    )


def is_loopback(url: str) -> bool:
    """Whether `url`'s host is this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _compare_at(price: Decimal, regular: Decimal | None) -> Decimal | None:
    """The struck-through "was" price: the regular price when it is above the price paid."""
    return regular if regular is not None and regular > price else None


def _variant(variation: WooVariation) -> VariantRecord:
    return VariantRecord(
        external_id=str(variation.id),
        price=variation.price,
        options=dict(variation.options),
        compare_at_price=_compare_at(variation.price, variation.regular_price),
        stock=variation.stock,
        sku=variation.sku,
        title=" / ".join(variation.options.values()),
        image_url=variation.image_url,
    )


def product_record(product: WooProduct, currency: str) -> ProductRecord:
    """The catalog record of a parsed WooCommerce product, priced in `currency`."""
    variants = [_variant(v) for v in product.variations]
    if variants:
        cheapest = min(variants, key=lambda v: v.price)
        compare_at = cheapest.compare_at_price
    else:
        compare_at = _compare_at(product.price, product.regular_price)
    return ProductRecord(
        external_id=str(product.id),
        title=product.name,
        price=product.price,
        currency=currency,
        description=product.description,
        image_urls=list(product.image_urls),
        url=product.url,
        status=ListingStatus.ACTIVE.value if product.active else ListingStatus.DELISTED.value,
        compare_at_price=compare_at,
        variants=variants,
        stock=None if variants else product.stock,
        sku=product.sku,
        modified_at=product.modified_at,
    )


def _product_id(item: Mapping[str, Any]) -> int | None:
    """The product's id, or None when it has none."""
    pid = item.get("id")
    return pid if isinstance(pid, int) and not isinstance(pid, bool) else None


def _reference(item: Mapping[str, Any]) -> str:
    pid = _product_id(item)
    return "a product" if pid is None else str(pid)


def _resume(checkpoint: str | None) -> tuple[int, int | None]:
    """The page a listing resumed at `checkpoint` reads first, and the last product id read
    before (the products up to it are not yielded again; None: yield every one).

    A token is ``<next page>:<last id>``, and the page before the next one is read first (see
    the module). A token of an earlier version is the last page read (only digits): that
    page is read again whole, as it was then. Anything else starts from the first page."""
    if not checkpoint:
        return 1, None
    if checkpoint.isdigit():
        return max(1, int(checkpoint)), None
    page, colon, last = checkpoint.partition(":")
    if colon and page.isdigit() and last.isdigit():
        return max(1, int(page) - 1), int(last)
    return 1, None


class WooCommerceSource(MarketplaceSource):
    """A WooCommerce shop's products, by REST API v3 and signed webhooks (see the module)."""

    name = "woocommerce"
    title = "WooCommerce"
    description = (
        "Products and variations of a WooCommerce shop, kept current by its signed webhooks."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "WooCommerce"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "WooCommerce 店铺的商品和规格，并通过其签名的 Webhook 保持更新。"
    }
    version = VERSION
    capabilities = frozenset(
        {
            SourceCapability.PRODUCTS.value,
            SourceCapability.INCREMENTAL.value,
            SourceCapability.WEBHOOKS.value,
        }
    )
    config_model = WooCommerceConfig
    config: WooCommerceConfig

    # --- the API -------------------------------------------------------------------------

    @property
    def site(self) -> str:
        """The configured site address, without a trailing slash."""
        return str(self.config.site_url).rstrip("/")

    def client(self) -> WooCommerceClient:
        """A REST client of the shop's site with its key."""
        return WooCommerceClient(
            self.site,
            self.config.consumer_key,
            self.config.consumer_secret.get_secret_value(),
            auth=self.config.auth,
            allow_http=is_loopback(self.site),
        )

    def check(self) -> str:
        """Read the store's currency with the key: proves the address and the key work."""
        with self.client() as client:
            currency = client.currency()
        self._remember_currency(currency)
        return f"the WooCommerce API at {self.site} answers (currency {currency})"

    # --- the currency, remembered for webhooks -------------------------------------------

    def _remember_currency(self, currency: str) -> None:
        self.context.state.set(f"currency:{self.site}", currency)

    def _known_currency(self) -> str | None:
        currency = self.context.state.get(f"currency:{self.site}")
        return currency if isinstance(currency, str) else None

    def _currency(self, client: WooCommerceClient) -> str:
        currency = client.currency()
        self._remember_currency(currency)
        return currency

    # --- reading -------------------------------------------------------------------------

    def _read(
        self, client: WooCommerceClient, item: dict[str, Any], currency: str
    ) -> ProductRecord | RejectedRecord:
        """One listed product as a record (its variations fetched), or why it cannot be."""
        try:
            variations = client.variations(item)
            return product_record(parse_product(item, variations), currency)
        except MalformedProduct as exc:
            return RejectedRecord(_reference(item), str(exc))
        except WooCommerceNotFound as exc:
            return RejectedRecord(_reference(item), f"its variations cannot be read: {exc}")
        except (TypeError, ValueError) as exc:
            return RejectedRecord(_reference(item), f"unreadable product: {exc}")

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """Every product (``since``: modified after it, in GMT), page by page in id order,
        resuming after the products a `checkpoint` says were read."""
        start, read_up_to = _resume(checkpoint)
        last = read_up_to or 0
        with self.client() as client:
            currency = self._currency(client)
            pages = client.iter_product_pages(
                modified_after=since, per_page=PAGE_SIZE, start_page=start
            )
            for page in pages:
                if page.page == start and page.total is not None:
                    yield ExpectedTotal(page.total)
                for item in page.items:
                    pid = _product_id(item)
                    if read_up_to is not None and pid is not None and pid <= read_up_to:
                        continue  # read before the checkpoint
                    yield self._read(client, item, currency)
                    last = max(last, pid or 0)
                yield Checkpoint(f"{page.page + 1}:{last}")

    def fetch(self, entity: EntityKind, external_ids: Sequence[str]) -> SourceStream:
        """The current state of products by id (`Deleted` for those the site no longer has)."""
        if entity != EntityKind.PRODUCT:
            return
        with self.client() as client:
            currency = self._currency(client)
            for eid in external_ids:
                if not eid.isdigit():
                    yield RejectedRecord(eid, "a WooCommerce product id is a number")
                    continue
                item = client.product(int(eid))
                if item is None or item.get("status") == "trash":
                    yield Deleted(eid)
                    continue
                yield self._read(client, item, currency)

    # --- webhooks ------------------------------------------------------------------------

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> list[Change]:
        """Verify a delivery and return the product change it announces ([] for a ping)."""
        if read_ping(headers, body) is not None:
            return []
        if self.config.webhook_secret is None:
            raise WooWebhookRejected(
                "WooCommerce webhook refused: no webhook secret is configured for this shop; "
                "enter the secret of the WooCommerce webhook in the source's settings"
            )
        delivery = read_delivery(self.config.webhook_secret.get_secret_value(), headers, body)
        if not isinstance(delivery, WooWebhook) or delivery.resource != "product":
            return []
        change_id = delivery.delivery_id or secrets.token_hex(8)
        if delivery.problem or not isinstance(delivery.payload, dict):
            reason = delivery.problem or "the webhook body is not a product"
            return [
                Change(
                    change_id,
                    EntityKind.PRODUCT,
                    "unknown",
                    record=RejectedRecord("a webhook delivery", reason),
                )
            ]
        payload: dict[str, Any] = delivery.payload
        eid = _reference(payload)
        if eid == "a product":
            rejected = RejectedRecord("a webhook delivery", "the webhook names no product id")
            return [Change(change_id, EntityKind.PRODUCT, "unknown", record=rejected)]
        if delivery.event == "deleted" or payload.get("status") == "trash":
            return [Change(change_id, EntityKind.PRODUCT, eid, "delete", modified_at=self._now())]
        if delivery.event not in UPSERT_EVENTS:
            return []
        return [self._upsert(change_id, eid, payload)]

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)

    def _upsert(self, change_id: str, eid: str, payload: dict[str, Any]) -> Change:
        """The change of a created/updated product: its record when the payload is whole."""
        try:
            modified_at = parse_gmt(payload.get("date_modified_gmt"))
        except MalformedProduct:
            modified_at = None
        currency = self._known_currency()
        if payload.get("type") == "variable" or currency is None:
            # No variation prices in the payload (or no currency known yet): read it again.
            return Change(change_id, EntityKind.PRODUCT, eid, modified_at=modified_at)
        try:
            record: ProductRecord | RejectedRecord = product_record(
                parse_product(payload), currency
            )
        except (MalformedProduct, TypeError, ValueError) as exc:
            record = RejectedRecord(eid, str(exc))
        return Change(change_id, EntityKind.PRODUCT, eid, record=record, modified_at=modified_at)


__all__ = ["WooCommerceConfig", "WooCommerceSource", "is_loopback", "product_record"]
