"""What CloudCat does for a provider in its shop: `ProviderContext.services`.

`ShopPlugins.provider` gives every provider it builds a `ProviderServices`: the plugin's
per-shop state store, the account the shop authorized, forgetting that authorization, and the
shop's share of the plugin's shared call budgets.
"""

from __future__ import annotations

from datetime import datetime

from bson import ObjectId

from cloudcat.core.oauth import OAuthFlows, PluginDirectory, connection_of
from cloudcat.core.plugin_state import ProviderState
from cloudcat.core.providers import AuthorizedAccount
from cloudcat.core.ratelimit import RateLimit, SharedRateLimiter, ShopBudget
from cloudcat.core.storage.database import RawDatabase


class ProviderServices:
    """The `cloudcat.core.providers.ShopServices` of plugin `plugin` in shop `shop_id`."""

    def __init__(
        self, directory: PluginDirectory, db: RawDatabase, shop_id: str | ObjectId, plugin: str
    ) -> None:
        self._directory = directory
        self._shop_id = ObjectId(shop_id)
        self._plugin = plugin
        self._db = db
        self.state = ProviderState(db, shop_id, plugin)

    def authorized_account(self) -> AuthorizedAccount | None:
        """The shop's stored authorization of the plugin, or None when it is not connected."""
        found = connection_of(self._shop_id, self._plugin)
        if found is None:
            return None
        return AuthorizedAccount(
            account_id=str(found.account_id or ""),
            account_name=str(found.account_name or ""),
            connected_at=found.connected_at,
        )

    def forget_authorization(self, reason: str, stored_before: datetime | None = None) -> None:
        """Delete the shop's authorization of the plugin (one stored before `stored_before`,
        if given) and mark the plugin failed."""
        OAuthFlows(self._directory).revoke(
            self._shop_id, self._plugin, reason, stored_before=stored_before
        )

    def call_budget(self, key: str, limit: RateLimit) -> ShopBudget:
        """The shop's share of the budget ``<plugin>:<key>`` (so a plugin never draws on
        another plugin's budgets), kept in the database and shared by every worker."""
        return SharedRateLimiter(self._db, f"{self._plugin}:{key}", limit).for_shop(
            str(self._shop_id)
        )
