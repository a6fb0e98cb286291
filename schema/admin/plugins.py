"""The plugin catalog, and each shop's plugins: enable, configure, check."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, cast

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from cloudcat.core.documents import AppPluginConfig, Role
from cloudcat.core.documents import Shop as ShopDoc
from cloudcat.core.documents import ShopPlugin as ShopPluginDoc
from cloudcat.core.documents.oauth import OAuthConnection
from cloudcat.core.errors import BadInput, Forbidden, PluginNotReady
from cloudcat.core.i18n import message
from cloudcat.core.oauth import connected, connection_of, connections_of
from cloudcat.core.plugins import InstalledProvider
from cloudcat.core.providers import Provider, ProviderKind
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.schema.admin.access import authorize, require_signed_in
from cloudcat.schema.admin.enums import PluginKind
from cloudcat.schema.context import AppInfo


@strawberry.type(description="A plugin (provider) installed on this CloudCat server.")
class Plugin:
    name: str
    kind: PluginKind
    title: str
    description: str
    version: str
    package: str = strawberry.field(description="The plugin's entry-point name.")
    distribution: str = strawberry.field(description="The Python distribution it came from.")
    capabilities: list[str]
    requires_cloudcat: str
    provider: strawberry.Private[type[Provider]]
    locale: strawberry.Private[str]

    @strawberry.field(description="JSON Schema of the plugin's config (localised).")
    def config_schema(self) -> JSON:
        """Built only when selected (and then taken from the provider class's cache)."""
        return cast(JSON, self.provider.localized_config_schema(self.locale))

    @strawberry.field(
        description="Whether a shop connects this plugin by one-click authorization "
        "(startAuthorization) rather than by pasting credentials."
    )
    def supports_authorization(self) -> bool:
        return all(
            callable(getattr(self.provider, method, None))
            for method in ("authorize_url", "exchange_code", "refresh")
        )

    @strawberry.field
    def secret_fields(self) -> list[str]:
        """Names of the config fields that are secrets (never returned by any API)."""
        return self.provider.secret_fields()

    @classmethod
    def from_installed(cls, installed: InstalledProvider, locale: str) -> Plugin:
        """The catalog entry of an installed provider, its texts in `locale`; config schema and
        secrets are resolved only when a query selects them."""
        provider = installed.cls
        return cls(
            name=provider.name,
            kind=provider.kind,
            title=provider.title_in(locale),
            description=provider.description_in(locale),
            version=provider.version,
            package=installed.plugin,
            distribution=installed.distribution,
            capabilities=sorted(provider.capabilities),
            requires_cloudcat=provider.requires_cloudcat,
            provider=provider,
            locale=locale,
        )


@strawberry.type(description="A plugin that was found but refused, with the reason.")
class RefusedPlugin:
    package: str
    reason: str


@strawberry.enum
class PluginHealth(Enum):
    UNKNOWN = "unknown"
    OK = "ok"
    ERROR = "error"


@strawberry.type(description="A plugin as one shop uses it.")
class ShopPlugin:
    name: str
    enabled: bool
    stored_config: strawberry.Private[dict[str, object]]
    shop_id: strawberry.Private[ObjectId]
    secrets_set: list[str] = strawberry.field(description="Secret fields that hold a value.")
    health: PluginHealth
    last_error: str | None
    last_error_at: datetime | None
    updated_at: datetime | None
    connected: bool = strawberry.field(
        description=(
            "Connected to its provider by authorization (startAuthorization), and that "
            "authorization works or can be renewed; false means connect (again)."
        )
    )
    account_name: str | None = strawberry.field(
        description="The provider account the authorization is for (e.g. the seller's nick)."
    )
    plugin: Plugin
    operator_managed: list[str] = strawberry.field(
        description="App-level fields the operator has set for the whole deployment (names "
        "only, never values)."
    )
    not_ready_reason: str | None = strawberry.field(
        description="Null when Sync now / Check can run; otherwise the reason in words (localised)."
    )
    not_ready_code: str | None = strawberry.field(
        description="Stable code for notReadyReason: NOT_CONNECTED | NOT_CONFIGURED | DISABLED "
        "| SHOP_SUSPENDED, or null."
    )

    @strawberry.field(
        description="JSON Schema of the form this shop's seller fills in: per-shop fields, plus "
        "app-level fields only when the operator has not set them. Localised."
    )
    def config_schema(self) -> JSON:
        schema = self.plugin.provider.localized_config_schema(
            self.plugin.locale, without=self.operator_managed
        )
        return cast(JSON, schema)

    @strawberry.field(
        description="The stored config, without secret fields (editor: analysts get null and "
        "a FORBIDDEN error)."
    )
    def config(self, info: AppInfo) -> JSON | None:
        role = info.context.viewer.role_in(self.shop_id)
        if role is None or not role.allows(Role.EDITOR):
            raise Forbidden("the plugin configuration needs the editor role")
        return cast(JSON, self.stored_config)

    @classmethod
    def build(
        cls,
        shop_plugins: ShopPlugins,
        shop: ShopDoc,
        installed: InstalledProvider,
        doc: ShopPluginDoc | None,
        connection: OAuthConnection | None,
        stored_app: AppPluginConfig | None,
        locale: str,
    ) -> ShopPlugin:
        """The state of `installed` in `shop` (`doc`, `connection` and the operator's
        `stored_app` fetched by the caller, in batches for lists), its texts in `locale`."""
        is_connected = connected(connection)
        code = shop_plugins.not_ready(shop, installed.name, doc, is_connected, stored_app)
        title = installed.cls.title_in(locale)
        return cls(
            shop_id=shop.id,
            name=installed.name,
            enabled=bool(doc and doc.enabled),
            stored_config=shop_plugins.public_config(doc) if doc else {},
            secrets_set=shop_plugins.secrets_set(doc) if doc else [],
            health=PluginHealth(doc.health if doc else "unknown"),
            last_error=doc.last_error if doc else None,
            last_error_at=doc.last_error_at if doc else None,
            updated_at=doc.updated_at if doc else None,
            connected=is_connected,
            account_name=(connection.account_name or None) if connection else None,
            plugin=Plugin.from_installed(installed, locale),
            operator_managed=shop_plugins.operator_managed(installed.name, stored_app),
            not_ready_code=code,
            not_ready_reason=message(code, locale, title=title) if code else None,
        )


def _matches(
    installed: InstalledProvider, kind: ProviderKind | None, search: str | None, locale: str
) -> bool:
    if kind is not None and installed.kind is not kind:
        return False
    if search:
        needle = search.strip().lower()
        provider = installed.cls
        texts = (provider.name, provider.title, provider.description)
        localized = (provider.title_in(locale), provider.description_in(locale))
        return needle in " ".join((*texts, *localized)).lower()
    return True


async def shop_plugins_of(
    info: AppInfo, shop: ShopDoc, kind: ProviderKind | None = None, search: str | None = None
) -> list[ShopPlugin]:
    """Every installed plugin with this shop's state of it (any role; configs need editor)."""
    await authorize(info, str(shop.id), Role.ANALYST)
    service = info.context.shop_plugins
    states = await run_in_threadpool(service.states, shop.id)
    links = await run_in_threadpool(connections_of, shop.id)
    apps = await run_in_threadpool(service.app_states)
    locale = info.context.locale
    return [
        ShopPlugin.build(
            service, shop, installed, states.get(name), links.get(name), apps.get(name), locale
        )
        for name, installed in sorted(service.plugins.providers.items())
        if _matches(installed, kind, search, locale)
    ]


@strawberry.type
class PluginQuery:
    @strawberry.field(description="The catalog of installed plugins, optionally filtered.")
    def plugins(
        self, info: AppInfo, kind: PluginKind | None = None, search: str | None = None
    ) -> list[Plugin]:
        require_signed_in(info)
        providers = info.context.services.plugins.providers
        locale = info.context.locale
        return [
            Plugin.from_installed(installed, locale)
            for _, installed in sorted(providers.items())
            if _matches(installed, kind, search, locale)
        ]

    @strawberry.field(description="Plugins found on this server but refused, with the reason.")
    def refused_plugins(self, info: AppInfo) -> list[RefusedPlugin]:
        require_signed_in(info)
        refused = info.context.services.plugins.refused
        return [
            RefusedPlugin(package=name, reason=reason) for name, reason in sorted(refused.items())
        ]


async def shop_plugin_of(info: AppInfo, shop: ShopDoc, name: str) -> ShopPlugin:
    """Plugin `name` as `shop` uses it (the caller authorized the viewer)."""
    service = info.context.shop_plugins
    installed = service.installed(name)
    doc = await run_in_threadpool(service.state, shop.id, name)
    link = await run_in_threadpool(connection_of, shop.id, name)
    app = await run_in_threadpool(service.app_state, name)
    return ShopPlugin.build(service, shop, installed, doc, link, app, info.context.locale)


async def require_ready(info: AppInfo, shop: ShopDoc, name: str) -> None:
    """Raise PLUGIN_NOT_READY (with `notReadyReason`'s words) unless plugin `name` of `shop`
    can sync and be checked now."""
    state = await shop_plugin_of(info, shop, name)
    if state.not_ready_reason is not None:
        raise PluginNotReady(state.not_ready_reason)


def config_input(
    config: JSON, secrets: JSON | None
) -> tuple[dict[str, Any], dict[str, str | None] | None]:
    """`config` and `secrets` as given to configurePlugin or configureAppPlugin, refused
    unless `config` is a JSON object and `secrets` one of strings (or null to clear) by name."""
    if not isinstance(config, dict):
        raise BadInput("`config` must be a JSON object")
    if secrets is not None and (
        not isinstance(secrets, dict)
        or not all(v is None or isinstance(v, str) for v in secrets.values())
    ):
        raise BadInput("`secrets` must be a JSON object of strings (or null to clear)")
    return config, secrets


@strawberry.type
class PluginMutation:
    @strawberry.mutation(description="Turn a plugin on or off for one shop (editor).")
    async def set_plugin_enabled(
        self, info: AppInfo, shop_id: strawberry.ID, name: str, enabled: bool
    ) -> ShopPlugin:
        shop = await authorize(info, shop_id, Role.EDITOR)
        await run_in_threadpool(info.context.shop_plugins.set_enabled, shop.id, name, enabled)
        return await shop_plugin_of(info, shop, name)

    @strawberry.mutation(
        description=(
            "Validate and store a plugin's config for one shop (editor). Secret fields go in "
            "`secrets`: a string sets one, null clears it, a field left out keeps its value. "
            "Nothing is stored unless everything is valid; errors list each bad field in "
            "`extensions.fields`."
        )
    )
    async def configure_plugin(
        self,
        info: AppInfo,
        shop_id: strawberry.ID,
        name: str,
        config: JSON,
        secrets: JSON | None = None,
    ) -> ShopPlugin:
        shop = await authorize(info, shop_id, Role.EDITOR)
        values, secret_values = config_input(config, secrets)
        await run_in_threadpool(
            info.context.shop_plugins.configure, shop.id, name, values, secret_values
        )
        return await shop_plugin_of(info, shop, name)

    @strawberry.mutation(description="Run a plugin's health check now and record the result.")
    async def check_plugin(self, info: AppInfo, shop_id: strawberry.ID, name: str) -> ShopPlugin:
        shop = await authorize(info, shop_id, Role.EDITOR)
        service = info.context.shop_plugins
        await require_ready(info, shop, name)

        def work() -> None:
            try:
                service.provider(shop, name).check()
            except BadInput:
                raise
            except Exception as exc:  # a failing plugin is recorded, never raised
                service.record_error(shop.id, name, exc)
                return
            service.record_ok(shop.id, name)

        await run_in_threadpool(work)
        return await shop_plugin_of(info, shop, name)
