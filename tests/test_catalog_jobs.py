"""Catalog syncs as jobs: the worker honours a rate limit's retry_after, does not retry an
expired authorization, and the retry of a failed run resumes it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from bson import ObjectId

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.documents import SyncRun
from cloudcat.core.job_handlers import CATALOG_SYNC, catalog_sync_handler, start_catalog_sync
from cloudcat.core.jobs import Backoff, JobState, Worker, get_job, retry
from cloudcat.core.jobs.model import utcnow
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.catalog_sources import MARKETS, Market, MarketPlugin, product


@pytest.fixture
def setup(settings: Settings, db: RawDatabase) -> Iterator[tuple[Services, ObjectId, Market]]:
    MARKETS["default"] = market = Market(page_size=1)
    for n in range(3):
        market.put(product(f"P{n}", f"Item {n}", "1.00"))
    services = build_services(
        settings, db, create_plugin_manager(extra=[("market", MarketPlugin())])
    )
    shop = create_shop(
        create_user("s@example.com", "correct horse battery"), "s", ShopFields(name="S")
    )
    services.shop_plugins.set_enabled(shop.id, "market", True)
    yield services, shop.id, market
    MARKETS.clear()


def test_a_rate_limited_sync_job_waits_as_asked_then_resumes(
    setup: tuple[Services, ObjectId, Market],
) -> None:
    services, shop_id, market = setup
    market.rate_limited_after_pages = 2
    worker = Worker(
        services.db, {CATALOG_SYNC: catalog_sync_handler(services)}, backoff=Backoff(0.01)
    )
    job_id = start_catalog_sync(services.db, shop_id, "market", "full")

    assert worker.run_once()

    job = get_job(services.db, shop_id, job_id)
    assert job is not None and job.state is JobState.RETRYING
    assert job.run_at >= utcnow() + timedelta(seconds=5)  # Retry-After 7 s, not 0.01 s
    assert "the sync goes on in 7 seconds" in (job.last_error or "")
    market.rate_limited_after_pages = None
    retry(services.db, shop_id, job_id)
    assert worker.run_once()
    job = get_job(services.db, shop_id, job_id)
    assert job is not None and job.state is JobState.SUCCEEDED
    assert job.result is not None and job.result["resumed"] == 1
    assert SyncRun.objects(shop_id=shop_id).count() == 1


def test_an_expired_authorization_is_not_retried(
    setup: tuple[Services, ObjectId, Market],
) -> None:
    services, shop_id, market = setup
    market.auth_expired = True
    worker = Worker(
        services.db, {CATALOG_SYNC: catalog_sync_handler(services)}, backoff=Backoff(0.01)
    )
    job_id = start_catalog_sync(services.db, shop_id, "market")

    assert worker.run_once()

    job = get_job(services.db, shop_id, job_id)
    assert job is not None and job.state is JobState.DEAD and job.attempts == 1
    assert "reconnect" in (job.last_error or "")
