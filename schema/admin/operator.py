"""The operator's pages: every shop's health, suspending and resuming shops, and plugins'
app-level settings. Every field here is FORBIDDEN to anyone but an operator; app-level secret
values are never returned (only which ones hold a value)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core import operator
from cloudcat.core.documents import AppPluginConfig
from cloudcat.core.plugins import InstalledProvider
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.schema.admin.access import require_operator
from cloudcat.schema.admin.plugins import Plugin, PluginHealth, config_input
from cloudcat.schema.admin.shops import Shop
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import (
    Connection,
    build_connection,
    check_page_size,
    decode_cursor,
    encode_cursor,
)


@strawberry.type(description="One marketplace source as one shop uses it.")
class OperatorSourceState:
    plugin: str
    title: str
    enabled: bool
    connected: bool
    health: PluginHealth
    last_error: str | None
    last_sync_at: datetime | None
    last_sync_state: str | None


@strawberry.type(description="A plugin of a shop whose last check or run failed.")
class OperatorPluginError:
    plugin: str
    last_error: str
    last_error_at: datetime | None


@strawberry.type(description="A shop as the operator sees it.")
class OperatorShop:
    shop: Shop
    suspended: bool
    suspended_reason: str | None
    suspended_at: datetime | None
    sources: list[OperatorSourceState]
    plugin_errors: list[OperatorPluginError]

    @classmethod
    def from_health(cls, health: operator.ShopHealth, info: AppInfo) -> OperatorShop:
        providers = info.context.services.plugins.providers
        locale = info.context.locale
        doc = health.shop
        return cls(
            shop=Shop.from_doc(doc),
            suspended=bool(doc.suspended),
            suspended_reason=doc.suspended_reason if doc.suspended else None,
            suspended_at=doc.suspended_at if doc.suspended else None,
            sources=[
                OperatorSourceState(
                    plugin=s.plugin,
                    title=providers[s.plugin].cls.title_in(locale),
                    enabled=s.enabled,
                    connected=s.connected,
                    health=PluginHealth(s.health),
                    last_error=s.last_error,
                    last_sync_at=s.last_sync_at,
                    last_sync_state=s.last_sync_state,
                )
                for s in health.sources
            ],
            plugin_errors=[
                OperatorPluginError(
                    plugin=e.plugin, last_error=e.last_error, last_error_at=e.last_error_at
                )
                for e in health.plugin_errors
            ],
        )


@strawberry.type(description="A plugin's app-level settings, for the whole deployment.")
class OperatorPlugin:
    plugin: Plugin
    app_fields: list[str] = strawberry.field(
        description="Names of the plugin's app-level config fields."
    )
    app_config: JSON = strawberry.field(
        description="The operator's non-secret app-level values (the settings' over the stored)."
    )
    app_secrets_set: list[str] = strawberry.field(
        description="App-level secret fields holding a value (never the values)."
    )
    from_settings: list[str] = strawberry.field(
        description="App-level fields given by the server's settings (TOML/env): read-only "
        "here, and they win."
    )
    app_config_schema: JSON = strawberry.field(
        description="JSON Schema of the app-level fields only (secrets writeOnly, settings' "
        "fields readOnly), localised."
    )

    @classmethod
    def build(
        cls,
        service: ShopPlugins,
        installed: InstalledProvider,
        stored: AppPluginConfig | None,
        locale: str,
    ) -> OperatorPlugin:
        provider = installed.cls
        app_fields = provider.app_fields()
        secrets = set(provider.secret_fields())
        fixed = service.app_from_settings(installed.name)
        config: dict[str, Any] = dict(stored.config) if stored else {}
        config.update({k: v for k, v in fixed.items() if k not in secrets})
        held = set(stored.secrets) if stored else set()
        held |= {k for k in fixed if k in secrets}
        schema = provider.localized_config_schema(locale, only=app_fields)
        schema.pop("required", None)  # each app-level field may be left to the shops
        for name in fixed:
            schema["properties"][name]["readOnly"] = True
        return cls(
            plugin=Plugin.from_installed(installed, locale),
            app_fields=app_fields,
            app_config=cast(JSON, config),
            app_secrets_set=sorted(held),
            from_settings=sorted(fixed),
            app_config_schema=cast(JSON, schema),
        )


def _operator_plugins(info: AppInfo) -> list[OperatorPlugin]:
    service = info.context.shop_plugins
    stored = service.app_states()
    return [
        OperatorPlugin.build(service, installed, stored.get(name), info.context.locale)
        for name, installed in sorted(service.plugins.providers.items())
        if installed.cls.app_fields()
    ]


async def _operator_shop(info: AppInfo, shop_id: str, change: str, reason: str | None) -> Any:
    """Suspend or resume (`change`) the shop `shop_id` and return it as the operator sees it."""
    require_operator(info)

    def work() -> operator.ShopHealth:
        shop = operator.find_shop(shop_id)
        if change == "suspend":
            operator.suspend(shop, reason)
        else:
            operator.resume(shop)
        return operator.shops_health(info.context.services.plugins, [shop])[0]

    return OperatorShop.from_health(await run_in_threadpool(work), info)


@strawberry.type
class OperatorQuery:
    @strawberry.field(
        description="Every shop with its sources' connection and sync health and its plugin "
        "errors, oldest first (operator)."
    )
    async def operator_shops(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        search: str | None = None,
        problems_only: bool | None = None,
    ) -> Connection[OperatorShop]:
        require_operator(info)
        size = check_page_size(first, info.context.services.settings.page_size_max)
        start = decode_cursor(after) if after is not None else None
        plugins = info.context.services.plugins

        def fetch() -> list[operator.ShopHealth]:
            rows = operator.find_shops(search, start, size + 1, bool(problems_only))
            return operator.shops_health(plugins, rows)

        found = await run_in_threadpool(fetch)
        return build_connection(
            found,
            size,
            after,
            lambda h: OperatorShop.from_health(h, info),
            lambda h: encode_cursor(h.shop.id),
        )

    @strawberry.field(description="The plugins with app-level settings (operator).")
    async def operator_plugins(self, info: AppInfo) -> list[OperatorPlugin]:
        require_operator(info)
        return await run_in_threadpool(_operator_plugins, info)


@strawberry.type
class OperatorMutation:
    @strawberry.mutation(
        description="Suspend a shop: its site and storefront API answer SHOP_SUSPENDED, its "
        "jobs wait, sellers cannot change it; nothing is deleted (operator)."
    )
    async def suspend_shop(
        self, info: AppInfo, id: strawberry.ID, reason: str | None = None
    ) -> OperatorShop:
        return cast(OperatorShop, await _operator_shop(info, id, "suspend", reason))

    @strawberry.mutation(description="Resume a suspended shop (operator).")
    async def resume_shop(self, info: AppInfo, id: strawberry.ID) -> OperatorShop:
        return cast(OperatorShop, await _operator_shop(info, id, "resume", None))

    @strawberry.mutation(
        description="Set the app-level fields of one plugin for every shop (operator), with "
        "configurePlugin's semantics: `config` holds the plain values; in `secrets` a string "
        "sets one, null clears it, a field left out keeps its value."
    )
    async def configure_app_plugin(
        self, info: AppInfo, name: str, config: JSON, secrets: JSON | None = None
    ) -> OperatorPlugin:
        require_operator(info)
        values, secret_values = config_input(config, secrets)
        service = info.context.shop_plugins
        stored = await run_in_threadpool(service.configure_app, name, values, secret_values)
        return OperatorPlugin.build(service, service.installed(name), stored, info.context.locale)
