"""The Shopify marketplace source: one shop's products through the GraphQL Admin API.

`ShopifySource` connects a Shopify shop by one-click authorization, reads its products and
variants page by page within the shop's query-cost budget, and keeps the catalog current through
Shopify's signed webhooks:

* **Connecting.** `authorize_url` sends the seller to the shop's authorization page (scopes
  `SCOPES`); `exchange_callback` checks the callback query Shopify signs (``hmac`` over every
  parameter, its age, the ``shop`` being this shop, a ``state`` present) before trading the
  code for an expiring offline token, which `refresh` renews. The tokens are stored encrypted
  by CloudCat's OAuth flow; the source asks `ProviderContext.access_token` for a working one.
* **Full and incremental syncs.** One query first reads the shop's currency and the number of
  products to expect (`ExpectedTotal`); then products come by cursor pages, each followed by a
  `Checkpoint` holding its end cursor, so a resumed run goes on after the last page it stored.
  ``since`` becomes the ``updated_at:>=`` search filter. Throttling is waited out by the cost
  bucket (and reported as `SourceRateLimited` when it does not end); a refused token stops the
  run with "…reconnect the shop" (`SourceAuthExpired`).
* **Records.** Prices stay exact (`Decimal`) in the shop's currency; each variant keeps its
  option values, compare-at price (when above its price), stock, SKU and barcode; the
  description is the product's HTML; products that are not ``ACTIVE`` are delisted. A product
  that cannot be read fails alone with the reason.
* **Webhooks.** Deliveries are verified by ``X-Shopify-Hmac-Sha256`` over the raw body (keyed
  with the app's client secret) and must name this shop. ``products/create`` and
  ``products/update`` carry the whole product, applied as it is (its ``updated_at`` keeps an
  older delivery from overwriting a newer one); ``products/delete`` counts from when Shopify
  triggered it; ``app/uninstalled`` forgets the shop's authorization (the seller sees that the
  app was uninstalled and must reconnect); the mandatory compliance topics are acknowledged
  (this source stores no customer data).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, field_validator

from cloudcat.core.plugin_api import (
    APP_LEVEL_KEY,
    I18N_KEY,
    AuthorizationExpired,
    AuthorizationFailed,
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
    SourceAuthExpired,
    SourceCapability,
    SourceStream,
    TokenSet,
    VariantRecord,
)
from cloudcat.plugins.shopify import queries
from cloudcat.plugins.shopify.client import DEFAULT_API_VERSION, VERSION, ShopifyClient, search_time
from cloudcat.plugins.shopify.domains import normalize_shop_domain
from cloudcat.plugins.shopify.errors import ShopifyOAuthError, ShopifyResponseError
from cloudcat.plugins.shopify.models import (
    MalformedProduct,
    ShopifyProduct,
    ShopifyVariant,
    parse_product,
    parse_webhook_product,
)
from cloudcat.plugins.shopify.oauth import ShopifyOAuth
from cloudcat.plugins.shopify.webhooks import ShopifyWebhook, read_webhook

log = logging.getLogger(__name__)

SCOPES = ("read_products", "read_inventory")
"""What the catalog sync reads: products and variants, and their stock."""
IMAGES_PER_PRODUCT = 10
"""Images kept per product (the first ones, in the shop's order)."""
PRODUCT_TOPICS = frozenset({"products/create", "products/update", "products/delete"})
COMPLIANCE_TOPICS = frozenset({"customers/data_request", "customers/redact", "shop/redact"})
"""The mandatory privacy webhooks; this source keeps no customer data, so they change nothing."""


class ShopifyConfig(BaseModel):
    """The Shopify shop and the app (client id and secret) CloudCat connects it with."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {"description": "Shopify 店铺，以及连接它所用的应用（客户端 ID 与密钥）。"}
            }
        },
    )

    shop: str = Field(
        min_length=1,
        max_length=300,
        title="Shop",
        description="The shop's permanent address, e.g. tea-house.myshopify.com",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "店铺",
                    "description": "店铺的永久地址，例如 tea-house.myshopify.com",
                }
            }
        },
    )
    client_id: str = Field(
        min_length=1,
        max_length=200,
        title="Client Id",
        description="The Shopify app's client ID (API key)",
        json_schema_extra={
            APP_LEVEL_KEY: True,
            I18N_KEY: {
                "zh-CN": {
                    "title": "客户端 ID",
                    "description": "Shopify 应用的客户端 ID（API 密钥）",
                }
            },
        },
    )
    client_secret: SecretStr = Field(
        title="Client Secret",
        description="The app's client secret (signs the authorization and every webhook)",
        json_schema_extra={
            APP_LEVEL_KEY: True,
            I18N_KEY: {
                "zh-CN": {
                    "title": "客户端密钥",
                    "description": "应用的客户端密钥（为授权和每个 Webhook 签名）",
                }
            },
        },
    )
    api_version: str = Field(
        DEFAULT_API_VERSION,
        pattern=r"^\d{4}-\d{2}$",
        title="Api Version",
        description="The GraphQL Admin API version, e.g. 2026-10",
        json_schema_extra={
            APP_LEVEL_KEY: True,
            I18N_KEY: {
                "zh-CN": {
                    "title": "API 版本",
                    "description": "GraphQL Admin API 的版本，例如 2026-10",
                }
            },
        },
    )
    endpoint: HttpUrl | None = Field(
        None,
        title="Endpoint",
        description="Send API and authorization requests here instead of https://<shop> "
        "(a proxy or a test server); leave empty",
        json_schema_extra={
            I18N_KEY: {
                "zh-CN": {
                    "title": "接口地址",
                    "description": "将 API 和授权请求发送到此地址而不是 https://<店铺>（代理或测试服务器）；"
                    "通常留空",
                }
            }
        },
    )

    @field_validator("shop")
    @classmethod
    def _shop_domain(cls, value: str) -> str:
        return normalize_shop_domain(value)


def _compare_at(price: Decimal, compare_at: Decimal | None) -> Decimal | None:
    """The struck-through "was" price: only when it is above the price paid."""
    return compare_at if compare_at is not None and compare_at > price else None


def _variant(variant: ShopifyVariant) -> VariantRecord:
    return VariantRecord(
        external_id=variant.legacy_id,
        price=variant.price,
        options=dict(variant.options),
        compare_at_price=_compare_at(variant.price, variant.compare_at_price),
        stock=variant.stock,
        sku=variant.sku,
        barcode=variant.barcode,
        title="" if variant.title == "Default Title" else variant.title,
        image_url=variant.image_url,
    )


def product_record(product: ShopifyProduct, currency: str, shop: str) -> ProductRecord:
    """The catalog record of a parsed Shopify product of `shop`, priced in `currency`.

    Read from GraphQL or from a webhook, the same product gives the same record.
    """
    variants = [_variant(v) for v in product.variants]
    cheapest = min(variants, key=lambda v: v.price)
    single = variants[0] if len(variants) == 1 else None
    return ProductRecord(
        external_id=product.legacy_id,
        title=product.title,
        price=cheapest.price,
        currency=currency,
        description=product.description_html,
        image_urls=product.image_urls[:IMAGES_PER_PRODUCT],
        url=f"https://{shop}/products/{product.handle}"
        if product.active and product.handle
        else "",
        status=ListingStatus.ACTIVE.value if product.active else ListingStatus.DELISTED.value,
        compare_at_price=cheapest.compare_at_price,
        variants=variants,
        sku=single.sku if single else "",
        barcode=single.barcode if single else "",
        modified_at=product.updated_at,
    )


def _reference(node: Mapping[str, Any]) -> str:
    """The numeric id of a product node or payload, for failure reports."""
    number = node.get("legacyResourceId") or node.get("id")
    if isinstance(number, int) and not isinstance(number, bool):
        return str(number)
    if isinstance(number, str) and number:
        return number.rsplit("/", 1)[-1][:100]
    return "a product"


class ShopifySource(MarketplaceSource):
    """A Shopify shop's products, by GraphQL Admin API and signed webhooks (see the module)."""

    name = "shopify"
    title = "Shopify"
    description = (
        "Products and variants of a Shopify shop, connected in one click and kept current by "
        "its signed webhooks."
    )
    title_i18n: ClassVar[dict[str, str]] = {"zh-CN": "Shopify"}
    description_i18n: ClassVar[dict[str, str]] = {
        "zh-CN": "Shopify 店铺的商品和规格，一键连接，并通过其签名的 Webhook 保持更新。"
    }
    version = VERSION
    capabilities = frozenset(
        {
            SourceCapability.PRODUCTS.value,
            SourceCapability.INCREMENTAL.value,
            SourceCapability.WEBHOOKS.value,
            SourceCapability.OAUTH.value,
        }
    )
    config_model = ShopifyConfig
    config: ShopifyConfig

    # --- connecting (CloudCat's OAuthProvider) -------------------------------------------

    @property
    def endpoint(self) -> str | None:
        """Where requests go instead of ``https://{shop}``, if configured."""
        return str(self.config.endpoint).rstrip("/") if self.config.endpoint else None

    def oauth(self) -> ShopifyOAuth:
        """The authorization helper for this shop and app."""
        return ShopifyOAuth(
            self.config.shop,
            self.config.client_id,
            self.config.client_secret.get_secret_value(),
            scopes=SCOPES,
            endpoint=self.endpoint,
        )

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        """Shopify's authorization page for this shop, asking for `SCOPES`."""
        return self.oauth().authorize_url(state, redirect_uri)

    def exchange_callback(self, params: Mapping[str, str], redirect_uri: str) -> TokenSet:
        """Check the whole callback query (its ``hmac`` and age, the ``shop``, a ``state``
        signed with it), then trade its code for an expiring offline token."""
        if not params.get("state"):
            raise ShopifyOAuthError("the authorization answer carries no state: start again")
        callback = self.oauth().verify_callback(params, state=None)
        return self.oauth().exchange_code(callback.code, redirect_uri)

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        """Trade a code for tokens without looking at the rest of the callback (CloudCat's
        callback uses `exchange_callback`, which verifies Shopify's signature first)."""
        return self.oauth().exchange_code(code, redirect_uri)

    def refresh(self, token_set: TokenSet) -> TokenSet:
        """Trade the single-use refresh token for a new token pair."""
        return self.oauth().refresh(token_set)

    # --- the API -------------------------------------------------------------------------

    def access_token(self) -> str:
        """A working access token of this shop's authorization, or `SourceAuthExpired`."""
        getter = self.context.access_token
        if getter is None:
            raise SourceAuthExpired("Shopify is not connected to this shop: connect the shop")
        try:
            return getter()
        except (AuthorizationExpired, AuthorizationFailed) as exc:
            raise SourceAuthExpired(str(exc)) from exc

    def client(self) -> ShopifyClient:
        """A GraphQL Admin API client of this shop with a working access token."""
        return ShopifyClient(
            self.config.shop,
            self.access_token(),
            api_version=self.config.api_version,
            endpoint=self.endpoint,
        )

    def check(self) -> str:
        """Read the shop with the stored authorization."""
        with self.client() as client:
            shop = client.shop_info()
        currency = str(shop.get("currencyCode") or "")
        if currency:
            self._remember_currency(currency)
        return f"connected to {shop.get('name')} ({self.config.shop}), currency {currency}"

    # --- the currency, remembered for webhooks -------------------------------------------

    def _remember_currency(self, currency: str) -> None:
        self.context.state.set(f"currency:{self.config.shop}", currency)

    def _known_currency(self) -> str | None:
        currency = self.context.state.get(f"currency:{self.config.shop}")
        return currency if isinstance(currency, str) else None

    def _start(self, client: ShopifyClient, since: datetime | None) -> tuple[str, int | None]:
        """The shop's currency (remembered) and how many products the listing will give."""
        search = f"updated_at:>='{search_time(since)}'" if since else None
        data = client.query(queries.SYNC_START, {"query": search}).data
        shop, count = data.get("shop"), data.get("productsCount")
        currency = shop.get("currencyCode") if isinstance(shop, dict) else None
        if not isinstance(currency, str) or not currency:
            raise ShopifyResponseError(f"Shopify did not say the currency of {self.config.shop}")
        self._remember_currency(currency)
        total = count.get("count") if isinstance(count, dict) else None
        return currency, total if isinstance(total, int) else None

    # --- reading -------------------------------------------------------------------------

    def _read(self, node: dict[str, Any], currency: str) -> ProductRecord | RejectedRecord:
        try:
            return product_record(parse_product(node), currency, self.config.shop)
        except (MalformedProduct, TypeError, ValueError) as exc:
            return RejectedRecord(_reference(node), str(exc))

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """Every product (``since``: updated at or after it), page by page by cursor."""
        with self.client() as client:
            currency, total = self._start(client, since)
            if total is not None:
                yield ExpectedTotal(total)
            pages = client.iter_product_pages(
                updated_since=since, after=checkpoint, images_per_product=IMAGES_PER_PRODUCT
            )
            for page in pages:
                for node in page.products:
                    yield self._read(node, currency)
                if page.end_cursor:
                    yield Checkpoint(page.end_cursor)
                if page.has_next_page:
                    # A long sync outlives an access token: follow its renewal between pages.
                    client.set_access_token(self.access_token())

    def fetch(self, entity: EntityKind, external_ids: Sequence[str]) -> SourceStream:
        """The current state of products by numeric id (`Deleted` for those gone)."""
        if entity != EntityKind.PRODUCT:
            return
        with self.client() as client:
            currency = self._known_currency() or self._start(client, None)[0]
            for eid in external_ids:
                if not eid.isdigit():
                    yield RejectedRecord(eid, "a Shopify product id is a number")
                    continue
                node = client.product(
                    f"gid://shopify/Product/{eid}", images_per_product=IMAGES_PER_PRODUCT
                )
                yield Deleted(eid) if node is None else self._read(node, currency)

    # --- webhooks ------------------------------------------------------------------------

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> list[Change]:
        """Verify a delivery (HMAC, this shop) and return the product change it announces."""
        delivery = read_webhook(
            self.config.client_secret.get_secret_value(), headers, body, shop=self.config.shop
        )
        if delivery.topic == "app/uninstalled":
            self._uninstalled()
            return []
        if delivery.topic in COMPLIANCE_TOPICS:
            log.info("Shopify %s for %s acknowledged", delivery.topic, delivery.shop_domain)
            return []
        if delivery.topic not in PRODUCT_TOPICS:
            return []
        return [self._product_change(delivery)]

    def _product_change(self, delivery: ShopifyWebhook) -> Change:
        change_id, payload = delivery.webhook_id, delivery.payload
        if delivery.problem or not isinstance(payload, dict):
            reason = delivery.problem or "the webhook body is not a product"
            rejected = RejectedRecord("a webhook delivery", reason)
            return Change(change_id, EntityKind.PRODUCT, "unknown", record=rejected)
        eid = _reference(payload)
        if not eid.isdigit():
            rejected = RejectedRecord("a webhook delivery", "the webhook names no product id")
            return Change(change_id, EntityKind.PRODUCT, "unknown", record=rejected)
        if delivery.topic == "products/delete":
            when = delivery.triggered_at or datetime.now(UTC)
            return Change(change_id, EntityKind.PRODUCT, eid, "delete", modified_at=when)
        currency = self._known_currency()
        if currency is None:  # never synced yet: read the product (and currency) by API
            return Change(change_id, EntityKind.PRODUCT, eid)
        try:
            product = parse_webhook_product(payload)
        except (MalformedProduct, TypeError, ValueError) as exc:
            return Change(change_id, EntityKind.PRODUCT, eid, record=RejectedRecord(eid, str(exc)))
        record = product_record(product, currency, self.config.shop)
        return Change(
            change_id, EntityKind.PRODUCT, eid, record=record, modified_at=product.updated_at
        )

    def _uninstalled(self) -> None:
        """Forget this shop's authorization: the app was uninstalled on Shopify."""
        self.context.forget_authorization(
            f"the CloudCat app was uninstalled from {self.config.shop} on Shopify: "
            "reconnect the shop to sync it again"
        )


__all__ = ["ShopifyConfig", "ShopifySource", "product_record"]
