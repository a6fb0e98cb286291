"""`cloudcat sync SHOP`: syncs in-process against the configured database and prints the ledger."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.documents import SyncRun
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.conftest import LOOPBACK_NETWORKS, TEST_SECRET_KEY
from tests.fakes.feed import FeedServer

ROOT = Path(__file__).resolve().parent.parent
ROWS = [
    {"id": "A", "title": "Tea", "price": "1.00"},
    {"id": "B", "title": "Cup", "price": "2.00"},
    {"id": "C", "title": "No price"},
]


def cloudcat(
    mongo_uri: str, database_name: str, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLOUDCAT_ENVIRONMENT": "test",
        "CLOUDCAT_SECRET_KEY": TEST_SECRET_KEY,
        "CLOUDCAT_MONGODB_URI": mongo_uri,
        "CLOUDCAT_DATABASE_NAME": database_name,
        "CLOUDCAT_DATA_DIR": str(tmp_path),
        "CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS": json.dumps(LOOPBACK_NETWORKS),  # the feed fake
        "COLUMNS": "120",
    }
    return subprocess.run(
        [sys.executable, "-c", "from cloudcat.core.cli import main; main()", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def row(output: str, name: str) -> list[str]:
    """The counts of ledger table row `name`: created, updated, unchanged, removed, failed."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        if cells and cells[0] == name:
            return cells[1:]
    raise AssertionError(f"no {name} row in:\n{output}")


def test_cloudcat_sync_runs_the_sync_and_prints_the_ledger(
    db: RawDatabase, mongo_uri: str, database_name: str, tmp_path: Path, feed_server: FeedServer
) -> None:
    shop = create_shop(
        create_user("s@example.com", "correct horse battery"), "tea", ShopFields(name="Tea")
    )
    shop_plugins = ShopPlugins(create_plugin_manager(), db, SecretBox(TEST_SECRET_KEY), "http://x")
    shop_plugins.configure(shop.id, "feed", {"url": feed_server.serve_json("/f.json", ROWS)})
    shop_plugins.set_enabled(shop.id, "feed", True)

    first = cloudcat(mongo_uri, database_name, tmp_path, "sync", "tea")

    assert first.returncode == 0, first.stderr
    assert "feed: full sync, succeeded" in first.stdout
    assert row(first.stdout, "product") == ["2", "0", "0", "0", "1"]
    assert "failed product C: item 3: missing price" in first.stdout
    again = cloudcat(
        mongo_uri, database_name, tmp_path, "sync", "tea", "--source", "feed", "--full"
    )
    assert again.returncode == 0 and row(again.stdout, "product") == ["0", "0", "2", "0", "1"]
    assert [run.trigger for run in SyncRun.objects(shop_id=shop.id)] == ["cli", "cli"]

    feed_server.fail_next("/f.json", 404, times=5)
    broken = cloudcat(mongo_uri, database_name, tmp_path, "sync", "tea")
    assert (
        broken.returncode == 1 and "feed failed:" in broken.stdout and "HTTP 404" in broken.stdout
    )
    missing = cloudcat(mongo_uri, database_name, tmp_path, "sync", "nowhere")
    assert missing.returncode == 1 and "there is no shop 'nowhere'" in missing.stdout
