"""The four provider kinds plugins register: marketplace sources, channel publishers, themes and
analytics sinks.

A provider class declares who it is (name, title, description, version), which CloudCat versions
it works with, its config model (pydantic; the JSON Schema drives the admin form; fields typed
`SecretStr` are secrets: encrypted at rest and never returned by any API) and its capabilities.
An instance is made per use, for one shop, with that shop's validated config.

The records marketplace sources yield live in `cloudcat.core.sources` (re-exported by
`cloudcat.core.plugin_api`).
"""

from __future__ import annotations

import json
import logging
import re
import weakref
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, SecretStr

from cloudcat.core.errors import PluginFailure
from cloudcat.core.i18n import I18N_KEY, localize_schema, pick
from cloudcat.core.sources import (
    CategoryStream,
    Change,
    EntityKind,
    OrderStream,
    ProductStream,
    PromotionStream,
    SourceCapability,
    SourceStream,
    SourceUnsupported,
)
from cloudcat.core.storage.database import RawDatabase

if TYPE_CHECKING:
    from cloudcat.core.plugin_state import ProviderState
    from cloudcat.core.ratelimit import RateLimit, ShopBudget

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,48}$")
APP_LEVEL_KEY = "x-app-level"
"""Marks a config field as app-level (`Field(json_schema_extra={APP_LEVEL_KEY: True})`): its
value belongs to whoever runs the deployment (e.g. a marketplace app's key and secret), set
once by the operator for every shop; a shop sets it only while the operator has not."""


class ProviderKind(StrEnum):
    MARKETPLACE_SOURCE = "marketplace_source"
    CHANNEL_PUBLISHER = "channel_publisher"
    THEME = "theme"
    ANALYTICS_SINK = "analytics_sink"


class NoConfig(BaseModel):
    """The config model of a provider that needs no settings."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={I18N_KEY: {"zh-CN": {"description": "此插件无需设置。"}}},
    )


@dataclass(frozen=True)
class ShopInfo:
    """What a provider may know about the shop it works for."""

    id: str
    slug: str
    name: str
    currency: str
    locale: str
    timezone: str


@dataclass(frozen=True)
class AuthorizedAccount:
    """The marketplace account a shop's seller authorized a provider with: its id and name
    there (empty when the marketplace did not say) and when it was connected."""

    account_id: str
    account_name: str
    connected_at: datetime | None = None


class ShopServices(Protocol):
    """What CloudCat does for a provider in its shop (made by `ShopPlugins.provider`)."""

    @property
    def state(self) -> ProviderState:
        """The plugin's small per-shop key/value store."""
        ...

    def authorized_account(self) -> AuthorizedAccount | None:
        """The shop's stored authorization of this provider, or None when not connected."""
        ...

    def forget_authorization(self, reason: str, stored_before: datetime | None = None) -> None:
        """Delete the shop's authorization of this provider and mark the plugin failed."""
        ...

    def call_budget(self, key: str, limit: RateLimit) -> ShopBudget:
        """The shop's share of the plugin's shared call budget `key` (of at most `limit`)."""
        ...


