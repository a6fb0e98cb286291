"""One-click authorization: the OAuth 2 authorization-code flow every plugin can share.

A provider (a marketplace source, a channel publisher...) opts in by implementing
`OAuthProvider`, three methods on the provider instance (which holds the shop's config, e.g.
its app key and secret)::

    class MySource(MarketplaceSource):
        def authorize_url(self, state: str, redirect_uri: str) -> str:
            '''Where to send the seller's browser to approve (with `state` and `redirect_uri`).'''
        def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
            '''Trade the code the callback received for tokens; raise AuthorizationFailed
            when the provider refuses.'''
        def refresh(self, token_set: TokenSet) -> TokenSet:
            '''New tokens from `token_set.refresh_token`; raise AuthorizationFailed when the
            provider refuses (the seller must then reconnect).'''

A provider whose callback carries more than a code to check (Shopify signs the whole query
with ``hmac`` and names the ``shop``) may also define the optional method of
`CallbackExchanger`::

        def exchange_callback(self, params: Mapping[str, str], redirect_uri: str) -> TokenSet:
            '''Verify the whole callback query and trade its code for tokens.'''

When it is defined, the callback calls it (after the ``state`` check, with every query
parameter, ``state`` and ``code`` included) instead of `exchange_code`.

The flow, run by `OAuthFlows`:

1. the admin's ``startAuthorization(shopId, plugin)`` (editor role, a signed-in user) calls
   `OAuthFlows.start`: a random ``state`` is bound to the user, their session cookie, the shop
   and the plugin, expires in 10 minutes, and only its digest is stored (`OAuthState`); the
   provider's authorize URL is returned, with ``redirect_uri =
   {public_url}/oauth/{plugin}/callback``;
2. the provider sends the browser back to that callback (`cloudcat.core.web.oauth`), which
   calls `OAuthFlows.claim`: the state must exist, belong to that plugin, be unused and
   unexpired, and come back with the very session that started it (and the user must still be
   an editor of the shop); it is then marked used, so it works once;
3. `OAuthFlows.deny` records a refusal (``error=access_denied``) on the plugin's status;
   `OAuthFlows.complete` exchanges the code, stores the `TokenSet` encrypted at rest
   (`OAuthConnection`) and marks the plugin healthy.

Tokens never leave the server through any API. Providers get a usable access token from
`OAuthFlows.access_token`, which refreshes one that is about to expire and otherwise raises
`AuthorizationExpired`, whose message tells the seller to reconnect.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from bson import ObjectId

from cloudcat.core.auth import Viewer, digest, user_for_session
from cloudcat.core.documents import Role, Shop, ShopPlugin
from cloudcat.core.documents.base import utcnow
from cloudcat.core.documents.oauth import OAuthConnection, OAuthState
from cloudcat.core.errors import BadInput, CloudCatError, NotFound, PluginFailure
from cloudcat.core.secrets import UndecryptableSecret
from cloudcat.core.storage.retry import retry_transient

if TYPE_CHECKING:
    from cloudcat.core.plugins import InstalledProvider, Plugins
    from cloudcat.core.providers import Provider
    from cloudcat.core.secrets import SecretBox

log = logging.getLogger(__name__)

STATE_TTL = timedelta(minutes=10)
"""How long a started authorization may take to come back."""
REFRESH_LEEWAY = timedelta(minutes=5)
"""An access token expiring within this is refreshed before use (when it can be)."""
CALLBACK_PATH = "/oauth/{plugin}/callback"
MAX_ERROR_LENGTH = 2000


# --- tokens --------------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _from_iso(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) and text else None


@dataclass(frozen=True)
class TokenSet:
    """What a provider granted: tokens, when they stop working, and whose account it is.

    `expires_at` None means the provider did not say. A `refresh_token` with
    `refresh_expires_at` None never stops working. `extra` keeps provider details worth
    keeping (e.g. Taobao's read/write expiries); it is stored encrypted with the tokens.
    """

    access_token: str
    refresh_token: str | None = None
    expires_at: datetime | None = None
    refresh_expires_at: datetime | None = None
    account_id: str = ""
    account_name: str = ""
    token_type: str = "Bearer"
    scopes: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def expires_within(self, now: datetime, leeway: timedelta = REFRESH_LEEWAY) -> bool:
        """True when the access token is expired, or will be within `leeway`."""
        return self.expires_at is not None and self.expires_at <= now + leeway

    def can_refresh(self, now: datetime) -> bool:
        """True when a refresh token is held and has not expired."""
        if not self.refresh_token:
            return False
        return self.refresh_expires_at is None or self.refresh_expires_at > now

    def usable(self, now: datetime) -> bool:
        """True while the access token works or can be renewed without the seller."""
        return (self.expires_at is None or self.expires_at > now) or self.can_refresh(now)

    def to_json(self) -> str:
        """The token set as JSON text (for encryption at rest)."""
        data = asdict(self)
        data["expires_at"] = _iso(self.expires_at)
        data["refresh_expires_at"] = _iso(self.refresh_expires_at)
        data["scopes"] = list(self.scopes)
        data["extra"] = dict(self.extra)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TokenSet:
        """The token set `to_json` wrote."""
        data = json.loads(text)
        return cls(
            access_token=str(data["access_token"]),
            refresh_token=data.get("refresh_token") or None,
            expires_at=_from_iso(data.get("expires_at")),
            refresh_expires_at=_from_iso(data.get("refresh_expires_at")),
            account_id=str(data.get("account_id") or ""),
            account_name=str(data.get("account_name") or ""),
            token_type=str(data.get("token_type") or "Bearer"),
            scopes=tuple(data.get("scopes") or ()),
            extra=dict(data.get("extra") or {}),
        )


@runtime_checkable
class OAuthProvider(Protocol):
    """What a provider implements to connect a shop by one-click authorization."""

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        """The provider's authorization page for this shop, carrying `state` and
        `redirect_uri` (which the provider sends the browser back to)."""
        ...

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        """Trade an authorization code for tokens (`redirect_uri` as given to
        `authorize_url`); raise `AuthorizationFailed` when the provider refuses."""
        ...

    def refresh(self, token_set: TokenSet) -> TokenSet:
        """Renew `token_set`; raise `AuthorizationFailed` when the provider refuses (or
        cannot refresh at all), which makes the seller reconnect."""
        ...


@runtime_checkable
class CallbackExchanger(Protocol):
    """The optional method of an `OAuthProvider` that checks the whole callback."""

    def exchange_callback(self, params: Mapping[str, str], redirect_uri: str) -> TokenSet:
        """Verify the callback query `params` (all of them, ``state`` and ``code`` included;
        the ``state`` was already accepted) and trade its code for tokens (`redirect_uri` as
        given to `authorize_url`). Raise `AuthorizationFailed` when the query does not verify
        (e.g. a wrong ``hmac``) or the provider refuses the exchange."""
        ...


class AuthorizationFailed(PluginFailure):
    """The provider refused a code exchange or a refresh; the message says why."""


class AuthorizationExpired(PluginFailure):
    """No usable authorization is stored for a shop's plugin: the seller must (re)connect.

    Its code is ``AUTHORIZATION_EXPIRED``; `reason` is ``not_connected``, ``expired`` or
    ``unreadable``."""

    def __init__(self, message: str, reason: str = "expired") -> None:
        super().__init__(message)
        self.code = "AUTHORIZATION_EXPIRED"
        self.reason = reason


class StateRejected(CloudCatError):
    """An authorization callback whose `state` cannot be accepted.

    `reason` is ``missing``, ``unknown``, ``wrong_plugin``, ``used``, ``expired``,
    ``other_session`` or ``forbidden``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, "FORBIDDEN")
        self.reason = reason


