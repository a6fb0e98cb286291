"""What the operator of a deployment does: grant the role, suspend and resume shops, and see
every shop's sources and plugin errors at a glance.

Used by the `cloudcat operator` commands and the operator's GraphQL fields alike. The health
overview is read in batches: one query per collection for a whole page of shops.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bson import ObjectId

from cloudcat.core import site_version
from cloudcat.core.auth import StorefrontKeyCache
from cloudcat.core.documents import (
    OAuthConnection,
    Shop,
    ShopPlugin,
    SourceSyncState,
    User,
)
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, NotFound
from cloudcat.core.oauth import connected
from cloudcat.core.plugins import Plugins
from cloudcat.core.providers import ProviderKind
from cloudcat.core.tenancy import connects_by_authorization

MAX_REASON_LENGTH = 500


def set_operator(email: str, operator: bool) -> User:
    """Grant (or revoke) the operator role of the user with `email`."""
    user: User | None = User.objects(email=email.strip().lower()).first()
    if user is None:
        raise NotFound(f"there is no user with the email {email!r}")
    User.objects(id=user.id).update_one(set__is_operator=operator)
    user.reload()
    return user


def find_shop(key: str | ObjectId) -> Shop:
    """The shop with id or slug `key`."""
    shop: Shop | None = None
    if ObjectId.is_valid(str(key)):
        shop = Shop.objects(id=ObjectId(str(key))).first()
    if shop is None:
        shop = Shop.objects(slug=str(key)).first()
    if shop is None:
        raise NotFound(f"no shop with id or slug {str(key)!r}")
    return shop


def suspend(shop: Shop, reason: str | None) -> Shop:
    """Suspend `shop`: its site and storefront API answer SHOP_SUSPENDED, its jobs wait and
    sellers cannot change it. Nothing is deleted; `resume` undoes it."""
    text = (reason or "").strip()
    if len(text) > MAX_REASON_LENGTH:
        raise BadInput(f"the reason may have at most {MAX_REASON_LENGTH} characters")
    Shop.objects(id=shop.id).update_one(
        set__suspended=True, set__suspended_reason=text or None, set__suspended_at=utcnow()
    )
    StorefrontKeyCache.forget_shop(shop.id)
    site_version.bump(shop.id, "shop suspended or resumed")
    shop.reload()
    return shop


def resume(shop: Shop) -> Shop:
    """Resume a suspended `shop`: everything works again as before."""
    Shop.objects(id=shop.id).update_one(
        set__suspended=False, unset__suspended_reason=True, unset__suspended_at=True
    )
    StorefrontKeyCache.forget_shop(shop.id)
    site_version.bump(shop.id, "shop suspended or resumed")
    shop.reload()
    return shop


def suspended_shop_ids() -> list[ObjectId]:
    """The ids of every suspended shop (the job worker skips their jobs)."""
    return [shop.id for shop in Shop.objects(suspended=True).only("id")]


@dataclass
class SourceState:
    """One marketplace source as one shop uses it."""

    plugin: str
    enabled: bool
    connected: bool
    health: str
    last_error: str | None
    last_sync_at: datetime | None
    last_sync_state: str | None


@dataclass
class PluginError:
    """A plugin of a shop whose last check or run failed."""

    plugin: str
    last_error: str
    last_error_at: datetime | None


@dataclass
class ShopHealth:
    """A shop with its sources' state and its plugins' errors."""

    shop: Shop
    sources: list[SourceState] = field(default_factory=list)
    plugin_errors: list[PluginError] = field(default_factory=list)


def _latest(*moments: datetime | None) -> datetime | None:
    known = [m for m in moments if m is not None]
    return max(known) if known else None


def shops_health(plugins: Plugins, shops: Iterable[Shop]) -> list[ShopHealth]:
    """The health of each of `shops`: three queries in all, whatever their number."""
    rows = list(shops)
    ids = [shop.id for shop in rows]
    states: dict[ObjectId, dict[str, ShopPlugin]] = {i: {} for i in ids}
    for doc in ShopPlugin.objects(shop_id__in=ids):
        states[doc.shop_id][doc.name] = doc
    links: dict[ObjectId, dict[str, OAuthConnection]] = {i: {} for i in ids}
    for link in OAuthConnection.objects(shop_id__in=ids):
        links[link.shop_id][link.plugin] = link
    syncs: dict[ObjectId, dict[str, SourceSyncState]] = {i: {} for i in ids}
    for sync in SourceSyncState.objects(shop_id__in=ids):
        syncs[sync.shop_id][sync.source] = sync
    sources = sorted(
        name
        for name, installed in plugins.providers.items()
        if installed.kind is ProviderKind.MARKETPLACE_SOURCE
    )
    result = []
    for shop in rows:
        health = ShopHealth(shop=shop)
        for name in sources:
            doc, link, sync = (
                states[shop.id].get(name),
                links[shop.id].get(name),
                syncs[shop.id].get(name),
            )
            if doc is None and link is None and sync is None:
                continue  # a source this shop never used
            by_authorization = connects_by_authorization(plugins.providers[name].cls)
            health.sources.append(
                SourceState(
                    plugin=name,
                    enabled=bool(doc and doc.enabled),
                    connected=connected(link) if by_authorization else bool(doc and doc.enabled),
                    health=doc.health if doc else "unknown",
                    last_error=doc.last_error if doc and doc.health == "error" else None,
                    last_sync_at=_latest(sync.last_success_at, sync.last_error_at)
                    if sync
                    else None,
                    last_sync_state=sync.last_run_status.upper()
                    if sync and sync.last_run_status
                    else None,
                )
            )
        for name, doc in sorted(states[shop.id].items()):
            if doc.health == "error" and name in plugins.providers:
                health.plugin_errors.append(
                    PluginError(
                        plugin=name,
                        last_error=doc.last_error or "failed",
                        last_error_at=doc.last_error_at,
                    )
                )
        result.append(health)
    return result


def problem_shop_ids() -> list[ObjectId]:
    """Shops needing a look: suspended, a plugin in error, or a last sync that failed."""
    found: set[ObjectId] = set(suspended_shop_ids())
    found |= set(ShopPlugin.objects(health="error").distinct("shop_id"))
    found |= set(SourceSyncState.objects(last_run_status="failed").distinct("shop_id"))
    return sorted(found)


def find_shops(
    search: str | None, after: ObjectId | None, limit: int, problems_only: bool
) -> list[Shop]:
    """Up to `limit` shops in id order after `after`, whose slug or name contains `search`,
    only those with problems when `problems_only`."""
    query: dict[str, Any] = {}
    if after is not None:
        query["_id"] = {"$gt": after}
    if problems_only:
        query.setdefault("_id", {})["$in"] = problem_shop_ids()
    needle = (search or "").strip()
    if needle:
        pattern = re.escape(needle)
        query["$or"] = [
            {"slug": {"$regex": pattern, "$options": "i"}},
            {"name": {"$regex": pattern, "$options": "i"}},
        ]
    return list(Shop.objects(__raw__=query).order_by("id").limit(limit))