@dataclass
class ProviderContext:
    """Everything a provider instance gets: its shop, its config, a logger, and (through
    `services`) what CloudCat does for it in that shop.

    `access_token` is set (by `ShopPlugins.provider`) for providers that connect by one-click
    authorization (`cloudcat.core.oauth.OAuthProvider`): calling it returns a working access
    token of this shop's authorization, refreshed first when it is about to expire, and raises
    `cloudcat.core.oauth.AuthorizationExpired` (whose message tells the seller to reconnect)
    when there is none that works. Call it before each batch of requests rather than keeping
    the token: it is cheap (one indexed read) and follows refreshes by other workers.

    Sources never touch the database: they keep what they remember in `state` and draw on
    their marketplace app's call budget through `call_budget`; no built-in source reads `db`.
    `db` is there only for plugins whose job is storing data in CloudCat's own database, such
    as the built-in event store (an analytics sink).
    """

    shop: ShopInfo
    config: BaseModel
    db: RawDatabase
    public_url: str
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("cloudcat.plugin"))
    access_token: Callable[[], str] | None = None
    services: ShopServices | None = None

    def _services(self) -> ShopServices:
        if self.services is None:
            raise PluginFailure(f"the provider of shop {self.shop.id} was built without services")
        return self.services

    @property
    def state(self) -> ProviderState:
        """A small key/value store of this plugin in this shop: `get(key)`, `set(key, value)`
        (JSON values of at most `cloudcat.core.plugin_state.MAX_VALUE_BYTES`)."""
        return self._services().state

    def authorized_account(self) -> AuthorizedAccount | None:
        """The marketplace account this shop authorized (one-click authorization), or None."""
        return self._services().authorized_account()

    def forget_authorization(self, reason: str, stored_before: datetime | None = None) -> None:
        """Forget this shop's authorization and report the plugin unhealthy with `reason`
        (shown to the seller: say why, and that they must reconnect). For a marketplace that
        says the app was uninstalled or the authorization revoked. With `stored_before` (when
        the refused token was read), an authorization stored after it (the seller reconnected
        meanwhile) is kept."""
        self._services().forget_authorization(reason, stored_before)

    def call_budget(self, key: str, limit: RateLimit) -> ShopBudget:
        """This shop's share of a call budget shared by every shop and worker of the plugin.

        `key` names the budget within the plugin (e.g. the marketplace app's key: every shop
        using that app draws on one budget), `limit` its rate and burst. While several shops
        call, each gets a fair share; alone, a shop gets it all (`cloudcat.core.ratelimit`).
        Pass the result to `http_session(budget=...)` or call its `acquire()` before each call.
        """
        return self._services().call_budget(key, limit)


_CONFIG_SCHEMAS: weakref.WeakKeyDictionary[type[Provider], tuple[type[BaseModel], str]] = (
    weakref.WeakKeyDictionary()
)
"""`Provider.config_schema` per provider class: the config model it was built from, and the
schema as JSON text. Keyed by the class itself (a subclass never sees its base's entry), and
weakly, so that classes made on the fly (tests) do not stay alive."""


class Provider(ABC):
    """Base of all providers. Subclass one of the four kinds below, not this."""

    kind: ClassVar[ProviderKind]
    name: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str] = ""
    version: ClassVar[str] = "0.0.0"
    requires_cloudcat: ClassVar[str] = ">=0.1"
    capabilities: ClassVar[frozenset[str]] = frozenset()
    config_model: ClassVar[type[BaseModel]] = NoConfig
    title_i18n: ClassVar[Mapping[str, str]] = {}
    """`title` in other locales, e.g. ``{"zh-CN": "淘宝 / 天猫"}``."""
    description_i18n: ClassVar[Mapping[str, str]] = {}
    """`description` in other locales."""

    def __init__(self, context: ProviderContext) -> None:
        self.context = context
        self.config = context.config

    @classmethod
    def secret_fields(cls) -> list[str]:
        """Names of config fields typed `SecretStr` (or `SecretStr | None`)."""
        found = []
        for name, info in cls.config_model.model_fields.items():
            annotation = info.annotation
            members = getattr(annotation, "__args__", (annotation,))
            if SecretStr in members:
                found.append(name)
        return found

    @classmethod
    def app_fields(cls) -> list[str]:
        """Names of the app-level config fields (marked with `APP_LEVEL_KEY`)."""
        return [
            name
            for name, info in cls.config_model.model_fields.items()
            if isinstance(info.json_schema_extra, dict)
            and info.json_schema_extra.get(APP_LEVEL_KEY)
        ]

    @classmethod
    def title_in(cls, locale: str) -> str:
        """The title in `locale` (the English `title` when the plugin gives none)."""
        return pick(cls.title_i18n, locale, cls.title)

    @classmethod
    def description_in(cls, locale: str) -> str:
        """The description in `locale` (the English `description` when none)."""
        return pick(cls.description_i18n, locale, cls.description)

    @classmethod
    def localized_config_schema(
        cls, locale: str, *, only: Iterable[str] | None = None, without: Iterable[str] = ()
    ) -> dict[str, Any]:
        """`config_schema` in `locale`, keeping the fields in `only` (all when None) and
        leaving out those in `without` (also from `required`)."""
        schema = localize_schema(cls.config_schema(), locale)
        properties: dict[str, Any] = schema.get("properties", {})
        keep = set(properties if only is None else only) - set(without)
        schema["properties"] = {k: v for k, v in properties.items() if k in keep}
        if "required" in schema:
            schema["required"] = [k for k in schema["required"] if k in keep]
        return schema

    @classmethod
    def config_schema(cls) -> dict[str, Any]:
        """The config JSON Schema, with secret fields marked `writeOnly` for the admin form.

        Built once per provider class (and config model) and kept as JSON text: each call
        returns a fresh copy decoded from it, which the caller may change freely.
        """
        cached = _CONFIG_SCHEMAS.get(cls)
        if cached is None or cached[0] is not cls.config_model:
            cached = (cls.config_model, json.dumps(cls._build_config_schema()))
            _CONFIG_SCHEMAS[cls] = cached
        schema: dict[str, Any] = json.loads(cached[1])
        return schema

    @classmethod
    def _build_config_schema(cls) -> dict[str, Any]:
        """Build the JSON Schema of `config_schema` from the config model (uncached)."""
        schema = cls.config_model.model_json_schema()
        for name in cls.secret_fields():
            prop = schema.get("properties", {}).get(name)
            if prop is not None:
                prop["writeOnly"] = True
                prop.pop("default", None)
        return schema

    def check(self) -> str:
        """Health check: return a short description of what works, raise on a problem."""
        return "configuration is valid"