def redirect_uri(public_url: str, plugin: str) -> str:
    """Where providers send the browser back to for `plugin`."""
    return public_url.rstrip("/") + CALLBACK_PATH.format(plugin=plugin)


def connection_of(shop_id: str | ObjectId, plugin: str) -> OAuthConnection | None:
    """The stored authorization of `plugin` in a shop, if any."""
    found: OAuthConnection | None = OAuthConnection.objects(
        shop_id=ObjectId(shop_id), plugin=plugin
    ).first()
    return found


def connections_of(shop_id: str | ObjectId) -> dict[str, OAuthConnection]:
    """Every stored authorization of a shop, by plugin (one query)."""
    return {c.plugin: c for c in OAuthConnection.objects(shop_id=ObjectId(shop_id))}


def connected(connection: OAuthConnection | None, now: datetime | None = None) -> bool:
    """True when `connection` holds tokens that work or can be refreshed (no decryption)."""
    if connection is None:
        return False
    moment = now or utcnow()
    if connection.expires_at is None or connection.expires_at > moment:
        return True
    return bool(connection.can_refresh) and (
        connection.refresh_expires_at is None or connection.refresh_expires_at > moment
    )


# --- the flow ------------------------------------------------------------------------------


@dataclass
class Started:
    """A started authorization: where to send the browser, and until when it may return."""

    url: str
    expires_at: datetime


