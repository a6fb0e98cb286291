"""The four provider kinds plugins register: marketplace sources, channel publishers, themes and
analytics sinks.

A provider class declares who it is (name, title, description, version), which CloudCat versions
it works with, its config model (pydantic; the JSON Schema drives the admin form; fields typed
`SecretStr` are secrets: encrypted at rest and never returned by any API) and its capabilities.
An instance is made per use, for one shop, with that shop's validated config.
"""

from __future__ import annotations

import json
import logging
import re
import weakref
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, SecretStr

from cloudcat.core.storage.database import RawDatabase

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,48}$")


class ProviderKind(StrEnum):
    MARKETPLACE_SOURCE = "marketplace_source"
    CHANNEL_PUBLISHER = "channel_publisher"
    THEME = "theme"
    ANALYTICS_SINK = "analytics_sink"


class NoConfig(BaseModel):
    """The config model of a provider that needs no settings."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class ShopInfo:
    """What a provider may know about the shop it works for."""

    id: str
    slug: str
    name: str
    currency: str
    locale: str
    timezone: str


@dataclass
class ProviderContext:
    """Everything a provider instance gets: its shop, its config, the database, a logger."""

    shop: ShopInfo
    config: BaseModel
    db: RawDatabase
    public_url: str
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("cloudcat.plugin"))


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


@dataclass
class ProductRecord:
    """One product as a source reports it."""

    external_id: str
    title: str
    price: Decimal
    currency: str
    description: str = ""
    image_urls: list[str] = field(default_factory=list)
    url: str = ""
    status: str = "active"


@dataclass
class RejectedRecord:
    """A source record that could not be read, with the reason."""

    reference: str
    reason: str


class MarketplaceSource(Provider):
    """Reads a shop's catalog from a marketplace (or a feed)."""

    kind = ProviderKind.MARKETPLACE_SOURCE

    @abstractmethod
    def iter_products(self) -> Iterator[ProductRecord | RejectedRecord]:
        """Yield every product of the shop, or a rejection for a record that cannot be read."""


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


@dataclass
class StorefrontPage:
    """What a theme renders a page from."""

    shop: ShopInfo
    products: Sequence[dict[str, Any]]
    base_url: str


class Theme(Provider):
    """Renders a shop's public marketing site."""

    kind = ProviderKind.THEME

    @abstractmethod
    def render_home(self, page: StorefrontPage) -> str:
        """Return the HTML of the shop's home page."""


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
