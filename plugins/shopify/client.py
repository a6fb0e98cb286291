"""A client for Shopify's GraphQL Admin API that lives within the shop's query-cost budget.

Every answer carries ``extensions.cost``: the query's ``requestedQueryCost`` (taken from the
bucket before it runs), its ``actualQueryCost`` (the difference is refunded) and the bucket's
``throttleStatus`` (``maximumAvailable``, ``currentlyAvailable``, ``restoreRate`` points per
second). The client

* remembers the last throttle status and, before a query whose cost it expects, waits until the
  bucket has refilled enough (so a long sync rarely hits the limit at all);
* when Shopify still answers THROTTLED (``errors[].extensions.code``, with HTTP 200 or 429, and
  no ``data``), waits ``Retry-After`` if given, else until ``restoreRate`` has refilled the
  missing points, each wait at most `max_throttle_wait` seconds and at most
  `max_throttle_retries` times, then raises `ShopifyThrottled`;
* pages products by cursor, sizing pages from the requested cost it observed (at most 250, and
  halving a page whose cost exceeds the single-query maximum), and completes products whose
  variants do not fit in one query;
* turns HTTP 401 into `ShopifyAuthError` ("reconnect the shop"), a missing scope into
  `ShopifyAccessDenied`, other failures into the typed errors of `errors`; connection errors and
  HTTP 5xx are retried by `cloudcat.core.http` first, an unreadable answer (broken JSON) is
  asked for again a few times.

It sends queries only (never mutations), so repeating a request is always safe.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

import requests

from cloudcat.core.plugin_api import (
    DEFAULT_TIMEOUT,
    RETRY_STATUSES,
    Timeout,
    TimeoutAdapter,
    build_retry,
    describe_request_error,
    http_session,
)
from cloudcat.plugins.shopify import queries
from cloudcat.plugins.shopify.domains import normalize_shop_domain
from cloudcat.plugins.shopify.errors import (
    ShopifyAccessDenied,
    ShopifyAuthError,
    ShopifyConnectionError,
    ShopifyCostExceeded,
    ShopifyGraphQLError,
    ShopifyHTTPError,
    ShopifyResponseError,
    ShopifyThrottled,
)

DEFAULT_API_VERSION = "2026-10"
VERSION = "0.1.0"
MAX_PAGE_SIZE = 250
MAX_QUERY_COST = 1000
"""Shopify's limit on one query's requested cost."""
INITIAL_PAGE_SIZE = 10
DEFAULT_VARIANTS = 20
"""Variants fetched with each product; a product with more gets follow-up queries."""
DEFAULT_IMAGES = 5
VARIANT_PAGE_SIZE = 100
MAX_THROTTLE_WAIT = 30.0
"""The longest single wait for the bucket to refill, in seconds."""
MAX_THROTTLE_RETRIES = 10
MAX_UNREADABLE_RETRIES = 2
MIN_WAIT = 0.05


@dataclass(frozen=True)
class ThrottleStatus:
    """The cost bucket as Shopify last reported it."""

    maximum_available: float
    currently_available: float
    restore_rate: float

    def seconds_until(self, cost: float, elapsed: float = 0.0) -> float:
        """How long until the bucket holds `cost` points, `elapsed` seconds after the report."""
        available = min(
            self.maximum_available, self.currently_available + elapsed * self.restore_rate
        )
        if cost <= available:
            return 0.0
        if self.restore_rate <= 0:
            return math.inf
        return (cost - available) / self.restore_rate


@dataclass(frozen=True)
class QueryCost:
    """A query's ``extensions.cost``."""

    requested: int | None
    actual: int | None
    throttle: ThrottleStatus | None

    @classmethod
    def read(cls, payload: Any) -> QueryCost | None:
        """The cost extension of a decoded answer, if it has a readable one."""
        cost = (payload.get("extensions") or {}).get("cost") if isinstance(payload, dict) else None
        if not isinstance(cost, dict):
            return None
        status = cost.get("throttleStatus")
        throttle = None
        if isinstance(status, dict):
            try:
                throttle = ThrottleStatus(
                    float(status["maximumAvailable"]),
                    float(status["currentlyAvailable"]),
                    float(status["restoreRate"]),
                )
            except (KeyError, TypeError, ValueError):
                throttle = None
        requested, actual = cost.get("requestedQueryCost"), cost.get("actualQueryCost")
        return cls(_int(requested), _int(actual), throttle)


