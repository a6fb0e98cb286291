"""Connecting a Shopify shop: install check, authorize URL, callback check and token exchange.

1. Shopify opens the app with a signed query (``hmac, host, shop, timestamp``):
   `ShopifyOAuth.verify_install` checks it (`cloudcat.plugins.shopify.hmac.verify_query`).
2. The seller's browser goes to ``https://{shop}/admin/oauth/authorize?client_id&scope&
   redirect_uri&state`` (`authorize_url`; ``scope`` comma-separated, ``state`` a nonce bound to
   the seller's session by CloudCat's OAuth flow).
3. Shopify sends it back to ``redirect_uri?code&hmac&host&shop&state&timestamp``:
   `verify_callback` checks the HMAC and its age, that ``shop`` is this shop (and a
   ``*.myshopify.com`` domain), and that ``state`` is the one issued.
4. `exchange_code` POSTs ``client_id, client_secret, code`` (and ``expiring=1``) to
   ``https://{shop}/admin/oauth/access_token`` for ``{access_token, scope}``, plus
   ``expires_in, refresh_token, refresh_token_expires_in`` for an expiring offline token
   (required of public apps from 2027); `refresh` trades the single-use refresh token for a new
   pair (``grant_type=refresh_token``).

`ShopifyOAuth` implements CloudCat's `OAuthProvider` protocol for one shop. Token requests are
never retried after they reach Shopify: a code and a refresh token each work once.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import requests

from cloudcat.core.plugin_api import (
    DEFAULT_TIMEOUT,
    Timeout,
    TokenSet,
    describe_request_error,
    http_session,
)
from cloudcat.plugins.shopify.domains import is_shop_domain, normalize_shop_domain
from cloudcat.plugins.shopify.errors import ShopifyOAuthError
from cloudcat.plugins.shopify.hmac import InvalidHmac, QueryParams, verify_query

DEFAULT_SCOPES = ("read_products", "read_inventory", "read_orders", "read_discounts")
"""What the catalog, promotion and order sync read."""
VERSION = "0.1.0"


@dataclass(frozen=True)
class CallbackQuery:
    """A verified OAuth callback: the code to exchange, and what came with it."""

    shop: str
    code: str
    host: str
    timestamp: int


def _single(params: QueryParams, name: str) -> str:
    value = params.get(name)
    if isinstance(value, str):
        return value
    values = list(value or [])
    return str(values[0]) if len(values) == 1 else ""


def granted_scopes(scope: str) -> frozenset[str]:
    """The scopes a token holds, from Shopify's comma-separated ``scope`` (``write_x`` implies
    ``read_x``)."""
    granted = {s.strip() for s in scope.split(",") if s.strip()}
    implied = {s.replace("write_", "read_", 1) for s in granted if s.startswith("write_")}
    return frozenset(granted | implied)


class ShopifyOAuth:
    """Install check, authorization and tokens for one shop of one Shopify app."""

    def __init__(
        self,
        shop: str,
        client_id: str,
        client_secret: str,
        *,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        expiring: bool = True,
        endpoint: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """`endpoint` replaces ``https://{shop}`` as the address requests go to (tests)."""
        self.shop = normalize_shop_domain(shop)
        self.client_id = client_id
        self.client_secret = client_secret
        self.scopes = tuple(scopes)
        self.expiring = expiring
        self.endpoint = (endpoint or f"https://{self.shop}").rstrip("/")
        self.timeout = timeout
        self.clock = clock

    # --- the browser's side ------------------------------------------------------------

    def verify_install(self, params: QueryParams, *, now: float | None = None) -> str:
        """Check the signed query Shopify opens the app with; return the shop domain."""
        try:
            verify_query(self.client_secret, params, now=now)
        except InvalidHmac as exc:
            raise ShopifyOAuthError(f"this request did not come from Shopify: {exc}") from exc
        shop = _single(params, "shop")
        if not is_shop_domain(shop):
            raise ShopifyOAuthError("the request names no valid *.myshopify.com shop")
        return shop

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        """Shopify's authorization page for this shop, asking for `scopes` (offline access)."""
        query = urlencode(
            {
                "client_id": self.client_id,
                "scope": ",".join(self.scopes),
                "redirect_uri": redirect_uri,
                "state": state,
            }
        )
        return f"{self.endpoint}/admin/oauth/authorize?{query}"

    def verify_callback(
        self, params: QueryParams, *, state: str | None, now: float | None = None
    ) -> CallbackQuery:
        """Check a callback query: HMAC and age, shop, `state`; return what it carries.

        `state` is the value issued with `authorize_url` (None when CloudCat's OAuth flow has
        already matched it); it is compared in constant time.
        """
        try:
            timestamp = verify_query(self.client_secret, params, now=now)
        except InvalidHmac as exc:
            raise ShopifyOAuthError(f"the authorization did not come from Shopify: {exc}") from exc
        shop = _single(params, "shop")
        if not is_shop_domain(shop) or shop.lower() != self.shop:
            raise ShopifyOAuthError(
                f"the authorization is for {shop or 'no shop'}, not for {self.shop}"
            )
        if state is not None and not hmac.compare_digest(
            _single(params, "state").encode(), state.encode()
        ):
            raise ShopifyOAuthError("the authorization's state does not match: start again")
        code = _single(params, "code")
        if not code:
            raise ShopifyOAuthError("the authorization carries no code")
        host = _single(params, "host")
        return CallbackQuery(shop=shop, code=code, host=host, timestamp=timestamp)

    # --- the server's side -------------------------------------------------------------

    def exchange_code(self, code: str, redirect_uri: str = "") -> TokenSet:
        """Trade an authorization code for an offline access token (Shopify ignores
        `redirect_uri` here; it is accepted for CloudCat's `OAuthProvider` protocol)."""
        form = {"client_id": self.client_id, "client_secret": self.client_secret, "code": code}
        if self.expiring:
            form["expiring"] = "1"
        token = self._token_request(form)
        missing = set(self.scopes) - granted_scopes(",".join(token.scopes))
        if missing:
            raise ShopifyOAuthError(
                f"{self.shop} did not grant {', '.join(sorted(missing))}: connect again and "
                "approve every permission"
            )
        return token

    def refresh(self, token_set: TokenSet) -> TokenSet:
        """Trade `token_set`'s refresh token for a new access token and refresh token."""
        if not token_set.refresh_token:
            raise ShopifyOAuthError(
                f"the Shopify authorization for {self.shop} cannot be renewed: reconnect the shop"
            )
        return self._token_request(
            {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "grant_type": "refresh_token",
                "refresh_token": token_set.refresh_token,
            }
        )

    def _token_request(self, form: Mapping[str, str]) -> TokenSet:
        url = f"{self.endpoint}/admin/oauth/access_token"
        now = self.clock()
        try:
            with http_session(
                timeout=self.timeout, retries=2, product=f"shopify/{VERSION}"
            ) as session:
                response = session.post(url, data=form, headers={"Accept": "application/json"})
        except requests.RequestException as exc:
            raise ShopifyOAuthError(describe_request_error(exc, url)) from exc
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        if not response.ok or not isinstance(data, dict):
            detail = ""
            error = ""
            if isinstance(data, dict):
                error = str(data.get("error") or "")
                detail = str(data.get("error_description") or error or data.get("errors") or "")
            raise ShopifyOAuthError(
                f"Shopify refused the authorization for {self.shop} "
                f"(HTTP {response.status_code}{': ' + detail if detail else ''}): connect again",
                status=response.status_code,
                error=error,
            )
        return self._token_set(data, now)

    def _token_set(self, data: Mapping[str, Any], now: datetime) -> TokenSet:
        access_token = data.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise ShopifyOAuthError("Shopify's token answer holds no access_token")
        expires_in = _seconds(data.get("expires_in"))
        refresh_token = data.get("refresh_token")
        if not isinstance(refresh_token, str) or not refresh_token:
            refresh_token = None
        refresh_in = _seconds(data.get("refresh_token_expires_in"))
        scopes = tuple(s.strip() for s in str(data.get("scope") or "").split(",") if s.strip())
        return TokenSet(
            access_token=access_token,
            refresh_token=refresh_token,
            expires_at=now + timedelta(seconds=expires_in) if expires_in else None,
            refresh_expires_at=now + timedelta(seconds=refresh_in) if refresh_in else None,
            account_id=self.shop,
            account_name=self.shop,
            token_type="X-Shopify-Access-Token",
            scopes=scopes,
            extra={"shop": self.shop},
        )


def _seconds(value: Any) -> int | None:
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds > 0 else None
