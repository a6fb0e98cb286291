"""Every hook a CloudCat plugin can implement, with what it receives, returns and when it runs.

Plugins implement hooks with `cloudcat.core.plugin_api.hookimpl`. The four *registration* hooks
return provider classes; the contribution hooks add GraphQL fields, HTTP routes and job handlers;
the *observer* hooks are told about domain events, and for a given shop only the plugins with a
provider enabled in that shop are called. An observer that raises never breaks the caller: the
error is recorded on the shop's plugin status.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

    from cloudcat.core.contributions import GraphQLContribution
    from cloudcat.core.providers import (
        AnalyticsSink,
        ChannelPublisher,
        MarketplaceSource,
        ShopInfo,
        Theme,
        TrackedEvent,
    )

PROJECT = "cloudcat"
hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def cloudcat_marketplace_sources() -> Sequence[type[MarketplaceSource]]:
    """Return the marketplace source classes this plugin provides.

    Called once when the plugin manager is built. Each class reads a shop's catalog from a
    marketplace or feed (see `MarketplaceSource`).
    """


@hookspec
def cloudcat_channel_publishers() -> Sequence[type[ChannelPublisher]]:
    """Return the channel publisher classes this plugin provides.

    Called once when the plugin manager is built. Each class publishes content to one kind of
    channel (see `ChannelPublisher`).
    """


@hookspec
def cloudcat_themes() -> Sequence[type[Theme]]:
    """Return the theme classes this plugin provides.

    Called once when the plugin manager is built. A theme renders a shop's marketing site.
    """


@hookspec
def cloudcat_analytics_sinks() -> Sequence[type[AnalyticsSink]]:
    """Return the analytics sink classes this plugin provides.

    Called once when the plugin manager is built. A sink receives the shop's tracked events.
    """


@hookspec
def cloudcat_admin_graphql() -> GraphQLContribution | None:
    """Return GraphQL query and mutation fields to merge into the admin schema.

    Called once when the schema is built (the schema is shared by every shop). Resolvers must
    check that their plugin is enabled for the shop they are asked about: use
    `require_plugin_enabled(info, shop_id, name)`. A field whose name is already taken refuses
    the schema build with a clear error.
    """


@hookspec
def cloudcat_storefront_graphql() -> GraphQLContribution | None:
    """Return GraphQL query fields to merge into the public storefront schema.

    Same rules as `cloudcat_admin_graphql`; storefront fields are read-only.
    """


@hookspec
def cloudcat_routes() -> Sequence[BaseRoute]:
    """Return Starlette routes (OAuth callbacks, webhooks...) for this plugin.

    Called once when the app is built. The routes are mounted under `/plugins/<plugin name>`,
    where the plugin name is its entry-point name; the handler must check for itself which shop
    a request is for and that the plugin is enabled there.
    """


@hookspec
def cloudcat_job_handlers() -> dict[str, Callable[..., Any]]:
    """Return background job handlers by job kind (e.g. ``{"myplugin.refresh": handler}``).

    Called once when a worker starts. A handler is called as ``handler(job)`` with a
    `cloudcat.core.jobs.JobContext`; it reports progress through it and raises to fail the
    attempt (the job is retried with backoff, then dead-lettered). Kinds must be unique.
    """


@hookspec
def cloudcat_catalog_changed(shop: ShopInfo, change: dict[str, Any]) -> None:
    """Observer: a sync (or a webhook delivery) changed the catalog of `shop`.

    `change` holds ``source`` (the source name), ``run_id`` (its `SyncRun` ledger entry),
    ``kind`` (``full``, ``incremental``, ``reconcile`` or ``changes``) and the products'
    ``created``, ``updated`` and ``removed`` (delisted or deleted) external ids; when other
    objects changed too, ``categories``, ``promotions`` and ``orders`` each hold the same
    three lists. Id lists stop at 10,000 entries. Called after the changes are stored (also
    when the run then failed, for what it stored), only when something changed, only for
    plugins enabled in `shop`. The return value is ignored.
    """


@hookspec
def cloudcat_events_tracked(shop: ShopInfo, events: Sequence[TrackedEvent]) -> None:
    """Observer: shopper events of `shop` were collected and accepted.

    Called after the events were delivered to the shop's analytics sinks, only for plugins
    enabled in `shop`. The return value is ignored.
    """
