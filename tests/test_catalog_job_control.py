"""A running sync job stops at its next record when cancelled, reports progress as it writes,
and one shop's long job never keeps another shop's job waiting."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from bson import ObjectId

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.documents import Product
from cloudcat.core.job_handlers import CATALOG_SYNC, catalog_sync_handler, start_catalog_sync
from cloudcat.core.jobs import JobContext, JobState, Worker, cancel, enqueue, get_job
from cloudcat.core.jobs.model import utcnow
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.catalog_sources import MARKETS, Market, MarketPlugin, product

WAIT_SECONDS = 20.0


def wait_for(check: Callable[[], Any], what: str, timeout: float = WAIT_SECONDS) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def state_of(db: RawDatabase, shop_id: ObjectId, job_id: ObjectId) -> JobState:
    """The state of a job that must exist."""
    job = get_job(db, shop_id, job_id)
    assert job is not None, f"no job {job_id}"
    return job.state


@pytest.fixture
def setup(settings: Settings, db: RawDatabase) -> Iterator[tuple[Services, ObjectId, Market]]:
    MARKETS["default"] = market = Market(page_size=10, page_delay=0.02)
    for n in range(1000):
        market.products[f"P{n:04d}"] = product(f"P{n:04d}", f"Item {n}", "1.00")
    services = build_services(
        settings, db, create_plugin_manager(extra=[("market", MarketPlugin())])
    )
    shop = create_shop(
        create_user("s@example.com", "correct horse battery"), "s", ShopFields(name="S")
    )
    services.shop_plugins.set_enabled(shop.id, "market", True)
    yield services, shop.id, market
    MARKETS.clear()


def _worker(services: Services) -> Worker:
    return Worker(
        services.db,
        {CATALOG_SYNC: catalog_sync_handler(services)},
        progress_interval=0.05,
        poll_seconds=0.05,
    )


def test_a_cancelled_sync_stops_at_its_next_records_and_keeps_what_it_stored(
    setup: tuple[Services, ObjectId, Market],
) -> None:
    services, shop_id, _ = setup
    job_id = start_catalog_sync(services.db, shop_id, "market", "full")
    runner = threading.Thread(target=_worker(services).run_once)
    runner.start()

    def reported() -> bool:
        job = get_job(services.db, shop_id, job_id)
        return job is not None and job.progress is not None and job.progress.done > 0

    wait_for(reported, "the first records to be reported")
    stored = Product.objects(shop_id=shop_id).count()
    cancel(services.db, shop_id, job_id)
    runner.join(WAIT_SECONDS)
    assert not runner.is_alive()

    job = get_job(services.db, shop_id, job_id)
    assert job is not None and job.state is JobState.CANCELLED
    kept = Product.objects(shop_id=shop_id).count()
    # A few pages more were read before the cancel was seen, not the rest of the catalog.
    assert stored <= kept <= stored + 150 < 1000


def test_sync_progress_takes_intermediate_values_as_records_are_written(
    setup: tuple[Services, ObjectId, Market],
) -> None:
    services, shop_id, market = setup
    market.products = dict(list(market.products.items())[:300])
    market.page_delay = 0.05  # 30 pages: the sync takes about 1.5 s
    job_id = start_catalog_sync(services.db, shop_id, "market", "full")
    seen: list[tuple[float, int]] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            job = get_job(services.db, shop_id, job_id)
            if job is not None and job.progress is not None:
                seen.append((job.progress.done, Product.objects(shop_id=shop_id).count()))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        assert _worker(services).run_once()
    finally:
        done.set()
        watcher.join()
    job = get_job(services.db, shop_id, job_id)
    assert job is not None and job.state is JobState.SUCCEEDED
    between = {value for value, _ in seen if 0 < value < 300}
    assert len(between) >= 2, sorted(set(seen))  # not 0% then 100%
    assert any(0 < count < 300 for _, count in seen)  # the records were written as it went


def test_one_shops_long_job_does_not_keep_another_shops_job_waiting(db: RawDatabase) -> None:
    busy, other = ObjectId(), ObjectId()
    release = threading.Event()

    def block(job: JobContext) -> str:
        release.wait(WAIT_SECONDS)
        return "blocked"

    def quick(job: JobContext) -> str:
        return "quick"

    worker = Worker(
        db,
        {"test.block": block, "test.quick": quick},
        concurrency=2,
        poll_seconds=0.05,
        shop_limit=1,
    )
    first = enqueue(db, "test.block", {}, shop_id=busy)
    worker.start()
    try:
        wait_for(lambda: state_of(db, busy, first) is JobState.RUNNING, "the first job")
        waiting = enqueue(db, "test.quick", {}, shop_id=other)
        # The busy shop's second job is older, and would be claimed first in run_at order.
        second = enqueue(db, "test.block", {}, shop_id=busy, run_at=utcnow() - timedelta(seconds=5))
        wait_for(
            lambda: state_of(db, other, waiting) is JobState.SUCCEEDED,
            "the other shop's job to run while the busy shop's job is stuck",
        )
        assert state_of(db, busy, first) is JobState.RUNNING
        time.sleep(0.3)  # a free thread, but the busy shop is at its limit of one job
        assert state_of(db, busy, second) is JobState.QUEUED
        release.set()
        wait_for(
            lambda: state_of(db, busy, second) is JobState.SUCCEEDED,
            "the busy shop's second job once its first is done",
        )
    finally:
        release.set()
        worker.stop(WAIT_SECONDS)


def test_a_job_still_running_after_the_shutdown_grace_is_given_back(db: RawDatabase) -> None:
    shop_id = ObjectId()
    started = threading.Event()

    def endless(job: JobContext) -> None:
        started.set()
        while True:
            job.check_cancelled()
            time.sleep(0.01)

    worker = Worker(
        db, {"test.endless": endless}, poll_seconds=0.05, grace_seconds=0.2, progress_interval=0
    )
    job_id = enqueue(db, "test.endless", {}, shop_id=shop_id)
    worker.start()
    assert started.wait(WAIT_SECONDS)
    worker.stop(WAIT_SECONDS)
    assert worker._thread is not None and not worker._thread.is_alive()
    job = get_job(db, shop_id, job_id)
    assert job is not None and job.state is JobState.QUEUED and job.attempts == 0
    assert job.lease_owner is None
