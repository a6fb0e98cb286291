"""One-click authorization end to end: the admin API, the seller's browser on the Taobao OAuth
fake (real HTTP), the callback, encrypted token storage, and every way a callback is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
import requests

from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import OAuthConnection, OAuthState, Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.oauth import (
    AuthorizationExpired,
    AuthorizationFailed,
    CallbackExchanger,
    OAuthFlows,
    OAuthProvider,
    TokenSet,
    connected,
    redirect_uri,
)
from cloudcat.core.plugin_api import MarketplaceSource, hookimpl
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.taobao.client import TopClient
from cloudcat.plugins.taobao.errors import TopAuthError
from cloudcat.plugins.taobao.source import TaobaoSource
from tests.conftest import TEST_SECRET_KEY
from tests.fakes.taobao import TaobaoFake
from tests.graphql_client import GraphQLClient

PLUGIN = "taobao"
START = "mutation($s: ID!, $p: String!) { startAuthorization(shopId: $s, plugin: $p) { url expiresAt } }"
PLUGINS = "query($s: ID!) { shop(id: $s) { plugins { name connected accountName health lastError config secretsSet } } }"
CONFIGURE = "mutation($s: ID!, $n: String!, $c: JSON!, $x: JSON) { configurePlugin(shopId: $s, name: $n, config: $c, secrets: $x) { name } }"


SIGNED = "taobao_signed"
CALLBACK_SIGNATURE = "signed-by-the-marketplace"


class SignedCallbackConnector(TaobaoSource):
    """A provider whose callback carries one more parameter to verify (as Shopify's ``hmac``):
    it defines the optional `exchange_callback`, and records the queries it was given."""

    name = SIGNED
    title = "Taobao (signed callback)"
    received: ClassVar[list[dict[str, str]]] = []

    def exchange_callback(self, params: Mapping[str, str], redirect_uri: str) -> TokenSet:
        """Refuse a callback without the right signature; exchange the code otherwise."""
        self.received.append(dict(params))
        if params.get("signature") != CALLBACK_SIGNATURE:
            raise AuthorizationFailed("the callback signature does not verify")
        return self.exchange_code(params["code"], redirect_uri)


class ConnectorPlugin:
    @hookimpl
    def cloudcat_marketplace_sources(self) -> Sequence[type[MarketplaceSource]]:
        return [SignedCallbackConnector]


@pytest.fixture
def services(settings: Settings, db: RawDatabase) -> Services:
    return build_services(
        settings, db, create_plugin_manager(extra=[("connector", ConnectorPlugin())])
    )


@pytest.fixture
def fake() -> Iterator[TaobaoFake]:
    with TaobaoFake(items=5) as server:
        yield server


@pytest.fixture
def shop_id(owner: GraphQLClient, fake: TaobaoFake) -> str:
    shop = owner.create_shop("tea-house", "茶馆")
    configure(owner, shop, fake)
    return shop


def configure(
    client: GraphQLClient,
    shop: str,
    fake: TaobaoFake,
    app_key: str | None = None,
    secret: str | None = None,
    plugin: str = PLUGIN,
) -> None:
    client.data(
        CONFIGURE,
        {
            "s": shop,
            "n": plugin,
            "c": {
                "app_key": app_key or fake.app_key,
                "gateway_url": fake.gateway_url,
                "oauth_url": fake.oauth_url,
                "calls_per_second": 1000,
            },
            "x": {"app_secret": secret or fake.app_secret},
        },
    )


def start(client: GraphQLClient, shop: str, plugin: str = PLUGIN) -> str:
    return str(client.data(START, {"s": shop, "p": plugin})["startAuthorization"]["url"])


def approve_in_browser(url: str) -> str:
    """What the seller's browser does on Taobao: open the page, get sent back. The callback URL."""
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return str(response.headers["Location"])


def follow(client: GraphQLClient, location: str) -> httpx2.Response:
    return client.http.get(location, follow_redirects=False)


def plugin_state(client: GraphQLClient, shop: str, plugin: str = PLUGIN) -> dict[str, Any]:
    plugins = client.data(PLUGINS, {"s": shop})["shop"]["plugins"]
    found: dict[str, Any] = next(p for p in plugins if p["name"] == plugin)
    return found


def shop_doc(shop: str) -> Shop:
    found: Shop = Shop.objects(id=shop).get()
    return found


def token_calls(fake: TaobaoFake) -> int:
    return len([r for r in fake.requests if r.path == "/token"])


# --- the happy path -------------------------------------------------------------------------


def test_connecting_stores_the_tokens_encrypted_and_shows_the_account(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, services: Services, db: RawDatabase
) -> None:
    assert plugin_state(owner, shop_id)["connected"] is False
    data = owner.data(START, {"s": shop_id, "p": PLUGIN})["startAuthorization"]
    url = urlsplit(data["url"])
    query = parse_qs(url.query)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{fake.oauth_url}/authorize"
    assert query["client_id"] == [fake.app_key] and query["response_type"] == ["code"]
    assert query["redirect_uri"] == [f"http://testserver/oauth/{PLUGIN}/callback"]
    assert len(query["state"][0]) >= 40
    expires = datetime.fromisoformat(data["expiresAt"])
    assert timedelta(minutes=9) < expires - utcnow() <= timedelta(minutes=10)

    location = approve_in_browser(data["url"])
    assert location.startswith(f"http://testserver/oauth/{PLUGIN}/callback?")
    response = follow(owner, location)

    assert response.status_code == 303
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?connected={PLUGIN}"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    state = plugin_state(owner, shop_id)
    assert state["connected"] is True
    assert state["accountName"] == fake.seller.nick
    assert state["health"] == "OK" and state["lastError"] is None
    (grant,) = fake.grants.values()
    assert grant.access_token not in json.dumps(state)

    raw = db["oauth_connections"].find_one({"plugin": PLUGIN})
    assert raw is not None and grant.access_token not in json.dumps(raw, default=str)
    stored = TokenSet.from_json(SecretBox(TEST_SECRET_KEY).decrypt(raw["token"]))
    assert stored.access_token == grant.access_token
    assert stored.account_id == str(fake.seller.user_id)
    assert raw["account_name"] == fake.seller.nick and raw["expires_at"] is not None

    flows = OAuthFlows(services.shop_plugins)
    token = flows.access_token(shop_doc(shop_id), PLUGIN)
    with TopClient(
        fake.app_key, fake.app_secret, session=token, gateway_url=fake.gateway_url
    ) as client:
        assert client.count_items() == 5

    # the connected shop syncs from the seller's Taobao shop with those tokens
    services.shop_plugins.set_enabled(shop_id, PLUGIN, True)
    report = run_source_sync(services.shop_plugins, shop_doc(shop_id), PLUGIN, kind="full")
    assert report.products.created == 5 and report.failed == 0
    assert {p["session"] for p in fake.method_calls("taobao.items.onsale.get")} == {token}


def test_the_shared_protocol_and_callback_address() -> None:
    assert (
        redirect_uri("https://cloudcat.example/", "weibo")
        == "https://cloudcat.example/oauth/weibo/callback"
    )
    assert issubclass(TaobaoSource, OAuthProvider)
    assert connected(None) is False


# --- refused callbacks ------------------------------------------------------------------------


def test_a_state_works_once(owner: GraphQLClient, shop_id: str, fake: TaobaoFake) -> None:
    location = approve_in_browser(start(owner, shop_id))
    assert follow(owner, location).status_code == 303
    exchanged = token_calls(fake)
    replay = follow(owner, location)
    assert replay.status_code == 400
    assert "already completed" in replay.text
    assert token_calls(fake) == exchanged
    assert OAuthConnection.objects.count() == 1


def test_a_state_from_another_users_session_is_refused(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, make_client: Callable[[], GraphQLClient]
) -> None:
    location = approve_in_browser(start(owner, shop_id))
    intruder = make_client()
    intruder.sign_up("intruder@example.com")
    refused = follow(intruder, location)
    assert refused.status_code == 400 and "another browser session" in refused.text
    anonymous = make_client()
    assert follow(anonymous, location).status_code == 400
    assert token_calls(fake) == 0 and OAuthConnection.objects.count() == 0
    assert follow(owner, location).status_code == 303  # the right browser still completes it
    assert plugin_state(owner, shop_id)["connected"] is True


def test_the_same_user_in_another_session_is_refused(
    owner: GraphQLClient, shop_id: str, make_client: Callable[[], GraphQLClient]
) -> None:
    location = approve_in_browser(start(owner, shop_id))
    other_tab = make_client()
    other_tab.data(
        'mutation { logIn(email: "owner@example.com", password: "password-123") { id } }'
    )
    assert follow(other_tab, location).status_code == 400
    assert OAuthConnection.objects.count() == 0


def test_an_expired_state_is_refused(owner: GraphQLClient, shop_id: str, fake: TaobaoFake) -> None:
    location = approve_in_browser(start(owner, shop_id))
    OAuthState.objects.update(set__expires_at=utcnow() - timedelta(seconds=1))
    response = follow(owner, location)
    assert response.status_code == 400 and "took too long" in response.text
    assert token_calls(fake) == 0
    assert plugin_state(owner, shop_id)["connected"] is False


def test_forged_states_and_wrong_plugins_are_refused(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake
) -> None:
    location = approve_in_browser(start(owner, shop_id))
    query = parse_qs(urlsplit(location).query)
    forged = follow(owner, f"/oauth/{PLUGIN}/callback?code={query['code'][0]}&state=made-up")
    assert forged.status_code == 400 and "not started here" in forged.text
    no_state = follow(owner, f"/oauth/{PLUGIN}/callback?code={query['code'][0]}")
    assert no_state.status_code == 400
    elsewhere = follow(owner, location.replace(f"/oauth/{PLUGIN}/", "/oauth/feed/"))
    assert elsewhere.status_code == 400 and "another plugin" in elsewhere.text
    assert token_calls(fake) == 0
    assert follow(owner, location).status_code == 303


def test_a_member_who_lost_the_editor_role_cannot_complete(
    owner: GraphQLClient, shop_id: str, make_client: Callable[[], GraphQLClient]
) -> None:
    editor = make_client()
    editor_id = editor.sign_up("editor@example.com")
    add = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"
    owner.data(add, {"s": shop_id, "e": "editor@example.com", "r": "EDITOR"})
    location = approve_in_browser(start(editor, shop_id))
    change = "mutation($s: ID!, $u: ID!) { changeMemberRole(shopId: $s, userId: $u, role: ANALYST) { role } }"
    owner.data(change, {"s": shop_id, "u": editor_id})
    response = follow(editor, location)
    assert response.status_code == 400 and "no longer" in response.text
    assert OAuthConnection.objects.count() == 0


# --- denial and failures -----------------------------------------------------------------------


def test_a_denial_is_recorded_and_shown(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake
) -> None:
    fake.approve = False
    location = approve_in_browser(start(owner, shop_id))
    assert "error=access_denied" in location
    response = follow(owner, location)
    assert response.status_code == 303
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?denied={PLUGIN}"
    state = plugin_state(owner, shop_id)
    assert state["connected"] is False and state["health"] == "ERROR"
    assert state["lastError"].startswith("authorization denied")
    assert token_calls(fake) == 0
    assert follow(owner, location).status_code == 400  # the state was used up
    fake.approve = True
    assert follow(owner, approve_in_browser(start(owner, shop_id))).status_code == 303
    state = plugin_state(owner, shop_id)
    assert state["connected"] is True and state["health"] == "OK" and state["lastError"] is None


def test_a_refused_code_exchange_is_recorded(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake
) -> None:
    configure(owner, shop_id, fake, secret="not-the-app-secret")
    response = follow(owner, approve_in_browser(start(owner, shop_id)))
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?failed={PLUGIN}"
    state = plugin_state(owner, shop_id)
    assert state["connected"] is False and state["health"] == "ERROR"
    assert "invalid_client" in state["lastError"]


# --- who may start ------------------------------------------------------------------------------


def test_only_editors_signed_in_with_a_browser_may_start(
    owner: GraphQLClient, shop_id: str, make_client: Callable[[], GraphQLClient]
) -> None:
    analyst = make_client()
    analyst.sign_up("analyst@example.com")
    add = "mutation($s: ID!, $e: String!, $r: Role!) { addMember(shopId: $s, email: $e, role: $r) { role } }"
    owner.data(add, {"s": shop_id, "e": "analyst@example.com", "r": "ANALYST"})
    assert analyst.code(START, {"s": shop_id, "p": PLUGIN}) == "FORBIDDEN"
    stranger = make_client()
    stranger.sign_up("stranger@example.com")
    assert stranger.code(START, {"s": shop_id, "p": PLUGIN}) == "NOT_FOUND"
    token = owner.data(
        'mutation($s: ID!) { createAdminToken(shopId: $s, name: "bot", role: EDITOR) { token } }',
        {"s": shop_id},
    )["createAdminToken"]["token"]
    bot = make_client()
    bot.headers["Authorization"] = f"Bearer {token}"
    assert bot.code(START, {"s": shop_id, "p": PLUGIN}) == "FORBIDDEN"
    assert OAuthState.objects.count() == 0


def test_plugins_without_authorization_or_config_cannot_start(owner: GraphQLClient) -> None:
    shop = owner.create_shop("bare")
    error = owner.error(START, {"s": shop, "p": PLUGIN})
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "configure" in error["message"]
    error = owner.error(START, {"s": shop, "p": "feed"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert owner.code(START, {"s": shop, "p": "nope"}) == "NOT_FOUND"


def test_disconnecting_forgets_the_tokens(owner: GraphQLClient, shop_id: str) -> None:
    follow(owner, approve_in_browser(start(owner, shop_id)))
    disconnect = (
        "mutation($s: ID!, $p: String!) { disconnectAuthorization(shopId: $s, plugin: $p) }"
    )
    assert owner.data(disconnect, {"s": shop_id, "p": PLUGIN}) == {"disconnectAuthorization": True}
    assert owner.data(disconnect, {"s": shop_id, "p": PLUGIN}) == {"disconnectAuthorization": False}
    assert plugin_state(owner, shop_id)["connected"] is False


# --- using the stored authorization -----------------------------------------------------------


def test_an_expired_authorization_asks_to_reconnect(
    owner: GraphQLClient, shop_id: str, services: Services
) -> None:
    follow(owner, approve_in_browser(start(owner, shop_id)))
    later = OAuthFlows(services.shop_plugins, clock=lambda: utcnow() + timedelta(days=2))
    with pytest.raises(AuthorizationExpired) as caught:
        later.access_token(shop_doc(shop_id), PLUGIN)
    assert caught.value.code == "AUTHORIZATION_EXPIRED"
    assert "expired: reconnect" in caught.value.message
    OAuthConnection.objects.update(set__expires_at=utcnow() - timedelta(seconds=1))
    state = plugin_state(owner, shop_id)
    assert state["connected"] is False and "reconnect" in state["lastError"]
    other = owner.create_shop("other")
    with pytest.raises(AuthorizationExpired) as missing:
        later.access_token(shop_doc(other), PLUGIN)
    assert missing.value.reason == "not_connected"


def test_an_expiring_authorization_is_refreshed_when_the_app_may(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, services: Services
) -> None:
    fake.register_app("55554444", "market-secret", can_refresh=True)
    configure(owner, shop_id, fake, app_key="55554444", secret="market-secret")
    follow(owner, approve_in_browser(start(owner, shop_id)))
    first = OAuthFlows(services.shop_plugins).access_token(shop_doc(shop_id), PLUGIN)
    later = OAuthFlows(
        services.shop_plugins, clock=lambda: utcnow() + timedelta(hours=23, minutes=58)
    )
    renewed = later.access_token(shop_doc(shop_id), PLUGIN)
    assert renewed != first
    assert OAuthFlows(services.shop_plugins).access_token(shop_doc(shop_id), PLUGIN) == renewed

    def market(session: str) -> TopClient:
        return TopClient(
            "55554444",
            "market-secret",
            session=session,
            gateway_url=fake.gateway_url,
            sleep=lambda s: None,
        )

    with market(renewed) as client:
        assert client.count_items() == 5
    with market(first) as client, pytest.raises(TopAuthError):
        client.count_items()
    raw = OAuthConnection.objects.get()
    assert raw.refreshed_at is not None and raw.can_refresh


class LosingRace:
    """A provider whose refresh loses to another process that refreshed first."""

    def __init__(self, flows: OAuthFlows, shop_id: str, winner: TokenSet) -> None:
        self.flows, self.shop_id, self.winner = flows, shop_id, winner

    def authorize_url(self, state: str, redirect_uri: str) -> str:
        return "https://example.invalid/authorize"

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        return self.winner

    def refresh(self, token_set: TokenSet) -> TokenSet:
        self.flows.store(self.shop_id, PLUGIN, self.winner)
        raise AuthorizationFailed("Taobao refused the authorization (invalid_grant)")


def test_a_refresh_that_lost_a_race_uses_the_winners_token(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, services: Services
) -> None:
    fake.register_app("55554444", "market-secret", can_refresh=True)
    configure(owner, shop_id, fake, app_key="55554444", secret="market-secret")
    follow(owner, approve_in_browser(start(owner, shop_id)))
    later = OAuthFlows(
        services.shop_plugins, clock=lambda: utcnow() + timedelta(hours=23, minutes=58)
    )
    winner = TokenSet(access_token="won-the-race", expires_at=utcnow() + timedelta(days=3))
    racer = LosingRace(later, shop_id, winner)
    assert later.access_token(shop_doc(shop_id), PLUGIN, provider=racer) == "won-the-race"
    assert plugin_state(owner, shop_id)["health"] == "OK"


# --- what providers get ---------------------------------------------------------------------------


def test_providers_that_connect_get_an_access_token_callable(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, services: Services
) -> None:
    shop = shop_doc(shop_id)
    source = services.shop_plugins.provider(shop, PLUGIN, require_enabled=False)
    assert source.context.access_token is not None
    with pytest.raises(AuthorizationExpired) as missing:
        source.context.access_token()
    assert missing.value.reason == "not_connected"
    follow(owner, approve_in_browser(start(owner, shop_id)))
    (grant,) = fake.grants.values()
    assert source.context.access_token() == grant.access_token
    services.shop_plugins.configure(shop_id, "feed", {"url": "https://feeds.example/tea.json"})
    feed = services.shop_plugins.provider(shop, "feed", require_enabled=False)
    assert feed.context.access_token is None  # the feed does not connect by authorization


def test_a_refreshing_access_token_callable_stores_the_renewed_tokens(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake, services: Services
) -> None:
    fake.register_app("55554444", "market-secret", can_refresh=True)
    configure(owner, shop_id, fake, app_key="55554444", secret="market-secret")
    follow(owner, approve_in_browser(start(owner, shop_id)))
    first = OAuthFlows(services.shop_plugins).access_token(shop_doc(shop_id), PLUGIN)
    flows = OAuthFlows(services.shop_plugins)
    tokens = flows.token_set(shop_id, PLUGIN)
    assert tokens is not None  # about to expire: the next use refreshes it
    flows.store(shop_id, PLUGIN, replace(tokens, expires_at=utcnow() + timedelta(minutes=1)))
    source = services.shop_plugins.provider(shop_doc(shop_id), PLUGIN, require_enabled=False)
    assert source.context.access_token is not None
    renewed = source.context.access_token()
    assert renewed != first
    assert source.context.access_token() == renewed  # stored: no second refresh
    assert len([r for r in fake.requests if r.path == "/token"]) == 2


# --- providers that verify the whole callback -------------------------------------------------------


def test_a_provider_defining_exchange_callback_gets_the_whole_query(
    owner: GraphQLClient, shop_id: str, fake: TaobaoFake
) -> None:
    configure(owner, shop_id, fake, plugin=SIGNED)
    SignedCallbackConnector.received.clear()
    assert issubclass(SignedCallbackConnector, CallbackExchanger)
    assert not issubclass(TaobaoSource, CallbackExchanger)

    forged = follow(owner, approve_in_browser(start(owner, shop_id, SIGNED)) + "&signature=forged")
    assert forged.headers["location"] == f"/admin/shops/{shop_id}/plugins?failed={SIGNED}"
    assert token_calls(fake) == 0 and OAuthConnection.objects.count() == 0
    assert "signature does not verify" in plugin_state(owner, shop_id, SIGNED)["lastError"]

    location = approve_in_browser(start(owner, shop_id, SIGNED))
    response = follow(owner, location + f"&signature={CALLBACK_SIGNATURE}")
    assert response.headers["location"] == f"/admin/shops/{shop_id}/plugins?connected={SIGNED}"
    query = {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}
    assert SignedCallbackConnector.received[-1] == {**query, "signature": CALLBACK_SIGNATURE}
    assert token_calls(fake) == 1
    assert plugin_state(owner, shop_id, SIGNED)["connected"] is True
