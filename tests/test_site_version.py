"""Site versions: bumped exactly when what a shop shows changes, and scheduled changes fall due."""

from __future__ import annotations

import time
from datetime import timedelta

from cloudcat.core import site_version
from cloudcat.core.catalog.editing import OwnedChanges, update_owned_content
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Product, Promotion, Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.jobs import list_jobs
from cloudcat.core.jobs.worker import Worker
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.conftest import make_shop
from tests.fakes.feed import FeedServer

ROWS = [
    {"id": "P1", "title": "Longjing", "price": "19.90"},
    {"id": "P2", "title": "Oolong", "price": "8.00"},
]


def _sync(shop_plugins: ShopPlugins, shop: Shop, feed_server: FeedServer, rows: list) -> None:
    """Serve `rows` as the shop's feed and sync it (the feed plugin is set up on first use)."""
    url = feed_server.serve_json("/feed.json", rows)
    state = shop_plugins.state(shop.id, "feed")
    if state is None or not state.enabled:
        shop_plugins.configure(shop.id, "feed", {"url": url})
        shop_plugins.set_enabled(shop.id, "feed", True)
    run_source_sync(shop_plugins, shop, "feed")


def test_a_shop_that_never_changed_is_at_version_zero_and_reading_writes_nothing(
    db: RawDatabase, shop: Shop
) -> None:
    state = site_version.current(shop.id)
    assert state.version == 0 and state.cacheable()
    assert db["site_versions"].count_documents({}) == 0


def test_a_sync_that_changes_the_catalog_bumps_and_an_unchanged_one_does_not(
    db: RawDatabase, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    _sync(shop_plugins, shop, feed_server, ROWS)
    after_first = site_version.current(shop.id).version
    assert after_first > 0

    _sync(shop_plugins, shop, feed_server, ROWS)  # same feed: nothing changed
    assert site_version.current(shop.id).version == after_first

    changed = [dict(ROWS[0], price="21.00"), ROWS[1]]
    _sync(shop_plugins, shop, feed_server, changed)
    assert site_version.current(shop.id).version == after_first + 1


def test_a_sellers_edit_and_a_shop_edit_bump_only_their_own_shop(
    db: RawDatabase, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    other = make_shop("other-shop")
    _sync(shop_plugins, shop, feed_server, ROWS)
    before, other_before = site_version.current(shop.id), site_version.current(other.id)
    product = Product.objects(shop_id=shop.id, external_id="P1").get()

    update_owned_content(shop.id, str(product.id), OwnedChanges(title="Dragon Well"))

    assert site_version.current(shop.id).version == before.version + 1
    assert site_version.current(other.id) == other_before


def test_a_promotion_boundary_makes_the_state_uncacheable_once_due_and_queues_its_bump(
    db: RawDatabase, shop: Shop
) -> None:
    starts = utcnow() + timedelta(hours=2)
    Promotion(
        shop_id=shop.id,
        source="feed",
        external_id="618",
        name="618",
        starts_at=starts,
        ends_at=starts + timedelta(days=1),
        currency="CNY",
    ).save()

    version = site_version.bump(shop.id, "test")

    state = site_version.current(shop.id)
    assert state.version == version
    assert state.valid_until is not None and abs(state.valid_until - starts) < timedelta(seconds=1)
    assert state.cacheable(utcnow()) and not state.cacheable(starts + timedelta(seconds=1))
    jobs = list_jobs(db, shop.id, kind=site_version.SITE_CHANGE_DUE, first=10).jobs
    assert len(jobs) == 1 and abs(jobs[0].run_at - starts) < timedelta(seconds=1)

    site_version.bump(shop.id, "again")  # the same due moment: still one job
    assert len(list_jobs(db, shop.id, kind=site_version.SITE_CHANGE_DUE, first=10).jobs) == 1


def test_the_due_job_bumps_when_a_promotion_starts_and_caching_resumes(
    db: RawDatabase, shop: Shop
) -> None:
    starts = utcnow() + timedelta(seconds=1)
    Promotion(
        shop_id=shop.id,
        source="feed",
        external_id="flash",
        name="Flash sale",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        currency="CNY",
    ).save()
    version = site_version.bump(shop.id, "promotion synced")
    worker = Worker(db, {site_version.SITE_CHANGE_DUE: site_version.change_due_handler})

    deadline = time.monotonic() + 30
    while site_version.current(shop.id).version == version and time.monotonic() < deadline:
        if not worker.run_once():
            time.sleep(0.05)

    state = site_version.current(shop.id)
    assert utcnow() >= starts and state.version == version + 1
    assert state.valid_until is not None and state.valid_until > starts  # now the sale's end
    assert state.cacheable()