class PluginDirectory(Protocol):
    """What the flows need of the shops' plugin state: `cloudcat.core.tenancy.ShopPlugins`
    (which builds on this module, so it is named here by its shape only)."""

    plugins: Plugins
    secret_box: SecretBox
    public_url: str

    def installed(self, name: str) -> InstalledProvider:
        """The installed provider `name` (NotFound when there is none)."""
        ...

    def provider(self, shop: Shop, name: str, *, require_enabled: bool = True) -> Provider:
        """Build the provider `name` for `shop` with its validated, decrypted config."""
        ...


class OAuthFlows:
    """Starts and completes authorizations, and hands out stored access tokens."""

    def __init__(
        self, shop_plugins: PluginDirectory, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.shop_plugins = shop_plugins
        self.clock = clock

    def redirect_uri(self, plugin: str) -> str:
        """The callback URL of `plugin` on this server."""
        return redirect_uri(self.shop_plugins.public_url, plugin)

    def provider(self, shop: Shop, plugin: str) -> OAuthProvider:
        """The shop's `plugin` provider, which must implement `OAuthProvider` and be fully
        configured (it need not be enabled yet)."""
        installed = self.shop_plugins.installed(plugin)
        if not all(callable(getattr(installed.cls, n, None)) for n in _PROTOCOL_METHODS):
            raise BadInput(f"{installed.cls.title} does not connect by authorization")
        try:
            built = self.shop_plugins.provider(shop, plugin, require_enabled=False)
        except PluginFailure as exc:
            raise BadInput(f"configure {installed.cls.title} first: {exc}") from exc
        assert isinstance(built, OAuthProvider)
        return built

    def title(self, plugin: str) -> str:
        """The plugin's display name (its name when it is not installed)."""
        found = self.shop_plugins.plugins.provider(plugin)
        return found.cls.title if found else plugin

    # --- starting -------------------------------------------------------------------------

    @retry_transient
    def start(self, shop: Shop, plugin: str, user_id: ObjectId, session_token: str) -> Started:
        """Begin authorizing `plugin` for `shop` on behalf of the user signed in with
        `session_token`; return the provider URL to send the browser to."""
        provider = self.provider(shop, plugin)
        state = secrets.token_urlsafe(32)
        callback = self.redirect_uri(plugin)
        url = provider.authorize_url(state, callback)
        if urlsplit(url).scheme not in ("https", "http"):
            raise PluginFailure(
                f"{self.title(plugin)} gave an authorization URL that is not http(s)"
            )
        expires_at = self.clock() + STATE_TTL
        OAuthState(
            shop_id=shop.id,
            state_hash=digest(state),
            plugin=plugin,
            user_id=user_id,
            session_hash=digest(session_token),
            redirect_uri=callback,
            expires_at=expires_at,
        ).save()
        return Started(url=url, expires_at=expires_at)

    # --- the callback ---------------------------------------------------------------------

    def claim(self, state: str | None, plugin: str, session_token: str | None) -> OAuthState:
        """Accept the `state` of a callback for `plugin`, once: raise `StateRejected` unless
        it was started with this very session, for this plugin, less than 10 minutes ago,
        and never used, by a user who is still an editor of the shop."""
        if not state:
            raise StateRejected("missing", "the authorization answer carries no state")
        found: OAuthState | None = OAuthState.objects(state_hash=digest(state)).first()
        if found is None:
            raise StateRejected("unknown", "this authorization was not started here")
        if found.plugin != plugin:
            raise StateRejected("wrong_plugin", "this authorization was started for another plugin")
        if found.used_at is not None:
            raise StateRejected("used", "this authorization was already completed")
        now = self.clock()
        if found.expires_at <= now:
            raise StateRejected("expired", "this authorization took too long: start again")
        user = user_for_session(session_token) if session_token else None
        if (
            user is None
            or digest(session_token or "") != found.session_hash
            or user.id != found.user_id
        ):
            raise StateRejected(
                "other_session", "this authorization was started in another browser session"
            )
        try:
            Viewer(user=user).require(found.shop_id, Role.EDITOR)
        except CloudCatError as exc:
            raise StateRejected(
                "forbidden", "you may no longer connect plugins in this shop"
            ) from exc
        taken = OAuthState.objects(id=found.id, used_at=None).update_one(set__used_at=now)
        if not taken:
            raise StateRejected("used", "this authorization was already completed")
        found.used_at = now
        return found

    def shop_of(self, claimed: OAuthState) -> Shop:
        """The shop a claimed authorization is for."""
        shop: Shop | None = Shop.objects(id=claimed.shop_id).first()
        if shop is None:
            raise NotFound("the shop of this authorization no longer exists")
        return shop

    def complete(
        self, claimed: OAuthState, code: str, params: Mapping[str, str] | None = None
    ) -> TokenSet:
        """Exchange `code` for tokens, store them encrypted and mark the plugin healthy.

        `params` is the whole callback query (with `code` in it): a provider that defines
        `exchange_callback` (`CallbackExchanger`) is given it instead of the bare code.
        """
        shop = self.shop_of(claimed)
        if not code:
            raise AuthorizationFailed("the authorization answer carries no code")
        provider = self.provider(shop, claimed.plugin)
        if isinstance(provider, CallbackExchanger):
            query = dict(params) if params is not None else {"code": code}
            query.setdefault("code", code)
            tokens = provider.exchange_callback(query, claimed.redirect_uri)
        else:
            tokens = provider.exchange_code(code, claimed.redirect_uri)
        self.store(shop.id, claimed.plugin, tokens, connected_by=claimed.user_id)
        self._status(shop.id, claimed.plugin, None)
        log.info("shop %s connected %s (%s)", shop.id, claimed.plugin, tokens.account_name)
        return tokens

    def deny(self, claimed: OAuthState, error: str, description: str = "") -> str:
        """Record that the provider answered `error` instead of a code; return the message."""
        title = self.title(claimed.plugin)
        if error == "access_denied":
            message = f"authorization denied: the seller declined to connect {title}"
        else:
            detail = f": {description}" if description else ""
            message = f"authorization with {title} failed ({error}{detail})"
        self._status(claimed.shop_id, claimed.plugin, message)
        return message

    def fail(self, claimed: OAuthState, error: BaseException) -> str:
        """Record that completing the authorization failed; return the message."""
        cause = (
            str(error) if isinstance(error, PluginFailure) else f"{type(error).__name__}: {error}"
        )
        message = f"could not complete the authorization with {self.title(claimed.plugin)}: {cause}"
        self._status(claimed.shop_id, claimed.plugin, message)
        return message

    # --- stored tokens --------------------------------------------------------------------

    def token_set(self, shop_id: str | ObjectId, plugin: str) -> TokenSet | None:
        """The decrypted token set of `plugin` in a shop (None when not connected)."""
        found = connection_of(shop_id, plugin)
        if found is None:
            return None
        return TokenSet.from_json(self.shop_plugins.secret_box.decrypt(found.token))

    @retry_transient
    def store(
        self,
        shop_id: str | ObjectId,
        plugin: str,
        tokens: TokenSet,
        *,
        connected_by: ObjectId | None = None,
    ) -> None:
        """Store `tokens` encrypted as the shop's authorization of `plugin` (replacing any)."""
        now = self.clock()
        changes: dict[str, Any] = {
            "set__token": self.shop_plugins.secret_box.encrypt(tokens.to_json()),
            "set__account_id": tokens.account_id,
            "set__account_name": tokens.account_name,
            "set__expires_at": tokens.expires_at,
            "set__can_refresh": bool(tokens.refresh_token),
            "set__refresh_expires_at": tokens.refresh_expires_at,
            "set__updated_at": now,
            "set_on_insert__created_at": now,
        }
        if connected_by is not None:
            changes["set__connected_by"] = connected_by
            changes["set__connected_at"] = now
        else:
            changes["set__refreshed_at"] = now
        OAuthConnection.objects(shop_id=ObjectId(shop_id), plugin=plugin).update_one(
            upsert=True, **changes
        )

    @retry_transient
    def disconnect(
        self, shop_id: str | ObjectId, plugin: str, *, stored_before: datetime | None = None
    ) -> bool:
        """Forget the shop's authorization of `plugin`; True if there was one. With
        `stored_before`, an authorization stored after that moment (the seller reconnected
        meanwhile) is kept."""
        found = OAuthConnection.objects(shop_id=ObjectId(shop_id), plugin=plugin)
        if stored_before is not None:
            found = found.filter(updated_at__lte=stored_before)
        return bool(found.delete())

    def revoke(
        self,
        shop_id: str | ObjectId,
        plugin: str,
        reason: str,
        *,
        stored_before: datetime | None = None,
    ) -> None:
        """Forget the shop's authorization of `plugin` (see `disconnect`) and mark the plugin
        failed with `reason` (what the seller reads: why, and that they must reconnect)."""
        if self.disconnect(shop_id, plugin, stored_before=stored_before):
            log.warning(
                "shop %s: %s refused its authorization, which is forgotten", shop_id, plugin
            )
        self._status(ObjectId(shop_id), plugin, reason)

    def access_token(
        self, shop: Shop, plugin: str, provider: Provider | OAuthProvider | None = None
    ) -> str:
        """A working access token of `plugin` for `shop`.

        A token expiring within `REFRESH_LEEWAY` is refreshed first when it can be (through
        `provider`, built from the shop's config when not given). Raises
        `AuthorizationExpired` (and records it on the plugin's status) when there is no
        usable authorization, or the provider refused to refresh it.
        """
        title = self.title(plugin)
        found = connection_of(shop.id, plugin)
        if found is None:
            raise self._expired(
                shop.id, plugin, f"{title} is not connected: connect the shop", "not_connected"
            )
        try:
            tokens = TokenSet.from_json(self.shop_plugins.secret_box.decrypt(found.token))
        except (UndecryptableSecret, ValueError, KeyError) as exc:
            raise self._expired(
                shop.id,
                plugin,
                f"the stored {title} authorization cannot be read: reconnect",
                "unreadable",
            ) from exc
        now = self.clock()
        if not tokens.expires_within(now):
            return tokens.access_token
        if tokens.can_refresh(now):
            renewer = (
                provider if isinstance(provider, OAuthProvider) else self.provider(shop, plugin)
            )
            try:
                fresh = renewer.refresh(tokens)
            except AuthorizationFailed as exc:
                renewed = self._renewed_elsewhere(shop.id, plugin, tokens, now)
                if renewed is not None:
                    return renewed
                raise self._expired(
                    shop.id, plugin, f"the {title} authorization expired: reconnect ({exc})"
                ) from exc
            if not fresh.refresh_token and tokens.refresh_token:
                fresh = replace(
                    fresh,
                    refresh_token=tokens.refresh_token,
                    refresh_expires_at=tokens.refresh_expires_at,
                )
            self.store(shop.id, plugin, fresh)
            return fresh.access_token
        if tokens.expires_at is not None and tokens.expires_at > now:
            return tokens.access_token
        raise self._expired(shop.id, plugin, f"the {title} authorization expired: reconnect")

    def _renewed_elsewhere(
        self, shop_id: ObjectId, plugin: str, used: TokenSet, now: datetime
    ) -> str | None:
        """The access token another process stored while this one's refresh was refused (a
        refresh token often works once), if it is fresh; else None."""
        try:
            latest = self.token_set(shop_id, plugin)
        except (UndecryptableSecret, ValueError, KeyError):
            return None
        if latest is None or latest.access_token == used.access_token:
            return None
        return None if latest.expires_within(now) else latest.access_token

    def _expired(
        self, shop_id: ObjectId, plugin: str, message: str, reason: str = "expired"
    ) -> AuthorizationExpired:
        self._status(shop_id, plugin, message)
        return AuthorizationExpired(message, reason)

    # --- plugin status --------------------------------------------------------------------

    @retry_transient
    def _status(self, shop_id: ObjectId, plugin: str, error: str | None) -> None:
        """Mark the shop's plugin healthy (`error` None, clearing the last error) or failed."""
        now = self.clock()
        changes: dict[str, Any] = {"set__updated_at": now, "set_on_insert__created_at": now}
        if error is None:
            changes.update(set__health="ok", unset__last_error=True, unset__last_error_at=True)
        else:
            log.warning("plugin %s of shop %s: %s", plugin, shop_id, error)
            changes.update(
                set__health="error",
                set__last_error=error[:MAX_ERROR_LENGTH],
                set__last_error_at=now,
            )
        ShopPlugin.objects(shop_id=shop_id, name=plugin).update_one(upsert=True, **changes)


_PROTOCOL_METHODS = ("authorize_url", "exchange_code", "refresh")
