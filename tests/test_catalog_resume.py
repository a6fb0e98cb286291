"""A sync killed half-way (SIGKILL of its process) resumes where it stopped and ends with the
same catalog as a sync that was never interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.documents import Shop, SyncRun
from cloudcat.core.plugin_api import ProviderContext
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import shop_info
from tests.catalog_checks import comparable, snapshot
from tests.catalog_sources import MARKETS, Market, MarketConfig, MarketSource

COUNT = 300
PAGE_SIZE = 20
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def markets() -> Iterator[None]:
    MARKETS.clear()
    MARKETS["v1"] = Market.generated(COUNT, 1)
    MARKETS["v2"] = Market.generated(COUNT, 2)
    for market in MARKETS.values():
        market.page_size = PAGE_SIZE
    yield
    MARKETS.clear()


def source(db: RawDatabase, shop: Shop, market: str) -> MarketSource:
    return MarketSource(ProviderContext(shop_info(shop), MarketConfig(market=market), db, "x"))


def new_shop(slug: str) -> Shop:
    owner = create_user(f"{slug}@example.com", "correct horse battery")
    return create_shop(owner, slug, ShopFields(name=slug))


def wait_for_checkpoint(shop: Shop, page: int, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        run = SyncRun.objects(shop_id=shop.id, status="running").first()
        token = (run.checkpoints or {}).get("product") if run else None
        if token and int(token.split(":")[1]) >= page:
            return
        assert child.poll() is None, "the sync finished before it could be killed"
        time.sleep(0.01)
    raise AssertionError("the child never reached the checkpoint")


def test_a_killed_sync_resumes_and_ends_like_an_uninterrupted_one(
    db: RawDatabase, mongo_uri: str, database_name: str, markets: None
) -> None:
    killed, control = new_shop("killed"), new_shop("control")
    for shop in (killed, control):
        run_sync(shop, source(db, shop, "v1"), kind="full")
    run_sync(control, source(db, control, "v2"), kind="full")
    arguments = [mongo_uri, database_name, str(killed.id), str(COUNT), "2", str(PAGE_SIZE), "0.05"]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync_child", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        wait_for_checkpoint(killed, 4, child)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    interrupted = SyncRun.objects(shop_id=killed.id, kind="full").order_by("-started_at").first()
    assert interrupted is not None and interrupted.status == "running"
    half = snapshot(db, killed.id)
    assert comparable(half) != comparable(snapshot(db, control.id))  # really half-way
    assert all(doc["status"] == "active" for doc in half.values())  # nothing delisted yet
    MARKETS["v2"].calls.clear()

    report = run_sync(killed, source(db, killed, "v2"), lease=timedelta(0))

    assert report.resumed == 1 and report.run_id == str(interrupted.id)
    token = interrupted.checkpoints["product"]
    assert int(token.split(":")[1]) >= 4
    assert f"products since=None checkpoint={token}" in MARKETS["v2"].calls
    assert comparable(snapshot(db, killed.id)) == comparable(snapshot(db, control.id))
    assert comparable(snapshot(db, killed.id, "categories")) == comparable(
        snapshot(db, control.id, "categories")
    )
    delisted = {k for k, doc in snapshot(db, killed.id).items() if doc["status"] == "delisted"}
    assert len(delisted) == COUNT // 10  # every product removed in version 2, none else
    assert SyncRun.objects(shop_id=killed.id).order_by("-started_at").first().status == "succeeded"
