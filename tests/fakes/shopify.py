"""A loopback fake of one Shopify shop: GraphQL Admin API, OAuth install and signed webhooks.

It is a real GraphQL server (graphql-core, over a subset of the Admin schema) behind real HTTP,
and it behaves as Shopify does where a client can tell:

* ``POST /admin/api/{version}/graphql.json`` needs ``X-Shopify-Access-Token``; a missing,
  unknown, revoked or expired token gets HTTP 401 with
  ``{"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}``.
  A well-formed but unsupported version is served by the oldest supported one (the
  ``X-Shopify-API-Version`` header says which), a malformed one is 404.
* Every answer carries ``extensions.cost`` (``requestedQueryCost``, ``actualQueryCost``,
  ``throttleStatus{maximumAvailable, currentlyAvailable, restoreRate}``). The requested cost
  is computed from the query the way Shopify documents it (scalars 0, objects 1, connections
  2 + first/last x the cost of one node); the bucket is a leaky bucket of `bucket_size`
  points restored at `restore_rate` points per second; the requested cost is taken before
  running and the difference to the actual cost refunded after. When the bucket holds less
  than the requested cost the answer is ``{"errors": [{"message": "Throttled", "extensions":
  {"code": "THROTTLED", ...}}], "extensions": {"cost": ...}}`` with no ``data``, with HTTP
  `throttled_status` (200 as commonly observed, or 429). A query costing more than the
  single-query maximum gets ``MAX_COST_EXCEEDED``. Errors inside HTTP 200 are the norm:
  syntax and validation errors, ``ACCESS_DENIED`` for a missing scope, bad arguments.
* ``products(first|last, after|before, query, sortKey, reverse)`` pages with opaque keyset
  cursors (``first``/``last`` at most 250); ``query`` understands ``updated_at:>'…'``,
  ``created_at``, ``status:`` and ``id:`` terms and bare words (title search).
  ``product(id:)``, ``shop`` and ``productsCount`` exist too; variants and media are nested
  connections.
* OAuth: ``GET /admin/oauth/authorize`` stands in for the merchant approving the install and
  redirects (302) to the registered ``redirect_uri`` with ``code, hmac, host, shop, state,
  timestamp``; ``POST /admin/oauth/access_token`` exchanges the single-use code (form or
  JSON body) for ``{"access_token", "scope"}``, plus ``expires_in``/``refresh_token``/
  ``refresh_token_expires_in`` when ``expiring=1`` is sent, and takes
  ``grant_type=refresh_token`` to rotate an expiring token.
* Webhooks: `webhook(topic, product_id)` builds a delivery signed as Shopify signs it
  (base64 HMAC-SHA256 of the raw body with the client secret) with the ``X-Shopify-*``
  headers; `tests.fakes.deliveries` sends, duplicates and reorders them.

The schema, query costs, search syntax and pagination live in `tests.fakes.shopify_graphql`.
The fake computes HMACs itself, independently of the plugin under test. Some wordings of error
messages Shopify does not document (a too-large ``first``, a bad cursor, a wrong client secret
at the token endpoint) are approximations; their shapes and codes follow the real API.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from graphql import (
    ExecutionResult,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    execute,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values

from tests.fakes.deliveries import WebhookDelivery
from tests.fakes.sample_catalog import SampleProduct, generate_catalog, money
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.shopify_graphql import (
    SCHEMA_SDL,
    CostWalker,
    connection,
    nested_connection,
    parse_time,
    product_matches,
    sort_key,
)

SUPPORTED_VERSIONS = ("2025-10", "2026-01", "2026-04", "2026-07", "2026-10")
"""Stable API versions this fake serves (oldest first)."""
INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"
MAX_QUERY_COST = 1000
"""Shopify's limit on the requested cost of a single query."""
THROTTLE_DOCS = "https://shopify.dev/api/usage/rate-limits"
KNOWN_SCOPES = frozenset(
    {
        "read_products",
        "write_products",
        "read_inventory",
        "read_orders",
        "read_all_orders",
        "read_customers",
        "read_discounts",
        "read_price_rules",
        "read_locales",
        "read_content",
    }
)
DEFAULT_SCOPES = frozenset({"read_products", "read_inventory", "read_orders"})
PRODUCT_ID_BASE = 8_801_000_000_000
VARIANT_ID_BASE = 45_100_000_000_000


