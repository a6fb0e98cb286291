"""Syncing a shop from one of its enabled sources, as a job, the CLI or a test does it.

`run_source_sync` builds the shop's enabled source, runs the engine (`run_sync`), records the
plugin's health (ok, or the error a seller reads in the admin UI) and tells observers.
"""

from __future__ import annotations

from datetime import timedelta

from cloudcat.core.catalog.engine import (
    CHECKPOINT_INTERVAL,
    InterruptCheck,
    ProgressCallback,
    run_sync,
)
from cloudcat.core.catalog.ledger import DEFAULT_LEASE, SyncAlreadyRunning
from cloudcat.core.catalog.report import SyncReport
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput, PluginFailure
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.tenancy import ShopPlugins


def source_of(shop_plugins: ShopPlugins, shop: Shop, source_name: str) -> MarketplaceSource:
    """Build `shop`'s enabled source `source_name`; `BadInput` if it is not one."""
    provider = shop_plugins.provider(shop, source_name)
    if not isinstance(provider, MarketplaceSource):
        raise BadInput(f"{source_name!r} is not a marketplace source")
    return provider


def run_source_sync(
    shop_plugins: ShopPlugins,
    shop: Shop,
    source_name: str,
    *,
    kind: str | None = None,
    progress: ProgressCallback | None = None,
    interrupt: InterruptCheck | None = None,
    trigger: str = "job",
    lease: timedelta = DEFAULT_LEASE,
    checkpoint_interval: float = CHECKPOINT_INTERVAL,
) -> SyncReport:
    """Sync `shop` from its enabled source `source_name`, as a job would.

    `kind` None plans the run (full, reconcile or incremental); see `SyncEngine.run`. The
    plugin's health is recorded and observers are told about changes. Raises `BadInput` if
    the source is not enabled or not a source, `SyncAlreadyRunning` if a run is alive, and
    `SyncFailed` (a `PluginFailure`, recorded first) if the run stops on an error.
    """
    provider = source_of(shop_plugins, shop, source_name)
    try:
        report = run_sync(
            shop,
            provider,
            kind=kind,
            progress=progress,
            interrupt=interrupt,
            observers=shop_plugins,
            trigger=trigger,
            lease=lease,
            checkpoint_interval=checkpoint_interval,
        )
    except SyncAlreadyRunning:
        raise
    except PluginFailure as exc:
        shop_plugins.record_error(shop.id, source_name, exc)
        raise
    shop_plugins.record_ok(shop.id, source_name)
    return report
