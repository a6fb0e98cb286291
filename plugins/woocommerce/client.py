"""A client for WooCommerce's REST API v3 (``{site}/wp-json/wc/v3``), read-only.

* **Keys.** A REST API key pair (``ck_…``/``cs_…``, created in WooCommerce > Settings >
  Advanced > REST API with *read* permission) is sent as HTTP Basic credentials, or as
  ``consumer_key``/``consumer_secret`` query parameters for hosts that strip the Authorization
  header (``auth="query"``). WooCommerce accepts both only over HTTPS; a plain-HTTP site would
  need OAuth 1.0a signatures, which this client does not do, so ``http://`` addresses are
  refused unless `allow_http` (tests against a loopback fake).
* **Pages.** Collections are read with ``per_page`` (at most 100) and ``page``, ordered by id
  for stable pages; the next page is known from ``Link: <…>; rel="next"`` and
  ``X-WP-TotalPages`` (or, when a proxy stripped both, from a full page).
* **Errors.** Connection errors, HTTP 429 and 5xx are retried with backoff honouring
  ``Retry-After`` by `cloudcat.core.http`; an unreadable answer (truncated JSON) is asked for
  again, and JSON behind a PHP notice is read past the notice. WordPress error answers become
  the typed errors of `errors` (401/403: `WooCommerceAuthError`, "enter new API keys").
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import urlsplit

import requests

from cloudcat.core.plugin_api import (
    DEFAULT_TIMEOUT,
    Timeout,
    describe_request_error,
    http_session,
    redact_url,
)
from cloudcat.plugins.woocommerce.errors import (
    WooCommerceAuthError,
    WooCommerceConnectionError,
    WooCommerceError,
    WooCommerceHTTPError,
    WooCommerceNotFound,
    WooCommerceRateLimited,
    WooCommerceRequestError,
    WooCommerceResponseError,
)

VERSION = "0.1.0"
API_PATH = "/wp-json/wc/v3"
MAX_PER_PAGE = 100
MAX_UNREADABLE_RETRIES = 2
_JSON_START = re.compile(rb"^[\[{]", re.MULTILINE)


@dataclass
class WooResponse:
    """A successful answer: decoded JSON and the paging headers."""

    data: Any
    total: int | None
    total_pages: int | None
    has_next: bool | None


@dataclass
class WooPage:
    """One page of a collection: its items, its number, and what the headers say about more."""

    items: list[dict[str, Any]]
    page: int
    total: int | None
    total_pages: int | None


def _int_header(response: requests.Response, name: str) -> int | None:
    try:
        return int(response.headers.get(name, ""))
    except ValueError:
        return None


def api_time(moment: datetime) -> str:
    """A time as the REST API takes it with ``dates_are_gmt=true`` (UTC, no offset)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def decode_json(body: bytes) -> Any:
    """The JSON of an answer, reading past a PHP notice printed before it; raise `ValueError`."""
    try:
        return json.loads(body)
    except ValueError:
        start = _JSON_START.search(body)
        if start is None or start.start() == 0:
            raise
        return json.loads(body[start.start() :])