def iso(moment: datetime) -> str:
    """A time as Shopify's GraphQL ``DateTime`` (UTC, seconds, ``Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def product_gid(number: int) -> str:
    """The GraphQL id of a product."""
    return f"gid://shopify/Product/{number}"


def reference_signature(secret: str, params: Mapping[str, str]) -> str:
    """Hex HMAC-SHA256 of an install/callback query, computed the way Shopify documents it.

    Every parameter except ``hmac`` (and the legacy ``signature``) as ``key=value`` (with
    ``%``, ``&`` and ``=`` in keys and ``%``/``&`` in values escaped), sorted, joined with ``&``.
    """

    def escape(text: str, *, key: bool) -> str:
        text = text.replace("%", "%25").replace("&", "%26")
        return text.replace("=", "%3D") if key else text

    pairs = sorted(
        f"{escape(k, key=True)}={escape(v, key=False)}"
        for k, v in params.items()
        if k not in ("hmac", "signature")
    )
    message = "&".join(pairs)
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def webhook_signature(secret: str, body: bytes) -> str:
    """Base64 HMAC-SHA256 of a webhook body, as in ``X-Shopify-Hmac-Sha256``."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


# --- the fake ----------------------------------------------------------------------------


@dataclass
class _Token:
    scopes: frozenset[str]
    expires_at: float | None = None
    revoked: bool = False


@dataclass
class _Grant:
    scopes: frozenset[str]
    used: bool = False


@dataclass
class _Fault:
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass
class GraphQLCall:
    """One request to the GraphQL endpoint and what the fake answered."""

    request: FakeRequest
    status: int
    payload: dict[str, Any] | None

    @property
    def throttled(self) -> bool:
        """Whether the answer was the THROTTLED error."""
        errors = (self.payload or {}).get("errors")
        return isinstance(errors, list) and any(
            (e.get("extensions") or {}).get("code") == "THROTTLED" for e in errors
        )


@dataclass
class LeakyBucket:
    """Shopify's cost bucket: `size` points, refilled at `rate` points per second."""

    size: float
    rate: float
    available: float = field(init=False)
    updated: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.available = self.size

    def refill(self) -> None:
        """Add what leaked back since the last look."""
        now = time.monotonic()
        self.available = min(self.size, self.available + (now - self.updated) * self.rate)
        self.updated = now

    def status(self) -> dict[str, float | int]:
        """The ``throttleStatus`` object."""
        return {
            "maximumAvailable": float(self.size),
            "currentlyAvailable": int(self.available),
            "restoreRate": float(self.rate),
        }


