"""A loopback fake of a WordPress site running WooCommerce's REST API v3, and its webhooks.

It answers the way WooCommerce and the WordPress REST server do:

* ``/wp-json/wc/v3/products``, ``/products/{id}``, ``/products/{id}/variations[/{id}]`` and
  ``/data/currencies/current``; any other route is 404 ``rest_no_route``.
* Keys are checked like ``WC_REST_Authentication`` on an HTTPS site (the loopback socket stands
  in for a site behind a TLS terminator): ``consumer_key``/``consumer_secret`` in the query
  string first, else HTTP Basic ``ck_…:cs_…``. No keys, an unknown or revoked key: 401
  ``woocommerce_rest_cannot_view`` ("Sorry, you cannot list resources."). A known key with the
  wrong secret: 401 ``woocommerce_rest_authentication_error`` ("Consumer secret is invalid.")
  with a ``WWW-Authenticate: Basic`` header. A write-only key: 401 "does not have read
  permissions".
* Collections take ``page`` (>= 1) and ``per_page`` (1..100), validated like WordPress does
  (400 ``rest_invalid_param`` with ``data.params`` and ``data.details``), and answer with
  ``X-WP-Total``, ``X-WP-TotalPages`` and a ``Link`` header (``rel="prev"``/``rel="next"``).
  A page past the end is an empty list. ``orderby``/``order``, ``status``, ``type``, ``sku``,
  ``search`` and ``modified_after``/``modified_before`` (compared with the site's local
  ``date_modified`` unless ``dates_are_gmt=true``, as WooCommerce does) filter and sort.
* Money is two-decimal strings (``"19.90"``; ``""`` for no sale price); dates come in the
  site's time zone (``date_modified``) and in GMT (``date_modified_gmt``), without offsets.
  Variable products list their variation ids and ``variation: true`` attributes; their
  variations carry ``attributes[{name, option}]``.
* Faults on request: HTTP errors (with ``Retry-After``), a broken JSON body (truncated, or a
  PHP notice printed before the JSON, the classic WordPress failure), revoked keys, and bad
  product data.
* Webhooks are built like ``WC_Webhook::deliver``: the JSON body as ``wp_json_encode`` writes
  it (``\\/`` and ``\\uXXXX`` escapes), ``X-WC-Webhook-Source/Topic/Resource/Event/Signature/
  ID/Delivery-ID`` headers, the signature being base64 HMAC-SHA256 of the body with the
  webhook's secret; `ping` is the unsigned ``webhook_id=N`` form POST sent when a webhook is
  created. `tests.fakes.deliveries` sends, duplicates and reorders them.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import re
import secrets
import threading
import zlib
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from tests.fakes.deliveries import WebhookDelivery
from tests.fakes.sample_catalog import SampleProduct, generate_catalog, money
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer

API = "/wp-json/wc/v3"
WC_VERSION = "9.4.2"
WP_VERSION = "6.7.1"
HOOKSHOT = f"WooCommerce/{WC_VERSION} Hookshot (WordPress/{WP_VERSION})"
LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"
MAX_PER_PAGE = 100
ORDERBY = ("date", "modified", "id", "include", "title", "slug", "price", "popularity", "rating")
STATUSES = ("any", "future", "trash", "draft", "pending", "private", "publish")
BASIC_REALM = (
    'Basic realm="WooCommerce API. Use a consumer key in the username field and a consumer '
    'secret in the password field."'
)


def wp_json(data: Any) -> bytes:
    """JSON as PHP's ``json_encode`` writes it by default: ASCII only, slashes escaped."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/").encode()


def signature(secret: str, body: bytes) -> str:
    """``X-WC-Webhook-Signature``: base64 HMAC-SHA256 of the raw body."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def wc_error(status: int, code: str, message: str, **data: Any) -> FakeResponse:
    """A WordPress REST error: ``{"code", "message", "data": {"status", ...}}``."""
    return FakeResponse.json(
        status, {"code": code, "message": message, "data": {"status": status, **data}}
    )


@dataclass
class _Key:
    secret: str
    permissions: str
    revoked: bool = False


@dataclass
class _Fault:
    status: int
    body: bytes
    headers: dict[str, str]


class _InvalidParams(Exception):
    def __init__(self, problems: dict[str, tuple[str, str]]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def _parse_date(value: str) -> datetime | None:
    """A ``date-time`` argument: with an offset it is converted to UTC, else kept as written."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