class WooCommerceClient:
    """Reads one WooCommerce site's catalog with a REST API key pair."""

    def __init__(
        self,
        site_url: str,
        consumer_key: str,
        consumer_secret: str,
        *,
        auth: Literal["basic", "query"] = "basic",
        allow_http: bool = False,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff_factor: float = 0.5,
    ) -> None:
        """`site_url` is the WordPress address (``https://shop.example.com``, maybe with a
        sub-folder); the API lives under ``/wp-json/wc/v3`` there."""
        parts = urlsplit(site_url.strip())
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise WooCommerceError(f"{site_url!r} is not a web address: use https://your-shop")
        if parts.scheme == "http" and not allow_http:
            raise WooCommerceError(
                f"{redact_url(site_url)} is not HTTPS: WooCommerce only accepts API keys over "
                "HTTPS, so use the site's https:// address"
            )
        self.site = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        self.api = self.site + API_PATH
        self.auth = auth
        self._key = consumer_key
        self._secret = consumer_secret
        self._session = http_session(
            timeout=timeout,
            retries=retries,
            backoff_factor=backoff_factor,
            product=f"woocommerce/{VERSION}",
            headers={"Accept": "application/json"},
        )
        if auth == "basic":
            self._session.auth = (consumer_key, consumer_secret)
        self.requests = 0
        self.unreadable = 0

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

    # --- one request -------------------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> WooResponse:
        """GET ``{api}{path}`` and return its JSON and paging headers, or raise a typed error."""
        url = self.api + path
        query = {k: v for k, v in (params or {}).items() if v is not None}
        if self.auth == "query":
            query.update(consumer_key=self._key, consumer_secret=self._secret)
        unreadable = 0
        while True:
            self.requests += 1
            try:
                response = self._session.get(url, params=query)
            except requests.RequestException as exc:
                raise WooCommerceConnectionError(describe_request_error(exc, url)) from exc
            try:
                data = decode_json(response.content)
            except ValueError:
                data = None
                if response.ok:
                    unreadable += 1
                    self.unreadable += 1
                    if unreadable <= MAX_UNREADABLE_RETRIES:
                        time.sleep(0.05 * 2**unreadable)
                        continue
                    raise WooCommerceResponseError(
                        f"{redact_url(url)} did not answer with valid JSON "
                        f"({unreadable} times in a row): check the site for PHP errors",
                        status=response.status_code,
                    ) from None
            if not response.ok:
                raise self._error(response, data, url)
            links = response.links
            return WooResponse(
                data=data,
                total=_int_header(response, "X-WP-Total"),
                total_pages=_int_header(response, "X-WP-TotalPages"),
                has_next="next" in links if "Link" in response.headers else None,
            )

    def _error(self, response: requests.Response, data: Any, url: str) -> WooCommerceError:
        status = response.status_code
        code = str(data.get("code") or "") if isinstance(data, dict) else ""
        message = str(data.get("message") or "") if isinstance(data, dict) else response.reason
        where = redact_url(url)
        if status in (401, 403):
            return WooCommerceAuthError(
                f"WooCommerce at {redact_url(self.site)} refused the API keys ({message}): create "
                "a new read key in WooCommerce > Settings > Advanced > REST API and enter it",
                status=status,
                wc_code=code,
            )
        if status == 404:
            if code == "rest_no_route" or not code:
                return WooCommerceNotFound(
                    f"no WooCommerce REST API at {redact_url(self.site)}: check the address, "
                    "that WooCommerce is active and that permalinks are not 'Plain'",
                    wc_code=code,
                )
            return WooCommerceNotFound(f"{where}: {message}", wc_code=code)
        if status == 400:
            params = (data.get("data") or {}).get("params") if isinstance(data, dict) else None
            detail = "; ".join(str(v) for v in params.values()) if isinstance(params, dict) else ""
            return WooCommerceRequestError(
                f"{where} refused the request: {message}{' (' + detail + ')' if detail else ''}",
                wc_code=code,
                params={str(k): str(v) for k, v in params.items()}
                if isinstance(params, dict)
                else {},
            )
        if status == 429:
            retry_after = response.headers.get("Retry-After")
            seconds = float(retry_after) if retry_after and retry_after.isdigit() else None
            return WooCommerceRateLimited(
                f"{redact_url(self.site)} keeps answering 'too many requests': try again later",
                retry_after=seconds,
            )
        return WooCommerceHTTPError(
            f"{where} answered HTTP {status}{': ' + message if message else ''}",
            status=status,
            wc_code=code,
            retryable=status >= 500,
        )

    # --- collections -------------------------------------------------------------------

    def iter_pages(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        per_page: int = MAX_PER_PAGE,
        start_page: int = 1,
    ) -> Iterator[WooPage]:
        """Every page of a collection from `start_page` on (ordered by id unless `params` say)."""
        page = max(1, start_page)
        query = {"orderby": "id", "order": "asc", **(params or {}), "per_page": per_page}
        while True:
            answer = self.get(path, {**query, "page": page})
            if not isinstance(answer.data, list):
                raise WooCommerceResponseError(
                    f"{redact_url(self.api + path)} did not answer with a list"
                )
            items = [item for item in answer.data if isinstance(item, dict)]
            yield WooPage(items, page, answer.total, answer.total_pages)
            if answer.has_next is not None:
                more = answer.has_next
            elif answer.total_pages is not None:
                more = page < answer.total_pages
            else:
                more = len(answer.data) >= per_page
            if not more or not answer.data:
                return
            page += 1

    def iter_product_pages(
        self,
        *,
        modified_after: datetime | None = None,
        status: str = "any",
        per_page: int = MAX_PER_PAGE,
        start_page: int = 1,
    ) -> Iterator[WooPage]:
        """Pages of products (any status but trash); `start_page` resumes a listing.

        With `modified_after` only products modified after it (compared in UTC) are listed.
        """
        params: dict[str, Any] = {"status": status}
        if modified_after is not None:
            params.update(modified_after=api_time(modified_after), dates_are_gmt="true")
        yield from self.iter_pages("/products", params, per_page=per_page, start_page=start_page)

    def iter_products(
        self,
        *,
        modified_after: datetime | None = None,
        status: str = "any",
        per_page: int = MAX_PER_PAGE,
    ) -> Iterator[dict[str, Any]]:
        """Every product (any status but trash), page after page."""
        for page in self.iter_product_pages(
            modified_after=modified_after, status=status, per_page=per_page
        ):
            yield from page.items

    def iter_variations(
        self, product_id: int, *, per_page: int = MAX_PER_PAGE
    ) -> Iterator[dict[str, Any]]:
        """Every variation of a variable product."""
        for page in self.iter_pages(f"/products/{product_id}/variations", per_page=per_page):
            yield from page.items

    def variations(self, product: Mapping[str, Any]) -> list[dict[str, Any]]:
        """A product's variations (none for a simple product, no request made)."""
        if product.get("type") != "variable" or not product.get("variations"):
            return []
        return list(self.iter_variations(int(product["id"])))

    def product(self, product_id: int) -> dict[str, Any] | None:
        """One product by id, or None when the site has no such product."""
        try:
            answer = self.get(f"/products/{product_id}")
        except WooCommerceNotFound as exc:
            if exc.wc_code == "woocommerce_rest_product_invalid_id":
                return None
            raise
        if not isinstance(answer.data, dict):
            raise WooCommerceResponseError(f"product {product_id}'s answer is not an object")
        return answer.data

    def currency(self) -> str:
        """The store's currency code (``CNY``...)."""
        answer = self.get("/data/currencies/current")
        code = answer.data.get("code") if isinstance(answer.data, dict) else None
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
            raise WooCommerceResponseError(f"{redact_url(self.site)} did not say its currency")
        return code