@dataclass
class QueryResult:
    """A successful answer: its ``data``, its cost, and any non-fatal errors beside the data."""

    data: dict[str, Any]
    cost: QueryCost | None
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ProductPage:
    """One page of products (GraphQL nodes, variants completed) and where the next begins."""

    products: list[dict[str, Any]]
    end_cursor: str | None
    has_next_page: bool
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ClientStats:
    """What the client did: requests sent, THROTTLED answers, seconds waited, re-asked answers."""

    requests: int = 0
    throttled: int = 0
    waited: float = 0.0
    unreadable: int = 0


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _error_codes(payload: Any) -> set[str]:
    errors = payload.get("errors") if isinstance(payload, dict) else None
    if not isinstance(errors, list):
        return set()
    codes = set()
    for error in errors:
        extensions = error.get("extensions") if isinstance(error, dict) else None
        if isinstance(extensions, dict) and isinstance(extensions.get("code"), str):
            codes.add(extensions["code"])
    return codes


def _messages(errors: Any) -> str:
    if isinstance(errors, str):
        return errors
    if isinstance(errors, dict):
        return "; ".join(f"{k}: {v}" for k, v in errors.items())
    if isinstance(errors, list):
        texts = [str(e.get("message")) for e in errors if isinstance(e, dict) and e.get("message")]
        return "; ".join(texts[:3]) or "unknown error"
    return "unknown error"


