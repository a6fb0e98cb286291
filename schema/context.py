"""The per-request GraphQL context: who is asking, the services, and per-request DataLoaders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from cloudcat.core.auth import Viewer
from cloudcat.core.documents import Shop, User
from cloudcat.core.errors import Unauthenticated
from cloudcat.core.i18n import negotiate_locale
from cloudcat.core.services import Services
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.schema.catalog.loaders import (
    CatalogKey,
    load_categories,
    load_running_promotions,
)


def _load_users(ids: list[ObjectId]) -> list[User | None]:
    found = {user.id: user for user in User.objects(id__in=ids)}
    return [found.get(i) for i in ids]


@dataclass
class Loaders:
    """DataLoaders made fresh per request, so no resolver queries once per row."""

    users: DataLoader[ObjectId, User | None] = field(
        default_factory=lambda: DataLoader(
            load_fn=lambda ids: run_in_threadpool(_load_users, list(ids))
        )
    )
    categories: DataLoader[CatalogKey, dict[str, Any] | None] = field(
        default_factory=lambda: DataLoader(
            load_fn=lambda keys: run_in_threadpool(load_categories, list(keys))
        )
    )
    running_promotions: DataLoader[CatalogKey, list[dict[str, Any]]] = field(
        default_factory=lambda: DataLoader(
            load_fn=lambda keys: run_in_threadpool(load_running_promotions, list(keys))
        )
    )


@dataclass
class Cookie:
    """A cookie change the HTTP layer applies to the response."""

    name: str
    value: str
    max_age: int


@dataclass
class Context:
    """What every resolver reaches as `info.context`."""

    request: Request
    services: Services
    viewer: Viewer = field(default_factory=Viewer)
    storefront_shop: Shop | None = None
    loaders: Loaders = field(default_factory=Loaders)
    cookies: list[Cookie] = field(default_factory=list)
    charge_cost: Callable[[int], None] | None = None
    """Spends an operation's measured cost from the caller's budget (storefront keys)."""

    @property
    def shop_plugins(self) -> ShopPlugins:
        return self.services.shop_plugins

    @property
    def locale(self) -> str:
        """The locale the caller reads (its ``Accept-Language``: zh-CN or en)."""
        return negotiate_locale(self.request.headers.get("accept-language"))

    def storefront(self) -> Shop:
        if self.storefront_shop is None:
            raise Unauthenticated("a storefront key is required")
        return self.storefront_shop


AppInfo = Info[Context, Any]
