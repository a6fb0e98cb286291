"""The admin home page's data: the shop's onboarding checklist, its site's address and the
numbers that exist so far (published products, the last sync, published content pages).

Every step is computed from what is stored, with flat shop-scoped queries that the collections'
indexes serve (`(shop_id, status, owned.published, _id)` for products, `(shop_id, -started_at)`
for sync runs, `(shop_id, source)` for sync states, the `shop_id`-leading indexes of plugin
state and content pages). Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.accounts import LOCALES
from cloudcat.core.catalog.queries import published_products
from cloudcat.core.documents import Product, Shop, SourceSyncState
from cloudcat.core.documents import SyncRun as SyncRunDoc
from cloudcat.core.oauth import connected, connections_of
from cloudcat.core.providers import ProviderKind
from cloudcat.core.qr import qr_svg
from cloudcat.core.services import Services
from cloudcat.schema.admin.access import authorize
from cloudcat.schema.catalog.ledger import SyncCounts, SyncRunStatus
from cloudcat.schema.context import AppInfo

COUNT_FIELDS = ("created", "updated", "unchanged", "removed", "failed")

CONTENT_PAGES = "content_pages"
"""The content helper's collection of pages (`cloudcat.core.content.documents.ContentPage`)."""


@strawberry.enum(description="A step of a new shop's onboarding checklist, in order.")
class OnboardingStepKey(Enum):
    CONNECT_SOURCE = "connect_source"
    FIRST_SYNC = "first_sync"
    CHOOSE_THEME = "choose_theme"
    EDIT_HOME = "edit_home"
    PUBLISH = "publish"
    SHARE_POST = "share_post"


@strawberry.type(description="One step of the onboarding checklist.")
class OnboardingStep:
    key: OnboardingStepKey
    done: bool
    available: bool = strawberry.field(
        description="False while CloudCat cannot do this step yet (sharing a post needs "
        "channel posts, which come later): it is then never done."
    )


@strawberry.type(description="The shop's most recent sync run (of any source).")
class LastSync:
    at: datetime = strawberry.field(description="When it finished, or started if it has not.")
    status: SyncRunStatus
    source: str
    summary: list[SyncCounts] = strawberry.field(
        description="What it did per kind of object (the UI says it in its own words)."
    )
    error_code: str | None
    error: str | None


@strawberry.type(description="A shop at a glance: its site, its numbers, its next steps.")
class ShopOverview:
    site_url: str = strawberry.field(description="The shop's public site, /s/<slug>/.")

    products_published: int = strawberry.field(
        description="Products the site and storefront API show (active, not hidden)."
    )
    last_sync: LastSync | None
    pages_published: int = strawberry.field(
        description="Content pages published in at least one locale."
    )
    steps: list[OnboardingStep]

    @strawberry.field(description="A QR code of `siteUrl`, as an SVG document.")
    def site_qr_svg(self) -> str:
        return qr_svg(self.site_url)


@dataclass(frozen=True)
class _Facts:
    """What the checklist is made from, read in one go."""

    source_ready: bool
    synced: bool
    theme_enabled: bool
    home_page: bool
    pages_published: int
    products_published: int
    last_run: dict[str, Any] | None


def _source_ready(services: Services, shop: Shop) -> bool:
    """Whether an enabled marketplace source of `shop` is ready to sync (configured, and
    connected when it connects by authorization)."""
    service = services.shop_plugins
    states = service.states(shop.id)
    sources = [
        name
        for name, installed in service.plugins.providers.items()
        if installed.kind is ProviderKind.MARKETPLACE_SOURCE
        and name in states
        and states[name].enabled
    ]
    if not sources:
        return False
    links = connections_of(shop.id)
    return any(
        service.not_ready(
            shop, name, states[name], connected(links.get(name)), service.app_state(name)
        )
        is None
        for name in sources
    )


def _theme_enabled(services: Services, shop_id: ObjectId) -> bool:
    """Whether `shop_id` has an installed theme switched on."""
    providers = services.plugins.providers
    return any(
        providers[name].kind is ProviderKind.THEME
        for name in services.shop_plugins.enabled_names(shop_id)
    )


def published_pages_condition(shop_id: ObjectId) -> dict[str, Any]:
    """Content pages of `shop_id` with a published snapshot in at least one locale."""
    return {
        "shop_id": shop_id,
        "$or": [{f"locales.{locale}.published": {"$ne": None}} for locale in LOCALES],
    }


def _facts(services: Services, shop: Shop) -> _Facts:
    pages = services.db[CONTENT_PAGES]
    last_runs = (
        SyncRunDoc._get_collection()
        .find({"shop_id": shop.id}, {"issues": 0, "checkpoints": 0, "since": 0})
        .sort("started_at", -1)
        .limit(1)
    )
    synced = SourceSyncState._get_collection().find_one(
        {"shop_id": shop.id, "last_success_at": {"$ne": None}}, {"_id": 1}
    )
    return _Facts(
        source_ready=_source_ready(services, shop),
        synced=synced is not None,
        theme_enabled=_theme_enabled(services, shop.id),
        home_page=pages.find_one({"shop_id": shop.id, "kind": "home"}, {"_id": 1}) is not None,
        pages_published=pages.count_documents(published_pages_condition(shop.id)),
        products_published=Product._get_collection().count_documents(published_products(shop.id)),
        last_run=next(iter(last_runs), None),
    )


def _last_sync(raw: dict[str, Any]) -> LastSync:
    return LastSync(
        at=raw.get("finished_at") or raw["started_at"],
        status=SyncRunStatus(raw["status"]),
        source=raw["source"],
        summary=[
            SyncCounts(entity=entity, **{k: int(counts.get(k) or 0) for k in COUNT_FIELDS})
            for entity, counts in sorted((raw.get("counts") or {}).items())
        ],
        error_code=raw.get("error_code"),
        error=raw.get("error"),
    )


def overview_of(services: Services, shop: Shop) -> ShopOverview:
    """`shop` at a glance, from what is stored now."""
    facts = _facts(services, shop)
    done = {
        OnboardingStepKey.CONNECT_SOURCE: facts.source_ready,
        OnboardingStepKey.FIRST_SYNC: facts.synced,
        OnboardingStepKey.CHOOSE_THEME: facts.theme_enabled,
        OnboardingStepKey.EDIT_HOME: facts.home_page,
        OnboardingStepKey.PUBLISH: facts.pages_published > 0,
        # Channel posts do not exist yet (issue 11): the step is shown, never done.
        OnboardingStepKey.SHARE_POST: False,
    }
    return ShopOverview(
        site_url=f"{services.settings.public_url}/s/{shop.slug}/",
        products_published=facts.products_published,
        last_sync=_last_sync(facts.last_run) if facts.last_run else None,
        pages_published=facts.pages_published,
        steps=[
            OnboardingStep(
                key=key, done=done[key], available=key is not OnboardingStepKey.SHARE_POST
            )
            for key in OnboardingStepKey
        ],
    )


@strawberry.type
class OnboardingQuery:
    @strawberry.field(description="The admin home page of a shop: checklist, site, numbers.")
    async def shop_overview(self, info: AppInfo, shop_id: strawberry.ID) -> ShopOverview:
        shop = await authorize(info, shop_id)
        return await run_in_threadpool(overview_of, info.context.services, shop)