def search_time(moment: datetime) -> str:
    """A time as Shopify's search syntax takes it (UTC, seconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ShopifyClient:
    """Queries one shop's GraphQL Admin API with an access token."""

    def __init__(
        self,
        shop: str,
        access_token: str,
        *,
        api_version: str = DEFAULT_API_VERSION,
        endpoint: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff_factor: float = 0.5,
        max_throttle_wait: float = MAX_THROTTLE_WAIT,
        max_throttle_retries: int = MAX_THROTTLE_RETRIES,
        target_cost: int = MAX_QUERY_COST,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """`endpoint` replaces ``https://{shop}`` as the address requests go to (tests).

        `target_cost` is the requested cost a page of products aims at (never above the
        bucket's size); `sleep` is how the client waits (tests may observe it).
        """
        self.shop = normalize_shop_domain(shop)
        self.api_version = api_version
        origin = (endpoint or f"https://{self.shop}").rstrip("/")
        self.url = f"{origin}/admin/api/{api_version}/graphql.json"
        self.max_throttle_wait = max_throttle_wait
        self.max_throttle_retries = max_throttle_retries
        self.target_cost = target_cost
        self.served_api_version: str | None = None
        self.stats = ClientStats()
        self._sleep = sleep
        self._throttle: ThrottleStatus | None = None
        self._throttle_seen = 0.0
        self._session = http_session(
            timeout=timeout,
            product=f"shopify/{VERSION}",
            headers={
                "X-Shopify-Access-Token": access_token,
                "Accept": "application/json",
            },
        )
        # Queries are safe to repeat, so POST is retried on connection errors and 5xx; 429 is
        # left to this client, which waits by the cost bucket rather than by a blind backoff.
        retry = build_retry(retries, backoff_factor=backoff_factor, methods={"POST", "GET"}).new(
            status_forcelist=RETRY_STATUSES - {429}
        )
        adapter = TimeoutAdapter(timeout, max_retries=retry)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def close(self) -> None:
        """Close the HTTP session."""
        self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def set_access_token(self, access_token: str) -> None:
        """Send `access_token` from the next request on (after the authorization was renewed)."""
        self._session.headers["X-Shopify-Access-Token"] = access_token

    @property
    def throttle_status(self) -> ThrottleStatus | None:
        """The cost bucket as last reported."""
        return self._throttle

    # --- one query ---------------------------------------------------------------------

    def query(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        *,
        expected_cost: int | None = None,
    ) -> QueryResult:
        """Run one GraphQL query and return its data, waiting out throttling.

        `expected_cost` (a requested cost seen before for the same query) lets the client wait
        for the bucket before sending instead of after being throttled.
        """
        throttled = unreadable = 0
        while True:
            if expected_cost:
                self._wait_for_budget(expected_cost)
            response = self._post(document, variables)
            payload = self._decode(response)
            cost = QueryCost.read(payload)
            if cost is not None and cost.throttle is not None:
                self._throttle, self._throttle_seen = cost.throttle, time.monotonic()
            if response.status_code == 429 or "THROTTLED" in _error_codes(payload):
                throttled += 1
                self.stats.throttled += 1
                wait = self._throttle_wait(response, cost, throttled)
                if throttled > self.max_throttle_retries:
                    raise ShopifyThrottled(
                        f"Shopify kept throttling {self.shop} after {throttled - 1} waits: "
                        "the shop's API budget is used up by other apps, try again later",
                        retry_after=wait,
                    )
                self._pause(wait)
                continue
            self._check_status(response, payload)
            if payload is None:
                unreadable += 1
                self.stats.unreadable += 1
                if unreadable > MAX_UNREADABLE_RETRIES:
                    raise ShopifyResponseError(
                        f"Shopify's answer for {self.shop} is not valid JSON "
                        f"({unreadable} times in a row)",
                        status=response.status_code,
                    )
                self._pause(MIN_WAIT * 2**unreadable)
                continue
            return self._result(payload, cost)

    def _post(self, document: str, variables: Mapping[str, Any] | None) -> requests.Response:
        body: dict[str, Any] = {"query": document}
        if variables:
            body["variables"] = dict(variables)
        self.stats.requests += 1
        try:
            response = self._session.post(self.url, json=body)
        except requests.RequestException as exc:
            raise ShopifyConnectionError(describe_request_error(exc, self.url)) from exc
        served = response.headers.get("X-Shopify-API-Version")
        if served:
            self.served_api_version = served
        return response

    @staticmethod
    def _decode(response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            return None

    def _check_status(self, response: requests.Response, payload: Any) -> None:
        status = response.status_code
        if status == 200:
            return
        detail = _messages(payload.get("errors")) if isinstance(payload, dict) else response.reason
        if status == 401:
            raise ShopifyAuthError(
                f"Shopify refused the access token for {self.shop} ({detail}): "
                "the authorization expired or the app was uninstalled, reconnect the shop"
            )
        if status == 403:
            raise ShopifyAccessDenied(
                f"Shopify denied access for {self.shop} ({detail}): reconnect the shop and "
                "approve every permission",
                status=403,
            )
        if status == 402:
            raise ShopifyHTTPError(
                f"the Shopify shop {self.shop} is frozen (its plan is unpaid)",
                status=status,
                retryable=False,
            )
        if status == 423:
            raise ShopifyHTTPError(
                f"the Shopify shop {self.shop} is locked by Shopify", status=status, retryable=False
            )
        if status == 404:
            raise ShopifyHTTPError(
                f"Shopify has no shop {self.shop} (or no API version {self.api_version})",
                status=status,
                retryable=False,
            )
        raise ShopifyHTTPError(
            f"Shopify answered HTTP {status} for {self.shop} ({detail})",
            status=status,
            retryable=status >= 500,
        )

    def _result(self, payload: Any, cost: QueryCost | None) -> QueryResult:
        if not isinstance(payload, dict):
            raise ShopifyResponseError(f"Shopify's answer for {self.shop} is not a JSON object")
        errors = payload.get("errors")
        codes = _error_codes(payload)
        if "MAX_COST_EXCEEDED" in codes:
            raise ShopifyCostExceeded(
                f"a query for {self.shop} costs more than Shopify allows ({_messages(errors)})",
                cost=cost.requested if cost else None,
                max_cost=MAX_QUERY_COST,
            )
        if "ACCESS_DENIED" in codes:
            raise ShopifyAccessDenied(
                f"Shopify denied access for {self.shop} ({_messages(errors)}): reconnect the "
                "shop and approve every permission",
                status=200,
            )
        data = payload.get("data")
        if not isinstance(data, dict):
            raise ShopifyGraphQLError(
                f"Shopify refused a query for {self.shop}: {_messages(errors)}",
                errors if isinstance(errors, list) else [],
            )
        listed = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
        return QueryResult(data, cost, listed)

    # --- waiting -----------------------------------------------------------------------

    def _pause(self, seconds: float) -> None:
        self.stats.waited += seconds
        self._sleep(seconds)

    def _throttle_wait(
        self, response: requests.Response, cost: QueryCost | None, attempt: int
    ) -> float:
        retry_after = response.headers.get("Retry-After")
        wait: float | None = None
        if retry_after:
            try:
                wait = float(retry_after)
            except ValueError:
                wait = None
        if wait is None and cost is not None and cost.throttle is not None and cost.requested:
            # One point more than missing: Shopify reports whole points, rounded down.
            wait = cost.throttle.seconds_until(cost.requested + 1)
        if wait is None or math.isinf(wait):
            wait = float(2 ** (attempt - 1))
        return min(max(wait, MIN_WAIT), self.max_throttle_wait)

    def _wait_for_budget(self, cost: int) -> None:
        status = self._throttle
        if status is None or cost > status.maximum_available:
            return
        # One point more than needed: Shopify reports whole points, rounded down.
        wait = status.seconds_until(cost + 1, time.monotonic() - self._throttle_seen)
        if wait > 0:
            self._pause(min(wait, self.max_throttle_wait))

    # --- products ----------------------------------------------------------------------

    def shop_info(self) -> dict[str, Any]:
        """The shop's ``name``, ``myshopifyDomain``, ``currencyCode`` and ``ianaTimezone``."""
        shop = self.query(queries.SHOP).data.get("shop")
        if not isinstance(shop, dict):
            raise ShopifyResponseError(f"Shopify's answer for {self.shop} has no shop")
        return shop

    def count_products(self, *, updated_since: datetime | None = None) -> int | None:
        """How many products there are (updated since `updated_since`), if Shopify says."""
        search = f"updated_at:>='{search_time(updated_since)}'" if updated_since else None
        found = self.query(queries.PRODUCTS_COUNT, {"query": search}).data.get("productsCount")
        return _int(found.get("count")) if isinstance(found, dict) else None

    def product(
        self,
        gid: str,
        *,
        variants_per_product: int = DEFAULT_VARIANTS,
        images_per_product: int = DEFAULT_IMAGES,
    ) -> dict[str, Any] | None:
        """One product (GraphQL node, all variants) by its ``gid://shopify/Product/…`` id."""
        variables = {"id": gid, "variants": variants_per_product, "media": images_per_product}
        node = self.query(queries.PRODUCT, variables).data.get("product")
        if node is None:
            return None
        if not isinstance(node, dict):
            raise ShopifyResponseError(f"Shopify's answer for product {gid} is not an object")
        self._complete_variants(node)
        return node

    def iter_products(
        self,
        *,
        updated_since: datetime | None = None,
        after: str | None = None,
        page_size: int | None = None,
        variants_per_product: int = DEFAULT_VARIANTS,
        images_per_product: int = DEFAULT_IMAGES,
    ) -> Iterator[dict[str, Any]]:
        """Every product (GraphQL nodes with all their variants), page after page."""
        for page in self.iter_product_pages(
            updated_since=updated_since,
            after=after,
            page_size=page_size,
            variants_per_product=variants_per_product,
            images_per_product=images_per_product,
        ):
            yield from page.products

    def iter_product_pages(
        self,
        *,
        updated_since: datetime | None = None,
        after: str | None = None,
        page_size: int | None = None,
        variants_per_product: int = DEFAULT_VARIANTS,
        images_per_product: int = DEFAULT_IMAGES,
    ) -> Iterator[ProductPage]:
        """Products page by page; each page's `end_cursor` resumes after it (``after=``).

        A full listing is ordered by id; with `updated_since` only products updated at or
        after it are listed, oldest change first. Without `page_size` the page size follows
        the requested cost Shopify reports, aiming at `target_cost`.
        """
        size = min(page_size or INITIAL_PAGE_SIZE, MAX_PAGE_SIZE)
        search = f"updated_at:>='{search_time(updated_since)}'" if updated_since else None
        cursor = after
        expected: int | None = None
        while True:
            variables = {
                "first": size,
                "after": cursor,
                "query": search,
                "sortKey": "UPDATED_AT" if updated_since else "ID",
                "variants": variants_per_product,
                "media": images_per_product,
            }
            try:
                result = self.query(queries.PRODUCTS, variables, expected_cost=expected)
            except ShopifyCostExceeded:
                if size == 1:
                    raise
                size, expected = max(1, size // 2), None
                continue
            page = self._page(result)
            for node in page.products:
                self._complete_variants(node)
            yield page
            if not page.has_next_page or not page.end_cursor:
                return
            cursor = page.end_cursor
            if result.cost is not None and result.cost.requested:
                per_product = max(1.0, (result.cost.requested - 2) / size)
                if page_size is None:
                    size = self._page_size_for(per_product)
                expected = 2 + math.ceil(per_product * size)

    def _page_size_for(self, per_product: float) -> int:
        budget = float(min(self.target_cost, MAX_QUERY_COST))
        if self._throttle is not None:
            budget = min(budget, self._throttle.maximum_available)
        return max(1, min(MAX_PAGE_SIZE, int((budget - 2) // per_product)))

    def _page(self, result: QueryResult) -> ProductPage:
        found = result.data.get("products")
        nodes = found.get("nodes") if isinstance(found, dict) else None
        info = found.get("pageInfo") if isinstance(found, dict) else None
        if not isinstance(nodes, list) or not isinstance(info, dict):
            raise ShopifyResponseError(f"Shopify's product page for {self.shop} is malformed")
        products = [node for node in nodes if isinstance(node, dict)]
        end_cursor = info.get("endCursor")
        return ProductPage(
            products=products,
            end_cursor=end_cursor if isinstance(end_cursor, str) else None,
            has_next_page=info.get("hasNextPage") is True,
            errors=result.errors,
        )

    def _complete_variants(self, node: dict[str, Any]) -> None:
        """Fetch the variants a product node did not have room for, in place."""
        variants = node.get("variants")
        if not isinstance(variants, dict):
            return
        nodes = list(variants.get("nodes") or [])
        info = variants.get("pageInfo") or {}
        while info.get("hasNextPage") and info.get("endCursor"):
            data = self.query(
                queries.PRODUCT_VARIANTS,
                {"id": node.get("id"), "first": VARIANT_PAGE_SIZE, "after": info["endCursor"]},
            ).data
            more = (data.get("product") or {}).get("variants")
            if not isinstance(more, dict):
                break
            nodes.extend(more.get("nodes") or [])
            info = more.get("pageInfo") or {}
        node["variants"] = {
            "nodes": nodes,
            "pageInfo": {"hasNextPage": False, "endCursor": info.get("endCursor")},
        }