class WooCommerceFake(LoopbackServer):
    """A WooCommerce shop on a loopback socket."""

    def __init__(
        self,
        *,
        products: int = 40,
        seed: int = 11,
        currency: str = "CNY",
        utc_offset: timedelta = timedelta(hours=8),
        webhook_secret: str = "whsec-woo-" + "ab" * 12,
        webhook_id: int = 7,
    ) -> None:
        super().__init__()
        self.currency = currency
        self.utc_offset = utc_offset
        self.webhook_secret = webhook_secret
        self.webhook_id = webhook_id
        self.keys: dict[str, _Key] = {}
        self.products: dict[int, dict[str, Any]] = {}
        self.variations: dict[int, list[dict[str, Any]]] = {}
        self.paging_headers = True
        """False behaves like a caching proxy that drops ``X-WP-*`` and ``Link`` headers."""
        self._faults: deque[_Fault] = deque()
        self._data_lock = threading.RLock()
        self._next_id = 100
        for sample in generate_catalog(products, seed=seed, image_host="https://tea.example"):
            self._add(sample)
        self.consumer_key, self.consumer_secret = self.issue_key()

    # --- keys ------------------------------------------------------------------------

    def issue_key(self, permissions: str = "read") -> tuple[str, str]:
        """A new REST API key pair (``read``, ``write`` or ``read_write``)."""
        key, secret = "ck_" + secrets.token_hex(20), "cs_" + secrets.token_hex(20)
        with self.lock:
            self.keys[key] = _Key(secret, permissions)
        return key, secret

    def revoke_key(self, key: str) -> None:
        """Delete a key pair (the seller revoked it in WooCommerce > Settings > Advanced)."""
        with self.lock:
            self.keys[key].revoked = True

    # --- catalog ---------------------------------------------------------------------

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _stamp(self, moment: datetime) -> dict[str, str]:
        local = moment.astimezone(UTC).replace(tzinfo=None) + self.utc_offset
        return {
            "local": local.strftime(LOCAL_FORMAT),
            "gmt": moment.astimezone(UTC).strftime(LOCAL_FORMAT),
        }

    def _add(self, sample: SampleProduct) -> dict[str, Any]:
        pid = self._new_id()
        created, modified = self._stamp(sample.created_at), self._stamp(sample.updated_at)
        slug = quote(sample.title.split(" ")[0].lower(), safe="").lower() + f"-{sample.number}"
        images = [
            {
                "id": pid * 10 + index,
                "date_created": created["local"],
                "date_created_gmt": created["gmt"],
                "date_modified": created["local"],
                "date_modified_gmt": created["gmt"],
                "src": url.replace("/products/", "/wp-content/uploads/2026/01/"),
                "name": f"{sample.number:05d}-{index}",
                "alt": sample.title,
            }
            for index, url in enumerate(sample.image_urls, start=1)
        ]
        variable = bool(sample.options)
        product: dict[str, Any] = {
            "id": pid,
            "name": sample.title,
            "slug": slug,
            "date_created": created["local"],
            "date_created_gmt": created["gmt"],
            "date_modified": modified["local"],
            "date_modified_gmt": modified["gmt"],
            "type": "variable" if variable else "simple",
            "status": "publish" if sample.status == "active" else sample.status,
            "featured": False,
            "catalog_visibility": "visible",
            "description": f"<p>{sample.description}</p>\n",
            "short_description": f"<p>{sample.description.split('。')[0]}</p>\n",
            "sku": f"WC-{sample.number:05d}",
            "price": "",
            "regular_price": "",
            "sale_price": "",
            "on_sale": False,
            "purchasable": True,
            "total_sales": sample.number * 3,
            "virtual": False,
            "downloadable": False,
            "tax_status": "taxable",
            "manage_stock": not variable,
            "stock_quantity": None,
            "stock_status": "instock",
            "backorders": "no",
            "weight": "0.5",
            "dimensions": {"length": "", "width": "", "height": ""},
            "categories": [
                {
                    "id": 15 + zlib.crc32(sample.category.encode()) % 50,
                    "name": sample.category,
                    "slug": sample.category.split(" ")[-1].lower(),
                }
            ],
            "tags": [
                {"id": 80 + i, "name": t, "slug": t.split(" ")[-1].lower()}
                for i, t in enumerate(sample.tags)
            ],
            "images": images,
            "attributes": [
                {
                    "id": 0,
                    "name": name,
                    "position": position,
                    "visible": True,
                    "variation": True,
                    "options": values,
                }
                for position, (name, values) in enumerate(sample.options)
            ],
            "default_attributes": [],
            "variations": [],
            "parent_id": 0,
            "menu_order": 0,
            "meta_data": [],
        }
        variations = []
        for variant in sample.variants:
            prices = self._prices(variant.price, variant.compare_at_price)
            stock = {
                "manage_stock": True,
                "stock_quantity": variant.stock,
                "stock_status": "instock" if variant.stock > 0 else "outofstock",
            }
            if not variable:
                product.update(prices, sku=variant.sku, **stock)
                break
            vid = self._new_id()
            variations.append(
                {
                    "id": vid,
                    "date_created": created["local"],
                    "date_created_gmt": created["gmt"],
                    "date_modified": modified["local"],
                    "date_modified_gmt": modified["gmt"],
                    "description": "",
                    "sku": variant.sku,
                    **prices,
                    "status": "publish",
                    "purchasable": True,
                    **stock,
                    "image": images[0] if images else None,
                    "attributes": [
                        {"id": 0, "name": k, "option": v} for k, v in variant.options.items()
                    ],
                    "menu_order": variant.position,
                    "meta_data": [],
                }
            )
        with self._data_lock:
            self.products[pid] = product
            self.variations[pid] = variations
            self._sync(pid)
        return product

    @staticmethod
    def _prices(price: Any, compare_at: Any) -> dict[str, Any]:
        if compare_at:
            return {
                "price": money(price),
                "regular_price": money(compare_at),
                "sale_price": money(price),
                "on_sale": True,
            }
        return {
            "price": money(price),
            "regular_price": money(price),
            "sale_price": "",
            "on_sale": False,
        }

    def _sync(self, pid: int) -> None:
        """Keep a variable product's price and variation ids in step with its variations."""
        product, variations = self.products[pid], self.variations[pid]
        if product["type"] != "variable":
            return
        product["variations"] = [v["id"] for v in variations]
        prices = [v["price"] for v in variations if re.fullmatch(r"\d+\.\d{2}", v["price"])]
        product["price"] = min(prices, key=float) if prices else ""
        product["on_sale"] = any(v["on_sale"] for v in variations)

    def product_ids(self) -> list[int]:
        """Ids of every product that is not in the trash, in id order."""
        with self._data_lock:
            return sorted(pid for pid, p in self.products.items() if p["status"] != "trash")

    def variable_ids(self) -> list[int]:
        """Ids of the variable products."""
        with self._data_lock:
            return [pid for pid in self.product_ids() if self.products[pid]["type"] == "variable"]

    def product(self, pid: int) -> dict[str, Any]:
        """A product as the API renders it."""
        with self._data_lock:
            return self._render(self.products[pid])

    def variations_of(self, pid: int) -> list[dict[str, Any]]:
        """A product's variations as the API renders them."""
        with self._data_lock:
            return [self._render_variation(pid, v) for v in self.variations[pid]]

    def _touch(self, *records: dict[str, Any]) -> None:
        latest = max(
            datetime.fromisoformat(p["date_modified_gmt"]).replace(tzinfo=UTC)
            for p in self.products.values()
        )
        now = datetime.now(UTC).replace(microsecond=0)
        stamp = self._stamp(max(now, latest + timedelta(seconds=1)))
        for record in records:
            record["date_modified"], record["date_modified_gmt"] = stamp["local"], stamp["gmt"]

    def update_product(self, pid: int, **changes: Any) -> dict[str, Any]:
        """Change product fields (REST names, e.g. ``name=``, ``regular_price=``)."""
        with self._data_lock:
            product = self.products[pid]
            product.update(changes)
            self._touch(product)
            return self._render(product)

    def update_variation(self, pid: int, index: int, **changes: Any) -> dict[str, Any]:
        """Change the `index`-th variation (0-based) of a product; the parent is synced too."""
        with self._data_lock:
            variation = self.variations[pid][index]
            variation.update(changes)
            self._sync(pid)
            self._touch(variation, self.products[pid])
            return self._render_variation(pid, variation)

    def trash_product(self, pid: int) -> None:
        """Move a product to the trash (``status: trash``; no longer listed by default)."""
        self.update_product(pid, status="trash")

    def delete_product(self, pid: int) -> None:
        """Delete a product and its variations for good."""
        with self._data_lock:
            del self.products[pid]
            del self.variations[pid]

    def corrupt_product(self, pid: int, kind: str) -> None:
        """Make a product's data bad: ``price`` (not a number), ``name`` (empty),
        ``huge_name`` (10 MB) or ``no_variations`` (a variable product without any)."""
        with self._data_lock:
            product = self.products[pid]
            if kind == "price":
                target = self.variations[pid][0] if self.variations[pid] else product
                target["price"] = target["regular_price"] = "12,80"
            elif kind == "name":
                product["name"] = ""
            elif kind == "huge_name":
                product["name"] = "茶" * (10 * 1024 * 1024 // 3)
            elif kind == "no_variations":
                self.variations[pid] = []
                product["variations"] = []
            else:
                raise ValueError(f"unknown corruption {kind!r}")
            self._sync(pid)
            self._touch(product)

    # --- faults ----------------------------------------------------------------------

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        retry_after: str | None = None,
        body: bytes = b"<html><body><h1>503 Service Unavailable</h1></body></html>",
    ) -> None:
        """Answer the next `times` API requests with `status` (and ``Retry-After``)."""
        headers = {"Content-Type": "text/html"}
        if retry_after is not None:
            headers["Retry-After"] = retry_after
        with self.lock:
            self._faults.extend(_Fault(status, body, headers) for _ in range(times))

    def break_json_next(self, *, times: int = 1, kind: str = "truncated") -> None:
        """Break the next `times` JSON answers: ``truncated`` bodies, or a ``php_notice``
        printed before the JSON (the data itself whole)."""
        with self.lock:
            self._faults.extend(
                _Fault(-1 if kind == "truncated" else -2, b"", {}) for _ in range(times)
            )

    # --- webhooks --------------------------------------------------------------------

    def webhook(self, topic: str, pid: int) -> WebhookDelivery:
        """A signed delivery of `topic` (e.g. ``product.updated``) about product `pid`."""
        resource, event = topic.split(".", 1)
        payload = {"id": pid} if event == "deleted" else self.product(pid)
        return self.webhook_for(topic, payload, resource=resource, event=event)

    def webhook_for(
        self, topic: str, payload: Any, *, resource: str | None = None, event: str | None = None
    ) -> WebhookDelivery:
        """A signed delivery of `topic` carrying `payload`, with WooCommerce's headers."""
        body = wp_json(payload)
        default_resource, _, default_event = topic.partition(".")
        headers = {
            "Content-Type": "application/json",
            "User-Agent": HOOKSHOT,
            "X-WC-Webhook-Source": self.url("/"),
            "X-WC-Webhook-Topic": topic,
            "X-WC-Webhook-Resource": resource or default_resource,
            "X-WC-Webhook-Event": event or default_event,
            "X-WC-Webhook-Signature": signature(self.webhook_secret, body),
            "X-WC-Webhook-ID": str(self.webhook_id),
            "X-WC-Webhook-Delivery-ID": secrets.token_hex(16),
        }
        return WebhookDelivery(topic, body, headers)

    def ping(self) -> WebhookDelivery:
        """The unsigned ping WooCommerce POSTs when the webhook is created."""
        headers = {"User-Agent": HOOKSHOT, "Content-Type": "application/x-www-form-urlencoded"}
        return WebhookDelivery("ping", f"webhook_id={self.webhook_id}".encode(), headers)

    # --- rendering -------------------------------------------------------------------

    def _render(self, product: dict[str, Any]) -> dict[str, Any]:
        rendered = copy.deepcopy(product)
        rendered["permalink"] = self.url(f"/product/{product['slug']}/")
        rendered["price_html"] = f'<span class="amount">&yen;{product["price"]}</span>'
        rendered["_links"] = {
            "self": [{"href": self.url(f"{API}/products/{product['id']}")}],
            "collection": [{"href": self.url(f"{API}/products")}],
        }
        return rendered

    def _render_variation(self, pid: int, variation: dict[str, Any]) -> dict[str, Any]:
        rendered = copy.deepcopy(variation)
        query = urlencode({f"attribute_{a['name']}": a["option"] for a in variation["attributes"]})
        rendered["permalink"] = self.url(f"/product/{self.products[pid]['slug']}/?{query}")
        rendered["_links"] = {
            "self": [{"href": self.url(f"{API}/products/{pid}/variations/{variation['id']}")}],
            "up": [{"href": self.url(f"{API}/products/{pid}")}],
        }
        return rendered

    # --- HTTP ------------------------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route one request the way WordPress's REST server does."""
        if request.path in ("/wp-json", "/wp-json/"):
            return FakeResponse.json(200, self._index())
        if not request.path.startswith(API):
            return FakeResponse(
                404, b"<html><body>Not Found</body></html>", {"Content-Type": "text/html"}
            )
        with self.lock:
            fault = self._faults.popleft() if self._faults else None
        if fault is not None and fault.status > 0:
            return FakeResponse(fault.status, fault.body, fault.headers)
        response = self._api(request)
        if fault is not None and response.status == 200:
            if fault.status == -1:
                response.body = response.body[: max(1, len(response.body) // 2)]
            else:
                notice = (
                    b"<br />\n<b>Deprecated</b>:  Creation of dynamic property WC_Product_Simple::$x "
                    b"is deprecated in <b>/var/www/html/wp-content/plugins/some-plugin/loader.php</b>"
                    b" on line <b>42</b><br />\n"
                )
                response.body = notice + response.body
        return response

    def _index(self) -> dict[str, Any]:
        return {
            "name": "茶舍 Tea House",
            "description": "Just another WordPress site",
            "url": self.base_url,
            "home": self.base_url,
            "gmt_offset": self.utc_offset.total_seconds() / 3600,
            "timezone_string": "Asia/Shanghai",
            "namespaces": ["oembed/1.0", "wc/v3", "wc/store/v1", "wp/v2"],
        }

    def _api(self, request: FakeRequest) -> FakeResponse:
        if request.method not in ("GET", "HEAD"):
            return wc_error(
                404, "rest_no_route", "No route was found matching the URL and request method."
            )
        route = request.path[len(API) :].rstrip("/")
        query = {k: v[-1] for k, v in request.query.items()}
        key, refusal = self._authenticate(request, query)
        if refusal is not None:
            return refusal
        patterns: list[tuple[str, Callable[..., FakeResponse], bool]] = [
            (r"/products", self._list_products, True),
            (r"/products/(\d+)", self._get_product, False),
            (r"/products/(\d+)/variations", self._list_variations, True),
            (r"/products/(\d+)/variations/(\d+)", self._get_variation, False),
            (r"/data/currencies/current", self._currency, False),
        ]
        for pattern, handler, collection in patterns:
            match = re.fullmatch(pattern, route)
            if match is None:
                continue
            if key is None:
                message = (
                    "Sorry, you cannot list resources."
                    if collection
                    else "Sorry, you cannot view this resource."
                )
                return wc_error(401, "woocommerce_rest_cannot_view", message)
            with self._data_lock:
                return handler(query, *(int(g) for g in match.groups()))
        return wc_error(
            404, "rest_no_route", "No route was found matching the URL and request method."
        )

    def _authenticate(
        self, request: FakeRequest, query: Mapping[str, str]
    ) -> tuple[_Key | None, FakeResponse | None]:
        """Like ``WC_REST_Authentication::perform_basic_authentication`` (HTTPS)."""
        consumer_key, consumer_secret = (
            query.get("consumer_key", ""),
            query.get("consumer_secret", ""),
        )
        if not (consumer_key and consumer_secret):
            consumer_key = consumer_secret = ""
            header = request.header("Authorization") or ""
            if header[:6].lower() == "basic ":
                try:
                    user, _, password = base64.b64decode(header[6:].strip()).decode().partition(":")
                except (binascii.Error, UnicodeDecodeError):
                    user = password = ""
                consumer_key, consumer_secret = user, password
        if not (consumer_key and consumer_secret):
            return None, None
        with self.lock:
            found = self.keys.get(consumer_key)
        if found is None or found.revoked:
            return None, None
        if not hmac.compare_digest(found.secret.encode(), consumer_secret.encode()):
            refusal = wc_error(
                401, "woocommerce_rest_authentication_error", "Consumer secret is invalid."
            )
            refusal.headers["WWW-Authenticate"] = BASIC_REALM
            return None, refusal
        if found.permissions not in ("read", "read_write"):
            return None, wc_error(
                401,
                "woocommerce_rest_authentication_error",
                "The API key provided does not have read permissions.",
            )
        return found, None

    # --- endpoints -------------------------------------------------------------------

    def _collection_args(self, query: Mapping[str, str]) -> dict[str, Any]:
        problems: dict[str, tuple[str, str]] = {}
        args: dict[str, Any] = {}
        for name, default, low, high in (("page", 1, 1, None), ("per_page", 10, 1, MAX_PER_PAGE)):
            raw = query.get(name)
            if raw is None:
                args[name] = default
                continue
            if not re.fullmatch(r"-?\d+", raw.strip()):
                problems[name] = ("rest_invalid_type", f"{name} is not of type integer.")
                continue
            value = int(raw)
            if high is not None and not low <= value <= high:
                problems[name] = (
                    "rest_out_of_bounds",
                    f"{name} must be between {low} (inclusive) and {high} (inclusive)",
                )
            elif value < low:
                problems[name] = (
                    "rest_out_of_bounds",
                    f"{name} must be greater than or equal to {low}",
                )
            args[name] = value
        for name in ("modified_after", "modified_before", "after", "before"):
            if name in query:
                parsed = _parse_date(query[name])
                if parsed is None:
                    problems[name] = ("rest_invalid_date", "Invalid date.")
                args[name] = parsed
        for name, allowed, fallback in (
            ("orderby", ORDERBY, "date"),
            ("order", ("asc", "desc"), "desc"),
            ("status", STATUSES, "any"),
        ):
            choice = query.get(name, fallback)
            if choice not in allowed:
                problems[name] = ("rest_not_in_enum", f"{name} is not one of {', '.join(allowed)}.")
            args[name] = choice
        args["dates_are_gmt"] = query.get("dates_are_gmt", "false").lower() in ("1", "true")
        if problems:
            raise _InvalidParams(problems)
        return args

    def _invalid(self, error: _InvalidParams) -> FakeResponse:
        return wc_error(
            400,
            "rest_invalid_param",
            f"Invalid parameter(s): {', '.join(error.problems)}",
            params={name: message for name, (_, message) in error.problems.items()},
            details={
                name: {"code": code, "message": message, "data": None}
                for name, (code, message) in error.problems.items()
            },
        )

    def _filter(
        self, records: list[dict[str, Any]], args: Mapping[str, Any], query: Mapping[str, str]
    ) -> list[dict[str, Any]]:
        column = "date_modified_gmt" if args["dates_are_gmt"] else "date_modified"
        created = "date_created_gmt" if args["dates_are_gmt"] else "date_created"
        kept = []
        for record in records:
            status = record.get("status", "publish")
            if args["status"] == "any" and status == "trash":
                continue
            if args["status"] != "any" and status != args["status"]:
                continue
            modified = datetime.fromisoformat(record[column])
            if args.get("modified_after") and not modified > args["modified_after"]:
                continue
            if args.get("modified_before") and not modified < args["modified_before"]:
                continue
            made = datetime.fromisoformat(record[created])
            if args.get("after") and not made > args["after"]:
                continue
            if args.get("before") and not made < args["before"]:
                continue
            if "type" in query and record.get("type") != query["type"]:
                continue
            if "sku" in query and record.get("sku") != query["sku"]:
                continue
            if "search" in query and query["search"].lower() not in record.get("name", "").lower():
                continue
            kept.append(record)
        keys: dict[str, Callable[[dict[str, Any]], Any]] = {
            "id": lambda r: r["id"],
            "include": lambda r: r["id"],
            "title": lambda r: (r.get("name", ""), r["id"]),
            "slug": lambda r: (r.get("slug", ""), r["id"]),
            "modified": lambda r: (r[column], r["id"]),
            "price": lambda r: (
                float(r["price"]) if re.fullmatch(r"\d+(\.\d+)?", r["price"] or "") else 0.0,
                r["id"],
            ),
            "date": lambda r: (r[created], r["id"]),
        }
        key = keys.get(args["orderby"], keys["date"])
        return sorted(kept, key=key, reverse=args["order"] == "desc")

    def _page(
        self,
        path: str,
        records: list[dict[str, Any]],
        args: Mapping[str, Any],
        query: Mapping[str, str],
        render: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> FakeResponse:
        page, per_page = args["page"], args["per_page"]
        total = len(records)
        pages = -(-total // per_page)
        chunk = records[(page - 1) * per_page : page * per_page]
        response = FakeResponse.json(200, [render(r) for r in chunk])
        if not self.paging_headers:
            return response
        response.headers["X-WP-Total"] = str(total)
        response.headers["X-WP-TotalPages"] = str(pages)
        base = {
            k: v for k, v in query.items() if k not in ("page", "consumer_key", "consumer_secret")
        }
        links = []
        if page > 1:
            links.append(
                f'<{self.url(path)}?{urlencode({**base, "page": min(page - 1, max(pages, 1))})}>; rel="prev"'
            )
        if pages > page:
            links.append(f'<{self.url(path)}?{urlencode({**base, "page": page + 1})}>; rel="next"')
        if links:
            response.headers["Link"] = ", ".join(links)
        return response

    def _list_products(self, query: Mapping[str, str]) -> FakeResponse:
        try:
            args = self._collection_args(query)
        except _InvalidParams as error:
            return self._invalid(error)
        records = self._filter(list(self.products.values()), args, query)
        return self._page(f"{API}/products", records, args, query, self._render)

    def _get_product(self, _query: Mapping[str, str], pid: int) -> FakeResponse:
        if pid not in self.products:
            return wc_error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        return FakeResponse.json(200, self._render(self.products[pid]))

    def _list_variations(self, query: Mapping[str, str], pid: int) -> FakeResponse:
        if pid not in self.products:
            return wc_error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        try:
            args = self._collection_args(query)
        except _InvalidParams as error:
            return self._invalid(error)
        records = self._filter(self.variations[pid], args, query)
        return self._page(
            f"{API}/products/{pid}/variations",
            records,
            args,
            query,
            lambda v: self._render_variation(pid, v),
        )

    def _get_variation(self, _query: Mapping[str, str], pid: int, vid: int) -> FakeResponse:
        found = next((v for v in self.variations.get(pid, []) if v["id"] == vid), None)
        if found is None:
            return wc_error(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
        return FakeResponse.json(200, self._render_variation(pid, found))

    def _currency(self, _query: Mapping[str, str]) -> FakeResponse:
        names = {"CNY": ("Chinese yuan", "&yen;"), "USD": ("United States (US) dollar", "&#36;")}
        name, symbol = names.get(self.currency, (self.currency, self.currency))
        return FakeResponse.json(200, {"code": self.currency, "name": name, "symbol": symbol})
