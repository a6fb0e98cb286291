"""Seller authorization with Taobao's OAuth 2 server (``https://oauth.taobao.com``).

1. The seller's browser goes to ``/authorize?response_type=code&client_id=APPKEY&
   redirect_uri=…&state=…&view=web|tmall|wap`` and approves the app;
2. Taobao sends it back to ``redirect_uri?code=…&state=…`` (on refusal
   ``?error=access_denied&error_description=authorize%20reject&state=…``);
3. the code (valid 30 minutes, once) is exchanged by ``POST /token`` with
   ``grant_type=authorization_code``, ``client_id``, ``client_secret``, ``code`` and the same
   ``redirect_uri``. The answer holds ``access_token`` (the TOP ``session``), ``expires_in``,
   ``refresh_token`` with ``re_expires_in`` (0 when the app may not refresh: only apps sold in
   the service market can), per-permission expiries (``r1/r2/w1/w2_expires_in``),
   ``taobao_user_id`` and ``taobao_user_nick`` (URL-encoded), and for a sub-account
   ``sub_taobao_user_id``/``sub_taobao_user_nick``.

Refreshing is ``POST /token`` with ``grant_type=refresh_token``. `TaobaoOAuth` implements
CloudCat's `OAuthProvider` protocol; `TaobaoAuthorization` gives a provider class the three
protocol methods from its shop's `TaobaoConfig`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlencode

import requests
from pydantic import BaseModel

from cloudcat.core.plugin_api import (
    AuthorizationFailed,
    TokenSet,
    describe_request_error,
    http_session,
)
from cloudcat.plugins.taobao.config import DEFAULT_OAUTH, TaobaoConfig, base_url
from cloudcat.plugins.taobao.errors import TopUnavailable

PERMISSION_EXPIRIES = ("r1_expires_in", "r2_expires_in", "w1_expires_in", "w2_expires_in")


def _seconds(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def token_set_from_answer(data: Mapping[str, Any], now: datetime) -> TokenSet:
    """The `TokenSet` of a ``/token`` answer received at `now`."""
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise AuthorizationFailed("Taobao's token answer holds no access_token")
    expires_in = _seconds(data.get("expires_in"))
    refresh_in = _seconds(data.get("re_expires_in"))
    refresh_token = data.get("refresh_token")
    can_refresh = isinstance(refresh_token, str) and bool(refresh_token) and (refresh_in or 0) > 0
    extra: dict[str, Any] = {}
    for name in PERMISSION_EXPIRIES:
        seconds = _seconds(data.get(name))
        if seconds is not None:
            extra[name.replace("_in", "_at")] = (now + timedelta(seconds=seconds)).isoformat()
    for name in ("sub_taobao_user_id", "sub_taobao_user_nick"):
        if data.get(name):
            extra[name] = unquote(str(data[name]))
    return TokenSet(
        access_token=access_token,
        refresh_token=refresh_token if can_refresh else None,
        expires_at=now + timedelta(seconds=expires_in) if expires_in else None,
        refresh_expires_at=now + timedelta(seconds=refresh_in or 0) if can_refresh else None,
        account_id=str(data.get("taobao_user_id") or ""),
        account_name=unquote(str(data.get("taobao_user_nick") or "")),
        token_type=str(data.get("token_type") or "Bearer"),
        extra=extra,
    )


class TaobaoOAuth:
    """Authorize URL, code exchange and refresh for one Taobao app (an `OAuthProvider`)."""

    def __init__(
        self,
        app_key: str,
        app_secret: str,
        *,
        base: str = DEFAULT_OAUTH,
        view: str = "web",
        http: requests.Session | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app_key = app_key
        self._secret = app_secret
        self.base = base.rstrip("/")
        self.view = view
        self.http = http
        self.clock = clock

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        """Taobao's authorization page for this app, coming back to `redirect_uri`."""
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.app_key,
                "redirect_uri": redirect_uri,
                "state": state,
                "view": self.view,
            }
        )
        return f"{self.base}/authorize?{query}"

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        """Trade an authorization code for the seller's tokens."""
        return self._token(
            {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        )

    def refresh(self, token_set: TokenSet) -> TokenSet:
        """New tokens from the refresh token (only apps of the service market get one)."""
        if not token_set.refresh_token:
            raise AuthorizationFailed("this Taobao app cannot refresh authorizations")
        return self._token(
            {"grant_type": "refresh_token", "refresh_token": token_set.refresh_token}
        )

    def _token(self, form: Mapping[str, str]) -> TokenSet:
        url = f"{self.base}/token"
        body = {"client_id": self.app_key, "client_secret": self._secret, **form}
        http = self.http or http_session(retry_methods={"POST"}, product="taobao")
        try:
            response = http.post(url, data=body, headers={"Accept": "application/json"})
        except requests.RequestException as exc:
            raise TopUnavailable(describe_request_error(exc, url)) from exc
        finally:
            if self.http is None:
                http.close()
        now = datetime.fromtimestamp(self.clock(), UTC)
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        if response.status_code >= 500 or not isinstance(data, dict):
            raise TopUnavailable(
                f"Taobao's OAuth server answered HTTP {response.status_code} without a token"
            )
        if response.status_code != 200 or "error" in data:
            error = str(data.get("error") or f"HTTP {response.status_code}")
            detail = str(data.get("error_description") or "")
            raise AuthorizationFailed(
                f"Taobao refused the authorization ({error}{f': {detail}' if detail else ''})"
            )
        return token_set_from_answer(data, now)


class TaobaoAuthorization:
    """Gives a provider whose `config` is a `TaobaoConfig` CloudCat's `OAuthProvider` methods.

    ``class TaobaoSource(TaobaoAuthorization, MarketplaceSource): ...``
    """

    config: BaseModel

    def taobao_oauth(self) -> TaobaoOAuth:
        """The OAuth client of the shop's Taobao app."""
        config = self.config
        if not isinstance(config, TaobaoConfig):
            raise TypeError("TaobaoAuthorization needs a TaobaoConfig")
        return TaobaoOAuth(
            config.app_key,
            config.app_secret.get_secret_value(),
            base=base_url(config.oauth_url),
            view=config.view,
        )

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        """See `TaobaoOAuth.authorize_url`."""
        return self.taobao_oauth().authorize_url(state, redirect_uri)

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        """See `TaobaoOAuth.exchange_code`."""
        return self.taobao_oauth().exchange_code(code, redirect_uri)

    def refresh(self, token_set: TokenSet) -> TokenSet:
        """See `TaobaoOAuth.refresh`."""
        return self.taobao_oauth().refresh(token_set)
