"""Per-shop plugin state: enabling, configuring, building providers, and calling observers.

pluggy knows nothing of shops; this module does. A shop's plugin configuration is validated with
the provider's pydantic model (field-by-field errors), secret fields are encrypted at rest and
never handed back, and observer hooks for a shop reach only the plugins enabled in that shop.
A plugin that raises is isolated: the error is recorded on that shop's plugin status.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any

from bson import ObjectId
from pydantic import BaseModel, SecretStr, TypeAdapter, ValidationError

from cloudcat.core import site_version
from cloudcat.core.documents import AppPluginConfig, Shop, ShopPlugin
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, FieldError, NotFound, PluginFailure
from cloudcat.core.oauth import OAuthFlows
from cloudcat.core.plugins import InstalledProvider, Plugins
from cloudcat.core.provider_services import ProviderServices
from cloudcat.core.providers import Provider, ProviderContext, ProviderKind, ShopInfo
from cloudcat.core.secrets import SecretBox, UndecryptableSecret
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.storage.retry import retry_transient

log = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 2000
OAUTH_METHODS = ("authorize_url", "exchange_code", "refresh")
"""The methods of `cloudcat.core.oauth.OAuthProvider`: a provider class defining them all
connects by one-click authorization."""


def connects_by_authorization(cls: type[Provider]) -> bool:
    """True when provider class `cls` implements the one-click authorization methods."""
    return all(callable(getattr(cls, method, None)) for method in OAUTH_METHODS)


def shop_info(shop: Shop) -> ShopInfo:
    return ShopInfo(
        id=str(shop.id),
        slug=shop.slug,
        name=shop.name,
        currency=shop.currency,
        locale=shop.locale,
        timezone=shop.timezone,
    )


def validation_field_errors(error: ValidationError, prefix: str = "config") -> list[FieldError]:
    """The field errors of a config `ValidationError`, each under `prefix` with its code."""
    return [
        FieldError.from_pydantic([prefix], item)
        for item in error.errors(include_url=False, include_input=False)
    ]


class ShopPlugins:
    """The plugin state of every shop, over one plugin manager and one database."""

    def __init__(
        self,
        plugins: Plugins,
        db: RawDatabase,
        secret_box: SecretBox,
        public_url: str,
        app_settings: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.plugins = plugins
        self.db = db
        self.secret_box = secret_box
        self.public_url = public_url
        self.app_settings = {k.lower(): dict(v) for k, v in (app_settings or {}).items()}
        """The settings' `[plugins.<name>]` tables: app-level values that win (read-only)."""

    # --- reading -------------------------------------------------------------------------

    def installed(self, name: str) -> InstalledProvider:
        provider = self.plugins.provider(name)
        if provider is None:
            raise NotFound(f"there is no plugin named {name!r}")
        return provider

    def states(self, shop_id: str | ObjectId) -> dict[str, ShopPlugin]:
        return {doc.name: doc for doc in ShopPlugin.objects(shop_id=ObjectId(shop_id))}

    def state(self, shop_id: str | ObjectId, name: str) -> ShopPlugin | None:
        result: ShopPlugin | None = ShopPlugin.objects(shop_id=ObjectId(shop_id), name=name).first()
        return result

    def enabled_names(self, shop_id: str | ObjectId) -> set[str]:
        docs = ShopPlugin.objects(shop_id=ObjectId(shop_id), enabled=True).only("name")
        return {doc.name for doc in docs if doc.name in self.plugins.providers}

    def public_config(self, state: ShopPlugin) -> dict[str, Any]:
        """The stored config without secrets (secret values never leave the server)."""
        return dict(state.config)

    def secrets_set(self, state: ShopPlugin) -> list[str]:
        return sorted(state.secrets)

    # --- app-level config (the operator's, for every shop) ---------------------------------

    def app_states(self) -> dict[str, AppPluginConfig]:
        """The operator's stored app-level config of every plugin that has one."""
        return {doc.name: doc for doc in AppPluginConfig.objects()}

    def app_state(self, name: str) -> AppPluginConfig | None:
        """The operator's stored app-level config of plugin `name`, if any."""
        found: AppPluginConfig | None = AppPluginConfig.objects(name=name).first()
        return found

    def app_from_settings(self, name: str) -> dict[str, Any]:
        """The app-level values of plugin `name` given by the settings (they win)."""
        fields = set(self.installed(name).cls.app_fields())
        return {k: v for k, v in self.app_settings.get(name, {}).items() if k in fields}

    def app_values(self, name: str, stored: AppPluginConfig | None) -> dict[str, Any]:
        """Every app-level value the operator set for plugin `name` (secrets decrypted):
        the stored ones (`stored`), overridden by the settings."""
        values: dict[str, Any] = {}
        if stored is not None:
            values.update(stored.config)
            values.update(self._decrypt_all(stored.secrets))
        values.update(self.app_from_settings(name))
        return values

    def operator_managed(self, name: str, stored: AppPluginConfig | None) -> list[str]:
        """Names of plugin `name`'s app-level fields the operator set (never the values)."""
        names = set(self.app_from_settings(name))
        if stored is not None:
            names |= set(stored.config) | set(stored.secrets)
        return sorted(names)

    @retry_transient
    def configure_app(
        self,
        name: str,
        config: Mapping[str, Any],
        secrets: Mapping[str, str | None] | None = None,
    ) -> AppPluginConfig:
        """Validate and store the operator's app-level values of plugin `name`, like
        `configure` does a shop's: `config` replaces the plain values; in `secrets` a value
        sets, None clears, absent keeps. Fields given by the settings cannot be set here."""
        cls = self.installed(name).cls
        app_fields = set(cls.app_fields())
        if not app_fields:
            raise BadInput(f"{cls.title} has no app-level settings")
        secret_names = app_fields & set(cls.secret_fields())
        fixed = set(self.app_from_settings(name))
        secrets = dict(secrets or {})
        errors = [
            FieldError(["config", n], "this field is secret: pass it in secrets")
            for n in sorted(secret_names & set(config))
        ]
        errors += [
            FieldError(["config", n], "this plugin has no such app-level field")
            for n in sorted(set(config) - app_fields)
        ]
        errors += [
            FieldError(["secrets", n], "this plugin has no such app-level secret")
            for n in sorted(set(secrets) - secret_names)
        ]
        errors += [
            FieldError([place, n], "set in the server's settings: change it there")
            for place, given in (("config", config), ("secrets", secrets))
            for n in sorted(fixed & set(given))
        ]
        if errors:
            raise BadInput(f"the app-level configuration of {name} is not valid", errors)
        public = {}
        for key, value in config.items():
            if value is not None:
                public[key] = self._validate_field(cls, key, value, "config")
        stored = self.app_state(name)
        encrypted = dict(stored.secrets) if stored else {}
        for key, secret in secrets.items():
            if secret is None:
                encrypted.pop(key, None)
            else:
                self._validate_field(cls, key, secret, "secrets")
                encrypted[key] = self.secret_box.encrypt(secret)
        AppPluginConfig.objects(name=name).update_one(
            set__config=public, set__secrets=encrypted, set__updated_at=utcnow(), upsert=True
        )
        found = self.app_state(name)
        assert found is not None
        return found

    @staticmethod
    def _validate_field(cls: type[Provider], key: str, value: Any, place: str) -> Any:
        """`value` validated as config field `key` of `cls`, in its JSON form."""
        info = cls.config_model.model_fields[key]
        field_type: Any = Annotated[info.annotation, info]
        adapter: TypeAdapter[Any] = TypeAdapter(field_type)
        try:
            valid = adapter.validate_python(value)
        except ValidationError as exc:
            problems = [
                FieldError.from_pydantic([place, key], item)
                for item in exc.errors(include_url=False, include_input=False)
            ]
            raise BadInput(
                f"the app-level configuration of {cls.name} is not valid", problems
            ) from exc
        if isinstance(valid, SecretStr):
            return valid.get_secret_value()
        return adapter.dump_python(valid, mode="json")

    # --- readiness ------------------------------------------------------------------------

    def not_ready(
        self,
        shop: Shop,
        name: str,
        state: ShopPlugin | None,
        is_connected: bool,
        stored_app: AppPluginConfig | None,
    ) -> str | None:
        """Why "Sync now" and "Check" cannot run for plugin `name` in `shop`, as a code
        (SHOP_SUSPENDED, DISABLED, NOT_CONFIGURED, NOT_CONNECTED), or None when they can."""
        installed = self.installed(name)
        if shop.suspended:
            return "SHOP_SUSPENDED"
        if state is None or not state.enabled:
            return "DISABLED"
        try:
            self.config_model(installed, state, self.app_values(name, stored_app))
        except PluginFailure:
            return "NOT_CONFIGURED"
        if connects_by_authorization(installed.cls) and not is_connected:
            return "NOT_CONNECTED"
        return None

    # --- changing ------------------------------------------------------------------------

    @retry_transient
    def _upsert(self, shop_id: str | ObjectId, name: str, **changes: Any) -> ShopPlugin:
        now = utcnow()
        updates = {f"set__{field}": value for field, value in changes.items()}
        ShopPlugin.objects(shop_id=ObjectId(shop_id), name=name).update_one(
            **updates, set__updated_at=now, set_on_insert__created_at=now, upsert=True
        )
        site_version.bump(ObjectId(shop_id), f"plugin {name} changed")
        state = self.state(shop_id, name)
        assert state is not None
        return state

    def set_enabled(self, shop_id: str | ObjectId, name: str, enabled: bool) -> ShopPlugin:
        self.installed(name)
        return self._upsert(shop_id, name, enabled=enabled)

    def configure(
        self,
        shop_id: str | ObjectId,
        name: str,
        config: Mapping[str, Any],
        secrets: Mapping[str, str | None] | None = None,
    ) -> ShopPlugin:
        """Validate and store a new config. Secrets: a value sets, None clears, absent keeps.

        Nothing is stored unless the whole config is valid; errors name each bad field.
        """
        provider = self.installed(name)
        secret_names = set(provider.cls.secret_fields())
        secrets = dict(secrets or {})
        misplaced = sorted(secret_names & set(config))
        if misplaced:
            raise BadInput(
                "secret fields go in `secrets`, not `config`",
                [
                    FieldError(["config", n], "this field is secret: pass it in secrets")
                    for n in misplaced
                ],
            )
        unknown = sorted(set(secrets) - secret_names)
        if unknown:
            raise BadInput(
                "unknown secret fields",
                [FieldError(["secrets", n], "this plugin has no such secret") for n in unknown],
            )
        stored_app = self.app_state(name)
        managed = set(self.operator_managed(name, stored_app))
        taken = [(p, n) for p, given in (("config", config), ("secrets", secrets)) for n in given]
        if any(n in managed for _, n in taken):
            raise BadInput(
                "the operator sets these fields for every shop",
                [FieldError([p, n], "set by the operator") for p, n in taken if n in managed],
            )
        app = self.app_values(name, stored_app)
        state = self.state(shop_id, name)
        stored_secrets = dict(state.secrets) if state else {}
        plain_secrets = self._decrypt_all(stored_secrets)
        for key, value in secrets.items():
            if value is None:
                plain_secrets.pop(key, None)
            else:
                plain_secrets[key] = value
        try:
            model = provider.cls.config_model.model_validate({**config, **plain_secrets, **app})
        except ValidationError as exc:
            raise BadInput(
                f"the configuration of {name} is not valid", validation_field_errors(exc)
            ) from exc
        public = model.model_dump(mode="json", exclude=secret_names | managed)
        encrypted = {
            key: (
                stored_secrets[key]
                if key in stored_secrets and key not in secrets
                else self.secret_box.encrypt(value)
            )
            for key, value in plain_secrets.items()
        }
        return self._upsert(shop_id, name, config=public, secrets=encrypted)

    def _decrypt_all(self, encrypted: Mapping[str, str]) -> dict[str, str]:
        plain = {}
        for key, token in encrypted.items():
            try:
                plain[key] = self.secret_box.decrypt(token)
            except UndecryptableSecret:
                log.warning("dropping undecryptable secret %s", key)
        return plain

    # --- health ---------------------------------------------------------------------------

    @retry_transient
    def record_error(self, shop_id: str | ObjectId, name: str, error: BaseException) -> None:
        message = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
        if isinstance(error, PluginFailure):
            message = str(error)[:MAX_ERROR_LENGTH]
        log.warning("plugin %s failed for shop %s: %s", name, shop_id, message)
        ShopPlugin.objects(shop_id=ObjectId(shop_id), name=name).update_one(
            set__health="error", set__last_error=message, set__last_error_at=utcnow()
        )

    @retry_transient
    def record_ok(self, shop_id: str | ObjectId, name: str) -> None:
        ShopPlugin.objects(shop_id=ObjectId(shop_id), name=name, health__ne="ok").update_one(
            set__health="ok"
        )

    # --- using ----------------------------------------------------------------------------

    def provider(self, shop: Shop, name: str, *, require_enabled: bool = True) -> Provider:
        """Build the provider `name` for `shop` with its validated, decrypted config."""
        installed = self.installed(name)
        state = self.state(shop.id, name)
        if require_enabled and (state is None or not state.enabled):
            raise BadInput(f"the plugin {name!r} is not enabled in this shop")
        config = self.config_model(installed, state)
        context = ProviderContext(
            shop=shop_info(shop),
            config=config,
            db=self.db,
            public_url=self.public_url,
            log=logging.getLogger(f"cloudcat.plugin.{name}"),
            services=ProviderServices(self, self.db, shop.id, name),
        )
        built = installed.cls(context)
        if connects_by_authorization(installed.cls):
            context.access_token = self._token_source(shop, name, built)
        return built

    def _token_source(self, shop: Shop, name: str, built: Provider) -> Callable[[], str]:
        """The `ProviderContext.access_token` of provider `name` (instance `built`) in `shop`."""
        flows = OAuthFlows(self)

        def access_token() -> str:
            return flows.access_token(shop, name, built)

        return access_token

    def config_model(
        self,
        installed: InstalledProvider,
        state: ShopPlugin | None,
        app: Mapping[str, Any] | None = None,
    ) -> BaseModel:
        """The effective config of `installed` in a shop (`state`): the shop's values, with
        the operator's app-level values over them (`app`: read when None)."""
        values: dict[str, Any] = {}
        if state is not None:
            values.update(state.config)
            values.update(self._decrypt_all(state.secrets))
        if app is None:
            stored = self.app_state(installed.name) if installed.cls.app_fields() else None
            app = self.app_values(installed.name, stored)
        values.update(app)
        try:
            return installed.cls.config_model.model_validate(values)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e.path[1:]))}: {e.message}"
                for e in validation_field_errors(exc)
            )
            raise PluginFailure(f"{installed.name} is not fully configured: {problems}") from exc

    def enabled_providers(self, shop: Shop, kind: ProviderKind) -> Iterator[Provider]:
        """Build every enabled provider of `kind` for `shop`; one that cannot be built is
        recorded as an error and skipped."""
        for name in sorted(self.enabled_names(shop.id)):
            if self.plugins.providers[name].kind is not kind:
                continue
            try:
                yield self.provider(shop, name)
            except PluginFailure as exc:
                self.record_error(shop.id, name, exc)

    def call_observers(self, shop: Shop, hook_name: str, **kwargs: Any) -> None:
        """Call observer hook `hook_name` for the plugins enabled in `shop`, each isolated.

        The hook receives `shop` (as `ShopInfo`) plus `kwargs`."""
        enabled = self.enabled_names(shop.id)
        enabled_plugins = self.plugins.modules_of(enabled)
        manager = self.plugins.manager
        disabled = [
            plugin
            for plugin_name, plugin in manager.list_name_plugin()
            if plugin_name not in enabled_plugins
        ]
        caller = manager.subset_hook_caller(hook_name, remove_plugins=disabled)
        for impl in caller.get_hookimpls():
            try:
                impl.function(shop=shop_info(shop), **kwargs)
            except Exception as exc:
                for provider_name in enabled:
                    if self.plugins.providers[provider_name].plugin == impl.plugin_name:
                        self.record_error(shop.id, provider_name, exc)
