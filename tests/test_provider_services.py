"""What CloudCat does for a provider in its shop (`ProviderContext.services`): the per-shop state
store, the authorized account, forgetting the authorization, and the shared call budgets. Real
database throughout."""

from __future__ import annotations

import pytest

from cloudcat.core.documents import Shop, ShopPlugin
from cloudcat.core.documents.oauth import OAuthConnection
from cloudcat.core.errors import PluginFailure
from cloudcat.core.oauth import OAuthFlows, TokenSet
from cloudcat.core.plugin_api import (
    STATE_MAX_VALUE_BYTES,
    AuthorizedAccount,
    NoConfig,
    ProviderContext,
    RateLimit,
    RateLimitExceeded,
)
from cloudcat.core.plugin_state import STATE_COLLECTION, ProviderState
from cloudcat.core.provider_services import ProviderServices
from cloudcat.core.providers import Provider
from cloudcat.core.ratelimit import COLLECTION as BUDGETS
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase, open_storage
from cloudcat.core.tenancy import ShopPlugins, shop_info
from tests.conftest import make_shop

PLUGIN = "feed"  # any installed provider: the services do not depend on its kind


def built(shop_plugins: ShopPlugins, shop: Shop, name: str = PLUGIN) -> Provider:
    shop_plugins.configure(shop.id, name, {"url": "https://feeds.example.com/x.csv"})
    return shop_plugins.provider(shop, name, require_enabled=False)


def test_state_keeps_json_values_per_shop_and_plugin(
    db: RawDatabase, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    state = built(shop_plugins, shop).context.state
    assert state.get("currency:tea.example.com") is None
    state.set("currency:tea.example.com", "CNY")
    state.set("seen", {"ids": [1, 2, 3], "done": True})
    state.set("currency:tea.example.com", "USD")  # replaced, not added

    again = built(shop_plugins, shop).context.state  # another instance, same shop and plugin
    assert again.get("currency:tea.example.com") == "USD"
    assert again.get("seen") == {"ids": [1, 2, 3], "done": True}
    assert db[STATE_COLLECTION].count_documents({"shop_id": shop.id}) == 2

    other_shop = make_shop("other-house")
    assert built(shop_plugins, other_shop).context.state.get("seen") is None
    assert ProviderState(db, shop.id, "webhook").get("seen") is None  # another plugin

    by_hand = ProviderContext(shop_info(shop), NoConfig(), db, "http://x")
    with pytest.raises(PluginFailure, match="without services"):
        by_hand.state.get("seen")  # a context not built by CloudCat has no services


def test_state_refuses_bad_keys_and_values(shop_plugins: ShopPlugins, shop: Shop) -> None:
    state = built(shop_plugins, shop).context.state
    with pytest.raises(ValueError, match="without spaces"):
        state.set("two words", 1)
    with pytest.raises(ValueError, match="without spaces"):
        state.get("")
    with pytest.raises(ValueError, match="not JSON"):
        state.set("moment", object())
    with pytest.raises(ValueError, match=f"at most {STATE_MAX_VALUE_BYTES}"):
        state.set("big", "x" * STATE_MAX_VALUE_BYTES)
    state.set("fits", "x" * (STATE_MAX_VALUE_BYTES - 2))  # two bytes of JSON quotes
    assert len(state.get("fits")) == STATE_MAX_VALUE_BYTES - 2


def test_the_authorized_account_and_forgetting_it(shop_plugins: ShopPlugins, shop: Shop) -> None:
    provider = built(shop_plugins, shop)
    assert provider.context.authorized_account() is None
    flows = OAuthFlows(shop_plugins)
    flows.store(shop.id, PLUGIN, TokenSet("t", account_id="42", account_name="tea-seller"))
    other = make_shop("other-house")
    flows.store(other.id, PLUGIN, TokenSet("u", account_id="7", account_name="someone"))

    account = provider.context.authorized_account()
    assert isinstance(account, AuthorizedAccount)
    assert (account.account_id, account.account_name) == ("42", "tea-seller")

    provider.context.forget_authorization("the app was uninstalled: reconnect the shop")
    assert provider.context.authorized_account() is None
    assert OAuthConnection.objects(shop_id=shop.id).count() == 0
    state = ShopPlugin.objects.get(shop_id=shop.id, name=PLUGIN)
    assert state.health == "error" and state.last_error == (
        "the app was uninstalled: reconnect the shop"
    )
    # The other shop keeps its authorization and its health.
    kept = built(shop_plugins, other).context.authorized_account()
    assert kept is not None and (kept.account_id, kept.account_name) == ("7", "someone")
    assert ShopPlugin.objects.get(shop_id=other.id, name=PLUGIN).health != "error"


def test_a_call_budget_is_shared_by_the_shops_of_a_plugin_and_by_nobody_else(
    db: RawDatabase, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    limit = RateLimit(100.0, 10.0)
    mine = built(shop_plugins, shop).context.call_budget("app-1", limit)
    other_shop = built(shop_plugins, make_shop("other-house")).context.call_budget("app-1", limit)
    assert mine.acquire() == 0 and other_shop.acquire() == 0
    mine.penalize(600)  # the marketplace banned the app for ten minutes
    with pytest.raises(RateLimitExceeded, match=f"{PLUGIN}:app-1 is spent"):
        other_shop.acquire()  # the ban holds every shop of the app back
    with pytest.raises(RateLimitExceeded):
        built(shop_plugins, shop).context.call_budget("app-1", limit).acquire()  # a new run too

    # Another app key of the plugin, and the same key of another plugin, are other budgets.
    assert built(shop_plugins, shop).context.call_budget("app-2", limit).acquire() == 0
    elsewhere = ProviderServices(shop_plugins, db, shop.id, "webhook")
    assert elsewhere.call_budget("app-1", limit).acquire() == 0
    assert {doc["_id"] for doc in db[BUDGETS].find()} == {
        f"{PLUGIN}:app-1",
        f"{PLUGIN}:app-2",
        "webhook:app-1",
    }


def test_open_storage_creates_the_registered_raw_indexes(settings: Settings) -> None:
    storage = open_storage(settings)
    try:
        assert "shop_plugin_key" in storage.db[STATE_COLLECTION].index_information()
        assert len(storage.db["jobs"].index_information()) > 1
    finally:
        storage.client.drop_database(settings.database_name)
        storage.close()