# --- marketplace sources -------------------------------------------------------------------


class MarketplaceSource(Provider):
    """Reads one shop's catalog, promotions and orders from a marketplace (or a feed).

    A source only *reads*: it yields the records of `cloudcat.core.sources`, and the sync
    engine (`cloudcat.core.catalog`) validates, stores and reconciles them, keeps the ledger
    and tells observers. One instance is built per sync run (or webhook delivery) for one shop,
    with that shop's validated config in `self.config` and its `ShopInfo` in
    `self.context.shop`.

    **Capabilities.** List what the source supports in `capabilities` (values of
    `SourceCapability`): ``products`` (always), ``categories``, ``promotions``, ``orders``,
    ``incremental``, ``change_messages``, ``webhooks``, ``oauth``. The engine calls only the
    methods the capabilities name; the defaults below raise `SourceUnsupported`.

    **The iterators** (`iter_products`, `iter_categories`, `iter_promotions`, `iter_orders`)
    are generators called by every sync run, one after the other in that order:

    * ``since=None`` asks for *everything* (a full sync or a reconciliation pass); objects the
      source has but does not yield are then taken as gone from the marketplace (products and
      categories are delisted, promotions deleted; orders are never removed that way). So
      never yield a partial listing for ``since=None``: raise instead.
    * ``since=<datetime>`` (only with the ``incremental`` capability) asks for the objects
      modified at or after that time (the engine already subtracted `incremental_overlap`
      from its watermark, so small clock differences are covered). Yielding more is harmless.
    * ``checkpoint=<token>`` resumes an interrupted run: go on after the `Checkpoint` with
      that token (same `since`). Yield a `Checkpoint` after each page or batch; the engine
      persists it once everything before it is stored. A source that yields none is simply
      restarted from the beginning, which is correct, only slower.
    * Yield a `RejectedRecord` for an object that cannot be read (never raise for one bad
      object), `Deleted` for one known to be deleted, and optionally an `ExpectedTotal`
      first for "n of N" progress.
    * Raise `SourceAuthExpired` when the marketplace refuses the authorization, and
      `SourceRateLimited` (with `retry_after`) when its rate limit persists after the
      source's own retries; any other exception fails the run as a `PluginFailure`. What was
      stored before stays stored, and the next run resumes from the last checkpoint.

    **Change messages** (``change_messages``, e.g. Taobao TMC): the engine calls
    `poll_changes` repeatedly at the start of every incremental run, applies each batch
    (reading records it lacks with `fetch`) and then calls `confirm` with the ids it has
    stored, so an unconfirmed message is delivered again after a crash.

    **Webhooks** (``webhooks``): CloudCat serves ``POST /webhooks/<source name>/<shop id>``;
    each delivery is handed to `verify_webhook`, and the changes it returns are applied at
    once. Register that URL with the marketplace (its full form is
    ``{context.public_url}/webhooks/{name}/{context.shop.id}``).
    """

    kind = ProviderKind.MARKETPLACE_SOURCE
    capabilities: ClassVar[frozenset[str]] = frozenset({SourceCapability.PRODUCTS.value})
    incremental_overlap: ClassVar[timedelta] = timedelta(minutes=5)
    """How far before its last watermark an incremental sync asks from (clock skew, late
    commits on the marketplace side)."""
    reconcile_interval: ClassVar[timedelta] = timedelta(hours=24)
    """How often a planned sync is a reconciliation pass (a full listing that catches what
    incremental syncs and change messages missed) instead of an incremental one."""
    change_batch_size: ClassVar[int] = 100
    """How many change messages `poll_changes` is asked for (and ids `fetch` is given) at a
    time."""
    confirms_absent: ClassVar[bool] = False
    """Whether the objects a complete listing left out are read with `fetch` before they are
    delisted: for a source whose listings cover every object it has, so that one gone from
    the marketplace is deleted (as its change message would say) and not merely delisted."""

    @abstractmethod
    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """Yield the shop's products (`ProductRecord`, with variants) and markers.

        Called by every sync run. See the class docstring for `since`, `checkpoint`, the
        markers and the errors to raise.
        """

    def iter_categories(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> CategoryStream:
        """Yield the shop's categories and collections (`CategoryRecord`) and markers.

        Called by every sync run, before the products, with the ``categories`` capability.
        """
        raise SourceUnsupported(f"the {self.name} source does not sync categories")

    def iter_promotions(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> PromotionStream:
        """Yield the shop's promotions (`PromotionRecord`), current and scheduled, and markers.

        Called by every sync run, after the products, with the ``promotions`` capability.
        Ended promotions may be left out: on a full sync they are then marked deleted.
        """
        raise SourceUnsupported(f"the {self.name} source does not sync promotions")

    def iter_orders(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> OrderStream:
        """Yield the shop's orders (`OrderRecord`) and markers.

        Called by every sync run, last, with the ``orders`` capability. A source may bound a
        ``since=None`` listing to the period the marketplace allows (e.g. three months):
        orders are never removed because a listing leaves them out.
        """
        raise SourceUnsupported(f"the {self.name} source does not sync orders")

    def fetch(self, entity: EntityKind, external_ids: Sequence[str]) -> SourceStream:
        """Yield the current record of each of `external_ids` (of kind `entity`).

        Called while applying change messages or webhooks that carry no full record (with
        the ``change_messages`` or ``webhooks`` capability), with at most
        `change_batch_size` ids at a time. Yield `Deleted` for an id that no longer exists, a
        record with status ``delisted`` for one off the shelf, and `RejectedRecord` for one
        that cannot be read; an id not answered at all is recorded as failed.
        """
        raise SourceUnsupported(f"the {self.name} source cannot fetch objects by id")

    def poll_changes(self, limit: int) -> list[Change]:
        """Return up to `limit` pending change messages, oldest first ([] when none).

        Called repeatedly at the start of each incremental run (``change_messages``
        capability) until it returns an empty list or the run's budget is spent. Messages
        must stay pending on the marketplace until `confirm` acknowledges them.
        """
        raise SourceUnsupported(f"the {self.name} source has no change messages")

    def confirm(self, change_ids: Sequence[str]) -> None:
        """Acknowledge change messages `change_ids` so the marketplace stops resending them.

        Called after the changes of a `poll_changes` batch are stored (also those that were
        rejected, which are recorded in the ledger). Raise on failure: the messages will
        then simply be delivered again, and applying them twice changes nothing.
        """
        raise SourceUnsupported(f"the {self.name} source has no change messages")

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> list[Change]:
        """Check a webhook delivery's signature and return the changes it announces.

        Called for each ``POST /webhooks/<name>/<shop id>`` (``webhooks`` capability) with
        the request headers (names lower-cased) and the raw body, before anything else reads
        it. Raise `WebhookRejected` when the signature (or anything else identifying the
        sender) does not verify: the delivery is refused with 401 and changes nothing. Return
        [] for deliveries that announce nothing (pings, topics the source ignores).
        """
        raise SourceUnsupported(f"the {self.name} source does not accept webhooks")


# --- channel publishers --------------------------------------------------------------------


@dataclass
class OutgoingMessage:
    """Content to publish on a channel."""

    id: str
    title: str
    body: str
    url: str = ""
    image_urls: list[str] = field(default_factory=list)


@dataclass
class PublishResult:
    """What a channel answered: its id for the post and, if any, a public URL."""

    external_id: str
    url: str = ""


class ChannelPublisher(Provider):
    """Publishes content to a social channel or endpoint."""

    kind = ProviderKind.CHANNEL_PUBLISHER

    @abstractmethod
    def publish(self, message: OutgoingMessage) -> PublishResult:
        """Publish `message`; raise with a clear message when the channel refuses it."""


# --- themes --------------------------------------------------------------------------------


THEME_TEMPLATES = (
    "home.html",
    "collection.html",
    "product.html",
    "search.html",
    "page.html",
    "campaign.html",
    "article.html",
    "articles.html",
    "404.html",
    "unavailable.html",
)
"""The page templates the core renders (a theme that lacks one gets the default theme's)."""


class Theme(Provider):
    """Renders a shop's public marketing site from Jinja2 templates.

    The core renders the pages (`cloudcat.core.site`): it picks the template by page kind from
    `template_dir` (falling back to the default theme's for any the theme does not have),
    renders it in a sandboxed, autoescaping Jinja2 environment with the page's data, and
    serves `static_dir` under ``/s/<slug>/assets/<theme name>/``. Content blocks are drawn by
    ``blocks/<type>.html`` for each type in `block_types`; other block types are skipped.
    The config model holds the theme settings the seller edits (colours, logo, fonts); the
    templates see them as ``settings``.
    """

    kind = ProviderKind.THEME
    template_dir: ClassVar[Path]
    """The folder of the theme's templates (`THEME_TEMPLATES`, a base layout, ``blocks/``)."""
    static_dir: ClassVar[Path | None] = None
    """The folder of the theme's static files (CSS, images, fonts), or None."""
    block_types: ClassVar[frozenset[str]] = frozenset()
    """The content block types the theme draws (each as ``blocks/<type>.html``)."""
    in_app: ClassVar[bool] = False
    """True for a theme made for in-app browsers (WeChat, Weibo): when a shop enables it next
    to another theme, links opened inside those apps get it."""

    def settings(self) -> dict[str, Any]:
        """The theme settings as the templates see them (the config, as JSON values)."""
        return self.config.model_dump(mode="json")


# --- analytics sinks -----------------------------------------------------------------------


@dataclass
class TrackedEvent:
    """One shopper footprint, as collected first-party."""

    id: str
    type: str
    occurred_at: datetime
    anonymous_id: str
    properties: dict[str, Any] = field(default_factory=dict)
    member_id: str | None = None
    url: str = ""


class AnalyticsSink(Provider):
    """Receives tracked events (an event store, GA4, a webhook...)."""

    kind = ProviderKind.ANALYTICS_SINK

    @abstractmethod
    def deliver(self, events: Iterable[TrackedEvent]) -> int:
        """Deliver `events`; return how many were accepted. Must be idempotent by event id."""


PROVIDER_BASES: dict[ProviderKind, type[Provider]] = {
    ProviderKind.MARKETPLACE_SOURCE: MarketplaceSource,
    ProviderKind.CHANNEL_PUBLISHER: ChannelPublisher,
    ProviderKind.THEME: Theme,
    ProviderKind.ANALYTICS_SINK: AnalyticsSink,
}