class ShopifyFake(LoopbackServer):
    """One Shopify shop on a loopback socket: GraphQL Admin API, OAuth and webhooks."""

    def __init__(
        self,
        *,
        shop: str = "tea-house.myshopify.com",
        client_id: str = "c0ffee5a1e5c0ffee5a1e5c0ffee5a1e",
        client_secret: str = "shpss_" + "5e" * 16,
        products: int = 60,
        seed: int = 7,
        currency: str = "CNY",
        bucket_size: float = 2000.0,
        restore_rate: float = 100.0,
        throttled_status: int = 200,
        redirect_uris: Iterable[str] = ("https://cloudcat.example/oauth/shopify/callback",),
        token_lifetime: int = 3600,
    ) -> None:
        super().__init__()
        self.shop = shop
        self.client_id = client_id
        self.client_secret = client_secret
        self.currency = currency
        self.bucket = LeakyBucket(bucket_size, restore_rate)
        self.throttled_status = throttled_status
        self.redirect_uris = list(redirect_uris)
        self.token_lifetime = token_lifetime
        self.calls: list[GraphQLCall] = []
        self.products: dict[int, dict[str, Any]] = {}
        self.tokens: dict[str, _Token] = {}
        self.refresh_tokens: dict[str, str] = {}
        self.grants: dict[str, _Grant] = {}
        self._faults: deque[_Fault] = deque()
        self._variant_numbers = iter(range(VARIANT_ID_BASE, VARIANT_ID_BASE + 10**9))
        self._schema = self._build_schema()
        self._product_lock = threading.RLock()
        for sample in generate_catalog(products, seed=seed):
            self._add(sample)
        self._next_number = products + 1
        self.access_token = self.issue_token()

    # --- tokens ----------------------------------------------------------------------

    def issue_token(
        self, scopes: Iterable[str] = DEFAULT_SCOPES, *, expires_in: int | None = None
    ) -> str:
        """A new offline access token with `scopes` (expiring after `expires_in` seconds)."""
        token = "shpat_" + secrets.token_hex(16)
        expires_at = time.time() + expires_in if expires_in is not None else None
        with self.lock:
            self.tokens[token] = _Token(frozenset(scopes), expires_at)
        return token

    def revoke_token(self, token: str) -> None:
        """Revoke `token` (the merchant uninstalled the app, or the app rotated its secret)."""
        with self.lock:
            self.tokens[token].revoked = True

    def expire_token(self, token: str) -> None:
        """Make an expiring `token` expired now."""
        with self.lock:
            self.tokens[token].expires_at = time.time() - 1

    def _token(self, token: str | None) -> _Token | None:
        with self.lock:
            found = self.tokens.get(token or "")
        if found is None or found.revoked:
            return None
        if found.expires_at is not None and time.time() >= found.expires_at:
            return None
        return found

    # --- catalog ---------------------------------------------------------------------

    def _add(self, sample: SampleProduct) -> dict[str, Any]:
        number = PRODUCT_ID_BASE + sample.number * 1000 + 17
        status = sample.status.upper()
        options = [
            {
                "id": f"gid://shopify/ProductOption/{number * 10 + position}",
                "name": name,
                "position": position,
                "values": values,
                "optionValues": [
                    {
                        "id": f"gid://shopify/ProductOptionValue/{number * 100 + position * 10 + i}",
                        "name": value,
                        "hasVariants": True,
                    }
                    for i, value in enumerate(values)
                ],
            }
            for position, (name, values) in enumerate(sample.options, start=1)
        ] or [
            {
                "id": f"gid://shopify/ProductOption/{number * 10 + 1}",
                "name": "Title",
                "position": 1,
                "values": ["Default Title"],
                "optionValues": [
                    {
                        "id": f"gid://shopify/ProductOptionValue/{number * 100 + 11}",
                        "name": "Default Title",
                        "hasVariants": True,
                    }
                ],
            }
        ]
        variants = []
        for variant in sample.variants:
            vid = next(self._variant_numbers)
            title = " / ".join(variant.options.values()) or "Default Title"
            variants.append(
                {
                    "id": f"gid://shopify/ProductVariant/{vid}",
                    "legacyResourceId": str(vid),
                    "title": title,
                    "displayName": f"{sample.title} - {title}",
                    "sku": variant.sku,
                    "barcode": variant.barcode,
                    "price": money(variant.price),
                    "compareAtPrice": (
                        money(variant.compare_at_price) if variant.compare_at_price else None
                    ),
                    "inventoryQuantity": variant.stock,
                    "availableForSale": variant.stock > 0,
                    "position": variant.position,
                    "selectedOptions": [{"name": k, "value": v} for k, v in variant.options.items()]
                    or [{"name": "Title", "value": "Default Title"}],
                    "image": None,
                    "createdAt": iso(sample.created_at),
                    "updatedAt": iso(sample.updated_at),
                }
            )
        media = [
            {
                "__typename": "MediaImage",
                "id": f"gid://shopify/MediaImage/{number * 10 + index}",
                "alt": sample.title,
                "mediaContentType": "IMAGE",
                "position": index,
                "image": {
                    "id": f"gid://shopify/ProductImage/{number * 10 + index}",
                    "url": url.replace(
                        "https://cdn.example.com",
                        "https://cdn.shopify.com/s/files/1/0611/7000/1234",
                    ),
                    "altText": sample.title,
                    "width": 1200,
                    "height": 1200,
                },
            }
            for index, url in enumerate(sample.image_urls, start=1)
        ]
        product = {
            "id": product_gid(number),
            "legacyResourceId": str(number),
            "title": sample.title,
            "handle": sample.handle,
            "status": status,
            "description": sample.description,
            "descriptionHtml": f"<p>{sample.description}</p>",
            "vendor": sample.vendor,
            "productType": sample.category,
            "tags": sample.tags,
            "createdAt": iso(sample.created_at),
            "updatedAt": iso(sample.updated_at),
            "publishedAt": iso(sample.created_at) if status == "ACTIVE" else None,
            "onlineStoreUrl": (
                f"https://{self.shop}/products/{sample.handle}" if status == "ACTIVE" else None
            ),
            "totalInventory": sum(v.stock for v in sample.variants),
            "options": options,
            "_variants": variants,
            "_media": media,
        }
        with self._product_lock:
            self.products[number] = product
        return product

    def product_ids(self) -> list[int]:
        """Numeric ids of every product, in id order."""
        with self._product_lock:
            return sorted(self.products)

    def product(self, number: int) -> dict[str, Any]:
        """The stored product (GraphQL field names; variants under ``_variants``)."""
        with self._product_lock:
            return self.products[number]

    def _touch(self, product: dict[str, Any]) -> str:
        latest = max(parse_time(p["updatedAt"]) for p in self.products.values())
        now = datetime.now(UTC).replace(microsecond=0)
        stamp = iso(max(now, latest + timedelta(seconds=1)))
        product["updatedAt"] = stamp
        return stamp

    def update_product(self, number: int, **changes: Any) -> dict[str, Any]:
        """Change product fields (GraphQL names, e.g. ``title=``); bumps ``updatedAt``."""
        with self._product_lock:
            product = self.products[number]
            product.update(changes)
            self._touch(product)
            return product

    def update_variant(self, number: int, position: int, **changes: Any) -> dict[str, Any]:
        """Change one variant (by 1-based position), e.g. ``price="9.90"``; bumps times."""
        with self._product_lock:
            product = self.products[number]
            variant = product["_variants"][position - 1]
            variant.update(changes)
            variant["updatedAt"] = self._touch(product)
            product["totalInventory"] = sum(
                v["inventoryQuantity"] or 0 for v in product["_variants"]
            )
            return variant

    def delete_product(self, number: int) -> None:
        """Remove a product."""
        with self._product_lock:
            del self.products[number]

    def add_product(self, title: str, price: str = "88.00") -> dict[str, Any]:
        """Add a simple product with one variant; return it."""
        with self._product_lock:
            sample = generate_catalog(1, seed=self._next_number)[0]
            sample.number = self._next_number
            self._next_number += 1
            sample.title = title
            sample.options = []
            sample.variants = sample.variants[:1]
            sample.variants[0].options = {}
            sample.variants[0].price = Decimal(price)
            product = self._add(sample)
            self._touch(product)
            return product

    def corrupt_product(self, number: int, kind: str) -> None:
        """Make one product's data bad the way real data goes bad.

        `kind`: ``price`` (a variant price that is not a number), ``title`` (an empty
        title), ``huge_title`` (a 10 MB title), ``no_variants`` (no variant at all).
        """
        with self._product_lock:
            product = self.products[number]
            if kind == "price":
                product["_variants"][0]["price"] = "12,80元"
            elif kind == "title":
                product["title"] = ""
            elif kind == "huge_title":
                product["title"] = "茶" * (10 * 1024 * 1024 // 3)
            elif kind == "no_variants":
                product["_variants"] = []
            else:
                raise ValueError(f"unknown corruption {kind!r}")
            self._touch(product)

    # --- faults ----------------------------------------------------------------------

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        retry_after: str | None = None,
        body: bytes = b'{"errors":"Service Unavailable"}',
    ) -> None:
        """Answer the next `times` GraphQL requests with `status` (5xx, 429...)."""
        headers = {"Content-Type": "application/json"}
        if retry_after is not None:
            headers["Retry-After"] = retry_after
        with self.lock:
            self._faults.extend(_Fault(status, body, headers) for _ in range(times))

    def break_json_next(self, *, times: int = 1) -> None:
        """Answer the next `times` GraphQL requests with HTTP 200 and a truncated JSON body."""
        body = b'{"data":{"products":{"edges":[{"cursor":"eyJsYXN0X2lkIjo4ODAx'
        with self.lock:
            self._faults.extend(
                _Fault(200, body, {"Content-Type": "application/json; charset=utf-8"})
                for _ in range(times)
            )

    def drain_bucket(self, to: float = 0.0) -> None:
        """Empty the cost bucket (another app of the shop spent it), down to `to` points."""
        with self.lock:
            self.bucket.refill()
            self.bucket.available = to

    @property
    def throttled_calls(self) -> list[GraphQLCall]:
        """The GraphQL requests that were answered THROTTLED."""
        with self.lock:
            return [call for call in self.calls if call.throttled]

    # --- install, OAuth ----------------------------------------------------------------

    def host_param(self) -> str:
        """The ``host`` parameter Shopify adds: base64 of the shop's admin address."""
        admin = f"admin.shopify.com/store/{self.shop.split('.')[0]}"
        return base64.b64encode(admin.encode()).decode().rstrip("=")

    def sign(self, params: Mapping[str, str]) -> dict[str, str]:
        """`params` plus the ``hmac`` Shopify would add to them."""
        unsigned = {k: v for k, v in params.items() if k != "hmac"}
        return {**unsigned, "hmac": reference_signature(self.client_secret, unsigned)}

    def install_params(self, *, timestamp: int | None = None) -> dict[str, str]:
        """The signed query Shopify sends to the app URL when a merchant opens or installs it."""
        moment = int(time.time()) if timestamp is None else timestamp
        return self.sign({"host": self.host_param(), "shop": self.shop, "timestamp": str(moment)})

    def _authorize(self, request: FakeRequest) -> FakeResponse:
        query = {k: v[-1] for k, v in request.query.items()}
        if query.get("client_id") != self.client_id:
            return _html(400, "Oauth error invalid_request: The client_id is not valid")
        redirect_uri = query.get("redirect_uri", "")
        if redirect_uri not in self.redirect_uris:
            return _html(
                400,
                "Oauth error invalid_request: The redirect_uri is not whitelisted",
            )
        scopes = frozenset(s.strip() for s in query.get("scope", "").split(",") if s.strip())
        unknown = scopes - KNOWN_SCOPES
        if unknown:
            return _html(400, f"Oauth error invalid_scope: {', '.join(sorted(unknown))}")
        code = secrets.token_hex(16)
        with self.lock:
            self.grants[code] = _Grant(scopes)
        params = {
            "code": code,
            "host": self.host_param(),
            "shop": self.shop,
            "timestamp": str(int(time.time())),
        }
        if "state" in query:
            params["state"] = query["state"]
        location = f"{redirect_uri}?{urlencode(self.sign(params))}"
        return FakeResponse(302, b"", {"Location": location})

    def _access_token(self, request: FakeRequest) -> FakeResponse:
        content_type = request.header("Content-Type") or ""
        if content_type.startswith("application/json"):
            try:
                raw = json.loads(request.body or b"{}")
            except ValueError:
                return FakeResponse.json(400, {"error": "invalid_request"})
            form = {k: str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        else:
            form = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
        form.update({k: v[-1] for k, v in request.query.items()})
        if form.get("client_id") != self.client_id or not hmac.compare_digest(
            form.get("client_secret", "").encode(), self.client_secret.encode()
        ):
            return FakeResponse.json(
                400,
                {"error": "invalid_client", "error_description": "Client credentials are invalid"},
            )
        expiring = form.get("expiring") == "1"
        with self.lock:
            if form.get("grant_type") == "refresh_token":
                old = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
                if old is None:
                    return FakeResponse.json(
                        400,
                        {
                            "error": "invalid_request",
                            "error_description": "The refresh token was not found or was already used",
                        },
                    )
                scopes = self.tokens[old].scopes
                self.tokens[old].revoked = True
                expiring = True
            else:
                grant = self.grants.get(form.get("code", ""))
                if grant is None or grant.used:
                    return FakeResponse.json(
                        400,
                        {
                            "error": "invalid_request",
                            "error_description": "The authorization code was not found or was already used",
                        },
                    )
                grant.used = True
                scopes = grant.scopes
        token = self.issue_token(scopes, expires_in=self.token_lifetime if expiring else None)
        answer: dict[str, Any] = {"access_token": token, "scope": ",".join(sorted(scopes))}
        if expiring:
            refresh = "shprt_" + secrets.token_hex(16)
            with self.lock:
                self.refresh_tokens[refresh] = token
            answer.update(
                expires_in=self.token_lifetime,
                refresh_token=refresh,
                refresh_token_expires_in=90 * 24 * 3600,
            )
        return FakeResponse.json(200, answer)

    # --- webhooks --------------------------------------------------------------------

    def rest_payload(self, number: int) -> dict[str, Any]:
        """The REST-shaped JSON Shopify puts in ``products/*`` webhooks for a product."""
        product = self.product(number)
        return {
            "id": number,
            "admin_graphql_api_id": product["id"],
            "title": product["title"],
            "body_html": product["descriptionHtml"],
            "vendor": product["vendor"],
            "product_type": product["productType"],
            "handle": product["handle"],
            "status": product["status"].lower(),
            "tags": ", ".join(product["tags"]),
            "created_at": product["createdAt"],
            "updated_at": product["updatedAt"],
            "variants": [
                {
                    "id": int(v["legacyResourceId"]),
                    "product_id": number,
                    "admin_graphql_api_id": v["id"],
                    "title": v["title"],
                    "price": v["price"],
                    "compare_at_price": v["compareAtPrice"],
                    "sku": v["sku"],
                    "barcode": v["barcode"],
                    "position": v["position"],
                    "inventory_quantity": v["inventoryQuantity"],
                    "updated_at": v["updatedAt"],
                    **{
                        f"option{i}": o["value"]
                        for i, o in enumerate(v["selectedOptions"], start=1)
                    },
                }
                for v in product["_variants"]
            ],
            "options": [
                {"name": o["name"], "position": o["position"], "values": o["values"]}
                for o in product["options"]
            ],
            "images": [
                {"id": i, "src": m["image"]["url"], "alt": m["alt"]}
                for i, m in enumerate(product["_media"], start=1)
            ],
        }

    def webhook(
        self,
        topic: str,
        number: int,
        *,
        api_version: str = SUPPORTED_VERSIONS[-1],
        triggered_at: datetime | None = None,
    ) -> WebhookDelivery:
        """A signed delivery of `topic` about product `number` (``products/delete``: id only)."""
        payload = {"id": number} if topic.endswith("/delete") else self.rest_payload(number)
        return self.webhook_for(topic, payload, api_version=api_version, triggered_at=triggered_at)

    def webhook_for(
        self,
        topic: str,
        payload: Mapping[str, Any],
        *,
        api_version: str = SUPPORTED_VERSIONS[-1],
        triggered_at: datetime | None = None,
    ) -> WebhookDelivery:
        """A signed delivery of `topic` carrying `payload`, with Shopify's headers."""
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        moment = triggered_at or datetime.now(UTC)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Shopify-Captain-Hook",
            "X-Shopify-Topic": topic,
            "X-Shopify-Hmac-Sha256": webhook_signature(self.client_secret, body),
            "X-Shopify-Shop-Domain": self.shop,
            "X-Shopify-API-Version": api_version,
            "X-Shopify-Webhook-Id": str(uuid.uuid4()),
            "X-Shopify-Event-Id": str(uuid.uuid4()),
            "X-Shopify-Triggered-At": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        }
        return WebhookDelivery(topic, body, headers)

    # --- HTTP ------------------------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route to OAuth or the GraphQL endpoint."""
        if request.path == "/admin/oauth/authorize" and request.method == "GET":
            return self._authorize(request)
        if request.path == "/admin/oauth/access_token":
            if request.method != "POST":
                return FakeResponse(405, b"", {"Allow": "POST"})
            return self._access_token(request)
        match = re.fullmatch(r"/admin/api/([^/]+)/graphql\.json", request.path)
        if match is not None:
            response, payload = self._graphql(request, match.group(1))
            with self.lock:
                self.calls.append(GraphQLCall(request, response.status, payload))
            return response
        return FakeResponse.json(404, {"errors": "Not Found"})

    def _graphql(
        self, request: FakeRequest, version: str
    ) -> tuple[FakeResponse, dict[str, Any] | None]:
        with self.lock:
            fault = self._faults.popleft() if self._faults else None
        if fault is not None:
            return FakeResponse(fault.status, fault.body, fault.headers), None
        if not re.fullmatch(r"\d{4}-\d{2}|unstable", version):
            return FakeResponse.json(404, {"errors": "Not Found"}), None
        served = version if version in SUPPORTED_VERSIONS else SUPPORTED_VERSIONS[0]
        headers = {"X-Shopify-API-Version": served, "X-Request-Id": str(uuid.uuid4())}
        token = self._token(request.header("X-Shopify-Access-Token"))
        if token is None:
            return FakeResponse.json(401, {"errors": INVALID_TOKEN}, headers), None
        if request.method != "POST":
            return FakeResponse.json(405, {"errors": "Method Not Allowed"}, headers), None
        body = self._read_body(request)
        if body is None:
            payload: dict[str, Any] = {"errors": {"query": "Required parameter missing or invalid"}}
            return FakeResponse.json(400, payload, headers), payload
        status, payload = self._run(body, token)
        return FakeResponse.json(status, payload, headers), payload

    @staticmethod
    def _read_body(request: FakeRequest) -> dict[str, Any] | None:
        content_type = request.header("Content-Type") or ""
        if content_type.startswith("application/graphql"):
            return {"query": request.body.decode()}
        try:
            body = json.loads(request.body or b"null")
        except ValueError:
            return None
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            return None
        return body

    def _run(self, body: dict[str, Any], token: _Token) -> tuple[int, dict[str, Any]]:
        try:
            document = parse(body["query"])
        except GraphQLError as error:
            return 200, {"errors": [error.formatted]}
        problems = validate(self._schema, document)
        if problems:
            return 200, {"errors": [p.formatted for p in problems]}
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        name = body.get("operationName")
        operation = next(
            (o for o in operations if name is None or (o.name and o.name.value == name)), None
        )
        if operation is None:
            return 200, {"errors": [{"message": f'No operation named "{name}"'}]}
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        variables = body.get("variables") or {}
        coerced = get_variable_values(self._schema, operation.variable_definitions or (), variables)
        if isinstance(coerced, list):
            return 200, {"errors": [e.formatted for e in coerced]}
        walker = CostWalker(self._schema, fragments, coerced)
        root = self._schema.query_type
        assert root is not None
        requested = walker.requested(operation.selection_set, root)
        with self.lock:
            self.bucket.refill()
            limit = min(MAX_QUERY_COST, self.bucket.size)
            if requested > limit:
                cost = self._cost(requested, None)
                return 200, {
                    "errors": [
                        {
                            "message": (
                                f"Query cost is {requested}, which exceeds the single query "
                                f"max cost limit ({int(limit)})."
                            ),
                            "extensions": {
                                "code": "MAX_COST_EXCEEDED",
                                "cost": requested,
                                "maxCost": int(limit),
                                "documentation": THROTTLE_DOCS,
                            },
                        }
                    ],
                    "extensions": {"cost": cost},
                }
            if requested > self.bucket.available:
                cost = self._cost(requested, None)
                return self.throttled_status, {
                    "errors": [
                        {
                            "message": "Throttled",
                            "extensions": {"code": "THROTTLED", "documentation": THROTTLE_DOCS},
                        }
                    ],
                    "extensions": {"cost": cost},
                }
            self.bucket.available -= requested
        with self._product_lock:
            result = execute(
                self._schema,
                document,
                variable_values=variables,
                operation_name=name,
                context_value={"scopes": token.scopes},
            )
        assert isinstance(result, ExecutionResult)
        actual = walker.actual(operation.selection_set, root, result.data)
        with self.lock:
            self.bucket.refill()
            self.bucket.available = min(
                self.bucket.size, self.bucket.available + requested - actual
            )
            cost = self._cost(requested, actual)
        payload: dict[str, Any] = {}
        if result.errors:
            payload["errors"] = [e.formatted for e in result.errors]
        payload["data"] = result.data
        payload["extensions"] = {"cost": cost}
        return 200, payload

    def _cost(self, requested: int, actual: int | None) -> dict[str, Any]:
        return {
            "requestedQueryCost": requested,
            "actualQueryCost": actual,
            "throttleStatus": self.bucket.status(),
        }

    # --- schema and resolvers --------------------------------------------------------

    def _build_schema(self) -> GraphQLSchema:
        schema = build_schema(SCHEMA_SDL)
        query = schema.query_type
        assert query is not None
        query.fields["shop"].resolve = self._resolve_shop
        query.fields["products"].resolve = self._resolve_products
        query.fields["product"].resolve = self._resolve_product
        query.fields["productsCount"].resolve = self._resolve_count
        product = schema.get_type("Product")
        assert isinstance(product, GraphQLObjectType)
        product.fields["variants"].resolve = nested_connection("_variants")
        product.fields["media"].resolve = nested_connection("_media")
        product.fields["variantsCount"].resolve = lambda p, _info: {
            "count": len(p["_variants"]),
            "precision": "EXACT",
        }
        product.fields["options"].resolve = lambda p, _info, first=None: (
            p["options"] if first is None else p["options"][:first]
        )
        media = schema.get_type("Media")
        assert isinstance(media, GraphQLInterfaceType)
        media.resolve_type = lambda value, _info, _type: value["__typename"]
        return schema

    @staticmethod
    def _require(info: GraphQLResolveInfo, scope: str, field_name: str) -> None:
        granted: frozenset[str] = info.context["scopes"]
        if scope not in granted and scope.replace("read_", "write_") not in granted:
            raise GraphQLError(
                f"Access denied for {field_name} field. Required access: `{scope}` access scope.",
                extensions={
                    "code": "ACCESS_DENIED",
                    "documentation": "https://shopify.dev/api/usage/access-scopes",
                    "requiredAccess": f"`{scope}` access scope.",
                },
            )

    def _resolve_shop(self, _root: Any, _info: GraphQLResolveInfo) -> dict[str, Any]:
        return {
            "id": "gid://shopify/Shop/61170001234",
            "name": "Tea House 茶舍",
            "myshopifyDomain": self.shop,
            "currencyCode": self.currency,
            "ianaTimezone": "Asia/Shanghai",
        }

    def _resolve_products(
        self,
        _root: Any,
        info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        query: str | None = None,
        sortKey: str = "ID",
        reverse: bool = False,
    ) -> dict[str, Any]:
        self._require(info, "read_products", "products")
        items = [p for p in self.products.values() if product_matches(p, query)]
        return connection(
            items,
            sort_key(sortKey),
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=reverse,
        )

    def _resolve_product(
        self, _root: Any, info: GraphQLResolveInfo, id: str
    ) -> dict[str, Any] | None:
        self._require(info, "read_products", "product")
        match = re.fullmatch(r"gid://shopify/Product/(\d+)", id)
        return self.products.get(int(match.group(1))) if match else None

    def _resolve_count(
        self, _root: Any, info: GraphQLResolveInfo, query: str | None = None
    ) -> dict[str, Any]:
        self._require(info, "read_products", "productsCount")
        count = sum(1 for p in self.products.values() if product_matches(p, query))
        return {"count": count, "precision": "EXACT"}


def _html(status: int, message: str) -> FakeResponse:
    body = f"<!DOCTYPE html><html><body><h1>{message}</h1></body></html>".encode()
    return FakeResponse(status, body, {"Content-Type": "text/html; charset=utf-8"})


def callback_params(location: str) -> dict[str, str]:
    """The query parameters of a redirect ``Location`` (the OAuth callback's query)."""
    return dict(parse_qsl(urlsplit(location).query, keep_blank_values=True))
